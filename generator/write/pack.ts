/**
 * The pristine pack's file format (see pristine.ts for what it is for).
 *
 * A pack is written in segments, each compressed on its own, so that a regeneration that changes a
 * few files compresses again only the segments that hold them and copies the others' compressed
 * bytes from the pack on disk. On GitHub's SDK (79 MB of text in 18,000 files) a one-operation edit
 * packed everything again: about 100 ms of encoding into a fresh 79 MB buffer and 70 ms of brotli,
 * for texts 12 of which had changed.
 *
 * - Line 1: `specsmith-pristine 2 <digest>`, the digest of the texts the pack holds (whether it needs
 *   writing is one small read; compressed bytes never decide whether an output folder is up to date).
 * - Line 2: the segment table, JSON: `[[byteLength, id, digest], …]`. A segment's id is the digest of
 *   what it holds (each text's path, key and digest) and of its compression: the same id, the same
 *   bytes. Its digest is its compressed bytes': a segment damaged on disk is packed anew, not copied.
 * - Then each segment's brotli stream, in order. Unpacked, a segment is a line of JSON, one entry per
 *   text (`[path, byteLength, key, digest]`), then the texts' UTF-8 bytes one after the other.
 *
 * Texts go in path order, and a segment ends after a text whose path hashes to a boundary (one in
 * 128; about 550 KB of GitHub's SDK) or once it holds 1,024 texts: where segments end depends on the
 * paths around it alone, so adding or removing a file changes one segment, not every one after it.
 * A text of 256 KB or more is a segment of its own (it depends on that text alone, too).
 *
 * Version 1 packs (one brotli stream holding one such segment; specsmith before segments) still read.
 */
import { brotliCompressSync, brotliDecompress, brotliDecompressSync, constants } from "node:zlib";
import { digestOf } from "./stat-index.js";

const MAGIC_1 = "specsmith-pristine 1 ";
const MAGIC_2 = "specsmith-pristine 2 ";
/** A pack larger than this unpacked is not one specsmith wrote (nor worth holding in memory). */
const MAX_UNPACKED = 2 * 1024 * 1024 * 1024 - 1;
/** One path in this many ends a segment (see the module's comment). */
const BOUNDARY = 128;
/** A segment ends once it holds this many texts, boundary or not (a count: the same for a text decoded or not). */
const MAX_SEGMENT = 1024;
/**
 * A text this large (UTF-8) is a segment of its own: GitHub's resource pages (1.5 MB for `repos`) sat
 * with 100 others in a 6.8 MB segment, which an edit of any operation packed again (about 100 ms).
 */
const BIG_TEXT = 256 * 1024;
/** Smaller packs afford brotli's quality 5; a huge SDK's keeps quality 1 (GitHub's: about 80 ms for all of it). */
const SMALL_PACK = 8 * 1024 * 1024;

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
  /** The length of `packed`, where it is known without reading the bytes. */
  readonly packedSize?: number;
}

/**
 * A pack being written. Its segments packed anew are built (and compressed) as the writer asks for
 * their texts' bytes, one at a time: GitHub's SDK never has its 79 MB of text encoded in memory at
 * once, Microsoft Graph's Python SDK not its 520 MB.
 */
export interface BuiltPack {
  /**
   * A text's UTF-8 bytes in a segment packed anew (the writer writes the file from them, so that no
   * text is encoded twice); undefined for a text of a segment copied from the last pack. Ask in path
   * order: a segment asked for again is encoded again.
   */
  bytesOf(path: string): Buffer | undefined;
  /** How many segments were packed anew, and how many copied from the last pack. */
  segments: { packed: number; copied: number };
  /** The pack file: the segments not asked for yet compressed now, the others as they are. */
  file(): Buffer;
}

interface Segment {
  id: string;
  entries: PackEntry[];
  /** Its compressed bytes: the last pack's (copied), or once packed anew. */
  body?: Buffer;
  /** The digest of `body`: checked already for a segment copied, computed once for the table otherwise. */
  digest?: string;
}

/**
 * The pack of `entries` (path, text), whose texts' digest is `digest`. `last`: the pack file this one
 * replaces, whose segments are copied where they hold the same texts.
 */
