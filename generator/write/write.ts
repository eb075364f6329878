/**
 * Writes a target's output folder in place, as a careful package manager would:
 * - the folder itself, its mode and a symlink pointing at it are never replaced;
 * - only files whose bytes changed are written, each to a temporary file beside it, then renamed;
 * - every temporary file is staged before the first rename, so a failure (disk full, permissions)
 *   changes nothing, and a run killed half-way leaves whole files plus a journal the next run cleans;
 * - one run at a time (a lock file); every path stays under the output folder;
 * - files the previous manifest lists and this run does not emit are removed; files the user added stay,
 *   and a file specsmith did not generate is never overwritten.
 */
import { closeSync, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { acquireLock, LockHeldError } from "./lock.js";
import { recoverLegacy } from "./legacy.js";
import { escapingAncestor, removableUnder, unsafePathReason } from "./paths.js";
import { scanTree, type EntryKind } from "./tree.js";
import { SILENT, type Progress } from "../progress.js";
import { previousOf, resolveEdits, type EmittedFile, type Resolution } from "./edits.js";
import { compressPack, PACK_FILE, packDigest, packPlain, type PackPlain } from "./pristine.js";
import { MAX_STATE_BYTES, readText, statFile } from "./read.js";
import { INDEX_FILE, indexText, type IndexEntry, type StatIndex } from "./stat-index.js";
import type { WriteCache } from "./write-cache.js";

export const MANIFEST = ".specsmith-manifest.json";

export type OutputFile = EmittedFile;

/** A file as the writer stages it: generated text, or the pristine pack's bytes. */
interface Staged {
  path: string;
  content: string | Uint8Array;
}

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** Things the user should know: leftovers of interrupted runs that were cleaned up. */
  notes: string[];
  /** Generated files in `.specsmithignore`, left as they are. */
  ignored: string[];
  /** Hand-edited files the new generation was merged into. */
  merged: string[];
  /** Hand-edited files that conflict with the new generation: written with conflict markers. */
  conflicts: string[];
}

export class WriteError extends Error {
  override name = "WriteError";
}

interface Manifest {
  generator: "specsmith";
  files: string[];
}

/** The files the manifest in `outDir` lists; entries that are not safe relative paths are ignored. */
export function readManifest(outDir: string): string[] | undefined {
  return parseManifest(readText(join(outDir, MANIFEST), MAX_STATE_BYTES));
}

function parseManifest(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as Manifest;
    if (!Array.isArray(m.files)) return undefined;
    return m.files.filter((f) => typeof f === "string" && unsafePathReason(f) === undefined);
  } catch {
    return undefined;
  }
}

function manifestText(paths: Iterable<string>): string {
  const m: Manifest = { generator: "specsmith", files: [...paths].sort() };
  return JSON.stringify(m, null, 2) + "\n";
}

/**
 * Files whose content on disk differs from what `generate` would write, plus generated files that are
 * now stale. Hand edits count as intended: an edited file differs only if the new generation brings
 * something to merge into it. Ignored files are listed, never compared.
 */
export function diffOutput(outDir: string, files: OutputFile[]): { changed: string[]; missing: string[]; stale: string[]; ignored: string[]; conflicts: string[]; edited: string[] } {
  checkPaths(outDir, files);
  const previous = previousOf(outDir, readManifest(outDir) ?? []);
  const res = resolveEdits(outDir, withBookkeeping(files), previous);
  const pack = packOf(outDir, res);
  const changed: string[] = [];
  const missing: string[] = [];
  for (const f of [...res.files, pack]) {
    if (res.absent.has(f.path) || (f === pack && pack.absent)) missing.push(f.path);
    else if (!res.unchanged.has(f.path) && !(f === pack && pack.unchanged)) changed.push(f.path);
  }
  const manifestNow = readText(join(outDir, MANIFEST), MAX_STATE_BYTES);
  if (manifestNow === undefined) missing.push(MANIFEST);
  else if (manifestNow !== manifestText(current(res))) changed.push(MANIFEST);
  const now = new Set(res.files.map((f) => f.path));
  const stale = previous.listed.filter((p) => !now.has(p) && p !== PACK_FILE && !res.keep.has(p) && readIfFile(join(outDir, p)) !== undefined);
  return { changed, missing, stale, ignored: res.ignored, conflicts: res.conflicts, edited: res.edited };
}

