/** OpenAPI document (already validated) → IR. */
import { SpecError, type Diagnostic } from "../diagnostics.js";
import type { Loc, Resolver } from "../load/document.js";
import { HTTP_METHODS } from "../load/validate.js";
import { NameScope, camelCase, pascalCase, words } from "./names.js";
import { rewriteLinks, vendorOrigin } from "./links.js";
import { SchemaConverter, exampleOf } from "./schema.js";
import type { Api, Body, Encoding, ErrorUse, Field, Group, ObjectModel, Operation, Parameter, Response, RetryPolicy, SecurityScheme, Server, TypeRef } from "./types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export function buildApi(resolver: Resolver, version: "3.0" | "3.1"): Api {
  const doc = resolver.root.data as Obj;
  const at = (...path: (string | number)[]): Loc => ({ file: resolver.root, path });
  const schemas = new SchemaConverter(resolver);
  schemas.reserveComponents();
  schemas.buildComponents();

  const info = doc.info as Obj;
  const warnings: Diagnostic[] = [];
  const securitySchemes = buildSecuritySchemes(resolver, doc, warnings);
  const globalSecurity = securityOf(doc.security) ?? [];
  const operations: Operation[] = [];
  const groups = new Map<string, Group>();
  const groupMethods = new Map<string, NameScope>();
  const operationIds = new NameScope();

  const paths = isObj(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolver.deref<Obj>(rawItem, at("paths", path));
    if (!isObj(item.value)) continue;
    for (const httpMethod of HTTP_METHODS) {
      const op = item.value[httpMethod];
      if (!isObj(op)) continue;
      const opLoc: Loc = { ...item.loc, path: [...item.loc.path, httpMethod] };
      const rawId = str(op.operationId) ?? `${httpMethod} ${path.replace(/\{([^}]+)\}/g, "by $1")}`;
      const operationId = operationIds.claim(pascalCase(rawId) || "Operation");
      const base = operationId; // PascalCase stem for inline model names

      const tags = Array.isArray(op.tags) ? op.tags.map(String) : [];
      const groupRaw = str(op["x-speakeasy-group"]) ?? tags[0] ?? words(path)[0] ?? "default";
      const group = camelCase(groupRaw) || "default";
      if (!groups.has(group)) {
        const tag = Array.isArray(doc.tags) ? (doc.tags as Obj[]).find((t) => isObj(t) && t.name === tags[0]) : undefined;
        groups.set(group, { name: group, title: pascalCase(groupRaw), description: str(tag?.description), operations: [] });
        groupMethods.set(group, new NameScope());
      }
      const method = groupMethods.get(group)!.claim(camelCase(str(op["x-speakeasy-name-override"]) ?? stripGroup(rawId, groupRaw)) || "call");

      // Parameters: path-item level first, overridden by operation level (same name and location).
      const paramMap = new Map<string, { raw: unknown; loc: Loc }>();
      const addParams = (list: unknown, loc: Loc) => {
        if (!Array.isArray(list)) return;
        list.forEach((p, i) => {
          const r = resolver.deref<Obj>(p, { ...loc, path: [...loc.path, "parameters", i] });
          if (isObj(r.value)) paramMap.set(`${String(r.value.in)}:${String(r.value.name)}`, { raw: r.value, loc: r.loc });
        });
      };
      addParams(item.value.parameters, item.loc);
      addParams(op.parameters, opLoc);
      const paramNames = new NameScope();
      const params: Parameter[] = [...paramMap.values()].map(({ raw, loc }) => {
        const p = raw as Obj;
        const where = p.in as Parameter["in"];
        const schemaLoc: Loc = { ...loc, path: [...loc.path, "schema"] };
        let schema: unknown = p.schema;
        if (schema === undefined && isObj(p.content)) {
          const [ct, media] = Object.entries(p.content)[0] ?? [];
          if (ct && isObj(media)) schema = media.schema;
        }
        const resolvedSchema = schema === undefined ? {} : resolver.deref<Obj>(schema, schemaLoc).value;
        const s = isObj(resolvedSchema) ? resolvedSchema : {};
        return {
          wireName: String(p.name),
          name: paramNames.claim(camelCase(String(p.name)) || "param"),
          in: where,
          type: schemas.type(schema ?? {}, schemaLoc, base + pascalCase(String(p.name)), "operations"),
          required: p.required === true,
          description: str(p.description) ?? str(s.description),
          example: p.example ?? exampleOf(s) ?? firstExample(resolver, p.examples, loc),
          default: s.default,
          deprecated: p.deprecated === true,
          readOnly: false,
          writeOnly: false,
          style: str(p.style) ?? (where === "query" || where === "cookie" ? "form" : "simple"),
          explode: typeof p.explode === "boolean" ? p.explode : (str(p.style) ?? (where === "query" || where === "cookie" ? "form" : "simple")) === "form",
        };
      });

      let body: Body | undefined;
      if (op.requestBody !== undefined) {
        const rb = resolver.deref<Obj>(op.requestBody, { ...opLoc, path: [...opLoc.path, "requestBody"] });
        const content = isObj(rb.value.content) ? rb.value.content : {};
        const ct = pickContentType(Object.keys(content));
        if (ct) {
          const media = content[ct] as Obj;
          const mloc: Loc = { ...rb.loc, path: [...rb.loc.path, "content", ct, "schema"] };
          body = {
            contentType: ct,
            encoding: encodingOf(ct),
            // A raw body (images, archives, multipart/related) is bytes, whatever schema it declares.
            type:
              encodingOf(ct) === "binary"
                ? { kind: "primitive", type: "string", format: "binary" }
                : media?.schema === undefined
                  ? { kind: "primitive", type: "unknown" }
                  : schemas.type(media.schema, mloc, base + "RequestBody", "operations", base),
            required: rb.value.required === true,
            description: str(rb.value.description),
          };
        }
      }

      const success: Response[] = [];
      const errorUses = new Map<string, ErrorUse>();
      const responses = isObj(op.responses) ? op.responses : {};
      for (const [status, rawResp] of Object.entries(responses)) {
        const r = resolver.deref<Obj>(rawResp, { ...opLoc, path: [...opLoc.path, "responses", status] });
        const content = isObj(r.value.content) ? r.value.content : {};
        const ct = pickContentType(Object.keys(content));
        const media = ct ? (content[ct] as Obj) : undefined;
        const isError = /^[45]/.test(status) || status === "default";
        const hint = isError ? `${base}${status === "default" ? "Default" : status.toUpperCase()}Error` : `${base}Response`;
        const encoding = ct ? encodingOf(ct) : undefined;
        const type: TypeRef | undefined =
          encoding === "json" && isObj(media) && media.schema !== undefined
            ? schemas.type(media.schema, { ...r.loc, path: [...r.loc.path, "content", ct!, "schema"] }, hint, "operations", isError ? undefined : base)
            : encoding === "text"
              ? { kind: "primitive", type: "string" }
              : encoding
                ? { kind: "primitive", type: "string", format: "binary" }
                : undefined;
        const resp: Response = { status, description: str(r.value.description), contentType: ct, encoding, type };
        if (type?.kind === "ref" && resp.description) {
          const m = schemas.models.get(type.model);
          if (m && m.responseDescription === undefined) m.responseDescription = resp.description;
        }
        if (/^2/.test(status)) success.push(resp);
        else if (isError && ct && isJSON(ct) && type?.kind === "ref") {
          const use = errorUses.get(type.model) ?? { model: type.model, statuses: [], contentType: ct };
          use.statuses.push(status);
          errorUses.set(type.model, use);
        }
      }
      success.sort((a, b) => a.status.localeCompare(b.status));

      // The argument: a request model gathering parameters (+ body), the body itself, or nothing.
      let request: Operation["request"];
      if (params.length > 0) {
        const fields: Field[] = params.map((p) => ({ ...p }));
        if (body) {
          fields.push({
            wireName: "",
            name: paramNames.claim("requestBody"),
            type: body.type,
            required: body.required,
            description: body.description,
            deprecated: false,
            readOnly: false,
            writeOnly: false,
          });
        }
        const name = schemas.names.claim(base + "Request");
        const model: ObjectModel = {
          kind: "object",
          name,
          place: "operations",
          fields,
          deprecated: false,
          source: "#" + opLoc.path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join(""),
          request: { operation: operationId },
        };
        schemas.models.set(name, model);
        request = { type: { kind: "ref", model: name }, required: fields.some((f) => f.required), wrapsBody: false };
      } else if (body) {
        // Speakeasy-style: an operation whose only input is its body takes the body as `request`.
        request = { type: body.type, required: true, wrapsBody: true };
      }

      const operation: Operation = {
        operationId,
        group,
        method,
        httpMethod,
        path: path.split("?")[0],
        fixedQuery: [...new URLSearchParams(path.split("?")[1] ?? "").entries()].filter(([, v]) => !v.includes("{")),
        summary: str(op.summary),
        description: str(op.description),
        deprecated: op.deprecated === true,
        params,
        body,
        request,
        success,
        errors: [...errorUses.values()],
        security: securityOf(op.security) ?? globalSecurity,
        source: "#" + opLoc.path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join(""),
      };
      operations.push(operation);
      groups.get(group)!.operations.push(operationId);
    }
  }

  // Which models travel in requests and which in responses: readOnly and writeOnly depend on it.
  // A model already marked for a side has had everything it reaches marked too: each is walked once.
  const walkUsage = (t: TypeRef | undefined, side: "request" | "response"): void => {
    if (!t) return;
    if (t.kind === "ref") {
      const m = schemas.models.get(t.model)!;
      if (m.usage?.[side]) return;
      m.usage ??= { request: false, response: false };
      m.usage[side] = true;
      if (m.kind === "object") {
        m.fields.forEach((f) => walkUsage(f.type, side));
        walkUsage(m.additional, side);
      } else if (m.kind === "alias") walkUsage(m.type, side);
    } else if (t.kind === "array") walkUsage(t.items, side);
    else if (t.kind === "map") walkUsage(t.values, side);
    else if (t.kind === "union") t.variants.forEach((v) => walkUsage(v, side));
  };
  for (const op of operations) {
    walkUsage(op.body?.type, "request");
    op.params.forEach((p) => walkUsage(p.type, "request"));
    op.success.forEach((r) => walkUsage(r.type, "response"));
    op.errors.forEach((e) => walkUsage({ kind: "ref", model: e.model }, "response"));
  }

  // Schemas used directly as error payloads are error models (a twin, when also used elsewhere).
  const errorTwins = new Map<string, ObjectModel>();
  const nonErrorUse = new Set<string>();
  const mark = (t: TypeRef | undefined) => {
    if (!t) return;
    if (t.kind === "ref") nonErrorUse.add(t.model);
    else if (t.kind === "array") mark(t.items);
    else if (t.kind === "map") mark(t.values);
    else if (t.kind === "union") t.variants.forEach(mark);
  };
  for (const m of schemas.models.values()) {
    if (m.kind === "object") {
      m.fields.forEach((f) => mark(f.type));
      mark(m.additional);
    } else if (m.kind === "alias") mark(m.type);
  }
  for (const op of operations) {
    op.success.forEach((r) => mark(r.type));
    mark(op.body?.type);
  }
  for (const op of operations) {
    for (const e of op.errors) {
      const m = schemas.models.get(e.model)!;
      if (m.kind !== "object" || m.freeForm) continue;
      if (!nonErrorUse.has(e.model)) {
        m.place = "errors";
        continue;
      }
      // Also a payload elsewhere: the error gets a model of its own (same fields), so it has a class.
      let twin = errorTwins.get(m.name);
      if (!twin) {
        twin = { ...m, name: schemas.names.claim(`${m.name}Error`), place: "errors" };
        errorTwins.set(m.name, twin);
        schemas.models.set(twin.name, twin);
      }
      e.model = twin.name;
    }
  }

  const api: Api = {
    openapi: version,
    info: { title: String(info.title), version: String(info.version), description: str(info.description) },
    servers: buildServers(doc),
    security: globalSecurity,
    securitySchemes,
    retries: retriesOf(resolver, doc["x-speakeasy-retries"], at("x-speakeasy-retries")),
    groups: [...groups.values()],
    operations,
    models: [...schemas.models.values()],
    warnings,
  };
  rewriteLinks(api, vendorOrigin(doc));
  return api;
}

