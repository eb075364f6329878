/**
 * The finished texts of a huge generation, moved out of the process until they are written.
 *
 * A target's files are all rendered before the writer takes them (it needs them all: the manifest,
 * the pack, hand-edit merging). Microsoft Graph's Python SDK is 676 MB of text: held as strings, its
 * live heap passed 1 GB by the end of the rendering, V8 let the heap grow to 2.2 GB before
 * collecting, and under a 1.2 GB heap limit (what V8 gives a process on a machine of about 5 GB) the
 * generation ran out of memory.
 *
 * Once `from` characters of text are held, each finished text is appended, as UTF-8, to a spill
 * file in the output folder (removed from the folder as soon as it is opened: the open file lives
 * until the process lets go of it, whatever happens to the run), and its file becomes a packed text
 * (packed-file.ts): the pack reads its bytes from the spill file, the writer writes them, and its
 * digest is computed here, so the text is decoded again only if something reads `content` (a
 * hand-edited file being merged). Buffers in memory would not do: V8 counts them as external memory,
 * and collects its heap more often as they grow (Graph's Python SDK took 5 s more).
 *
 * An SDK of ordinary size (GitHub's is 92 MB) stays below `from`: nothing changes for it. Where no
 * file can be made in the output folder, texts stay in memory.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { TextOutside } from "../../release/release.js";
import type { OutputFile } from "../../write/write.js";
import { digestOf } from "../../write/stat-index.js";
import { asPacked } from "./packed-file.js";

/** Characters of text kept as strings before texts move out (a generation of GitHub's size never gets there). */
export const OFF_HEAP_FROM = 128 * 1024 * 1024;

/** Bytes read back at a time from a stashed text. */
const CHUNK = 1 << 20;

