/**
 * `generate --watch`: what the writer of one output folder knew when its last run ended, for the
 * next save. Both are shortcuts to the same result, never state: whatever is on disk decides.
 * - The stat index as written, kept while the file on disk is that one (device, inode, size, mtime,
 *   ctime): reading and checking the 18,000 rows of GitHub's took about 55 ms of each save.
 * - The pristine pack's texts and their bytes: a text equal to the last run's is copied into the new
 *   pack rather than encoded again, and into the memory of the pack before (about 100 ms of each
 *   save on GitHub's 75 MB of text, most of it page faults on fresh memory).
 */
import type { Stats } from "node:fs";
import type { PackPlain } from "./pristine.js";
import type { StatIndex } from "./stat-index.js";
import { statStamp } from "./read.js";

export class WriteCache {
  private index: { stamp: string; index: StatIndex } | undefined;
  /** The last pack this folder's writer built (its texts, and each one's bytes). */
  pack: PackPlain | undefined;
  /** The pack before it: its memory is the next pack's (packPlain's `spare`). */
  spare: Buffer | undefined;

  /** The pack this save wrote: the next save copies from it, into the one before. */
  packed(plain: PackPlain): void {
    if (plain === this.pack) return;
    const raw = this.pack?.raw;
    // Only a pack's own allocation (a small one may share Node's buffer pool with other buffers),
    // whole: the next pack may be larger than the view this one had of it.
    this.spare = raw && raw.length >= OWN_ALLOCATION ? Buffer.from(raw.buffer, 0, raw.buffer.byteLength) : undefined;
    this.pack = plain;
  }

  /** The index as last written or read, when the file on disk is still that one (`st`: its stat now). */
  recallIndex(st: Stats): StatIndex | undefined {
    return this.index?.stamp === statStamp(st) ? this.index.index : undefined;
  }

  rememberIndex(st: Stats, index: StatIndex): void {
    this.index = { stamp: statStamp(st), index };
  }
}

/** A buffer this large never comes from Node's pool (Buffer.poolSize is 8 KB). */
const OWN_ALLOCATION = 1024 * 1024;
