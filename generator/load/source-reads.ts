/**
 * What a run knows of its source files' bytes before its loader reads them:
 * - `last` (--watch, docs dev): each JSON file as the last run read it, its bytes and data, kept from
 *   run to run for the next read to parse only what a save changed (json-delta.ts);
 * - the bytes this run already read of a file: the up-to-date check hashes the spec's before anything
 *   is generated, and the loader takes them while the file's stat is what it was then, rather than
 *   reading the file again (GitHub's 13 MB: about 40 ms, most of it the new buffer's page faults).
 */
import { lstatSync, readFileSync, type Stats } from "node:fs";
import type { JsonReads } from "./json-delta.js";
import { statStamp } from "../write/read.js";
import { digestOf } from "../write/stat-index.js";

export class SourceReads {
  readonly last: JsonReads | undefined;
  private readonly early = new Map<string, { bytes: Buffer; stamp: string; sha1?: string }>();

  /** `keep`: whether reads are kept for the next run (--watch). */
  constructor(keep: boolean) {
    this.last = keep ? new Map() : undefined;
  }

  /** The bytes of the regular file at `path` (a link is not followed), at most `max`; held for the loader. */
  bytes(path: string, max: number): Buffer | undefined {
    try {
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (!st?.isFile() || st.size > max) return undefined;
      const bytes = readFileSync(path);
      this.early.set(path, { bytes, stamp: statStamp(st) });
      return bytes;
    } catch {
      return undefined;
    }
  }

  /** The SHA-1 digest (digestOf) of the bytes `bytes` read of `path`, taken once for the check and the loader. */
  sha1(path: string, bytes: Buffer): string {
    const early = this.early.get(path);
    if (early?.bytes !== bytes) return digestOf(bytes);
    return (early.sha1 ??= digestOf(bytes));
  }

  /**
   * The bytes read earlier of the file at `path` whose stat is now `st`, when it is the stat they
   * were read at, with their digest if it was taken (handed over once).
   */
  take(path: string, st: Stats): { bytes: Buffer; sha1?: string } | undefined {
    const early = this.early.get(path);
    this.early.delete(path);
    return early && early.stamp === statStamp(st) && early.bytes.length === st.size ? early : undefined;
  }

  /** A run begins: what the last one read and did not hand over is let go. */
  startRun(): void {
    this.early.clear();
  }
}
