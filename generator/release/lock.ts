/**
 * `.specsmith/lock.json` in each output folder: the SDK surface and version of the last generation,
 * which the next one compares against to decide the release. A lock that cannot be trusted stops
 * generation with a message: it never silently reads as "no changes".
 */
import { lstatSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
// One function per module: `semver` itself loads every range class and parser the CLI never uses.
import gt from "semver/functions/gt.js";
import valid from "semver/functions/valid.js";
import { VERSION } from "../paths.js";
import { statStamp } from "../write/read.js";
import { digestOf, unchangedSince, type StatIndex } from "../write/stat-index.js";
import { lockProblems } from "./lock-schema.js";
import type { Surface } from "./surface.js";
import type { NameRecord } from "../ir/names.js";

export const LOCK_FILE = ".specsmith/lock.json";
/** The lock's format: a newer specsmith that changes it raises this. */
export const LOCK_FORMAT = 1;

export interface LockFile {
  format: number;
  /** The specsmith release that wrote it. */
  generator: string;
  target: string;
  /** The config's `version` at that generation: versioning starts there; changing it overrides. */
  configVersion: string;
  /** The SDK version that generation released. */
  version: string;
  api: { title: string; version: string; digest: string };
  surface: Surface;
  /**
   * A digest of the SDK's files as generated (CHANGELOG.md and .specsmith/ aside): when the surface
   * is the same but the code is not (a new specsmith's runtime), the release is a patch. Missing in
   * locks written before it was recorded.
   */
  code?: string;
  /**
   * The names this generation gave models, operations, methods and Speakeasy aliases, by scope and by
   * name, each with a digest of where it is in the spec (Api.names, PlanBase.names): the next
   * generation keeps them where they still fit, so that a schema added elsewhere never renames one.
   * Missing in locks written before names were kept.
   */
  names?: NameRecord;
}

/**
 * A lock larger than this is not ours. It grows with the API: GitHub's is 7 MB, Microsoft Graph's
 * (22,361 operations, the largest we know) 68 and 83 MB, which the bound of every other state file
 * (MAX_STATE_BYTES, 64 MB) refused, and Graph could not be generated again. Three times Graph's is
 * still half of the longest string V8 holds.
 */
export const MAX_LOCK_BYTES = 256 * 1024 * 1024;

export class LockFileError extends Error {
  override name = "LockFileError";
}

/**
 * `--watch`: each folder's lock as a run read it, kept while the file stays the same (inode, size,
 * mtime and ctime), and the text of each lock a run wrote. Saves are not releases: the lock on disk
 * stays as it is from one save to the next, and reading, checking and printing GitHub's (7 MB)
 * took about 110 ms of each.
 */
export class LockCache {
  private readonly locks = new Map<string, { stamp: string; lock: LockFile }>();
  private readonly texts = new WeakMap<LockHead, { text: string; digest: string }>();

  recall(path: string, stamp: string): LockFile | undefined {
    const known = this.locks.get(path);
    return known?.stamp === stamp ? known.lock : undefined;
  }

  remember(path: string, stamp: string, lock: LockFile): void {
    this.locks.set(path, { stamp, lock });
  }

  /**
   * The text of the lock `head` and `surface` make, and its digest: printed and digested once per
   * head (a save holds the lock it read), not on every save (GitHub's is 8 MB).
   */
  text(head: LockHead, surface: Surface): { text: string; digest: string } {
    let printed = this.texts.get(head);
    if (printed === undefined) {
      const text = lockText({ ...head, surface });
      this.texts.set(head, (printed = { text, digest: digestOf(text) }));
    }
    return printed;
  }
}

/**
 * The lock in `outDir`, or undefined when there is none (a first generation). `cache`: see LockCache.
 * `index`: the folder's stat index, when the run has read it: a lock it records as written (same
 * size and mtime, not racy, not hand-edited) holds the bytes a run printed from a checked lock, and
 * is not walked through its schema again (93 ms for GitHub's 7 MB one). Its format and release are.
 */
export function readLockFile(outDir: string, target: string, cache?: LockCache, index?: StatIndex): LockFile | undefined {
  // An output folder that is missing, a file, or closed to us is the write step's to report.
  try {
    if (!statSync(outDir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const path = join(outDir, LOCK_FILE);
  let text: string;
  let stamp: string;
  let written = false;
  try {
    // Only a regular file of ours, of a bounded size: a FIFO would block, a symlink could lead to
    // /dev/zero or to another file (whose bytes an error message must not print).
    const st = lstatSync(path);
    if (!st.isFile()) throw bad(path, `is not a regular file (${st.isSymbolicLink() ? "a symlink" : "a folder, FIFO or device"})`, RESTORE);
    if (st.size > MAX_LOCK_BYTES) throw bad(path, `is ${Math.round(st.size / 1048576)} MB, over the ${MAX_LOCK_BYTES / 1048576} MB a lock can be`, RESTORE);
    stamp = `${target}\0${statStamp(st)}`;
    const known = cache?.recall(path, stamp);
    if (known) return known;
    const entry = index?.entries.get(LOCK_FILE);
    written = index !== undefined && entry?.edited !== true && unchangedSince(entry, st, index);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof LockFileError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw bad(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, "check its permissions");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the file's bytes.
    throw bad(path, "is not valid JSON", RESTORE);
  }
  const lock = checkLock(path, data, target, written);
  cache?.remember(path, stamp, lock);
  return lock;
}

const RESTORE = `restore it from version control (git checkout -- ${LOCK_FILE}); or delete it to start versioning again from the config's version, with no changelog entry for this generation`;

function checkLock(path: string, data: unknown, target: string, asWritten: boolean): LockFile {
  const lock = data as Partial<LockFile>;
  if (typeof lock !== "object" || lock === null || Array.isArray(lock)) throw bad(path, "is not a specsmith lock (not an object)", RESTORE);
  const written = typeof lock.generator === "string" ? /^specsmith (\S+)$/.exec(lock.generator)?.[1] : undefined;
  if (typeof lock.format === "number" && lock.format > LOCK_FORMAT) {
    throw bad(
      path,
      `was written by ${lock.generator ?? "a newer specsmith"} in lock format ${lock.format}; this specsmith ${VERSION} reads format ${LOCK_FORMAT}`,
      "upgrade specsmith to the release your team uses (npm install -D specsmith@latest)",
    );
  }
  if (written && valid(written) && gt(written, VERSION)) {
    throw bad(
      path,
      `was written by specsmith ${written}, newer than this specsmith ${VERSION}`,
      `upgrade specsmith (npm install -D specsmith@${written}) so an older release does not undo its changes`,
    );
  }
  const problems: string[] = [];
  if (lock.format !== LOCK_FORMAT) problems.push("`format` is missing");
  if (lock.target !== target) problems.push(`it is for target ${JSON.stringify(lock.target)}, not ${target}`);
  for (const key of ["version", "configVersion"] as const) if (typeof lock[key] !== "string" || !valid(lock[key])) problems.push(`\`${key}\` is not a semantic version`);
  if (problems.length === 0 && !asWritten) problems.push(...lockProblems(data));
  if (problems.length) throw bad(path, `is damaged: ${problems.join("; ")}`, RESTORE);
  return lock as LockFile;
}

function bad(path: string, what: string, fix: string): LockFileError {
  return new LockFileError(`${path} ${what}.\n  hint: ${fix}`);
}

/**
 * The lock's text: stable key order, one method or model per line, so a regeneration's diff in
 * review shows exactly which symbols changed.
 */
export function lockText(lock: LockFile): string {
  return Array.from(lockPieces(lock)).join("");
}

/**
 * lockText, piece by piece (a line, or less): Microsoft Graph's locks are 68 and 83 MB, which a huge
 * generation writes to its spill file as they come (off-heap.ts `spill`) instead of holding whole.
 */
export function* lockPieces(lock: LockFile): Generator<string> {
  const { surface, ...head } = lock;
  yield* lockAround(head, surfacePieces(surface));
}

/** A lock without its surface: what its text holds around the surface's entry. */
export type LockHead = Omit<LockFile, "surface">;

/** `lock` without its surface, if it has one: a copy that does not hold it. */
export function headOf(lock: LockHead): LockHead {
  const { surface: _surface, ...head } = lock as LockHead & { surface?: unknown };
  return head;
}

/**
 * The lock's text around its surface's entry (surfacePieces), which comes as it was kept: a huge
 * generation's as bytes, read back from where it moved out of memory once its release was decided.
 */
export function* lockAround<P>(head: LockHead, surface: Iterable<P>): Generator<string | P> {
  // A whole lock given as its head prints no second surface.
  const { names, ...rest } = headOf(head);
  yield "{\n";
  for (const [k, v] of Object.entries(rest)) yield `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`;
  yield* surface;
  yield names === undefined ? "\n" : ",\n";
  if (names !== undefined) {
    const scopes = Object.entries(names);
    if (scopes.length === 0) yield '  "names": {}\n';
    else {
      yield '  "names": {\n';
      for (const [i, [scope, given]] of scopes.entries()) {
        yield `${i > 0 ? ",\n" : ""}    ${JSON.stringify(scope)}: `;
        yield* block(given);
      }
      yield "\n  }\n";
    }
  }
  yield "}\n";
}

/** The lock's `"surface"` entry, from its key to its closing brace. */
export function* surfacePieces(surface: Surface): Generator<string> {
  const { methods, models, ...rest } = surface;
  yield '  "surface": {\n';
  for (const [k, v] of Object.entries(rest)) yield `    ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`;
  yield '    "methods": ';
  yield* block(methods);
  yield ',\n    "models": ';
  yield* block(models);
  yield "\n  }";
}

/** A record of the lock, one entry a line. */
function* block(rec: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(rec);
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (const [i, [k, v]] of entries.entries()) yield `${i > 0 ? ",\n" : ""}      ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  yield "\n    }";
}

/**
 * The names the targets' last generations gave (their locks'), for the IR to keep. The targets share
 * one IR: where their locks disagree (a target whose folder was generated from another history), the
 * first target's name wins, and the other SDK's release reports the rename.
 */
export function heldNames(locks: (LockFile | undefined)[]): NameRecord | undefined {
  const records = locks.flatMap((lock) => (lock?.names ? [lock.names] : []));
  if (records.length <= 1) return records[0];
  const out: NameRecord = {};
  for (const record of records) {
    // By name: a name the first lock gives is its; a place the first names keeps that name (NameBook).
    for (const [scope, given] of Object.entries(record)) {
      const into = (out[scope] ??= {});
      for (const [name, place] of Object.entries(given)) if (!Object.hasOwn(into, name)) into[name] = place;
    }
  }
  return out;
}
