/**
 * Statements printed as ruff's formatter prints them, for the shapes a module repeats by the
 * thousand: `from m import a, b` and a dict entry whose value is a tuple. Each fits on its line, or
 * is split as ruff splits it (its brackets' contents one item a line, with a trailing comma: ruff
 * always splits an import list or a tuple literal that way, never onto one indented line).
 *
 * models/__init__.py lists every model three times: Microsoft Graph's is 47 MB, which took ruff's
 * formatter 2.7 s and grew its WebAssembly memory to 580 MB. Printed in ruff's layout, it is not
 * formatted at all (tests compare these layouts with ruff's, and `ruff format --check` runs on
 * generated SDKs).
 */
import { RUFF_LINE_WIDTH } from "./format.js";

/** `from <module> import <names>` at `indent`. */
export function fromImport(indent: string, module: string, names: readonly string[]): string {
  return bracketed(`${indent}from ${module} import `, names, "", indent);
}

/** `<key>: (<items>),`, an entry of a dict whose items are each a line. */
export function tupleEntry(indent: string, key: string, items: readonly string[]): string {
  return bracketed(`${indent}${key}: `, items, ",", indent);
}

/**
 * Whether ruff measures `text`'s width by its length, as these layouts do: ASCII only (a wide
 * character counts twice). Otherwise the layouts' lines are still valid Python, for ruff to format.
 */
export function widthIsLength(text: string): boolean {
  // A search for the first other character: one pass, with no backtracking over a 47 MB module.
  return !/[^\x20-\x7e\n]/.test(text);
}

function bracketed(head: string, items: readonly string[], after: string, indent: string): string {
  // An import needs no brackets on one line; a tuple keeps them.
  const flat = after === "" ? `${head}${items.join(", ")}` : `${head}(${items.join(", ")})${after}`;
  if (flat.length <= RUFF_LINE_WIDTH || !widthIsLength(flat)) return flat;
  return `${head}(\n${items.map((i) => `${indent}    ${i},`).join("\n")}\n${indent})${after}`;
}
