/** Python literals for data from the spec: usage examples in the docs, enum values. */
import { pyString } from "../../render/escape.js";

/** A value in a Python usage example: a model constructor call, or plain data. */
export type PyValue =
  | { kind: "model"; cls: string; fields: PyArg[]; extra: Record<string, unknown> | null }
  | { kind: "dict"; fields: PyArg[]; extra: Record<string, unknown> | null }
  | { kind: "list"; items: PyValue[] }
  /** Code the planner wrote from identifiers and escaped literals (an enum member, a parse_datetime call). */
  | { kind: "code"; code: string }
  | { kind: "raw"; value: unknown };
export interface PyArg {
  name: string;
  value: PyValue;
}

const pad = (n: number) => "    ".repeat(n);

/**
 * `text` with lone surrogates (which JSON escapes like "\ud800" can make) replaced by U+FFFD. Python
 * strings may hold them, but they cannot cross into UTF-8: pydantic-core refuses them in aliases and
 * enum values, and the wire could not carry them. For names and values the runtime uses.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A data value as a Python literal at `indent` (4 spaces a level). */
export function pyLiteral(value: unknown, indent = 0): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return pyString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'float("nan")' : value > 0 ? 'float("inf")' : '-float("inf")';
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v) => `${pad(indent + 1)}${pyLiteral(v, indent + 1)},\n`).join("") + `${pad(indent)}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return "{\n" + entries.map(([k, v]) => `${pad(indent + 1)}${pyString(k)}: ${pyLiteral(v, indent + 1)},\n`).join("") + `${pad(indent)}}`;
  }
  return "None";
}

function pyValue(v: PyValue, indent: number): string {
  switch (v.kind) {
    case "raw":
      return pyLiteral(v.value, indent);
    case "code":
      return v.code;
    case "list":
      if (v.items.length === 0) return "[]";
      return "[\n" + v.items.map((x) => `${pad(indent + 1)}${pyValue(x, indent + 1)},\n`).join("") + `${pad(indent)}]`;
    case "dict": {
      const lines = v.fields.map((f) => `${pad(indent + 1)}${pyString(f.name)}: ${pyValue(f.value, indent + 1)},\n`);
      for (const [k, x] of Object.entries(v.extra ?? {})) lines.push(`${pad(indent + 1)}${pyString(k)}: ${pyLiteral(x, indent + 1)},\n`);
      return lines.length === 0 ? "{}" : `{\n${lines.join("")}${pad(indent)}}`;
    }
    case "model": {
      const lines = v.fields.map((f) => `${pad(indent + 1)}${f.name}=${pyValue(f.value, indent + 1)},\n`);
      if (v.extra && Object.keys(v.extra).length > 0) lines.push(`${pad(indent + 1)}**${pyLiteral(v.extra, indent + 1)},\n`);
      if (lines.length === 0) return `${v.cls}()`;
      return `${v.cls}(\n${lines.join("")}${pad(indent)})`;
    }
  }
}

/** Keyword arguments of a call in a Python usage example, on the call's line as Speakeasy writes
 * them; a value that spans lines is indented from the call. */
export function pyArgs(args: PyArg[], indent = 0): string {
  return args.map((a) => `${a.name}=${pyValue(a.value, indent)}`).join(", ");
}
