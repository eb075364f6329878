/**
 * Response validation. Each model's generated `$fromWire` checks what arrived against the API
 * description with these checks as it maps it to the SDK's shape; the first mismatch throws a
 * ValidationFailure saying where (`$.data[0].id`), which the call returns as a
 * ResponseValidationError. Extra properties are never an error (a newer API may add some); a missing
 * required property, a wrong type, or a value a closed enum does not have is.
 *
 * A check takes the value, and the path of the object or array holding it with its key there: the
 * value's own path is only put together when something fails, so a valid response costs no strings.
 */
import { ResponseValidationError } from "../models/errors/responsevalidationerror.js";
import type { SDKError } from "../models/errors/sdkerror.js";
import type { Result } from "../types/result.js";
import { RFCDate } from "../types/rfcdate.js";

/** The first place a response differs from its declared type. */
export class ValidationFailure extends Error {
  constructor(
    /** Where, as a JSONPath from the body (`$`): `$.data[0].created_at`. */
    readonly path: string,
    /** What the API description declares there. */
    readonly expected: string,
    got: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(got)}`);
    this.name = "ValidationFailure";
  }
}

/** `wire` (a parsed body) checked and mapped by `fromWire`; a mismatch is a ResponseValidationError. */
export function validated<T>(
  wire: unknown,
  fromWire: Check<T>,
  response: Response,
  body: string,
): Result<T, SDKError> {
  try {
    return { ok: true, value: fromWire(wire) };
  } catch (err) {
    if (!(err instanceof ValidationFailure)) throw err;
    const error = new ResponseValidationError(err, wire, response, body);
    return { ok: false, error };
  }
}

/** A check of one value: the value, typed (dates converted), or a ValidationFailure. */
export type Check<T> = (v: unknown, p?: string, k?: string | number) => T;

/** The path of the value at key `k` of the value at `p` (the body, `$`, when both are left out). */
export function at(p = "$", k?: string | number): string {
  if (k === undefined) return p;
  if (typeof k === "number") return `${p}[${k}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k)
    ? `${p}.${k}`
    : `${p}[${JSON.stringify(k)}]`;
}

function fail(
  expected: string,
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
): never {
  throw new ValidationFailure(at(p, k), expected, v);
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing: it is missing";
  if (v === null) return "null";
  if (typeof v === "object") return Array.isArray(v) ? "an array" : "an object";
  const text = String(JSON.stringify(v));
  return `${typeof v} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

export const str: Check<string> = (v, p, k) =>
  typeof v === "string" ? v : fail("a string", v, p, k);

export const num: Check<number> = (v, p, k) =>
  typeof v === "number" ? v : fail("a number", v, p, k);

export const int: Check<number> = (v, p, k) =>
  Number.isInteger(v) ? (v as number) : fail("an integer", v, p, k);

export const bool: Check<boolean> = (v, p, k) =>
  typeof v === "boolean" ? v : fail("a boolean", v, p, k);

/** An RFC 3339 date-time (`2025-01-31T12:00:00Z`), as a Date. */
export const dateTime: Check<Date> = (v, p, k) => {
  const d = typeof v === "string" && DATE_TIME.test(v) ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime())
    ? d
    : fail("an RFC 3339 date-time", v, p, k);
};
const DATE_TIME =
  /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d:?\d\d)?$/;

/** An RFC 3339 full-date (`2025-01-31`), as an RFCDate. */
export const rfcDate: Check<RFCDate> = (v, p, k) => {
  try {
    if (typeof v === "string") return new RFCDate(v);
  } catch {
    // a string, but not a date: reported below
  }
  return fail("an RFC 3339 date", v, p, k);
};

/** The one value a `const` (or a one-value enum) allows. */
export function lit<T extends string | number | boolean | null>(
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
  value: T,
): T {
  return v === value ? value : fail(JSON.stringify(value), v, p, k);
}

/** A value of an enum; an open enum also keeps a value of its type that it does not know. */
export function member<T>(
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
  values: Readonly<Record<string, T>>,
  open?: boolean,
): T {
  const known: unknown[] = Object.values(values);
  if (known.includes(v) || (open && known.some((x) => typeof x === typeof v)))
    return v as T;
  return fail(`one of ${known.map((x) => JSON.stringify(x))}`, v, p, k);
}

/** An object (not null, not an array), to read properties of. */
export function obj(
  v: unknown,
  p?: string,
  k?: string | number,
): { [k: string]: unknown } {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as { [k: string]: unknown })
    : fail("an object", v, p, k);
}

/** An array, each item checked. */
export function arr<T>(
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
  item: Check<T>,
): T[] {
  if (!Array.isArray(v)) return fail("an array", v, p, k);
  const here = at(p, k);
  return v.map((x, i) => item(x, here, i));
}

/** A map (an object of any keys), each value checked. */
export function rec<T>(
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
  value: Check<T>,
): { [k: string]: T } {
  const here = at(p, k);
  const out: { [k: string]: T } = {};
  for (const [key, x] of Object.entries(obj(v, p, k))) {
    // defineProperty: a `__proto__` key is data, not the prototype.
    Object.defineProperty(out, key, {
      value: value(x, here, key),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A check that also takes null (a nullable item, value or variant). */
export function orNull<T>(check: Check<T>): Check<T | null> {
  return (v, p, k) => (v === null ? null : check(v, p, k));
}

/** One member of a union, and how a value shows that it is that member. */
export type Variant = {
  check: Check<unknown>;
  /** Required properties (wire names): the object variant a value has the most of is tried first. */
  keys?: readonly string[];
  /** Discriminator property, and the values that select this variant. */
  tag?: readonly [string, readonly string[]];
};

/**
 * A value of a union: the variant its discriminator names; else the first variant it passes, objects
 * trying first the variant whose required properties they have the most of. A failure is reported
 * from the variant the value looked most like.
 */
export function union<T>(
  v: unknown,
  p: string | undefined,
  k: string | number | undefined,
  variants: readonly Variant[],
): T {
  const o =
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? (v as { [k: string]: unknown })
      : undefined;
  const tagged =
    o && variants.find((x) => x.tag?.[1].includes(String(o[x.tag[0]])));
  if (tagged) return tagged.check(v, p, k) as T;
  const has = (x: Variant) =>
    o && x.keys?.every((key) => key in o) ? x.keys.length : -1;
  const order = o ? [...variants].sort((a, b) => has(b) - has(a)) : variants;
  let first: unknown;
  for (const x of order) {
    try {
      return x.check(v, p, k) as T;
    } catch (err) {
      if (!(err instanceof ValidationFailure)) throw err;
      if (first === undefined && has(x) > 0) first = err;
    }
  }
  if (first !== undefined) throw first;
  return fail("a value of one of the union's types", v, p, k);
}
