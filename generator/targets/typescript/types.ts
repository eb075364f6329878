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

/** How a value is converted between wire and SDK shapes, written by mapText below. */
export interface Mapping {
  kind: "model" | "array" | "map" | "union";
  /** The conversion function, for kind "model". */
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
  /** Required property names (wire names going in, SDK names going out). */
  keys: string[];
  /** Discriminator property and the values that select this variant. */
  tag: { prop: string; values: string[] } | null;
  map: Mapping;
  /** The conversion function itself when it is one (`map: X$fromWire`), else null and `param` types the arrow's parameter. */
  direct: string | null;
  param: TsType | null;
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

/** The expression converting `v` with mapping `m`; `nested` when it sits inside an arrow's body. */
export function mapText(m: Mapping, v: string, nested: boolean): string {
  let s: string;
  switch (m.kind) {
    case "model":
      s = `${m.fn}(${v})`;
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
      s = `mapUnion<${typeText(m.cast!)}>(${v}, [${variants.join(", ")}])`;
      break;
    }
  }
  if (!m.nullable) return s;
  return nested ? `(${v} === null ? null : ${s})` : `${v} === null ? null : ${s}`;
}
