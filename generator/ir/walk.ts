/** Walking type references: the one traversal of TypeRef trees the IR's passes and the release share. */
import type { TypeRef } from "./types.js";

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
