/** View-model shapes the TypeScript templates read. Every key is always present (templates run strict). */
import { tsString } from "../../render/escape.js";

/** A type expression, written by typeText below. */
export interface TsType {
  kind: "name" | "array" | "map" | "union" | "literal";
  name: string | null;
  items: TsType | null;
  values: TsType | null;
  variants: TsType[] | null;
  literal: string | null;
  nullable: boolean;
}

/** The union of TypeScript literals (`"a" | "b"`), as code. */
export function literalUnion(literals: string[]): TsType {
  const base = { name: null, items: null, values: null, literal: null, nullable: false };
  return { ...base, kind: "union", variants: literals.map((literal) => ({ ...base, kind: "literal", literal, variants: null })) };
}

/** `t` with every name `from` written `to` (a symbol a module imports under another name). */
export function renameType(t: TsType, from: string, to: string): TsType {
  return {
    ...t,
    name: t.kind === "name" && t.name === from ? to : t.name,
    items: t.items && renameType(t.items, from, to),
    values: t.values && renameType(t.values, from, to),
    variants: t.variants && t.variants.map((v) => renameType(v, from, to)),
  };
}

/** How a value is converted from the SDK shape to the wire's, written by mapText below. */
export interface Mapping {
  kind: "model" | "array" | "map" | "union" | "date";
  /** The conversion function, for kind "model"; the method, for kind "date" (`toISOString`). */
  fn: string | null;
  /** The nested conversion for array items or map values. */
  inner: Mapping | null;
  /** Arrow-function parameter name for the nested conversion. */
  var: string | null;
  /** For unions: the variants that need converting, and the type the result has. */
  variants: UnionVariant[] | null;
  cast: TsType | null;
  nullable: boolean;
}

export interface UnionVariant {
  isArray: boolean;
  /** Required property names (SDK names: the value is on its way to the wire). */
  keys: string[];
  /** Discriminator property and the values that select this variant. */
  tag: { prop: string; values: string[] } | null;
  map: Mapping;
  /** The conversion function itself when it is one (`map: X$fromWire`), else null and `param` types the arrow's parameter. */
  direct: string | null;
  param: TsType | null;
}

/**
 * How a received value is checked against its declared type and mapped to the SDK shape (lib/validate.ts),
 * written by decodeText below: a check function (`str`, a model's `$fromWire`), a literal, an enum's
 * members, or a collection or union of decoders. "none" passes the value as it is (`unknown`).
 */
export interface Decoder {
  kind: "check" | "literal" | "member" | "array" | "map" | "union" | "none";
  /** The check function (kind "check"), or the enum's const object (kind "member"). */
  fn: string | null;
  /** An open enum keeps values it does not know. */
  open: boolean;
  /** The literal's code (kind "literal"). */
  literal: string | null;
  inner: Decoder | null;
  variants: DecodeVariant[] | null;
  /** The union's SDK type, the type argument of `union<T>`. */
  cast: TsType | null;
  nullable: boolean;
}

export interface DecodeVariant {
  decoder: Decoder;
  /** Required wire property names of an object variant. */
  keys: string[];
  tag: { prop: string; values: string[] } | null;
}

export interface Import {
  from: string;
  names: { name: string; typeOnly: boolean }[];
  allTypes: boolean;
}

/**
 * The two code shapes that recurse (type expressions and wire mappings) are written here rather than
 * by recursive partials: handlebars copies the whole context on every partial call, and these run
 * once per field, so on a big spec they were most of the rendering time.
 */
export function typeText(t: TsType): string {
  let s: string;
  switch (t.kind) {
    case "name":
      s = t.name!;
      break;
    case "array":
      s = `Array<${typeText(t.items!)}>`;
      break;
    case "map":
      s = `{ [k: string]: ${typeText(t.values!)} }`;
      break;
    case "union":
      s = t.variants!.map(typeText).join(" | ");
      break;
    case "literal":
      s = t.literal!;
      break;
  }
  return t.nullable ? s + " | null" : s;
}

