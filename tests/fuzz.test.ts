// The fuzz suite, fixed seed: hostile specs (see tests/fuzz/arbitraries.ts) must generate both SDKs,
// type-check under --strict, compile as Python, import without running any spec text (a canary), and
// keep every operation as its own method. `npm run fuzz -- --runs N --seed S` runs the long version.
import fc from "fast-check";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SpecError } from "../generator/diagnostics.js";
import { generateAll } from "../generator/generate.js";
import { createMarkdownRenderer } from "vitepress";
import type { CodeSample } from "../generator/docs/code-samples.js";
import { samplesByMarker, sitePage } from "../generator/docs/site-pages.js";
import { SITE_MARKDOWN } from "../generator/docs/site.js";
import { specArbitrary } from "./fuzz/arbitraries.js";
import { siteProblems } from "./helpers/site-check.js";
import { runFuzz } from "./fuzz/harness.js";
import { mutationArbitrary } from "./fuzz/mutations.js";
import { ROOT, SPEC, read } from "./helpers/paths.js";

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

  it("400 structural mutations of a valid spec: each generates or is refused at a position, none crashes", async () => {
    const base = parse(read(SPEC));
    const crashes: string[] = [];
    let refused = 0;
    const dir = join(ROOT, ".tmp", "fuzz-mutations");
    for (const [i, m] of fc.sample(mutationArbitrary(base), { seed: FUZZ_SEED, numRuns: 400 }).entries()) {
      const spec = join(dir, `m${i % 10}.json`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(spec, JSON.stringify(m.doc));
      try {
        await generateAll(spec, [
          { name: "typescript", out: join(dir, "ts"), packageName: "m", sdkClass: "M", version: "1.0.0" },
          { name: "python", out: join(dir, "py"), packageName: "m", sdkClass: "M", version: "1.0.0" },
        ]);
      } catch (e) {
        if (e instanceof SpecError && e.diagnostics.every((d) => d.line > 0 && d.pointer.startsWith("#"))) refused++;
        else crashes.push(`${m.edits.join("; ")}: ${(e as Error).stack?.split("\n").slice(0, 3).join(" ")}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it("site pages of 15 hostile specs render no markup, interpolation or local file of the spec's own (VitePress's markdown-it)", async () => {
    const dir = join(ROOT, ".tmp", "fuzz-site");
    mkdirSync(dir, { recursive: true });
    const renderer = await createMarkdownRenderer(dir, SITE_MARKDOWN);
    const hostname = readFileSync("/etc/hostname", "utf8").trim();
    const problems: string[] = [];
    let pages = 0;
    for (const [i, spec] of fc.sample(specArbitrary, { seed: FUZZ_SEED + 1, numRuns: 15 }).entries()) {
      const path = join(dir, `s${i}.json`);
      writeFileSync(path, JSON.stringify(spec.doc));
      let results;
      try {
        results = await generateAll(path, [
          { name: "typescript", out: join(dir, "none-ts"), packageName: "s", sdkClass: "S", version: "1.0.0" },
          { name: "python", out: join(dir, "none-py"), packageName: "s", sdkClass: "S", version: "1.0.0" },
        ]);
      } catch (e) {
        if (e instanceof SpecError) continue;
        throw e;
      }
      const samples = new Map<string, CodeSample[]>();
      for (const r of results) for (const x of r.samples ?? []) (samples.get(x.operationId) ?? samples.set(x.operationId, []).get(x.operationId)!).push(x);
      const byMarker = samplesByMarker(samples);
      for (const f of results[0].files.filter((x) => x.path.endsWith(".md") && x.path !== "CHANGELOG.md")) {
        const page = sitePage(f, byMarker);
        pages++;
        // VitePress replaces includes on the raw text before markdown: none may be left to replace.
        if (/<!--\s*@include:\s*(.*?)\s*-->/.test(page.content)) problems.push(`${i}/${f.path}: an include directive`);
        const html = await renderer.renderAsync(page.content, { path: join(dir, "page.md"), relativePath: "page.md" } as never);
        for (const p of siteProblems(html, hostname.length > 3 ? [hostname] : [])) problems.push(`${i}/${f.path}: ${p}`);
      }
    }
    expect(pages).toBeGreaterThan(20);
    expect(problems).toEqual([]);
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
