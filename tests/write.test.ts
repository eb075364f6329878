// The output folder is replaced in one step; files the user added survive; stale files go.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, WriteError, diffOutput, readManifest, writeOutput } from "../generator/write/write.js";
import { listFiles, tempDir } from "./helpers/paths.js";

describe("writeOutput", () => {
  it("writes files and a sorted manifest into a new folder", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, [
      { path: "b.txt", content: "b" },
      { path: "src/a.ts", content: "a" },
    ]);
    expect(listFiles(out)).toEqual([MANIFEST, "b.txt", "src/a.ts"]);
    expect(readManifest(out)).toEqual(["b.txt", "src/a.ts"]);
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
    expect(listFiles(out)).toEqual([MANIFEST, "node_modules/x/index.js", "src/a.ts", "src/mine.ts"]);
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
    expect(d.changed).toEqual(["b", MANIFEST]);
    expect(d.missing).toEqual(["d"]);
    expect(d.stale).toEqual(["c"]);
  });
});
