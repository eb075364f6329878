/** Media types: which one of a content map the SDK uses, and how it encodes it. */
import type { Encoding } from "./types.js";

export function encodingOf(ct: string): Encoding {
  const t = ct.toLowerCase();
  if (isJSON(t)) return "json";
  if (t.startsWith("application/x-www-form-urlencoded")) return "form";
  if (t.startsWith("multipart/")) return "multipart";
  if (t.startsWith("text/") || t.startsWith("application/xml") || /\+xml(;|$)/.test(t)) return "text";
  return "binary";
}

export function isJSON(ct: string): boolean {
  return /^application\/(.+\+)?json(;|$)/i.test(ct) || ct === "*/*";
}

/** JSON first (plain, then any +json), else the first listed. */
export function pickContentType(types: string[]): string | undefined {
  return types.find((t) => /^application\/json/i.test(t)) ?? types.find(isJSON) ?? types[0];
}
