/**
 * `docs dev`'s source folder across saves (site-live.ts), on real files: only what changed is
 * written, what is gone is removed (with the folders it leaves empty), the rest keeps its mtime.
 */
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LiveSource, write } from "../../generator/docs/site-live.js";
import { listFiles, tempDir } from "../helpers/paths.js";

type Files = Record<string, string | Buffer>;

/** A source folder holding `files`, as serveSite leaves it, every mtime an hour back. */
function folder(files: Files): LiveSource {
  const src = tempDir("specsmith-live-");
  for (const [path, content] of Object.entries(files)) write(join(src, path), content);
  const past = new Date(Date.now() - 3_600_000);
  for (const path of Object.keys(files)) utimesSync(join(src, path), past, past);
  return new LiveSource(src, new Map(Object.entries(files)));
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe("LiveSource.update", () => {
  const cases: { name: string; before: Files; after: Files; changed: string[]; gone?: string }[] = [
    { name: "nothing changed", before: { "a.md": "# A\n", "public/x.png": PNG }, after: { "a.md": "# A\n", "public/x.png": Buffer.from(PNG) }, changed: [] },
    { name: "one page edited", before: { "a.md": "# A\n", "b.md": "# B\n" }, after: { "a.md": "# A\n", "b.md": "# B, edited\n" }, changed: ["b.md"] },
    { name: "a page added in a new folder", before: { "a.md": "# A\n" }, after: { "a.md": "# A\n", "docs/sdks/c/README.md": "# C\n" }, changed: ["docs/sdks/c/README.md"] },
    { name: "a page removed, its folders with it", before: { "a.md": "# A\n", "docs/sdks/c/README.md": "# C\n" }, after: { "a.md": "# A\n" }, changed: ["docs/sdks/c/README.md"], gone: "docs" },
    { name: "bytes changed", before: { "public/x.png": PNG }, after: { "public/x.png": Buffer.from([0x89, 0x50, 0x4e, 0x48]) }, changed: ["public/x.png"] },
    {
      name: "edits, then removals, in order",
      before: { "a.md": "# A\n", "docs/b.md": "# B\n", "docs/c.md": "# C\n" },
      after: { "a.md": "# A, edited\n", "docs/c.md": "# C\n", "d.md": "# D\n" },
      changed: ["a.md", "d.md", "docs/b.md"],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const live = folder(c.before);
      const stamps = Object.fromEntries(Object.keys(c.before).map((p) => [p, statSync(join(live.src, p)).mtimeMs]));
      expect(live.update(new Map(Object.entries(c.after)))).toEqual(c.changed);
      expect(listFiles(live.src).sort()).toEqual(Object.keys(c.after).sort());
      if (c.gone) expect(existsSync(join(live.src, c.gone))).toBe(false);
      for (const [path, content] of Object.entries(c.after)) {
        expect(readFileSync(join(live.src, path)).equals(Buffer.from(content))).toBe(true);
        // A file that did not change is not written again: the dev server sees no event for it.
        if (!c.changed.includes(path)) expect(statSync(join(live.src, path)).mtimeMs).toBe(stamps[path]);
      }
      // A second update with the same files changes nothing.
      expect(live.update(new Map(Object.entries(c.after)))).toEqual([]);
    });

  it("keeps a folder that still holds something of the user's, and leaves no temporary file", () => {
    const live = folder({ "docs/a.md": "# A\n", "docs/b.md": "# B\n" });
    mkdirSync(join(live.src, "docs", "keep"), { recursive: true });
    writeFileSync(join(live.src, "docs", "keep", "note.txt"), "x");
    expect(live.update(new Map([["docs/b.md", "# B, edited\n"]]))).toEqual(["docs/b.md", "docs/a.md"]);
    expect(existsSync(join(live.src, "docs", "keep", "note.txt"))).toBe(true);
    expect(listFiles(live.src).sort()).toEqual(["docs/b.md", "docs/keep/note.txt"]);
  });
});
