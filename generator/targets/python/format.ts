/**
 * Python output, as `ruff format` (ruff's formatter, black's style, 88 columns) prints it: every emitted
 * module goes through @wasm-fmt/ruff_fmt, ruff's own formatter compiled to WebAssembly, so generation
 * needs no Python. The runtime modules are kept ruff-formatted in the repository (a test checks them)
 * and copied as they are. The docs' usage snippets are not formatted: they follow the reference pages.
 *
 * For a big SDK the formatter runs on a worker thread, fed each module as soon as it is rendered:
 * WebAssembly would otherwise hold the main thread after the rendering (on GitHub's SDK, 1.9 s after
 * 2.1 s). A small one formats on the main thread: starting a worker and its WebAssembly costs about
 * 85 ms, more than formatting a few hundred modules. So does a regeneration of a big one that
 * renders only a few modules again (a --watch save, an edit that takes the rest from the pack): the
 * worker starts only once WORKER_AFTER modules were rendered that need formatting.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { OffHeapTexts } from "../shared/off-heap.js";
import type { OutputFile } from "../../write/write.js";
import { recalled, type FormatMemo } from "../shared/format-memo.js";

export const RUFF_LINE_WIDTH = 88;

/** Modules (models and operations) from which an SDK's formatting goes to a worker. */
export const WORKER_FROM = 400;

/**
 * Modules to format a run must have rendered before the worker starts; the format step formats them
 * on the main thread (about 0.3 ms each, but for a big resource module).
 */
export const WORKER_AFTER = 64;

/** Modules per message to the worker: fewer messages, and the worker is never long without work. */
const BATCH = 16;

/**
 * Batches sent to the worker and not yet answered, at most, before the rendering waits for it
 * (`breathe`). Without a bound, a rendering faster than the formatter queued every module's text
 * twice over (the copy sent, the formatted copy waiting to come back): Microsoft Graph's Python SDK
 * reached 3 GB while it was rendered.
 */
const MAX_IN_FLIGHT = 8;

/** The worker: formats each batch it is sent, answering `[id, formatted | null, error | null]` per module. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module).then(({ format }) => {
  parentPort.on("message", (batch) => {
    parentPort.postMessage(batch.map(([id, path, content]) => {
      try {
        return [id, format(content, path, { line_width: workerData.width }), null];
      } catch (e) {
        return [id, null, String((e && e.message) || e)];
      }
    }));
  });
});
`;

/** Formats the `.py` modules handed to it on a worker thread; `done()` writes the results back. */
export class RuffFormatter {
  private worker: Worker | undefined;
  /** Modules to format that were seen before the worker started (the format step formats them). */
  private before = 0;
  private readonly files: OutputFile[] = [];
  private batch: [number, string, string][] = [];
  private answered = 0;
  /** Batches posted and not yet answered. */
  private inFlight = 0;
  private failure: Error | undefined;
  /** Who waits for the next answer (breathe, done). */
  private waiters: (() => void)[] = [];

  /**
   * `modules`: how many the SDK will have (below WORKER_FROM, no worker: the format step does it
   * all); `memo`: what the last run of a --watch formatted; `offHeap`: where a formatted module's
   * text may go (off-heap.ts).
   */
  constructor(
    private readonly modules: number,
    private readonly memo?: FormatMemo,
    private readonly offHeap?: OffHeapTexts,
  ) {}

  private startWorker(): Worker {
    const module = pathToFileURL(createRequire(import.meta.url).resolve("@wasm-fmt/ruff_fmt")).href;
    this.worker = new Worker(WORKER, { eval: true, workerData: { module, width: RUFF_LINE_WIDTH } });
    // A generation that fails half-way must not be kept alive by its formatter.
    this.worker.unref();
    this.worker.on("message", (answers: [number, string | null, string | null][]) => {
      for (const [id, code, error] of answers) {
        const f = this.files[id];
        if (code !== null) {
          this.memo?.remember(f.path, f.content, code);
          f.content = code;
          this.offHeap?.move(f);
        }
        // The templates print valid Python; a parse error here is a bug in them, not in the spec.
        else this.failure ??= new Error(`ruff's formatter could not parse the emitted ${f.path}: ${error}`);
      }
      this.answered += answers.length;
      this.inFlight--;
      this.wakeAll();
    });
    this.worker.on("error", (e) => {
      this.failure ??= e;
      this.wakeAll();
    });
    return this.worker;
  }

  /** Hands a module to the worker if it is Python; returns whether it did (the format step then passes it by). */
  start(file: OutputFile): boolean {
    if (this.modules < WORKER_FROM || !file.path.endsWith(".py")) return false;
    if (recalled(file, this.memo)) return true;
    if (!this.worker && this.before++ < WORKER_AFTER) return false;
    this.worker ??= this.startWorker();
    this.batch.push([this.files.length, file.path, file.content]);
    this.files.push(file);
    if (this.batch.length === BATCH) this.flush();
    return true;
  }

  private flush(): void {
    if (this.batch.length && this.worker) {
      this.worker.postMessage(this.batch);
      this.inFlight++;
    }
    this.batch = [];
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  private next(): Promise<void> {
    return new Promise<void>((r) => this.waiters.push(r));
  }

  /**
   * Lets the worker's answers in (the rendering otherwise holds the thread, and they queue up), and
   * waits while it has more than MAX_IN_FLIGHT batches to format.
   */
  async breathe(): Promise<void> {
    if (!this.worker) return;
    await new Promise((r) => setImmediate(r));
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await this.next();
  }

  /** Ends the worker of a generation that failed. */
  abort(): void {
    void this.worker?.terminate();
  }

  /** Resolves once every module handed over is formatted (its content replaced); the worker then ends. */
  async done(): Promise<void> {
    if (!this.worker) return;
    this.flush();
    while (this.answered < this.files.length && !this.failure) await this.next();
    await this.worker.terminate();
    if (this.failure) throw this.failure;
  }
}

/**
 * Formats the `.py` files in place; `skip`: paths already formatted (the runtime's, and those the
 * worker did); `memo`: what the last run of a --watch formatted.
 */
export async function formatPython(files: OutputFile[], skip: ReadonlySet<string>, memo?: FormatMemo): Promise<void> {
  const py = files.filter((f) => f.path.endsWith(".py") && !skip.has(f.path) && !recalled(f, memo));
  if (py.length === 0) return;
  const { format } = await import("@wasm-fmt/ruff_fmt");
  for (const f of py) {
    try {
      const raw = f.content;
      f.content = format(raw, f.path, { line_width: RUFF_LINE_WIDTH });
      memo?.remember(f.path, raw, f.content);
    } catch (e) {
      throw new Error(`ruff's formatter could not parse the emitted ${f.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
