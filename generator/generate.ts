/**
 * The pipeline: load → IR → per target: plan → surface → release → emit → format → write (or compare,
 * with --check). Targets come from a registry (targets/registry.ts); nothing here names one.
 */
import { createHash, type Hash } from "node:crypto";
import { lstatSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { TargetConfig } from "./config.js";
import type { Diagnostic } from "./diagnostics.js";
import type { Api } from "./ir/types.js";
import type { SourceReads } from "./load/source-reads.js";
import type { ComponentsMemo } from "./ir/components-memo.js";
import type { NameRecord } from "./ir/names.js";
import type { OffHeapTexts } from "./targets/shared/off-heap.js";
import { loadApi } from "./api.js";
import { VERSION } from "./paths.js";
import { currentBuild, inputsOf, type InputsRecord } from "./inputs.js";
import { SILENT, type Progress } from "./progress.js";
import { digestOf, readIndex } from "./write/stat-index.js";
import { changelogText } from "./release/changelog.js";
import { LOCK_FILE, LOCK_FORMAT, heldNames, headOf, lockAround, lockPieces, lockText, readLockFile, surfacePieces, type LockCache, type LockFile, type LockHead } from "./release/lock.js";
import { codeRelease, planRelease, releaseDate, type Release } from "./release/release.js";
import type { Surface } from "./release/surface.js";
import { codeSamplesOverlay, type CodeSample } from "./docs/code-samples.js";
import { TARGETS, findTarget, type Registry } from "./targets/registry.js";
import { runMemo, watchMemo, type WatchMemo } from "./targets/shared/render-memo.js";
import type { AnyTarget, GeneratedTest, PlanBase, UsersFiles } from "./targets/target.js";
import { PristineStore } from "./write/pristine.js";
import { serveTargetJob, startTargetWorker, workersFor, type TargetJob } from "./target-worker.js";
import { MAX_STATE_BYTES, readText } from "./write/read.js";
import { diffOutput, type OutputFile } from "./write/write.js";
import { WriteCache } from "./write/write-cache.js";

/**
 * A release as a generation's result reports it, without the SDK surfaces it was decided from: the
 * lock it writes holds this one's (a huge spec's take hundreds of MB in memory).
 */
export type ReleaseSummary = Omit<Release, "surface">;

export interface TargetResult {
  target: TargetConfig;
  files: OutputFile[];
  warnings: Diagnostic[];
  /** The files the spec was read from: itself, every file its $refs reach, and the overlays. */
  sources?: string[];
  /** The same files, each with the digest of the text this generation read (see inputs.ts). */
  sourceDigests?: [path: string, digest: string][];
  /** How many operations the SDK has (each a method, and in Python an `_async` twin too). */
  operations?: number;
  /** The version this generation releases, and the changes since the last one. */
  release?: ReleaseSummary;
  /** The digest of the SDK's files (see LockFile.code). */
  code?: string;
  /** Each operation's usage snippet in this target (for the code-samples overlay and the docs site). */
  samples?: CodeSample[];
  /** The API's title. */
  title?: string;
  /** What this generation was made from, for the next run to tell whether it has anything to do. */
  inputs?: InputsRecord;
  /** The IR every target was generated from (the docs site's HTTP view reads it). */
  api?: Api;
  /** Where this target's docs put each resource's operations and each model (the docs site joins targets' pages by it). */
  docs?: DocsIndex;
  /** With `tests: true`: each generated test and the operation it tests. */
  tests?: GeneratedTest[];
  /** The names the lock records for the next generation to keep: the IR's and the target's own (PlanBase.names). */
  names?: NameRecord;
}

/** A target's docs pages by what they document; paths are relative to its output folder. */
export interface DocsIndex {
  /** Each resource page and its operations' sections, in page order: IR id and the section's heading (the method). */
  groups: { name: string; page: string; operations: { id: string; method: string }[] }[];
  /** Each model's page, by IR model name. */
  models: { name: string; page: string }[];
}

export const CHANGELOG = "CHANGELOG.md";

/** Operations from which an API is huge (Microsoft Graph's 22,361; GitHub's is 1,223): see GenerateOptions.huge. */
export const HUGE_API = 5000;

export interface GenerateOptions {
  /** OpenAPI Overlays applied to the spec, in order. */
  overlays?: string[];
  /**
   * false: keep the version, the lock and the changelog as they are (`--watch`: every save would
   * otherwise be a release); the next plain generation releases all the changes at once.
   */
  release?: boolean;
  /** The date of a changelog entry (default: SOURCE_DATE_EPOCH, else today). */
  date?: string;
  /** The targets to look the configured ones up in (default: specsmith's own). */
  registry?: Registry;
  /** Told each step (a terminal shows it; default: nothing). */
  progress?: Progress;
  /**
   * `--watch`: each output folder's memos (by its path: what the last run derived and formatted),
   * kept from one run to the next; a folder without them gets them.
   */
  memos?: Map<string, WatchMemo>;
  /**
   * What the run read of its source files already (the up-to-date check's bytes), and under
   * `--watch` each JSON file as the last run read it, for the next to parse only what a save
   * changed (source-reads.ts).
   */
  reads?: SourceReads;
  /** `--watch`: the component schemas' models as the last run built them (components-memo.ts). */
  components?: ComponentsMemo;
  /** `--watch`: the locks as the last run read them (LockCache), kept from one run to the next. */
  locks?: LockCache;
  /**
   * Each output folder's WriteCache, as the run's writer and up-to-date check use it: the lock of a
   * folder whose stat index (already read) records it as written is not checked again.
   */
  writes?: Map<string, WriteCache>;
  /**
   * Characters of finished text a target holds as strings before the rest moves off the heap
   * (off-heap.ts; default OFF_HEAP_FROM). Not under --watch, whose memo keeps texts from save to save.
   */
  offHeapFrom?: number;
  /**
   * Told once the generation turns out huge (an API of HUGE_API operations, or a target whose texts
   * move out of memory): the CLI then has garbage collected sooner.
   */
  huge?: () => void;
  /** Operations from which an API is huge (default HUGE_API; tests set it low). */
  hugeFrom?: number;
  /**
   * Given each target's result as soon as it is complete, before the next target is generated: a
   * run that writes stages the files then (write.ts stageOutput) and lets go of their texts, so
   * that a huge spec's second SDK is not generated with the first one's in memory.
   */
  staged?: (result: TargetResult) => void;
}

/**
 * Generates every target; nothing is written until all succeeded (`staged` may stage each one's
 * files as it is done, for a commit once all are). Each output folder's
 * lock (the previous generation's surface) decides the version, and adds a changelog entry.
 */
export async function generateAll(spec: string, targets: TargetConfig[], opts: GenerateOptions = {}): Promise<TargetResult[]> {
  // Each folder's lock first: a damaged one stops the run before the spec is even loaded.
  const locks: (LockFile | undefined)[] = targets.map((config) => lockOf(config, opts));
  // Each folder's pack, unpacking while the spec is loaded and planned (see PristineStore.prefetch);
  // a target generated on a worker thread (target-worker.ts) opens its own there.
  const maybeParallel = inWorkers(targets, opts);
  const packs = targets.map((config, i) => (maybeParallel && i > 0 ? undefined : packOf(config, opts.memos)));
  const progress = opts.progress ?? SILENT;
  progress.phase("loading the spec");
  // Two steps a terminal shows (the first once the run has taken half a second): Microsoft Graph's
  // spec takes seconds to read, and its IR seconds more to build.
  const { api, digest, sourceDigests, assertAsRead } = loadInputs(
    spec,
    opts.overlays,
    {
      read: () => progress.phase("building the API model"),
      tally: (done, total) => progress.share(done, total),
    },
    heldNames(locks),
    opts.reads,
    opts.components,
  );
  const huge = api.operations.length >= (opts.hugeFrom ?? HUGE_API);
  if (huge) {
    opts.huge?.();
    for (const cache of opts.writes?.values() ?? []) cache.forgetHeldIndex();
  }
  // Two huge SDKs at once would hold both in memory: one after the other.
  const parallel = maybeParallel && !huge && workersFor(targets.length, api.operations.length);
  // A huge generation reads a later target's lock again when that target's turn comes: Microsoft
  // Graph's Python lock (83 MB of JSON) would otherwise be held through its TypeScript SDK's generation.
  const again = huge && !opts.locks ? locks.map((lock, i) => i > 0 && lock !== undefined) : [];
  for (const [i, later] of again.entries()) if (later) locks[i] = undefined;
  const job = (i: number): TargetJob => ({ spec, overlays: opts.overlays, config: targets[i], lock: locks[i], digest, sourceDigests, release: opts.release, date: opts.date });
  const workers = parallel ? targets.slice(1).map((_, k) => startTargetWorker(api, job(k + 1), progress)) : [];
  const results: TargetResult[] = [];
  try {
    for (const [i, config] of targets.entries()) {
      if (again[i]) locks[i] = lockOf(config, opts, false);
      const own = i > 0 && parallel ? undefined : job(i);
      // The job's alone from here (see generateOne).
      locks[i] = undefined;
      const result = own ? await generateOne(api, own, packs[i] ?? packOf(config, opts.memos), { ...opts, progress }) : ((await workers[i - 1].result) as unknown as TargetResult);
      packs[i] = undefined;
      results.push(result);
      opts.staged?.(result);
    }
  } finally {
    for (const w of workers) w.stop();
  }
  // What was made of a file saved while it was read (a prefix of YAML may read as a smaller API) is
  // not written: the run fails as it would have, had the load seen it (--watch runs again).
  assertAsRead();
  const sources = sourceDigests.map(([path]) => path);
  for (const r of results) {
    r.sources = sources;
    r.sourceDigests = sourceDigests;
  }
  return results;
}

/**
 * The lock in `config`'s output folder (see readLockFile), checked through the folder's stat index
 * when the run has a WriteCache; `remember`: false for a second read, whose index is not kept.
 */
function lockOf(config: TargetConfig, opts: GenerateOptions, remember = true): LockFile | undefined {
  const cache = opts.writes?.get(config.out);
  return readLockFile(config.out, config.name, opts.locks, cache && readIndex(config.out, remember ? cache : undefined));
}

/**
 * Whether targets after the first may be generated on worker threads: by a bundled specsmith, with
 * its own targets, outside --watch (whose memos live on this thread) and without the tests' knobs.
 */
function inWorkers(targets: TargetConfig[], opts: GenerateOptions): boolean {
  return workersFor(targets.length, Infinity) && !opts.registry && !opts.memos && !opts.locks && opts.offHeapFrom === undefined && opts.hugeFrom === undefined;
}

/**
 * One target's whole generation from the IR: plan, release, files, and what the next run needs to
 * tell whether it has anything to do. On this thread, or on a worker's (runTargetJob).
 */
async function generateOne(api: Api, job: TargetJob, pack: PristineStore | undefined, opts: GenerateOptions & { progress: Progress }): Promise<TargetResult> {
  const { spec, config } = job;
  const target = targetOf(opts.registry ?? TARGETS, config.name);
  // Generated tests start the mock from the spec where it lies, relative to the SDK's folder.
  const mockInputs = config.tests ? { spec: portable(relative(config.out, resolve(spec))), overlays: (job.overlays ?? []).map((o) => portable(relative(config.out, resolve(o)))) } : undefined;
  const result = withReleaseFiles(await generateTarget(api, target, mockInputs ? { ...config, mockInputs } : config, job, pack, opts), api, job.digest, opts);
  // Each file generated once with its digest as it will be: the user's text if there is one.
  const once = result.files.filter((f) => f.once).map((f): [string, string] => [f.path, digestOf(readText(join(config.out, f.path)) ?? f.content)]);
  const record = inputsOf(config, job.sourceDigests, once, opts.release !== false, result.release!.version);
  if (record) result.inputs = record;
  return result;
}

/** A worker thread's generation of the target it was given (target-worker.ts). */
export function runTargetJob(): Promise<void> {
  return serveTargetJob((api, job, progress) => generateOne(api, job, packOf(job.config, undefined), { release: job.release, date: job.date, overlays: job.overlays, progress }));
}

/**
 * The IR, and the digests of what it was made from: the spec, the files it $refs and the overlays
 * (each file's own digest, for the next run to tell whether anything changed). The parsed documents
 * are not kept: the IR holds what the targets need, and Microsoft Graph's take hundreds of MB.
 */
function loadInputs(
  spec: string,
  overlays: string[] | undefined,
  progress?: Parameters<typeof loadApi>[2],
  held?: NameRecord,
  reads?: SourceReads,
  components?: ComponentsMemo,
): { api: Api; digest: string; sourceDigests: [string, string][]; assertAsRead: () => void } {
  const { api, loaded } = loadApi(spec, overlays, progress, held, reads, components);
  const inputs = [...loaded.resolver.sources, ...loaded.overlays];
  // The run keeps the checks to its end, not the files: their texts and documents are let go of.
  const checks = inputs.map((s) => s.assertAsRead);
  return {
    api,
    digest: specDigest(inputs),
    sourceDigests: inputs.map((s): [string, string] => [s.path, s.bytes?.sha1 ?? digestOf(s.text)]),
    assertAsRead: () => checks.forEach((check) => check()),
  };
}

/**
 * The files of the output folder `out` that its users own, as the plan may read them. Something there
 * that is not a regular file of a sane size reads as "" (not the generated default), not as absent.
 */
function usersFiles(out: string): UsersFiles {
  return {
    read: (path) => {
      const p = join(out, path);
      return readText(p, MAX_STATE_BYTES) ?? (nothingAt(p) ? undefined : "");
    },
  };
}

function nothingAt(p: string): boolean {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

function targetOf(registry: Registry, name: string): AnyTarget {
  const target = findTarget(registry, name);
  if (!target) throw new Error(`no target named "${name}" is registered`);
  return target;
}

/** One target's steps, each once: plan, surface, release (against the output folder's lock), emit, format. */
async function generateTarget(
  api: Api,
  target: AnyTarget,
  config: TargetConfig,
  job: { lock: LockFile | undefined },
  disk: PristineStore | undefined,
  opts: GenerateOptions & { progress: Progress },
): Promise<MadeTarget> {
  opts.progress.phase(`planning ${config.name}`);
  const plan: PlanBase = target.plan(api, config, usersFiles(config.out));
  // Without --watch, a memo for this generation alone (a patch release renders twice), whose keys a
  // build of specsmith records for the next generation (and recalls from this folder's last one).
  const salt = keySalt(config);
  const memo = memoOf(opts.memos, config.out, salt) ?? runMemo(salt, { dir: config.out, from: opts.offHeapFrom, huge: opts.huge });
  let release = releaseOf(api, target, config, plan, job, memo.offHeap, opts);
  const render = async (version: string) => {
    opts.progress.phase(`rendering ${config.name}`);
    memo.format?.startRun();
    await disk?.ready();
    memo.render.startRun(disk);
    const out = await target.emit(plan, version, memo, (done, total) => opts.progress.share(done, total));
    const kept = memo.render.recalledSoFar;
    const spilled = memo.offHeap?.moved.files ?? 0;
    const notes = [...(kept > 0 ? [`${kept.toLocaleString("en-US")} as the last generation left them`] : []), ...(spilled > 0 ? [`${spilled.toLocaleString("en-US")} waiting on disk`] : [])];
    opts.progress.phase(`formatting ${config.name} (${[`${out.files.length.toLocaleString("en-US")} files`, ...notes].join(", ")})`);
    await target.format(out, memo);
    const code = codeDigest(out.files);
    // Only a run that finished leaves what the next one recalls.
    memo.render.seal();
    return { emitted: out, code };
  };
  let { emitted, code } = await render(release.version);
  // The same surface in other code (a newer specsmith): a patch, rendered again under its version.
  const patched = codeRelease(release, code);
  if (patched !== release) {
    release = patched;
    ({ emitted, code } = await render(release.version));
  }
  const docs: DocsIndex = {
    groups: plan.groups.map((g) => ({ name: g.ir.name, page: `docs/${g.doc}`, operations: g.operations.map((o) => ({ id: o.ir.operationId, method: o.method })) })),
    models: plan.modelList.filter((m) => m.doc).map((m) => ({ name: m.ir.name, page: `docs/${m.doc}` })),
  };
  return {
    target: config,
    files: emitted.files,
    warnings: api.warnings,
    operations: api.operations.length,
    release,
    code,
    samples: emitted.samples,
    title: api.info.title,
    api,
    docs,
    tests: emitted.tests,
    ...(api.names ? { names: { ...api.names, ...plan.names } } : {}),
    spill: memo.offHeap,
  };
}

/**
 * The release of `plan` against the output folder's last lock, which it takes from `job`: the
 * release holds what it needs of it (all of it, or a huge generation's head once compared).
 * `--watch` (no release) keeps the version and the lock as they are.
 */
function releaseOf(
  api: Api,
  target: AnyTarget,
  config: TargetConfig,
  plan: PlanBase,
  job: { lock: LockFile | undefined },
  offHeap: OffHeapTexts | undefined,
  opts: GenerateOptions & { progress: Progress },
): Release {
  const previous = job.lock;
  job.lock = undefined;
  if (opts.release === false && previous !== undefined) {
    return { version: previous.version, bump: "none", changes: [], previous, reason: "held", surface: previous.surface };
  }
  // Its own step on a terminal: the surface of a huge SDK (Microsoft Graph's) takes seconds to list and compare.
  opts.progress.phase(`versioning ${config.name}`);
  const release = planRelease(config.version, target.surface(plan), previous, target.typeRules);
  return api.operations.length >= (opts.hugeFrom ?? HUGE_API) ? movedOut(release, offHeap) : release;
}

/**
 * A huge generation's release with its surface moved out of memory (stashed in the spill file,
 * off-heap.ts) once the release is decided, and the last lock's surface, compared, let go: only the
 * lock prints the new one, at the end. Microsoft Graph's Python surface is about 80 MB of objects,
 * which its rendering held for nothing (its peak took 100 to 190 MB more). Where nothing can be
 * written, the release stays as it is.
 */
function movedOut(release: Release, offHeap: OffHeapTexts | undefined): Release {
  const { surface, previous } = release;
  if (!offHeap || "entry" in surface) return release;
  const entry = offHeap.stash(surfacePieces(surface));
  if (!entry) return release;
  const moved = { entry, methods: Object.keys(surface.methods).length, models: Object.keys(surface.models).length };
  // The last generation's surface, compared already, goes too.
  return { ...release, surface: moved, ...(previous ? { previous: headOf(previous) } : {}) };
}

/** A target generated, before its lock and changelog: its release whole, and where its texts moved out. */
type MadeTarget = Omit<TargetResult, "release"> & { release: Release; spill?: OffHeapTexts };

/**
 * The folder's pack, for a run whose rendering may recall from it (a build that records keys), opened
 * on the first text asked of it (a run that recalls nothing reads none). Its unpacking starts now,
 * except under --watch after the first save: later saves recall from the memo, and read the pack only
 * when the memo is empty (after a failed save).
 */
function packOf(config: TargetConfig, memos: Map<string, WatchMemo> | undefined): PristineStore | undefined {
  if (keySalt(config) === undefined) return undefined;
  const store = new PristineStore(config.out);
  if (!memos?.has(config.out)) store.prefetch();
  return store;
}

/**
 * What every derived file of `config` is also made from, besides its plan: the build of specsmith
 * (its code and templates) and the settings. Not where the folder is (a clone elsewhere, CI, keeps
 * the keys) nor the version (no derived file prints it). Undefined when run from source (no build).
 */
function keySalt(config: TargetConfig): string | undefined {
  const build = currentBuild();
  return build === undefined ? undefined : `${build}\0${JSON.stringify({ ...config, out: undefined, version: undefined })}`;
}

function memoOf(memos: Map<string, WatchMemo> | undefined, out: string, salt: string | undefined): WatchMemo | undefined {
  if (!memos) return undefined;
  let memo = memos.get(out);
  if (!memo) memos.set(out, (memo = watchMemo(salt)));
  return memo;
}

/**
 * What the SDK's files hold, as one digest: each file's, by path. Each file's digest stays on it
 * for the writer, which needs the same one.
 */
function codeDigest(files: OutputFile[]): string {
  const parts = files.map((f) => `${f.path}\0${(f.digest ??= digestOf(f.content))}`).sort();
  return digestOf(parts.join("\n"));
}

/** A target's result with its lock and changelog, its release without the surfaces now in the lock. */
function withReleaseFiles({ release, spill, ...made }: MadeTarget, api: Api, digest: string, opts: GenerateOptions): TargetResult {
  made.files.push(...releaseFiles(api, made.target, release, digest, made.code!, opts.date ?? releaseDate(), { locks: opts.locks, names: made.names, spill }));
  return { ...made, release: summaryOf(release) };
}

function summaryOf({ surface: _surface, previous, ...release }: Release): ReleaseSummary {
  return previous ? { ...release, previous: headOf(previous) } : release;
}

/**
 * The lock recording this generation (or the one kept), and the changelog with its entry on top.
 * `spill`: where a huge generation's texts moved out, its lock's text too.
 */
function releaseFiles(
  api: Api,
  target: TargetConfig,
  release: Release,
  digest: string,
  code: string,
  date: string,
  { locks, names, spill }: { locks?: LockCache; names?: NameRecord; spill?: OffHeapTexts },
): OutputFile[] {
  const surface = release.surface;
  const kept = release.reason === "held" ? release.previous : undefined;
  const head: LockHead = kept ?? {
    format: LOCK_FORMAT,
    generator: `specsmith ${VERSION}`,
    target: target.name,
    configVersion: target.version,
    version: release.version,
    api: { title: api.info.title, version: api.info.version, digest },
    code,
    ...(names ? { names } : {}),
  };
  const existing = existingChangelog(target.out);
  const counts = "entry" in surface ? surface : { methods: Object.keys(surface.methods).length, models: Object.keys(surface.models).length };
  const ctx = { date, apiTitle: api.info.title, apiVersion: api.info.version, methods: counts.methods, models: counts.models };
  // Bookkeeping, and a changelog built on the file as it is: neither is merged like generated code.
  const lockFile: OutputFile = { path: LOCK_FILE, content: "", verbatim: true };
  if ("entry" in surface) {
    // Read back from where it moved out: into the spill file, or, where that write fails, as text.
    if (!spill?.spill(lockFile, lockAround(head, surface.entry.bytes()))) lockFile.content = Array.from(lockAround(head, surface.entry.text())).join("");
  } else {
    // The lock kept as it was (a --watch save: LockCache prints each lock once), or this generation's.
    const lock: LockFile = { ...head, surface };
    if (locks) ({ text: lockFile.content, digest: lockFile.digest } = locks.text(head, surface));
    else if (!spill?.spill(lockFile, lockPieces(lock))) lockFile.content = lockText(lock);
  }
  return [lockFile, { path: CHANGELOG, content: changelogText(existing, release, ctx), verbatim: true }];
}

/** The changelog in an output folder that exists, as the user may have edited it. */
function existingChangelog(out: string): string | undefined {
  try {
    return statSync(out).isDirectory() ? readText(join(out, CHANGELOG)) : undefined;
  } catch {
    return undefined;
  }
}

/** A relative path with forward slashes, the same on every OS. */
function portable(path: string): string {
  return path.split(sep).join("/");
}

export function specDigest(sources: { text: string; bytes?: { sha256: Hash } | undefined }[]): string {
  // The first file (the spec) as its bytes were hashed when read; the others' texts again.
  const h = sources[0]?.bytes?.sha256.copy() ?? createHash("sha256").update(sources[0]?.text ?? "");
  if (sources.length > 0) h.update("\0");
  for (const s of sources.slice(1)) h.update(s.text).update("\0");
  return `sha256:${h.digest("hex")}`;
}

/** The code-samples overlay of a generation of every configured target (one target alone would drop the others' samples). */
export function codeSamplesFile(results: TargetResult[]): string {
  return codeSamplesOverlay(
    results[0]?.title ?? "",
    results.map((r) => r.samples ?? []),
  );
}

/** The folder's WriteCache, made on first use (`watch`: see WriteCache); none without `caches`. */
export function cacheOf(caches: Map<string, WriteCache> | undefined, out: string, watch = true): WriteCache | undefined {
  if (!caches) return undefined;
  let cache = caches.get(out);
  if (!cache) caches.set(out, (cache = new WriteCache(watch)));
  return cache;
}

/**
 * Paths (relative to the working directory's view of each output) that differ from a fresh
 * generation, and the ignored ones (listed, never a difference).
 */
export interface Check {
  diffs: string[];
  ignored: string[];
  edited: string[];
}

/** What differs between one target's folder and its generation (see diffOutput), as `--check` lists it. */
export function checkOne(r: TargetResult): Check {
  const d = diffOutput(r.target.out, r.files);
  const at = (p: string) => `${r.target.out}/${p}`;
  return {
    diffs: [
      ...d.changed.map((p) => `changed: ${at(p)}`),
      ...d.missing.map((p) => `missing: ${at(p)}`),
      ...d.stale.map((p) => `stale:   ${at(p)}`),
      ...d.conflicts.map((p) => `conflict: ${at(p)} (your edits and the new generation overlap)`),
    ],
    ignored: d.ignored.map(at),
    edited: d.edited.map(at),
  };
}

export function joinChecks(checks: Check[]): Check {
  return { diffs: checks.flatMap((c) => c.diffs), ignored: checks.flatMap((c) => c.ignored), edited: checks.flatMap((c) => c.edited) };
}
