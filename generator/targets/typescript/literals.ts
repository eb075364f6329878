/** TypeScript literals for data from the spec (examples, defaults), written as prettier writes them. */
import { tsString } from "../../render/escape.js";

/** Code a data value stands for (`new Date("…")`), printed as it is: the view builds it from escaped parts. */
export class TsCode {
  constructor(readonly code: string) {}
}

/** Whether a value holds code that names `symbol`. */
export function mentions(value: unknown, symbol: string): boolean {
  if (value instanceof TsCode) return value.code.includes(symbol);
  if (Array.isArray(value)) return value.some((v) => mentions(v, symbol));
  if (value !== null && typeof value === "object") return Object.values(value).some((v) => mentions(v, symbol));
  return false;
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/**
 * Whether a property key is written bare: prettier (quoteProps "as-needed") unquotes a key that is
 * an ES5 identifier name, letters of any alphabet included (`{ número: 1, имя: 2 }`), though not one
 * with a character beyond the Basic Multilingual Plane; it never unquotes a number in TypeScript.
 */
export function isBareKey(name: string): boolean {
  return ES5_IDENTIFIER_NAME.test(name) && !ASTRAL.test(name);
}

const ES5_IDENTIFIER_NAME = /^[$_\p{L}\p{Nl}][$\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200c\u200d]*$/u;
const ASTRAL = /[\u{10000}-\u{10ffff}]/u;

/** A data value as a TypeScript literal at `indent`: objects expanded one key a line, keys bare when they can be. */
export function tsLiteral(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (value instanceof TsCode) return value.code;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v) => `${pad}${tsLiteral(v, indent + 1)},\n`).join("") + `${end}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    // prettier's quoteProps "as-needed": each key quoted only if it must be.
    return "{\n" + entries.map(([k, v]) => `${pad}${propKey(k)}: ${tsLiteral(v, indent + 1)},\n`).join("") + `${end}}`;
  }
  return scalar(value);
}

/** A property key as written in a type or object literal: bare where prettier writes it bare, else quoted. */
export function propKey(name: string): string {
  return isBareKey(name) ? name : tsString(name);
}

function scalar(value: unknown): string {
  if (typeof value === "string") return tsString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (typeof value === "boolean" || value === null) return String(value);
  return "undefined";
}

/** A data value as a one-line TypeScript literal (`{ kind: "cursor", path: ["a", -1] }`); the formatter breaks it if it is long. */
export function tsInlineLiteral(value: unknown): string {
  if (value instanceof TsCode) return value.code;
  if (Array.isArray(value)) return `[${value.map(tsInlineLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${propKey(k)}: ${tsInlineLiteral(v)}`).join(", ")} }`;
  }
  return scalar(value);
}