function stripGroup(operationId: string, group: string): string {
  const g = words(group);
  const w = words(operationId);
  // "ActorTokensCreate" in group "actorTokens" → "create"; never strip to nothing.
  if (w.length > g.length && g.every((x, i) => w[i] === x)) return w.slice(g.length).join(" ");
  return operationId;
}

export function encodingOf(ct: string): Encoding {
  const t = ct.toLowerCase();
  if (isJSON(t)) return "json";
  if (t.startsWith("application/x-www-form-urlencoded")) return "form";
  if (t.startsWith("multipart/")) return "multipart";
  if (t.startsWith("text/") || t.startsWith("application/xml") || /\+xml(;|$)/.test(t)) return "text";
  return "binary";
}

export function isJSON(ct: string): boolean {
  return /^application\/(.+\+)?json(;|$)/i.test(ct) || ct === "*/*";
}

function pickContentType(types: string[]): string | undefined {
  return types.find((t) => /^application\/json/i.test(t)) ?? types.find(isJSON) ?? types[0];
}

function firstExample(resolver: Resolver, examples: unknown, loc: Loc): unknown {
  if (!isObj(examples)) return undefined;
  const [key, first] = Object.entries(examples)[0] ?? [];
  if (key === undefined) return undefined;
  const r = resolver.deref<Obj>(first, { ...loc, path: [...loc.path, "examples", key] });
  return isObj(r.value) ? r.value.value : undefined;
}

