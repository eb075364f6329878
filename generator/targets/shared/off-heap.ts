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
import type { OutputFile } from "../../write/write.js";
import { digestOf } from "../../write/stat-index.js";
import { asPacked } from "./packed-file.js";

/** Characters of text kept as strings before texts move out (a generation of GitHub's size never gets there). */
export const OFF_HEAP_FROM = 128 * 1024 * 1024;

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
    if (!this.write(0, length, at)) {
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
   */
  spill(file: OutputFile, pieces: Iterable<string>): boolean {
    if (typeof this.fd !== "number" || this.full) return false;
    const at = this.end;
    const hash = createHash("sha1");
    let length = 0;
    let fill = 0;
    const flush = () => {
      hash.update(this.scratch.subarray(0, fill));
      const ok = this.write(0, fill, at + length);
      length += fill;
      fill = 0;
      return ok;
    };
    for (const piece of pieces) {
      // Pieces are gathered in the scratch buffer, and written a buffer at a time.
      if (fill > 0 && fill + piece.length * 3 > this.scratch.length && !flush()) return false;
      fill += fill === 0 ? this.encode(piece) : this.scratch.write(piece, fill, "utf8");
    }
    if (fill > 0 && !flush()) return false;
    this.end += length;
    this.packed(file, at, length, hash.digest("base64"));
    return true;
  }

  /** Writes the scratch buffer's bytes `from` .. `from + length` at `at` in the spill file; false on a full disk. */
  private write(from: number, length: number, at: number): boolean {
    try {
      for (let done = 0; done < length;) done += writeSync(this.fd!, this.scratch, from + done, length - done, at + done);
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
