/**
 * How an operation pages: from `x-speakeasy-pagination` (offsetLimit, cursor, url), or from a
 * convention that leaves no doubt: a declared `Link` response header or GitHub's `per_page`
 * (rel="next" links), Stripe's `has_more` list object with a `starting_after` parameter, and a list
 * that names its next page (Twilio's `next_page_uri`). Bare `offset` + `limit` parameters are not
 * enough: Speakeasy does not page them either, and Clerk's users expect the list itself.
 * Output paths are Speakeasy's JSONPath subset, over the wire JSON; the runtimes walk them.
 */
import type { Loc } from "../load/document.js";
import { isObj, type BuildContext, type Obj } from "./context.js";
import type { Body, PageInput, PagePath, Pagination, Parameter, Response, TypeRef } from "./types.js";
import { followWirePath, unaliased } from "./walk.js";

interface Inputs {
  params: Parameter[];
  body?: Body;
  success: Response[];
}

export function buildPagination(ctx: BuildContext, op: Obj, opLoc: Loc, httpMethod: string, io: Inputs): Pagination | undefined {
  const ext = op["x-speakeasy-pagination"];
  // The SDKs read pages from one JSON answer: an operation with other success responses is not paged.
  const onePage = io.success.length === 1 && io.success[0].encoding === "json" && io.success[0].type !== undefined;
  if (ext !== undefined) {
    const loc = { ...opLoc, path: [...opLoc.path, "x-speakeasy-pagination"] };
    if (onePage) return fromExtension(ctx, ext, loc, io);
    const message = "x-speakeasy-pagination on an operation whose success is not one JSON response; the operation is generated without pagination";
    ctx.warnings.push(ctx.resolver.diagnostic(loc, message, "declare one 2XX response with a JSON body", { severity: "warning" }));
    return undefined;
  }
  if (httpMethod !== "get" || !onePage) return undefined;
  return byConvention(ctx, io);
}

function fromExtension(ctx: BuildContext, ext: unknown, loc: Loc, io: Inputs): Pagination | undefined {
  const warn = (message: string, hint: string, at: (string | number)[] = []) => {
    ctx.warnings.push(ctx.resolver.diagnostic({ ...loc, path: [...loc.path, ...at] }, `${message}; the operation is generated without pagination`, hint, { severity: "warning" }));
    return undefined;
  };
  if (!isObj(ext)) return warn("x-speakeasy-pagination is not a map", "write type, inputs and outputs");
  const kind = ext.type;
  if (kind !== "offsetLimit" && kind !== "cursor" && kind !== "url") return warn(`pagination type ${JSON.stringify(kind)} is not offsetLimit, cursor or url`, "set type to one of those", ["type"]);
  const inputs: PageInput[] = [];
  const rawInputs = Array.isArray(ext.inputs) ? ext.inputs : [];
  for (const [i, raw] of rawInputs.entries()) {
    if (!isObj(raw) || typeof raw.name !== "string") return warn("a pagination input has no name", "give each input a name, an `in` and a type", ["inputs", i]);
    const role = raw.type;
    if (role !== "offset" && role !== "page" && role !== "limit" && role !== "cursor")
      return warn(`input type ${JSON.stringify(role)} is not offset, page, limit or cursor`, "fix the input's type", ["inputs", i, "type"]);
    const input = locateInput(raw.name, raw.in === "requestBody" ? "body" : "param", role, io, ctx);
    if (!input)
      return warn(
        `pagination input "${raw.name}" is not a ${raw.in === "requestBody" ? "field of the request body" : "parameter"} of the operation`,
        "name a query parameter (in: parameters) or a top-level body field (in: requestBody)",
        ["inputs", i, "name"],
      );
    inputs.push(input);
  }
  const outputs = isObj(ext.outputs) ? ext.outputs : {};
  const path = (key: string): PagePath | undefined | null => {
    const v = outputs[key];
    if (v === undefined) return undefined;
    return typeof v === "string" ? parsePagePath(v) : null;
  };
  const out: Record<string, PagePath | undefined> = {};
  for (const key of ["results", "numPages", "nextCursor", "nextUrl"]) {
    const p = path(key);
    if (p === null) return warn(`outputs.${key} is not a JSONPath this SDK can follow`, "write $.field, $.a.b, $.list[0] or $.list[(@.length-1)]", ["outputs", key]);
    out[key] = p;
  }
  const has = (role: PageInput["role"]) => inputs.some((x) => x.role === role);
  if (kind === "offsetLimit" && !has("offset") && !has("page")) return warn("an offsetLimit pagination needs an offset or a page input", "add one to inputs", ["inputs"]);
  if (kind === "cursor" && (!has("cursor") || !out.nextCursor)) return warn("a cursor pagination needs a cursor input and outputs.nextCursor", "add them", []);
  if (kind === "url" && !out.nextUrl) return warn("a url pagination needs outputs.nextUrl", "add it", ["outputs"]);
  return { kind, inputs, ...defined(out), itemType: itemTypeOf(ctx, io.success, out.results), from: "extension" };
}

