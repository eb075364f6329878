/** Python literals for data from the spec: usage examples in the docs, enum values. */
import { pyString } from "../../render/escape.js";

/** A value in a Python usage example: a model constructor call, or plain data. */
export type PyValue =
  | { kind: "model"; cls: string; fields: PyArg[]; extra: Record<string, unknown> | null }
  | { kind: "raw"; value: unknown };
export interface PyArg {
  name: string;
  value: PyValue;
}

const pad = (n: number) => "    ".repeat(n);

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
  if (v.kind === "raw") return pyLiteral(v.value, indent);
  const lines = v.fields.map((f) => `${pad(indent + 1)}${f.name}=${pyValue(f.value, indent + 1)},\n`);
  if (v.extra && Object.keys(v.extra).length > 0) lines.push(`${pad(indent + 1)}**${pyLiteral(v.extra, indent + 1)},\n`);
  if (lines.length === 0) return `${v.cls}()`;
  return `${v.cls}(\n${lines.join("")}${pad(indent)})`;
}

/** Keyword arguments of a call in a Python usage example. */
export function pyArgs(args: PyArg[], indent = 0): string {
  if (args.length === 0) return "";
  if (args.length === 1) return `${args[0].name}=${pyValue(args[0].value, indent)}`;
  const simple = args.every((a) => a.value.kind === "raw" && (a.value.value === null || typeof a.value.value !== "object"));
  if (simple) return args.map((a) => `${a.name}=${pyValue(a.value, indent)}`).join(", ");
  return "\n" + args.map((a) => `${pad(indent + 1)}${a.name}=${pyValue(a.value, indent + 1)},\n`).join("") + pad(indent);
}
