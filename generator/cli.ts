/**
 * specsmith's command line.
 * Exit codes: 0 done; 1 the spec (or config) has errors; 2 bad usage; 3 --check found differences.
 */
import { Command, CommanderError, Option } from "commander";
import { watch } from "node:fs";
import { relative, resolve } from "node:path";
import { TARGETS, loadConfig, type TargetConfig } from "./config.js";
import { SpecError, UsageError, formatDiagnostic } from "./diagnostics.js";
import { checkAll, generateAll, writeAll } from "./generate.js";
import { pascalCase } from "./ir/names.js";
import { VERSION } from "./paths.js";
import { WriteError } from "./write/write.js";

interface GenerateFlags {
  config: string;
  check?: boolean;
  watch?: boolean;
  spec?: string;
  target?: string;
  out?: string;
  packageName?: string;
  sdkClass?: string;
}

async function runGenerate(flags: GenerateFlags): Promise<number> {
  let spec: string;
  let targets: TargetConfig[];
  if (flags.spec || flags.out) {
    if (!flags.spec || !flags.out) throw new UsageError("--spec and --out go together (and --target, default typescript)");
    const name = (flags.target ?? "typescript") as TargetConfig["name"];
    if (!(TARGETS as readonly string[]).includes(name)) throw new UsageError(`unknown --target ${flags.target}; targets are: ${TARGETS.join(", ")}`);
    spec = resolve(flags.spec);
    const stem = spec.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, "");
    const packageName = flags.packageName ?? (name === "python" ? stem.toLowerCase().replace(/[^a-z0-9]+/g, "_") : stem.toLowerCase().replace(/[^a-z0-9-]+/g, "-"));
    targets = [{ name, out: resolve(flags.out), packageName, sdkClass: flags.sdkClass ?? (pascalCase(stem) || "SDK"), version: "0.1.0" }];
  } else {
    const config = loadConfig(flags.config);
    spec = config.spec;
    targets = config.targets.filter((t) => !flags.target || t.name === flags.target);
    if (targets.length === 0) throw new UsageError(`${flags.config} configures no ${flags.target ?? ""} target`);
  }
  const once = async (): Promise<number> => {
    const started = performance.now();
    const results = await generateAll(spec, targets);
    const warnings = results[0]?.warnings ?? [];
    if (warnings.length) process.stderr.write(warnings.map(formatDiagnostic).join("\n") + "\n");
    if (flags.check) {
      const diffs = checkAll(results);
      if (diffs.length > 0) {
        process.stderr.write(`specsmith: output differs from a fresh generation (run \`specsmith generate\`):\n${diffs.map((d) => "  " + d).join("\n")}\n`);
        return 3;
      }
      process.stdout.write(`specsmith: output is up to date (${results.map((r) => `${r.files.length} files in ${rel(r.target.out)}`).join(", ")})\n`);
      return 0;
    }
    writeAll(results);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`specsmith: generated ${results.map((r) => `${r.target.name} (${r.files.length} files) → ${rel(r.target.out)}`).join(", ")} in ${ms} ms\n`);
    return 0;
  };
  if (!flags.watch) return once();
  const run = () => once().catch(report);
  await run();
  let timer: NodeJS.Timeout | undefined;
  watch(spec, () => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  });
  process.stdout.write(`specsmith: watching ${rel(spec)} (Ctrl-C to stop)\n`);
  return new Promise<number>(() => {});
}

function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

function report(e: unknown): number {
  if (e instanceof SpecError) {
    const errors = e.diagnostics.filter((d) => d.severity === "error").length;
    process.stderr.write(e.diagnostics.map(formatDiagnostic).join("\n") + `\nspecsmith: ${errors} error${errors === 1 ? "" : "s"}; nothing was written\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`specsmith: ${e.message}\n`);
    return 2;
  }
  if (e instanceof WriteError) {
    process.stderr.write(`specsmith: ${e.message}\n`);
    return 1;
  }
  throw e;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command("specsmith")
    .description("OpenAPI → typed SDKs and docs")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let code = 0;
  program
    .command("generate")
    .description("generate the SDKs and docs that spec/specsmith.yaml configures, or one target for --spec")
    .option("--config <file>", "generation config", "spec/specsmith.yaml")
    .option("--check", "compare the output with a fresh generation instead of writing (exit 3 if it differs)")
    .option("--watch", "regenerate whenever the spec changes")
    .option("--spec <file>", "an OpenAPI document (3.0 or 3.1, YAML or JSON) instead of the config's")
    .addOption(new Option("--target <name>", "the target to generate").choices([...TARGETS]))
    .option("--out <dir>", "output folder, with --spec")
    .option("--package-name <name>", "package name, with --spec")
    .option("--sdk-class <name>", "SDK class name, with --spec")
    .action(async (flags: GenerateFlags) => {
      code = await runGenerate(flags).catch(report);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return code;
}
