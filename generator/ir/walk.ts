/** Walking type references: the one traversal of TypeRef trees the IR's passes and the release share. */
import type { Field, Model, PagePath, TypeRef } from "./types.js";

/** Calls `visit` with every model a type names directly (through arrays, maps and unions, not through models). */
export function forEachRef(t: TypeRef | undefined, visit: (model: string) => void): void {
  if (!t) return;
  switch (t.kind) {
    case "ref":
      visit(t.model);
      return;
    case "array":
      return forEachRef(t.items, visit);
    case "map":
      return forEachRef(t.values, visit);
    case "union":
      for (const v of t.variants) forEachRef(v, visit);
      return;
    default:
      return;
  }
}

/** `t` with alias models followed to the type they name (a bounded walk: aliases may cycle). */
export function unaliased(lookup: (model: string) => Model | undefined, t: TypeRef | undefined): TypeRef | undefined {
  for (let i = 0; i < 20 && t?.kind === "ref"; i++) {
    const m = lookup(t.model);
    if (m?.kind !== "alias") return t;
    t = m.type;
  }
  return t;
}

/**
 * A JSONPath into a wire value (keys are wire names; numbers index arrays) followed through the
 * models: the type found there, and the same path in a target's names (`name` renames each field).
 * Undefined when a step is not a known field or array.
 */
export function followWirePath(
  lookup: (model: string) => Model | undefined,
  t: TypeRef | undefined,
  path: PagePath,
  name: (f: Field, model: Model) => string,
): { type: TypeRef; path: PagePath } | undefined {
  const out: (string | number)[] = [];
  let cur = t;
  for (const seg of path) {
    cur = unaliased(lookup, cur);
    if (typeof seg === "number") {
      if (cur?.kind !== "array") return undefined;
      out.push(seg);
      cur = cur.items;
      continue;
    }
    const m = cur?.kind === "ref" ? lookup(cur.model) : undefined;
    const f = m?.kind === "object" ? m.fields.find((x) => x.wireName === seg) : undefined;
    if (!m || !f) return undefined;
    out.push(name(f, m));
    cur = f.type;
  }
  return cur ? { type: cur, path: out } : undefined;
}
