/**
 * Helpers every target's templates share: logic for partials that dispatch on a kind, and the
 * markdown escapers for the docs. Each target adds its own (targets/<target>/helpers.ts). Templates
 * are compiled with knownHelpersOnly, so a helper a template uses must be registered.
 */
import { htmlAttr, md, mdCell, mdCode, mdCodeCell, shellWord } from "./escape.js";
import { mdTable, type TableRule } from "./markdown.js";

export type HelperFn = (...args: any[]) => unknown;
export type Helpers = Record<string, HelperFn>;

export const sharedHelpers: Helpers = {
  /** Equality, for partials that dispatch on an IR kind: {{#if (eq kind "array")}}. */
  eq: (a: unknown, b: unknown) => a === b,
  /** String concatenation of its arguments (minus handlebars' options object). */
  concat: (...args: unknown[]) => args.slice(0, -1).join(""),
  /** A markdown table with every column padded to one width: {{mdTable headers rows rule}}. */
  mdTable: (headers: string[], rows: string[][], rule: TableRule) => mdTable(headers, rows, rule),
  /** Markdown prose from a description. */
  md: (text: string) => md(text),
  /** Markdown prose on one line (a heading, a list item). */
  mdInline: (text: string) => md(text, true),
  /** A markdown table cell. */
  mdCell: (text: string) => mdCell(text),
  /** An inline code span. */
  mdCode: (text: string) => mdCode(text),
  /** An inline code span in a table cell. */
  mdCodeCell: (text: string) => mdCodeCell(text),
  /** A value in a double-quoted HTML attribute (inside a markdown comment). */
  htmlAttr: (text: string) => htmlAttr(text),
  /** A word of a shell command line. */
  shellWord: (value: string) => shellWord(value),
  /** A numeric literal (both languages): only a finite number prints. */
  num: (n: unknown) => {
    if (typeof n !== "number" || !Number.isFinite(n)) throw new Error(`specsmith: not a finite number: ${String(n)}`);
    return String(n);
  },
};
