/**
 * Custom code kept across regeneration, decided before anything is written:
 * - `.specsmithignore` (gitignore syntax, matched by the `ignore` package, eslint's): generated files
 *   the user has taken over are never written again;
 * - files generated once (hook registration): written only where nothing is;
 * - hand edits: a file that differs from what the last generation wrote was edited by hand, and is
 *   merged three ways (its pristine text from the pack, the user's file, the new generation) by
 *   node-diff3. A conflict is written with diff3-style markers, losing neither side.
 *
 * The stat index tells which files are as the last run wrote them without reading them, so a
 * regeneration reads only the files touched since, and the pack only when one of them was edited.
 */
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { mergeDiff3 } from "node-diff3";
import { LEGACY_PRISTINE_DIR, PACK_FILE, PristineStore, type PackEntry } from "./pristine.js";
import { readFile, readText, statFile } from "./read.js";
import { digestOf, readIndex, unchangedSince, type IndexEntry, type StatIndex } from "./stat-index.js";
import { LOCK } from "./lock.js";
import type { WriteCache } from "./write-cache.js";

export const IGNORE_FILE = ".specsmithignore";

/** A file a target emits. */
export interface EmittedFile {
  path: string;
  content: string;
  /** Generated once for the user to own (e.g. hook registration): never overwritten, never listed. */
  once?: boolean;
  /** Already carries the user's text or is bookkeeping (changelog, lock): written as it is, never merged. */
  verbatim?: boolean;
  /** `digestOf(content)`, when the generation computed it already (for the lock's code digest). */
  digest?: string;
  /** What the file was derived from (targets/shared/derivation.ts), recorded in the pristine pack. */
  key?: string;
  /**
   * Printed from a key the last generation did not record for it (render-memo.ts `derive`): the pack
   * is written again even when its texts are the same, so that it records this run's keys.
   */
  rekeyed?: true;
  /**
   * The text's UTF-8 bytes in the pristine pack it was recalled from, as long as `content` is that
   * text: the next pack copies them (render-memo.ts `packedFile`).
   */
  readonly packed?: Uint8Array;
  /** The length of `packed`, known without reading the bytes (a spilled text's are on disk, a lazily opened pack's still packed). */
  readonly packedSize?: number;
}

/** What the index will record of a file this run leaves on disk; size and mtime once known. */
export type Record = Omit<IndexEntry, "size" | "mtime"> & Partial<Pick<IndexEntry, "size" | "mtime">>;

export interface Resolution<F extends EmittedFile> {
  /** What to write: generated files (merged where edited). */
  files: F[];
  /** Generated paths left alone: in `.specsmithignore`. */
  ignored: string[];
  /** Edited files the new generation was merged into cleanly. */
  merged: string[];
  /** Edited files that conflict with the new generation: written with markers. */
  conflicts: string[];
  /** Every generated file that carries hand edits (kept: merged, or nothing new to merge), sorted. */
  edited: string[];
  /** Previously generated files to keep though no longer generated: ignored, or edited. */
  keep: Set<string>;
  /** Paths in `files` whose bytes on disk are already what they get (nothing to write). */
  unchanged: Set<string>;
  /** Paths in `files` with nothing on disk yet. */
  absent: Set<string>;
  /** Per path in `files`: the digest of what it gets, and its stat when it is unchanged. */
  records: Map<string, Record>;
  /** The pristine text of every generated file (path, text, derivation key): the next pack. */
  pristine: PackEntry[];
  /** The digest of `pristine`: whether the pack needs writing. */
  pristineDigest: string;
}

/** Paths the ignore file can never take over: specsmith's own bookkeeping. */
const OWN = /^(\.specsmith(\/|$)|\.specsmith-manifest\.json$|\.specsmith\.lock$)/;

export function ignoreRules(root: string): Ignore | undefined {
  const text = readText(join(root, IGNORE_FILE));
  return text === undefined ? undefined : ignore().add(text);
}

/** The previous run's knowledge of an output folder: its stat index and its pristine texts. */
export interface Previous {
  /** The files the last generation listed (to keep the edited or ignored ones no longer generated). */
  listed: string[];
  index: StatIndex;
  store: PristineStore;
  /** The output folder holds nothing at all (a first generation): no path needs looking at. */
  empty: boolean;
  /** --watch: whether nothing touched a path since the last save looked (WriteCache's FolderWatch). */
  untouched?: (path: string) => boolean;
}

