/**
 * `generate --test` for a Python SDK: its generated tests (tests/test_*.py) run by pytest on the
 * Python that PYTHON names (default python3), with pytest's JUnit report read back.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../diagnostics.js";
import type { TestRun } from "../target.js";

export async function runPythonTests(out: string, specsmith: string): Promise<TestRun> {
  const python = process.env.PYTHON ?? "python3";
  const report = join(tmpdir(), `specsmith-pytest-${process.pid}-${Date.now()}.xml`);
  try {
    const r = spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", `--junitxml=${report}`], {
      cwd: out,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, SPECSMITH: specsmith, PYTHONDONTWRITEBYTECODE: "1" },
    });
    if (r.error) throw new UsageError(`the Python SDK's tests run on ${python}, which could not start: ${r.error.message}\n  hint: set PYTHON to a Python 3.9+ with pytest`);
    if (/No module named pytest/.test(r.stderr)) {
      throw new UsageError(`the Python SDK's tests run on pytest, which ${python} does not have\n  hint: pip install pytest pytest-asyncio httpx pydantic (or set PYTHON to a Python that has them)`);
    }
    let xml: string;
    try {
      xml = readFileSync(report, "utf8");
    } catch {
      throw new UsageError(`pytest did not run the tests in ${out} (exit code ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
    }
    return junitResults(xml);
  } finally {
    rmSync(report, { force: true });
  }
}

/** Every test case of a JUnit report, and the failed ones (`classname::name`) with the first words of why. */
export function junitResults(xml: string): TestRun {
  const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const attr = (attrs: string, name: string) => unescapeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? "");
  const failed = cases.flatMap((c) => {
    const problem = /<(failure|error)\b([^>]*)>/.exec(c[3] ?? "");
    return problem ? [{ id: `${attr(c[1], "classname")}::${attr(c[1], "name")}`, message: attr(problem[2], "message").split("\n")[0] }] : [];
  });
  return { total: cases.length, failed };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}
