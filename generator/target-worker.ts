/**
 * One target's generation on a worker thread, so that a config with two targets (an SDK in
 * TypeScript and one in Python) renders both at once: each target's planning, rendering and
 * formatting reads the IR and nothing of the other target's, and rendering is most of a generation.
 * The main thread loads the spec and builds the IR once, generates the first target itself, and
 * hands each other target the IR (copied to the worker: 0.35 s for GitHub's, against 1.1 s to
 * load it again).
 *
 * Only a bundled specsmith does this (a worker runs the bundle; the sources need a TypeScript
 * loader), and only where every input crosses threads as data: specsmith's own targets, no
 * `--watch` memos, an API below HUGE_API operations (two huge SDKs at once would hold both in
 * memory). What a target's result holds crosses back as data too: texts the pristine pack gave (a
 * regeneration's unchanged files) as their bytes, decoded only if read.
 */
import { availableParallelism } from "node:os";
import { Worker, parentPort, workerData } from "node:worker_threads";
import type { TargetConfig } from "./config.js";
import { SpecError, UsageError, type Diagnostic } from "./diagnostics.js";
import { currentBuild } from "./inputs.js";
import type { Api } from "./ir/types.js";
import { timingProgress, type Progress } from "./progress.js";
import type { LockFile } from "./release/lock.js";
import { asPacked } from "./targets/shared/packed-file.js";
import type { OutputFile } from "./write/write.js";

/** What one target's generation is given besides the IR (generate.ts `generateOne`). */
export interface TargetJob {
  spec: string;
  overlays: string[] | undefined;
  config: TargetConfig;
  /** The output folder's lock, as the main thread read it (a damaged one stopped the run already). */
  lock: LockFile | undefined;
  /** The spec's digest, and each source file's (the lock and the inputs record take them). */
  digest: string;
  sourceDigests: [string, string][];
  release: boolean | undefined;
  date: string | undefined;
}

/** A target's result as generate.ts makes it, without the IR (the main thread has it). */
type Result = { files: OutputFile[]; api?: Api; warnings?: Diagnostic[] };

/** What a worker posts: progress while it works, then its result or its error. */
type Message = { progress: ["phase", string] | ["share", number, number] } | { result: WireResult; timings: string } | { error: WireError };

type WireFile = Record<string, unknown> & { path: string; bytes?: Uint8Array };
type WireResult = Record<string, unknown> & { files: WireFile[] };

/**
 * Whether targets may be generated at once, as a number of threads: `SPECSMITH_THREADS` when set (1:
 * one target after the other; more: each target after the first on a thread of its own), else the
 * cores of a machine of four or more, else 1. On two cores, measured on GitHub's and Stripe's SDKs,
 * both targets at once took 10-12 % more CPU for 6 % less wall time (the Python target already
 * formats on a thread of its own), and made the whole Clerk API's slower: not worth it there.
 */
export function targetThreads(): { threads: number; forced: boolean } {
  const set = process.env.SPECSMITH_THREADS;
  if (set !== undefined && /^[1-9]\d*$/.test(set)) return { threads: Number(set), forced: true };
  const cores = availableParallelism();
  return { threads: cores >= 4 ? cores : 1, forced: false };
}

/**
 * Whether this run generates targets after the first on worker threads: a bundled specsmith (a
 * worker runs the bundle), more than one thread allowed, and an API big enough that a target takes
 * longer than starting a worker does (about 0.2 s), unless SPECSMITH_THREADS asks for threads.
 */
export function workersFor(targets: number, operations: number): boolean {
  if (targets < 2 || currentBuild() === undefined) return false;
  const { threads, forced } = targetThreads();
  return threads > 1 && (forced || operations >= WORKERS_FROM);
}

/** Operations from which an API's targets are worth generating on threads of their own. */
export const WORKERS_FROM = 100;

/**
 * Starts `job` on a worker; its result once done (with `api` and the API's warnings added back), or
 * its error as the main thread would have thrown it. `progress` is told the worker's steps.
 */
