/** An operation's `responses` → success responses (sorted by status) and the error models it declares. */
import type { Loc } from "../load/document.js";
import { encodingOf, isJSON, pickContentType } from "./content.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import { pascalCase } from "./names.js";
import { nameOverride } from "./schema.js";
import type { ErrorUse, EventStreamSpec, Response, TypeRef } from "./types.js";

export function buildResponses(ctx: BuildContext, op: Obj, opLoc: Loc, base: string): { success: Response[]; errors: ErrorUse[] } {
  const success: Response[] = [];
  const errors = new Map<string, ErrorUse>();
  const responses = isObj(op.responses) ? op.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const r = ctx.resolver.deref<Obj>(raw, { ...opLoc, path: [...opLoc.path, "responses", status] });
    const isError = /^[45]/.test(status) || status === "default";
    const resp = response(ctx, status, r, isError, base);
    if (/^2/.test(status)) {
      // An event stream: alone, or beside the JSON answer a request field chooses (`stream: true`).
      const events = eventStream(ctx, status, r, base);
      if (events) success.push(events);
      if (!events || resp.contentType !== events.contentType) success.push(resp);
    } else if (isError && resp.contentType && isJSON(resp.contentType) && resp.type?.kind === "ref") {
      const use = errors.get(resp.type.model) ?? { model: resp.type.model, statuses: [], contentType: resp.contentType };
      use.statuses.push(status);
      errors.set(resp.type.model, use);
    }
  }
  if (success.length === 0) {
    const redirect = Object.keys(responses).find((s) => /^3(0[1237]|08|XX)$/i.test(s));
    if (redirect) success.push(redirectedDownload(ctx, responses[redirect], opLoc, redirect));
  }
  success.sort((a, b) => a.status.localeCompare(b.status));
  return { success, errors: [...errors.values()] };
}

/**
 * An operation that answers only with a redirect (GitHub's archive and log downloads: `302` with a
 * `Location`) answers, once the SDK has followed it, with what the location serves: bytes of a type
 * the spec cannot say. It is a download (a stream of bytes) of status 200.
 */
function redirectedDownload(ctx: BuildContext, raw: unknown, opLoc: Loc, status: string): Response {
  const r = ctx.resolver.deref<Obj>(raw, { ...opLoc, path: [...opLoc.path, "responses", status] });
  const description = str(r.value.description);
  return { status: "200", ...(description ? { description } : {}), contentType: "application/octet-stream", encoding: "binary", type: { kind: "primitive", type: "string", format: "binary" } };
}

const EVENT_STREAM = /^text\/event-stream\s*(;|$)/i;

/** Whether every success answer of an operation is an event stream (not JSON beside it). */
export function streamsOnly(success: Response[]): boolean {
  return success.length > 0 && success.every((r) => r.events);
}

/** The `text/event-stream` content of a success response, as its own Response. */
function eventStream(ctx: BuildContext, status: string, r: { value: Obj; loc: Loc }, base: string): Response | undefined {
  const content = isObj(r.value.content) ? r.value.content : {};
  const ct = Object.keys(content).find((t) => EVENT_STREAM.test(t));
  const media = ct ? content[ct] : undefined;
  if (!ct || !isObj(media)) return undefined;
  const loc = { ...r.loc, path: [...r.loc.path, "content", ct, "schema"] };
  const type: TypeRef = media.schema !== undefined ? ctx.schemas.type(media.schema, loc, `${base}Event`, "operations", base) : { kind: "primitive", type: "string" };
  const sentinel = typeof media["x-speakeasy-sse-sentinel"] === "string" ? media["x-speakeasy-sse-sentinel"] : undefined;
  return { status, description: str(r.value.description), contentType: ct, encoding: "text", type, events: { ...(sentinel !== undefined ? { sentinel } : {}), ...eventShape(ctx, type) } };
}

/** Whether the event schema is Speakeasy's envelope (a `data` field, in it or in each union member), and how its data reads. */
function eventShape(ctx: BuildContext, type: TypeRef): Pick<EventStreamSpec, "envelope" | "data"> {
  const dataTypes: TypeRef[] = [];
  const visit = (t: TypeRef, depth: number): boolean => {
    if (depth > 8) return false;
    if (t.kind === "union") return t.variants.every((v) => visit(v, depth + 1));
    if (t.kind !== "ref") return false;
    const m = ctx.schemas.models.get(t.model);
    if (m?.kind === "alias") return visit(m.type, depth + 1);
    const f = m?.kind === "object" ? m.fields.find((x) => x.wireName === "data") : undefined;
    if (f) dataTypes.push(f.type);
    return f !== undefined;
  };
  if (!visit(type, 0)) return { envelope: false, data: textual(ctx, type) ? "text" : "json" };
  const kinds = new Set(dataTypes.map((t) => (textual(ctx, t) ? "text" : "json")));
  return { envelope: true, data: kinds.size === 1 ? ([...kinds][0] as "json" | "text") : "auto" };
}

/** A string (or string enum, or string literal): an event's data taken as it is, not parsed. */
function textual(ctx: BuildContext, t: TypeRef): boolean {
  if (t.kind === "primitive") return t.type === "string";
  if (t.kind === "literal") return typeof t.value === "string";
  if (t.kind === "ref") {
    const m = ctx.schemas.models.get(t.model);
    return (m?.kind === "enum" && m.type === "string") || (m?.kind === "alias" && textual(ctx, m.type));
  }
  return false;
}

/**
 * The name a response's inline schema takes from the response itself, as Speakeasy names it: its
 * `x-speakeasy-name-override`, else, for a shared error response (`#/components/responses/BadRequest`),
 * the component's name, so that every operation using it throws the one `BadRequest` error.
 */
function responseName(r: { value: Obj; loc: Loc }, isError: boolean): string | undefined {
  const override = nameOverride(r.value);
  if (override) return pascalCase(override) || undefined;
  if (!isError) return undefined;
  const [a, b, key, ...rest] = r.loc.path;
  return a === "components" && b === "responses" && rest.length === 0 && typeof key === "string" ? pascalCase(key) || undefined : undefined;
}

function response(ctx: BuildContext, status: string, r: { value: Obj; loc: Loc }, isError: boolean, base: string): Response {
  const content = isObj(r.value.content) ? r.value.content : {};
  const ct = pickContentType(Object.keys(content));
  const media = ct ? (content[ct] as Obj) : undefined;
  const hint = responseName(r, isError) ?? (isError ? `${base}${status === "default" ? "Default" : status.toUpperCase()}Error` : `${base}Response`);
  const encoding = ct ? encodingOf(ct) : undefined;
  const type: TypeRef | undefined =
    encoding === "json" && isObj(media) && media.schema !== undefined
      ? ctx.schemas.type(media.schema, { ...r.loc, path: [...r.loc.path, "content", ct!, "schema"] }, hint, "operations", isError ? undefined : base)
      : encoding === "text"
        ? { kind: "primitive", type: "string" }
        : encoding
          ? { kind: "primitive", type: "string", format: "binary" }
          : undefined;
  const headers = isObj(r.value.headers) ? Object.keys(r.value.headers).map((h) => h.toLowerCase()) : [];
  const resp: Response = { status, description: str(r.value.description), contentType: ct, encoding, type, ...(headers.length ? { headers } : {}) };
  // A model's docs say what it is a response to.
  if (type?.kind === "ref" && resp.description) {
    const m = ctx.schemas.models.get(type.model);
    if (m && m.responseDescription === undefined) m.responseDescription = resp.description;
  }
  return resp;
}
