/**
 * A regeneration with nothing to do does nothing: each output folder's index records what its last
 * generation was made from (this build of specsmith, the target's settings, the digest of every file
 * the spec was read from, the `.specsmithignore`, the code-samples overlay written beside it). When all
 * of those are the same and every file the index records is, by its size and mtime, as written, the
 * output is up to date without loading the spec, and a regeneration costs reading the inputs.
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { TargetConfig } from "./config.js";
import { IGNORE_FILE } from "./write/edits.js";
import { unsafePathReason } from "./write/paths.js";
import { readBytes, readText, statFile } from "./write/read.js";
import { digestOf, readIndex, unchangedSince } from "./write/stat-index.js";
import type { WriteCache } from "./write/write-cache.js";
import type { SourceReads } from "./load/source-reads.js";
import { readManifest } from "./write/write.js";
import { LOCK } from "./write/lock.js";
import { hasLegacyLeftovers } from "./write/legacy.js";

declare global {
  /** This build's identity, set by scripts/build.mjs (the bundle only: run from source, nothing is skipped). */
  var SPECSMITH_BUILD: string | undefined;
}

export interface InputsRecord {
  build: string;
  /** Digest of the target's settings. */
  target: string;
  /** Each file the spec was read from (the spec, what its $refs reach, the overlays) and its text's digest. */
  sources: [path: string, digest: string][];
  /** Digest of the output folder's `.specsmithignore` ("" when there is none). */
  ignore: string;
  /**
   * Files generated once for the user (recreated if deleted), with their text's digest: a plan may
   * read them (TypeScript's hook registration), so an edit to one makes the next generation run.
   */
  once: [path: string, digest: string][];
  /** Digest of the code-samples overlay written with this generation, when one was. */
  samples?: string;
  /** false: a `--watch` generation, which holds back the release. */
  release: boolean;
  /** The version the generation released (or kept). */
  version: string;
}

export const currentBuild = (): string | undefined => globalThis.SPECSMITH_BUILD;

/** What a generation of `config` from `sources` is made from; undefined when run from source. */
export function inputsOf(config: TargetConfig, sources: [path: string, digest: string][], once: [path: string, digest: string][], release: boolean, version: string): InputsRecord | undefined {
  const build = currentBuild();
  if (build === undefined) return undefined;
  return {
    build,
    target: digestOf(JSON.stringify(config)),
    sources,
    ignore: digestOf(readText(join(config.out, IGNORE_FILE)) ?? ""),
    once,
    release,
    version,
  };
}

/**
 * Whether `config`'s output folder is what a generation now would leave: same inputs, same build, and
 * every recorded file untouched. `samples`: the code-samples overlay this run would also write;
 * `cache` (--watch): the folder's WriteCache. `reads`: holds the sources' bytes this check reads, for the
 * generation that follows when the folder is not up to date (source-reads.ts).
 */
export function upToDate(config: TargetConfig, sources: { spec: string; overlays: string[] }, release: boolean, samples?: string, cache?: WriteCache, reads?: SourceReads): InputsRecord | undefined {
  const build = currentBuild();
  if (build === undefined || !quiet(config.out)) return undefined;
  const index = readIndex(config.out, cache);
  if (!index.inputs || index.entries.size === 0) return undefined;
  let rec: InputsRecord;
  try {
    rec = JSON.parse(index.inputs) as InputsRecord;
  } catch {
    return undefined;
  }
  if (rec.build !== build || rec.target !== digestOf(JSON.stringify(config)) || (release && !rec.release)) return undefined;
  if (!Array.isArray(rec.sources) || !Array.isArray(rec.once) || !sameSources(rec.sources, sources)) return undefined;
  if (samples !== undefined && (rec.samples === undefined || digestOf(readText(samples) ?? "") !== rec.samples)) return undefined;
  if (digestOf(readText(join(config.out, IGNORE_FILE)) ?? "") !== rec.ignore) return undefined;
  if (rec.sources.some(([path, digest]) => sourceChanged(path, digest, reads))) return undefined;
  if (!rec.once.every((o) => Array.isArray(o) && typeof o[0] === "string" && unsafePathReason(o[0]) === undefined && digestOf(readText(join(config.out, o[0])) ?? "") === o[1])) return undefined;
  // A file carrying hand edits, or one the last run kept or left to the user, is reported on every
  // run (`--check` names them): only a folder of files exactly as generated is skipped.
  if ([...index.entries.values()].some((e) => e.edited)) return undefined;
  if (!(readManifest(config.out) ?? []).every((p) => index.entries.has(p))) return undefined;
  if (typeof rec.version !== "string") return undefined;
  // --watch: this check is a look at every recorded file (folder-watch.ts), as a save's is. Once it
  // finds them all as written, the next save trusts what nothing touched since; a file untouched
  // since the last look that went through is not stat'd again.
  const folder = cache?.folder;
  const untouched = folder?.look(config.out, index.entries.keys());
  if (![...index.entries].every(([path, entry]) => untouched?.(path) || unchangedSince(entry, statFile(join(config.out, path)), index))) return undefined;
  folder?.follow(config.out, index.entries.keys());
  return rec;
}

/**
 * No run holds or left the folder's lock, no interrupted run left anything to recover, and the folder
 * is writable: otherwise the writer has something to report or clean up, and the run goes through it.
 */
function quiet(out: string): boolean {
  try {
    if ((statSync(out).mode & 0o200) === 0) return false;
  } catch {
    return false;
  }
  return !existsSync(join(out, LOCK)) && !hasLegacyLeftovers(out);
}

/** The loader's limit on a spec file. */
const MAX_SOURCE_BYTES = 128 * 1024 * 1024;

/**
 * Whether the file at `path` no longer has the text a generation read, whose digest was `digest`.
 * The bytes are hashed, not decoded text (decoding a 10 MB spec costs more than hashing it): for a
 * UTF-8 file without a byte-order mark, the same digest as its text's.
 */
export function sourceChanged(path: string, digest: string, reads?: SourceReads): boolean {
  if (!reads) return digestOf(readBytes(path, MAX_SOURCE_BYTES) ?? "") !== digest;
  const bytes = reads.bytes(path, MAX_SOURCE_BYTES);
  return (bytes ? reads.sha1(path, bytes) : digestOf("")) !== digest;
}

/**
 * Whether any of `paths` that a run read (`read`: path → digest of what it read) has changed since;
 * a path it did not read counts as unchanged. For a watch's folders found by that run (watch.ts RunRead).
 */
export function changedSinceRead(read: ReadonlyMap<string, string>, paths: string[]): boolean {
  return paths.some((p) => {
    const digest = read.get(p);
    return digest !== undefined && sourceChanged(p, digest);
  });
}

/**
 * The recorded sources start with this run's spec and end with its overlays (a folder's index is
 * state: the files it names are read only as this run's own inputs and the regular files the spec
 * $ref'd, by absolute path).
 */
export function sameSources(recorded: [string, string][], now: { spec: string; overlays: string[] }): boolean {
  if (!recorded.every((s) => Array.isArray(s) && typeof s[0] === "string" && isAbsolute(s[0]) && typeof s[1] === "string")) return false;
  const paths = recorded.map((s) => s[0]);
  if (paths[0] !== now.spec || paths.length < 1 + now.overlays.length) return false;
  return now.overlays.every((o, i) => paths[paths.length - now.overlays.length + i] === o);
}
