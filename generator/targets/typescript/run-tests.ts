/**
 * `generate --test` for a TypeScript SDK: its generated tests (tests/*.test.ts) run by the vitest
 * the SDK's folder resolves (its devDependencies, installed), with vitest's JSON report read back.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { UsageError } from "../../diagnostics.js";
import type { TestRun } from "../target.js";

interface VitestReport {
  numTotalTests: number;
  testResults: { name: string; message?: string; assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }[] }[];
}

export async function runTypeScriptTests(out: string, specsmith: string): Promise<TestRun> {
  const cli = vitestCli(out);
  const report = join(tmpdir(), `specsmith-vitest-${process.pid}-${Date.now()}.json`);
  try {
    const r = spawnSync(process.execPath, [cli, "run", "--reporter=json", `--outputFile=${report}`], { cwd: out, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, SPECSMITH: specsmith } });
    let parsed: VitestReport;
    try {
      parsed = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
    } catch {
      throw new UsageError(`vitest did not run the tests in ${out} (exit code ${r.status}):\n${(r.stderr || r.stdout).slice(-3000)}`);
    }
    const failed = parsed.testResults.flatMap((file) => {
      const path = relative(out, file.name).split(sep).join("/");
      const tests = file.assertionResults.filter((t) => t.status === "failed").map((t) => ({ id: [path, ...t.ancestorTitles, t.title].join(" > "), message: firstLine(t.failureMessages[0]) }));
      // A file that failed before its tests ran (an import, the setup) fails each of its tests.
      return tests.length === 0 && file.message ? file.assertionResults.map((t) => ({ id: [path, ...t.ancestorTitles, t.title].join(" > "), message: firstLine(file.message) })) : tests;
    });
    return { total: parsed.numTotalTests, failed };
  } finally {
    rmSync(report, { force: true });
  }
}

/** The vitest CLI the SDK's folder resolves. */
function vitestCli(out: string): string {
  try {
    const pkg = createRequire(join(out, "package.json")).resolve("vitest/package.json");
    const bin = (JSON.parse(readFileSync(pkg, "utf8")) as { bin: Record<string, string> }).bin.vitest;
    return join(dirname(pkg), bin);
  } catch {
    throw new UsageError(`the TypeScript SDK's tests run on vitest, which ${out} does not resolve\n  hint: install its devDependencies (npm install in ${out})`);
  }
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}