/**
 * The pristine pack this run leaves: unchanged when it holds the same texts (by digest), else packed
 * anew (lazily; `cache`: --watch, the packs the last saves built, see packPlain).
 */
function packOf(root: string, res: Resolution<OutputFile>, cache?: WriteCache): Staged & { unchanged: boolean; absent: boolean; plain: () => PackPlain } {
  const onDisk = packDigest(join(root, PACK_FILE));
  let plain: PackPlain | undefined;
  let bytes: Buffer | undefined;
  const plainOnce = () => (plain ??= packPlain(res.pristine, cache?.pack, cache?.spare));
  return {
    path: PACK_FILE,
    get content() {
      return (bytes ??= compressPack(plainOnce().raw, res.pristineDigest));
    },
    plain: plainOnce,
    unchanged: onDisk === res.pristineDigest,
    absent: statFile(join(root, PACK_FILE)) === undefined,
  };
}

/**
 * The index is a cache of this machine's file stats: `.specsmith/.gitignore` keeps it out of version
 * control wherever the output folder is committed (a clone's stats differ; it would only cost reads).
 */
const GITIGNORE: OutputFile = { path: ".specsmith/.gitignore", content: "# specsmith's cache of this machine's file stats (see the README)\nindex.json\n", verbatim: true };

function withBookkeeping(files: OutputFile[]): OutputFile[] {
  return [...files, GITIGNORE];
}

/** Every path the manifest lists after this run: the generated files, the pack, and the files kept. */
function current(res: Resolution<OutputFile>): Set<string> {
  // Files kept though no longer generated (ignored, or edited) stay listed: still specsmith's to merge or remove.
  return new Set([...listed(res.files), PACK_FILE, ...res.keep]);
}

/** The paths the manifest lists: everything written but the files generated once for the user. */
function listed(files: OutputFile[]): string[] {
  return files.filter((f) => !f.once).map((f) => f.path);
}

/**
 * `inputs`: what the files were generated from, recorded in the index for the next run (see
 * inputs.ts). `cache` (--watch): what this folder's writer knew when the last save ended.
 */
export function writeOutput(outDir: string, files: OutputFile[], inputs?: string, progress: Progress = SILENT, cache?: WriteCache): WriteSummary {
  checkPaths(outDir, files);
  const notes = recoverLegacy(outDir);
  const root = openOutDir(outDir);
  let lock;
  try {
    lock = acquireLock(root);
  } catch (e) {
    if (e instanceof LockHeldError) throw new WriteError(e.message);
    throw fsError(e, outDir);
  }
  try {
    return { ...writeLocked(root, outDir, files, { inputs, progress, journal: lock.journal, cache }), notes };
  } finally {
    lock.release();
  }
}