export function previousOf(root: string, listed: string[], cache?: WriteCache): Previous {
  const previous: Previous = { listed, index: readIndex(root, cache), store: new PristineStore(root), empty: isEmptyFolder(root) };
  // The files the last generation recorded are the ones this save looks at: their folders are
  // watched from now on, so that the next save trusts them once this one is committed.
  if (cache?.folder) previous.untouched = cache.folder.look(root, previous.index.entries.keys());
  return previous;
}

/** Whether `root` has no entries but the run's own lock (or is not there yet). */
function isEmptyFolder(root: string): boolean {
  try {
    // The writer takes the folder's lock before it looks: a first generation's folder holds only that.
    return readdirSync(root).every((name) => name === LOCK);
  } catch {
    return true;
  }
}

/** What is on disk at a path: nothing, the bytes the index records, or text read (and its stat). */
type OnDisk = { kind: "absent"; entry?: undefined } | { kind: "recorded"; entry: IndexEntry; text?: string } | { kind: "read"; text: string; size: number; mtime: number; entry?: IndexEntry };

function look(root: string, path: string, index: StatIndex): OnDisk {
  const abs = join(root, path);
  const st = statFile(abs);
  if (!st) return { kind: "absent" };
  const entry = index.entries.get(path);
  if (unchangedSince(entry, st, index)) return { kind: "recorded", entry: entry! };
  const file = readFile(abs);
  if (!file) return { kind: "absent" };
  // Touched (a checkout, a copy) but the same bytes: as written, and recorded with its new stat.
  if (entry && file.size === entry.size && digestOf(file.text) === entry.digest) return { kind: "recorded", entry: { ...entry, size: file.size, mtime: file.mtime }, text: file.text };
  return { kind: "read", ...file, ...(entry ? { entry } : {}) };
}

/**
 * --watch: a file the new generation leaves as the last one wrote it (same digest, no hand edits),
 * untouched since the last save looked: as the index records it, without a stat. Every file that
 * may be written is looked at.
 */
function unwritten(path: string, digest: string, previous: Previous): OnDisk | undefined {
  const entry = previous.untouched && previous.index.entries.get(path);
  return entry && entry.digest === digest && !entry.edited && previous.untouched!(path) ? { kind: "recorded", entry } : undefined;
}

/** Resolves what each emitted file becomes on disk, given what the previous run left. */
export function resolveEdits<F extends EmittedFile>(root: string, files: F[], previous: Previous): Resolution<F> {
  const rules = ignoreRules(root);
  const r: Resolution<F> = {
    files: [],
    ignored: [],
    merged: [],
    conflicts: [],
    edited: [],
    keep: new Set(),
    unchanged: new Set(),
    absent: new Set(),
    records: new Map(),
    pristine: [],
    pristineDigest: "",
  };
  // Without a .specsmithignore nothing is (asking the empty rules cost 15 ms a save on GitHub's 18,000 files).
  const isIgnored = rules ? (p: string) => !OWN.test(p) && rules.ignores(p) : () => false;
  const pristineDigests: string[] = [];
  for (const f of files) {
    if (isIgnored(f.path)) {
      r.ignored.push(f.path);
      continue;
    }
    if (f.once) {
      if (previous.empty || !exists(join(root, f.path))) r.files.push(f);
      continue;
    }
    // Kept on the file: the pack records it, and a text recalled from the pack already has it.
    const digest = (f.digest ??= digestOf(f.content));
    if (!f.verbatim) {
      r.pristine.push(f);
      // The texts decide whether the pack is rewritten, not their keys: a newer specsmith that
      // generates the same files leaves the pack (and `--check`) as it was; its keys catch up
      // when a text changes (until then, only the last keys' files are taken from it).
      pristineDigests.push(`${f.path}\0${digest}`);
    }
    resolveOne(r, f, digest, previous.empty ? { kind: "absent" } : (unwritten(f.path, digest, previous) ?? look(root, f.path, previous.index)), previous.store, root);
  }
  pristineDigests.sort();
  r.pristineDigest = digestOf(pristineDigests.join("\n"));
  keepEditedLeftovers(r, root, files, previous, isIgnored);
  r.edited.sort();
  return r;
}

