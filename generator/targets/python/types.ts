/** Python annotations of IR types, in the three forms the SDK uses them. */
import type { TypeRef } from "../../ir/types.js";
import type { PyModelPlan, PyPlan } from "./plan.js";

/**
 * - "model": the pydantic form, as model fields declare it and as validation takes it;
 * - "typeddict": the TypedDict form (`ActorTokenTypedDict`);
 * - "input": what an argument accepts, either form (`Union[ActorToken, ActorTokenTypedDict]`).
 */
export type PyForm = "model" | "typeddict" | "input";

export interface TypeContext {
  p: PyPlan;
  form: PyForm;
  /** The name to print for a model class (`ActorToken`, or `models.ActorToken` outside models/). */
  qualify: (m: PyModelPlan, name: string) => string;
  /** Binary strings are files (multipart bodies) rather than bytes. */
  files?: boolean;
}

const PRIMITIVES = { string: "str", integer: "int", number: "float", boolean: "bool", unknown: "Any" } as const;

/** Whether `t` itself admits null (through an alias too). */
export function isNullable(p: PyPlan, t: TypeRef): boolean {
  if ("nullable" in t && t.nullable) return true;
  if (t.kind === "null") return true;
  if (t.kind === "ref") {
    const m = p.models.get(t.model)!;
    return m.ir.kind === "alias" && isNullable(p, m.ir.type);
  }
  return false;
}

/** The annotation of `t` without its top-level nullability (fields and arguments wrap it themselves). */
export function pyAnnotation(ctx: TypeContext, t: TypeRef, depth = 0): string {
  const inner = (x: TypeRef) => {
    const a = pyAnnotation(ctx, x, depth + 1);
    return isNullable(ctx.p, x) && a !== "None" && a !== "Any" ? `Optional[${a}]` : a;
  };
  if (depth > 32) return "Any";
  switch (t.kind) {
    case "primitive":
      if (t.type === "string" && t.format === "binary") return ctx.files ? (ctx.form === "model" ? "File" : ctx.form === "typeddict" ? "FileTypedDict" : "Union[File, FileTypedDict]") : "bytes";
      if (t.type === "string" && t.format === "date-time") return "datetime";
      if (t.type === "string" && t.format === "date") return "date";
      return PRIMITIVES[t.type];
    case "literal":
      return typeof t.value === "string" ? "str" : typeof t.value === "boolean" ? "bool" : Number.isInteger(t.value) ? "int" : "float";
    case "null":
      return "None";
    case "ref":
      return refAnnotation(ctx, ctx.p.models.get(t.model)!, depth);
    case "array":
      return `List[${inner(t.items)}]`;
    case "map":
      return `Dict[str, ${inner(t.values)}]`;
    case "union": {
      const variants = [...new Set(t.variants.filter((v) => v.kind !== "null").map(inner))];
      return variants.length === 0 ? "Any" : variants.length === 1 ? variants[0] : `Union[${variants.join(", ")}]`;
    }
  }
}

function refAnnotation(ctx: TypeContext, m: PyModelPlan, depth: number): string {
  const ir = m.ir;
  if (ir.kind === "alias") return pyAnnotation(ctx, ir.type, depth + 1);
  if (ir.kind === "enum") {
    const cls = ctx.qualify(m, m.name);
    if (!ir.open) return cls;
    // An open enum keeps a value the SDK does not know yet, as a plain str (or int).
    const raw = ir.type === "string" ? "str" : ir.type === "integer" ? "int" : "float";
    return ctx.form === "model" ? `Annotated[Union[${cls}, ${raw}], PlainValidator(open_enum(${cls}))]` : `Union[${cls}, ${raw}]`;
  }
  if (ir.freeForm) return "Dict[str, Any]";
  if (ctx.form === "model") return ctx.qualify(m, m.name);
  if (ctx.form === "typeddict") return ctx.qualify(m, m.typedDict!);
  return `Union[${ctx.qualify(m, m.name)}, ${ctx.qualify(m, m.typedDict!)}]`;
}

/** A field's or argument's annotation and default: `Optional[int] = None`, `OptionalNullable[str] = UNSET`. */
export function slot(ctx: TypeContext, t: TypeRef, required: boolean): { annotation: string; default: string | null } {
  const a = pyAnnotation(ctx, t);
  const nullable = isNullable(ctx.p, t) && a !== "None" && a !== "Any";
  if (ctx.form === "typeddict") {
    const v = nullable ? `Nullable[${a}]` : a;
    return { annotation: required ? v : `NotRequired[${v}]`, default: null };
  }
  if (required) return { annotation: nullable ? `Nullable[${a}]` : a, default: null };
  if (nullable) return { annotation: `OptionalNullable[${a}]`, default: "UNSET" };
  return { annotation: a === "Any" ? "Any" : `Optional[${a}]`, default: "None" };
}

/** The model plans an annotation names (for imports). */
export function modelsIn(p: PyPlan, t: TypeRef, out = new Set<PyModelPlan>(), depth = 0): Set<PyModelPlan> {
  if (depth > 32) return out;
  switch (t.kind) {
    case "ref": {
      const m = p.models.get(t.model)!;
      if (m.ir.kind === "alias") modelsIn(p, m.ir.type, out, depth + 1);
      else if (!(m.ir.kind === "object" && m.ir.freeForm)) out.add(m);
      break;
    }
    case "array":
      modelsIn(p, t.items, out, depth + 1);
      break;
    case "map":
      modelsIn(p, t.values, out, depth + 1);
      break;
    case "union":
      for (const v of t.variants) modelsIn(p, v, out, depth + 1);
      break;
  }
  return out;
}
