/**
 * `specsmith generate`: one run (or one per save with --watch) of load → generate → write or check,
 * reported as lines on a terminal (with progress when it takes a while), or as one JSON object with
 * --json (for CI scripts: files written, unchanged, merged, conflicts, the release).
 */
import v8 from "node:v8";
import { join, resolve } from "node:path";
import { derivedTarget, overlappingTargets, readConfig, type TargetConfig } from "./config.js";
import { UsageError, formatDiagnostic } from "./diagnostics.js";
import { exampleProblems } from "./mock/example-check.js";
import { cacheOf, checkOne, codeSamplesFile, generateAll, joinChecks, type Check, type TargetResult } from "./generate.js";
import type { WriteCache } from "./write/write-cache.js";
import { changedSinceRead, upToDate } from "./inputs.js";
import { ReadWhileWritten } from "./load/source.js";
import { SourceReads } from "./load/source-reads.js";
import { ComponentsMemo } from "./ir/components-memo.js";
import type { WatchMemo } from "./targets/shared/render-memo.js";
import { LockCache } from "./release/lock.js";
import { cliProgress, type Progress } from "./progress.js";
import { TARGETS, findTarget, targetNames } from "./targets/registry.js";
import { CLI_SCRIPT } from "./paths.js";
import { SETTLE_MS, watchFiles } from "./watch.js";
import { writeFileAtomic } from "./write/file.js";
import { readText } from "./write/read.js";
import { digestOf } from "./write/stat-index.js";
import { stageOutput, type PendingWrite, type WriteSummary } from "./write/write.js";
import { rel, say } from "./cli-io.js";

export interface GenerateFlags {
  overlay: string[];
  config: string;
  check?: boolean;
  test?: boolean;
  watch?: boolean;
  spec?: string;
  target?: string;
  out?: string;
  packageName?: string;
  sdkClass?: string;
  quiet?: boolean;
  json?: boolean;
}

/** One target's outcome, as --json prints it. */
interface TargetSummary {
  name: string;
  out: string;
  files: number;
  written: number;
  unchanged: number;
  removed: number;
  merged: string[];
  conflicts: string[];
  ignored: string[];
  release: { version: string; previous: string | null; bump: string; reason: string; changes: Record<"breaking" | "added" | "changed" | "docs", number> } | { version: string; reason: "up to date" };
}

/** What a run generates: the spec, its overlays, the targets, and where the code samples go. */
interface Inputs {
  spec: string;
  overlays: string[];
  targets: TargetConfig[];
  config?: string;
  /** Throws ReadWhileWritten if the config changed since it was read (as the spec's check does). */
  configAsRead?: () => void;
  codeSamples?: string;
}

/** The targets `--spec/--out` (or the config) ask for, checked as a run needs them. */
function inputsOf(flags: GenerateFlags): Inputs {
  const inputs = targetsOf(flags);
  if (overlappingTargets(inputs.targets).length > 0) throw new UsageError("two targets write into overlapping folders");
  return inputs;
}

/** The targets `--spec/--out` (or the config) ask for. */
function targetsOf(flags: GenerateFlags): Inputs {
  const extra = flags.overlay.map((o) => resolve(o));
  if (!flags.spec && !flags.out) {
    const { config, assertAsRead } = readConfig(flags.config);
    const targets = config.targets.filter((t) => !flags.target || t.name === flags.target);
    if (targets.length === 0) throw new UsageError(`${flags.config} configures no ${flags.target ?? ""} target`);
    // The code-samples overlay holds every target's snippets: a run of one target leaves it as it is.
    const codeSamples = flags.target ? undefined : config.codeSamples;
    return { spec: config.spec, overlays: [...config.overlays, ...extra], targets, config: resolve(flags.config), configAsRead: assertAsRead, ...(codeSamples ? { codeSamples } : {}) };
  }
  if (!flags.spec || !flags.out) throw new UsageError(`--spec and --out go together (and --target, default ${targetNames(TARGETS)[0]})`);
  const spec = resolve(flags.spec);
  const target = derivedTarget(flags.target ?? targetNames(TARGETS)[0], spec, resolve(flags.out), flags);
  return { spec, overlays: extra, targets: [target] };
}

