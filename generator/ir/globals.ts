/**
 * `x-speakeasy-globals.parameters` → client options. Each global parameter becomes an SDK option (its
 * `x-speakeasy-name-override`, else its name in camelCase: `HTTP-Referer` → `httpReferer`); an
 * operation parameter of the same name and location is then optional, and filled from the option
 * when the call does not give it.
 */
import type { Loc } from "../load/document.js";
import { isObj, rootLoc, str, type BuildContext, type Obj } from "./context.js";
import { NameScope, camelCase, pascalCase } from "./names.js";
import type { GlobalParameter, ParamLocation, SecurityScheme } from "./types.js";

/** The client options a global may not take: the SDK's own and the credentials'. */
const CLIENT_OPTIONS = ["serverURL", "serverIdx", "serverVariables", "retryConfig", "timeoutMs", "httpClient", "debugLogger", "headers"];

export function buildGlobals(ctx: BuildContext, schemes: SecurityScheme[]): GlobalParameter[] {
  const ext = ctx.doc["x-speakeasy-globals"];
  if (!isObj(ext) || !Array.isArray(ext.parameters)) return [];
  const options = new NameScope([...CLIENT_OPTIONS, ...schemes.map((s) => s.option), ...Object.getOwnPropertyNames(Object.prototype)]);
  const loc = rootLoc(ctx, "x-speakeasy-globals", "parameters");
  const out: GlobalParameter[] = [];
  ext.parameters.forEach((raw, i) => {
    const r = ctx.resolver.deref<Obj>(raw, { ...loc, path: [...loc.path, i] });
    const p = r.value;
    if (!isObj(p) || typeof p.name !== "string" || !["query", "header", "path", "cookie"].includes(String(p.in))) return;
    const schemaLoc: Loc = { ...r.loc, path: [...r.loc.path, "schema"] };
    out.push({
      option: options.claim(camelCase(str(p["x-speakeasy-name-override"]) ?? p.name) || "global"),
      wireName: p.name,
      in: p.in as ParamLocation,
      type: ctx.schemas.type(p.schema ?? {}, schemaLoc, "Global" + pascalCase(p.name), "components"),
      description: str(p.description),
    });
  });
  return out;
}
