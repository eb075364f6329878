/**
 * The code-samples overlay: an OpenAPI Overlay 1.0 that adds `x-codeSamples` (lang, label, source)
 * with each SDK's usage snippet to every operation, for API-reference tools (Scalar, Redocly,
 * Mintlify) to show beside the HTTP operation. The snippets are the ones the docs pages show.
 */
import { stringify } from "yaml";

export interface CodeSample {
  operationId: string;
  /** JSON pointer of the operation in the spec (`#/paths/~1users/get`). */
  pointer: string;
  lang: string;
  label: string;
  source: string;
}

/** The overlay text; operations in the order of the first target's samples, languages in target order. */
export function codeSamplesOverlay(title: string, samples: CodeSample[][]): string {
  const byOperation = new Map<string, CodeSample[]>();
  for (const target of samples) for (const s of target) (byOperation.get(s.pointer) ?? byOperation.set(s.pointer, []).get(s.pointer)!).push(s);
  const actions = [...byOperation].map(([pointer, list]) => ({
    target: normalizedPath(segmentsOf(pointer)),
    update: { "x-codeSamples": list.map(({ lang, label, source }) => ({ lang, label, source })) },
  }));
  const doc = { overlay: "1.0.0", info: { title: `Code samples for ${title}`, version: "1.0.0" }, actions };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The segments of a pointer the IR wrote (`~1` for `/`, `~0` for `~`; no percent-encoding). */
function segmentsOf(pointer: string): string[] {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** An RFC 9535 normalized path: `$['paths']['/users']['get']`. */
export function normalizedPath(segments: string[]): string {
  return "$" + segments.map((s) => `['${escapeName(s)}']`).join("");
}

function escapeName(s: string): string {
  const short: Record<string, string> = { "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "'": "\\'", "\\": "\\\\" };
  return s.replace(/[\u0000-\u001f'\\]/g, (c) => short[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