function securityOf(v: unknown): string[][] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObj).map((req) => Object.keys(req));
}

function buildSecuritySchemes(resolver: Resolver, doc: Obj, warnings: Diagnostic[]): SecurityScheme[] {
  const comps = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const out: SecurityScheme[] = [];
  // Each scheme's credential is a client option: clear of the other options and of each other.
  // Names every object inherits are out too: the SDK reads options["constructor"] as a credential otherwise.
  const options = new NameScope(["serverURL", "serverIdx", "serverVariables", "retryConfig", "timeoutMs", "httpClient", "debugLogger", "headers", ...Object.getOwnPropertyNames(Object.prototype)]);
  for (const [name, raw] of Object.entries(comps)) {
    const loc: Loc = { file: resolver.root, path: ["components", "securitySchemes", name] };
    const s = resolver.deref<Obj>(raw, loc).value;
    if (!isObj(s)) continue;
    const option = options.claim(camelCase(name) || "auth");
    const description = str(s.description);
    const scheme = String(s.scheme ?? "").toLowerCase();
    if (s.type === "http" && scheme === "bearer") out.push({ name, kind: "bearer", option, description, format: str(s.bearerFormat) });
    else if (s.type === "http" && scheme === "basic") out.push({ name, kind: "basic", option, description });
    else if (s.type === "apiKey") {
      const where = s.in === "query" || s.in === "cookie" ? s.in : "header";
      out.push({ name, kind: "apiKey", option, in: where, param: String(s.name ?? name), description });
    } else if (s.type === "oauth2" && isObj(s.flows) && isObj(s.flows.clientCredentials) && typeof s.flows.clientCredentials.tokenUrl === "string") {
      const flow = s.flows.clientCredentials;
      out.push({ name, kind: "clientCredentials", option, tokenUrl: flow.tokenUrl as string, scopes: isObj(flow.scopes) ? Object.keys(flow.scopes) : [], description });
    } else if (s.type === "oauth2" || s.type === "openIdConnect") {
      // The SDK takes a ready access token; token acquisition flows are not generated (yet).
      out.push({ name, kind: "bearer", option, description });
    } else if (s.type === "mutualTLS") {
      // Client certificates live below HTTP: the SDK cannot send them, the caller's fetch (dispatcher, agent) can.
      warnings.push(
        resolver.diagnostic(
          loc,
          "security scheme mutualTLS is not sent by the SDK",
          "configure the client certificate on the HTTP client (a custom fetch or agent); operations that require only this scheme are sent without credentials",
          { severity: "warning" },
        ),
      );
    } else {
      throw new SpecError([
        resolver.diagnostic(loc, `security scheme type "${String(s.type)}${scheme ? ` ${scheme}` : ""}" is not supported`, "use http bearer, http basic, apiKey, oauth2, openIdConnect or mutualTLS"),
      ]);
    }
  }
  return out;
}

