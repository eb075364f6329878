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
import { basename, dirname, join, resolve } from "node:path";
import { acquireLock, LockHeldError } from "./lock.js";
import { recoverLegacy } from "./legacy.js";
import { escapingAncestor, removableUnder, unsafePathReason } from "./paths.js";
import { scanTree, type EntryKind } from "./tree.js";
import { SILENT, type Progress } from "../progress.js";
import { previousOf, resolveEdits, type EmittedFile, type Resolution } from "./edits.js";
import { buildPack, MAX_PACKED, PACK_FILE, packDigest, type BuiltPack } from "./pristine.js";
import { MAX_STATE_BYTES, readBytes, readText, statFile } from "./read.js";
import { INDEX_FILE, indexText, type IndexEntry, type StatIndex } from "./stat-index.js";
import type { WriteCache } from "./write-cache.js";

export const MANIFEST = ".specsmith-manifest.json";

export type OutputFile = EmittedFile;

/** A file's stat as it was written, what the index records of it (a Stats object holds far more). */
type Written = Pick<Stats, "size" | "mtimeMs">;

/** A file as the writer stages it: generated text, or its bytes in the pristine pack (asked for when written). */
interface Staged {
  path: string;
  content: string | Uint8Array | (() => string | Uint8Array);
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
 * anew (lazily), its segments that hold the same texts as the pack on disk copied from it (pack.ts).
 */
function packOf(root: string, res: Resolution<OutputFile>): Staged & { unchanged: boolean; absent: boolean; built: () => BuiltPack } {
  const path = join(root, PACK_FILE);
  const onDisk = packDigest(path);
  let built: BuiltPack | undefined;
  const builtOnce = () => (built ??= buildPack(res.pristine, res.pristineDigest, readBytes(path, MAX_PACKED)));
  return {
    path: PACK_FILE,
    get content() {
      return builtOnce().file();
    },
    built: builtOnce,
    unchanged: onDisk === res.pristineDigest,
    absent: statFile(path) === undefined,
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
  return stageOutput(outDir, files, progress, cache).commit(inputs);
}

/**
 * A target's files staged in its output folder (each beside where it goes, or where it goes when
 * nothing is there), the folder locked until `commit` renames them into place or `abort` removes
 * them. It holds no file's content (under --watch, the pack the next save starts from): a
 * generation of several targets stages each one as soon as it is made, and the next one is
 * generated without the last one's texts in memory.
 */
export interface PendingWrite {
  /** `inputs`: see writeOutput. */
  commit(inputs?: string): WriteSummary;
  /** Removes what was staged and puts the manifest back: the folder is as it was. */
  abort(): void;
}

export function stageOutput(outDir: string, files: OutputFile[], progress: Progress = SILENT, cache?: WriteCache): PendingWrite {
  // (Whether a path is safe, and whether two differ only in case, depends on the paths alone.)
  if (!cache?.checkedBefore(files)) {
    checkPaths(outDir, files);
    cache?.checkedPaths(files);
  }
  const notes = recoverLegacy(outDir);
  const { root, created } = openOutDir(outDir);
  let lock: ReturnType<typeof acquireLock>;
  try {
    lock = acquireLock(root);
  } catch (e) {
    removeEmpty(created);
    if (e instanceof LockHeldError) throw new WriteError(e.message);
    throw fsError(e, outDir);
  }
  let staged: StagedWrite;
  try {
    staged = stageLocked(root, outDir, files, { progress, journal: lock.journal, cache });
  } catch (e) {
    lock.release();
    removeEmpty(created);
    throw e;
  }
  let open = true;
  const done = <T>(fn: () => T): T => {
    if (!open) throw new WriteError(`${outDir}: this generation was already written or given up`);
    open = false;
    try {
      return fn();
    } finally {
      lock.release();
    }
  };
  return {
    commit: (inputs) => done(() => ({ ...staged.commit(inputs), notes })),
    abort: () => {
      if (!open) return;
      done(() => staged.abort());
      // A folder this run made is not left behind, empty, by a run that wrote nothing.
      removeEmpty(created);
    },
  };
}

interface StagedWrite {
  commit(inputs: string | undefined): Omit<WriteSummary, "notes">;
  abort(): void;
}

function stageLocked(
  root: string,
  outDir: string,
  emitted: OutputFile[],
  { progress, journal, cache }: { progress: Progress; journal: (temps: string[]) => void; cache: WriteCache | undefined },
): StagedWrite {
  const manifestNow = readText(join(root, MANIFEST), MAX_STATE_BYTES);
  const previous = previousOf(root, (cache ? cache.listed(manifestNow, parseManifest) : parseManifest(manifestNow)) ?? [], cache);
  const res = resolveEdits(root, withBookkeeping(emitted), previous);
  const pack = packOf(root, res);
  const before = new Set(previous.listed);
  const now = current(res);
  const tree = scanTree(root, [...now, ...previous.listed]);
  refuseUserFiles(tree, outDir, res.files, before);
  // Only a folder reached through a link can lead outside: in a folder with none (a generated SDK's), no path needs a look.
  const links = new Map<string, boolean>();
  for (const f of holdsLink(tree) ? res.files : []) {
    const bad = escapingAncestor(root, f.path, links, tree);
    if (bad) throw new WriteError(`${join(outDir, bad)} is a symlink to a folder outside ${outDir}; specsmith does not write through it.\n  hint: replace the link with a real folder`);
  }

  // Only what is not on disk as it should be is written (the index says so without reading most files).
  const toWrite = res.files.filter((f) => tree.get(f.path) !== "file" || !res.unchanged.has(f.path));
  // A text held as bytes (spilled, as a huge generation's lock is, or recalled) is written from them, never decoded.
  const held = (f: OutputFile): Staged => ({ path: f.path, content: () => f.packed ?? f.content });
  const byPath = (a: Staged, b: Staged) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  // In path order, as a pack's segments are: a huge SDK's texts recalled from a pack opened lazily
  // (pack.ts) unpack each segment once, not once per file (a folder whose files were deleted).
  let changed: Staged[] = toWrite.map(held).sort(byPath);
  // The same texts printed from keys the pack does not hold (a newer specsmith whose files came out
  // the same): written again, or each later run would print every file again for want of its key.
  if (!pack.unchanged || emitted.some((f) => f.rekeyed) || tree.get(PACK_FILE) !== "file") {
    // A file written as generated is written from its bytes in the pack (encoded once for both), in
    // path order as the pack's segments are: each segment is encoded once, and let go after its files.
    const built = pack.built();
    const fromPack = (f: OutputFile): Staged => ({ path: f.path, content: res.records.get(f.path)?.edited ? f.content : () => built.bytesOf(f.path) ?? f.packed ?? f.content });
    changed = toWrite.map(fromPack).sort(byPath);
    changed.push(pack);
  }
  const final = manifestText(now);
  // The same files as the last generation listed (every regeneration that adds or removes none): one text.
  const union = previous.listed.every((p) => now.has(p)) ? final : manifestText(new Set([...previous.listed, ...now]));
  // A file that replaces one goes through a temporary file; a new file is written where it goes
  // (nothing is there to lose), which saves a rename on each of a first generation's files.
  const temps = changed.map((f) => (tree.has(f.path) ? tempOf(f.path) : f.path));
  journal([...temps.filter((t, i) => t !== changed[i].path), tempOf(MANIFEST), tempOf(INDEX_FILE)]);
  // The manifest first lists old and new files: a run killed from here on leaves no generated file
  // looking like the user's. A failure while staging (or a staged write given up) puts the old one back.
  const widen = changed.length > 0 && manifestNow !== union;
  if (widen) replaceManifest(root, outDir, union, before, tree);
  const made: string[] = [];
  let stats: Written[];
  try {
    stats = stage(root, outDir, changed, temps, before, tree, progress, made);
  } catch (e) {
    unwiden(root, outDir, { now: manifestNow, widen }, before, tree);
    throw e;
  }
  // From here on, paths and records only: the texts are on disk.
  return stagedWrite({
    root,
    outDir,
    paths: changed.map((f) => ({ path: f.path })),
    temps,
    made,
    run: { files: res.files.map((f) => f.path), records: res.records, pristineDigest: res.pristineDigest, stats },
    summary: { ignored: res.ignored, merged: res.merged, conflicts: res.conflicts },
    previous: { listed: previous.listed, index: previous.index },
    manifest: { now: manifestNow, union, final, widen },
    before,
    current: now,
    tree,
    cache,
  });
}

/** What a staged write still needs to be committed or given up: no text (see stageLocked). */
interface Staging {
  root: string;
  outDir: string;
  paths: { path: string }[];
  temps: string[];
  made: string[];
  run: { files: string[]; records: Resolution<OutputFile>["records"]; pristineDigest: string; stats: Written[] };
  summary: Pick<WriteSummary, "ignored" | "merged" | "conflicts">;
  previous: { listed: string[]; index: StatIndex };
  manifest: { now: string | undefined; union: string; final: string; widen: boolean };
  before: Set<string>;
  current: Set<string>;
  tree: Map<string, EntryKind>;
  cache: WriteCache | undefined;
}

// Its own function: closures share their scope's variables, and those of stageLocked hold every text.
function stagedWrite(st: Staging): StagedWrite {
  const { root, outDir, paths, temps, manifest, before, tree } = st;
  return {
    commit(inputs) {
      commit(root, outDir, paths, temps);
      // --watch: the folders of the files now generated are watched for the next save (WriteCache).
      st.cache?.folder?.follow(root, st.run.files);
      let removed = 0;
      for (const p of st.previous.listed) {
        if (st.current.has(p) || p === MANIFEST) continue;
        if (removeGenerated(root, p)) removed++;
      }
      // The manifest on disk is what was there, or the widened one written when staging.
      if ((manifest.widen ? manifest.union : manifest.now) !== manifest.final) replaceManifest(root, outDir, manifest.final, before, tree);
      writeIndex(root, outDir, { ...st.run, paths, inputs }, st.previous.index, before, tree, st.cache);
      // Counted: the target's files, not the writer's own bookkeeping (the pack, its .gitignore).
      const ours = (p: string) => p === PACK_FILE || p === GITIGNORE.path;
      const generatedWritten = paths.filter((f) => !ours(f.path)).length;
      return { written: generatedWritten, unchanged: st.run.files.filter((p) => !ours(p)).length - generatedWritten, removed, ...st.summary };
    },
    abort() {
      discard(root, paths, temps, st.made);
      unwiden(root, outDir, manifest, before, tree);
    },
  };
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
  run: { files: string[]; records: Resolution<OutputFile>["records"]; pristineDigest: string; paths: { path: string }[]; stats: Written[]; inputs: string | undefined },
  index: StatIndex,
  generated: Set<string>,
  tree: Map<string, EntryKind>,
  cache: WriteCache | undefined,
): void {
  const entries = new Map<string, IndexEntry>();
  const written = new Map(run.paths.map((f, i) => [f.path, run.stats[i]]));
  for (const path of run.files) {
    const rec = run.records.get(path)!;
    const st = written.get(path);
    if (st) entries.set(path, { ...rec, size: st.size, mtime: st.mtimeMs });
    // (A record with its stat is an entry: the last index's own, for a file left as it was.)
    else if (rec.size !== undefined && rec.mtime !== undefined) entries.set(path, rec as IndexEntry);
  }
  // The pack, by the digest of the texts it holds (a stat is enough to tell it was not replaced).
  const packStat = written.get(PACK_FILE) ?? statFile(join(root, PACK_FILE));
  if (packStat) entries.set(PACK_FILE, { digest: run.pristineDigest, size: packStat.size, mtime: packStat.mtimeMs });
  const text = indexText(entries, run.inputs, cache?.indexRows);
  const racy = (indexTime: number) => {
    for (const e of entries.values()) if (e.mtime >= indexTime) return true;
    return false;
  };
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

/** Puts back the manifest a staging widened (see stageLocked): the one that was there, or none. */
function unwiden(root: string, outDir: string, manifest: { now: string | undefined; widen: boolean }, generated: Set<string>, tree: Map<string, EntryKind>): void {
  if (!manifest.widen) return;
  if (manifest.now === undefined) rmSync(join(root, MANIFEST), { force: true });
  else replaceManifest(root, outDir, manifest.now, generated, tree);
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

/**
 * Writes every temporary file; on any failure removes them and the folders it made, and throws.
 * `made`: filled with the folders it made (to remove them when a staged write is given up).
 */
function stage(root: string, outDir: string, staged: Staged[], temps: string[], generated: Set<string>, tree: Map<string, EntryKind>, progress = SILENT, made: string[] = []): Written[] {
  const stats: Written[] = [];
  let i = 0;
  try {
    for (; i < staged.length; i++) {
      const target = join(root, staged[i].path);
      makeDirs(root, dirname(staged[i].path), made, generated, tree);
      // A file that is there keeps its mode (a new one gets the umask's); a new file must not
      // appear meanwhile ("wx").
      const inPlace = temps[i] === staged[i].path;
      const mode = tree.get(staged[i].path) === "file" ? modeOf(target) : undefined;
      const content = staged[i].content;
      const st = writeStat(join(root, temps[i]), typeof content === "function" ? content() : content, inPlace ? "wx" : "w", mode);
      stats.push({ size: st.size, mtimeMs: st.mtimeMs });
      if ((i & 255) === 255 || i === staged.length - 1) progress.step(i + 1, staged.length);
    }
  } catch (e) {
    discard(root, staged.slice(0, i + 1), temps, made);
    throw fsError(e, join(outDir, staged[Math.min(i, staged.length - 1)]?.path ?? ""));
  }
  return stats;
}

/** Removes staged temporary files (the first `staged.length` of `temps`), then the folders made for them. */
function discard(root: string, staged: { path: string }[], temps: string[], made: string[]): void {
  for (let j = 0; j < staged.length && j < temps.length; j++) rmSync(join(root, temps[j]), { force: true });
  removeEmpty([...made].reverse());
}

/** Removes each of `dirs` (innermost first) that is empty; one that is not is kept, and so are those above it. */
function removeEmpty(dirs: string[]): void {
  for (const d of dirs) {
    try {
      rmdirSync(d);
    } catch {
      // not empty: keep it
    }
  }
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
function commit(root: string, outDir: string, staged: { path: string }[], temps: string[]): void {
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
 * The real path of the output folder, created if missing (`created`: the folders made for it,
 * innermost first). A file, or a folder without write permission for its owner, is refused:
 * specsmith never replaces either.
 */
function openOutDir(outDir: string): { root: string; created: string[] } {
  let st;
  try {
    st = statSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(e, outDir);
    let first: string | undefined;
    try {
      first = mkdirSync(outDir, { recursive: true });
    } catch (err) {
      throw fsError(err, outDir);
    }
    const root = realpathSync(outDir);
    const created: string[] = [];
    for (let d = resolve(outDir); first !== undefined; d = dirname(d)) {
      created.push(d);
      if (d === resolve(first) || d === dirname(d)) break;
    }
    return { root, created };
  }
  if (!st.isDirectory()) throw new WriteError(`${outDir} is a file, not a folder.\n  hint: choose a folder for the output (it is created if missing)`);
  if ((st.mode & 0o200) === 0) {
    throw new WriteError(`${outDir} is read-only (mode ${(st.mode & 0o777).toString(8)}); specsmith does not write into it.\n  hint: make it writable (chmod u+w) or choose another folder`);
  }
  return { root: realpathSync(outDir), created: [] };
}

/** Whether the walked tree holds a symbolic link anywhere. */
function holdsLink(tree: Map<string, EntryKind>): boolean {
  for (const kind of tree.values()) if (kind === "link") return true;
  return false;
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
