/** The TypeScript SDK's public surface (for the lock and `specsmith diff`), from the same plan the code comes from. */
import type { TypeRef } from "../../ir/types.js";
import {
  aliasSurface,
  baseErrorSurface,
  apiSurface,
  docOf,
  nonNull,
  refsOf,
  sortedRecord,
  usageOf,
  fieldSurface,
  type FieldSurface,
  type MethodSurface,
  type ModelSurface,
  type Surface,
} from "../../release/surface.js";
import { requiredInModel, sendsDefault } from "../shared/fields.js";
import { resultType } from "./funcs.js";
import { TypeWriter, type ModelPlan, type Plan } from "./plan.js";
import { typeText } from "./types.js";

export function typescriptSurface(p: Plan): Surface {
  const api = p.api;
  const types = new TypeWriter(p);
  const text = (t: TypeRef) => typeText(types.type(nonNull(t), false, () => {}));
  const symbolOf = (name: string) => symbolOfModel(p.models.get(name)!);
  const symbols = (names: Set<string>) => [...names].flatMap((n) => (p.models.get(n)!.inline ? [] : [symbolOf(n)])).sort();
  const client = p.clientVar;

  const methods = p.groups.flatMap((g) =>
    g.operations.map((op): [string, MethodSurface] => {
      const ir = op.ir;
      // Positional arguments (maxMethodParams) are the signature: a renamed, added or reordered one breaks callers.
      const args: FieldSurface[] = op.positional
        ? op.positional.map((a) =>
            fieldSurface({
              name: a.name,
              wire: a.field.wireName,
              type: text(a.field.type),
              required: a.presence !== "optional",
              nullable: "nullable" in a.field.type && a.field.type.nullable === true,
            }),
          )
        : ir.request
          ? [fieldSurface({ name: "request", wire: "request", type: text(ir.request.type), required: ir.request.required, nullable: isNull(ir.request.type) })]
          : [];
      const errorModels = ir.errors.map((e) => e.model).filter((m) => p.models.get(m)!.errorClass);
      const received = new Set(errorModels);
      for (const r of ir.success) refsOf(r.type, received);
      return [
        `${client}.${g.access}.${op.method}`,
        {
          operationId: ir.specOperationId,
          http: `${ir.httpMethod.toUpperCase()} ${ir.path}`,
          args,
          ...(op.positional ? { positional: true as const } : {}),
          returns: typeText(resultType(ir, types, () => {})),
          errors: [...new Set(errorModels.map(symbolOf))].sort(),
          sends: symbols(refsOf(ir.request?.type)),
          receives: symbols(received),
          ...(ir.deprecated ? { deprecated: true as const } : {}),
          ...docOf(ir.summary, ir.description),
          link: `docs/${g.doc}#${op.method.toLowerCase()}`,
        },
      ];
    }),
  );
  const models = p.modelList.map((mp): [string, ModelSurface] => [symbolOfModel(mp), modelSurface(mp, text, symbols)]);
  for (const a of p.aliases) models.push([a.name, aliasSurface(a.model.ir, symbolOfModel(a.model), `docs/${a.model.doc}`)]);
  // `<operationId>Globals`: the keys it picks from its request model are its type.
  for (const g of p.globalsTypes)
    models.push([
      g.name,
      { ...aliasSurface(g.request.ir, symbolOfModel(g.request), `docs/${g.request.doc}`), type: `Pick<${symbolOfModel(g.request)}, ${g.keys.map((k) => JSON.stringify(k)).join(" | ")}>` },
    ]);
  // `<operationId>Response`: a page's `{ result }`, the operation's success body.
  for (const t of p.pageTypes) {
    const body = resultType(t.operation.ir, types, () => {});
    models.push([t.name, { kind: "alias", sends: false, receives: true, type: `{ result: ${typeText(body)} }`, refs: [] }]);
  }
  if (p.baseError) models.push([p.baseError, baseErrorSurface()]);
  return {
    target: "typescript",
    ...apiSurface(api),
    methods: sortedRecord(methods),
    models: sortedRecord(models),
    security: sortedRecord(api.securitySchemes.map((s) => [s.option, s.kind])),
  };
}

function symbolOfModel(mp: ModelPlan): string {
  return mp.errorClass ?? mp.name;
}

function modelSurface(mp: ModelPlan, text: (t: TypeRef) => string, symbols: (names: Set<string>) => string[]): ModelSurface {
  const m = mp.ir;
  const refs = new Set<string>();
  const base = {
    ...usageOf(m),
    ...(m.deprecated ? { deprecated: true as const } : {}),
    ...docOf(m.description, m.example),
    link: `docs/${mp.doc}`,
  };
  if (m.kind === "enum") {
    // TypeScript enums are closed literal unions, open or not in the spec: a new value changes the type.
    return { kind: "enum", ...base, values: m.members.map((x) => ({ name: x.name, value: x.value })), refs: [] };
  }
  if (m.kind === "alias") return { kind: "alias", ...base, type: text(m.type), refs: symbols(refsOf(m.type)) };
  for (const f of m.fields) refsOf(f.type, refs);
  refsOf(m.additional, refs);
  const fields = m.fields.map((f) =>
    fieldSurface({
      name: f.name,
      wire: f.wireName,
      type: text(f.type),
      required: requiredInModel(f, m.usage) && !sendsDefault(f, m.usage),
      nullable: isNull(f.type),
      deprecated: f.deprecated,
      doc: [f.description, f.example],
    }),
  );
  return { kind: mp.errorClass ? "error" : "object", ...base, fields, refs: symbols(refs) };
}

function isNull(t: TypeRef): boolean {
  return t.kind === "null" || ("nullable" in t && t.nullable === true);
}