export function buildPack(entries: ReadonlyArray<PackEntry>, digest: string, last?: Buffer): BuiltPack {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const quality = qualityOf(sorted);
  const before = last ? segmentTable(last) : undefined;
  const segments = segmentsOf(sorted).map((group): Segment => {
    const id = digestOf(`${quality}\n${group.map((e) => `${e.path}\0${e.key ?? ""}\0${e.digest ?? digestOf(e.content)}`).join("\n")}`);
    const copied = before?.get(id);
    // Only a segment copied has its bytes checked: the others are never read.
    return copied && copied.digest === digestOf(copied.body) ? { id, entries: group, body: copied.body, digest: copied.digest } : { id, entries: group };
  });
  // Each text of a segment packed anew, by path: its segment's index.
  const anew = new Map<string, number>();
  segments.forEach((s, i) => {
    if (!s.body) for (const e of s.entries) anew.set(e.path, i);
  });
  const packed = segments.length - segments.filter((s) => s.body).length;
  let current: { index: number; bytes: Map<string, Buffer> } | undefined;
  let file: Buffer | undefined;
  const build = (index: number) => {
    const bytes = new Map<string, Buffer>();
    const raw = segmentRaw(segments[index].entries, bytes);
    segments[index].body ??= compress(raw, quality);
    return bytes;
  };
  return {
    bytesOf(path) {
      const index = anew.get(path);
      if (index === undefined) return undefined;
      // The segment before is let go: its texts' bytes are the writer's to drop once written.
      if (current?.index !== index) current = { index, bytes: build(index) };
      return current.bytes.get(path);
    },
    segments: { packed, copied: segments.length - packed },
    file() {
      if (file) return file;
      segments.forEach((s, i) => s.body ?? build(i));
      current = undefined;
      const table = JSON.stringify(segments.map((s) => [s.body!.length, s.id, (s.digest ??= digestOf(s.body!))]));
      return (file = Buffer.concat([Buffer.from(`${MAGIC_2}${digest}\n${table}\n`, "utf8"), ...segments.map((s) => s.body!)]));
    },
  };
}

/** The compression quality of a pack: by the size of all its texts (so the same texts, the same bytes). */
function qualityOf(sorted: PackEntry[]): number {
  let size = 0;
  for (const e of sorted) {
    // A recalled text's size without its bytes (a pack opened lazily unpacks them when asked for).
    size += e.packedSize ?? e.packed?.length ?? Buffer.byteLength(e.content, "utf8");
    if (size >= SMALL_PACK) return 1;
  }
  return 5;
}

/** Sorted entries cut into segments (see the module's comment). */
function segmentsOf(sorted: PackEntry[]): PackEntry[][] {
  const out: PackEntry[][] = [];
  let current: PackEntry[] = [];
  for (const e of sorted) {
    const big = isBig(e);
    if (big && current.length > 0) {
      out.push(current);
      current = [];
    }
    current.push(e);
    if (big || fnv1a(e.path) % BOUNDARY === 0 || current.length >= MAX_SEGMENT) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0 || out.length === 0) out.push(current);
  return out;
}

/**
 * Whether a text's UTF-8 bytes are BIG_TEXT or more: the same answer for a text recalled as bytes and
 * for one printed anew (so the same texts make the same segments). A string's length tells, but for
 * one between a third of the size and the size (UTF-8 takes one to three bytes a UTF-16 unit).
 */
function isBig(e: PackEntry): boolean {
  const size = e.packedSize;
  if (size !== undefined) return size >= BIG_TEXT;
  const units = e.content.length;
  if (units >= BIG_TEXT) return true;
  if (units * 3 < BIG_TEXT) return false;
  return Buffer.byteLength(e.content, "utf8") >= BIG_TEXT;
}

/** FNV-1a over a string's UTF-16 units: a fast hash that is the same on every platform. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A segment's uncompressed bytes: its header line, then each text encoded into its place once (`bytes` gets each one's slice). */
function segmentRaw(group: PackEntry[], bytes: Map<string, Buffer>): Buffer {
  // Each text's bytes asked for once: a spilled text's are read from its file (off-heap.ts).
  const packed = group.map((e) => e.packed);
  const lengths = group.map((e, i) => packed[i]?.length ?? Buffer.byteLength(e.content, "utf8"));
  const header = `${JSON.stringify(group.map((e, i) => [e.path, lengths[i], e.key ?? "", e.digest ?? digestOf(e.content)]))}\n`;
  const raw = Buffer.allocUnsafe(Buffer.byteLength(header, "utf8") + lengths.reduce((a, b) => a + b, 0));
  let at = raw.write(header, 0, "utf8");
  group.forEach((e, i) => {
    const own = packed[i];
    if (own) raw.set(own, at);
    else raw.write(e.content, at, "utf8");
    bytes.set(e.path, raw.subarray(at, at + lengths[i]));
    at += lengths[i];
  });
  return raw;
}

