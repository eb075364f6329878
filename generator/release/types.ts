/**
 * How each target's types relate: which type expressions accept more values than others. A change
 * to a type is classified by comparing the old and new spellings member by member, so the rules
 * only need each target's union syntax, its containers and its implicit widenings.
 */

export interface TypeRules {
  /** The members of a top-level union (`a | b`, `Union[a, b]`), or the type itself. */
  members(type: string): string[];
  /** The member that is null (`null`, `None`): no part of the type where the field itself is nullable. */
  none?: string;
  /** Containers whose element types compare like the type itself: [prefix, suffix]. */
  containers: [string, string][];
  /** Pairs [narrow, wide]: every value of the first is one of the second (Python's `int` is a `float`). */
  widenings: [string, string][];
}

/** Splits `s` at each top-level occurrence of `sep` (outside brackets, braces, parentheses and strings). */
export function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if ("[{(<".includes(c)) depth++;
    else if ("]})>".includes(c)) depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      out.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

export type TypeChange = "same" | "wider" | "narrower" | "different";

/**
 * How `next` relates to `prev`: the same values, more (wider), fewer (narrower), or neither.
 * `nullable`: the field is nullable before and after, so null within the type adds nothing (a union
 * whose members each allowed null, as older specsmith spelled them, is the same union without).
 */
export function compareTypes(rules: TypeRules, prev: string, next: string, nullable = false): TypeChange {
  if (prev === next) return "same";
  for (const [open, close] of rules.containers) {
    if (prev.startsWith(open) && prev.endsWith(close) && next.startsWith(open) && next.endsWith(close)) {
      const inner = (t: string) => t.slice(open.length, t.length - close.length);
      // Only when the container spans the whole type (`Array<A> | Array<B>` is a union, not one array).
      if (rules.members(prev).length === 1 && rules.members(next).length === 1) return compareTypes(rules, inner(prev), inner(next));
    }
  }
  const members = (t: string) => {
    const all = rules.members(t);
    return nullable && rules.none !== undefined && all.some((m) => m !== rules.none) ? all.filter((m) => m !== rules.none) : all;
  };
  const a = members(prev);
  const b = members(next);
  const covers = (wide: string[], narrow: string[]) => narrow.every((x) => wide.some((y) => y === x || y === "unknown" || y === "Any" || rules.widenings.some(([n, w]) => n === x && w === y)));
  const widened = covers(b, a);
  const narrowed = covers(a, b);
  if (widened && narrowed) return "same";
  return widened ? "wider" : narrowed ? "narrower" : "different";
}
