/**
 * What a generation keeps of each derived file for the next rendering: the key it was derived from
 * (derivation.ts) and its finished (formatted) text. A save that edits one operation leaves the key
 * of almost every model, function and page as it was; those files are taken from here instead of
 * being built, printed and formatted again (on GitHub's SDKs, most of a save's time). `--watch`
 * keeps a memo per output folder from one save to the next; a plain generation has one of its own,
 * whose first rendering recalls from the pristine pack (PristineStore.derived). Keys are digests of
 * everything a file's view reads, so what is written never depends on the memo.
 */
import type { OutputFile } from "../../write/write.js";
import type { Emitted, PlanBase } from "../target.js";
import { DerivationMemo, Derivations, SAME_KEY, SAME_PLAN, type Keys } from "./derivation.js";
import type { PackedText, PristineStore } from "../../write/pristine.js";
import { FormatMemo } from "./format-memo.js";
import { OffHeapTexts } from "./off-heap.js";
import { asPacked } from "./packed-file.js";

/** The memos a watching run keeps per output folder and hands to its target's emit and format. */
export interface WatchMemo {
  /** --watch only: what each file was formatted from (format-memo.ts). */
  format?: FormatMemo;
  render: RenderMemo;
  /** The keys of a plan's derived files. */
  keys(plan: PlanBase): Keys;
  /** A plain generation's: where finished texts go once a huge SDK holds too many (off-heap.ts). */
  offHeap?: OffHeapTexts;
}

/**
 * --watch: each save's plan is new; its files' keys say which are as the last save's, made from
 * what the last save's were where an entity's JSON is as it was (DerivationMemo). `salt`: what else
 * every file is made from (the build of specsmith, the target's configuration).
 */
export function watchMemo(salt = ""): WatchMemo {
  const derived = new DerivationMemo();
  return { format: new FormatMemo(), render: new RenderMemo(), keys: (plan) => new Derivations(plan, salt, derived) };
}

/**
 * One generation's memo. With a `salt` (a build of specsmith, which records the keys: see
 * watchMemo), each derived file is keyed and may come from disk as the last generation wrote it
 * (RenderMemo.startRun). Without, no key is computed: a patch release renders the same plan again
 * under its new version, and takes every derived file from the first rendering. No format memo: it
 * would hold every file's printed text for the few files printed twice.
 */
export function runMemo(salt?: string, offHeap?: { dir: string; from?: number; huge?: () => void }): WatchMemo {
  const memo: WatchMemo = { render: new RenderMemo(), keys: salt === undefined ? () => SAME_PLAN : (plan) => new Derivations(plan, salt) };
  if (offHeap) memo.offHeap = new OffHeapTexts(offHeap.dir, offHeap.from, offHeap.huge);
  return memo;
}

/**
 * `path` derived from `key`: the file as the last run finished it when its key is the same (no view
 * built, nothing printed or formatted); else undefined, once `print` made the file (remembered for
 * the next run). Without a memo or a key, `print` is all there is.
 */
export function derive(memo: WatchMemo | undefined, key: string | undefined, path: string, print: () => OutputFile, isFile = true): OutputFile | undefined {
  if (key === undefined || !memo) {
    print();
    return undefined;
  }
  const known = memo.render.recall(path, key, isFile);
  if (known) return known;
  const file = print();
  // A key that says what the file is made of is recorded with its text (the pristine pack), for the
  // next generation; the pack held another (or none), so it is written again even if no text changed.
  if (key !== SAME_KEY) {
    file.key = key;
    if (isFile) file.rekeyed = true;
  }
  memo.render.remember(path, key, file);
  return undefined;
}

/**
 * A derived text that is not a file (a usage snippet), named `name` in the memo: the last run's when
 * its key is the same, else `print`'s.
 */
export function deriveText(memo: WatchMemo | undefined, key: string | undefined, name: string, print: () => string): string {
  let made: string | undefined;
  const known = derive(memo, key, name, () => ({ path: name, content: (made = print()) }), false);
  return known ? known.content : made!;
}

/** A file taken from the memo joins the output as it is: formatted already. */
export function keep(emitted: Emitted, file: OutputFile): void {
  emitted.files.push(file);
  (emitted.preformatted as Set<string>).add(file.path);
}

