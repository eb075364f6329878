// The @readme/oas-examples documents (OpenAPI 3.0 and 3.1), each written to exercise a feature:
// every one generates (or would fail with a located diagnostic), the TypeScript SDKs type-check
// together under --strict, the Python SDKs import whole and pass mypy --strict, and two runs give the same bytes.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPythonSdks, mypyStrict, ruffCheck, ruffFormatCheck } from "./helpers/python.js";
import { SpecError } from "../generator/diagnostics.js";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { formatCheck } from "./helpers/format.js";
import { ROOT } from "./helpers/paths.js";
import { tsc } from "./helpers/tsc.js";

const DIR = join(ROOT, "node_modules", "@readme", "oas-examples");
const DOCS = ["3.0", "3.1"].flatMap((v) =>
  readdirSync(join(DIR, v, "json"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ version: v, file: f, name: `${v.replace(".", "")}-${f.replace(/\.json$/, "")}` })),
);
const OUT = join(ROOT, ".tmp", "oas-examples");

describe("@readme/oas-examples", () => {
  it(`generates all ${DOCS.length} documents for both targets, deterministically`, async () => {
    rmSync(OUT, { recursive: true, force: true });
    const failures: string[] = [];
    const notPrettier: string[] = [];
    for (const d of DOCS) {
      const spec = join(DIR, d.version, "json", d.file);
      const targets = [
        { name: "typescript" as const, out: join(OUT, "ts", d.name), packageName: d.name, sdkClass: "SDK", version: "1.0.0" },
        { name: "python" as const, out: join(OUT, "py", d.name), packageName: "pkg_" + d.name.replace(/-/g, "_"), sdkClass: "SDK", version: "1.0.0" },
      ];
      try {
        const first = await generateAll(spec, targets);
        const second = await generateAll(spec, targets);
        expect(
          second.map((r) => r.files),
          d.name,
        ).toEqual(first.map((r) => r.files));
        // The formatting gate: every emitted .ts file is as prettier writes it.
        notPrettier.push(...(await formatCheck(first[0].files)).map((f) => `${d.name}/${f}`));
        for (const r of first) writeOutput(r.target.out, r.files);
      } catch (e) {
        // A document may be refused, but only with diagnostics that say where and why.
        if (!(e instanceof SpecError)) throw e;
        for (const diag of e.diagnostics) expect(diag.line, `${d.name}: ${diag.message}`).toBeGreaterThan(0);
        failures.push(`${d.name}: ${e.diagnostics[0].message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(notPrettier).toEqual([]);
  }, 300_000);

  it("the TypeScript SDKs type-check under --strict", () => {
    writeFileSync(
      join(OUT, "ts", "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], strict: true, noEmit: true, skipLibCheck: true },
        include: ["*/src/**/*.ts"],
      }),
    );
    const r = tsc(["-p", join(OUT, "ts")]);
    expect(r.output.split("\n").slice(0, 20).join("\n")).toBe("");
    expect(r.code).toBe(0);
  }, 300_000);

  it("the Python SDKs import whole and type-check under mypy --strict", () => {
    const packages = readdirSync(join(OUT, "py"))
      .sort()
      .map((name) => ({ src: join(OUT, "py", name, "src"), name: "pkg_" + name.replace(/-/g, "_") }));
    expect(packages.length).toBeGreaterThan(0);
    expect(checkPythonSdks(packages).filter((r) => r.errors.length > 0)).toEqual([]);
    expect(mypyStrict(packages)).toBe("");
    expect(ruffCheck(packages.map((p) => p.src))).toBe("");
    expect(ruffFormatCheck(packages.map((p) => p.src))).toBe("");
  }, 300_000);
});
