/** Turning an HTTP response into an operation's result or error. */
import { SDKError } from "../models/errors/sdkerror.js";
import type { Result } from "../types/result.js";
import { matchStatusCode } from "./retries.js";
import type { HTTPResponse } from "./sdks.js";

export { matchStatusCode };

/** True for JSON media types: application/json, application/problem+json, ... */
export function isJSONContentType(contentType: string | null): boolean {
  return /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? "");
}

/**
 * Parses a JSON body and maps it from the wire format with `fromWire`; a body that is not JSON,
 * or does not have the declared shape, becomes an SDKError.
 */
export function decodeJSON<W, T>(
  res: HTTPResponse,
  fromWire: (wire: W) => T,
): Result<T, SDKError> {
  let wire: W;
  try {
    wire = JSON.parse(res.body) as W;
  } catch {
    const message = "Response body is not valid JSON";
    return { ok: false, error: new SDKError(message, res.response, res.body) };
  }
  try {
    return { ok: true, value: fromWire(wire) };
  } catch {
    const message = "Response body does not match the API description";
    return { ok: false, error: new SDKError(message, res.response, res.body) };
  }
}

/** The error for a response the operation does not declare. */
export function unexpectedResponse(res: HTTPResponse): SDKError {
  const message =
    res.response.status >= 400 ? "API error occurred" : "Unexpected response";
  return new SDKError(message, res.response, res.body);
}

/** Maps the values of a record, for maps of models. */
export function mapValues<T, U>(
  record: { [k: string]: T },
  fn: (value: T) => U,
): { [k: string]: U } {
  const out: { [k: string]: U } = {};
  for (const [k, v] of Object.entries(record)) out[k] = fn(v);
  return out;
}

/** The properties of `obj` other than `known`: extra properties a schema allows. */
export function extraProps(
  obj: object,
  known: readonly string[],
): { [k: string]: unknown } {
  const out: { [k: string]: unknown } = {};
  for (const [k, v] of Object.entries(obj)) {
    if (!known.includes(k)) out[k] = v;
  }
  return out;
}

/** A binary response body, typed with its Content-Type. */
export function toBlob(res: HTTPResponse): Blob {
  const type = res.response.headers.get("content-type") ?? "";
  return new Blob([res.bytes.slice().buffer as ArrayBuffer], { type });
}
