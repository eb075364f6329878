/**
 * Custom code kept across regeneration, decided before anything is written:
 * - `.specsmithignore` (gitignore syntax, matched by the `ignore` package, eslint's): generated files
 *   the user has taken over are never written again;
 * - files generated once (hook registration): written only where nothing is;
 * - hand edits: the pristine text of every generated file is kept under `.specsmith/pristine/`; a file
 *   that differs from it was edited, and is merged three ways (pristine, the user's file, the new
 *   generation) by node-diff3. A conflict is written with diff3-style markers, losing neither side.
 */
import { readFileSync, lstatSync } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { mergeDiff3 } from "node-diff3";

export const IGNORE_FILE = ".specsmithignore";
export const PRISTINE_DIR = ".specsmith/pristine";

/** A file a target emits. */
export interface EmittedFile {
  path: string;
  content: string;
  /** Generated once for the user to own (e.g. hook registration): never overwritten, never listed. */
  once?: boolean;
  /** Already carries the user's text or is bookkeeping (changelog, lock): written as it is, never merged. */
  verbatim?: boolean;
}

export interface Resolution<F extends EmittedFile> {
  /** What to write: generated files (merged where edited) and their pristine copies. */
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
  /** Paths in `files` whose text on disk is already what they get (nothing to write). */
  unchanged: Set<string>;
}

/** Paths the ignore file can never take over: specsmith's own bookkeeping. */
const OWN = /^(\.specsmith(\/|$)|\.specsmith-manifest\.json$|\.specsmith\.lock$)/;

export function ignoreRules(root: string): Ignore {
  const rules = ignore();
  const text = readText(join(root, IGNORE_FILE));
  if (text !== undefined) rules.add(text);
  return rules;
}

/**
 * Resolves what each emitted file becomes on disk. `previous`: the files the last generation listed
 * (to keep the edited or ignored ones that are no longer generated).
 */
export function resolveEdits<F extends EmittedFile>(root: string, files: F[], previous: string[]): Resolution<F> {
  const rules = ignoreRules(root);
  const out: F[] = [];
  const r: Resolution<F> = { files: out, ignored: [], merged: [], conflicts: [], edited: [], keep: new Set(), unchanged: new Set() };
  // Every file pushed here is compared with what was read for it, once.
  const emit = (file: F, onDisk: string | undefined) => {
    out.push(file);
    if (onDisk === file.content) r.unchanged.add(file.path);
  };
  const isIgnored = (p: string) => !OWN.test(p) && rules.ignores(p);
  for (const f of files) {
    if (isIgnored(f.path)) {
      r.ignored.push(f.path);
      continue;
    }
    const disk = readText(join(root, f.path));
    if (f.once) {
      if (disk === undefined && !exists(join(root, f.path))) out.push(f);
      continue;
    }
    if (f.verbatim) {
      emit(f, disk);
      continue;
    }
    const base = readText(join(root, PRISTINE_DIR, f.path));
    emit({ ...f, path: `${PRISTINE_DIR}/${f.path}`, once: false }, base);
    // Not there, never generated with a pristine copy, or as generated: the new generation replaces it.
    if (disk === undefined || base === undefined || disk === base) {
      emit(f, disk);
      continue;
    }
    r.edited.push(f.path);
    if (f.content === base) {
      // Edited, and nothing new to merge; markers left from a conflict keep it a conflict.
      if (CONFLICT.test(disk)) r.conflicts.push(f.path);
      emit({ ...f, content: disk }, disk);
      continue;
    }
    const m = merge3(disk, base, f.content);
    (m.conflict ? r.conflicts : r.merged).push(f.path);
    emit({ ...f, content: m.text }, disk);
  }
  const current = new Set(files.map((f) => f.path));
  for (const p of previous) {
    if (p.startsWith(`${PRISTINE_DIR}/`)) continue;
    if (isIgnored(p)) r.keep.add(p);
    else if (!current.has(p)) {
      const disk = readText(join(root, p));
      const base = readText(join(root, PRISTINE_DIR, p));
      if (disk !== undefined && base !== undefined && disk !== base) {
        r.keep.add(p);
        r.edited.push(p);
      }
    }
  }
  r.edited.sort();
  return r;
}

/** The markers merge3 writes around a conflict, as lines. */
const CONFLICT = /^<<<<<<< yours$[\s\S]*^>>>>>>> generated$/m;

/** Three-way merge of text by lines: the user's side, the common base, the new generation's. */
export function merge3(yours: string, base: string, generated: string): { text: string; conflict: boolean } {
  const lines = (s: string) => s.split("\n");
  const m = mergeDiff3(lines(yours), lines(base), lines(generated), { label: { a: "yours", o: "pristine (last generation)", b: "generated" } });
  return { text: (m.result as string[]).join("\n"), conflict: m.conflict };
}

/** State files (manifest, run journal, leftovers' manifests) are small; a larger one is not ours. */
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/**
 * The text of a regular file (not following a final symlink, so never a FIFO or a device), at most
 * `max` bytes; else undefined.
 */
export function readText(p: string, max = Infinity): string | undefined {
  try {
    const st = lstatSync(p);
    if (!st.isFile() || st.size > max) return undefined;
    return readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
