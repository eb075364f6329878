// The checks every real-world spec's SDKs pass (specs nobody here wrote: ../shared/specs), shared by the
// suites of tests/real-world/. Each spec and target is generated once per run (shared-output.ts); the
// slow checks run side by side: tsc, mypy and the import check in child processes while the
// formatting check runs in the test's worker.
import { join } from "node:path";
import { expect } from "vitest";
import { generateAll } from "../../generator/generate.js";
import { formatCheck } from "../helpers/format.js";
import { brokenLinks } from "../helpers/links.js";
import { SHARED } from "../helpers/paths.js";
import { checkPythonSdkAsync, mypyStrictAsync, ruffCheck, ruffFormatCheck } from "../helpers/python.js";
import { filesDigest, sharedOutput } from "../helpers/shared-output.js";
import { tscAsync } from "../helpers/tsc.js";

export const specPath = (spec: string) => join(SHARED, "specs", spec);
export const specName = (spec: string) => spec.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "");

/** The Python package and class of each spec's SDK (Clerk's as Clerk names it: reference-snippets reads the same output). */
export function pythonNames(spec: string): { packageName: string; sdkClass: string } {
  return specName(spec) === "clerk-bapi" ? { packageName: "clerk_backend_api", sdkClass: "Clerk" } : { packageName: "sdk_pkg", sdkClass: "SDK" };
}

/** Generates, type-checks under --strict, reaches every operation, has docs whose links resolve, is prettier-clean, and (`twice`) generates the same bytes again. */
export async function checkTypeScript(spec: string, opts: { twice: boolean }): Promise<void> {
  const name = specName(spec);
  const sdk = await sharedOutput(specPath(spec), `ts-${name}`, { target: "typescript", packageName: name, sdkClass: "SDK" });
  const [types, unformatted] = await Promise.all([tscAsync(["-p", sdk.out, "--noEmit"]), formatCheck(sdk.files)]);
  expect(types.output.split("\n").slice(0, 20).join("\n")).toBe("");
  expect(types.code).toBe(0);
  expect(unformatted).toEqual([]);

  // (The operation count comes from the generation's own load of the spec: loading GitHub's again costs a second.)
  expect(sdk.operations).toBeGreaterThan(0);
  expect(sdk.files.filter((f) => f.path.startsWith("src/funcs/")).length).toBe(sdk.operations);
  const resources = sdk.files.filter((f) => f.path.startsWith("src/sdk/") && f.path !== "src/sdk/sdk.ts");
  expect(resources.reduce((n, f) => n + [...f.content.matchAll(/^ {2}async \w+\(/gm)].length, 0)).toBe(sdk.operations);
  const pages = sdk.files.filter((f) => f.path.endsWith(".md")).map((f) => f.path);
  expect(pages).toContain("README.md");
  expect(brokenLinks(sdk.out, pages).slice(0, 10)).toEqual([]);
  // (GitHub's and Stripe's suites skip the second generation: 5 s each; determinism is checked on the others.)
  if (opts.twice) {
    const [again] = await generateAll(specPath(spec), [{ name: "typescript", out: sdk.out, packageName: name, sdkClass: "SDK", version: "1.0.0" }]);
    // The changelog and the lock are made from the folder's state, which the first generation changed.
    const generated = (f: { path: string }) => !f.path.startsWith(".specsmith") && f.path !== "CHANGELOG.md";
    expect(filesDigest(again.files.filter(generated))).toBe(filesDigest(sdk.files.filter(generated)));
  }
}

/** Generates, imports whole (every model's schema builds), type-checks under mypy --strict, is ruff-clean and ruff-formatted. */
export async function checkPython(spec: string): Promise<void> {
  const names = pythonNames(spec);
  const sdk = await sharedOutput(specPath(spec), `py-${specName(spec)}`, { target: "python", ...names });
  const src = join(sdk.out, "src");
  const [imported, typed] = await Promise.all([checkPythonSdkAsync(src, names.packageName), mypyStrictAsync([{ src, name: names.packageName }])]);
  expect(imported.errors).toEqual([]);
  expect(imported.methods).toBe(2 * sdk.operations);
  expect(typed).toBe("");
  expect(ruffCheck([src])).toBe("");
  expect(ruffFormatCheck([src])).toBe("");
}