export async function runGenerate(flags: GenerateFlags, report: (e: unknown) => number): Promise<number> {
  if (flags.json && flags.watch) throw new UsageError("--json prints one run's summary; it does not go with --watch");
  const inputs = inputsOf(flags);
  const { targets, config } = inputs;
  if (flags.test && (flags.check || flags.watch)) throw new UsageError(`--test runs the tests of what generate writes; it does not go with --${flags.check ? "check" : "watch"}`);
  if (flags.test && !targets.some((t) => t.tests))
    throw new UsageError(`--test runs the SDKs' generated tests, and no target generates any
  hint: set \`tests: true\` under targets.${targets[0].name} in ${flags.config}`);
  const run = new GenerateRun(flags, inputs);
  if (!flags.watch) return run.once();
  // Watching: every failure is reported (unless the spec changed again meanwhile, or while it was
  // read: the next run reads it whole) and the next save tries again.
  let watching = false;
  const stop = stopOnSignal();
  const again = async (superseded: () => boolean) => {
    // A run whose settle began before the stop: nothing more to watch.
    if (stop.asked()) return { files: [], changed: () => false };
    stop.running(true);
    let readWhileWritten = false;
    try {
      // The config as it is now: a save of it may be what started this run (the first run has the
      // one read at start, whose check still stands).
      if (config && watching) run.reconfigure(inputsOf(flags));
      await run.once();
    } catch (e) {
      // A file read while it was written: not reported, and run again (see RunRead.again).
      if (e instanceof ReadWhileWritten) readWhileWritten = true;
      else {
        // Events that came while the run held the thread are taken in first.
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        if (!superseded()) report(e);
      }
    }
    stop.running(false);
    const files = run.watched();
    // Said once the first run is over; the watch began before it read anything.
    if (!watching && !stop.asked()) say("stdout", `specsmith: watching ${files.map(rel).join(", ")} (Ctrl-C to stop)\n`);
    watching = true;
    return { files, changed: (paths: string[]) => changedSinceRead(run.read, paths), again: readWhileWritten };
  };
  const watcher = watchFiles(run.watched(), again, { now: true });
  return stop.stopped.finally(() => {
    watcher.close();
    run.close();
  });
}

/**
 * Ctrl-C (or a termination) stops a watch between runs: a run under way ends first, so that no
 * output folder is left half-written with its temporary files and lock. A second Ctrl-C stops at once.
 */
function stopOnSignal(): { running(now: boolean): void; asked(): boolean; stopped: Promise<number> } {
  let busy = false;
  let asked = false;
  let done: (code: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (done = resolve));
  const ask = () => {
    if (asked && busy) process.exit(130);
    asked = true;
    if (!busy) return done(0);
    say("stdout", "specsmith: stopping once this run ends (Ctrl-C again to stop now)\n");
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, ask);
  void stopped.finally(() => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.off(signal, ask);
  });
  return {
    running(now) {
      busy = now;
      if (!now && asked) done(0);
    },
    asked: () => asked,
    stopped,
  };
}

class GenerateRun {
  /** The files the spec was read from, for --watch. */
  loaded: string[];
  /** Their texts' digests, as the last run that read them read them (--watch). */
  read: ReadonlyMap<string, string> = new Map();
  /** --watch: what each run derived and formatted, and the locks it read, for the next (render-memo.ts, LockCache). */
  private readonly memos: Map<string, WatchMemo> | undefined;
  private readonly locks: LockCache | undefined;
  /** What a run read of its source files already; --watch: and each JSON file as the last run read it (source-reads.ts). */
  private readonly reads: SourceReads;
  /** --watch: the component schemas' models as the last run built them (components-memo.ts). */
  private readonly components: ComponentsMemo | undefined;
  /** What each folder's writer knew when the last save ended (--watch), or what this run read before it writes (write-cache.ts). */
  private readonly writes = new Map<string, WriteCache>();
  private spec: string;
  private overlays: string[];
  private targets: TargetConfig[];
  private codeSamples: string | undefined;
  /** The config file, when the run has one (its path never changes; what it says may). */
  private readonly config: string | undefined;
  /** Whether the config is still as this run's targets were read from it. */
  private configAsRead: (() => void) | undefined;
  constructor(
    private readonly flags: GenerateFlags,
    inputs: Inputs,
  ) {
    ({ spec: this.spec, overlays: this.overlays, targets: this.targets, codeSamples: this.codeSamples, config: this.config, configAsRead: this.configAsRead } = inputs);
    this.loaded = [inputs.spec];
    this.memos = flags.watch ? new Map() : undefined;
    this.locks = flags.watch ? new LockCache() : undefined;
    this.reads = new SourceReads(!!flags.watch);
    this.components = flags.watch ? new ComponentsMemo() : undefined;
  }

