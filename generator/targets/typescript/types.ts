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

/** How a value is converted between wire and SDK shapes, rendered by partials/map.hbs. */
export interface Mapping {
  kind: "model" | "array" | "map";
  /** The conversion function, for kind "model". */
  fn: string | null;
  /** The nested conversion for array items or map values. */
  inner: Mapping | null;
  /** Arrow-function parameter name for the nested conversion. */
  var: string | null;
  nullable: boolean;
}

export interface Import {
  from: string;
  names: { name: string; typeOnly: boolean }[];
  allTypes: boolean;
  /** True when the one-line form would exceed 80 columns (prettier's print width). */
  multiline: boolean;
}

export interface GeneratedFile {
  path: string;
  content: string;
}