/**
 * The expression checking the value `v`, held at key `k` (code, or null) of the value at path `p`, with
 * decoder `d`.
 */
export function decodeText(d: Decoder, v: string, p: string, k: string | null): string {
  const at = k === null ? p : `${p}, ${k}`;
  const args = k === null ? `${p}, undefined` : at;
  let s: string;
  switch (d.kind) {
    case "none":
      // What is not checked (`unknown`, a file part's bytes) passes as it is, typed as declared. No
      // parentheses: it is always a property's or an assignment's whole value, where prettier drops them.
      return d.cast ? `${v} as ${typeText(d.cast)}` : v;
    case "check":
      s = `${d.fn}(${v}, ${at})`;
      break;
    case "literal":
      s = `lit(${v}, ${args}, ${d.literal})`;
      break;
    case "member":
      s = `member(${v}, ${args}, ${d.fn}${d.open ? ", true" : ""})`;
      break;
    case "array":
      s = `arr(${v}, ${args}, ${checkFn(d.inner!)})`;
      break;
    case "map":
      s = `rec(${v}, ${args}, ${checkFn(d.inner!)})`;
      break;
    case "union": {
      const variants = d.variants!.map((x) => {
        const keys = x.keys.length ? `, keys: [${x.keys.map(tsString).join(", ")}]` : "";
        const tag = x.tag ? `, tag: [${tsString(x.tag.prop)}, [${x.tag.values.map(tsString).join(", ")}]]` : "";
        return `{ check: ${checkFn(x.decoder)}${keys}${tag} }`;
      });
      s = `union<${typeText(d.cast!)}>(${v}, ${args}, [${variants.join(", ")}])`;
      break;
    }
  }
  return d.nullable ? `${v} === null ? null : ${s}` : s;
}

/** A decoder as a function (lib/validate.ts `Check`): the check itself when it is one, else an arrow. */
export function checkFn(d: Decoder): string {
  if (d.kind === "check" && !d.nullable) return d.fn!;
  if (d.kind === "none") return d.cast ? `(x) => x as ${typeText(d.cast)}` : "(x) => x";
  // A nullable check wraps its check in orNull: a conditional inside an arrow argument is where prettier
  // and oxfmt lay a call out differently.
  if (d.nullable) return `orNull(${checkFn({ ...d, nullable: false })})`;
  return `(x, p, k) => ${decodeText(d, "x", "p", "k")}`;
}

/** The expression converting `v` with mapping `m`; `nested` when it sits inside an arrow's body. */
export function mapText(m: Mapping, v: string, nested: boolean): string {
  let s: string;
  switch (m.kind) {
    case "model":
      s = `${m.fn}(${v})`;
      break;
    case "date":
      s = `${v}.${m.fn}()`;
      break;
    case "array":
      s = `${v}.map((${m.var}) => ${mapText(m.inner!, m.var!, true)})`;
      break;
    case "map":
      s = `mapValues(${v}, (${m.var}) => ${mapText(m.inner!, m.var!, true)})`;
      break;
    case "union": {
      const variants = m.variants!.map((x) => {
        const match = x.isArray ? "array: true" : `keys: [${x.keys.map(tsString).join(", ")}]${x.tag ? `, tag: [${tsString(x.tag.prop)}, [${x.tag.values.map(tsString).join(", ")}]]` : ""}`;
        const map = x.direct ?? `(${m.var}: ${typeText(x.param!)}) => ${mapText(x.map, m.var!, true)}`;
        return `{ ${match}, map: ${map} }`;
      });
      // mapUnion passes null through: a nullable union needs no guard of its own, only its type.
      const cast = typeText(m.cast!);
      const withNull = m.nullable && !cast.split(" | ").includes("null") ? `${cast} | null` : cast;
      return `mapUnion<${withNull}>(${v}, [${variants.join(", ")}])`;
    }
  }
  if (!m.nullable) return s;
  return nested ? `(${v} === null ? null : ${s})` : `${v} === null ? null : ${s}`;
}
