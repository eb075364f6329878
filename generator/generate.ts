/** The pipeline: load → IR → each target's files → write (or compare, with --check). */
import type { TargetConfig } from "./config.js";
import type { Diagnostic } from "./diagnostics.js";
import { loadApi } from "./load/index.js";
import { generatePython } from "./targets/python/index.js";
import { generateTypeScript } from "./targets/typescript/index.js";
import { diffOutput, writeOutput, type OutputFile, type WriteSummary } from "./write/write.js";

export interface TargetResult {
  target: TargetConfig;
  files: OutputFile[];
  warnings: Diagnostic[];
  /** The files the spec was read from: itself and every file its $refs reach. */
  sources?: string[];
  /** How many operations the SDK has (each a method, and in Python an `_async` twin too). */
  operations?: number;
}

/**
 * Generates every target in memory; nothing is written until all succeeded.
 */
export async function generateAll(spec: string, targets: TargetConfig[]): Promise<TargetResult[]> {
  const { api, resolver } = loadApi(spec);
  const results: TargetResult[] = [];
  for (const target of targets) {
    switch (target.name) {
      case "typescript":
        results.push({ target, files: await generateTypeScript(api, target), warnings: api.warnings, operations: api.operations.length });
        break;
      case "python":
        results.push({ target, files: await generatePython(api, target), warnings: api.warnings, operations: api.operations.length });
        break;
    }
  }
  const sources = resolver.sources.map((s) => s.path);
  for (const r of results) r.sources = sources;
  return results;
}

export function writeAll(results: TargetResult[]): WriteSummary[] {
  return results.map((r) => writeOutput(r.target.out, r.files));
}

/** Paths (relative to the working directory's view of each output) that differ from a fresh generation. */
export function checkAll(results: TargetResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const d = diffOutput(r.target.out, r.files);
    out.push(...d.changed.map((p) => `changed: ${r.target.out}/${p}`), ...d.missing.map((p) => `missing: ${r.target.out}/${p}`), ...d.stale.map((p) => `stale:   ${r.target.out}/${p}`));
  }
  return out;
}
