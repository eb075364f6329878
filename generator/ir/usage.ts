/** Passes over the built operations and models: which models travel which way, and which are errors. */
import type { SchemaConverter } from "./schema.js";
import type { ObjectModel, Operation, TypeRef } from "./types.js";
import { forEachRef } from "./walk.js";
import { placeKey } from "./names.js";

/**
 * Marks each model as sent (request) and/or received (response): readOnly and writeOnly depend on it.
 * A model already marked for a side has had everything it reaches marked too: each is walked once.
 */
export function markUsage(schemas: SchemaConverter, operations: Operation[]): void {
  const walk = (t: TypeRef | undefined, side: "request" | "response"): void =>
    forEachRef(t, (name) => {
      const m = schemas.models.get(name)!;
      if (m.usage?.[side]) return;
      m.usage ??= { request: false, response: false };
      m.usage[side] = true;
      if (m.kind === "object") {
        m.fields.forEach((f) => walk(f.type, side));
        walk(m.additional, side);
      } else if (m.kind === "alias") walk(m.type, side);
    });
  for (const op of operations) {
    walk(op.body?.type, "request");
    op.params.forEach((p) => walk(p.type, "request"));
    op.success.forEach((r) => walk(r.type, "response"));
    op.errors.forEach((e) => walk({ kind: "ref", model: e.model }, "response"));
  }
}

/**
 * Schemas used directly as error payloads become error models (place "errors"); one that is also a
 * payload elsewhere gets an error twin with the same fields, so the error has a class of its own.
 */
export function markErrorModels(schemas: SchemaConverter, operations: Operation[]): void {
  const nonErrorUse = new Set<string>();
  const mark = (t: TypeRef | undefined) => forEachRef(t, (name) => nonErrorUse.add(name));
  for (const m of schemas.models.values()) {
    if (m.kind === "object") {
      m.fields.forEach((f) => mark(f.type));
      mark(m.additional);
    } else if (m.kind === "alias") mark(m.type);
  }
  for (const op of operations) {
    op.success.forEach((r) => mark(r.type));
    mark(op.body?.type);
  }
  const twins = new Map<string, ObjectModel>();
  for (const op of operations) {
    for (const e of op.errors) {
      const m = schemas.models.get(e.model)!;
      if (m.kind !== "object" || m.freeForm) continue;
      if (!nonErrorUse.has(e.model)) {
        m.place = "errors";
        continue;
      }
      let twin = twins.get(m.name);
      if (!twin) {
        const key = placeKey(`${schemas.keys.get(m.name) ?? m.source}#error`);
        twin = { ...m, name: schemas.names.claim(`${m.name}Error`, key), place: "errors" };
        schemas.keys.set(twin.name, key);
        twins.set(m.name, twin);
        schemas.models.set(twin.name, twin);
      }
      e.model = twin.name;
    }
  }
}
