/**
 * What the last run wrote into an output folder, per file: its size, modification time and the digest
 * of its bytes (`.specsmith/index.json`, like git's index). A file whose size and mtime are as
 * recorded is as written, so a regeneration compares digests instead of reading every file; only a
 * file that was touched since is read (and, when its bytes still match, re-recorded).
 *
 * The index is a cache: a missing, damaged or stale one only costs reads, never a wrong result. A file
 * modified in the same clock tick as the index was written could keep its mtime, so (as git does) an
 * entry whose mtime is not older than the index itself is "racy" and always read.
 */
import * as crypto from "node:crypto";
import type { Stats } from "node:fs";
import { join } from "node:path";
import { unsafePathReason } from "./paths.js";
import { MAX_STATE_BYTES, readFile, statFile } from "./read.js";
import type { WriteCache } from "./write-cache.js";

export const INDEX_FILE = ".specsmith/index.json";
const FORMAT = 1;

export interface IndexEntry {
  size: number;
  mtime: number;
  /** Digest of the bytes written (see `digestOf`). */
  digest: string;
  /** The file carries hand edits: what was written is not the generation's pristine text. */
  edited?: boolean;
}

export interface StatIndex {
  entries: Map<string, IndexEntry>;
  /** The index file's own mtime: entries at or after it are racy. */
  mtime: number;
  /** What the previous generation was made from (see `inputsDigest`), when known. */
  inputs?: string;
  /** The index's text as read: rewritten only when the new one differs. */
  text?: string;
}

export const EMPTY_INDEX: StatIndex = { entries: new Map(), mtime: 0 };

type Row = [path: string, size: number, mtime: number, digest: string, edited?: 1];

/** The index of `root`, or an empty one (`cache`: --watch, the index as the last save left it). */
export function readIndex(root: string, cache?: WriteCache): StatIndex {
  if (cache) {
    const st = statFile(join(root, INDEX_FILE));
    const known = st && cache.recallIndex(st);
    if (known) return known;
  }
  const file = readFile(join(root, INDEX_FILE), MAX_STATE_BYTES);
  if (!file) return EMPTY_INDEX;
  try {
    const data = JSON.parse(file.text) as { format?: number; inputs?: unknown; files?: unknown };
    if (data.format !== FORMAT || !Array.isArray(data.files)) return EMPTY_INDEX;
    const entries = new Map<string, IndexEntry>();
    for (const row of data.files as Row[]) {
      if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "number" || typeof row[2] !== "number" || typeof row[3] !== "string") continue;
      // State names only safe paths inside the output folder; anything else is not ours.
      if (unsafePathReason(row[0]) !== undefined) continue;
      entries.set(row[0], { size: row[1], mtime: row[2], digest: row[3], ...(row[4] === 1 ? { edited: true } : {}) });
    }
    const index = { entries, mtime: file.mtime, text: file.text, ...(typeof data.inputs === "string" ? { inputs: data.inputs } : {}) };
    const st = cache && statFile(join(root, INDEX_FILE));
    // Stamped after the read: a file replaced meanwhile is read again next time, never taken for this one.
    if (st && st.mtimeMs === file.mtime && st.size === file.size) cache!.rememberIndex(st, index);
    return index;
  } catch {
    return EMPTY_INDEX;
  }
}

/**
 * The index's text: one row per file, sorted, so that it diffs well if someone commits it. `rows`
 * (--watch): the rows the folder's last index was printed from, most of which a save leaves as they were.
 */
export function indexText(entries: Map<string, IndexEntry>, inputs?: string, rows?: IndexRows): string {
  const printed = rows
    ? rows.print(entries)
    : [...entries]
        .sort((a, b) => byPath(a[0], b[0]))
        .map(([path, e]) => rowText(path, e))
        .join(",\n");
  return `{"format":${FORMAT},${inputs ? `"inputs":${JSON.stringify(inputs)},` : ""}"files":[\n${printed}\n]}\n`;
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rowText(path: string, e: IndexEntry): string {
  return JSON.stringify(e.edited ? [path, e.size, e.mtime, e.digest, 1] : [path, e.size, e.mtime, e.digest]);
}

/**
 * The rows of a folder's last index (--watch): a save writes a few files of GitHub's 18,000, and
 * sorting and printing every row again took about 40 ms of it. The paths stay sorted while they
 * are the same ones, and a row is printed again only when its entry's fields changed. Kept in
 * arrays and updated in place: a map of 18,000 new rows each save cost as much again, most of it
 * in the garbage collector.
 */
export class IndexRows {
  private sorted: string[] = [];
  /** Each path's row, and the entry it was printed from (by position in `sorted`). */
  private rows: string[] = [];
  private from: (IndexEntry | undefined)[] = [];
  private joined = "";

  /** The rows of `entries` in path order, joined as the index prints them. */
  print(entries: Map<string, IndexEntry>): string {
    let changed = false;
    if (entries.size !== this.sorted.length || !this.sorted.every((p) => entries.has(p))) {
      this.sorted = [...entries.keys()].sort(byPath);
      this.rows = this.sorted.map(() => "");
      this.from = this.sorted.map(() => undefined);
      changed = true;
    }
    for (let i = 0; i < this.sorted.length; i++) {
      const entry = entries.get(this.sorted[i])!;
      const last = this.from[i];
      this.from[i] = entry;
      if (last !== undefined && last.size === entry.size && last.mtime === entry.mtime && last.digest === entry.digest && !last.edited === !entry.edited) continue;
      this.rows[i] = rowText(this.sorted[i], entry);
      changed = true;
    }
    if (changed) this.joined = this.rows.join(",\n");
    return this.joined;
  }
}

/** Whether the file at this stat is, byte for byte, what the entry records (without reading it). */
export function unchangedSince(entry: IndexEntry | undefined, st: Stats | undefined, index: StatIndex): boolean {
  return entry !== undefined && st !== undefined && st.size === entry.size && st.mtimeMs === entry.mtime && st.mtimeMs < index.mtime;
}

// `crypto.hash` (Node 20.12+) digests a string in one call, twice as fast as createHash on small files.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: "base64" | "hex") => string }).hash;

/** A digest of text or bytes; SHA-1 is fast and, for telling our own writes apart, collision-safe enough. */
export function digestOf(data: string | Buffer): string {
  return oneShot ? oneShot("sha1", data, "base64") : crypto.createHash("sha1").update(data).digest("base64");
}

/** SHA-256 of a text in hex, in one call where Node has `crypto.hash` (the surface digests every field's docs). */
export function sha256Hex(text: string): string {
  return oneShot ? oneShot("sha256", text, "hex") : crypto.createHash("sha256").update(text).digest("hex");
}
