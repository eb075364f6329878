/** An operation's `parameters` (path-item level, overridden by operation level) → the IR's parameters. */
import type { Loc } from "../load/document.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import { NameScope, camelCase, collisionNames, pascalCase } from "./names.js";
import { exampleOf } from "./schema.js";
import type { Parameter } from "./types.js";

/** `names`: the scope parameter names are claimed in (the request model's fields share it). */
export function buildParameters(ctx: BuildContext, item: { value: Obj; loc: Loc }, op: Obj, opLoc: Loc, base: string, names: NameScope): Parameter[] {
  // Path-item level first, overridden by operation level (same name and location).
  const byKey = new Map<string, { raw: Obj; loc: Loc }>();
  const add = (list: unknown, loc: Loc) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const r = ctx.resolver.deref<Obj>(p, { ...loc, path: [...loc.path, "parameters", i] });
      if (isObj(r.value)) byKey.set(`${String(r.value.in)}:${String(r.value.name)}`, { raw: r.value, loc: r.loc });
    });
  };
  add(item.value.parameters, item.loc);
  add(op.parameters, opLoc);
  const all = [...byKey.values()];
  const wanted = collisionNames(
    all.map(({ raw }) => ({ name: camelCase(str(raw["x-speakeasy-name-override"]) ?? String(raw.name)) || "param", in: String(raw.in) })),
    "camel",
  );
  return all.map(({ raw, loc }, i) => parameter(ctx, raw, loc, base, names, wanted[i]));
}

function parameter(ctx: BuildContext, p: Obj, loc: Loc, base: string, names: NameScope, wanted: string): Parameter {
  const where = p.in as Parameter["in"];
  const schemaLoc: Loc = { ...loc, path: [...loc.path, "schema"] };
  let schema: unknown = p.schema;
  // `content` instead of `schema`: the first media type's schema.
  if (schema === undefined && isObj(p.content)) {
    const [ct, media] = Object.entries(p.content)[0] ?? [];
    if (ct && isObj(media)) schema = media.schema;
  }
  const deref = schema === undefined ? undefined : ctx.resolver.deref<Obj>(schema, schemaLoc);
  const s = isObj(deref?.value) ? deref.value : {};
  const style = str(p.style) ?? (where === "query" || where === "cookie" ? "form" : "simple");
  // A global parameter (x-speakeasy-globals) may come from the client instead: optional in the call.
  const global = ctx.globals.find((g) => g.in === where && g.wireName === String(p.name))?.option;
  const param: Parameter = {
    ...(global ? { global } : {}),
    wireName: String(p.name),
    // Speakeasy's x-speakeasy-name-override renames the argument (the wire name stays).
    ...(str(p["x-speakeasy-name-override"]) ? { nameOverride: str(p["x-speakeasy-name-override"]) } : {}),
    name: names.claim(wanted),
    in: where,
    type: ctx.schemas.type(schema ?? {}, schemaLoc, base + pascalCase(String(p.name)), "operations"),
    required: p.required === true && !global,
    description: str(p.description) ?? str(s.description),
    example: p.example ?? exampleOf(s) ?? firstExample(ctx, p.examples, loc),
    default: s.default,
    deprecated: p.deprecated === true,
    readOnly: false,
    writeOnly: false,
    style,
    explode: typeof p.explode === "boolean" ? p.explode : style === "form",
  };
  if (param.default !== undefined && deref) ctx.schemas.defaultsAt.set(param, { ...deref.loc, path: [...deref.loc.path, "default"] });
  return param;
}

function firstExample(ctx: BuildContext, examples: unknown, loc: Loc): unknown {
  if (!isObj(examples)) return undefined;
  const [key, first] = Object.entries(examples)[0] ?? [];
  if (key === undefined) return undefined;
  const r = ctx.resolver.deref<Obj>(first, { ...loc, path: [...loc.path, "examples", key] });
  return isObj(r.value) ? r.value.value : undefined;
}
