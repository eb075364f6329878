/**
 * What the writer of one output folder knew when its last run ended, for the next save of
 * `generate --watch`, or what a plain run read before it writes. A shortcut to the same result, never
 * state: whatever is on disk decides.
 * - The stat index as written or read, kept while the file on disk is that one (device, inode, size,
 *   mtime, ctime): reading and checking the 18,000 rows of GitHub's took about 55 ms of each save,
 *   and a plain run read it twice (is the folder up to date; then the writer's view of it).
 * - --watch: a watch on the folders of its files (folder-watch.ts): which files something touched
 *   since the last save looked, the only ones (with those a save writes) it stats again.
 */
import type { Stats } from "node:fs";
import { FolderWatch } from "./folder-watch.js";
import { IndexRows, type StatIndex } from "./stat-index.js";
import { statStamp } from "./read.js";

export class WriteCache {
  private index: { stamp: string; index: StatIndex } | undefined;
  /** The paths of the last files checked (write.ts checkPaths): a save emits the same ones as the last, mostly. */
  private checked: string[] | undefined;
  /** --watch: the manifest's text as last read, and its paths. */
  private manifest: { text: string; listed: string[] } | undefined;
  /** --watch only: a plain run has no next save to tell. */
  readonly folder: FolderWatch | undefined;
  /** --watch: the rows the last index was printed from (stat-index.ts IndexRows). */
  readonly indexRows: IndexRows | undefined;

  constructor(watch = true) {
    this.folder = watch ? new FolderWatch() : undefined;
    this.indexRows = watch ? new IndexRows() : undefined;
  }

  /** The index as last written or read, when the file on disk is still that one (`st`: its stat now). */
  recallIndex(st: Stats): StatIndex | undefined {
    return this.index?.stamp === statStamp(st) ? this.index.index : undefined;
  }

  rememberIndex(st: Stats, index: StatIndex): void {
    this.index = { stamp: statStamp(st), index };
  }

  /**
   * The paths the manifest `text` lists, by `parse`; --watch: the last save's while the text is the
   * same (18,000 paths parsed and checked again took about 10 ms of a save). Read only.
   */
  listed(text: string | undefined, parse: (text: string | undefined) => string[] | undefined): string[] | undefined {
    if (!this.folder || text === undefined) return parse(text);
    if (this.manifest?.text === text) return this.manifest.listed;
    const listed = parse(text);
    this.manifest = listed && { text, listed };
    return listed;
  }

  /** Whether `paths` are, in order, those last found safe (see `checkedPaths`). */
  checkedBefore(paths: readonly { path: string }[]): boolean {
    const last = this.checked;
    if (last === undefined || last.length !== paths.length) return false;
    for (let i = 0; i < last.length; i++) if (last[i] !== paths[i].path) return false;
    return true;
  }

  /** `paths` were found safe: the next save that emits the same ones need not check them again. */
  checkedPaths(paths: readonly { path: string }[]): void {
    this.checked = this.folder ? paths.map((f) => f.path) : undefined;
  }

  /**
   * A plain run of a huge API lets go of the index it read to see whether the folder was up to date:
   * its writer reads it again, rather than every target's rendering running with it in memory
   * (Microsoft Graph's TypeScript SDK's: 45 MB). `--watch` keeps it, from one save to the next.
   */
  forgetHeldIndex(): void {
    if (!this.folder) this.index = undefined;
  }
}
