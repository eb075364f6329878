/** View models of models/<module>.py: pydantic classes, their TypedDict forms, enums and aliases. */
import { pyString } from "../../render/escape.js";
import { requiredInModel } from "../shared/fields.js";
import { pyLiteral, wellFormed } from "./literals.js";
import type { PyModelPlan, PyPlan } from "./plan.js";
import { MODEL_IMPORTS, importNames } from "./runtime.js";
import { modelsIn, pyAnnotation, sentDefault, slot, type PyForm, type TypeContext } from "./types.js";

export interface PyFieldView {
  name: string;
  /** `Annotated[str, pydantic.Field(alias="userId")]` when the wire name differs. */
  annotation: string;
  default: string | null;
  tdAnnotation: string;
  doc: string;
}

export interface PyModelView {
  kind: "object" | "enum" | "alias";
  name: string;
  typedDict: string | null;
  errorClass: string | null;
  doc: string;
  errorDoc: string;
  base: string;
  members: { key: string; value: string | number }[];
  aliasType: string;
  fields: PyFieldView[];
  extra: boolean;
  /** Whether the module names `pydantic` (an alias, or extra properties). */
  usesPydantic: boolean;
  /** Models named by the annotations: imported at the end of the module (cycles are allowed). */
  imports: { module: string; names: string }[];
  /** What the module imports from the runtime's models/_base.py. */
  baseImports: string;
}

export function modelView(p: PyPlan, m: PyModelPlan): PyModelView {
  const ir = m.ir;
  const named = new Set<PyModelPlan>();
  const ctx = (form: PyForm): TypeContext => ({ p, form, tagged: true, files: ir.kind === "object" && !!ir.usage?.request, qualify: (x, name) => (named.add(x), name) });
  const view: PyModelView = {
    kind: ir.kind,
    name: m.name,
    typedDict: m.typedDict,
    errorClass: m.errorClass,
    doc: ir.description ?? "",
    errorDoc: ir.description ?? ir.responseDescription ?? "",
    base: "str",
    members: [],
    aliasType: "Any",
    fields: [],
    extra: false,
    usesPydantic: false,
    imports: [],
    baseImports: importNames(MODEL_IMPORTS.names),
  };
  if (ir.kind === "enum") {
    view.base = ir.type === "string" ? "str" : ir.type === "integer" ? "int" : "float";
    view.members = ir.members.map((x, i) => ({ key: m.memberNames[i], value: typeof x.value === "string" ? wellFormed(x.value) : x.value }));
    return view;
  }
  if (ir.kind === "alias") {
    view.aliasType = pyAnnotation(ctx("model"), ir.type);
    for (const x of modelsIn(p, ir.type)) named.add(x);
  } else {
    view.extra = !!ir.additional;
    view.fields = ir.fields.map((f) => {
      const required = requiredInModel(f, ir.usage);
      const name = m.fieldNames.get(f)!;
      // A required field with a default, in a model only ever sent, is optional to the caller and
      // always sent: its default is the field's (as Speakeasy's input models have it).
      const sent = sentDefault(p.models, f, ir.usage);
      const s = slot(ctx("model"), f.type, required || sent !== null);
      const annotation = name === f.wireName ? s.annotation : `Annotated[${s.annotation}, pydantic.Field(alias=${pyString(wellFormed(f.wireName))})]`;
      // A default the SDK sends when the field is left out (IR Field.sendDefault) is the field's default.
      const fieldDefault = f.sendDefault ? pyLiteral(f.default) : (sent ?? s.default);
      return { name, annotation, default: fieldDefault, tdAnnotation: slot(ctx("typeddict"), f.type, required && sent === null).annotation, doc: f.description ?? "" };
    });
  }
  view.usesPydantic = view.extra || view.fields.some((f) => f.annotation.includes("pydantic."));
  view.imports = [...named]
    .filter((x) => x !== m)
    .sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0))
    .map((x) => ({ module: x.module, names: [x.name, ...(x.typedDict ? [x.typedDict] : [])].join(", ") }));
  return view;
}
