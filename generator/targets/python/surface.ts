/** The Python SDK's public surface (for the lock and `specsmith diff`), from the same plan the code comes from. */
import type { Api, TypeRef } from "../../ir/types.js";
import { aliasSurface, apiSurface, baseErrorSurface, docOf, fieldSurface, nonNull, refsOf, sortedRecord, usageOf, type MethodSurface, type ModelSurface, type Surface } from "../../release/surface.js";
import { splitTop } from "../../release/types.js";
import { requiredInModel } from "../shared/fields.js";
import { returnType } from "./methods.js";
import { planPython, pyIdent, type PyMethodPlan, type PyModelPlan, type PyPlan } from "./plan.js";
import { isNullable, pyAnnotation, type PyForm } from "./types.js";

export function pythonSurface(p: PyPlan): Surface {
  const api = p.api;
  const client = p.surfaceVar;
  const methods = p.groups.flatMap((g) => g.operations.map((m): [string, MethodSurface] => [`${client}.${g.access}.${m.method}`, methodSurface(p, m, `docs/${g.doc}#${m.method}`)]));
  const models = p.modelList.map((m): [string, ModelSurface] => [symbolOf(m), modelSurface(p, m)]);
  const byName = new Map(p.modelList.map((m) => [m.name, m]));
  for (const a of p.aliases) {
    const m = byName.get(a.attr);
    if (m) models.push([a.name, aliasSurface(m.ir, symbolOf(m), `docs/${m.doc}`)]);
  }
  if (p.baseError) models.push([p.baseError, baseErrorSurface()]);
  return {
    target: "python",
    ...apiSurface(api),
    methods: sortedRecord(methods),
    models: sortedRecord(models),
    security: sortedRecord(api.securitySchemes.map((s) => [p.securityArgs.get(s.name)!, s.kind])),
  };
}

const symbolOf = (m: PyModelPlan) => m.errorClass ?? m.name;

/** A type as users read it: unqualified model names, without top-level nullability or validators. */
function annotation(p: PyPlan, t: TypeRef, form: PyForm, files = false): string {
  return unannotated(pyAnnotation({ p, form, files, qualify: (_m, name) => name }, nonNull(t)));
}

/** `Annotated[X, PlainValidator(...)]` read as X: the validator is how, not what, values are accepted. */
export function unannotated(type: string): string {
  const at = type.indexOf("Annotated[");
  if (at < 0) return type;
  let depth = 0;
  let end = at + "Annotated[".length;
  for (; end < type.length; end++) {
    if (type[end] === "[") depth++;
    else if (type[end] === "]" && depth-- === 0) break;
  }
  const inner = splitTop(type.slice(at + "Annotated[".length, end), ",")[0];
  return unannotated(type.slice(0, at) + inner + type.slice(end + 1));
}

function symbolsOf(p: PyPlan, names: Set<string>): string[] {
  return [...names].map((n) => symbolOf(p.models.get(n)!)).sort();
}

function methodSurface(p: PyPlan, m: PyMethodPlan, link: string): MethodSurface {
  const op = m.ir;
  const files = op.body?.encoding === "multipart";
  const args = m.args.map((a) =>
    fieldSurface({
      name: a.name,
      wire: a.param?.wireName ?? a.field?.wireName ?? a.name,
      type: annotation(p, a.type, "input", files && a.source !== "param"),
      required: a.required,
      nullable: isNullable(p, a.type),
      deprecated: (a.param ?? a.field)?.deprecated,
      doc: [a.description, a.example],
    }),
  );
  const sent = new Set<string>();
  for (const a of m.args) refsOf(a.type, sent);
  const errors = op.errors.map((e) => p.models.get(e.model)!).filter((em) => em.errorClass);
  const received = new Set(errors.map((em) => em.ir.name));
  for (const r of op.success) refsOf(r.type, received);
  return {
    operationId: op.specOperationId,
    http: `${op.httpMethod.toUpperCase()} ${op.path}`,
    args,
    // Every argument is keyword-only (`def create(self, *, ...)`): their order is not part of the
    // signature, so `positional` stays unset.
    returns: returnType(p, op),
    errors: [...new Set(errors.map(symbolOf))].sort(),
    sends: symbolsOf(p, sent),
    receives: symbolsOf(p, received),
    ...(op.deprecated ? { deprecated: true as const } : {}),
    ...docOf(op.summary, op.description),
    link,
  };
}

function modelSurface(p: PyPlan, m: PyModelPlan): ModelSurface {
  const ir = m.ir;
  const base = { ...usageOf(ir), ...(ir.deprecated ? { deprecated: true as const } : {}), ...docOf(ir.description, ir.example), link: `docs/${m.doc}` };
  if (ir.kind === "enum") {
    return { kind: "enum", ...base, values: ir.members.map((x, i) => ({ name: m.memberNames[i], value: x.value })), refs: [], ...(ir.open ? { open: true as const } : {}) };
  }
  if (ir.kind === "alias") return { kind: "alias", ...base, type: annotation(p, ir.type, "model"), refs: symbolsOf(p, refsOf(ir.type)) };
  const refs = new Set<string>();
  for (const f of ir.fields) refsOf(f.type, refs);
  refsOf(ir.additional, refs);
  const files = !!ir.usage?.request;
  const fields = ir.fields.map((f) =>
    fieldSurface({
      name: m.fieldNames.get(f)!,
      wire: f.wireName,
      type: annotation(p, f.type, "model", files),
      required: requiredInModel(f, ir.usage),
      nullable: isNullable(p, f.type),
      deprecated: f.deprecated,
      doc: [f.description, f.example],
    }),
  );
  return { kind: m.errorClass ? "error" : "object", ...base, fields, refs: symbolsOf(p, refs) };
}
