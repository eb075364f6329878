/**
 * `paths` → the IR's operations and the groups (resources) they belong to: each operation's id, group,
 * method name, parameters, body, responses, and the request model that gathers its arguments.
 */
import type { Loc } from "../load/document.js";
import { HTTP_METHODS } from "../load/validate.js";
import { isObj, pointer, rootLoc, str, type BuildContext, type Obj } from "./context.js";
import { NameScope, camelCase, identifierCamel, pascalCase, placeKey, words } from "./names.js";
import { buildPagination } from "./pagination.js";
import { buildParameters } from "./parameters.js";
import { buildRequestBody, otherBodyTypes } from "./request-body.js";
import { buildResponses, streamsOnly } from "./responses.js";
import { sourceKey } from "./schema.js";
import { securityOf } from "./security.js";
import type { Body, Field, Group, ObjectModel, Operation, Parameter, Response } from "./types.js";

/** Naming state across operations: ids are unique in the API, method names in their group. */
interface Names {
  operationIds: NameScope;
  groups: Map<string, Group>;
  methods: Map<string, NameScope>;
}

/** `tick`: told after each path. */
export function buildOperations(ctx: BuildContext, globalSecurity: string[][], tick?: () => void): { operations: Operation[]; groups: Group[] } {
  const names: Names = { operationIds: ctx.book.scope("operations"), groups: new Map(), methods: new Map() };
  const operations: Operation[] = [];
  const paths = isObj(ctx.doc.paths) ? ctx.doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith("x-")) continue;
    const item = ctx.resolver.deref<Obj>(rawItem, rootLoc(ctx, "paths", path));
    if (!isObj(item.value)) continue;
    for (const httpMethod of HTTP_METHODS) {
      const op = item.value[httpMethod];
      // Speakeasy's x-speakeasy-ignore: the operation stays out of the SDKs (and their docs).
      if (!isObj(op) || op["x-speakeasy-ignore"] === true) continue;
      const where: Where = { path, httpMethod, item: item as { value: Obj; loc: Loc }, op, globalSecurity };
      const opLoc: Loc = { ...where.item.loc, path: [...where.item.loc.path, httpMethod] };
      // A body of more than one encoding (JSON, and a multipart file upload): a method for each, as
      // Speakeasy's SDKs have them (`createTranscription`, `createTranscriptionMultipart`).
      for (const variant of [undefined, ...otherBodyTypes(ctx, op, opLoc)]) {
        const operation = buildOperation(ctx, names, where, variant);
        operations.push(operation);
        names.groups.get(operation.group)!.operations.push(operation.operationId);
      }
    }
    tick?.();
  }
  return { operations, groups: withParents([...names.groups.values()]) };
}

/**
 * Every level of a nested group is a group: `beta.conversations` needs a `beta` holding it, made
 * (with no operations) when the spec names none; it comes right before its first child, so the
 * order stays the spec's.
 */
function withParents(groups: Group[]): Group[] {
  const byName = new Map(groups.map((g) => [g.name, g]));
  const out: Group[] = [];
  const placed = new Set<string>();
  const place = (g: Group) => {
    if (placed.has(g.name)) return;
    if (g.path.length > 1) {
      const up = g.path.slice(0, -1);
      const name = camelCase(up.join(" "));
      let parent = byName.get(name);
      if (!parent) {
        parent = { name, title: up.map(pascalCase).join("."), operations: [], path: up };
        byName.set(name, parent);
        if (up.length > 1) parent.parent = camelCase(up.slice(0, -1).join(" "));
      }
      g.parent = parent.name;
      place(parent);
    }
    placed.add(g.name);
    out.push(g);
  };
  groups.forEach(place);
  return out;
}

interface Where {
  path: string;
  httpMethod: string;
  item: { value: Obj; loc: Loc };
  op: Obj;
  globalSecurity: string[][];
}

/** `variant`: the operation for one of its body's other media types (see otherBodyTypes). */
function buildOperation(ctx: BuildContext, names: Names, { path, httpMethod, item, op, globalSecurity }: Where, variant?: { contentType: string; word: string }): Operation {
  const opLoc: Loc = { ...item.loc, path: [...item.loc.path, httpMethod] };
  const specId = str(op.operationId) ?? `${httpMethod} ${path.replace(/\{([^}]+)\}/g, "by $1")}`;
  // Speakeasy's id for the variant (hook contexts and names see it): `createAudioTranscriptions_multipart`.
  const rawId = variant ? `${specId}_${variant.word}` : specId;
  // Names kept from the last generation are kept by where the operation is (and which variant).
  const place = sourceKey(ctx.resolver, opLoc) + (variant ? `#${variant.word}` : "");
  const key = placeKey(place);
  const operationId = names.operationIds.claim(pascalCase(rawId) || "Operation", key);
  const { group, method } = groupAndMethod(ctx, names, op, path, specId, key, variant?.word);
  // The operation id's PascalCase is the stem of its inline models' names.
  const paramNames = new NameScope();
  const params = buildParameters(ctx, item, op, opLoc, operationId, paramNames);
  const body = buildRequestBody(ctx, op, opLoc, operationId, variant?.contentType);
  const { success, errors } = buildResponses(ctx, op, opLoc, operationId);
  const pagination = buildPagination(ctx, op, opLoc, httpMethod, { params, body, success });
  markStreamSwitch(ctx, body, success);
  // A fragment tells apart operations on one path (Speakeasy's `/chat#stream`); it is never sent.
  const [target] = path.split("#");
  return {
    operationId,
    specOperationId: rawId,
    ...maxMethodParamsOf(op),
    group,
    method,
    httpMethod,
    path: target.split("?")[0],
    fixedQuery: [...new URLSearchParams(target.split("?")[1] ?? "").entries()].filter(([, v]) => !v.includes("{")),
    summary: str(op.summary),
    description: str(op.description),
    deprecated: op.deprecated === true,
    params,
    body,
    request: requestOf(ctx, operationId, opLoc, placeKey(`${place}#request`), params, body, paramNames),
    success,
    errors,
    security: securityOf(op.security) ?? globalSecurity,
    ...(pagination ? { pagination } : {}),
    source: pointer(opLoc),
  };
}