/** Closes a spill file once nothing can read from it any more. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

export class OffHeapTexts {
  private fd: number | undefined | null;
  /** A write failed (a full disk): texts stay in memory from then on; those moved out stay readable. */
  private full = false;
  private end = 0;
  private held = 0;
  /** One buffer to encode each text into before it is written (none allocated per text). */
  private scratch = Buffer.allocUnsafeSlow(1 << 20);
  /** How many texts moved out (the progress line says so). */
  readonly moved = { files: 0 };

  /**
   * `dir`: the output folder (created if missing, and removed again if the run leaves it empty);
   * `huge`: told once, when the first text moves out (the generation is huge).
   */
  constructor(
    private readonly dir: string,
    private readonly from: number = OFF_HEAP_FROM,
    private readonly huge?: () => void,
  ) {}

  /**
   * `file`, whose text is final (formatted), moved out once `from` characters are held. A later
   * change to its content puts that text back in memory (packed-file.ts).
   */
  move(file: OutputFile): void {
    const text = file.content;
    if (this.held < this.from || this.full || this.open() === undefined) {
      this.held += text.length;
      return;
    }
    const length = this.encode(text);
    const at = this.end;
    if (!this.write(this.scratch, length, at)) {
      this.held += text.length;
      return;
    }
    this.end += length;
    const digest = file.digest ?? digestOf(this.scratch.subarray(0, length));
    this.packed(file, at, length, digest);
  }

  /**
   * `file`'s text made of `pieces`, written out piece by piece once texts move out (a huge
   * generation's lock: never held whole); false, with nothing consumed, while they stay in memory
   * (the caller then joins the pieces), or when the write fails part-way (the caller starts again).
   * A piece given as bytes (a stashed text's) is written as it is.
   */
  spill(file: OutputFile, pieces: Iterable<string | Uint8Array>): boolean {
    if (typeof this.fd !== "number" || this.full) return false;
    const at = this.end;
    const written = this.append(pieces);
    if (!written) return false;
    this.packed(file, at, written.length, written.digest);
    return true;
  }

  /**
   * `pieces` written out of memory now, however little is held so far: what a huge generation keeps
   * until its end (a target's surface, from its release's decision to its lock). Undefined where
   * that cannot be (no spill file, a full disk): the caller keeps what it has.
   */
  stash(pieces: Iterable<string>): TextOutside | undefined {
    if (this.full || this.open() === undefined) return undefined;
    const at = this.end;
    const written = this.append(pieces);
    if (!written) return undefined;
    const bytes = () => this.chunks(at, written.length);
    return {
      bytes,
      *text() {
        const utf8 = new StringDecoder("utf8");
        for (const chunk of bytes()) yield utf8.write(chunk as Buffer);
        yield utf8.end();
      },
    };
  }

  /**
   * `pieces` appended to the spill file, gathered in the scratch buffer and written a buffer at a
   * time (bytes as they are); their length and digest, or undefined when a write failed.
   */
  private append(pieces: Iterable<string | Uint8Array>): { length: number; digest: string } | undefined {
    const at = this.end;
    const hash = createHash("sha1");
    let length = 0;
    let fill = 0;
    const put = (bytes: Uint8Array, count: number) => {
      hash.update(bytes.subarray(0, count));
      const ok = this.write(bytes, count, at + length);
      length += count;
      return ok;
    };
    const flush = () => {
      const ok = put(this.scratch, fill);
      fill = 0;
      return ok;
    };
    for (const piece of pieces) {
      if (typeof piece !== "string") {
        if ((fill > 0 && !flush()) || !put(piece, piece.length)) return undefined;
        continue;
      }
      if (fill > 0 && fill + piece.length * 3 > this.scratch.length && !flush()) return undefined;
      fill += fill === 0 ? this.encode(piece) : this.scratch.write(piece, fill, "utf8");
    }
    if (fill > 0 && !flush()) return undefined;
    this.end += length;
    return { length, digest: hash.digest("base64") };
  }

  /** The first `length` bytes of `bytes` written at `at` in the spill file; false on a full disk. */
  private write(bytes: Uint8Array, length: number, at: number): boolean {
    try {
      for (let done = 0; done < length;) done += writeSync(this.fd!, bytes, done, length - done, at + done);
      return true;
    } catch {
      // A full disk: this text and the rest stay in memory.
      this.full = true;
      return false;
    }
  }

  /** `file`, its text now the `length` bytes at `at` in the spill file. */
  private packed(file: OutputFile, at: number, length: number, digest: string): void {
    this.moved.files++;
    asPacked(file, { bytes: () => this.read(at, length), size: length, digest, text: () => this.read(at, length).toString("utf8") });
  }

  /** `text` as UTF-8 at the start of the scratch buffer (grown when it cannot hold it); its length. */
  private encode(text: string): number {
    if (text.length * 3 > this.scratch.length) {
      const size = Buffer.byteLength(text, "utf8");
      if (size > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(size);
    }
    return this.scratch.write(text, 0, "utf8");
  }

  /** The `length` bytes at `at` in the spill file, a megabyte at a time. */
  private *chunks(at: number, length: number): Generator<Uint8Array> {
    for (let done = 0; done < length; done += CHUNK) yield this.read(at + done, Math.min(CHUNK, length - done));
  }

  private read(at: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(this.fd!, bytes, done, length - done, at + done);
      if (n === 0) throw new Error(`specsmith: the spill file ended early (${at + done} of ${at + length})`);
      done += n;
    }
    return bytes;
  }

  /** The spill file, opened on first use; undefined when none can be made. */
  private open(): number | undefined {
    if (this.fd !== undefined) return this.fd ?? undefined;
    this.fd = null;
    let created: string | undefined;
    try {
      created = mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, `.specsmith-spill-${process.pid}-${Math.random().toString(36).slice(2)}`);
      const fd = openSync(path, "wx+", 0o600);
      try {
        unlinkSync(path);
      } catch {
        // A system that keeps an open file's name (Windows): removed when the process exits.
        process.once("exit", () => tryRemove(() => (closeSync(fd), unlinkSync(path))));
      }
      this.fd = fd;
      closer.register(this, fd);
      this.huge?.();
    } catch {
      // Not writable: the texts stay in memory.
    }
    // A folder made for the spill file alone, by a run that then wrote nothing into it, goes again.
    const dir = this.dir;
    if (created !== undefined) process.once("exit", () => removeEmpty(dir, created!));
    return this.fd ?? undefined;
  }
}

/** Removes `dir` and its parents up to `top` (the first folder made for it), while each is empty. */
function removeEmpty(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (readdirSync(d).length > 0) return;
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

function tryRemove(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // Left as it is.
  }
}
