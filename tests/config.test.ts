// Target settings and terminal output: given/want tables.
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig, overlappingTargets, targetSettingProblem, type TargetConfig } from "../generator/config.js";
import { SpecError, terminalSafe } from "../generator/diagnostics.js";
import { pep440 } from "../generator/targets/python/version.js";
import { tempDir } from "./helpers/paths.js";

describe("target settings", () => {
  it.each([
    ["typescript", "packageName", "clerk-backend-api", undefined],
    ["typescript", "packageName", "@clerk/backend", undefined],
    ["typescript", "packageName", "../../x", /not an npm package name/],
    ["typescript", "packageName", "Upper", /not an npm package name/],
    ["python", "packageName", "clerk_backend_api", undefined],
    ["python", "packageName", "acme.sdk", undefined],
    ["python", "packageName", "acme..sdk", /not a Python package name/],
    ["python", "packageName", "../x", /not a Python package name/],
    ["python", "packageName", "import", /not a Python package name/],
    ["python", "packageName", "1x", /not a Python package name/],
    ["typescript", "sdkClass", "Clerk", undefined],
    ["typescript", "sdkClass", "class", /not a class name/],
    ["python", "sdkClass", "None", /not a class name/],
    ["python", "sdkClass", "My SDK", /not a class name/],
    ["typescript", "version", "1.2.3-beta.1", undefined],
    ["typescript", "version", "1.2", /not a semantic version/],
    // Versions npm's own parser refuses were accepted once, then every later run called the lock damaged.
    ["typescript", "version", "01.2.3", /not a semantic version/],
    ["typescript", "version", "1.2.3-01", /not a semantic version/],
    ["typescript", "version", "", /not a semantic version/],
    ["typescript", "version", "v1.2.3", /not a semantic version/],
    ["typescript", "version", "1.0.0-alpha.beta", undefined],
    // Python writes PEP 440: a pre-release it cannot spell is refused for that target.
    ["python", "version", "1.0.0-alpha.beta", /no PEP 440 form/],
    ["python", "version", "1.2.0-beta.1", undefined],
  ] as const)("%s %s %j", (target, key, value, want) => {
    const problem = targetSettingProblem(target, key, value);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });

  const t = (name: "typescript" | "python", out: string): TargetConfig => ({ name, out, packageName: "p", sdkClass: "C", version: "1.0.0" });
  it.each([
    ["/a/ts", "/a/py", 0],
    ["/a/out", "/a/out", 1],
    ["/a/out", "/a/out/py", 1],
    ["/a/out/ts", "/a/out", 1],
    ["/a/out", "/a/output", 0],
  ])("targets in %s and %s overlap: %i", (a, b, pairs) => {
    expect(overlappingTargets([t("typescript", a), t("python", b)])).toHaveLength(pairs);
  });
});

describe("the Python version (PEP 440)", () => {
  it.each([
    ["1.2.0", "1.2.0"],
    ["1.2.0-beta.1", "1.2.0b1"],
    ["1.2.0-alpha", "1.2.0a0"],
    ["1.2.0-rc.2", "1.2.0rc2"],
    ["1.2.0-dev.3", "1.2.0.dev3"],
    ["1.2.0+Build-5", "1.2.0+build.5"],
    ["1.0.0-alpha.beta", undefined],
  ])("%s → %s", (semverVersion, want) => {
    expect(pep440(semverVersion)).toBe(want);
  });
});