  /** --watch: the config read again; the next run generates what it now says. */
  reconfigure(next: Inputs): void {
    if (next.spec !== this.spec || next.overlays.join("\0") !== this.overlays.join("\0")) this.loaded = [next.spec];
    ({ spec: this.spec, overlays: this.overlays, targets: this.targets, codeSamples: this.codeSamples, configAsRead: this.configAsRead } = next);
  }

  /** --watch: the files a save of which runs again: what the last run read, the spec and overlays asked for, the config. */
  watched(): string[] {
    return [...new Set([...this.loaded, this.spec, ...this.overlays, ...(this.config ? [this.config] : [])])];
  }

  /** Ends the watches on the output folders (--watch), so that the process can exit. */
  close(): void {
    for (const cache of this.writes.values()) cache.folder?.close();
  }

  /** Human lines, unless --quiet (then only warnings and errors) or --json (then one object at the end). */
  private tell(text: string): void {
    if (!this.flags.quiet && !this.flags.json) say("stdout", text);
  }

  private progress(): Progress {
    return cliProgress(this.flags.quiet || this.flags.json);
  }

  async once(): Promise<number> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    // Nothing changed since the last generation (inputs, build, output files): nothing to do.
    this.reads.startRun();
    const fresh = this.targets.map((t) => upToDate(t, { spec: this.spec, overlays: this.overlays }, !this.flags.watch, this.codeSamples, cacheOf(this.writes, t.out, !!this.flags.watch), this.reads));
    // (--test generates anyway: its verdict names operations, which the generation maps its tests to.)
    if (!this.flags.test && fresh.every((r) => r !== undefined)) {
      this.targets.forEach((t, i) => this.tell(`specsmith: ${t.name} ${fresh[i]!.version}: no SDK changes\n`));
      const what = this.targets.map((t) => rel(t.out)).join(", ");
      this.tell(`specsmith: ${this.flags.check ? "output is " : ""}up to date (nothing changed since the last generation: ${what}) in ${ms()} ms\n`);
      this.json({ upToDate: true, ms: ms(), targets: this.targets.map((t, i) => ({ name: t.name, out: t.out, release: { version: fresh[i]!.version, reason: "up to date" } })) });
      return 0;
    }
    const progress = this.progress();
    // Each target's files are staged (or, with --check, compared) as soon as it is generated, and
    // its texts let go: the next one is generated without them in memory. Commits come once all are.
    const pending: PendingWrite[] = [];
    const checks: Check[] = [];
    try {
      const results = await generateAll(this.spec, this.targets, {
        overlays: this.overlays,
        release: !this.flags.watch,
        progress,
        ...(this.memos ? { memos: this.memos } : {}),
        ...(this.locks ? { locks: this.locks } : {}),
        reads: this.reads,
        ...(this.components ? { components: this.components } : {}),
        writes: this.writes,
        // Tests move every text off the heap (a small SDK holds too few for the default).
        ...(/^\d+$/.test(process.env.SPECSMITH_OFF_HEAP_FROM ?? "") ? { offHeapFrom: Number(process.env.SPECSMITH_OFF_HEAP_FROM) } : {}),
        huge: collectSooner,
        staged: (r: TargetResult) => (this.flags.check ? checks.push(this.compare(r)) : pending.push(this.stage(r, progress))),
      });
      // A config saved during the run may name other targets or settings: what was made from the
      // config as read is not written (generateAll asked the spec and overlays the same).
      this.configAsRead?.();
      this.loaded = results[0]?.sources ?? [this.spec];
      this.read = new Map(results[0]?.sourceDigests ?? []);
      const warnings = results[0]?.warnings ?? [];
      progress.end();
      if (warnings.length) process.stderr.write(warnings.map(formatDiagnostic).join("\n") + "\n");
      for (const r of results) if (r.release) this.tell(releaseLine(r));
      if (this.flags.check) return this.check(results, joinChecks(checks), ms);
      const code = this.write(results, pending, progress, ms);
      return code === 0 && this.flags.test ? await this.test(results) : code;
    } finally {
      // A run that failed (or a commit that did) leaves the folders it had not committed as they were.
      for (const p of pending) p.abort();
      progress.end();
    }
  }

  /** Stages a target's files in its output folder; its result keeps their paths, not their texts. */
  private stage(r: TargetResult, progress: Progress): PendingWrite {
    progress.phase(`writing ${r.target.name}`);
    const pending = stageOutput(r.target.out, r.files, progress, cacheOf(this.writes, r.target.out, !!this.flags.watch));
    textless(r);
    return pending;
  }

  /** `--check`: what differs in a target's folder; its result keeps the paths of its files, not their texts. */
  private compare(r: TargetResult): Check {
    const check = checkOne(r);
    textless(r);
    return check;
  }

  private check(results: TargetResult[], { diffs, ignored, edited }: Check, ms: () => number): number {
    const samples = this.codeSamples;
    const onDisk = samples ? readText(samples) : undefined;
    if (samples && onDisk !== codeSamplesFile(results)) diffs.push(`${onDisk === undefined ? "missing" : "changed"}: ${samples}`);
    if (ignored.length > 0) this.tell(`specsmith: ignored (.specsmithignore): ${ignored.map(rel).join(", ")}\n`);
    // Hand edits persist by design (not a difference), but a reviewer should see which files carry them.
    if (edited.length > 0) this.tell(`specsmith: carrying hand edits (kept, merged on each generation): ${edited.map(rel).join(", ")}\n`);
    this.json({ upToDate: diffs.length === 0, ms: ms(), differences: diffs, ignored, edited });
    if (diffs.length > 0) {
      say("stderr", `specsmith: output differs from a fresh generation (run \`specsmith generate\`):\n${diffs.map((d) => "  " + d).join("\n")}\n`);
      return 3;
    }
    this.tell(`specsmith: output is up to date (${results.map((r) => `${r.files.length} files in ${rel(r.target.out)}`).join(", ")})\n`);
    return 0;
  }

  private write(results: TargetResult[], pending: PendingWrite[], progress: Progress, ms: () => number): number {
    const samples = this.codeSamples ? codeSamplesFile(results) : undefined;
    if (samples !== undefined) for (const r of results) if (r.inputs) r.inputs.samples = digestOf(samples);
    const summaries = pending.map((p, i) => p.commit(results[i].inputs && JSON.stringify(results[i].inputs)));
    progress.end();
    if (this.codeSamples && samples !== undefined && writeFileAtomic(this.codeSamples, samples)) this.tell(`specsmith: code samples → ${rel(this.codeSamples)}\n`);
    for (const note of summaries.flatMap((s) => s.notes)) say("stderr", `specsmith: ${note}\n`);
    summaries.forEach((s, i) => {
      const out = results[i].target.out;
      if (s.ignored.length) this.tell(`specsmith: left alone (.specsmithignore): ${s.ignored.map((p) => rel(join(out, p))).join(", ")}\n`);
      if (s.merged.length) this.tell(`specsmith: merged your edits with the new generation: ${s.merged.map((p) => rel(join(out, p))).join(", ")}\n`);
    });
    const conflicts = summaries.flatMap((s, i) => s.conflicts.map((p) => rel(join(results[i].target.out, p))));
    const what = results.map(
      (r, i) => `${r.target.name} (${r.files.length} files, ${summaries[i].written} written${summaries[i].removed ? `, ${summaries[i].removed} removed` : ""}) → ${rel(r.target.out)}`,
    );
    this.tell(`specsmith: generated ${what.join(", ")} in ${ms()} ms\n`);
    this.json({ upToDate: false, ms: ms(), targets: results.map((r, i) => targetSummary(r, summaries[i])), codeSamples: this.codeSamples ?? null });
    if (conflicts.length > 0) {
      say(
        "stderr",
        `specsmith: your edits conflict with the new generation in ${conflicts.join(", ")}\n` +
          "  hint: each conflict is marked <<<<<<< yours / ||||||| pristine / ======= / >>>>>>> generated; keep what you need, delete the markers, and generate again\n",
      );
      return 1;
    }
    return 0;
  }

  /**
   * `--test`: each target's generated tests, run by its own test runner against `specsmith mock`;
   * exit 5 naming the operations whose tests failed.
   */
  private async test(results: TargetResult[]): Promise<number> {
    const failures: string[] = [];
    // The spec's own examples first: the SDKs' calls fill their gaps, the maintainer should hear of them.
    const stale = results[0]?.api ? exampleProblems(results[0].api) : [];
    if (stale.length > 0) {
      const operations = [...new Set(stale.map((x) => x.operation))];
      failures.push(
        `the spec's examples: ${stale.length} no longer fit their schemas, of ${operations.length} operation(s): ${operations.join(", ")}\n` +
          stale.map((x) => `  ${x.operation}: the example of ${x.where}: ${x.problems.map((p) => `${p.pointer} ${p.message}`).join("; ")}`).join("\n"),
      );
    }
    for (const r of results.filter((x) => x.target.tests)) {
      const target = findTarget(TARGETS, r.target.name);
      if (!target?.runTests) continue;
      this.tell(`specsmith: running the ${r.target.name} SDK's tests (${rel(r.target.out)}/tests)\n`);
      const run = await target.runTests(r.target.out, CLI_SCRIPT);
      const operationOf = new Map((r.tests ?? []).map((t) => [t.id, t.operation]));
      if (run.failed.length === 0) {
        this.tell(`specsmith: ${r.target.name}: ${run.total} tests passed\n`);
        continue;
      }
      const operations = [...new Set(run.failed.map((f) => operationOf.get(f.id) ?? f.id))];
      failures.push(
        `${r.target.name}: ${run.failed.length} of ${run.total} tests failed, of ${operations.length} operation(s): ${operations.join(", ")}\n` +
          run.failed.map((f) => `  ${f.id}: ${f.message}`).join("\n"),
      );
    }
    if (failures.length === 0) return 0;
    say(
      "stderr",
      `specsmith: the regenerated SDKs' tests failed\n${failures.join("\n")}\n  hint: update the spec's examples to fit their schemas (the docs and tests fill in what an example lacks); a test that fails otherwise is a call the SDK or the mock gets wrong\n`,
    );
    return 5;
  }

  /** With --json: the run's summary, one line on stdout (paths as given, spec text as data). */
  private json(summary: object): void {
    if (this.flags.json) process.stdout.write(JSON.stringify(summary) + "\n");
  }
}

