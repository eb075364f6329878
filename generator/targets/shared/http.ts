/** What both targets send alike, so that the SDKs cannot drift. */
import { isJSON } from "../../ir/content.js";
import type { Operation } from "../../ir/types.js";

/** The Accept header: every success media type, and JSON when the declared errors are JSON. */
export function acceptHeader(op: Operation): string {
  const types = [...new Set(op.success.map((r) => r.contentType).filter((t): t is string => !!t))];
  if (op.errors.length && !types.some(isJSON)) types.push("application/json");
  return types.length ? types.join(", ") : "*/*";
}