function writeLocked(
  root: string,
  outDir: string,
  emitted: OutputFile[],
  { inputs, progress, journal, cache }: { inputs: string | undefined; progress: Progress; journal: (temps: string[]) => void; cache: WriteCache | undefined },
): Omit<WriteSummary, "notes"> {
  const manifestNow = readText(join(root, MANIFEST), MAX_STATE_BYTES);
  const previous = previousOf(root, parseManifest(manifestNow) ?? [], cache);
  const res = resolveEdits(root, withBookkeeping(emitted), previous);
  const pack = packOf(root, res, cache);
  const before = new Set(previous.listed);
  const now = current(res);
  const tree = scanTree(root, [...now, ...previous.listed]);
  refuseUserFiles(tree, outDir, res.files, before);
  const links = new Map<string, boolean>();
  for (const f of res.files) {
    const bad = escapingAncestor(root, f.path, links, tree);
    if (bad) throw new WriteError(`${join(outDir, bad)} is a symlink to a folder outside ${outDir}; specsmith does not write through it.\n  hint: replace the link with a real folder`);
  }

  // Only what is not on disk as it should be is written (the index says so without reading most files).
  const changed: Staged[] = res.files.filter((f) => tree.get(f.path) !== "file" || !res.unchanged.has(f.path));
  if (!pack.unchanged || tree.get(PACK_FILE) !== "file") {
    // A file written as generated is written from its bytes in the pack (encoded once for both).
    const { bytes } = pack.plain();
    for (const [i, f] of changed.entries()) {
      const slice = res.records.get(f.path)?.edited ? undefined : bytes.get(f.path);
      if (slice) changed[i] = { path: f.path, content: slice };
    }
    changed.push(pack);
  }
  const union = manifestText(new Set([...previous.listed, ...now]));
  const final = manifestText(now);
  // A file that replaces one goes through a temporary file; a new file is written where it goes
  // (nothing is there to lose), which saves a rename on each of a first generation's files.
  const temps = changed.map((f) => (tree.has(f.path) ? tempOf(f.path) : f.path));
  journal([...temps.filter((t, i) => t !== changed[i].path), tempOf(MANIFEST), tempOf(INDEX_FILE)]);
  // The manifest first lists old and new files: a run killed from here on leaves no generated file
  // looking like the user's. A failure while staging puts the old manifest back.
  const widen = changed.length > 0 && manifestNow !== union;
  if (widen) replaceManifest(root, outDir, union, before, tree);
  let stats: Stats[];
  try {
    stats = stage(root, outDir, changed, temps, before, tree, progress);
  } catch (e) {
    if (widen) {
      if (manifestNow === undefined) rmSync(join(root, MANIFEST), { force: true });
      else replaceManifest(root, outDir, manifestNow, before, tree);
    }
    throw e;
  }
  commit(root, outDir, changed, temps);
  if (cache && changed.includes(pack)) cache.packed(pack.plain());

  let removed = 0;
  for (const p of previous.listed) {
    if (now.has(p) || p === MANIFEST) continue;
    if (removeGenerated(root, p)) removed++;
  }
  // The manifest on disk is what was there, or the widened one written above.
  if ((widen ? union : manifestNow) !== final) replaceManifest(root, outDir, final, before, tree);
  writeIndex(root, outDir, { res, changed, stats, inputs }, previous.index, before, tree, cache);
  // Counted: the target's files, not the writer's own bookkeeping (the pack, its .gitignore).
  const ours = (p: string) => p === PACK_FILE || p === GITIGNORE.path;
  const generatedWritten = changed.filter((f) => !ours(f.path)).length;
  return { written: generatedWritten, unchanged: res.files.filter((f) => !ours(f.path)).length - generatedWritten, removed, ignored: res.ignored, merged: res.merged, conflicts: res.conflicts };
}

/**
 * Records what this run left on disk (see stat-index.ts): each written file's stat as it was written,
 * each unchanged one's as it was found. Written last: a run killed before this leaves an index that
 * only costs the next run some reads. Rewritten when anything in it changed, or when some entry was
 * racy (as new as the old index): a later index makes it trusted.
 */
function writeIndex(
  root: string,
  outDir: string,
  run: { res: Resolution<OutputFile>; changed: Staged[]; stats: Stats[]; inputs: string | undefined },
  index: StatIndex,
  generated: Set<string>,
  tree: Map<string, EntryKind>,
  cache: WriteCache | undefined,
): void {
  const entries = new Map<string, IndexEntry>();
  const written = new Map(run.changed.map((f, i) => [f.path, run.stats[i]]));
  for (const f of run.res.files) {
    const rec = run.res.records.get(f.path)!;
    const st = written.get(f.path);
    if (st) entries.set(f.path, { ...rec, size: st.size, mtime: st.mtimeMs });
    else if (rec.size !== undefined && rec.mtime !== undefined) entries.set(f.path, { ...rec, size: rec.size, mtime: rec.mtime });
  }
  // The pack, by the digest of the texts it holds (a stat is enough to tell it was not replaced).
  const packStat = written.get(PACK_FILE) ?? statFile(join(root, PACK_FILE));
  if (packStat) entries.set(PACK_FILE, { digest: run.res.pristineDigest, size: packStat.size, mtime: packStat.mtimeMs });
  const text = indexText(entries, run.inputs);
  const racy = (indexTime: number) => [...entries.values()].some((e) => e.mtime >= indexTime);
  if (text === index.text && !racy(index.mtime)) return;
  const file = [{ path: INDEX_FILE, content: text }];
  const temp = [tempOf(INDEX_FILE)];
  // Files written in the clock tick the index is written in are racy (read again next time): the
  // index is written again once the clock has moved on (Linux's file clock ticks every 1-10 ms), a
  // few times at most, so that the next run can trust every file.
  for (let attempt = 0; attempt < 4; attempt++) {
    const [st] = stage(root, outDir, file, temp, generated, tree);
    commit(root, outDir, file, temp);
    // The index as the next save will find it (renamed into place: a new ctime).
    const now = cache && statFile(join(root, INDEX_FILE));
    if (now) cache!.rememberIndex(now, { entries, mtime: now.mtimeMs, text, ...(run.inputs ? { inputs: run.inputs } : {}) });
    if (!racy(st.mtimeMs)) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4);
  }
}