/** One emitted file: written as generated, left as it is, or merged with the user's edits. */
function resolveOne<F extends EmittedFile>(r: Resolution<F>, f: F, digest: string, disk: OnDisk, store: PristineStore, root: string): void {
  const emit = (file: F, fileDigest: string, edited: boolean) => {
    r.files.push(file);
    if (disk.kind === "absent") r.absent.add(file.path);
    const same = disk.kind === "recorded" ? disk.entry.digest === fileDigest : disk.kind === "read" && disk.text === file.content;
    const stat = disk.kind === "recorded" ? disk.entry : disk.kind === "read" ? disk : undefined;
    if (same) r.unchanged.add(file.path);
    // A file left as the index records it keeps its entry (no copy for each of 18,000 files a save).
    if (same && disk.kind === "recorded" && !edited && !disk.entry.edited) r.records.set(file.path, disk.entry);
    else r.records.set(file.path, { digest: fileDigest, ...(edited ? { edited } : {}), ...(same && stat ? { size: stat.size, mtime: stat.mtime } : {}) });
  };
  // Nothing there, bookkeeping, or as the last generation wrote it (unedited): the new generation replaces it.
  if (disk.kind === "absent" || f.verbatim || (disk.kind === "recorded" && !disk.entry.edited)) return emit(f, digest, false);
  const text = disk.text ?? readText(join(root, f.path));
  if (text === undefined) return emit(f, digest, false);
  const base = store.get(f.path);
  if (base === undefined) {
    // Never generated with a pristine text (an older folder): the new generation replaces it. But a
    // file this run's index knows was changed since it was written: without its base (the pack was
    // deleted or damaged), both sides are kept as a conflict rather than the edits lost.
    if (!disk.entry) return emit(f, digest, false);
    r.edited.push(f.path);
    r.conflicts.push(f.path);
    const m = merge3(text, "", f.content);
    return emit({ ...f, content: m.text }, digestOf(m.text), true);
  }
  if (text === base) return emit(f, digest, false);
  r.edited.push(f.path);
  if (f.content === base) {
    // Edited, and nothing new to merge; markers left from a conflict keep it a conflict.
    if (CONFLICT.test(text)) r.conflicts.push(f.path);
    return emit({ ...f, content: text }, digestOf(text), true);
  }
  const m = merge3(text, base, f.content);
  (m.conflict ? r.conflicts : r.merged).push(f.path);
  emit({ ...f, content: m.text }, digestOf(m.text), true);
}

/** Previously generated files no longer generated: kept (still listed) when ignored or edited by hand. */
function keepEditedLeftovers<F extends EmittedFile>(r: Resolution<F>, root: string, files: F[], previous: Previous, isIgnored: (p: string) => boolean): void {
  const current = new Set(files.map((f) => f.path));
  for (const p of previous.listed) {
    if (p === PACK_FILE || p.startsWith(`${LEGACY_PRISTINE_DIR}/`)) continue;
    if (isIgnored(p)) {
      r.keep.add(p);
      continue;
    }
    if (current.has(p)) continue;
    const disk = look(root, p, previous.index);
    if (disk.kind === "absent" || (disk.kind === "recorded" && !disk.entry.edited)) continue;
    const text = disk.text ?? readText(join(root, p));
    const base = previous.store.get(p);
    const edited = base === undefined ? disk.entry !== undefined : text !== undefined && text !== base;
    if (text !== undefined && edited) {
      r.keep.add(p);
      r.edited.push(p);
    }
  }
}

/** The markers merge3 writes around a conflict, as lines. */
const CONFLICT = /^<<<<<<< yours$[\s\S]*^>>>>>>> generated$/m;

/** Three-way merge of text by lines: the user's side, the common base, the new generation's. */
export function merge3(yours: string, base: string, generated: string): { text: string; conflict: boolean } {
  const lines = (s: string) => s.split("\n");
  const m = mergeDiff3(lines(yours), lines(base), lines(generated), { label: { a: "yours", o: "pristine (last generation)", b: "generated" } });
  return { text: (m.result as string[]).join("\n"), conflict: m.conflict };
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
