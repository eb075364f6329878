/** The pipeline: load → IR → each target's surface, release and files → write (or compare, with --check). */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import type { TargetConfig, TargetName } from "./config.js";
import type { Diagnostic } from "./diagnostics.js";
import type { Api } from "./ir/types.js";
import { loadApi } from "./api.js";
import { VERSION } from "./paths.js";
import { changelogText } from "./release/changelog.js";
import { LOCK_FILE, LOCK_FORMAT, lockText, readLockFile, type LockFile } from "./release/lock.js";
import { planRelease, releaseDate, type Release } from "./release/release.js";
import type { Surface } from "./release/surface.js";
import { codeSamplesOverlay, type CodeSample } from "./docs/code-samples.js";
import { generatePython } from "./targets/python/index.js";
import { pythonSurface } from "./targets/python/surface.js";
import { generateTypeScript } from "./targets/typescript/index.js";
import { typescriptSurface } from "./targets/typescript/surface.js";
import { readText } from "./write/edits.js";
import { diffOutput, writeOutput, type OutputFile, type WriteSummary } from "./write/write.js";

export interface TargetResult {
  target: TargetConfig;
  files: OutputFile[];
  warnings: Diagnostic[];
  /** The files the spec was read from: itself, every file its $refs reach, and the overlays. */
  sources?: string[];
  /** How many operations the SDK has (each a method, and in Python an `_async` twin too). */
  operations?: number;
  /** The version this generation releases, and the changes since the last one. */
  release?: Release;
  /** Each operation's usage snippet in this target (for the code-samples overlay). */
  samples?: CodeSample[];
  /** The API's title. */
  title?: string;
}

type TargetOptions = Pick<TargetConfig, "packageName" | "sdkClass" | "version" | "idempotencyHeader">;

/** Each target's generator and surface, by name. */
export const TARGET_IMPLS: Record<TargetName, { surface(api: Api, opts: TargetOptions): Surface; files(api: Api, opts: TargetOptions, samples?: CodeSample[]): Promise<OutputFile[]> }> = {
  typescript: { surface: typescriptSurface, files: generateTypeScript },
  python: { surface: pythonSurface, files: generatePython },
};

export const CHANGELOG = "CHANGELOG.md";

export interface GenerateOptions {
  /** OpenAPI Overlays applied to the spec, in order. */
  overlays?: string[];
  /**
   * false: keep the version, the lock and the changelog as they are (`--watch`: every save would
   * otherwise be a release); the next plain generation releases all the changes at once.
   */
  release?: boolean;
  /** The date of a changelog entry (default: SOURCE_DATE_EPOCH, else today). */
  date?: string;
}

/**
 * Generates every target in memory; nothing is written until all succeeded. Each output folder's
 * lock (the previous generation's surface) decides the version, and adds a changelog entry.
 */
export async function generateAll(spec: string, targets: TargetConfig[], opts: GenerateOptions = {}): Promise<TargetResult[]> {
  const { api, loaded } = loadApi(spec, opts.overlays);
  // What the SDK is made from: the spec, the files it $refs and the overlays.
  const inputs = [...loaded.resolver.sources, ...loaded.overlays];
  const digest = specDigest(inputs.map((s) => s.text));
  const results: TargetResult[] = [];
  for (const target of targets) {
    const impl = TARGET_IMPLS[target.name];
    const previous = readLockFile(target.out, target.name);
    const held = opts.release === false && previous !== undefined;
    const surface = held ? previous.surface : impl.surface(api, target);
    const release: Release = held ? { version: previous.version, bump: "none", changes: [], previous, reason: "held" } : planRelease(target.version, surface, previous);
    const samples: CodeSample[] = [];
    const files = await impl.files(api, { ...target, version: release.version }, samples);
    files.push(...releaseFiles(api, target, held ? previous : undefined, surface, release, digest, opts.date ?? releaseDate()));
    results.push({ target, files, warnings: api.warnings, operations: api.operations.length, release, samples, title: api.info.title });
  }
  const sources = inputs.map((s) => s.path);
  for (const r of results) r.sources = sources;
  return results;
}

/** The lock recording this generation (or the one kept), and the changelog with its entry on top. */
function releaseFiles(api: Api, target: TargetConfig, kept: LockFile | undefined, surface: Surface, release: Release, digest: string, date: string): OutputFile[] {
  const lock = kept ?? {
    format: LOCK_FORMAT,
    generator: `specsmith ${VERSION}`,
    target: target.name,
    configVersion: target.version,
    version: release.version,
    api: { title: api.info.title, version: api.info.version, digest },
    surface,
  };
  const existing = existingChangelog(target.out);
  const ctx = { date, apiTitle: api.info.title, apiVersion: api.info.version, methods: Object.keys(surface.methods).length, models: Object.keys(surface.models).length };
  return [
    // Bookkeeping, and a changelog built on the file as it is: neither is merged like generated code.
    { path: LOCK_FILE, content: lockText(lock), verbatim: true },
    { path: CHANGELOG, content: changelogText(existing, release, ctx), verbatim: true },
  ];
}

/** The changelog in an output folder that exists, as the user may have edited it. */
function existingChangelog(out: string): string | undefined {
  try {
    return statSync(out).isDirectory() ? readText(join(out, CHANGELOG)) : undefined;
  } catch {
    return undefined;
  }
}

export function specDigest(texts: string[]): string {
  const h = createHash("sha256");
  for (const t of texts) h.update(t).update("\0");
  return `sha256:${h.digest("hex")}`;
}

/** The code-samples overlay of a generation of every configured target (one target alone would drop the others' samples). */
export function codeSamplesFile(results: TargetResult[]): string {
  return codeSamplesOverlay(
    results[0]?.title ?? "",
    results.map((r) => r.samples ?? []),
  );
}

export function writeAll(results: TargetResult[]): WriteSummary[] {
  return results.map((r) => writeOutput(r.target.out, r.files));
}

/**
 * Paths (relative to the working directory's view of each output) that differ from a fresh
 * generation, and the ignored ones (listed, never a difference).
 */
export function checkAll(results: TargetResult[]): { diffs: string[]; ignored: string[] } {
  const diffs: string[] = [];
  const ignored: string[] = [];
  for (const r of results) {
    const d = diffOutput(r.target.out, r.files);
    const at = (p: string) => `${r.target.out}/${p}`;
    diffs.push(
      ...d.changed.map((p) => `changed: ${at(p)}`),
      ...d.missing.map((p) => `missing: ${at(p)}`),
      ...d.stale.map((p) => `stale:   ${at(p)}`),
      ...d.conflicts.map((p) => `conflict: ${at(p)} (your edits and the new generation overlap)`),
    );
    ignored.push(...d.ignored.map(at));
  }
  return { diffs, ignored };
}