/** Writes the manifest through a temporary file (already journaled). */
function replaceManifest(root: string, outDir: string, content: string, generated: Set<string>, tree: Map<string, EntryKind>): void {
  const file = [{ path: MANIFEST, content }];
  const temp = [tempOf(MANIFEST)];
  stage(root, outDir, file, temp, generated, tree);
  commit(root, outDir, file, temp);
  tree.set(MANIFEST, "file");
}

/** The temporary file beside `rel`: hidden, and named after this process so a stale one is recognised. */
function tempOf(rel: string): string {
  const dir = dirname(rel);
  const name = `.${basename(rel)}.specsmith-tmp-${process.pid}`;
  return dir === "." ? name : `${dir}/${name}`;
}

/** Writes every temporary file; on any failure removes them and the folders it made, and throws. */
function stage(root: string, outDir: string, staged: Staged[], temps: string[], generated: Set<string>, tree: Map<string, EntryKind>, progress = SILENT): Stats[] {
  const made: string[] = [];
  const stats: Stats[] = [];
  let i = 0;
  try {
    for (; i < staged.length; i++) {
      const target = join(root, staged[i].path);
      makeDirs(root, dirname(staged[i].path), made, generated, tree);
      // A file that is there keeps its mode (a new one gets the umask's); a new file must not
      // appear meanwhile ("wx").
      const inPlace = temps[i] === staged[i].path;
      const mode = tree.get(staged[i].path) === "file" ? modeOf(target) : undefined;
      stats.push(writeStat(join(root, temps[i]), staged[i].content, inPlace ? "wx" : "w", mode));
      if ((i & 255) === 255 || i === staged.length - 1) progress.step(i + 1, staged.length);
    }
  } catch (e) {
    for (let j = 0; j <= i && j < temps.length; j++) rmSync(join(root, temps[j]), { force: true });
    for (const d of made.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty: keep it
      }
    }
    throw fsError(e, join(outDir, staged[Math.min(i, staged.length - 1)]?.path ?? ""));
  }
  return stats;
}

