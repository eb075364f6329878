/**
 * JSON Schema (OpenAPI 3.0 and 3.1 dialects) → IR type expressions and named models.
 * Component schemas become named models; inline objects and enums become models named after
 * where they appear (parent + property), the way users read them in docs.
 */
import { SpecError, pointerOf, type Diagnostic } from "../diagnostics.js";
import { isRef, type Loc, type Resolver } from "../load/document.js";
import type { Discriminator, Field, Model, ModelPlace, ObjectModel, TypeRef } from "./types.js";
import { dirname, relative } from "node:path";
import { NameBook, NameScope, SYMBOL_WORDS, camelCase, pascalCase, placeKey, type NameScopeState } from "./names.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export class SchemaConverter {
  readonly models = new Map<string, Model>();
  /** Model name by "file#pointer" of the schema that defines it. */
  private readonly byLocation = new Map<string, string>();
  /** Model names, kept from the last generation where they still fit (see NameScope's `held`). */
  readonly names: NameScope;
  /** Each model's key in `names` (placeKey of where its schema is), by model name. */
  readonly keys = new Map<string, string>();
  /** What building the models forgave, each at its position (enum names the spec gives and cannot be used). */
  readonly warnings: Diagnostic[] = [];
  /** Where each field's default was written (defaults.ts warns at it when the default is left out). */
  readonly defaultsAt = new Map<object, Loc>();

  constructor(
    private readonly resolver: Resolver,
    book: NameBook = new NameBook(),
  ) {
    this.names = book.scope("models");
  }

  /** A model's name for the schema at `loc`, kept from the last generation where it still fits. */
  private claim(wanted: string, loc: Loc): string {
    const key = placeKey(sourceKey(this.resolver, loc));
    const name = this.names.claim(wanted, key);
    this.keys.set(name, key);
    return name;
  }

  private warn(loc: Loc, message: string, hint: string): void {
    const where = this.resolver.diagnostic(loc, message, hint, { severity: "warning" });
    // A schema built again from another place (an inline enum under two names) is said once.
    if (!this.warnings.some((w) => w.file === where.file && w.pointer === where.pointer && w.message === where.message)) this.warnings.push(where);
  }

  /** Reserves component schema names up front so they win over inline names. */
  reserveComponents(): void {
    const schemas = (this.resolver.root.data as Obj).components;
    if (!isObj(schemas) || !isObj(schemas.schemas)) return;
    for (const [key, schema] of Object.entries(schemas.schemas)) {
      const loc: Loc = { file: this.resolver.root, path: ["components", "schemas", key] };
      this.byLocation.set(locKey(loc), this.claim(pascalCase(nameOverride(schema) ?? key) || "Model", loc));
    }
  }

  /**
   * Builds every component schema as a model, in document order. While it runs, a $ref to a component
   * not built yet is only named (it is built in its turn), so a long chain of references never
   * becomes deep recursion. `tick`: told after each one.
   */
  buildComponents(tick?: () => void): void {
    const comps = (this.resolver.root.data as Obj).components;
    if (!isObj(comps) || !isObj(comps.schemas)) return;
    this.buildingComponents = true;
    for (const [key, schema] of Object.entries(comps.schemas)) {
      this.named({ value: schema, loc: { file: this.resolver.root, path: ["components", "schemas", key] } }, "components");
      tick?.();
    }
    this.buildingComponents = false;
  }

  private buildingComponents = false;

  /**
   * What building the components left (ComponentsMemo): models, names and where defaults were
   * written, as a copy that the steps after it (which change models in place) cannot change.
   */
  componentsState(): ComponentsState {
    const fields = new Map<object, object>();
    return {
      models: [...this.models.values()].map((m) => copyModel(m, fields)),
      byLocation: [...this.byLocation],
      keys: [...this.keys],
      defaultsAt: [...this.defaultsAt].map(([field, loc]) => [fields.get(field) ?? field, loc.path]),
      names: this.names.state(),
    };
  }

  /** This build's components as `state` says (made by a build of the same components, with the same names held). */
  restoreComponents(state: ComponentsState): void {
    const fields = new Map<object, object>();
    for (const m of state.models) this.models.set(m.name, copyModel(m, fields));
    for (const [k, v] of state.byLocation) this.byLocation.set(k, v);
    for (const [k, v] of state.keys) this.keys.set(k, v);
    for (const [field, path] of state.defaultsAt) this.defaultsAt.set(fields.get(field) ?? field, { file: this.resolver.root, path });
    this.names.restore(state.names);
  }

  /**
   * The type of `schema` found at `loc`. `hint` names an inline model if one is needed;
   * `place` is where such a model lives.
   */
  type(schema: unknown, loc: Loc, hint: string, place: ModelPlace, childPrefix?: string): TypeRef {
    if (isRef(schema)) {
      const target = this.resolver.deref(schema, loc);
      const reserved = this.byLocation.get(locKey(target.loc));
      const t: TypeRef =
        this.buildingComponents && reserved && !this.models.has(reserved) && target.loc.file === this.resolver.root && isNamedLocation(target.loc.path) && target.loc.path[0] === "components"
          ? { kind: "ref", model: reserved }
          : isNamedLocation(target.loc.path) || !reserved
            ? this.refTo(target, place)
            : { kind: "ref", model: this.byLocation.get(locKey(target.loc))! };
      return nullableRef(t, target.value, this.models);
    }
    if (schema === true || schema === undefined || (isObj(schema) && Object.keys(schema).length === 0)) {
      return { kind: "primitive", type: "unknown" };
    }
    if (!isObj(schema)) {
      if (schema === false) return { kind: "primitive", type: "unknown" };
      throw new SpecError([this.resolver.diagnostic(loc, "a schema must be an object", "write the schema as a map, e.g. `type: string`")]);
    }
    // Speakeasy's x-speakeasy-name-override names the model an inline schema becomes.
    const override = nameOverride(schema);
    if (override) hint = pascalCase(override) || hint;
    const { types, nullable } = typesOf(schema);
    const withNull = (t: TypeRef): TypeRef => (nullable && t.kind !== "null" ? { ...t, nullable: true } : t);

    if ("const" in schema && isLiteral(schema.const)) return withNull({ kind: "literal", value: schema.const });
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v) => v !== null);
      const enumNullable = nullable || values.length < schema.enum.length;
      if (values.length > 0 && values.every((v) => typeof v === "string" || typeof v === "number")) {
        const name = this.enumModel(values as (string | number)[], schema, loc, hint, place);
        return enumNullable ? { kind: "ref", model: name, nullable: true } : { kind: "ref", model: name };
      }
      if (values.length > 0 && values.every(isLiteral)) {
        // `enum: [true]` is the literal `true` (a one-variant union would name no type).
        if (values.length === 1) return enumNullable ? { kind: "literal", value: values[0] as boolean, nullable: true } : { kind: "literal", value: values[0] as boolean };
        return withNull({ kind: "union", variants: (values as (string | number | boolean)[]).map((value) => ({ kind: "literal", value })) });
      }
    }
    if (Array.isArray(schema.allOf)) {
      if (schema.allOf.length === 1 && !schema.properties) return withNull(this.type(schema.allOf[0], { ...loc, path: [...loc.path, "allOf", 0] }, hint, place, childPrefix));
      return withNull({ kind: "ref", model: this.objectModel(schema, loc, hint, place, undefined, childPrefix) });
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const list = schema[key];
      // Members that only constrain the object (`anyOf: [{required: [domain]}, {required: [domains]}]`)
      // give it no other type: it is its own properties, as Speakeasy's SDKs read it.
      if (constraintsOnly(list)) return this.type(without(schema, key), loc, hint, place, childPrefix);
      if (Array.isArray(list) && list.length > 0) {
        const variants = list.map((v, i) => this.type(v, { ...loc, path: [...loc.path, key, i] }, `${hint}${i + 1}`, place));
        const anyNull = nullable || variants.some((v) => v.kind === "null" || ("nullable" in v && v.nullable));
        // A nullable union holds null once: its variants' own nullability would print again with each
        // (`string | null | number | null | null`, Microsoft Graph's anyOf of nullable members).
        const flat = dedupe(variants.filter((v) => v.kind !== "null").map((v) => (anyNull ? nonNullable(v) : v)));
        const t: TypeRef = flat.length === 1 ? flat[0] : { kind: "union", variants: flat, ...this.discriminator(schema, list, variants, loc) };
        return anyNull ? { ...t, nullable: true } : t;
      }
    }
    if (types.length > 1) {
      return withNull({ kind: "union", variants: types.map((t) => this.type({ ...schema, type: t, nullable: false }, loc, hint, place)) });
    }
    const type = types[0] ?? (schema.properties || schema.additionalProperties !== undefined ? "object" : schema.items ? "array" : undefined);
    switch (type) {
      case "null":
        return { kind: "null" };
      case "string":
        return withNull({ kind: "primitive", type: "string", ...(typeof schema.format === "string" ? { format: schema.format } : {}) });
      case "integer":
      case "number":
      case "boolean":
        return withNull({ kind: "primitive", type, ...(typeof schema.format === "string" ? { format: schema.format } : {}) });
      case "array":
        return withNull({ kind: "array", items: this.type(schema.items, { ...loc, path: [...loc.path, "items"] }, hint, place, childPrefix) });
      case "object": {
        if (isObj(schema.properties) && Object.keys(schema.properties).length > 0) {
          return withNull({ kind: "ref", model: this.objectModel(schema, loc, hint, place, undefined, childPrefix) });
        }
        const ap = schema.additionalProperties;
        if (isObj(ap) && Object.keys(ap).length > 0) {
          return withNull({ kind: "map", values: this.type(ap, { ...loc, path: [...loc.path, "additionalProperties"] }, hint, place) });
        }
        // A free-form object: named (some targets give it a class), structurally a map of anything.
        return withNull({ kind: "ref", model: this.freeFormModel(schema, loc, hint, place) });
      }
      default:
        return withNull({ kind: "primitive", type: "unknown" });
    }
  }

  /** The union's discriminator: explicit `mapping` entries, else each $ref variant's component name. */
  private discriminator(schema: Obj, list: unknown[], variants: TypeRef[], loc: Loc): { discriminator?: Discriminator } {
    const d = schema.discriminator;
    if (!isObj(d) || typeof d.propertyName !== "string") return {};
    const mapping: { value: string; model: string }[] = [];
    if (isObj(d.mapping)) {
      for (const [value, ref] of Object.entries(d.mapping)) {
        // Extension keys (`x-speakeasy-unknown-values: allow`) are settings, never values.
        if (typeof ref !== "string" || value.startsWith("x-")) continue;
        const target = ref.includes("#") || ref.includes("/") ? ref : `#/components/schemas/${ref}`;
        const t = this.type({ $ref: target }, { ...loc, path: [...loc.path, "discriminator", "mapping", value] }, "Variant", "components");
        if (t.kind === "ref") mapping.push({ value, model: t.model });
      }
    }
    list.forEach((v, i) => {
      const t = variants[i];
      if (!isRef(v) || t.kind !== "ref" || mapping.some((m) => m.model === t.model)) return;
      mapping.push({ value: String(v.$ref.split("/").pop()), model: t.model });
    });
    return { discriminator: { property: d.propertyName, mapping } };
  }

  /** A model for a schema that has a name of its own (a component, or a whole external file). */
  private refTo(target: { value: unknown; loc: Loc }, place: ModelPlace): TypeRef {
    const name = this.named(target, place);
    return name ? { kind: "ref", model: name } : this.type(target.value, target.loc, "Model", place);
  }

  /** Builds (once) the model for the schema at a named location; returns its name. */
  private named(target: { value: unknown; loc: Loc }, place: ModelPlace): string | undefined {
    const key = locKey(target.loc);
    const existing = this.byLocation.get(key);
    if (existing && this.models.has(existing)) return existing;
    const last = target.loc.path[target.loc.path.length - 1];
    const fileStem = target.loc.file.path.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, "");
    const name = existing ?? this.claim(pascalCase(nameOverride(target.value) ?? String(last ?? fileStem)) || "Model", target.loc);
    this.byLocation.set(key, name);
    // Placeholder first, so cycles through this schema resolve to the name.
    const placeholder: Model = { kind: "alias", name, place, deprecated: false, source: ptr(target.loc), type: { kind: "primitive", type: "unknown" } };
    this.models.set(name, placeholder);
    const t = this.buildNamed(target.value, target.loc, name, place);
    if (t.kind === "ref" && t.model === name) return name; // the object/enum model replaced the placeholder
    const s = isObj(target.value) ? target.value : {};
    this.models.set(name, { ...placeholder, type: t, description: str(s.description), example: exampleOf(s) });
    return name;
  }

  private buildNamed(schema: unknown, loc: Loc, name: string, place: ModelPlace): TypeRef {
    for (const key of ["oneOf", "anyOf"] as const) if (isObj(schema) && constraintsOnly(schema[key])) schema = without(schema, key);
    if (isObj(schema) && !isRef(schema)) {
      const { types } = typesOf(schema);
      const isObject = (types.length === 0 || (types.length === 1 && types[0] === "object")) && !schema.oneOf && !schema.anyOf && !schema.enum;
      if (isObject && (Array.isArray(schema.allOf) ? schema.allOf.length > 1 || !!schema.properties : isObj(schema.properties) && Object.keys(schema.properties).length > 0)) {
        this.objectModel(schema, loc, name, place, name);
        return { kind: "ref", model: name };
      }
      const ap = schema.additionalProperties;
      const freeForm =
        types.length === 1 && types[0] === "object" && !schema.allOf && !schema.oneOf && !schema.anyOf && !schema.enum && !(isObj(schema.properties) && Object.keys(schema.properties).length > 0);
      if (freeForm && (ap === undefined || ap === true || (isObj(ap) && Object.keys(ap).length === 0))) {
        // A component that is a free-form object is that object, not an alias of itself.
        this.freeFormModel(schema, loc, name, place, name);
        return { kind: "ref", model: name };
      }
      if (
        Array.isArray(schema.enum) &&
        schema.enum.some((v) => typeof v === "string" || typeof v === "number") &&
        schema.enum.every((v) => v === null || typeof v === "string" || typeof v === "number")
      ) {
        this.enumModel(schema.enum.filter((v) => v !== null) as (string | number)[], schema, loc, name, place, name);
        return { kind: "ref", model: name };
      }
    }
    return this.type(schema, loc, name, place);
  }

  private enumModel(values: (string | number)[], schema: Obj, loc: Loc, hint: string, place: ModelPlace, fixedName?: string): string {
    const cached = this.byLocation.get(locKey(loc));
    if (cached && this.models.get(cached)?.kind === "enum") return cached;
    const name = fixedName ?? this.claim(hint, loc);
    this.byLocation.set(locKey(loc), name);
    const memberNames = new NameScope();
    const custom = customMemberNames(schema);
    const customName = custom.nameOf;
    if (custom.key && custom.listed !== undefined && custom.listed !== custom.values) {
      const [listed, all] = [custom.listed, custom.values!];
      this.warn(
        { ...loc, path: [...loc.path, custom.key] },
        `${custom.key} has ${listed} name${listed === 1 ? "" : "s"} for the enum's ${all} value${all === 1 ? "" : "s"}: ${listed < all ? "the others are named from their values" : "the last ones are not used"}`,
        "give one name per value of `enum`, in its order",
      );
    }
    const allNumbers = values.every((v) => typeof v === "number");
    this.models.set(name, {
      kind: "enum",
      name,
      place,
      type: allNumbers ? (values.every(Number.isInteger) ? "integer" : "number") : "string",
      members: values.map((value) => {
        // A name the spec gives that makes no identifier (`日本`) leaves the member named by its value.
        const spelled = customName(value);
        const given = pascalCase(spelled ?? "");
        if (spelled !== undefined && given === "")
          this.warn(
            { ...loc, path: [...loc.path, custom.key!] },
            `${custom.key} names the value ${JSON.stringify(value)} ${JSON.stringify(spelled)}, which makes no identifier: the member is named from its value`,
            "name it with letters or digits",
          );
        return given !== "" ? { name: memberNames.claim(given), value, custom: true as const } : { name: memberNames.claim(enumMemberName(value)), value };
      }),
      ...(schema["x-speakeasy-unknown-values"] === "allow" ? { open: true } : {}),
      description: str(schema.description),
      example: exampleOf(schema),
      deprecated: schema.deprecated === true,
      source: ptr(loc),
    });
    return name;
  }

  private freeFormModel(schema: Obj, loc: Loc, hint: string, place: ModelPlace, fixedName?: string): string {
    const cached = this.byLocation.get(locKey(loc));
    if (!fixedName && cached && this.models.has(cached)) return cached;
    const name = fixedName ?? this.claim(hint, loc);
    this.byLocation.set(locKey(loc), name);
    this.models.set(name, {
      kind: "object",
      name,
      place,
      fields: [],
      additional: { kind: "primitive", type: "unknown" },
      freeForm: true,
      description: str(schema.description),
      example: exampleOf(schema),
      deprecated: schema.deprecated === true,
      source: ptr(loc),
    });
    return name;
  }

  /** `childPrefix` names inline children (defaults to the model's name): CreateActorToken + Actor. */
  private objectModel(schema: Obj, loc: Loc, hint: string, place: ModelPlace, fixedName?: string, childPrefix?: string): string {
    const where = locKey(loc);
    const cached = this.byLocation.get(where);
    if (cached && this.models.get(cached)?.kind === "object") return cached;
    const name = fixedName ?? this.claim(hint, loc);
    this.byLocation.set(where, name);
    const model: ObjectModel = {
      kind: "object",
      name,
      place,
      fields: [],
      description: str(schema.description),
      example: exampleOf(schema),
      deprecated: schema.deprecated === true,
      source: ptr(loc),
    };
    this.models.set(name, model);
    const fieldNames = new NameScope();
    const seen = new Map<string, Field>();
    // allOf members contribute their properties; the schema's own properties come last and win.
    const parts: { schema: Obj; loc: Loc }[] = [];
    const collect = (s: unknown, l: Loc, depth: number) => {
      if (depth > 32) return;
      const r = this.resolver.deref<unknown>(s, l);
      if (!isObj(r.value)) return;
      if (Array.isArray(r.value.allOf)) r.value.allOf.forEach((m, i) => collect(m, { ...r.loc, path: [...r.loc.path, "allOf", i] }, depth + 1));
      parts.push({ schema: r.value, loc: r.loc });
    };
    collect(schema, loc, 0);
    for (const part of parts) {
      const required = new Set(Array.isArray(part.schema.required) ? part.schema.required.map(String) : []);
      const props = isObj(part.schema.properties) ? part.schema.properties : {};
      for (const [wireName, propSchema] of Object.entries(props)) {
        // Speakeasy's x-speakeasy-ignore on a property leaves the field out of the SDKs' models.
        if (isObj(propSchema) && propSchema["x-speakeasy-ignore"] === true) continue;
        const ploc: Loc = { ...part.loc, path: [...part.loc.path, "properties", wireName] };
        const resolved = this.resolver.deref<unknown>(propSchema, ploc);
        const prop = resolved.value;
        const p = isObj(prop) ? prop : {};
        const direct = isObj(propSchema) ? propSchema : {};
        const prev = seen.get(wireName);
        const field: Field = {
          wireName,
          // Speakeasy's x-speakeasy-name-override on a property renames the field (the wire name stays).
          name: prev?.name ?? fieldNames.claim(camelCase(nameOverride(direct) ?? wireName) || "field"),
          type: this.type(propSchema, ploc, (childPrefix ?? name) + pascalCase(wireName), place),
          required: required.has(wireName) || (prev?.required ?? false),
          description: str(direct.description) ?? str(p.description),
          example: exampleOf(direct) ?? exampleOf(p),
          default: direct.default ?? p.default,
          deprecated: direct.deprecated === true || p.deprecated === true,
          readOnly: direct.readOnly === true || p.readOnly === true,
          writeOnly: direct.writeOnly === true || p.writeOnly === true,
        };
        if (field.default !== undefined) this.defaultsAt.set(field, at(direct.default !== undefined ? ploc : resolved.loc, "default"));
        if (prev) model.fields[model.fields.indexOf(prev)] = field;
        else model.fields.push(field);
        seen.set(wireName, field);
      }
      // Required names listed without a property (common in allOf overlays) tighten inherited fields.
      for (const r of required) {
        const f = seen.get(r);
        if (f) f.required = true;
      }
      const ap = part.schema.additionalProperties;
      if (ap === true || (isObj(ap) && Object.keys(ap).length === 0)) model.additional = { kind: "primitive", type: "unknown" };
      else if (isObj(ap)) model.additional = this.type(ap, { ...part.loc, path: [...part.loc.path, "additionalProperties"] }, name + "Additional", place);
    }
    return name;
  }
}

