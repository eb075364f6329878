/**
 * specsmith's command line.
 * Exit codes: 0 done; 1 the spec, config or output folder has a problem (or specsmith failed: an
 * internal error); 2 bad usage; 3 --check found differences; 4 `diff --fail-on breaking` found a
 * breaking change. Never a stack trace unless --debug.
 */
import { Command, CommanderError, Option } from "commander";
import { resolve } from "node:path";
import { TARGETS, targetNames } from "./targets/registry.js";
import { SpecError, UsageError, formatDiagnostic } from "./diagnostics.js";
import { rel, say } from "./cli-io.js";
import { runGenerate, type GenerateFlags } from "./generate-command.js";
import { runDiff, type DiffFlags } from "./diff.js";
import { runOverlayApply } from "./overlay-apply.js";
import { buildSite, serveSite, type LiveUpdate } from "./docs/site.js";
import { cliProgress } from "./progress.js";
import { LockFileError } from "./release/lock.js";
import { VERSION } from "./paths.js";
import { WriteError } from "./write/write.js";
import { runMock } from "./mock/command.js";
import { runInit, type InitFlags } from "./init.js";

let debug = false;

// A worker thread generating one target runs this bundle (target-worker.ts).
export { runTargetJob } from "./generate.js";

/** Commander's way to take an option more than once. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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

/** `--port`'s value as a port number from 1 to 65535; else a usage error. */
function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (port >= 1 && port <= 65535) return port;
  throw new UsageError(`--port ${text} is not a port number (1 to 65535)\n  hint: such as --port 5173`);
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
    .option("--test", "after writing, run each SDK's generated tests (targets with tests: true) against `specsmith mock` (exit 5 naming the failing operations)")
    .option("--watch", "regenerate whenever the spec, a file it $refs, or the config changes")
    .option("--spec <file>", "an OpenAPI document (3.0 or 3.1, YAML or JSON) instead of the config's")
    .option("--overlay <file>", "an OpenAPI Overlay 1.0 applied to the spec (repeatable; after the config's overlays)", collect, [])
    .addOption(new Option("--target <name>", "the target to generate").choices(targetNames(TARGETS)))
    .option("--out <dir>", "output folder, with --spec")
    .option("--package-name <name>", "package name, with --spec")
    .option("--sdk-class <name>", "SDK class name, with --spec")
    .option("--quiet", "print only warnings and errors (no progress, no summary)")
    .option("--json", "print one JSON summary on stdout: per target the files written, unchanged, removed, merged, conflicts and the release")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: GenerateFlags) => {
      code = await runGenerate(flags, report).catch(report);
    });
  program
    .command("init")
    .description("write a specsmith.yaml for a spec (never replacing one); --from-speakeasy carries a Speakeasy gen.yaml's settings over")
    .option("--spec <file>", "the OpenAPI document the SDKs are generated from")
    .option("--from-speakeasy <gen.yaml>", "Speakeasy's .speakeasy/gen.yaml: the SDK class and, per language, the package, version, maxMethodParams and baseErrorName")
    .option("--config <file>", "the config file to write", "specsmith.yaml")
    .option("--debug", "print stack traces of failures")
    .action((flags: InitFlags) => {
      try {
        code = runInit(flags, (text) => say("stdout", text));
      } catch (e) {
        code = report(e);
      }
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
    .option("--base <path>", "the site's base path when served below the domain's root (GitHub Pages: /repo/)")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: { config: string; out: string; base?: string }) => {
      code = await buildSite(flags.config, resolve(flags.out), { base: flags.base, progress: () => cliProgress() })
        .then((b) => {
          say("stdout", `specsmith: docs site (${b.pages} pages)${b.unchanged ? ", unchanged since its last build," : ""} → ${rel(b.out)} in ${b.ms} ms\n`);
          return 0;
        })
        .catch(report);
    });
  docs
    .command("dev")
    .description("serve the docs site with reload while you edit")
    .option("--config <file>", "generation config", "spec/specsmith.yaml")
    .option("--port <n>", "port on 127.0.0.1", "5173")
    .option("--base <path>", "the site's base path (as for build)")
    .option("--debug", "print stack traces of failures")
    .action(async (flags: { config: string; port: string; base?: string }) => {
      // Each save of the spec, its overlays or the config: the pages made again, or why not (the last good site stays served).
      const told = (u: LiveUpdate) => {
        if ("error" in u) report(u.error);
        else say("stdout", `specsmith: docs site updated (${u.changed} file${u.changed === 1 ? "" : "s"} changed of ${u.pages} pages) in ${u.ms} ms\n`);
      };
      code = await serveSite(flags.config, portOf(flags.port), { base: flags.base, told, progress: () => cliProgress() })
        .then(({ url, close }) => {
          say("stdout", `specsmith: serving the docs site at ${url} (Ctrl-C to stop)\n`);
          // Ctrl-C or a termination stops the server and removes its source folder.
          return new Promise<number>((done) => {
            for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void close().then(() => done(0)));
          });
        })
        .catch(report);
    });
  program
    .command("mock")
    .description("serve the spec's operations on 127.0.0.1 from its examples, checking each request (for an SDK's tests and examples)")
    .argument("<spec>", "the OpenAPI document")
    .option("--port <n>", "port on 127.0.0.1 (0 picks a free one)", "4010")
    .option("--overlay <file>", "an OpenAPI Overlay applied to the spec (repeatable)", collect, [])
    .option("--debug", "print stack traces of failures")
    .action(async (spec: string, flags: { port: string; overlay: string[] }) => {
      code = await runMock(spec, flags).catch(report);
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