function compress(raw: Buffer, quality: number): Buffer {
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}

/** The digest a pack names on its first line (`head`: at least its first 128 bytes), or undefined. */
export function digestLine(head: string): string | undefined {
  const line = head.split("\n")[0];
  for (const magic of [MAGIC_2, MAGIC_1]) if (line.startsWith(magic)) return line.slice(magic.length);
  return undefined;
}

/** The compressed segments of a pack file, each as its own brotli stream; undefined when the bytes are not a pack. */
function segmentBodies(file: Buffer): { id: string; body: Buffer; digest?: string }[] | undefined {
  const first = file.indexOf(10);
  if (first < 0) return undefined;
  const magic = file.toString("utf8", 0, MAGIC_2.length);
  if (magic === MAGIC_1) return [{ id: "", body: file.subarray(first + 1) }];
  if (magic !== MAGIC_2) return undefined;
  const second = file.indexOf(10, first + 1);
  if (second < 0) return undefined;
  let table: unknown;
  try {
    table = JSON.parse(file.toString("utf8", first + 1, second));
  } catch {
    return undefined;
  }
  if (!Array.isArray(table)) return undefined;
  const out: { id: string; body: Buffer; digest?: string }[] = [];
  let at = second + 1;
  for (const row of table) {
    if (!Array.isArray(row) || !Number.isSafeInteger(row[0]) || row[0] < 0 || typeof row[1] !== "string") return undefined;
    out.push({ id: row[1], body: file.subarray(at, at + row[0]), ...(typeof row[2] === "string" ? { digest: row[2] } : {}) });
    at += row[0];
  }
  return at === file.length ? out : undefined;
}

/** A pack's segments by id, for the next pack to copy (if their bytes are still their digest's). */
function segmentTable(file: Buffer): Map<string, { body: Buffer; digest?: string }> | undefined {
  const bodies = segmentBodies(file);
  return bodies && new Map(bodies.filter((b) => b.id !== "").map((b) => [b.id, b]));
}

/** A pack's paths and their keys, each text decoded when asked for (a generation may need few of them). */
export interface OpenPack {
  /** Every path the pack holds, with the key its text was derived from ("" when none). */
  keys: Map<string, string>;
  text(path: string): string | undefined;
  /**
   * A text as the pack holds it: its UTF-8 bytes (unpacked when asked for, in a pack opened lazily),
   * their length, and its digest when the pack records it.
   */
  packed(path: string): { size: number; bytes(): Buffer; digest?: string } | undefined;
}

/**
 * A pack file this large (compressed) is opened lazily (openPack's `lazy`): Microsoft Graph's are 29
 * and 30 MB, holding 600 and 680 MB of text, which a regeneration held unpacked for both SDKs at
 * once (3.3 GB resident) and used a few MB of. GitHub's is 5 MB.
 */
export const LAZY_FROM = 16 * 1024 * 1024;

/** Segments unpacked again kept at a time, in a pack opened lazily (the writer asks in path order, segment after segment). */
const KEPT_SEGMENTS = 4;

/**
 * The pack in `file`, or undefined when the bytes are not a pack specsmith wrote (or are damaged).
 * `lazy`: each segment is unpacked once, for its texts' paths, keys and sizes, and let go; its texts
 * are unpacked again when one of them is asked for (a regeneration recalls nearly every text by its
 * key, and reads the bytes of those whose segment the next pack builds again).
 */
export function openPack(file: Buffer, lazy = false): OpenPack | undefined {
  const bodies = segmentBodies(file);
  if (!bodies) return undefined;
  const pack = new SegmentedPack();
  try {
    if (!lazy) return pack.read(bodies.map((b) => unpackSync(b.body)));
    for (const [i, b] of bodies.entries()) if (!pack.readSegment(unpackSync(b.body), i)) return undefined;
  } catch {
    return undefined;
  }
  return pack.unpackingAgain((i) => unpackSync(bodies[i].body));
}

