/**
 * Example values for docs and usage snippets, built from the spec's `example`s (falling back to
 * defaults, then to type placeholders). Language-neutral: targets choose how keys are spelled.
 */
import { forEachRef } from "./walk.js";
import type { Api, Field, Model, TypeRef } from "./types.js";

export type Example =
  | { kind: "scalar"; value: string | number | boolean | null; format?: "date-time" | "date" }
  | { kind: "array"; items: Example[] }
  | { kind: "object"; model: string | null; fields: { field: Field | null; key: string; value: Example }[] }
  | { kind: "raw"; value: unknown };

export class Examples {
  private readonly models: Map<string, Model>;
  /** The object models the example being built is inside of (a recursion guard for optional fields). */
  private readonly path: string[] = [];
  /** Values the example being built may still hold: recursive schemas must not blow a snippet up. */
  private budget = 0;

  /**
   * `optional`: objects also list their optional fields (Speakeasy's `optionalPropertyRendering:
   * always`), but for those with a default, which the server fills in; a nullable one without an
   * example is null. An object the spec gives an example of lists that example's keys.
   */
  constructor(
    api: Api,
    private readonly opts: { optional?: boolean; limits?: { depth: number; values: number } } = {},
  ) {
    this.models = new Map(api.models.map((m) => [m.name, m]));
  }

  /** Whether an example lists this optional field. */
  /**
   * Whether an example shows a field or parameter, as Speakeasy's pages do: a required one always;
   * an optional one (with `optional`) unless read-only or deprecated, and, for a field of an object,
   * unless it has a default and no example other than it. `param`: a method's own argument (a
   * parameter, or a flattened body field), shown with its default (`limit=20`).
   */
  shows(f: Pick<Field, "required" | "default" | "readOnly"> & { deprecated?: boolean; example?: unknown; param?: boolean }): boolean {
    if (f.required) return true;
    if (!this.opts.optional || f.readOnly || f.deprecated) return false;
    return f.param === true || f.default === undefined || (f.example !== undefined && JSON.stringify(f.example) !== JSON.stringify(f.default));
  }

  /**
   * An example of type `t`; `given` is an example the spec supplies for this place, used where it
   * fits the type. Objects list their required fields only, as users write the smallest valid value
   * (with `optional`, see the constructor). `optionalField`: `t` is an optional field's, so a
   * nullable one without an example shows null.
   */
  of(t: TypeRef, given?: unknown, depth = 0, optionalField = false): Example {
    if (depth === 0 && this.path.length === 0) this.budget = this.limits.values;
    // Past the depth or the budget, no more nesting: an array is empty, an object null; a leaf (a
    // scalar, an enum) still gets its value, as null would not be one of its type.
    if ((depth > this.limits.depth || --this.budget < 0) && !this.isLeaf(t)) return { kind: "raw", value: given ?? (t.kind === "array" ? [] : null) };
    if (given === null && "nullable" in t && t.nullable) return { kind: "scalar", value: null };
    if (given === undefined && optionalField && "nullable" in t && t.nullable) return { kind: "scalar", value: null };
    switch (t.kind) {
      case "primitive": {
        const value = fits(t.type, given) && fitsFormat(t.format, given) ? (given as string | number | boolean) : placeholder(t.type, t.format);
        // Dates are told apart: an SDK may take them as its own date type (TypeScript: Date, RFCDate).
        if (t.type === "string" && (t.format === "date-time" || t.format === "date")) return { kind: "scalar", value, format: t.format };
        return { kind: "scalar", value };
      }
      case "literal":
        return { kind: "scalar", value: t.value };
      case "null":
        return { kind: "scalar", value: null };
      case "union":
        return this.tagged(t, this.of(t.variants[0], given, depth + 1));
      case "array": {
        if (Array.isArray(given)) return { kind: "array", items: given.map((g) => this.of(t.items, g, depth + 1)) };
        // With optional fields shown, an array without an example shows one item, as Speakeasy's snippets do.
        return { kind: "array", items: this.opts.optional ? [this.of(t.items, undefined, depth + 1)] : [] };
      }
      case "map":
        return { kind: "raw", value: isObj(given) ? given : {} };
      case "ref":
        return this.ofModel(this.models.get(t.model)!, given, depth);
    }
  }

  /**
   * A discriminated union's example names its variant: the tag field is set to the variant's mapping
   * value even where the variant leaves it optional (with a default), or the union cannot be told apart.
   */
  private tagged(t: Extract<TypeRef, { kind: "union" }>, ex: Example): Example {
    const d = t.discriminator;
    const first = t.variants[0];
    if (!d || ex.kind !== "object" || first.kind !== "ref") return ex;
    const tag = d.mapping.find((x) => x.model === first.model)?.value;
    const m = this.models.get(first.model);
    if (tag === undefined || m?.kind !== "object") return ex;
    const field = m.fields.find((f) => f.wireName === d.property) ?? null;
    const value: Example = { kind: "scalar", value: tag };
    const at = ex.fields.findIndex((f) => f.key === d.property);
    const fields = at === -1 ? [{ field, key: d.property, value }, ...ex.fields] : ex.fields.map((f, i) => (i === at ? { ...f, value } : f));
    return { ...ex, fields };
  }

