/**
 * The pristine text of every generated file (the base a hand edit is merged from) is kept in one
 * compressed pack per output folder, `.specsmith/pristine.pack`, never as a copy beside each file.
 * Brotli at quality 1: GitHub's SDK (75 MB of text, 17,875 files) packs into about 4 MB in about
 * 80 ms (smaller SDKs use quality 5), and a later run unpacks it only when some file carries hand edits.
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
import { brotliCompressSync, brotliDecompress, brotliDecompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { readBytes, readText, statFile } from "./read.js";

export const PACK_FILE = ".specsmith/pristine.pack";
/** Where specsmith 0.1 kept a pristine copy of each generated file. */
export const LEGACY_PRISTINE_DIR = ".specsmith/pristine";

const MAGIC = "specsmith-pristine 1 ";
/** A pack larger than this, packed or unpacked, is not one specsmith wrote (nor worth holding in memory). */
const MAX_PACKED = 512 * 1024 * 1024;
const MAX_UNPACKED = 2 * 1024 * 1024 * 1024 - 1;

/**
 * One text a pack holds: its path, the text, what it was derived from (a derivation key) when it was,
 * its digest (`digestOf`) when known, and its UTF-8 bytes when they come from the last pack as they
 * are (a text recalled from it, never decoded: they are copied into the next pack).
 */
export interface PackEntry {
  readonly path: string;
  readonly content: string;
  readonly key?: string;
  readonly digest?: string;
  readonly packed?: Uint8Array;
}

/** A pack's uncompressed bytes, and each text's entry and its bytes within them (for writing the file from the same bytes). */
export interface PackPlain {
  raw: Buffer;
  bytes: Map<string, Buffer>;
  entries: Map<string, PackEntry>;
}

/**
 * The uncompressed pack of `entries` (path, text), in path order so that the bytes depend on the
 * texts alone. `last` (--watch): the last save's pack, whose bytes for the same path and text are
 * copied instead of encoded (most texts are the very strings the last save wrote); `spare`: a buffer
 * no pack in use holds, written into when it is large enough (fresh memory costs a page fault per
 * 4 KB: on GitHub's 75 MB, more than the copying).
 */
export function packPlain(entries: ReadonlyArray<PackEntry>, last?: PackPlain, spare?: Buffer): PackPlain {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const known = sorted.map((e) => e.packed ?? lastBytes(e, last));
  // One buffer of the exact size, each text encoded into its place once: the writer writes each
  // generated file from its slice, so no text is encoded twice and no buffer is made per file.
  const lengths = sorted.map((e, i) => known[i]?.length ?? Buffer.byteLength(e.content, "utf8"));
  const header = `${JSON.stringify(sorted.map((e, i) => headerEntry(e, lengths[i])))}\n`;
  const size = Buffer.byteLength(header, "utf8") + lengths.reduce((a, b) => a + b, 0);
  // Under --watch (a last pack), fresh memory has room to grow: the next save's pack, a few bytes
  // longer after an edit, still fits in it.
  const raw = spare && spare.length >= size && spare.buffer !== last?.raw.buffer ? spare.subarray(0, size) : last ? Buffer.allocUnsafe(size + (size >> 4)).subarray(0, size) : Buffer.allocUnsafe(size);
  let at = raw.write(header, 0, "utf8");
  const bytes = new Map<string, Buffer>();
  for (let i = 0; i < sorted.length;) {
    const from = known[i];
    if (!from) {
      raw.write(sorted[i].content, at, "utf8");
      bytes.set(sorted[i].path, raw.subarray(at, at + lengths[i]));
      at += lengths[i++];
      continue;
    }
    // A run of texts lying one after the other in the last pack, as they do in this one: one copy
    // for all of them (a call per text costs more than its bytes do).
    const start = at;
    for (let next = from.byteOffset; i < sorted.length && known[i]?.buffer === from.buffer && known[i]!.byteOffset === next; i++) {
      bytes.set(sorted[i].path, raw.subarray(at, at + lengths[i]));
      at += lengths[i];
      next += lengths[i];
    }
    raw.set(new Uint8Array(from.buffer, from.byteOffset, at - start), start);
  }
  return { raw, bytes, entries: new Map(sorted.map((e) => [e.path, e])) };
}

/** The last pack's bytes of `e`'s text (--watch), when it held the same text under that path. */
function lastBytes(e: PackEntry, last: PackPlain | undefined): Buffer | undefined {
  const before = last?.entries.get(e.path);
  return before !== undefined && (before === e || before.content === e.content) ? last!.bytes.get(e.path) : undefined;
}

/** A text's line in the pack's header: path and length, then its key ("" for none) and digest when known. */
function headerEntry(e: PackEntry, length: number): (string | number)[] {
  if (e.digest !== undefined) return [e.path, length, e.key ?? "", e.digest];
  return e.key === undefined ? [e.path, length] : [e.path, length, e.key];
}