export function startTargetWorker(api: Api, job: TargetJob, progress: Progress): { result: Promise<Result>; stop(): void } {
  // The bundle this code is part of: the worker imports it and runs runTargetJob.
  const cli = import.meta.url;
  const worker = new Worker(`const { workerData } = require("node:worker_threads");\nimport(workerData.cli).then((m) => m.runTargetJob());\n`, {
    eval: true,
    workerData: { cli, api, job },
  });
  const result = new Promise<Result>((resolve, reject) => {
    let settled = false;
    worker.on("message", (m: Message) => {
      if ("progress" in m) {
        if (m.progress[0] === "phase") progress.phase(m.progress[1]);
        else progress.share(m.progress[1], m.progress[2]);
      } else if ("result" in m) {
        settled = true;
        if (m.timings) process.stderr.write(m.timings);
        resolve({ ...fromWire(m.result), api, warnings: api.warnings });
      } else {
        settled = true;
        reject(errorFromWire(m.error));
      }
    });
    worker.on("error", (e) => {
      settled = true;
      reject(e);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the worker generating ${job.config.name} stopped (exit code ${code}) before it was done`));
    });
  });
  // Awaited only once the main thread's own target is done: a failure before then must not count as unhandled (which ends the process).
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

/**
 * The worker's side: runs `generate` on the job it was given, and posts its result or its error.
 * Its step timings (`SPECSMITH_TIMINGS=1`) go with the result, printed together by the main thread.
 */
export async function serveTargetJob(generate: (api: Api, job: TargetJob, progress: Progress) => Promise<Result>): Promise<void> {
  const port = parentPort!;
  const { api, job } = workerData as { api: Api; job: TargetJob };
  let timings = "";
  const progress = process.env.SPECSMITH_TIMINGS ? onThread(timingProgress({ write: (text: string) => (timings += text) })) : forwarded((m) => port.postMessage(m));
  try {
    const result = await generate(api, job, progress);
    progress.end();
    const { api: _api, warnings: _warnings, files, ...rest } = result;
    const message: Message = { result: { ...rest, files: files.map(fileToWire) }, timings };
    port.postMessage(message);
  } catch (e) {
    port.postMessage({ error: errorToWire(e) } satisfies Message);
  }
}

/** Timings that say which steps ran on a worker thread ("rendering python on a worker thread: 5349 ms"). */
function onThread(progress: Progress): Progress {
  return { ...progress, phase: (what) => progress.phase(`${what} on a worker thread`) };
}

/** Progress posted to the main thread; a share at most every 100 ms (a rendering reports thousands). */
function forwarded(post: (m: Message) => void): Progress {
  let last = 0;
  return {
    phase: (what) => post({ progress: ["phase", what] }),
    share(done, total) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      post({ progress: ["share", done, total] });
    },
    step() {},
    end() {},
  };
}

/**
 * A file as data: its own fields, and its text, or the bytes the pristine pack holds of it (a file
 * whose `content` is read from them: decoding them here would only have them encoded again).
 */
export function fileToWire(file: OutputFile): WireFile {
  const wire: WireFile = { path: file.path };
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(file))) if (d.enumerable && "value" in d && name !== "content") wire[name] = d.value;
  const bytes = file.packed;
  if (bytes) wire.bytes = bytes;
  else wire.content = file.content;
  return wire;
}

function fromWire(wire: WireResult): Result {
  return { ...wire, files: wire.files.map(fileFromWire) } as Result;
}

const DECODER = new TextDecoder();

/** A file as fileToWire made it data, back: the pack's bytes decoded only when its content is read. */
export function fileFromWire({ bytes, ...wire }: WireFile): OutputFile {
  if (!bytes) return wire as unknown as OutputFile;
  return asPacked({ ...wire, content: "" } as OutputFile, {
    bytes: () => bytes,
    size: bytes.length,
    ...(typeof wire.digest === "string" ? { digest: wire.digest } : {}),
    text: () => DECODER.decode(bytes),
  });
}

type WireError = { name: string; message: string; stack?: string; diagnostics?: Diagnostic[] };

/** An error as data: its name, message and stack, and a SpecError's diagnostics. */
export function errorToWire(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}), ...(e instanceof SpecError ? { diagnostics: e.diagnostics } : {}) };
}

/** The worker's error as the main thread would have thrown it: a SpecError keeps its diagnostics, a UsageError its class (and so its exit code). */
export function errorFromWire(e: WireError): Error {
  if (e.diagnostics) return new SpecError(e.diagnostics);
  const err = e.name === "UsageError" ? new UsageError(e.message) : new Error(e.message);
  if (e.name !== "UsageError") err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
