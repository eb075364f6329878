// The fuzz suite, fixed seed: hostile specs (see tests/fuzz/arbitraries.ts) must generate both SDKs,
// type-check under --strict, compile as Python, import without running any spec text (a canary), and
// keep every operation as its own method. `npm run fuzz -- --runs N --seed S` runs the long version.
import fc from "fast-check";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specArbitrary } from "./fuzz/arbitraries.js";
import { runFuzz } from "./fuzz/harness.js";
import { ROOT } from "./helpers/paths.js";

export const FUZZ_SEED = 20261129;
export const FUZZ_SPECS = 60;

describe("fuzz: hostile specs stay inert", () => {
  it(`${FUZZ_SPECS} generated specs (seed ${FUZZ_SEED}) give SDKs that compile, import without side effects and keep every operation`, async () => {
    const specs = fc.sample(specArbitrary, { seed: FUZZ_SEED, numRuns: FUZZ_SPECS });
    const report = await runFuzz(specs, join(ROOT, ".tmp", "fuzz-ci"));
    expect(report.failures).toEqual([]);
    // Most specs must generate: a fuzz run that only produced refusals would prove nothing.
    expect(report.refused).toBeLessThan(FUZZ_SPECS / 4);
  }, 240_000);

  it("the harness notices planted code, a lost operation and a compile error", async () => {
    const specs = fc.sample(specArbitrary, { seed: 1, numRuns: 2 });
    const report = await runFuzz(specs, join(ROOT, ".tmp", "fuzz-self"), (dir) => {
      appendFileSync(join(dir, "ts", "sdk0", "src", "lib", "config.ts"), '\n(globalThis as any).CANARY?.("planted-ts");\n');
      appendFileSync(join(dir, "py", "sdk0", "src", "fuzz_0", "config.py"), '\n__import__("builtins").CANARY("planted-py")\n');
      const sdk = join(dir, "py", "sdk1", "src", "fuzz_1", "sdk.py");
      writeFileSync(sdk, readFileSync(sdk, "utf8").replace("class SDK:", "class SDK:\n    x = (\n"));
    });
    expect(report.failures).toContain("typescript: spec text ran as code (canary planted-ts)");
    expect(report.failures).toContain("python: spec text ran as code (canary planted-py)");
    expect(report.failures).toContain("python: sdk1: py_compile failed");
  }, 120_000);
});
