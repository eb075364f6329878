/** What both targets derive alike from an operation or the API, so that the SDKs cannot drift. */
import { isJSON } from "../../ir/build.js";
import type { Api, Operation } from "../../ir/types.js";

/** The Accept header: every success media type, and JSON when the declared errors are JSON. */
export function acceptHeader(op: Operation): string {
  const types = [...new Set(op.success.map((r) => r.contentType).filter((t): t is string => !!t))];
  if (op.errors.length && !types.some(isJSON)) types.push("application/json");
  return types.length ? types.join(", ") : "*/*";
}

/** Each server's URL with its variables at their defaults ("/" when the API lists none). */
export function defaultServerUrls(api: Api): string[] {
  return api.servers.length ? api.servers.map((s) => s.variables.reduce((url, v) => url.split(`{${v.name}}`).join(v.default), s.url)) : ["/"];
}