  /** How deep an example nests and how many values it holds, at most (docs: what a reader takes in). */
  private get limits(): { depth: number; values: number } {
    return this.opts.limits ?? { depth: 8, values: MAX_VALUES };
  }

  /** A scalar type, or an enum: its example nests nothing. */
  private isLeaf(t: TypeRef): boolean {
    return t.kind === "primitive" || t.kind === "literal" || t.kind === "null" || (t.kind === "ref" && this.models.get(t.model)?.kind === "enum");
  }

  /** Whether `t` names a model the example is inside of (through aliases, each looked at once). */
  private reentersPath(t: TypeRef, seen = new Set<string>()): boolean {
    let hit = false;
    forEachRef(t, (name) => {
      if (hit || seen.has(name)) return;
      seen.add(name);
      const m = this.models.get(name);
      hit = this.path.includes(name) || (m?.kind === "alias" && this.reentersPath(m.type, seen));
    });
    return hit;
  }

  ofModel(m: Model, given: unknown, depth = 0): Example {
    // Called for a model's own docs too: a new example, a new budget.
    if (depth === 0 && this.path.length === 0) this.budget = this.limits.values;
    if (m.kind === "enum") {
      const hit = m.members.find((x) => x.value === given);
      const example = m.members.find((x) => x.value === m.example);
      return { kind: "scalar", value: (hit ?? example ?? m.members[0]).value };
    }
    if (m.kind === "alias") return this.of(m.type, given ?? m.example, depth + 1);
    if (m.freeForm) return { kind: "raw", value: isObj(given) ? given : isObj(m.example) ? m.example : {} };
    const src = isObj(given) ? given : isObj(m.example) ? m.example : {};
    const fields: { field: Field | null; key: string; value: Example }[] = [];
    this.path.push(m.name);
    for (const f of m.fields) {
      // A field named like an Object.prototype member (`toString`) is shown: `{}` is no value of a
      // TypeScript type that declares one as a string, since every object has the inherited one.
      if (!(this.opts.optional && isObj(given) ? f.required || Object.hasOwn(given, f.wireName) : this.shows(f) || f.wireName in Object.prototype)) continue;
      const value = (Object.hasOwn(src, f.wireName) ? src[f.wireName] : undefined) ?? f.example ?? f.default;
      // An optional field leading back into a model this example is already inside is left out:
      // one level of a tree, not every level (Speakeasy's snippets stop there too).
      if (!f.required && value === undefined && this.reentersPath(f.type)) continue;
      fields.push({ field: f, key: f.wireName, value: this.of(f.type, value, depth + 1, !f.required && !!this.opts.optional) });
    }
    this.path.pop();
    if (m.additional) {
      const declared = new Set(m.fields.map((f) => f.wireName));
      for (const [key, value] of Object.entries(src)) {
        if (!declared.has(key)) fields.push({ field: null, key, value: { kind: "raw", value } });
      }
    }
    return { kind: "object", model: m.name, fields };
  }
}

/** How many values one example may hold. */
const MAX_VALUES = 500;

/** Whether `v` is a value of the primitive `type` (a type the IR does not name takes any value). */
export function isPrimitive(type: string, v: unknown): boolean {
  switch (type) {
    case "string":
      return typeof v === "string";
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    default:
      return true;
  }
}

/** A spec's example an example can show as it is: of the type, and a scalar. */
function fits(type: string, v: unknown): boolean {
  return isPrimitive(type, v) && (typeof v === "string" || typeof v === "number" || typeof v === "boolean");
}

/**
 * A date example is one (GitHub's has `"\"2007-10-29T02:42:39.000-07:00\""`, quotes included): the
 * SDKs parse dates, so a date that is not one would make the example fail where it runs.
 */
function fitsFormat(format: string | undefined, v: unknown): boolean {
  if (typeof v !== "string") return true;
  if (format === "date-time") return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
  if (format === "date") return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  return true;
}

function placeholder(type: string, format?: string): string | number | boolean {
  switch (type) {
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    default:
      if (format === "date-time") return "2025-01-01T00:00:00Z";
      if (format === "date") return "2025-01-01";
      return "<value>";
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** An example as the plain JSON value it stands for (object keys as sent on the wire). */
export function plainValue(e: Example): unknown {
  switch (e.kind) {
    case "scalar":
      return e.value;
    case "array":
      return e.items.map(plainValue);
    case "object":
      return Object.fromEntries(e.fields.map((f) => [f.key, plainValue(f.value)]));
    case "raw":
      return e.value;
  }
}
