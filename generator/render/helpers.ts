/**
 * Every handlebars helper, in one place. Templates are compiled with knownHelpersOnly, so a helper
 * used in a template must be listed here. Helpers format data; they do not make naming decisions.
 */
import { mapText, typeText, type Mapping, type TsType } from "../targets/typescript/types.js";
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
  /** A data value as a Python literal at the given indent (4 spaces a level). */
  pyLiteral: (value: unknown, indent: number) => pyLiteral(value, typeof indent === "number" ? indent : 0),
  /** Keyword arguments of a call in a Python usage example: {{pyArgs args indent}}. */
  pyArgs: (args: PyArg[], indent: number) => pyArgs(args, typeof indent === "number" ? indent : 0),
  /** A TypeScript type expression: {{tsType type}}. */
  tsType: (t: TsType) => typeText(t),
  /** The expression converting `v` between wire and SDK shapes: {{tsMap mapping v}}. */
  tsMap: (m: Mapping, v: string) => mapText(m, v, false),
  /** The same inside an arrow function's body (a nullable conversion gets parentheses). */
  tsMapNested: (m: Mapping, v: string) => mapText(m, v, true),
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

/** A value in a Python usage example: a model constructor call, or plain data. */
export type PyValue =
  | { kind: "model"; cls: string; fields: PyArg[]; extra: Record<string, unknown> | null }
  | { kind: "raw"; value: unknown };
export interface PyArg {
  name: string;
  value: PyValue;
}

const pad = (n: number) => "    ".repeat(n);

export function pyLiteral(value: unknown, indent = 0): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v) => `${pad(indent + 1)}${pyLiteral(v, indent + 1)},\n`).join("") + `${pad(indent)}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return "{\n" + entries.map(([k, v]) => `${pad(indent + 1)}${JSON.stringify(k)}: ${pyLiteral(v, indent + 1)},\n`).join("") + `${pad(indent)}}`;
  }
  return JSON.stringify(value);
}

function pyValue(v: PyValue, indent: number): string {
  if (v.kind === "raw") return pyLiteral(v.value, indent);
  const lines = v.fields.map((f) => `${pad(indent + 1)}${f.name}=${pyValue(f.value, indent + 1)},\n`);
  if (v.extra && Object.keys(v.extra).length > 0) lines.push(`${pad(indent + 1)}**${pyLiteral(v.extra, indent + 1)},\n`);
  if (lines.length === 0) return `${v.cls}()`;
  return `${v.cls}(\n${lines.join("")}${pad(indent)})`;
}

export function pyArgs(args: PyArg[], indent = 0): string {
  if (args.length === 0) return "";
  if (args.length === 1) return `${args[0].name}=${pyValue(args[0].value, indent)}`;
  const simple = args.every((a) => a.value.kind === "raw" && (a.value.value === null || typeof a.value.value !== "object"));
  if (simple) return args.map((a) => `${a.name}=${pyValue(a.value, indent)}`).join(", ");
  return "\n" + args.map((a) => `${pad(indent + 1)}${a.name}=${pyValue(a.value, indent + 1)},\n`).join("") + pad(indent);
}
