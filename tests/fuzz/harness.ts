/**
 * Runs generated hostile specs through everything a user's SDK goes through: generation of both
 * targets, `tsc --strict`, `py_compile`, and an import of every module with a canary that records any
 * spec text that runs as code. Names must stay distinct: every operation is reachable as its own method.
 */
import { spawnSync } from "node:child_process";
import { PYTHON } from "../helpers/python.js";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SpecError, formatDiagnostic } from "../../generator/diagnostics.js";
import { generateAll } from "../../generator/generate.js";
import { writeOutput } from "../../generator/write/write.js";
import { ROOT } from "../helpers/paths.js";
import { tsc } from "../helpers/tsc.js";
import type { FuzzSpec } from "./arbitraries.js";

export interface FuzzReport {
  specs: number;
  /** Specs refused with located diagnostics (allowed: a spec may be invalid), and why. */
  refused: number;
  refusals: string[];
  /** One line per failure: generation crash, type error, compile error, canary hit, lost operation. */
  failures: string[];
}

/** `tamper` runs after generation (the harness's own test plants code with it, to see the canary fire). */
export async function runFuzz(specs: FuzzSpec[], dir: string, tamper?: (dir: string) => void): Promise<FuzzReport> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const failures: string[] = [];
  const generated: { i: number; operations: number }[] = [];
  let refused = 0;
  const refusals: string[] = [];
  for (const [i, s] of specs.entries()) {
    const spec = join(dir, `spec-${i}.json`);
    writeFileSync(spec, JSON.stringify(s.doc, null, 2));
    try {
      const results = await generateAll(spec, [
        { name: "typescript", out: join(dir, "ts", `sdk${i}`), packageName: `fuzz-${i}`, sdkClass: "SDK", version: "1.0.0" },
        { name: "python", out: join(dir, "py", `sdk${i}`), packageName: `fuzz_${i}`, sdkClass: "SDK", version: "1.0.0" },
      ]);
      for (const r of results) writeOutput(r.target.out, r.files);
      generated.push({ i, operations: s.operations });
    } catch (e) {
      if (e instanceof SpecError && e.diagnostics.every((d) => d.line > 0)) {
        refused++;
        refusals.push(`spec-${i}: ${e.diagnostics.map((d) => d.message).join("; ")}`);
      } else failures.push(`spec-${i}: generation failed: ${e instanceof SpecError ? e.diagnostics.map(formatDiagnostic).join("; ") : ((e as Error).stack ?? e)}`.slice(0, 2000));
    }
  }
  if (generated.length === 0) return { specs: specs.length, refused, refusals, failures };
  tamper?.(dir);
  failures.push(...checkTypeScript(dir, generated), ...checkPython(dir, generated));
  return { specs: specs.length, refused, refusals, failures };
}

function checkTypeScript(dir: string, sdks: { i: number; operations: number }[]): string[] {
  const tsDir = join(dir, "ts");
  writeFileSync(
    join(tsDir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: [],
        strict: true,
        skipLibCheck: true,
        rootDir: ".",
        outDir: "../js",
      },
      include: sdks.map((s) => `sdk${s.i}/src/**/*.ts`),
    }),
  );
  const r = tsc(["-p", tsDir]);
  if (r.code !== 0) return [`tsc --strict: ${r.output.split("\n").slice(0, 15).join("\n")}`];
  writeFileSync(join(dir, "js", "package.json"), JSON.stringify({ type: "module" }));
  // Imports every module with a canary, then counts the methods reachable from each SDK.
  const script = `
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const hits = [];
globalThis.CANARY = (tag) => hits.push(tag);
const sdks = ${JSON.stringify(sdks)};
const out = { hits, lost: [] };
for (const { i, operations } of sdks) {
  const src = join(${JSON.stringify(join(dir, "js"))}, "sdk" + i, "src");
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith(".js") ? [join(d, n)] : []));
  for (const f of walk(src)) await import(pathToFileURL(f).href);
  const { SDK } = await import(pathToFileURL(join(src, "index.js")).href);
  const sdk = new SDK({});
  // Methods of every group, nested ones (a getter of a group) included.
  const count = (obj) =>
    Object.getOwnPropertyNames(Object.getPrototypeOf(obj))
      .filter((k) => k !== "constructor")
      .reduce((n, k) => n + (typeof obj[k] === "function" ? 1 : obj[k] && typeof obj[k] === "object" ? count(obj[k]) : 0), 0);
  const methods = count(sdk);
  if (methods !== operations) out.lost.push("sdk" + i + ": " + methods + " methods for " + operations + " operations");
}
console.log(JSON.stringify(out));
`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", cwd: ROOT });
  if (run.status !== 0) return [`typescript import: ${run.stderr.slice(0, 2000)}`];
  const res = JSON.parse(run.stdout) as { hits: string[]; lost: string[] };
  return [...res.hits.map((h) => `typescript: spec text ran as code (canary ${h})`), ...res.lost.map((l) => `typescript: ${l}`)];
}

function checkPython(dir: string, sdks: { i: number; operations: number }[]): string[] {
  const script = `
import builtins, compileall, importlib, inspect, json, pkgutil, re, sys
import pydantic
hits = []
builtins.CANARY = lambda tag: hits.append(tag)
out = {"hits": hits, "lost": [], "errors": []}
for s in ${JSON.stringify(sdks)}:
    root = ${JSON.stringify(join(dir, "py"))} + "/sdk%d/src" % s["i"]
    if not compileall.compile_dir(root, quiet=1):
        out["errors"].append("sdk%d: py_compile failed" % s["i"])
        continue
    sys.path.insert(0, root)
    name = "fuzz_%d" % s["i"]
    try:
        pkg = importlib.import_module(name)
        for m in pkgutil.walk_packages(pkg.__path__, name + "."):
            module = importlib.import_module(m.name)
            # Every model builds its schema: each annotation resolves (no name shadows a type).
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and issubclass(cls, pydantic.BaseModel):
                    cls.model_rebuild(force=True)
        sdk = pkg.SDK()
        # Methods of every group, nested ones (an attribute of a group) included.
        def count(group):
            n = len([n for n, f in inspect.getmembers(type(group), inspect.isfunction) if not n.startswith("__") and not inspect.iscoroutinefunction(f)])
            return n + sum(count(v) for a, v in vars(group).items() if a != "_client" and hasattr(v, "_client"))
        methods = sum(count(g) for attr, g in vars(sdk).items() if attr != "_client")
        if methods != s["operations"]:
            out["lost"].append("sdk%d: %d methods for %d operations" % (s["i"], methods, s["operations"]))
    except Exception as e:
        out["errors"].append("sdk%d: %s: %s" % (s["i"], type(e).__name__, e))
print(json.dumps(out))
`;
  const run = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
  if (run.status !== 0) return [`python import: ${run.stderr.slice(0, 2000)}`];
  const res = JSON.parse(run.stdout.trim().split("\n").pop()!) as { hits: string[]; lost: string[]; errors: string[] };
  return [...res.hits.map((h) => `python: spec text ran as code (canary ${h})`), ...res.lost.map((l) => `python: ${l}`), ...res.errors.map((e) => `python: ${e}`)];
}
