/** View-model shapes the TypeScript templates read. Every key is always present (templates run strict). */

/** A type expression, rendered by partials/type.hbs (dispatches on kind). */
export interface TsType {
  kind: "name" | "array" | "map" | "union" | "literal";
  name: string | null;
  items: TsType | null;
  values: TsType | null;
  variants: TsType[] | null;
  literal: string | null;
  nullable: boolean;
}

/** How a value is converted between wire and SDK shapes, rendered by partials/map.inline.hbs. */
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
  /** True when the one-line form would exceed 80 columns (prettier's print width). */
  multiline: boolean;
}
