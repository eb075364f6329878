/**
 * Defaults as their fields' types read them. A spec may write a default in another type than its
 * schema's: BeezUP's booleans default to "false" and its integers to "1". The SDKs put a default in
 * their types (TypeScript's `v.readOnly ?? "false"` does not type-check as a boolean) and fill it into
 * what they decode (where the string would fail the boolean's check on every response). Such a
 * default is read as the value it spells; one that spells no value of the type is left out.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Loc, Resolver } from "../load/document.js";
import type { Api, Model, Primitive, TypeRef } from "./types.js";

/**
 * Each field's and parameter's default, read as its type (once every model is built). `dropped` is
 * told of each default left out (the field or parameter, what the spec wrote, what its type takes).
 */
export function typedDefaults(api: Pick<Api, "models" | "operations">, dropped?: (holder: object, value: unknown, wanted: string) => void): void {
  const models = new Map(api.models.map((m) => [m.name, m]));
  const fields = [...api.models.flatMap((m) => (m.kind === "object" ? m.fields : [])), ...api.operations.flatMap((op) => op.params)];
  for (const f of fields) {
    if (f.default === undefined) continue;
    const read = typedDefault(f.default, f.type, models);
    if (read === undefined) dropped?.(f, f.default, wantedOf(f.type, models));
    f.default = read;
  }
}

/** What a type takes, in a warning's words: "a boolean", "one of draft, published". */
function wantedOf(type: TypeRef, models: ReadonlyMap<string, Model>, depth = 0): string {
  if (type.kind === "primitive") return type.format === "date-time" || type.format === "date" ? `a ${type.format} string` : `${type.type === "integer" ? "an" : "a"} ${type.type}`;
  if (type.kind === "literal") return JSON.stringify(type.value);
  const model = type.kind === "ref" ? models.get(type.model) : undefined;
  if (model?.kind === "enum")
    return `one of ${model.members
      .slice(0, 8)
      .map((m) => JSON.stringify(m.value))
      .join(", ")}${model.members.length > 8 ? ", …" : ""}`;
  if (model?.kind === "alias" && depth < 8) return wantedOf(model.type, models, depth + 1);
  return type.nullable ? "null" : "a value of its type";
}

/** `value` as a default of `type`; undefined when it is none of that type's values. */
export function typedDefault(value: unknown, type: TypeRef, models: ReadonlyMap<string, Model>, depth = 0): unknown {
  if (value === null) return type.nullable || type.kind === "null" ? null : undefined;
  switch (type.kind) {
    case "primitive": {
      const read = primitive(value, type.type);
      // A date the default does not spell (BioAPI's "<function datetime.now at 0x7f…>") is none.
      return (type.format === "date-time" || type.format === "date") && typeof read === "string" && Number.isNaN(Date.parse(read)) ? undefined : read;
    }
    case "literal":
      return value === type.value || String(value) === String(type.value) ? type.value : undefined;
    case "ref": {
      const model = models.get(type.model);
      if (model?.kind === "enum") return model.members.find((m) => m.value === value || String(m.value) === String(value))?.value;
      // An alias reads as what it names (a chain of aliases is followed a few steps at most).
      if (model?.kind === "alias" && depth < 8) return typedDefault(value, model.type, models, depth + 1);
      return value;
    }
    default:
      // Objects, arrays, maps and unions keep what the spec wrote.
      return value;
  }
}

function primitive(value: unknown, type: Primitive): unknown {
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  switch (type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      return text === "true" || text === "false" ? text === "true" : undefined;
    case "integer":
      if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
      return text !== undefined && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case "number":
      if (typeof value === "number") return value;
      return text !== undefined && /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text) ? Number(text) : undefined;
    case "string":
      if (typeof value === "string") return value;
      return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
    default:
      return value;
  }
}

/** The warning for a default left out, at where the spec wrote it. */
export function droppedDefault(resolver: Resolver, loc: Loc, value: unknown, wanted: string): Diagnostic {
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return resolver.diagnostic(loc, `the default ${shown} is not ${wanted}: the SDKs leave it out`, `write the default as ${wanted}, or remove it`, { severity: "warning" });
}
