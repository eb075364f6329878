// Call compatibility with Speakeasy's Clerk Python SDK: every usage snippet of its 46 resource pages
// (clerk-sdk-python 6.0.1, same API version; extracted in tests/reference-snippets/, see SOURCE.md
// there) runs unmodified against our SDK for the same spec and sends the request its page names
// (method and path) to a local server; and every snippet of our own pages for the whole Clerk API
// runs and sends its request.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonNames } from "./real-world/checks.js";
import { sharedOutput } from "./helpers/shared-output.js";
import { brokenLinks } from "./helpers/links.js";
import { ROOT, SHARED, listFiles } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";

const REFERENCE = join(ROOT, "tests", "reference-snippets", "clerk-sdk-python-6.0.1");

interface Report {
  passed: number;
  total: number;
  results: { page: string; operation: string; ok: boolean; error: string }[];
}

function runSnippets(OUT: string, pages: string[]): Report {
  const run = spawnSync(PYTHON, [join(ROOT, "tests/python/run_snippets.py"), join(OUT, "src"), "CLERK_SERVER_URL", ...pages], { encoding: "utf8", timeout: 900_000, maxBuffer: 1 << 26 });
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Report;
}

describe("the Clerk Python SDK's usage snippets", () => {
  let operations = 0;
  let OUT = "";
  beforeAll(async () => {
    // The same generation the real-world Python check reads (once per run).
    const sdk = await sharedOutput(join(SHARED, "specs/clerk-bapi.yaml"), "py-clerk-bapi", { target: "python", ...pythonNames("clerk-bapi.yaml") });
    OUT = sdk.out;
    operations = sdk.operations;
  }, 120_000);

  it("Speakeasy's run as written and send the request their page names", () => {
    const pages = listFiles(REFERENCE)
      .filter((p) => p.endsWith(".md") && p !== "SOURCE.md")
      .map((p) => join(REFERENCE, p));
    expect(pages.length).toBe(46);
    const report = runSnippets(OUT, pages);
    const failed = report.results.filter((x) => !x.ok);
    // Two snippets of the reference pass a fractional number (62.24, 1880.22) where the spec declares
    // an integer; Speakeasy's SDK types these fields `int` too, so pydantic refuses them there as here.
    const integersGivenFractions = ["UpdateJWTTemplate", "CreateSessionTokenFromTemplate"];
    expect(failed.map((x) => x.operation).sort()).toEqual([...integersGivenFractions].sort());
    for (const f of failed) expect(f.error).toMatch(/int_from_float|valid integer|is_instance_of/);
    expect(report.total).toBe(261);
  }, 900_000);

  it("ours, one per operation, run as written and each sends one request; every link of the docs resolves", () => {
    const docs = listFiles(OUT).filter((f) => f.endsWith(".md"));
    expect(brokenLinks(OUT, docs).slice(0, 10)).toEqual([]);
    const pages = listFiles(join(OUT, "docs", "sdks")).map((p) => join(OUT, "docs", "sdks", p));
    const report = runSnippets(OUT, pages);
    expect(report.results.filter((x) => !x.ok)).toEqual([]);
    expect(report.total).toBe(operations);
  }, 900_000);
});
