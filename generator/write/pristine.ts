/**
 * The pristine text of every generated file (the base a hand edit is merged from) is kept in one
 * compressed pack per output folder, `.specsmith/pristine.pack`, never as a copy beside each file.
 * Brotli at quality 1: GitHub's SDK (79 MB of text, 18,000 files) packs into about 5 MB (smaller
 * SDKs use quality 5), in segments that a regeneration copies where their texts did not change
 * (the format: pack.ts).
 *
 * The pack starts with a line naming the digest of what it holds, uncompressed: whether it needs
 * rewriting is one small read, and compressed bytes (which another zlib version could lay out
 * differently) never decide whether an output folder is up to date.
 *
 * Each text is recorded with what it was derived from (a derivation key, targets/shared/derivation.ts)
 * when it was: the next generation takes a text whose key is the same from here instead of printing
 * it again. The pack is committed with the output folder, so a fresh clone (CI) has it too. Its
 * digest is its texts': keys alone never make it differ from a fresh generation.
 *
 * Folders written before the pack kept a copy per file under `.specsmith/pristine/`; those copies are
 * read as the base when there is no pack, and the next write removes them (the old manifest lists them).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { LAZY_FROM, buildPack, digestLine, openPack, openPackAsync, type OpenPack } from "./pack.js";
import { readBytes, readText, statFile } from "./read.js";

export { buildPack, openPack, type BuiltPack, type OpenPack, type PackEntry } from "./pack.js";

export const PACK_FILE = ".specsmith/pristine.pack";
/** Where specsmith 0.1 kept a pristine copy of each generated file. */
export const LEGACY_PRISTINE_DIR = ".specsmith/pristine";

/** A pack larger than this is not one specsmith wrote (nor worth holding in memory). */
export const MAX_PACKED = 512 * 1024 * 1024;

/** The pack file of `entries` whose digest is `digest`, made whole (no last pack to copy from). */
export function encodePack(entries: Parameters<typeof buildPack>[0], digest: string): Buffer {
  return buildPack(entries, digest).file();
}

/** The digest a pack file names on its first line, or undefined (no pack, or not one of ours). */
export function packDigest(path: string): string | undefined {
  // A regular file only: opening a FIFO someone put there would block.
  if (!statFile(path)) return undefined;
  let fd;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(128);
    return digestLine(head.toString("utf8", 0, readSync(fd, head, 0, head.length, 0)));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Each path's text in a pack, or undefined when the bytes are not a pack specsmith wrote. */
export function decodePack(packed: Buffer): Map<string, string> | undefined {
  const pack = openPack(packed);
  return pack && new Map([...pack.keys.keys()].map((path) => [path, pack.text(path)!]));
}

/**
 * The previous generation's pristine texts, read on first use: from the pack, else from the copies an
 * older specsmith kept. A damaged pack reads as no base at all (the caller then keeps the user's file).
 */
export class PristineStore {
  private pack: OpenPack | "legacy" | undefined;
  private unpacking: Promise<void> | undefined;
  constructor(private readonly root: string) {}

  /**
   * Starts unpacking the pack off the main thread, for a run that will recall from it: on two cores
   * the unpacking (GitHub's 75 MB: about 0.2 s) then overlaps the loading and planning. `ready()`
   * waits for it. Without a prefetch, the first text asked for unpacks the pack there and then.
   */
  prefetch(): void {
    if (this.pack !== undefined || this.unpacking !== undefined) return;
    // A pack opened lazily (LAZY_FROM) is read on first use: unpacked ahead, it would be held whole.
    if ((statFile(join(this.root, PACK_FILE))?.size ?? 0) >= LAZY_FROM) return;
    const packed = readBytes(join(this.root, PACK_FILE), MAX_PACKED);
    if (packed === undefined) return;
    this.unpacking = openPackAsync(packed).then((pack) => {
      this.pack ??= pack ?? DAMAGED;
    });
  }

  /** Resolves once a prefetch (if any) has unpacked the pack. */
  async ready(): Promise<void> {
    await this.unpacking;
  }

  get(path: string): string | undefined {
    this.pack ??= this.load();
    if (this.pack === "legacy") return readText(join(this.root, LEGACY_PRISTINE_DIR, path));
    return this.pack.text(path);
  }

  /**
   * The last generation's text of `path` when it was derived from `key` (a derivation key), else
   * undefined: what a generation takes instead of printing the file again (RenderMemo), as the pack
   * holds it (its bytes, its digest), the text decoded only if something reads it. The pack is
   * committed with the SDK, so a fresh clone (CI) has it too; what is on disk is the writer's to
   * compare, as for any generated text (a hand edit is merged, a deleted file written again).
   */
  derived(path: string, key: string): PackedText | undefined {
    if (key === "") return undefined;
    this.pack ??= this.load();
    if (this.pack === "legacy" || this.pack.keys.get(path) !== key) return undefined;
    const pack = this.pack;
    const packed = pack.packed(path);
    return packed && { ...packed, text: () => pack.text(path)! };
  }

  private load(): OpenPack | "legacy" {
    const packed = readBytes(join(this.root, PACK_FILE), MAX_PACKED);
    if (packed === undefined) return "legacy";
    return openPack(packed, packed.length >= LAZY_FROM) ?? DAMAGED;
  }
}

/** A damaged pack reads as one that holds nothing. */
const DAMAGED: OpenPack = { keys: new Map(), text: () => undefined, packed: () => undefined };

/** A text recalled from a pack: its bytes there and their length, its digest when recorded, and the text itself, decoded when asked for. */
export interface PackedText {
  size: number;
  bytes(): Buffer;
  digest?: string;
  text(): string;
}
