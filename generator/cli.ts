/**
 * specsmith's command line.
 * Exit codes: 0 done; 1 the spec, config or output folder has a problem (or specsmith failed: an
 * internal error); 2 bad usage; 3 --check found differences; 4 `diff --fail-on breaking` found a
 * breaking change. Never a stack trace unless --debug.
 */
import { Command, CommanderError, Option } from "commander";
import { join, relative, resolve } from "node:path";
import { derivedTarget, loadConfig, overlappingTargets, type TargetConfig } from "./config.js";
import { TARGETS, targetNames } from "./targets/registry.js";
import { SpecError, UsageError, formatDiagnostic, terminalSafe } from "./diagnostics.js";
import { checkAll, codeSamplesFile, generateAll, writeAll, type TargetResult } from "./generate.js";
import { readText } from "./write/read.js";
import { writeFileAtomic } from "./write/file.js";
import { runDiff, type DiffFlags } from "./diff.js";
import { runOverlayApply } from "./overlay-apply.js";
import { buildSite, serveSite } from "./docs/site.js";
import { LockFileError } from "./release/lock.js";
import { VERSION } from "./paths.js";
import { watchFiles } from "./watch.js";
import { upToDate } from "./inputs.js";
import { digestOf } from "./write/stat-index.js";
import { WriteError } from "./write/write.js";

interface GenerateFlags {
  overlay: string[];
  config: string;
  check?: boolean;
  watch?: boolean;
  spec?: string;
  target?: string;
  out?: string;
  packageName?: string;
  sdkClass?: string;
}

let debug = false;

/** The targets `--spec/--out` (or the config) ask for. */
function targetsOf(flags: GenerateFlags): { spec: string; overlays: string[]; targets: TargetConfig[]; config?: string; codeSamples?: string } {
  const extra = flags.overlay.map((o) => resolve(o));
  if (!flags.spec && !flags.out) {
    const config = loadConfig(flags.config);
    const targets = config.targets.filter((t) => !flags.target || t.name === flags.target);
    if (targets.length === 0) throw new UsageError(`${flags.config} configures no ${flags.target ?? ""} target`);
    // The code-samples overlay holds every target's snippets: a run of one target leaves it as it is.
    const codeSamples = flags.target ? undefined : config.codeSamples;
    return { spec: config.spec, overlays: [...config.overlays, ...extra], targets, config: resolve(flags.config), ...(codeSamples ? { codeSamples } : {}) };
  }
  if (!flags.spec || !flags.out) throw new UsageError(`--spec and --out go together (and --target, default ${targetNames(TARGETS)[0]})`);
  const spec = resolve(flags.spec);
  const target = derivedTarget(flags.target ?? targetNames(TARGETS)[0], spec, resolve(flags.out), flags);
  return { spec, overlays: extra, targets: [target] };
}