describe("config `version`", () => {
  it.each([
    ["1.5", /`version` must be a string, not a number/, /quote it: version: "1.5.0"/],
    ['"01.2.3"', /not a semantic version/, /targets.typescript.version/],
  ])("version: %s is a located error", (value, message, hint) => {
    const dir = tempDir();
    const path = join(dir, "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  typescript:\n    out: out\n    packageName: p\n    sdkClass: P\n    version: ${value}\n`);
    try {
      loadConfig(path);
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/typescript/version"]);
      expect(d.message).toMatch(message);
      expect(d.hint).toMatch(hint);
    }
  });
});

describe("config `maxMethodParams`", () => {
  const write = (value: string) => {
    const path = join(tempDir(), "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  typescript:\n    out: out\n    packageName: p\n    sdkClass: P\n    maxMethodParams: ${value}\n`);
    return path;
  };
  it("is passed to the target", () => {
    expect(loadConfig(write("4")).targets[0].maxMethodParams).toBe(4);
  });
  it.each(["-1", "2.5", '"4"', "101"])("maxMethodParams: %s is a located error", (value) => {
    try {
      loadConfig(write(value));
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/typescript/maxMethodParams"]);
      expect(d.message).toMatch(/whole number from 0 to 100/);
    }
  });
});

describe("config `baseErrorName`", () => {
  const write = (value: string) => {
    const path = join(tempDir(), "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  python:\n    out: out\n    packageName: p\n    sdkClass: P\n    baseErrorName: ${value}\n`);
    return path;
  };
  it("is passed to the target", () => {
    expect(loadConfig(write("ClerkBaseError")).targets[0].baseErrorName).toBe("ClerkBaseError");
  });
  it.each(["clerkBaseError", "Clerk-Error", "None", "3", '""'])("baseErrorName: %s is a located error", (value) => {
    try {
      loadConfig(write(value));
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/python/baseErrorName"]);
      expect(d.message).toMatch(/must be a class name/);
    }
  });
});

describe("config `modelPaths` (TypeScript: Speakeasy's imports.paths)", () => {
  const write = (value: string) => {
    const path = join(tempDir(), "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  typescript:\n    out: out\n    packageName: p\n    sdkClass: P\n    modelPaths: ${value}\n`);
    return path;
  };
  it("is passed to the target", () => {
    expect(loadConfig(write("{ components: models }")).targets[0].modelPaths).toEqual({ components: "models" });
  });
  it.each([
    ["models", /must be a map/],
    ["{ errors: models }", /no `errors`/],
    ["{ components: ../models }", /folder under src\//],
    ["{ components: Models }", /folder under src\//],
    ["{ components: lib/models }", /src\/lib holds the SDK's own code/],
    ["{ operations: models/errors/x }", /src\/models\/errors holds/],
    ["{ components: models/operations }", /different folders/],
  ])("modelPaths: %s is a located error", (value, message) => {
    try {
      loadConfig(write(value));
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/typescript/modelPaths"]);
      expect(d.message).toMatch(message);
    }
  });
});

describe("config `nameResolutionFeb2025`", () => {
  const write = (value: string) => {
    const path = join(tempDir(), "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  python:\n    out: out\n    packageName: p\n    sdkClass: P\n    nameResolutionFeb2025: ${value}\n`);
    return path;
  };
  it("is passed to the target", () => expect(loadConfig(write("true")).targets[0].nameResolutionFeb2025).toBe(true));
  it("anything but a boolean is a located error", () => {
    try {
      loadConfig(write('"yes"'));
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/python/nameResolutionFeb2025"]);
    }
  });
});

describe("config `tests`", () => {
  const write = (value: string) => {
    const path = join(tempDir(), "specsmith.yaml");
    writeFileSync(path, `spec: spec.yaml\ntargets:\n  python:\n    out: out\n    packageName: p\n    sdkClass: P\n    tests: ${value}\n`);
    return path;
  };
  it.each([
    ["true", true],
    ["false", undefined],
  ])("tests: %s", (value, want) => {
    expect(loadConfig(write(value)).targets[0].tests).toBe(want);
  });
  it.each(["yes please", "1", "[]"])("tests: %s is a located error", (value) => {
    try {
      loadConfig(write(value));
      expect.unreachable();
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect([d.line, d.pointer]).toEqual([7, "#/targets/python/tests"]);
      expect(d.message).toBe("`tests` must be true or false");
    }
  });
});

describe("terminalSafe", () => {
  it.each([
    ["plain text", "plain text", false],
    ["\u001b[2J clear", "\\u{1b}[2J clear", false],
    ["bell\u0007 and \u009b CSI", "bell\\u{7} and \\u{9b} CSI", false],
    ["\u202eright-to-left", "\\u{202e}right-to-left", false],
    ["two\nlines", "two\nlines", false],
    ["two\nlines", "two\\u{a}lines", true],
  ])("%j (one line: %s)", (text, want, oneLine) => {
    expect(terminalSafe(text, oneLine as boolean)).toBe(want);
  });
});
