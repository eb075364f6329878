/**
 * Where prettier and oxfmt print a type differently: a union in a member, alias or parameter position
 * that overflows its line but fits on the next one. prettier (printUnionType: `indent([softline,
 * group(...)])`) moves it there whole; oxfmt breaks it one member a line. Everywhere else (unions in
 * type arguments, unions too long for the next line too, unions that "hug") the two agree.
 * The planner asks this for every type it places in such a position; a yes sends the file to prettier.
 */
import { PRINT_WIDTH } from "./format.js";
import { typeText, type TsType } from "./types.js";

/** Type names prettier does not count as object-like (keywords). */
const KEYWORDS = new Set(["any", "unknown", "number", "string", "boolean", "bigint", "symbol", "object", "never", "null", "undefined", "void"]);

/** The members of a type as it prints flat (`A | null | B` for a union whose first variant is nullable). */
function members(t: TsType): TsType[] {
  const own = t.kind === "union" ? t.variants!.flatMap(members) : [{ ...t, nullable: false }];
  return t.nullable ? [...own, NULL] : own;
}
const NULL: TsType = { kind: "name", name: "null", items: null, values: null, variants: null, literal: null, nullable: false };

const isNull = (t: TsType) => t.kind === "name" && t.name === "null";
/** prettier's object-like types: type literals (our maps) and references (`Foo`, `Array<Foo>`). */
const isObjectLike = (t: TsType) => t.kind === "map" || t.kind === "array" || (t.kind === "name" && !KEYWORDS.has(t.name!));

/** A union prettier keeps on one line however long: one object-like member, the others `null`. */
function hugs(list: TsType[]): boolean {
  const objects = list.filter(isObjectLike);
  return objects.length === 1 && list.every((m) => m === objects[0] || isNull(m));
}

/**
 * Whether printing `t` after `head` (at `indent` columns, followed by `tail`) is a case where the
 * formatters differ, here or in a map's value type once its braces break.
 */
export function unionMovesWhole(indent: number, head: string, t: TsType, tail: string): boolean {
  const text = typeText(t);
  if (indent + head.length + text.length + tail.length <= PRINT_WIDTH) return false;
  const list = members(t);
  if (list.length > 1) return !hugs(list) && indent + 2 + text.length + tail.length <= PRINT_WIDTH;
  // A map's braces break first; its value then sits in an index signature one level in.
  if (t.kind === "map") return unionMovesWhole(indent + 2, "[k: string]: ", t.values!, ";");
  // Inside `Array<...>` a union is a type argument (no difference); a map in it still breaks.
  const items = t.kind === "array" ? t.items! : undefined;
  return items?.kind === "map" && !items.nullable ? unionMovesWhole(indent + 4, "[k: string]: ", items.values!, ";") : false;
}

/** The same question for a type anywhere inside an expression (casts, arrow parameters): any union that could move. */
export function mayMoveWhole(t: TsType): boolean {
  const list = members(t);
  if (list.length > 1 && !hugs(list)) return true;
  return list.some((m) => (m.kind === "map" && mayMoveWhole(m.values!)) || (m.kind === "array" && mayMoveWhole(m.items!)));
}