export class RenderMemo {
  /** The last finished run's files (read), and this run's (written, sealed when it finishes). */
  private previous = new Map<string, Entry>();
  private current = new Map<string, Entry>();
  private counts = { recalled: 0, printed: 0, recalledFiles: 0 };
  /** Where a file not in `previous` may be found as the last generation made it (a fresh memo's only source: the pack). */
  private disk: PristineStore | undefined;
  /** How many derived texts the last finished run took from the memo (files among them), and how many it printed. */
  last = { recalled: 0, printed: 0, recalledFiles: 0 };

  /**
   * A new run: what the last finished one left can be recalled (a run that failed left nothing).
   * `disk`: the output folder, for a memo that holds nothing yet (a generation's first rendering).
   */
  startRun(disk?: PristineStore): void {
    this.disk = this.previous.size === 0 ? disk : undefined;
    this.current = new Map();
    this.counts = { recalled: 0, printed: 0, recalledFiles: 0 };
  }

  /**
   * `path` as the last finished run left it, when derived from the same `key`; else undefined.
   * `isFile`: false for a text that is not a file (a usage snippet), which recalledFiles leaves out.
   */
  recall(path: string, key: string, isFile = true): OutputFile | undefined {
    const e = this.previous.get(path);
    if (e === undefined || e.key !== key) return this.fromDisk(path, key, isFile);
    this.counted(isFile);
    this.current.set(path, e);
    if (e.packed) return e.packed;
    return { path, content: e.content!, ...(e.digest !== undefined ? { digest: e.digest } : {}), ...(key !== SAME_KEY ? { key } : {}) };
  }

  private fromDisk(path: string, key: string, isFile: boolean): OutputFile | undefined {
    const text = this.disk?.derived(path, key);
    if (text === undefined) return undefined;
    this.counted(isFile);
    const file = packedFile(path, key, text);
    this.current.set(path, { key, packed: file });
    return file;
  }

  /**
   * `path` was derived from `key` in this run, as `file` (its text is read when the run is sealed,
   * by then formatted). `path` is the file's, or a name of the target's own for a text that is not one.
   */
  remember(path: string, key: string, file: OutputFile): void {
    this.counts.printed++;
    this.current.set(path, { key, file });
  }

  private counted(isFile: boolean): void {
    this.counts.recalled++;
    if (isFile) this.counts.recalledFiles++;
  }

  /** How many files (not snippets) this run has taken from the memo (or the disk) so far. */
  get recalledSoFar(): number {
    return this.counts.recalledFiles;
  }

  /** The paths (and snippet names) the last finished run derived. */
  paths(): string[] {
    return [...this.previous.keys()];
  }

  /** This run finished (its files formatted): what it remembered becomes what the next run recalls. */
  seal(): void {
    for (const e of this.current.values()) {
      // A text held as bytes (spilled: off-heap.ts) stays so: the file is recalled as it is (asking
      // for `packed` would read its bytes back).
      if (e.file && "packed" in e.file) {
        e.packed = e.file;
        e.file = undefined;
      } else if (e.file) {
        e.content = e.file.content;
        e.digest = e.file.digest;
        e.file = undefined;
      }
    }
    this.previous = this.current;
    this.current = new Map();
    this.last = this.counts;
  }
}

interface Entry {
  key: string;
  /** The file as this run emitted it, until the run is sealed. */
  file?: OutputFile;
  content?: string;
  digest?: string;
  /** A file recalled from the pack (packedFile): recalled again as it is, its text still undecoded. */
  packed?: OutputFile;
}

/**
 * A file recalled from the pristine pack, as the pack holds it: its digest when the pack records it,
 * its bytes there (`packed`, which the next pack copies), and its text, decoded when first read. A
 * regeneration after a one-operation edit recalls nearly every file and reads almost none of them:
 * neither decoding nor digesting GitHub's 75 MB again.
 */
export function packedFile(path: string, key: string, text: PackedText): OutputFile {
  return asPacked({ path, key, content: "" }, { bytes: text.bytes, size: text.size, digest: text.digest, text: text.text });
}
