/**
 * An output folder's files as the last generation wrote them, by what each was derived from (the
 * derivation key the stat index records): a generation takes a file whose key is the same from disk
 * instead of building, printing and formatting it again, when the file is still as written (its size
 * and mtime as recorded, not racy, no hand edits). The index is this machine's cache, so a fresh
 * clone (CI) has none and prints everything, as before.
 */
import { join } from "node:path";
import { readFile } from "./read.js";
import { readIndex, type StatIndex } from "./stat-index.js";
import type { OutputFile } from "./write.js";

export class DiskSource {
  private index: StatIndex | undefined;

  constructor(private readonly root: string) {}

  /** `path` as the last generation wrote it from `key`; undefined when it was not, or is no longer. */
  recall(path: string, key: string): OutputFile | undefined {
    // Read on the first file asked for: a generation that recalls nothing reads no index.
    this.index ??= readIndex(this.root);
    const entry = this.index.entries.get(path);
    if (entry?.key !== key || entry.edited) return undefined;
    const file = readFile(join(this.root, path));
    // As written: the size and mtime recorded, older than the index (a later write in the same clock tick could keep both).
    if (!file || file.size !== entry.size || file.mtime !== entry.mtime || file.mtime >= this.index.mtime) return undefined;
    return { path, content: file.text, digest: entry.digest, key };
  }
}
