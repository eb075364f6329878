// --watch's watch on an output folder (write/folder-watch.ts), on real folders: a file counts as
// untouched only when its folder was watched since before the last look and nothing happened to it,
// its folders or the output folder since.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FolderWatch } from "../generator/write/folder-watch.js";
import { tempDir } from "./helpers/paths.js";

const FILES = ["README.md", "src/index.ts", "src/models/a.ts", "src/models/b.ts", "docs/models/a.md"];

let watch: FolderWatch | undefined;
afterEach(() => watch?.close());

/** A new output folder holding FILES. */
function outputFolder(): string {
  const root = join(tempDir(), "out");
  for (const f of FILES) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), f);
  }
  return root;
}

/** An output folder holding FILES, watched through two saves (the second look trusts the first save's watches). */
async function watched(): Promise<{ root: string; watch: FolderWatch }> {
  const root = outputFolder();
  watch = new FolderWatch();
  // The first save looks (nothing watched yet), then watches; the second looks and commits.
  expect(FILES.some(watch.look(root))).toBe(false);
  watch.follow(root, FILES);
  expect(FILES.some(watch.look(root))).toBe(false);
  watch.follow(root, FILES);
  return { root, watch };
}

/** Lets the operating system's events reach the watches. */
const settle = () => new Promise((r) => setTimeout(r, 150));

const untouched = (watch: FolderWatch, root: string) => FILES.filter(watch.look(root));

describe("FolderWatch", () => {
  it("trusts nothing until its watches ran since the look before, then every file nothing touched", async () => {
    const { root, watch } = await watched();
    await settle();
    expect(untouched(watch, root)).toEqual(FILES);
  });

  it.each([
    ["a file written", (root: string) => writeFileSync(join(root, "src/models/a.ts"), "edited"), ["README.md", "src/index.ts", "src/models/b.ts", "docs/models/a.md"]],
    ["a file removed", (root: string) => rmSync(join(root, "README.md")), ["src/index.ts", "src/models/a.ts", "src/models/b.ts", "docs/models/a.md"]],
    [
      "a file replaced by a rename",
      (root: string) => (writeFileSync(join(root, "src/.b.tmp"), "new"), renameSync(join(root, "src/.b.tmp"), join(root, "src/index.ts"))),
      ["README.md", "src/models/a.ts", "src/models/b.ts", "docs/models/a.md"],
    ],
    ["a folder removed", (root: string) => rmSync(join(root, "src/models"), { recursive: true }), ["README.md", "src/index.ts", "docs/models/a.md"]],
    [
      "a folder replaced",
      (root: string) => (rmSync(join(root, "docs"), { recursive: true }), mkdirSync(join(root, "docs/models"), { recursive: true }), writeFileSync(join(root, "docs/models/a.md"), "x")),
      ["README.md", "src/index.ts", "src/models/a.ts", "src/models/b.ts"],
    ],
    ["the output folder replaced", (root: string) => (renameSync(root, `${root}.old`), mkdirSync(root)), []],
  ])("counts %s as touched", async (_what, touch, want) => {
    const { root, watch } = await watched();
    touch(root);
    await settle();
    expect(untouched(watch, root)).toEqual(want);
  });

  it("keeps what a save saw touched when the save is not committed, for the next look", async () => {
    const { root, watch } = await watched();
    writeFileSync(join(root, "src/models/a.ts"), "edited");
    await settle();
    expect(untouched(watch, root)).not.toContain("src/models/a.ts");
    // That save failed (no follow): the next look still counts the file as touched.
    expect(untouched(watch, root)).not.toContain("src/models/a.ts");
    watch.follow(root, FILES);
    expect(untouched(watch, root)).toContain("src/models/a.ts");
  });

  it("a look given the files watches their folders: once its save is committed, the next look trusts them", async () => {
    const root = outputFolder();
    watch = new FolderWatch();
    // The first save: nothing known yet, every file is looked at; its watches run from this look on.
    expect(FILES.some(watch.look(root, FILES))).toBe(false);
    watch.follow(root, FILES);
    await settle();
    expect(FILES.filter(watch.look(root, FILES))).toEqual(FILES);
  });

  it("trusts no watch begun by a look whose save was not committed", async () => {
    const root = outputFolder();
    watch = new FolderWatch();
    // That save may have failed before it looked at every file: the next look trusts none of them.
    expect(FILES.some(watch.look(root, FILES))).toBe(false);
    await settle();
    expect(FILES.some(watch.look(root, FILES))).toBe(false);
    // Nor a watch begun by a commit, after its save's look: the save after it looks at every file
    // itself, and when that save fails, the one after it still does.
    const late = new FolderWatch();
    try {
      expect(FILES.some(late.look(root))).toBe(false);
      late.follow(root, FILES);
      expect(FILES.some(late.look(root))).toBe(false);
      await settle();
      expect(FILES.some(late.look(root))).toBe(false);
    } finally {
      late.close();
    }
  });

  it("never trusts a folder watched only since the last look, nor one no longer holding generated files", async () => {
    const { root, watch } = await watched();
    mkdirSync(join(root, "src/new"));
    writeFileSync(join(root, "src/new/c.ts"), "c");
    const more = [...FILES, "src/new/c.ts"];
    // (An event naming a folder that arrives after its watch started ends that watch: settled first.)
    await settle();
    watch.follow(root, more);
    expect(more.filter(watch.look(root))).toEqual(FILES);
    watch.follow(root, more);
    expect(more.filter(watch.look(root))).toEqual(more);
    // docs/ no longer generated: its watch ends, and a later return starts from untrusted.
    watch.follow(
      root,
      FILES.filter((f) => !f.startsWith("docs/")),
    );
    watch.follow(root, FILES);
    expect(FILES.filter(watch.look(root))).not.toContain("docs/models/a.md");
  });
});