/** openPack with the unpacking on libuv's threads, the segments side by side: the main thread goes on meanwhile. */
export async function openPackAsync(file: Buffer): Promise<OpenPack | undefined> {
  const bodies = segmentBodies(file);
  if (!bodies) return undefined;
  const raws = await Promise.all(bodies.map(({ body }) => unpack(body)));
  return raws.every((r) => r !== undefined) ? new SegmentedPack().read(raws as Buffer[]) : undefined;
}

function unpackSync(body: Buffer): Buffer {
  return brotliDecompressSync(body, { maxOutputLength: MAX_UNPACKED });
}

function unpack(body: Buffer): Promise<Buffer | undefined> {
  // One output chunk for the whole segment (about 18 times its packed size; the part never written is
  // never touched): zlib hands each chunk to the main thread before it goes on, and a main thread
  // busy loading the spec would hold every 16 KB of it.
  const chunkSize = Math.min(MAX_UNPACKED, Math.max(64 * 1024, body.length * 32));
  return new Promise((resolve) => brotliDecompress(body, { maxOutputLength: MAX_UNPACKED, chunkSize }, (err, raw) => resolve(err ? undefined : raw)));
}

/** Where a text is: its segment (by index), its bytes' span in the segment unpacked, its digest when recorded. */
interface Span {
  segment: number;
  start: number;
  end: number;
  digest?: string;
}

/** The texts of a pack's segments, unpacked: held (read), or unpacked again when asked for (unpackingAgain). */
class SegmentedPack implements OpenPack {
  readonly keys = new Map<string, string>();
  private readonly spans = new Map<string, Span>();
  private rawOf: (segment: number) => Buffer = () => Buffer.alloc(0);

  /** The pack of these unpacked segments, held; undefined when one is not a segment specsmith wrote. */
  read(raws: Buffer[]): OpenPack | undefined {
    for (const [i, raw] of raws.entries()) if (!this.readSegment(raw, i)) return undefined;
    this.rawOf = (i) => raws[i];
    return this;
  }

  /** The pack, each segment unpacked again by `unpack` when a text of it is asked for (the last few kept). */
  unpackingAgain(unpack: (segment: number) => Buffer): OpenPack {
    const kept = new Map<number, Buffer>();
    this.rawOf = (i) => {
      let raw = kept.get(i);
      if (raw === undefined) {
        raw = unpack(i);
        if (kept.size >= KEPT_SEGMENTS) kept.delete(kept.keys().next().value!);
        kept.set(i, raw);
      }
      return raw;
    };
    return this;
  }

  text(path: string): string | undefined {
    const s = this.spans.get(path);
    return s && this.rawOf(s.segment).toString("utf8", s.start, s.end);
  }

  packed(path: string): { size: number; bytes(): Buffer; digest?: string } | undefined {
    const s = this.spans.get(path);
    if (!s) return undefined;
    return { size: s.end - s.start, bytes: () => this.rawOf(s.segment).subarray(s.start, s.end), ...(s.digest !== undefined ? { digest: s.digest } : {}) };
  }

  /** Reads unpacked segment `segment` (header line, then the texts); false when it is not one. */
  readSegment(raw: Buffer, segment: number): boolean {
    const newline = raw.indexOf(10);
    if (newline < 0) return false;
    let header: unknown;
    try {
      header = JSON.parse(raw.toString("utf8", 0, newline));
    } catch {
      return false;
    }
    if (!Array.isArray(header)) return false;
    let at = newline + 1;
    for (const entry of header) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isSafeInteger(entry[1]) || entry[1] < 0) return false;
      if (entry.length > 2 && typeof entry[2] !== "string") return false;
      // The text's digest, when the packer recorded one (version 1 packs written before digests were have none).
      if (entry.length > 3 && typeof entry[3] !== "string") return false;
      const end = at + (entry[1] as number);
      if (end > raw.length) return false;
      this.keys.set(entry[0], (entry[2] as string | undefined) ?? "");
      this.spans.set(entry[0], { segment, start: at, end, ...(entry[3] !== undefined ? { digest: entry[3] as string } : {}) });
      at = end;
    }
    return at === raw.length;
  }
}
