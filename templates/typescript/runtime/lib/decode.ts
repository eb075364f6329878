/** Turning an HTTP response into an operation's result or error. */
import { SDKError } from "../models/errors/sdkerror.js";
import type { Result } from "../types/result.js";
import { matchStatusCode } from "./retries.js";
import { EventStream, type EventShape } from "./event-streams.js";
import type { HTTPResponse } from "./sdks.js";
import { validated, type Check } from "./validate.js";

export { matchStatusCode };

/** True for JSON media types: application/json, application/problem+json, ... */
export function isJSONContentType(contentType: string | null): boolean {
  return /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? "");
}

/**
 * Parses a JSON body and checks and maps it with `fromWire` (a model's generated `$fromWire`, or a
 * check of lib/validate.ts): a body that is not JSON is an SDKError; one that does not have the
 * declared shape, a ResponseValidationError saying where.
 */
export function decodeJSON<T>(
  res: HTTPResponse,
  fromWire: Check<T>,
): Result<T, SDKError> {
  const parsed = parseJSON(res);
  if (!parsed.ok) return parsed;
  return validated(parsed.value, fromWire, res.response, res.body);
}

/** The body parsed as JSON, or the SDKError saying it is not JSON. */
export function parseJSON(res: HTTPResponse): Result<unknown, SDKError> {
  try {
    return { ok: true, value: JSON.parse(res.body) };
  } catch {
    const message = "Response body is not valid JSON";
    return { ok: false, error: new SDKError(message, res.response, res.body) };
  }
}

/** The error for a response the operation does not declare. */
export function unexpectedResponse(res: HTTPResponse): SDKError {
  const message =
    res.response.status >= 400 ? "API error occurred" : "Unexpected response";
  return new SDKError(message, res.response, res.body);
}

/** Maps the values of a record, for maps of models sent. */
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

/**
 * A binary response body as it arrives: pipe it to a file (`Readable.fromWeb(stream).pipe(...)`, or
 * `new Response(stream).blob()` for all of it at once). Its Content-Type is the response's.
 */
export function toStream(res: HTTPResponse): ReadableStream<Uint8Array> {
  return (
    res.stream ?? new Blob([res.bytes.slice().buffer as ArrayBuffer]).stream()
  );
}

/** A binary response body, typed with its Content-Type. */
export function toBlob(res: HTTPResponse): Blob {
  const type = res.response.headers.get("content-type") ?? "";
  return new Blob([res.bytes.slice().buffer as ArrayBuffer], { type });
}

/** One member of a union sent that needs converting, and how to recognise it. */
export type UnionVariant =
  | { array: true; map: (value: any) => unknown }
  | {
      keys: string[];
      tag?: [string, string[]];
      map: (value: any) => unknown;
    };

/**
 * Converts a union-typed value with the variant it is: an array goes to the array variant; an object
 * to the variant its discriminator names, else to the one with the most required keys that it has
 * all of. Values no variant claims (strings, numbers, null, unknown shapes) are returned as they are.
 */
export function mapUnion<T>(value: unknown, variants: UnionVariant[]): T {
  if (value === null || typeof value !== "object") return value as T;
  if (Array.isArray(value)) {
    const v = variants.find((x) => "array" in x);
    return (v ? v.map(value) : value) as T;
  }
  const objects = variants.filter((x) => "keys" in x);
  const record = value as Record<string, unknown>;
  const tagged = objects.find(
    (x) => x.tag && x.tag[1].includes(String(record[x.tag[0]])),
  );
  if (tagged) return tagged.map(value) as T;
  let best: (typeof objects)[number] | undefined;
  for (const x of objects) {
    if (x.keys.every((k) => k in record)) {
      if (!best || x.keys.length > best.keys.length) best = x;
    }
  }
  return (best ? best.map(value) : value) as T;
}

/** Sets an own property even where assignment would not (`__proto__` sets the prototype). */
export function defineOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** An own property, not one every object inherits (toString, constructor). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** True for `text/event-stream`. */
export function isEventStream(contentType: string | null): boolean {
  return /^text\/event-stream\s*(;|$)/i.test(contentType ?? "");
}

/** A server-sent event stream from a streamed response; each event decoded with `fromWire`. */
export function decodeEvents<T>(
  res: HTTPResponse,
  shape: EventShape,
  fromWire: Check<T>,
): EventStream<T> {
  const body =
    res.stream ?? new Blob([res.bytes.slice().buffer as ArrayBuffer]).stream();
  return new EventStream(body, shape, fromWire, res.response);
}