async function runGenerate(flags: GenerateFlags): Promise<number> {
  const { spec, overlays, targets, config, codeSamples } = targetsOf(flags);
  if (overlappingTargets(targets).length > 0) throw new UsageError("two targets write into overlapping folders");
  let loaded: string[] = [spec];
  const once = async (): Promise<number> => {
    const started = performance.now();
    // Nothing changed since the last generation (inputs, build, output files): nothing to do.
    const fresh = targets.map((t) => upToDate(t, { spec, overlays }, !flags.watch, codeSamples));
    if (fresh.every((r) => r !== undefined)) {
      targets.forEach((t, i) => say("stdout", `specsmith: ${t.name} ${fresh[i]!.version}: no SDK changes\n`));
      const ms = Math.round(performance.now() - started);
      const what = targets.map((t) => rel(t.out)).join(", ");
      say("stdout", `specsmith: ${flags.check ? "output is " : ""}up to date (nothing changed since the last generation: ${what}) in ${ms} ms\n`);
      return 0;
    }
    const results = await generateAll(spec, targets, { overlays, release: !flags.watch });
    loaded = results[0]?.sources ?? [spec];
    const warnings = results[0]?.warnings ?? [];
    if (warnings.length) process.stderr.write(warnings.map(formatDiagnostic).join("\n") + "\n");
    for (const r of results) if (r.release) say("stdout", releaseLine(r));
    if (flags.check) {
      const { diffs, ignored, edited } = checkAll(results);
      if (codeSamples && readText(codeSamples) !== codeSamplesFile(results)) diffs.push(`${readText(codeSamples) === undefined ? "missing" : "changed"}: ${codeSamples}`);
      if (ignored.length > 0) say("stdout", `specsmith: ignored (.specsmithignore): ${ignored.map(rel).join(", ")}\n`);
      // Hand edits persist by design (not a difference), but a reviewer should see which files carry them.
      if (edited.length > 0) say("stdout", `specsmith: carrying hand edits (kept, merged on each generation): ${edited.map(rel).join(", ")}\n`);
      if (diffs.length > 0) {
        say("stderr", `specsmith: output differs from a fresh generation (run \`specsmith generate\`):\n${diffs.map((d) => "  " + d).join("\n")}\n`);
        return 3;
      }
      say("stdout", `specsmith: output is up to date (${results.map((r) => `${r.files.length} files in ${rel(r.target.out)}`).join(", ")})\n`);
      return 0;
    }
    const samples = codeSamples ? codeSamplesFile(results) : undefined;
    if (samples !== undefined) for (const r of results) if (r.inputs) r.inputs.samples = digestOf(samples);
    const summaries = writeAll(results);
    if (codeSamples && samples !== undefined && writeFileAtomic(codeSamples, samples)) say("stdout", `specsmith: code samples → ${rel(codeSamples)}\n`);
    for (const note of summaries.flatMap((s) => s.notes)) say("stderr", `specsmith: ${note}\n`);
    summaries.forEach((s, i) => {
      const out = results[i].target.out;
      if (s.ignored.length) say("stdout", `specsmith: left alone (.specsmithignore): ${s.ignored.map((p) => rel(join(out, p))).join(", ")}\n`);
      if (s.merged.length) say("stdout", `specsmith: merged your edits with the new generation: ${s.merged.map((p) => rel(join(out, p))).join(", ")}\n`);
    });
    const conflicts = summaries.flatMap((s, i) => s.conflicts.map((p) => rel(join(results[i].target.out, p))));
    const ms = Math.round(performance.now() - started);
    const what = results.map(
      (r, i) => `${r.target.name} (${r.files.length} files, ${summaries[i].written} written${summaries[i].removed ? `, ${summaries[i].removed} removed` : ""}) → ${rel(r.target.out)}`,
    );
    say("stdout", `specsmith: generated ${what.join(", ")} in ${ms} ms\n`);
    if (conflicts.length > 0) {
      say(
        "stderr",
        `specsmith: your edits conflict with the new generation in ${conflicts.join(", ")}\n` +
          "  hint: each conflict is marked <<<<<<< yours / ||||||| pristine / ======= / >>>>>>> generated; keep what you need, delete the markers, and generate again\n",
      );
      return 1;
    }
    return 0;
  };
  if (!flags.watch) return once();
  // Watching: every failure is reported and the next save tries again.
  const run = async () => {
    await once().catch(report);
    return [...loaded, ...(config ? [config] : [])];
  };
  const files = await run();
  say("stdout", `specsmith: watching ${files.map(rel).join(", ")} (Ctrl-C to stop)\n`);
  watchFiles(files, run);
  return new Promise<number>(() => {});
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
  }
}

/** Commander's way to take an option more than once. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

/** Writes a message that may hold spec text or paths: control characters are shown escaped. */
function say(stream: "stdout" | "stderr", text: string): void {
  process[stream].write(terminalSafe(text));
}

