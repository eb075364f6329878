/**
 * Every handlebars helper, in one place. Templates are compiled with knownHelpersOnly, so a helper
 * used in a template must be listed here. Helpers format data; they do not make naming decisions.
 */
import { mdTable, type TableRule } from "./markdown.js";

export type HelperFn = (...args: any[]) => unknown;

export const helpers: Record<string, HelperFn> = {
  /** Equality, for partials that dispatch on an IR kind: {{#if (eq kind "array")}}. */
  eq: (a: unknown, b: unknown) => a === b,
  /** String concatenation of its arguments (minus handlebars' options object). */
  concat: (...args: unknown[]) => args.slice(0, -1).join(""),
  /** A JSON literal: strings quoted and escaped, for values inside generated code. */
  json: (value: unknown) => JSON.stringify(value),
  /** A markdown table with every column padded to one width: {{mdTable headers rows rule}}. */
  mdTable: (headers: string[], rows: string[][], rule: TableRule) => mdTable(headers, rows, rule),
  /** A data value as a TypeScript literal at the given indent: objects expanded one key a line. */
  tsLiteral: (value: unknown, indent: number) => tsLiteral(value, typeof indent === "number" ? indent : 0),
};

/** Object keys are written bare when they are identifiers, quoted otherwise (prettier's as-needed). */
export function tsLiteral(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v) => `${pad}${tsLiteral(v, indent + 1)},\n`).join("") + `${end}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const quote = entries.some(([k]) => !isIdentifier(k));
    return "{\n" + entries.map(([k, v]) => `${pad}${quote ? JSON.stringify(k) : k}: ${tsLiteral(v, indent + 1)},\n`).join("") + `${end}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}
