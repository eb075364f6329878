/** Serialization of path, query and header parameters (OpenAPI `style` / `explode`). */
import { InvalidRequestError } from "../models/errors/httpclienterrors.js";
import { RFCDate } from "../types/rfcdate.js";

/**
 * Percent-encodes one path segment value: "a/b" → "a%2Fb". "", "." and ".." are refused: URLs
 * resolve them as path steps, so `/items/{id}` with ".." would reach `/` instead.
 */
export function encodePath(value: unknown): string {
  if (value === undefined) {
    throw new InvalidRequestError("A path parameter has no value");
  }
  const text = scalar(value);
  if (text === "" || text === "." || text === "..") {
    throw new InvalidRequestError(
      `A path parameter cannot be ${JSON.stringify(text)}: the URL would address another resource`,
    );
  }
  return encodeURIComponent(wellFormed(text));
}

/** Lone surrogates (which encodeURIComponent refuses) become U+FFFD, as URLSearchParams does. */
function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

export type QueryParam = {
  name: string;
  value: unknown;
  style?: "form" | "deepObject" | "pipeDelimited" | "spaceDelimited";
  explode?: boolean;
};

/** Appends query parameters to `query`; undefined values are left out. */
export function appendQuery(
  query: URLSearchParams,
  params: QueryParam[],
): void {
  for (const p of params) {
    if (p.value === undefined) continue;
    const style = p.style ?? "form";
    const explode = p.explode ?? style === "form";
    const v = p.value;
    if (Array.isArray(v)) {
      if (style === "form" && explode) {
        for (const item of v) query.append(p.name, scalar(item));
      } else {
        const sep =
          style === "pipeDelimited"
            ? "|"
            : style === "spaceDelimited"
              ? " "
              : ",";
        query.append(p.name, v.map(scalar).join(sep));
      }
    } else if (
      v !== null &&
      typeof v === "object" &&
      !(v instanceof Date) &&
      !(v instanceof RFCDate)
    ) {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (style === "deepObject") {
        for (const [k, x] of entries) {
          if (Array.isArray(x))
            for (const item of x) query.append(`${p.name}[${k}]`, scalar(item));
          else query.append(`${p.name}[${k}]`, scalar(x));
        }
      } else if (explode) {
        for (const [k, x] of entries) query.append(k, scalar(x));
      } else {
        query.append(
          p.name,
          entries.map(([k, x]) => `${k},${scalar(x)}`).join(","),
        );
      }
    } else {
      query.append(p.name, scalar(v));
    }
  }
}

/** Serializes a header parameter value (style "simple"). */
export function headerValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalar).join(",");
  if (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Date) &&
    !(value instanceof RFCDate)
  ) {
    return Object.entries(value)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k},${scalar(x)}`)
      .join(",");
  }
  return scalar(value);
}

/** A cookie parameter (style "form"): `name=value`, the value percent-encoded. */
export function cookiePair(name: string, value: unknown): string {
  return `${name}=${encodeURIComponent(wellFormed(headerValue(value)))}`;
}

function scalar(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
