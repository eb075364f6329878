// Regeneration costs what changed: with nothing changed (inputs, this build, the files it wrote) a run
// does nothing; any change to the spec, an overlay, the settings, the ignore file or a generated file
// makes it generate again. Run as the CLI (the bundle carries its build's identity).
import { copyFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specsmith } from "./helpers/cli.js";
import { SPEC, listFiles, read, tempDir } from "./helpers/paths.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("specsmith-regen-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project of its own: a copy of the spec and an output folder, generated once. */
function project(name: string) {
  const spec = join(dir, `${name}.yaml`);
  copyFileSync(SPEC, spec);
  const out = join(dir, name);
  const gen = (...extra: string[]) => specsmith(["generate", "--spec", spec, "--out", out, "--package-name", "clerk-actor-tokens", ...extra]);
  const first = gen();
  expect(first.code, first.stderr).toBe(0);
  const mtimes = () => new Map(listFiles(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));
  return { spec, out, gen, mtimes };
}

/** Registers a before-request hook in the output folder's hooks/registration.ts. */
function registerHook(out: string): void {
  const file = join(out, "src/hooks/registration.ts");
  writeFileSync(file, read(file).replace("void hooks;", "hooks.registerBeforeRequestHook({ beforeRequest: (_ctx, request) => request });"));
}

const UP_TO_DATE = /specsmith: up to date \(nothing changed since the last generation/;

describe("regeneration with nothing changed", () => {
  it("does nothing: no file is written, and --check agrees", () => {
    const p = project("same");
    const before = p.mtimes();
    const r = p.gen();
    expect(r.stdout).toMatch(UP_TO_DATE);
    expect(p.mtimes()).toEqual(before);
    const check = p.gen("--check");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/output is up to date/);
  });

  it.each([
    ["the spec changes", (p: ReturnType<typeof project>) => writeFileSync(p.spec, read(p.spec).replace("Revokes a pending actor token.", "Revokes it."))],
    ["a generated file is deleted", (p: ReturnType<typeof project>) => rmSync(join(p.out, "src/models/components/actortoken.ts"))],
    ["a generated file is edited", (p: ReturnType<typeof project>) => writeFileSync(join(p.out, "README.md"), "# mine\n")],
    ["the ignore file changes", (p: ReturnType<typeof project>) => writeFileSync(join(p.out, ".specsmithignore"), "README.md\n")],
    ["the hook file generated once is deleted", (p: ReturnType<typeof project>) => rmSync(join(p.out, "src/hooks/registration.ts"))],
    ["a hook is registered in the file generated once", (p: ReturnType<typeof project>) => registerHook(p.out)],
  ])("generates again when %s", (_, change) => {
    const p = project(`changed-${Math.random().toString(36).slice(2, 8)}`);
    change(p);
    const r = p.gen();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UP_TO_DATE);
    expect(r.stdout).toMatch(/specsmith: generated typescript/);
  });

  it("takes a hook registered since the last generation into the SDK (lib/config.ts installs hooks)", () => {
    const p = project("hooked");
    const config = join(p.out, "src/lib/config.ts");
    expect(read(config)).toContain("hooks: noHooks,");
    registerHook(p.out);
    expect(p.gen().stdout).not.toMatch(UP_TO_DATE);
    expect(read(config)).toContain("hooks: installHooks,");
    expect(p.gen().stdout).toMatch(UP_TO_DATE);
  });

  it("generates again when the settings change", () => {
    const p = project("settings");
    const r = specsmith(["generate", "--spec", p.spec, "--out", p.out, "--package-name", "clerk-actor-tokens", "--sdk-class", "Other"]);
    expect(r.stdout).not.toMatch(UP_TO_DATE);
    expect(read(join(p.out, "src/sdk/sdk.ts"))).toContain("class Other");
  });

  it("puts a deleted file back and then is up to date again", () => {
    const p = project("restore");
    const file = join(p.out, "src/models/components/actortoken.ts");
    const text = read(file);
    rmSync(file);
    expect(p.gen().stdout).toContain("1 written");
    expect(read(file)).toBe(text);
    expect(p.gen().stdout).toMatch(UP_TO_DATE);
  });
});