/**
 * An operation that only streams events, whose body has a boolean `stream` field defaulting to true
 * (Mistral's `chat.stream` beside `chat.complete`): the SDK sends that default, or the server, whose
 * own default is false, would answer with JSON.
 */
function markStreamSwitch(ctx: BuildContext, body: Body | undefined, success: Response[]): void {
  if (!body || !streamsOnly(success)) return;
  const model = body.type.kind === "ref" ? ctx.schemas.models.get(body.type.model) : undefined;
  const f = model?.kind === "object" ? model.fields.find((x) => x.wireName === "stream") : undefined;
  const isBoolean = f && ((f.type.kind === "primitive" && f.type.type === "boolean") || (f.type.kind === "literal" && f.type.value === true));
  if (f && f.default === true && isBoolean) f.sendDefault = true;
}

/** The group (`x-speakeasy-group`, else the first tag, else the path's first word) and the method name in it. */
function groupAndMethod(ctx: BuildContext, names: Names, op: Obj, path: string, rawId: string, key: string, word?: string): { group: string; method: string } {
  const tags = Array.isArray(op.tags) ? op.tags.map(String) : [];
  const explicit = str(op["x-speakeasy-group"]);
  const groupRaw = explicit ?? tags[0] ?? words(path)[0] ?? "default";
  const group = camelCase(groupRaw) || "default";
  if (!names.groups.has(group)) {
    const tag = Array.isArray(ctx.doc.tags) ? (ctx.doc.tags as Obj[]).find((t) => isObj(t) && t.name === tags[0]) : undefined;
    // A dot nests, in x-speakeasy-group or a tag, as Speakeasy reads them (`beta.conversations`).
    const levels = (explicit || tags[0] ? groupRaw.split(".") : [groupRaw]).map((l) => camelCase(l)).filter(Boolean);
    const nested = levels.length > 1 ? levels : [group];
    names.groups.set(group, { name: group, title: nested.length > 1 ? nested.map(pascalCase).join(".") : pascalCase(groupRaw), description: str(tag?.description), operations: [], path: nested });
    names.methods.set(group, ctx.book.scope(`methods ${group}`));
  }
  // An identifier keeps its casing, as in Speakeasy's SDKs (`exchangeAuthCodeForAPIKey`).
  const base = identifierCamel(str(op["x-speakeasy-name-override"]) ?? stripGroup(rawId, groupRaw)) || "call";
  const method = names.methods.get(group)!.claim(word ? base + pascalCase(word) : base, key);
  return { group, method };
}

/** "ActorTokensCreate" in group "actorTokens" → "create"; never stripped to nothing. */
function stripGroup(operationId: string, group: string): string {
  const g = words(group);
  const w = words(operationId);
  if (w.length > g.length && g.every((x, i) => w[i] === x)) return w.slice(g.length).join(" ");
  return operationId;
}

/**
 * The request model's field holding the body, as Speakeasy names it: after the body's schema when it
 * is a component (`ChatRequest` → `chatRequest`), else `requestBody`.
 */
function bodyFieldName(ctx: BuildContext, body: Body): string {
  const model = body.type.kind === "ref" ? ctx.schemas.models.get(body.type.model) : undefined;
  if (model?.place !== "components") return "requestBody";
  // The schema's key as the spec writes it (`CreateBYOKKeyRequest` → `createBYOKKeyRequest`), unless
  // the schema is renamed (x-speakeasy-name-override).
  const key = /^#\/components\/schemas\/([^/]+)$/.exec(model.source)?.[1];
  return (key && pascalCase(key) === model.name ? identifierCamel(key) : camelCase(model.name)) || "requestBody";
}

/** The argument: a request model gathering parameters (+ body), the body itself, or nothing. */
function requestOf(ctx: BuildContext, operationId: string, opLoc: Loc, key: string, params: Parameter[], body: Body | undefined, paramNames: NameScope): Operation["request"] {
  if (params.length === 0) {
    // Speakeasy-style: an operation whose only input is its body takes the body as `request`, optional
    // when the body is (`requestBody.required` is false by default).
    return body ? { type: body.type, required: body.required, wrapsBody: true } : undefined;
  }
  const fields: Field[] = params.map((p) => ({ ...p }));
  if (body) {
    fields.push({
      wireName: "",
      name: paramNames.claim(bodyFieldName(ctx, body)),
      type: body.type,
      required: body.required,
      description: body.description,
      deprecated: false,
      readOnly: false,
      writeOnly: false,
    });
  }
  const name = ctx.schemas.names.claim(operationId + "Request", key);
  ctx.schemas.keys.set(name, key);
  const model: ObjectModel = { kind: "object", name, place: "operations", fields, deprecated: false, source: pointer(opLoc), request: { operation: operationId } };
  ctx.schemas.models.set(name, model);
  return { type: { kind: "ref", model: name }, required: fields.some((f) => f.required), wrapsBody: false };
}

/** `x-speakeasy-max-method-params`, when it is a whole number of parameters (anything else is ignored, as Speakeasy does). */
function maxMethodParamsOf(op: Obj): { maxMethodParams?: number } {
  const v = op["x-speakeasy-max-method-params"];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? { maxMethodParams: v } : {};
}
