/**
 * The lock's shape, as a valibot schema (valibot: small, tree-shakable, fast): a lock that does not
 * match it is damaged, an error with the file and a fix, never read as a set of API changes.
 */
import * as v from "valibot";

const flag = v.optional(v.literal(true));
const text = v.string();

const Field = v.object({ name: text, wire: v.optional(text), type: text, required: flag, nullable: flag, deprecated: flag, doc: v.optional(text) });

const Method = v.object({
  operationId: text,
  http: text,
  args: v.array(Field),
  positional: flag,
  returns: text,
  errors: v.array(text),
  sends: v.array(text),
  receives: v.array(text),
  deprecated: flag,
  doc: v.optional(text),
  link: text,
});

const Model = v.object({
  kind: v.picklist(["object", "enum", "alias", "error"]),
  sends: v.boolean(),
  receives: v.boolean(),
  fields: v.optional(v.array(Field)),
  values: v.optional(v.array(v.object({ name: text, value: v.union([text, v.number()]) }))),
  open: flag,
  type: v.optional(text),
  refs: v.array(text),
  deprecated: flag,
  doc: v.optional(text),
  link: v.optional(text),
});

export const SurfaceSchema = v.object({
  target: text,
  apiVersion: text,
  about: v.optional(text),
  methods: v.record(text, Method),
  models: v.record(text, Model),
  security: v.record(text, text),
  servers: v.array(text),
  retries: text,
});

export const LockSchema = v.object({
  format: v.number(),
  generator: text,
  target: text,
  configVersion: text,
  version: text,
  api: v.object({ title: text, version: text, digest: text }),
  surface: SurfaceSchema,
  code: v.optional(text),
  names: v.optional(v.record(text, v.record(text, text))),
});

/** The first problems of a lock that does not match, as `path: what` (at most three). */
export function lockProblems(data: unknown): string[] {
  const r = v.safeParse(LockSchema, data);
  if (r.success) return [];
  return r.issues.slice(0, 3).map((i) => {
    const path = (i.path ?? []).map((p) => String(p.key).slice(0, 60)).join(".");
    return `${path || "(top level)"}: expected ${i.expected ?? "something else"}`;
  });
}
