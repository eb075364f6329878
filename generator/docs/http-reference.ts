/**
 * The HTTP view of each operation's reference, for the docs site's curl language: the parameters as
 * the wire has them (name, where it goes, its JSON type), the responses by status and content type,
 * and the error statuses. Headings match the SDK pages' (`Parameters`, `Response`, `Errors`) so one
 * heading of an operation page holds every language's part. Spec text reaches the tables only
 * through the markdown escapers.
 */
import type { Api, Operation, TypeRef } from "../ir/types.js";
import { mdCell, mdCodeCell } from "../render/escape.js";
import { mdTable } from "../render/markdown.js";

export interface ReferencePart {
  heading: string;
  body: string;
}

/** Each operation's HTTP parts, by IR operation id. */
export function httpReference(api: Api): Map<string, ReferencePart[]> {
  return new Map(api.operations.map((op) => [op.operationId, operationParts(op)]));
}

function operationParts(op: Operation): ReferencePart[] {
  const parts: ReferencePart[] = [];
  const rows = op.params.map((p) => [mdCodeCell(p.wireName), p.in, mdCodeCell(jsonType(p.type)), p.required ? "yes" : "no", p.description ? mdCell(p.description) : ""]);
  if (op.body)
    rows.push(["body", "body", `${mdCodeCell(op.body.contentType)} ${mdCodeCell(jsonType(op.body.type))}`, op.body.required ? "yes" : "no", op.body.description ? mdCell(op.body.description) : ""]);
  if (rows.length) parts.push({ heading: "Parameters", body: mdTable(["Name", "In", "Type", "Required", "Description"], rows) });
  const success = op.success.map((r) => {
    const what = r.events ? "an event stream, each event's data" : r.contentType ? mdCodeCell(r.contentType) : "no body";
    return [mdCodeCell(r.status), r.type ? `${what} ${mdCodeCell(jsonType(r.type))}` : what, r.description ? mdCell(r.description) : ""];
  });
  if (success.length) parts.push({ heading: "Response", body: mdTable(["Status", "Body", "Description"], success) });
  const errors = op.errors.map((e) => [mdCodeCell(e.statuses.join(", ")), mdCodeCell(e.contentType), mdCodeCell(e.model)]);
  if (errors.length) parts.push({ heading: "Errors", body: mdTable(["Status", "Content Type", "Schema"], errors) });
  return parts;
}

/** A type as JSON names it: `string (date-time)`, `array of User`, `object of integer`. */
export function jsonType(t: TypeRef): string {
  const base = ((): string => {
    switch (t.kind) {
      case "primitive":
        return t.type === "unknown" ? "any" : t.format ? `${t.type} (${t.format})` : t.type;
      case "ref":
        return t.model;
      case "array":
        return `array of ${jsonType(t.items)}`;
      case "map":
        return `object of ${jsonType(t.values)}`;
      case "literal":
        return JSON.stringify(t.value);
      case "union":
        return t.variants.map(jsonType).join(" or ");
      case "null":
        return "null";
    }
  })();
  return t.nullable && t.kind !== "null" ? `${base} or null` : base;
}
