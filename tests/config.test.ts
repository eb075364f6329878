// Target settings and terminal output: given/want tables.
import { describe, expect, it } from "vitest";
import { overlappingTargets, targetSettingProblem, type TargetConfig } from "../generator/config.js";
import { terminalSafe } from "../generator/diagnostics.js";

describe("target settings", () => {
  it.each([
    ["typescript", "packageName", "clerk-backend-api", undefined],
    ["typescript", "packageName", "@clerk/backend", undefined],
    ["typescript", "packageName", "../../x", /not an npm package name/],
    ["typescript", "packageName", "Upper", /not an npm package name/],
    ["python", "packageName", "clerk_backend_api", undefined],
    ["python", "packageName", "os.path", /not a Python package name/],
    ["python", "packageName", "import", /not a Python package name/],
    ["python", "packageName", "1x", /not a Python package name/],
    ["typescript", "sdkClass", "Clerk", undefined],
    ["typescript", "sdkClass", "class", /not a class name/],
    ["python", "sdkClass", "None", /not a class name/],
    ["python", "sdkClass", "My SDK", /not a class name/],
    ["typescript", "version", "1.2.3-beta.1", undefined],
    ["typescript", "version", "1.2", /not a semantic version/],
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