function buildServers(doc: Obj): Server[] {
  const list = Array.isArray(doc.servers) ? doc.servers.filter(isObj) : [];
  return list.map((s) => ({
    url: String(s.url ?? "/"),
    description: str(s.description),
    variables: Object.entries(isObj(s.variables) ? s.variables : {}).map(([name, v]) => {
      const o = isObj(v) ? v : {};
      return { name, default: String(o.default ?? ""), enum: Array.isArray(o.enum) ? o.enum.map(String) : undefined, description: str(o.description) };
    }),
  }));
}

function retriesOf(resolver: Resolver, raw: unknown, loc: Loc): RetryPolicy | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) throw new SpecError([resolver.diagnostic(loc, "x-speakeasy-retries must be an object", "see https://www.speakeasy.com/docs/customize/runtime/retries")]);
  const b = isObj(raw.backoff) ? raw.backoff : {};
  const num = (v: unknown, d: number, key: string) => {
    if (v === undefined) return d;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new SpecError([
        resolver.diagnostic({ ...loc, path: [...loc.path, "backoff", key] }, `${key} must be a non-negative number of ${key === "exponent" ? "" : "milliseconds"}`.trim(), `e.g. ${key}: ${d}`),
      ]);
    return v;
  };
  const strategy = raw.strategy === "none" ? "none" : "backoff";
  return {
    strategy,
    backoff: {
      initialInterval: num(b.initialInterval, 500, "initialInterval"),
      maxInterval: num(b.maxInterval, 60000, "maxInterval"),
      exponent: num(b.exponent, 1.5, "exponent"),
      maxElapsedTime: num(b.maxElapsedTime, 3600000, "maxElapsedTime"),
    },
    statusCodes: Array.isArray(raw.statusCodes) ? raw.statusCodes.map((c) => String(c).toUpperCase()) : ["5XX"],
    retryConnectionErrors: raw.retryConnectionErrors !== false,
  };
}