/**
 * A huge generation (Microsoft Graph's) makes garbage by the gigabyte: its big files' texts, each
 * printed, trimmed and formatted. V8 lets the heap grow to up to four times what it kept at the last
 * full collection before it collects again, which took Graph's TypeScript SDK to 1.7 GB; growing
 * by half at most, it peaked at 1.35 GB in the same time. By a quarter at most, now that no surface
 * is held while the SDKs render: Graph's two SDKs peak at 1,422 and 1,455 MB in 90 and 96 s, against
 * 1,592 and 1,602 MB in 85 and 97 s by half (alternated; by a quarter had cost a tenth more CPU
 * while the surfaces were held). Set for this process only, once a generation is known to be huge:
 * an ordinary one is left as V8 runs it (GitHub's SDK took 0.5 s longer with it).
 */
function collectSooner(): void {
  v8.setFlagsFromString("--heap-growing-percent=25");
}

/** Lets go of a result's texts (staged, or compared): what follows counts its files by their paths. */
function textless(r: TargetResult): void {
  r.files = r.files.map((f) => ({ path: f.path, content: "" }));
}

function targetSummary(r: TargetResult, s: WriteSummary): TargetSummary {
  const release = r.release!;
  const count = (section: string) => release.changes.filter((c) => c.section === section).length;
  return {
    name: r.target.name,
    out: r.target.out,
    files: r.files.length,
    written: s.written,
    unchanged: s.unchanged,
    removed: s.removed,
    merged: s.merged,
    conflicts: s.conflicts,
    ignored: s.ignored,
    release: {
      version: release.version,
      previous: release.previous?.version ?? null,
      bump: release.bump,
      reason: release.reason,
      changes: { breaking: count("breaking"), added: count("added"), changed: count("changed"), docs: count("docs") },
    },
  };
}

