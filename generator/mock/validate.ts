/**
 * Checks a JSON value against an IR type, as the mock server checks request bodies: the types, the
 * required properties, closed enums, literals, arrays, maps and unions (any variant), nullability.
 * Each problem has the JSON pointer of the value and what was expected. Unknown properties are
 * allowed (servers usually ignore them, and a newer client may send them).
 */
import { isPrimitive } from "../ir/examples.js";
import type { Model, TypeRef } from "../ir/types.js";

export interface Problem {
  pointer: string;
  message: string;
}

/** Problems are capped: a huge wrong body yields a readable answer, and the walk stays bounded. */
const MAX_PROBLEMS = 20;
const MAX_DEPTH = 64;

export function validateValue(value: unknown, type: TypeRef, models: ReadonlyMap<string, Model>): Problem[] {
  const problems: Problem[] = [];
  check(value, type, "", models, problems, 0);
  return problems.slice(0, MAX_PROBLEMS);
}

function check(v: unknown, t: TypeRef, at: string, models: ReadonlyMap<string, Model>, out: Problem[], depth: number): void {
  if (out.length >= MAX_PROBLEMS || depth > MAX_DEPTH) return;
  if (v === null) {
    if (t.nullable || t.kind === "null" || (t.kind === "ref" && nullableModel(models.get(t.model)))) return;
    out.push({ pointer: at || "/", message: `expected ${describe(t)}, got null` });
    return;
  }
  const bad = (expected: string) => out.push({ pointer: at || "/", message: `expected ${expected}, got ${kindOf(v)}` });
  switch (t.kind) {
    case "primitive":
      if (!isPrimitive(t.type, v)) bad(t.type);
      return;
    case "literal":
      if (v !== t.value) out.push({ pointer: at || "/", message: `expected ${JSON.stringify(t.value)}` });
      return;
    case "null":
      bad("null");
      return;
    case "array":
      if (!Array.isArray(v)) return void bad("an array");
      v.forEach((item, i) => check(item, t.items, `${at}/${i}`, models, out, depth + 1));
      return;
    case "map":
      if (!isObject(v)) return void bad("an object");
      for (const [k, item] of Object.entries(v)) check(item, t.values, `${at}/${escape(k)}`, models, out, depth + 1);
      return;
    case "union": {
      const fits = t.variants.some((variant) => {
        const trial: Problem[] = [];
        check(v, variant, at, models, trial, depth + 1);
        return trial.length === 0;
      });
      if (!fits) out.push({ pointer: at || "/", message: `matches none of ${t.variants.map(describe).join(", ")}` });
      return;
    }
    case "ref":
      return checkModel(v, models.get(t.model), at, models, out, depth);
  }
}

function checkModel(v: unknown, m: Model | undefined, at: string, models: ReadonlyMap<string, Model>, out: Problem[], depth: number): void {
  if (!m) return;
  if (m.kind === "alias") return check(v, m.type, at, models, out, depth + 1);
  if (m.kind === "enum") {
    if (m.open) {
      if (!isPrimitive(m.type, v)) out.push({ pointer: at || "/", message: `expected ${m.type}, got ${kindOf(v)}` });
    } else if (!m.members.some((member) => member.value === v)) {
      out.push({ pointer: at || "/", message: `expected one of ${m.members.map((member) => JSON.stringify(member.value)).join(", ")}` });
    }
    return;
  }
  if (!isObject(v)) return void out.push({ pointer: at || "/", message: `expected an object (${m.name}), got ${kindOf(v)}` });
  for (const f of m.fields) {
    const present = Object.prototype.hasOwnProperty.call(v, f.wireName);
    // A read-only property is the server's to set: a client leaves it out.
    if (!present) {
      if (f.required && !f.readOnly) out.push({ pointer: `${at}/${escape(f.wireName)}`, message: "is required" });
      continue;
    }
    check(v[f.wireName], f.type, `${at}/${escape(f.wireName)}`, models, out, depth + 1);
  }
}

function nullableModel(m: Model | undefined): boolean {
  return m?.kind === "alias" && (m.type.nullable === true || m.type.kind === "null");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? "an array" : v === null ? "null" : typeof v === "object" ? "an object" : typeof v;
}

function describe(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.type;
    case "ref":
      return t.model;
    case "array":
      return "an array";
    case "map":
      return "an object";
    case "literal":
      return JSON.stringify(t.value);
    case "union":
      return "a union";
    case "null":
      return "null";
  }
}

/** A JSON pointer segment. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
