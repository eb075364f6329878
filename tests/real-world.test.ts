// Specs nobody here wrote (../shared/specs): the whole Clerk API, GitHub, Stripe, Twilio, OpenAI,
// petstore. Each generates, type-checks under --strict, reaches every operation, has docs whose
// links resolve, and generates the same bytes twice. The Python SDK of each compiles and imports.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkPythonSdk, mypyStrict, ruffCheck, ruffFormatCheck } from "./helpers/python.js";
import { generateAll, type TargetResult } from "../generator/generate.js";
import { loadApi } from "../generator/api.js";
import { writeOutput } from "../generator/write/write.js";
import { formatCheck } from "./helpers/format.js";
import { brokenLinks } from "./helpers/links.js";
import { ROOT, SHARED } from "./helpers/paths.js";
import { tsc } from "./helpers/tsc.js";

const SPECS = ["clerk-bapi.yaml", "real-world/petstore-expanded.json", "real-world/openai.json", "real-world/twilio.json", "real-world/stripe.json", "real-world/github.json"];

function digest(r: TargetResult): string {
  const h = createHash("sha256");
  for (const f of r.files) h.update(f.path).update("\0").update(f.content).update("\0");
  return h.digest("hex");
}

describe.each(SPECS)("%s", (spec) => {
  const path = join(SHARED, "specs", spec);
  const name = spec.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "");

  it("typescript: generates deterministically, type-checks, reaches every operation, links resolve", async () => {
    const out = join(ROOT, ".tmp", "real-world", name);
    const target = { name: "typescript" as const, out, packageName: name, sdkClass: "SDK", version: "1.0.0" };
    const [first] = await generateAll(path, [target]);
    const [second] = await generateAll(path, [target]);
    expect(digest(second)).toBe(digest(first));
    rmSync(out, { recursive: true, force: true });
    writeOutput(out, first.files);

    const r = tsc(["-p", out, "--noEmit"]);
    expect(r.output.split("\n").slice(0, 20).join("\n")).toBe("");
    expect(r.code).toBe(0);

    const { api } = loadApi(path);
    const paths = new Set(first.files.map((f) => f.path));
    const funcs = first.files.filter((f) => f.path.startsWith("src/funcs/"));
    expect(funcs.length).toBe(api.operations.length);
    const resources = first.files.filter((f) => f.path.startsWith("src/sdk/") && f.path !== "src/sdk/sdk.ts");
    const methods = resources.reduce((n, f) => n + [...f.content.matchAll(/^ {2}async \w+\(/gm)].length, 0);
    expect(methods).toBe(api.operations.length);
    expect(paths.has("README.md")).toBe(true);

    const pages = first.files.filter((f) => f.path.endsWith(".md")).map((f) => f.path);
    expect(brokenLinks(out, pages).slice(0, 10)).toEqual([]);
    // The formatting gate: every emitted .ts file is what prettier prints.
    expect(await formatCheck(first.files)).toEqual([]);
  }, 600_000);

  it("python: generates, imports whole and type-checks under mypy --strict", async () => {
    const out = join(ROOT, ".tmp", "real-world-py", name);
    const [r] = await generateAll(path, [{ name: "python", out, packageName: "sdk_pkg", sdkClass: "SDK", version: "1.0.0" }]);
    rmSync(out, { recursive: true, force: true });
    writeOutput(out, r.files);
    const check = checkPythonSdk(join(out, "src"), "sdk_pkg");
    expect(check.errors).toEqual([]);
    expect(check.methods).toBe(2 * r.operations!);
    expect(mypyStrict([{ src: join(out, "src"), name: "sdk_pkg" }])).toBe("");
    expect(ruffCheck([join(out, "src")])).toBe("");
    expect(ruffFormatCheck([join(out, "src")])).toBe("");
  }, 600_000);
});
