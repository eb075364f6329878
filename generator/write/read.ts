/**
 * Reading what is in an output folder, safely: a regular file only (never following a final symlink,
 * so never a FIFO or a device), at most a given size; anything else reads as absent.
 */
import { lstatSync, readFileSync, type Stats } from "node:fs";

// A missing file is the common case on a first generation: no exception (with its stack) per path.
const NO_THROW = { throwIfNoEntry: false } as const;

/** State files (manifest, run journal, leftovers' manifests) are small; a larger one is not ours. */
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** The text of a regular file at `p`, at most `max` bytes; else undefined. */
export function readText(p: string, max = Infinity): string | undefined {
  return readFile(p, max)?.text;
}

/** The bytes of a regular file at `p`, at most `max` bytes; else undefined. */
export function readBytes(p: string, max = Infinity): Buffer | undefined {
  try {
    const st = lstatSync(p, NO_THROW);
    if (!st?.isFile() || st.size > max) return undefined;
    return readFileSync(p);
  } catch {
    return undefined;
  }
}

/** A regular file's text with the size and modification time it was read at. */
export interface ReadFile {
  text: string;
  size: number;
  mtime: number;
}

/** The text of a regular file at `p` and its stat, at most `max` bytes; else undefined. */
export function readFile(p: string, max = Infinity): ReadFile | undefined {
  try {
    const st = lstatSync(p, NO_THROW);
    if (!st?.isFile() || st.size > max) return undefined;
    const text = readFileSync(p, "utf8");
    return { text, size: st.size, mtime: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Which file a stat is of, and whether it was written since: a write or a rename onto it changes one
 * of device, inode, size, mtime or ctime. What a --watch keeps of a file is kept while this stays.
 */
export function statStamp(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** The stat of a regular file at `p` (not following a final symlink), else undefined. */
export function statFile(p: string): Stats | undefined {
  try {
    const st = lstatSync(p, NO_THROW);
    return st?.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}