/** Prints a failure and returns its exit code; nothing escapes as a stack trace unless --debug. */
export function report(e: unknown): number {
  if (e instanceof SpecError) {
    const errors = e.diagnostics.filter((d) => d.severity === "error").length;
    process.stderr.write(e.diagnostics.map(formatDiagnostic).join("\n") + `\nspecsmith: ${errors} error${errors === 1 ? "" : "s"}; nothing was written\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    say("stderr", `specsmith: ${e.message}\n`);
    return 2;
  }
  if (e instanceof WriteError || e instanceof LockFileError) {
    say("stderr", `specsmith: ${e.message}\n`);
    return 1;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    say("stderr", "specsmith: the spec nests too deeply to generate from; nothing was written\n  hint: flatten deeply nested schemas into named components ($ref)\n");
    if (debug) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  say("stderr", `specsmith: internal error: ${message}; nothing was written\n  hint: this is a bug in specsmith; rerun with --debug for a stack trace and report it\n`);
  if (debug) process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  const program = new Command("specsmith")
    .description("OpenAPI → typed SDKs and docs")
    .version(VERSION)
    .option("--debug", "print stack traces of failures")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let code = 0;
  program
    .command("generate")
    .description("generate the SDKs and docs that spec/specsmith.yaml configures, or one target for --spec")
    .option("--config <file>", "generation config", "spec/specsmith.yaml")
    .option("--check", "compare the output with a fresh generation instead of writing (exit 3 if it differs)")
    .option("--watch", "regenerate whenever the spec, a file it $refs, or the config changes")
    .option("--spec <file>", "an OpenAPI document (3.0 or 3.1, YAML or JSON) instead of the config's")
    .option("--overlay <file>", "an OpenAPI Overlay 1.0 applied to the spec (repeatable; after the config's overlays)", collect, [])
    .addOption(new Option("--target <name>", "the target to generate").choices(targetNames(TARGETS)))
    .option("--out <dir>", "output folder, with --spec")
    .option("--package-name <name>", "package name, with --spec")
    .option("--sdk-class <name>", "SDK class name, with --spec")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: GenerateFlags) => {
      code = await runGenerate(flags).catch(report);
    });
  program
    .command("diff")
    .description("list the SDK changes between two versions of a spec, per target, and the semver bump they call for (writes nothing)")
    .argument("<old-spec>", "the spec the SDK was generated from")
    .argument("<new-spec>", "the spec it will be generated from")
    .addOption(new Option("--target <name>", "one target (default: the config's targets, or both)").choices(targetNames(TARGETS)))
    .option("--json", "print JSON: {target, bump, changes: [{kind, breaking, symbol, operationId?, detail}]} (an array of them without --target)")
    .addOption(new Option("--fail-on <level>", "exit 4 when a change of this level is found (the CI gate)").choices(["breaking"]))
    .option("--config <file>", "generation config whose targets name the SDK (sdkClass, packageName) and whose overlays apply to both specs", "spec/specsmith.yaml")
    .option("--overlay <file>", "an OpenAPI Overlay 1.0 applied to both specs (repeatable)", collect, [])
    .option("--package-name <name>", "package name, instead of the config's")
    .option("--sdk-class <name>", "SDK class name, instead of the config's")
    .option("--debug", "print stack traces of failures")
    .action(async (oldSpec: string, newSpec: string, flags: DiffFlags) => {
      code = await runDiff(oldSpec, newSpec, flags, (text) => say("stdout", text)).catch(report);
    });
  const docs = program.command("docs").description("the docs site (VitePress), from the same source as the markdown docs");
  docs
    .command("build")
    .description("build the static docs site for the config's SDKs")
    .option("--config <file>", "generation config", "spec/specsmith.yaml")
    .option("--out <dir>", "the site's folder", "generated/site")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: { config: string; out: string }) => {
      code = await buildSite(flags.config, resolve(flags.out))
        .then((b) => {
          say("stdout", `specsmith: docs site (${b.pages} pages) → ${rel(b.out)} in ${b.ms} ms\n`);
          return 0;
        })
        .catch(report);
    });
  docs
    .command("dev")
    .description("serve the docs site with reload while you edit")
    .option("--config <file>", "generation config", "spec/specsmith.yaml")
    .option("--port <n>", "port on 127.0.0.1", "5173")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: { config: string; port: string }) => {
      code = await serveSite(flags.config, Number(flags.port))
        .then((url) => {
          say("stdout", `specsmith: serving the docs site at ${url} (Ctrl-C to stop)\n`);
          return new Promise<number>(() => {});
        })
        .catch(report);
    });
  program
    .command("overlay")
    .description("work with OpenAPI Overlays")
    .command("apply")
    .description("apply overlays to a spec, in order, and print the merged document (or write it with -o)")
    .argument("<spec>", "the OpenAPI document")
    .argument("<overlays...>", "OpenAPI Overlay 1.0 files")
    .option("-o, --out <file>", "write the merged document here (YAML, or JSON for a .json name) instead of printing it")
    .option("--debug", "print stack traces of failures")
    .action(async (spec: string, overlays: string[], flags: { out?: string }) => {
      code = await runOverlayApply(spec, overlays, flags.out, (text) => process.stdout.write(text)).catch(report);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    return report(e);
  }
  return code;
}
