// `specsmith init`: a specsmith.yaml for a spec, and from a Speakeasy gen.yaml (Clerk's, as its
// Python SDK 6.0.1 ships it) with its settings carried over; then `generate` with that config.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { speakeasyClassName } from "../generator/init.js";
import { specsmith } from "./helpers/cli.js";
import { SHARED, SPEC, tempDir } from "./helpers/paths.js";

const GEN_YAML = join(SHARED, "reference", "clerk-sdk-python-6.0.1", ".speakeasy", "gen.yaml");

describe("speakeasyClassName: the class Speakeasy generates for gen.yaml's sdkClassName", () => {
  it.each([
    ["dub", "Dub"],
    ["mistral", "Mistral"],
    ["OpenRouter", "OpenRouter"],
    ["SDK", "SDK"],
    ["my-api", "MyApi"],
    ["acme sdk", "AcmeSdk"],
  ])("%s → %s", (given, want) => expect(speakeasyClassName(given)).toBe(want));
});

describe("specsmith init", () => {
  it("carries Clerk's gen.yaml over (class, package, version, maxMethodParams, baseErrorName); the config generates", () => {
    const dir = tempDir();
    const r = specsmith(["init", "--spec", SPEC, "--from-speakeasy", GEN_YAML, "--config", "specsmith.yaml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["specsmith.yaml"]);
    const text = readFileSync(join(dir, "specsmith.yaml"), "utf8");
    const config = parse(text);
    expect(config.targets).toEqual({
      python: { out: "sdks/python", packageName: "clerk_backend_api", sdkClass: "Clerk", version: "6.0.1", maxMethodParams: 20, baseErrorName: "ClerkBaseError", tests: true },
    });
    // What is not carried over is listed, one setting a line; what specsmith does anyway is said so.
    expect(text).toMatch(/^# gen\.yaml settings specsmith follows already:\n(#   .*\n)*#   python\.asyncMode: "both"$/m);
    expect(text).toMatch(/^#   python\.packageManager: "poetry"$/m);
    expect(text).not.toMatch(/^#   (python\.(packageName|version|maxMethodParams|baseErrorName)|generation\.(sdkClassName|tests)):/m);

    const gen = specsmith(["generate", "--config", "specsmith.yaml", "--quiet"], dir);
    expect(gen.stderr).toBe("");
    expect(gen.code).toBe(0);
    const pkg = join(dir, "sdks", "python");
    expect(readFileSync(join(pkg, "pyproject.toml"), "utf8")).toMatch(/^version = "6\.0\.1"$/m);
    expect(readFileSync(join(pkg, "src", "clerk_backend_api", "models", "__init__.py"), "utf8")).toContain('"ClerkBaseError": ("_errors", "APIError"),');
    expect(existsSync(join(pkg, "tests", "test_actortokens.py"))).toBe(true);
  });

  it("without gen.yaml: both targets, named from the spec's file", () => {
    const dir = tempDir();
    expect(specsmith(["init", "--spec", SPEC], dir).code).toBe(0);
    const config = parse(readFileSync(join(dir, "specsmith.yaml"), "utf8"));
    expect(Object.keys(config.targets)).toEqual(["typescript", "python"]);
    expect(config.targets.python).toMatchObject({ packageName: "clerk_actor_tokens", sdkClass: "ClerkActorTokens", version: "0.1.0" });
  });

  it("never replaces a config (exit 2), and writes nothing for a gen.yaml of other languages", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "specsmith.yaml"), "mine\n");
    const again = specsmith(["init", "--spec", SPEC], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/specsmith\.yaml exists already; init never replaces a config/);
    expect(readFileSync(join(dir, "specsmith.yaml"), "utf8")).toBe("mine\n");

    const other = tempDir();
    writeFileSync(join(other, "gen.yaml"), "configVersion: 2.0.0\ngo:\n  packageName: github.com/acme/sdk\n");
    const go = specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], other);
    expect(go.code).toBe(2);
    expect(go.stderr).toMatch(/configures no language specsmith generates \(it has go; specsmith's targets are typescript, python\)/);
    expect(existsSync(join(other, "specsmith.yaml"))).toBe(false);
  });

  it("a gen.yaml setting specsmith cannot take is an error at its line (exit 1); hostile text stays inside its comment", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "gen.yaml"), 'configVersion: 2.0.0\ngeneration:\n  sdkClassName: Acme\npython:\n  version: "6.0"\n');
    const bad = specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/gen\.yaml:5:\d+: error: "6\.0" is not a semantic version.*\n {2}at #\/python\/version/);
    expect(existsSync(join(dir, "specsmith.yaml"))).toBe(false);
    // The config's own checks: nothing init writes is refused by `generate` afterwards.
    writeFileSync(join(dir, "gen.yaml"), "python:\n  packageName: acme\n  maxMethodParams: 2.5\n  baseErrorName: None\n");
    const unloadable = specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], dir);
    expect(unloadable.code).toBe(1);
    expect(unloadable.stderr).toMatch(/gen\.yaml:3:\d+: error: `maxMethodParams` must be a whole number[\s\S]*gen\.yaml:4:\d+: error: `baseErrorName` must be a class name/);
    expect(existsSync(join(dir, "specsmith.yaml"))).toBe(false);

    writeFileSync(join(dir, "gen.yaml"), 'generation:\n  "odd\\nkey: 1": "x\\ntargets: {}"\npython:\n  packageName: acme\n  description: "a\\n# b\\nspec: evil.yaml"\n');
    const ok = specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], dir);
    expect(ok.code).toBe(0);
    const config = parse(readFileSync(join(dir, "specsmith.yaml"), "utf8"));
    expect(Object.keys(config)).toEqual(["spec", "targets"]);
    expect(config.spec).not.toBe("evil.yaml");
    expect(Object.keys(config.targets)).toEqual(["python"]);
  });

  it("TypeScript's imports.paths becomes modelPaths (components moved: pkg/models), fixes.nameResolutionFeb2025 is carried; errors elsewhere stays a note", () => {
    const dir = tempDir();
    const genYaml = (errors: string) =>
      `generation:\n  sdkClassName: acme\n  fixes:\n    nameResolutionFeb2025: true\ntypescript:\n  packageName: acme\n  imports:\n    option: openapi\n    paths:\n      shared: models\n      operations: models/operations\n      errors: ${errors}\n`;
    writeFileSync(join(dir, "gen.yaml"), genYaml("models/errors"));
    expect(specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], dir).code).toBe(0);
    const text = readFileSync(join(dir, "specsmith.yaml"), "utf8");
    expect(parse(text).targets.typescript).toMatchObject({ sdkClass: "Acme", modelPaths: { components: "models" }, nameResolutionFeb2025: true });
    expect(text).not.toMatch(/typescript\.imports/);
    const other = tempDir();
    writeFileSync(join(other, "gen.yaml"), genYaml("errs"));
    expect(specsmith(["init", "--spec", SPEC, "--from-speakeasy", "gen.yaml"], other).code).toBe(0);
    expect(readFileSync(join(other, "specsmith.yaml"), "utf8")).toMatch(/^# {3}typescript\.imports: \{"option":"openapi"/m);
  });
});