/** Writes a file whole and returns its stat as written (for the index), through one open descriptor. */
function writeStat(path: string, content: string | Uint8Array, flag: "w" | "wx", mode: number | undefined): Stats {
  const fd = openSync(path, flag);
  try {
    // With the encoding given, Node writes a string natively (no Buffer per file).
    writeFileSync(fd, content, typeof content === "string" ? { encoding: "utf8" } : {});
    if (mode !== undefined) fchmodSync(fd, mode);
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames every staged file into place; on a failure the rest of the temporary files are removed. */
function commit(root: string, outDir: string, staged: Staged[], temps: string[]): void {
  for (let i = 0; i < staged.length; i++) {
    if (temps[i] === staged[i].path) continue;
    try {
      renameSync(join(root, temps[i]), join(root, staged[i].path));
    } catch (e) {
      for (let j = i; j < temps.length; j++) if (temps[j] !== staged[j].path) rmSync(join(root, temps[j]), { force: true });
      throw fsError(e, join(outDir, staged[i].path));
    }
  }
}

/** Creates the folders of `relDir`; a stale generated file in the way of a folder is removed. */
function makeDirs(root: string, relDir: string, made: string[], generated: Set<string>, tree: Map<string, EntryKind>): void {
  if (relDir === "." || relDir === "") return;
  const kind = tree.get(relDir);
  // A link here was checked to stay inside the output folder.
  if (kind === "dir" || kind === "link") return;
  const abs = join(root, relDir);
  makeDirs(root, dirname(relDir), made, generated, tree);
  if (generated.has(relDir)) rmSync(abs, { force: true });
  mkdirSync(abs);
  made.push(abs);
  tree.set(relDir, "dir");
}

function modeOf(path: string): number | undefined {
  try {
    const st = lstatSync(path);
    return st.isFile() ? st.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a stale generated file, and the folders that held only it. Never follows a link. */
function removeGenerated(root: string, rel: string): boolean {
  // A manifest entry under a symlinked folder (`shared -> /elsewhere`) would delete outside the folder.
  if (!removableUnder(root, rel)) return false;
  const abs = join(root, rel);
  try {
    const st = lstatSync(abs);
    if (st.isDirectory()) return false;
  } catch {
    return false;
  }
  rmSync(abs, { force: true });
  for (let d = dirname(rel); d !== "." && d !== ""; d = dirname(d)) {
    try {
      rmdirSync(join(root, d));
    } catch {
      break;
    }
  }
  return true;
}

/**
 * The real path of the output folder, created if missing. A file, or a folder without write
 * permission for its owner, is refused: specsmith never replaces either.
 */
function openOutDir(outDir: string): string {
  let st;
  try {
    st = statSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(e, outDir);
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (err) {
      throw fsError(err, outDir);
    }
    return realpathSync(outDir);
  }
  if (!st.isDirectory()) throw new WriteError(`${outDir} is a file, not a folder.\n  hint: choose a folder for the output (it is created if missing)`);
  if ((st.mode & 0o200) === 0) {
    throw new WriteError(`${outDir} is read-only (mode ${(st.mode & 0o777).toString(8)}); specsmith does not write into it.\n  hint: make it writable (chmod u+w) or choose another folder`);
  }
  return realpathSync(outDir);
}

/** Generated paths that hold a file specsmith did not generate (or sit below one). */
function refuseUserFiles(tree: Map<string, EntryKind>, outDir: string, files: OutputFile[], generated: Set<string>): void {
  const clash = new Set<string>();
  const seenDirs = new Set<string>();
  for (const f of files) {
    if (!generated.has(f.path) && tree.has(f.path)) clash.add(f.path);
    for (let d = dirname(f.path); d !== "." && d !== ""; d = dirname(d)) {
      if (seenDirs.has(d)) break;
      seenDirs.add(d);
      const kind = tree.get(d);
      if ((kind === "file" || kind === "other") && !generated.has(d)) clash.add(d);
    }
  }
  if (clash.size > 0) {
    throw new WriteError(
      `${outDir}: refusing to overwrite ${[...clash]
        .sort()
        .map((c) => `"${c}"`)
        .join(", ")}, which specsmith did not generate.\n` + "  hint: move or delete those files, then generate again",
    );
  }
}

/** The bytes of a regular file at `p` (not following a final symlink), or undefined. */
function readIfFile(p: string): Buffer | undefined {
  try {
    if (!lstatSync(p).isFile()) return undefined;
    return readFileSync(p);
  } catch {
    return undefined;
  }
}

/** Refuses unsafe paths before anything is touched. */
function checkPaths(outDir: string, files: OutputFile[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const reason = unsafePathReason(f.path);
    if (reason) throw new WriteError(`${outDir}: cannot write "${f.path.slice(0, 200)}": ${reason}.\n  hint: this is a specsmith bug or a name the spec forces; please report it`);
    // Two paths that differ only in case are one file on macOS and Windows.
    const folded = f.path.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined)
      throw new WriteError(`${outDir}: "${other}" and "${f.path}" differ only in case, so they are one file on some file systems.\n  hint: this is a specsmith bug; please report it`);
    seen.set(folded, f.path);
  }
}

/** A file-system failure as a message that names the path and what to do. */
export function fsError(e: unknown, path: string): WriteError {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof WriteError) return err;
  const hints: Record<string, string> = {
    EACCES: "check the permissions of this path and of the folders above it",
    EPERM: "check the permissions of this path and of the folders above it",
    EROFS: "the file system is read-only; choose another folder",
    ENOSPC: "the disk is full; free some space",
    EDQUOT: "the disk quota is exhausted; free some space",
    ENOTDIR: "a part of this path is a file, not a folder",
    ENAMETOOLONG: "the path is too long for this file system; choose a shorter output folder",
    EEXIST: "something is in the way at this path",
  };
  const code = err?.code ?? "";
  const what = code ? `${code}: ${err.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "")}` : String(err?.message ?? e);
  return new WriteError(`cannot write ${path}: ${what}.\n  hint: ${hints[code] ?? "check the path"}; nothing was changed`);
}
