// Call compatibility with Speakeasy's Clerk Python SDK: every usage snippet of the reference's
// resource pages (clerk-sdk-python 6.0.1, same API version) runs unmodified against our SDK for the
// same spec, and sends the request its page names (method and path) to a local server.
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT, SHARED, listFiles } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";

const PAGES = join(SHARED, "reference/clerk-sdk-python-6.0.1/docs/sdks");

interface Outcome {
  page: string;
  operation: string;
  ok: boolean;
  error: string;
}

describe("Speakeasy's Clerk Python snippets against our Clerk SDK", () => {
  it("run as written and send the request their page names", async () => {
    const out = join(ROOT, ".tmp", "py-clerk");
    const [r] = await generateAll(join(SHARED, "specs/clerk-bapi.yaml"), [{ name: "python", out, packageName: "clerk_backend_api", sdkClass: "Clerk", version: "6.0.1" }]);
    rmSync(out, { recursive: true, force: true });
    writeOutput(out, r.files);
    const pages = listFiles(PAGES).map((p) => join(PAGES, p));
    expect(pages.length).toBe(10);
    const run = spawnSync(PYTHON, [join(ROOT, "tests/python/run_snippets.py"), join(out, "src"), "CLERK_SERVER_URL", ...pages], { encoding: "utf8", timeout: 600_000 });
    const report = JSON.parse(run.stdout.trim().split("\n").pop()!) as { passed: number; total: number; results: Outcome[] };
    const failed = report.results.filter((x) => !x.ok);
    // Two snippets of the reference pass a fractional number (62.24, 1880.22) where the spec declares
    // an integer; Speakeasy's SDK types these fields `int` too, so pydantic refuses them there as here.
    const integersGivenFractions = ["UpdateJWTTemplate", "CreateSessionTokenFromTemplate"];
    expect(failed.map((x) => x.operation).sort()).toEqual([...integersGivenFractions].sort());
    for (const f of failed) expect(f.error).toMatch(/int_from_float|valid integer|is_instance_of/);
    expect(report.total).toBeGreaterThanOrEqual(90);
  }, 600_000);
});