/** The input's parameter or top-level body field. */
function locateInput(name: string, where: "param" | "body", role: PageInput["role"], io: Inputs, ctx: BuildContext): PageInput | undefined {
  if (where === "param") {
    const p = io.params.find((x) => x.wireName === name && (x.in === "query" || x.in === "header"));
    return p && { role, in: "param", wire: p.wireName, name: p.name, ...numericDefault(p.default) };
  }
  const model = io.body?.type.kind === "ref" ? ctx.schemas.models.get(io.body.type.model) : undefined;
  const f = model?.kind === "object" ? model.fields.find((x) => x.wireName === name) : undefined;
  return f && { role, in: "body", wire: f.wireName, name: f.name, ...numericDefault(f.default) };
}

function numericDefault(v: unknown): { default?: number } {
  return typeof v === "number" && Number.isFinite(v) ? { default: v } : {};
}

function byConvention(ctx: BuildContext, io: Inputs): Pagination | undefined {
  const ok = io.success[0];
  const query = (name: string) => io.params.find((p) => p.in === "query" && p.wireName === name);
  const asInput = (p: Parameter, role: PageInput["role"]): PageInput => ({ role, in: "param", wire: p.wireName, name: p.name, ...numericDefault(p.default) });
  const list = listShape(ctx, ok.type);
  // Stripe: `{object: "list", data: [...], has_more}` answered to `starting_after`.
  const after = query("starting_after");
  if (after && list?.path.join(".") === "data" && hasField(ctx, ok.type, "has_more")) {
    const limit = query("limit");
    return {
      kind: "cursor",
      inputs: [asInput(after, "cursor"), ...(limit ? [asInput(limit, "limit")] : [])],
      results: ["data"],
      nextCursor: ["data", -1, "id"],
      hasMore: ["has_more"],
      itemType: list.item,
      from: "convention",
    };
  }
  // RFC 8288 links: GitHub declares the `Link` header, or pages with `per_page`.
  if ((ok.headers ?? []).includes("link") || query("per_page")) {
    return { kind: "link", inputs: [], ...(list ? { results: list.path, itemType: list.item } : {}), from: "convention" };
  }
  // Twilio: the list names its next page, `next_page_uri` (relative) or `meta.next_page_url`.
  const next = nextPageField(ctx, ok.type);
  if (next) return { kind: "url", inputs: [], nextUrl: next, ...(list ? { results: list.path, itemType: list.item } : {}), from: "convention" };
  return undefined;
}

/** A list response: an array, or an object with one array field (`data` first). */
function listShape(ctx: BuildContext, t: TypeRef | undefined): { path: PagePath; item: TypeRef } | undefined {
  const resolved = resolve(ctx, t);
  if (resolved?.kind === "array") return { path: [], item: resolved.items };
  const model = t?.kind === "ref" ? ctx.schemas.models.get(t.model) : undefined;
  if (model?.kind !== "object") return undefined;
  const arrays = model.fields.filter((f) => resolve(ctx, f.type)?.kind === "array");
  const pick = arrays.find((f) => f.wireName === "data") ?? (arrays.length === 1 ? arrays[0] : undefined);
  const items = pick && resolve(ctx, pick.type);
  return pick && items?.kind === "array" ? { path: [pick.wireName], item: items.items } : undefined;
}

function nextPageField(ctx: BuildContext, t: TypeRef | undefined): PagePath | undefined {
  const names = ["next_page_uri", "next_page_url"];
  const top = fieldOf(ctx, t, (w) => names.includes(w));
  if (top) return [top.wireName];
  const meta = fieldOf(ctx, t, (w) => w === "meta");
  const inner = meta && fieldOf(ctx, meta.type, (w) => names.includes(w));
  return inner ? ["meta", inner.wireName] : undefined;
}

function fieldOf(ctx: BuildContext, t: TypeRef | undefined, match: (wire: string) => boolean) {
  const model = t?.kind === "ref" ? ctx.schemas.models.get(t.model) : undefined;
  return model?.kind === "object" ? model.fields.find((f) => match(f.wireName)) : undefined;
}

function hasField(ctx: BuildContext, t: TypeRef | undefined, wire: string): boolean {
  const model = t?.kind === "ref" ? ctx.schemas.models.get(t.model) : undefined;
  return model?.kind === "object" && model.fields.some((f) => f.wireName === wire);
}

function resolve(ctx: BuildContext, t: TypeRef | undefined): TypeRef | undefined {
  return unaliased((name) => ctx.schemas.models.get(name), t);
}

/** The type of one item of `results`, followed through the success response's models. */
function itemTypeOf(ctx: BuildContext, success: Response[], results: PagePath | undefined): TypeRef | undefined {
  if (!results) return undefined;
  const found = followWirePath(
    (name) => ctx.schemas.models.get(name),
    success[0].type,
    results,
    (f) => f.name,
  );
  const t = resolve(ctx, found?.type);
  return t?.kind === "array" ? t.items : undefined;
}

/**
 * Speakeasy's JSONPath subset: `$`, `.name`, `['name']`, `[N]`, `[-1]`, `[(@.length-1)]` (the last
 * item, written -1 here). Anything else (filters, wildcards, recursion) is not a single value: null.
 */
export function parsePagePath(text: string): PagePath | null {
  const s = text.trim();
  if (!s.startsWith("$")) return null;
  const out: PagePath = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*(-?\d+)\s*\]|\[\s*\(\s*@\.length\s*-\s*1\s*\)\s*\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < s.length) {
    const at = re.lastIndex;
    const m = re.exec(s);
    if (!m || m.index !== at) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2].replace(/\\(.)/g, "$1"));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, "$1"));
    else if (m[4] !== undefined) out.push(Number(m[4]));
    else out.push(-1);
  }
  return out;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