/** What a generation releases: `typescript: 2.0.0 (major: 2 breaking changes, 10 added, …)`. */
function releaseLine(r: TargetResult): string {
  const rel = r.release!;
  const count = (section: string) => rel.changes.filter((c) => c.section === section).length;
  const counts = `${count("breaking")} breaking, ${count("added")} added, ${count("changed")} changed, ${count("docs")} docs`;
  const was = rel.previous?.version;
  switch (rel.reason) {
    case "first":
      return `specsmith: ${r.target.name} ${rel.version}: first generation in this folder (version from the config)\n`;
    case "unchanged":
      return `specsmith: ${r.target.name} ${rel.version}: no SDK changes\n`;
    case "held":
      return `specsmith: ${r.target.name} ${rel.version}: watching, so the version and CHANGELOG.md stay; \`specsmith generate\` releases the changes\n`;
    case "config":
      return `specsmith: ${r.target.name} ${was} → ${rel.version} (set in the config; the changes call for ${rel.bump}: ${counts})\n`;
    case "bump":
      return `specsmith: ${r.target.name} ${was} → ${rel.version} (${rel.bump}: ${counts})\n`;
    case "code":
      return `specsmith: ${r.target.name} ${was} → ${rel.version} (patch: the generated code changed; the SDK's surface did not)\n`;
  }
}
