/**
 * Loading: the spec file, the OpenAPI Overlays applied to it in order, every file its `$ref`s
 * reach, and validation. Knows nothing of the IR: the pipeline builds that from what this returns.
 */
import { resolve } from "node:path";
import { SpecError, type Diagnostic } from "../diagnostics.js";
import { Resolver } from "./document.js";
import { applyOverlay, readOverlay } from "./overlay.js";
import type { SourceReads } from "./source-reads.js";
import { SourceFile } from "./source.js";
import { validate } from "./validate.js";

export interface LoadedSpec {
  resolver: Resolver;
  version: "3.0" | "3.1";
  /** Findings that do not stop generation: validation warnings, overlay targets that match nothing. */
  warnings: Diagnostic[];
  /** The overlay files applied, in order. */
  overlays: SourceFile[];
}

/**
 * A spec: a file's path, or a document in memory (its text, or its parsed data) with the path its
 * diagnostics name and its external `$ref`s resolve from. Tests and embedders need no file.
 */
export type SpecInput = string | { path: string; text: string } | { path?: string; document: unknown };

/**
 * `reads`: what the run read of its files already (source-reads.ts); under --watch, each JSON file's
 * last read, for the next to parse only what changed (json-delta.ts): it ends up holding this load's
 * files, and no others.
 */
export function loadSpec(spec: SpecInput, overlays: string[] = [], reads?: SourceReads): LoadedSpec {
  const { root, warnings, overlays: files } = overlaid(spec, overlays, reads);
  const resolver = new Resolver(root, reads);
  const { version, warnings: found } = validate(resolver);
  if (reads?.last) {
    // Every file the spec reaches is read by now: validation follows every $ref.
    const read = new Set(resolver.sources.map((f) => f.path));
    for (const path of reads.last.keys()) if (!read.has(path)) reads.last.delete(path);
  }
  return { resolver, version, warnings: [...warnings, ...found], overlays: files };
}

/** The spec file with the overlays applied to its data, in order (`specsmith overlay apply` stops here). */
export function overlaid(spec: SpecInput, overlays: string[], reads?: SourceReads): { root: SourceFile; warnings: Diagnostic[]; overlays: SourceFile[] } {
  // Overlays change the data they apply to, so a file they apply to is read whole, and not kept.
  const root = sourceOf(spec, reads, overlays.length === 0);
  // Every overlay is checked before any is applied: a broken one stops everything at its position.
  const read = overlays.map((o) => readOverlay(resolve(o)));
  const warnings: Diagnostic[] = [];
  if (read.length > 0 && (root.data === null || typeof root.data !== "object" || Array.isArray(root.data))) {
    throw new SpecError([
      { severity: "error", file: root.displayPath, line: 1, column: 1, pointer: "#", message: "the document is not a map, so overlays cannot apply to it", hint: "point at an OpenAPI document" },
    ]);
  }
  for (const o of read) warnings.push(...applyOverlay(root.data as Record<string, unknown>, o));
  return { root, warnings, overlays: read.map((o) => o.file) };
}

function sourceOf(spec: SpecInput, reads: SourceReads | undefined, share: boolean): SourceFile {
  if (typeof spec === "string") return SourceFile.read(resolve(spec), undefined, reads, share);
  if ("text" in spec) return SourceFile.parse(resolve(spec.path), spec.text);
  return SourceFile.parse(resolve(spec.path ?? "spec.json"), JSON.stringify(spec.document, null, 1));
}
