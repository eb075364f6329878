/** `x-speakeasy-retries` → the IR's retry policy (defaults as Speakeasy's). */
import { SpecError } from "../diagnostics.js";
import type { Loc, Resolver } from "../load/document.js";
import { isObj } from "./context.js";
import type { RetryPolicy } from "./types.js";

export function retriesOf(resolver: Resolver, raw: unknown, loc: Loc): RetryPolicy | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) throw new SpecError([resolver.diagnostic(loc, "x-speakeasy-retries must be an object", "see https://www.speakeasy.com/docs/customize/runtime/retries")]);
  const b = isObj(raw.backoff) ? raw.backoff : {};
  const num = (v: unknown, d: number, key: string) => {
    if (v === undefined) return d;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new SpecError([
        resolver.diagnostic({ ...loc, path: [...loc.path, "backoff", key] }, `${key} must be a non-negative number of ${key === "exponent" ? "" : "milliseconds"}`.trim(), `e.g. ${key}: ${d}`),
      ]);
    return v;
  };
  const strategy = raw.strategy === "none" ? "none" : "backoff";
  return {
    strategy,
    backoff: {
      initialInterval: num(b.initialInterval, 500, "initialInterval"),
      maxInterval: num(b.maxInterval, 60000, "maxInterval"),
      exponent: num(b.exponent, 1.5, "exponent"),
      maxElapsedTime: num(b.maxElapsedTime, 3600000, "maxElapsedTime"),
    },
    statusCodes: Array.isArray(raw.statusCodes) ? raw.statusCodes.map((c) => String(c).toUpperCase()) : ["5XX"],
    retryConnectionErrors: raw.retryConnectionErrors !== false,
  };
}
