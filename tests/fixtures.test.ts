// Per-feature fixture specs (tests/fixtures/<feature>/): one snapshot per emitted file of each target
// (TypeScript under __snapshots__/, Python under __snapshots__/python/), none stale; every TypeScript
// output type-checks under --strict (one tsc run over all of them) and is prettier-clean.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll, type TargetResult } from "../generator/generate.js";
import { runtimeFiles } from "../generator/targets/shared/runtime-files.js";
import { formatCheck } from "./helpers/format.js";
import { ROOT, listFiles } from "./helpers/paths.js";
import { tscAsync } from "./helpers/tsc.js";
import { writeOutput } from "../generator/write/write.js";

const FIXTURES = join(ROOT, "tests", "fixtures");
const fixtures = readdirSync(FIXTURES).sort();
const OUT = join(ROOT, ".tmp", "fixtures");
const specOf = (name: string) => ["spec.yaml", "spec.json"].map((f) => join(FIXTURES, name, f)).find(existsSync)!;
const pythonPackage = (name: string) => "fx_" + name.replace(/-/g, "_");

/** Both targets of a fixture; the changelog's date is the one input that is not the spec's: fixed, so snapshots keep. */
async function generate(name: string): Promise<{ ts: TargetResult; py: TargetResult }> {
  // Fresh folders: a lock left by an earlier run would make this a second release.
  for (const dir of [join(OUT, name), join(OUT, `${name}-py`)]) rmSync(dir, { recursive: true, force: true });
  const [ts, py] = await generateAll(
    specOf(name),
    [
      { name: "typescript", out: join(OUT, name), packageName: name, sdkClass: "SDK", version: "1.0.0" },
      { name: "python", out: join(OUT, `${name}-py`), packageName: pythonPackage(name), sdkClass: "SDK", version: "1.0.0" },
    ],
    { date: "2026-01-01" },
  );
  return { ts, py };
}

/** Runtime files are the same for every spec and tested on their own: snapshots hold what the spec shapes. */
const runtime = (target: string, into: string) => new Set(runtimeFiles(target, into).map((f) => f.path));

describe.each(fixtures)("fixture %s", (name) => {
  it("matches its snapshots (both targets), one per emitted file, with none stale; TypeScript is prettier-clean", async () => {
    const snapshots = join(FIXTURES, name, "__snapshots__");
    const { ts, py } = await generate(name);
    const tsRuntime = runtime("typescript", "src");
    const pyRuntime = runtime("python", `src/${pythonPackage(name)}`);
    const tsFiles = ts.files.filter((f) => !tsRuntime.has(f.path));
    const pyFiles = py.files.filter((f) => !pyRuntime.has(f.path));
    for (const f of tsFiles) await expect(f.content).toMatchFileSnapshot(join(snapshots, f.path + ".snap"));
    for (const f of pyFiles) await expect(f.content).toMatchFileSnapshot(join(snapshots, "python", f.path + ".snap"));
    // (A missing snapshot fails toMatchFileSnapshot under CI; a stale one, for a file no longer emitted, fails here.)
    const emitted = new Set([...tsFiles.map((f) => f.path), ...pyFiles.map((f) => `python/${f.path}`)]);
    const stale = listFiles(snapshots).filter((p) => !emitted.has(p.replace(/\.snap$/, "")));
    expect(stale, "stale snapshots: delete them, or the folder and run `npx vitest run -u`").toEqual([]);
    expect(await formatCheck(ts.files)).toEqual([]);
    writeOutput(ts.target.out, ts.files);
  });
});

describe("fixtures", () => {
  it("every TypeScript output type-checks under --strict", async () => {
    // One compiler run over every fixture's SDK (each was written by its snapshot test above).
    const dirs = fixtures.filter((name) => existsSync(join(OUT, name, "tsconfig.json")));
    expect(dirs).toEqual(fixtures);
    writeFileSync(
      join(OUT, "tsconfig.json"),
      JSON.stringify({
        // The SDKs' own tsconfig.json options (declarations and isolated modules checked too), without output.
        compilerOptions: {
          ...(JSON.parse(readFileSync(join(OUT, fixtures[0], "tsconfig.json"), "utf8")) as { compilerOptions: object }).compilerOptions,
          rootDir: ".",
          outDir: undefined,
          emitDeclarationOnly: true,
          declarationDir: join(OUT, ".declarations"),
        },
        include: fixtures.map((name) => `${name}/src/**/*.ts`),
      }),
    );
    // Beside it, every TypeScript example of every fixture's docs (README and pages), compiled as a
    // user's file importing the package by its name and subpaths.
    const examples = writeDocExamples(dirs);
    expect(examples).toBeGreaterThan(200);
    const [r, docs] = await Promise.all([tscAsync(["-p", join(OUT, "tsconfig.json")]), tscAsync(["-p", join(OUT, ".examples")])]);
    expect(r.output.split("\n").slice(0, 20).join("\n")).toBe("");
    expect(r.code).toBe(0);
    expect(docs.output.split("\n").slice(0, 20).join("\n")).toBe("");
    expect(docs.code).toBe(0);
  }, 300_000);
});

/** Writes each ```typescript block of the fixtures' docs to .examples/, with a tsconfig mapping each package name to its sources; the number written. */
function writeDocExamples(dirs: string[]): number {
  const dir = join(OUT, ".examples");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths: Record<string, string[]> = {};
  let n = 0;
  for (const name of dirs) {
    const pkg = (JSON.parse(readFileSync(join(OUT, name, "package.json"), "utf8")) as { name: string }).name;
    paths[pkg] = [`../${name}/src/index.ts`];
    paths[`${pkg}/*`] = [`../${name}/src/*`];
    for (const page of listFiles(join(OUT, name)).filter((f) => f.endsWith(".md") && !f.startsWith(".specsmith"))) {
      for (const m of readFileSync(join(OUT, name, page), "utf8").matchAll(/```typescript\n([\s\S]*?)```/g)) {
        writeFileSync(join(dir, `${name}-${n++}.ts`), `// ${name}/${page}\n${m[1]}\nexport {};\n`);
      }
    }
  }
  const compilerOptions = { strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], skipLibCheck: true, paths };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  return n;
}
