/**
 * The spec's own examples of what a call sends, checked against their schemas (as the mock checks a
 * request): the example of each operation's request body (its schema's `example`, the object and
 * each property) and of each parameter. The SDKs' docs and tests fill a gap (a required field the
 * example lacks gets a value of its type), so their calls still work; this tells the maintainer
 * that the spec's example itself went stale. `generate --test` reports each as a failure of the
 * operation.
 */
import type { Api, Model, Operation, TypeRef } from "../ir/types.js";
import { validateValue } from "./validate.js";

export interface ExampleProblem {
  /** The operation's id as the spec spells it. */
  operation: string;
  /** What the example is of: `the request body`, `the query parameter limit`. */
  where: string;
  problems: { pointer: string; message: string }[];
}

export function exampleProblems(api: Api): ExampleProblem[] {
  const models = new Map(api.models.map((m) => [m.name, m]));
  return api.operations.flatMap((op) => operationProblems(op, models));
}

function operationProblems(op: Operation, models: ReadonlyMap<string, Model>): ExampleProblem[] {
  const out: ExampleProblem[] = [];
  const add = (where: string, value: unknown, type: TypeRef) => {
    if (value === undefined) return;
    const problems = validateValue(value, type, models);
    if (problems.length) out.push({ operation: op.specOperationId, where, problems });
  };
  for (const p of op.params) add(`the ${p.in} parameter ${p.wireName}`, p.example, p.type);
  const body = op.body?.type;
  const model = body?.kind === "ref" ? models.get(body.model) : undefined;
  if (body && model) {
    add(`the request body (${model.name})`, model.example, body);
    if (model.kind === "object") for (const f of model.fields) add(`the request body's ${f.wireName}`, f.example, f.type);
  }
  return out;
}
