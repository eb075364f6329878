/** Python annotations of IR types, in the three forms the SDK uses them. */
import type { Field, Model, TypeRef } from "../../ir/types.js";
import { pyString } from "../../render/escape.js";
import { sendsDefault } from "../shared/fields.js";
import { pyLiteral, wellFormed } from "./literals.js";
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
  /** Discriminated unions as pydantic's tagged unions (what validation uses; model form only). */
  tagged?: boolean;
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
      // A const is its one value (`Literal["chat.completion"]`), as type checkers, unions and `diff` see it.
      // Literal takes no floats, and pydantic no string with a lone surrogate (the fuzz suite's): `str`.
      if (typeof t.value === "string") return wellFormed(t.value) === t.value ? `Literal[${pyString(t.value)}]` : "str";
      if (typeof t.value === "boolean") return `Literal[${t.value ? "True" : "False"}]`;
      return Number.isInteger(t.value) ? `Literal[${t.value}]` : "float";
    case "null":
      return "None";
    case "ref":
      return refAnnotation(ctx, ctx.p.models.get(t.model)!, depth);
    case "array":
      return `List[${inner(t.items)}]`;
    case "map":
      return `Dict[str, ${inner(t.values)}]`;
    case "union": {
      const tagged = ctx.form === "model" && ctx.tagged ? discriminated(ctx, t, depth) : null;
      if (tagged) return tagged;
      const variants = [...new Set(t.variants.filter((v) => v.kind !== "null").map(inner))];
      return variants.length === 0 ? "Any" : variants.length === 1 ? variants[0] : `Union[${variants.join(", ")}]`;
    }
  }
}

/**
 * A union the spec discriminates, as pydantic's tagged union: the discriminator's value picks the
 * model (`Annotated[Union[Annotated[Cat, _Tag("Cat")], ...], _Discriminator(discriminate(...))]`),
 * instead of trying each. Only when every variant is an object model the mapping names.
 */
function discriminated(ctx: TypeContext, t: Extract<TypeRef, { kind: "union" }>, depth: number): string | null {
  const d = t.discriminator;
  const variants = t.variants.filter((v) => v.kind !== "null");
  if (!d || variants.length < 2) return null;
  const plans = variants.map((v) => (v.kind === "ref" ? ctx.p.models.get(v.model) : undefined));
  if (plans.some((m) => !m || m.ir.kind !== "object" || m.ir.freeForm || !d.mapping.some((x) => x.model === m.ir.name))) return null;
  if (new Set(plans.map((m) => m!.name)).size !== plans.length) return null;
  const tags = d.mapping.map((x) => [x.value, ctx.p.models.get(x.model)?.name] as const).filter((x): x is readonly [string, string] => x[1] !== undefined && plans.some((m) => m!.name === x[1]));
  // pydantic's Tag and Discriminator are imported as _Tag and _Discriminator: models named Tag stay Tag.
  const members = plans.map((m) => `Annotated[${refAnnotation(ctx, m!, depth + 1)}, _Tag(${pyString(m!.name)})]`);
  const mapping = `{${tags.map(([value, name]) => `${pyString(wellFormed(value))}: ${pyString(name)}`).join(", ")}}`;
  // The property's Python name, for dicts of Python names (the first variant's; they share the wire name).
  const first = plans[0]!;
  const field = (first.ir as Extract<PyModelPlan["ir"], { kind: "object" }>).fields.find((f) => f.wireName === d.property);
  const pyName = field ? first.fieldNames.get(field) : undefined;
  const nameArg = pyName && pyName !== d.property ? `, ${pyString(pyName)}` : "";
  return `Annotated[Union[${members.join(", ")}], _Discriminator(discriminate(${pyString(wellFormed(d.property))}, ${mapping}${nameArg}))]`;
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

/**
 * The Python literal of the default a field sends when it is left out (see sendsDefault), or null:
 * only a plain value of a plain type (a string, number or boolean field), which the annotation accepts
 * as it is; an enum's or a model's default stays the server's business.
 */
export function sentDefault(models: Map<string, PyModelPlan>, f: Field, usage: Model["usage"]): string | null {
  if (!sendsDefault(f, usage)) return null;
  let t: TypeRef = f.type;
  for (let depth = 0; t.kind === "ref" && depth < 16; depth++) {
    const m = models.get(t.model)?.ir;
    if (m?.kind !== "alias") return null;
    t = m.type;
  }
  if (t.kind !== "primitive" || ("nullable" in t && t.nullable)) return null;
  const d = f.default;
  const fits =
    (t.type === "string" && typeof d === "string" && !t.format) ||
    (t.type === "integer" && Number.isInteger(d)) ||
    (t.type === "number" && typeof d === "number") ||
    (t.type === "boolean" && typeof d === "boolean");
  return fits ? pyLiteral(d) : null;
}