/** The pack file: the digest of what it holds on its first line, then the compressed bytes. */
export function compressPack(raw: Buffer, digest: string): Buffer {
  const packed = brotliCompressSync(raw, {
    params: {
      // Quality 1 keeps a huge SDK's pack under 100 ms; a small one affords a tighter pack.
      [constants.BROTLI_PARAM_QUALITY]: raw.length < 8 * 1024 * 1024 ? 5 : 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  return Buffer.concat([Buffer.from(`${MAGIC}${digest}\n`, "utf8"), packed]);
}

/** The pack of `entries` whose digest is `digest`. */
export function encodePack(entries: ReadonlyArray<PackEntry>, digest: string): Buffer {
  return compressPack(packPlain(entries).raw, digest);
}

/** The digest a pack file names on its first line, or undefined (no pack, or not one of ours). */
export function packDigest(path: string): string | undefined {
  // A regular file only: opening a FIFO someone put there would block.
  if (!statFile(path)) return undefined;
  let fd;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(128);
    const line = head.toString("utf8", 0, readSync(fd, head, 0, head.length, 0)).split("\n")[0];
    return line.startsWith(MAGIC) ? line.slice(MAGIC.length) : undefined;
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

/** A pack's paths and their keys, each text decoded when asked for (a generation may need few of them). */
export interface OpenPack {
  /** Every path the pack holds, with the key its text was derived from ("" when none). */
  keys: Map<string, string>;
  text(path: string): string | undefined;
  /** A text as the pack holds it: its UTF-8 bytes, and its digest when the pack records it. */
  packed(path: string): { bytes: Buffer; digest?: string } | undefined;
}

/** The pack in `packed`, or undefined when the bytes are not a pack specsmith wrote. */
export function openPack(packed: Buffer): OpenPack | undefined {
  const body = packBody(packed);
  if (body === undefined) return undefined;
  try {
    return parsePack(brotliDecompressSync(body, { maxOutputLength: MAX_UNPACKED }));
  } catch {
    return undefined;
  }
}

/** openPack with the unpacking on libuv's threads: the main thread goes on meanwhile. */
export function openPackAsync(packed: Buffer): Promise<OpenPack | undefined> {
  const body = packBody(packed);
  if (body === undefined) return Promise.resolve(undefined);
  // One output chunk for the whole text (about 18 times the packed size; the part never written is
  // never touched): zlib hands each chunk to the main thread before it goes on, and a main thread
  // busy loading the spec would hold every 16 KB of it.
  const chunkSize = Math.min(MAX_UNPACKED, Math.max(64 * 1024, body.length * 32));
  return new Promise((resolve) => brotliDecompress(body, { maxOutputLength: MAX_UNPACKED, chunkSize }, (err, raw) => resolve(err ? undefined : parsePack(raw))));
}

/** The compressed part of a pack file (after its first line), or undefined when it is not one. */
function packBody(packed: Buffer): Buffer | undefined {
  const first = packed.indexOf(10);
  if (first < 0 || packed.toString("utf8", 0, MAGIC.length) !== MAGIC) return undefined;
  return packed.subarray(first + 1);
}

/** A pack's uncompressed bytes: its header (paths, lengths, keys), then the texts. */
function parsePack(raw: Buffer): OpenPack | undefined {
  const newline = raw.indexOf(10);
  if (newline < 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(raw.toString("utf8", 0, newline));
  } catch {
    return undefined;
  }
  if (!Array.isArray(header)) return undefined;
  const keys = new Map<string, string>();
  const spans = new Map<string, [number, number, string?]>();
  let at = newline + 1;
  for (const entry of header) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isSafeInteger(entry[1]) || entry[1] < 0) return undefined;
    if (entry.length > 2 && typeof entry[2] !== "string") return undefined;
    // The text's digest, when the packer recorded one (packs written before digests were have none).
    if (entry.length > 3 && typeof entry[3] !== "string") return undefined;
    const end = at + (entry[1] as number);
    if (end > raw.length) return undefined;
    keys.set(entry[0], (entry[2] as string | undefined) ?? "");
    spans.set(entry[0], [at, end, entry[3] as string | undefined]);
    at = end;
  }
  if (at !== raw.length) return undefined;
  return {
    keys,
    text(path) {
      const span = spans.get(path);
      return span && raw.toString("utf8", span[0], span[1]);
    },
    packed(path) {
      const span = spans.get(path);
      return span && { bytes: raw.subarray(span[0], span[1]), ...(span[2] !== undefined ? { digest: span[2] } : {}) };
    },
  };
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
    return openPack(packed) ?? DAMAGED;
  }
}

/** A damaged pack reads as one that holds nothing. */
const DAMAGED: OpenPack = { keys: new Map(), text: () => undefined, packed: () => undefined };

/** A text recalled from a pack: its bytes there, its digest when recorded, and the text itself, decoded when asked for. */
export interface PackedText {
  bytes: Buffer;
  digest?: string;
  text(): string;
}
