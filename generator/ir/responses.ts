/** An operation's `responses` → success responses (sorted by status) and the error models it declares. */
import type { Loc } from "../load/document.js";
import { encodingOf, isJSON, pickContentType } from "./content.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import type { ErrorUse, Response, TypeRef } from "./types.js";

export function buildResponses(ctx: BuildContext, op: Obj, opLoc: Loc, base: string): { success: Response[]; errors: ErrorUse[] } {
  const success: Response[] = [];
  const errors = new Map<string, ErrorUse>();
  const responses = isObj(op.responses) ? op.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const r = ctx.resolver.deref<Obj>(raw, { ...opLoc, path: [...opLoc.path, "responses", status] });
    const isError = /^[45]/.test(status) || status === "default";
    const resp = response(ctx, status, r, isError, base);
    if (/^2/.test(status)) success.push(resp);
    else if (isError && resp.contentType && isJSON(resp.contentType) && resp.type?.kind === "ref") {
      const use = errors.get(resp.type.model) ?? { model: resp.type.model, statuses: [], contentType: resp.contentType };
      use.statuses.push(status);
      errors.set(resp.type.model, use);
    }
  }
  success.sort((a, b) => a.status.localeCompare(b.status));
  return { success, errors: [...errors.values()] };
}

function response(ctx: BuildContext, status: string, r: { value: Obj; loc: Loc }, isError: boolean, base: string): Response {
  const content = isObj(r.value.content) ? r.value.content : {};
  const ct = pickContentType(Object.keys(content));
  const media = ct ? (content[ct] as Obj) : undefined;
  const hint = isError ? `${base}${status === "default" ? "Default" : status.toUpperCase()}Error` : `${base}Response`;
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