/** What SchemaConverter.componentsState keeps. */
export interface ComponentsState {
  readonly models: readonly Model[];
  readonly byLocation: readonly [string, string][];
  readonly keys: readonly [string, string][];
  readonly defaultsAt: readonly [object, (string | number)[]][];
  readonly names: NameScopeState;
}

/**
 * A copy of `m` that shares only what cannot change: frozen values (the document's, under --watch:
 * examples, defaults). Each field's copy is put in `fields`, by the field it copies.
 */
function copyModel(m: Model, fields: Map<object, object>): Model {
  const copy = copied(m);
  if (m.kind === "object") m.fields.forEach((f, i) => fields.set(f, (copy as ObjectModel).fields[i]));
  return copy;
}

function copied<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(copied) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copied((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * A reference to a named object or enum schema that allows null itself (`nullable: true`, `type:
 * [object, "null"]`, GitHub's `auto-merge`): the reference is nullable, as the schema says. (An
 * alias's own type carries its nullability.)
 */
function nullableRef(t: TypeRef, target: unknown, models: ReadonlyMap<string, Model>): TypeRef {
  if (t.kind !== "ref" || t.nullable || !isObj(target) || !typesOf(target).nullable) return t;
  return models.get(t.model)?.kind === "alias" ? t : { ...t, nullable: true };
}

export function typesOf(schema: Obj): { types: string[]; nullable: boolean } {
  const raw = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : [];
  const nullable = schema.nullable === true || raw.includes("null");
  const types = raw.filter((t) => t !== "null");
  if (types.length === 0 && raw.includes("null")) return { types: ["null"], nullable: false };
  return { types, nullable };
}

export function exampleOf(s: Obj): unknown {
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  return undefined;
}

/**
 * An enum member's name made from its value (customMemberNames gives the spec's own). A value with no
 * letters or digits is named by its symbols (`*` → `Wildcard`); one in a script words() cannot
 * romanize, by the code points of its first characters (`日本` → `U65e5U672c`), which stay put when
 * values are added or reordered, where a position would not.
 */
function enumMemberName(value: string | number): string {
  if (typeof value === "number") return (value < 0 ? "Minus" : "Value") + String(Math.abs(value)).replace(/\./g, "_");
  const p = pascalCase(value);
  if (p !== "") return p;
  if (value === "") return "Empty";
  const chars = [...value];
  if (chars.every((c) => c in SYMBOL_WORDS)) return chars.map((c) => pascalCase(SYMBOL_WORDS[c])).join("");
  // Four are enough to tell most values apart (the scope numbers any that share them) and short enough to read.
  return (
    "U" +
    chars
      .slice(0, 4)
      .map((c) => c.codePointAt(0)!.toString(16))
      .join("U")
  );
}

/**
 * Member names a schema gives its enum's values: `x-speakeasy-enums` (Speakeasy's: a list in the
 * order of `enum`, or a map from value to name), else `x-enum-varnames` (OpenAPI Generator's) or
 * `x-enumNames` (NSwag's), both lists. A value left without one (a short list, a name that is not a
 * string) is named from its value.
 */
function customMemberNames(schema: Obj): { key?: string; listed?: number; values?: number; nameOf: (value: string | number) => string | undefined } {
  const raw = Array.isArray(schema.enum) ? schema.enum : [];
  for (const key of ["x-speakeasy-enums", "x-enum-varnames", "x-enumNames"]) {
    const names = schema[key];
    if (isObj(names)) return { key, nameOf: (value) => str(Object.hasOwn(names, String(value)) ? names[String(value)] : undefined) };
    if (!Array.isArray(names)) continue;
    const byValue = new Map<string | number, string>();
    raw.forEach((value, i) => {
      const name = str(names[i]);
      if (name !== undefined && (typeof value === "string" || typeof value === "number") && !byValue.has(value)) byValue.set(value, name);
    });
    return { key, listed: names.length, values: raw.length, nameOf: (value) => byValue.get(value) };
  }
  return { nameOf: () => undefined };
}

function isNamedLocation(path: (string | number)[]): boolean {
  return path.length === 0 || (path.length === 3 && path[0] === "components" && path[1] === "schemas") || (path.length === 2 && (path[0] === "definitions" || path[0] === "$defs"));
}

const isLiteral = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const locKey = (loc: Loc) => loc.file.path + ptr(loc);

/**
 * Where a schema is, the same on every machine: its JSON pointer, after the path of its file from the
 * spec's folder when it is in another file (`schemas/user.yaml#/properties/address`).
 */
export function sourceKey(resolver: Resolver, loc: Loc): string {
  if (loc.file === resolver.root) return ptr(loc);
  return relative(dirname(resolver.root.path), loc.file.path).split("\\").join("/") + ptr(loc);
}
const ptr = (loc: Loc) => pointerOf(loc.path);

/** `t` without its own nullability. */
function nonNullable(t: TypeRef): TypeRef {
  if (!("nullable" in t)) return t;
  const { nullable: _, ...rest } = t;
  return rest as TypeRef;
}

function dedupe(types: TypeRef[]): TypeRef[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const k = JSON.stringify(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A schema's (or response's) `x-speakeasy-name-override`, when it is a non-empty string. */
export function nameOverride(value: unknown): string | undefined {
  const v = isObj(value) ? value["x-speakeasy-name-override"] : undefined;
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/** Keywords a oneOf/anyOf member may hold and still only constrain its parent, never type it. */
const CONSTRAINT_KEYWORDS = new Set(["required", "minProperties", "maxProperties", "dependentRequired", "not", "description", "title", "$comment"]);

/** A oneOf/anyOf list whose every member only constrains (required fields and the like). */
export function constraintsOnly(list: unknown): boolean {
  return (
    Array.isArray(list) && list.length > 0 && list.every((m) => isObj(m) && !isRef(m) && Object.keys(m).length > 0 && Object.keys(m).every((k) => CONSTRAINT_KEYWORDS.has(k) || k.startsWith("x-")))
  );
}

function without(schema: Obj, key: string): Obj {
  const { [key]: _dropped, ...rest } = schema;
  return rest;
}

/** The location of `key` inside the value at `loc`. */
function at(loc: Loc, key: string): Loc {
  return { ...loc, path: [...loc.path, key] };
}
