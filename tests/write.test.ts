// The writer in process: files the user added survive, stale files go, a file specsmith did not
// generate is never overwritten; and the table of output paths it refuses. (The folder-level
// behaviour, run as a CLI, is in output-folder.test.ts.)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unsafePathReason } from "../generator/write/paths.js";
import { MANIFEST, WriteError, diffOutput, readManifest, writeOutput } from "../generator/write/write.js";
import { listFiles, tempDir } from "./helpers/paths.js";

describe("writeOutput", () => {
  it("writes files and a sorted manifest into a new folder", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, [
      { path: "b.txt", content: "b" },
      { path: "src/a.ts", content: "a" },
    ]);
    // Each generated file keeps its pristine copy: the base a later hand edit is merged from.
    expect(listFiles(out)).toEqual([MANIFEST, ".specsmith/pristine/b.txt", ".specsmith/pristine/src/a.ts", "b.txt", "src/a.ts"]);
    expect(readManifest(out)).toEqual([".specsmith/pristine/b.txt", ".specsmith/pristine/src/a.ts", "b.txt", "src/a.ts"]);
  });

  it("removes stale generated files but keeps files the user added, nested or not", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, [
      { path: "src/a.ts", content: "a" },
      { path: "src/old.ts", content: "old" },
    ]);
    writeFileSync(join(out, "src/mine.ts"), "user code");
    mkdirSync(join(out, "node_modules/x"), { recursive: true });
    writeFileSync(join(out, "node_modules/x/index.js"), "dep");
    writeOutput(out, [{ path: "src/a.ts", content: "a2" }]);
    expect(listFiles(out)).toEqual([MANIFEST, ".specsmith/pristine/src/a.ts", "node_modules/x/index.js", "src/a.ts", "src/mine.ts"]);
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("a2");
    expect(readFileSync(join(out, "src/mine.ts"), "utf8")).toBe("user code");
    expect(listFiles(join(out, ".."))).not.toContain(expect.stringContaining("specsmith-tmp"));
  });

  it("refuses to overwrite a file it did not generate, and changes nothing", () => {
    const out = join(tempDir(), "out");
    mkdirSync(join(out, "src"), { recursive: true });
    writeFileSync(join(out, "src/a.ts"), "hand-written");
    expect(() => writeOutput(out, [{ path: "src/a.ts", content: "generated" }])).toThrow(WriteError);
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("hand-written");
    expect(existsSync(join(out, MANIFEST))).toBe(false);
  });

  it("diffOutput reports changed, missing and stale files", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, [
      { path: "a", content: "1" },
      { path: "b", content: "2" },
      { path: "c", content: "3" },
    ]);
    const d = diffOutput(out, [
      { path: "a", content: "1" },
      { path: "b", content: "changed" },
      { path: "d", content: "new" },
    ]);
    expect(d.changed).toEqual([".specsmith/pristine/b", "b", MANIFEST]);
    expect(d.missing).toEqual([".specsmith/pristine/d", "d"]);
    expect(d.stale).toEqual([".specsmith/pristine/c", "c"]);
  });
});

describe("output paths (write/paths.ts)", () => {
  it.each([
    ["src/models/a.ts", undefined],
    ["README.md", undefined],
    ["", /empty/],
    ["../x", /"\.\." segment/],
    ["a/./b", /"\." segment/],
    ["a//b", /"" segment/],
    ["/etc/passwd", /absolute/],
    ["C:/x", /absolute/],
    ["a\\b", /refuse/],
    ["a\u0000b", /refuse/],
    ["con:x", /refuse/],
    ["name.", /ends with a dot/],
    ["x".repeat(256), /longer than 255 bytes/],
    ["ü".repeat(128), /longer than 255 bytes/],
    [Array(300).fill("abcd").join("/"), /longer than 1024 bytes/],
  ])("%j → %s", (path, want) => {
    const reason = unsafePathReason(path);
    if (want === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(want);
  });

  it("refuses two files that differ only in case before writing anything", () => {
    const out = join(tempDir(), "out");
    expect(() =>
      writeOutput(out, [
        { path: "a.ts", content: "1" },
        { path: "A.ts", content: "2" },
      ]),
    ).toThrow(/differ only in case/);
    expect(existsSync(out)).toBe(false);
  });
});
