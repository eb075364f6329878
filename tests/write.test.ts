// The writer in process: files the user added survive, stale files go, a file specsmith did not
// generate is never overwritten; and the table of output paths it refuses. (The folder-level
// behaviour, run as a CLI, is in output-folder.test.ts.)
import fc from "fast-check";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unsafePathReason } from "../generator/write/paths.js";
import { MANIFEST, WriteError, diffOutput, readManifest, stageOutput, writeOutput } from "../generator/write/write.js";
import { buildPack, decodePack, encodePack, openPack, PACK_FILE, PristineStore } from "../generator/write/pristine.js";
import { INDEX_FILE, digestOf, readIndex } from "../generator/write/stat-index.js";
import { packedFile } from "../generator/targets/shared/render-memo.js";
import { asPacked } from "../generator/targets/shared/packed-file.js";
import { WriteCache } from "../generator/write/write-cache.js";
import { previousOf, resolveEdits } from "../generator/write/edits.js";
import { SILENT } from "../generator/progress.js";
import { listFiles, tempDir } from "./helpers/paths.js";

describe("stageOutput, given up", () => {
  it("removes the folders it made for a new output folder, and only those", () => {
    const parent = tempDir();
    const out = join(parent, "sdks", "ts");
    stageOutput(out, [{ path: "src/a.ts", content: "a" }]).abort();
    expect(existsSync(join(parent, "sdks"))).toBe(false);
    expect(existsSync(parent)).toBe(true);
  });

  it("leaves an existing folder, and what the user has in it, as they were", () => {
    const out = join(tempDir(), "out");
    mkdirSync(out);
    writeFileSync(join(out, "notes.md"), "mine");
    stageOutput(out, [{ path: "src/a.ts", content: "a" }]).abort();
    expect(listFiles(out)).toEqual(["notes.md"]);
  });
});

describe("writeOutput", () => {
  it("writes files and a sorted manifest into a new folder", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, [
      { path: "b.txt", content: "b" },
      { path: "src/a.ts", content: "a" },
    ]);
    // No copy beside each file: the pristine texts (the base a later hand edit is merged from) are one
    // pack, and the stat index (a cache kept out of git) sits beside it.
    expect(listFiles(out)).toEqual([MANIFEST, ".specsmith/.gitignore", INDEX_FILE, PACK_FILE, "b.txt", "src/a.ts"]);
    expect(readManifest(out)).toEqual([".specsmith/.gitignore", PACK_FILE, "b.txt", "src/a.ts"]);
    expect(decodePack(readFileSync(join(out, PACK_FILE)))).toEqual(
      new Map([
        ["b.txt", "b"],
        ["src/a.ts", "a"],
      ]),
    );
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
    expect(listFiles(out)).toEqual([MANIFEST, ".specsmith/.gitignore", INDEX_FILE, PACK_FILE, "node_modules/x/index.js", "src/a.ts", "src/mine.ts"]);
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
    // The pack's texts change with b and d (it is compared by the digest on its first line).
    expect(d.changed).toEqual(["b", PACK_FILE, MANIFEST]);
    expect(d.missing).toEqual(["d"]);
    expect(d.stale).toEqual(["c"]);
  });
});

describe("regeneration reads what changed (stat index, pristine pack)", () => {
  const gen = (a: string, b = "b") => [
    { path: "src/a.ts", content: a },
    { path: "b.txt", content: b },
  ];
  /** Replaces a file's bytes behind the writer's back, keeping its size and mtime: only a read would notice. */
  const swapKeepingStat = (file: string, text: string) => {
    const st = statSync(file);
    writeFileSync(file, text);
    utimesSync(file, st.atime, st.mtime);
  };
  /** Ages every file so that none is "racy" (as new as the index). */
  const age = (out: string) => {
    const past = new Date(Date.now() - 60_000);
    for (const f of listFiles(out)) if (f !== INDEX_FILE) utimesSync(join(out, f), past, past);
  };

  it("--watch keeps the index it wrote while the file is that one, and reads one put in its place", () => {
    const out = join(tempDir(), "out");
    const cache = new WriteCache();
    writeOutput(out, gen("aaaa"), undefined, SILENT, cache);
    const kept = readIndex(out, cache);
    expect([...kept.entries.keys()].sort()).toEqual([".specsmith/.gitignore", ".specsmith/pristine.pack", "b.txt", "src/a.ts"]);
    expect(readIndex(out, cache)).toBe(kept);
    // Another index in its place, of the same size (another run wrote it): read, not the one kept.
    const file = join(out, INDEX_FILE);
    const other = readFileSync(file, "utf8").replace('"b.txt"', '"c.txt"');
    writeFileSync(file, other);
    const read = readIndex(out, cache);
    expect(read).not.toBe(kept);
    expect([...read.entries.keys()].sort()).toEqual([".specsmith/.gitignore", ".specsmith/pristine.pack", "c.txt", "src/a.ts"]);
    // A hand edit between two saves is merged as without the cache.
    writeFileSync(join(out, "src/a.ts"), "mine\naaaa");
    expect(writeOutput(out, gen("aaaa\nmore"), undefined, SILENT, cache).merged).toEqual(["src/a.ts"]);
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("mine\naaaa\nmore");
  });

  it("trusts a file whose size and mtime are as written: an unchanged regeneration writes and reads none", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, gen("aaaa"));
    age(out);
    writeOutput(out, gen("aaaa"));
    swapKeepingStat(join(out, "src/a.ts"), "AAAA");
    // Had the writer read src/a.ts it would have found AAAA ≠ pristine and kept it as an edit, or
    // rewritten it; it trusted the index and left it.
    const r = writeOutput(out, gen("aaaa"));
    expect(r).toMatchObject({ written: 0, merged: [], conflicts: [] });
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("AAAA");
  });

  it("reads a file whose mtime moved: the same bytes are re-recorded, changed ones are a hand edit merged from the pack", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, gen("line 1\nline 2\nline 3\n"));
    age(out);
    const touched = new Date(Date.now() - 30_000);
    utimesSync(join(out, "b.txt"), touched, touched);
    writeFileSync(join(out, "src/a.ts"), "line 1 (mine)\nline 2\nline 3\n");
    const r = writeOutput(out, gen("line 1\nline 2\nline 3 (new)\n"));
    expect(r.merged).toEqual(["src/a.ts"]);
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("line 1 (mine)\nline 2\nline 3 (new)\n");
    const index = readFileSync(join(out, INDEX_FILE), "utf8");
    expect(index).toContain(`["b.txt",1,${statSync(join(out, "b.txt")).mtimeMs},`);
    // The merged file is recorded as carrying edits: the next run merges again, from the new pristine text.
    expect(index).toMatch(/\["src\/a\.ts",\d+,[\d.]+,"[^"]+",1\]/);
    expect(decodePack(readFileSync(join(out, PACK_FILE)))!.get("src/a.ts")).toBe("line 1\nline 2\nline 3 (new)\n");
  });

  it("reads a file as new as the index itself (racy: an edit in the same clock tick keeps the mtime)", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, gen("aaaa"));
    const index = statSync(join(out, INDEX_FILE));
    swapKeepingStat(join(out, "src/a.ts"), "AAAA");
    utimesSync(join(out, "src/a.ts"), index.atime, index.mtime);
    writeOutput(out, gen("aaaa"));
    // Read, found edited (nothing new to merge): kept.
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("AAAA");
    expect(diffOutput(out, gen("aaaa")).edited).toEqual(["src/a.ts"]);
  });

  it("migrates a folder with a pristine copy per file: an edit merges from the copy, and the copies go", () => {
    const out = join(tempDir(), "out");
    mkdirSync(join(out, ".specsmith/pristine/src"), { recursive: true });
    writeFileSync(join(out, ".specsmith/pristine/src/a.ts"), "one\ntwo\nthree\n");
    mkdirSync(join(out, "src"));
    writeFileSync(join(out, "src/a.ts"), "ONE\ntwo\nthree\n");
    writeFileSync(join(out, MANIFEST), JSON.stringify({ generator: "specsmith", files: [".specsmith/pristine/src/a.ts", "src/a.ts"] }));
    const r = writeOutput(out, [{ path: "src/a.ts", content: "one\ntwo\nTHREE\n" }]);
    expect(r.merged).toEqual(["src/a.ts"]);
    expect(readFileSync(join(out, "src/a.ts"), "utf8")).toBe("ONE\ntwo\nTHREE\n");
    expect(existsSync(join(out, ".specsmith/pristine"))).toBe(false);
  });

  it("keeps an edited file as a conflict when its pristine text is lost (the pack deleted), never overwriting it", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, gen("generated\n"));
    writeFileSync(join(out, "src/a.ts"), "mine\n");
    writeFileSync(join(out, PACK_FILE), "damaged");
    const r = writeOutput(out, gen("generated again\n"));
    expect(r.conflicts).toEqual(["src/a.ts"]);
    const text = readFileSync(join(out, "src/a.ts"), "utf8");
    expect(text).toContain("mine");
    expect(text).toContain("generated again");
  });

  it.each([
    ["nothing changed", (e: [string, string][]) => e, { packed: 0 }],
    ["one text changed", (e: [string, string][]) => e.map(([p, t]) => [p, p === "src/m1500.ts" ? "changed ✓" : t] as [string, string]), { packed: 1 }],
    [
      "a text added beside one removed (neighbours in path order: one segment)",
      (e: [string, string][]) => [...e.filter(([p]) => p !== "src/m0007.ts"), ["src/m0007b.ts", "new ünïcode"]] as [string, string][],
      { packed: 1 },
    ],
    ["every text changed", (e: [string, string][]) => e.map(([p, t]) => [p, `${t}!`] as [string, string]), { copied: 0 }],
  ])("packs again only the segments whose texts changed, into the same file as a whole packing: %s", (_what, edit, counts) => {
    const before: [string, string][] = Array.from({ length: 3000 }, (_, i) => {
      const path = `src/m${String(i).padStart(4, "0")}.ts`;
      return [path, `export const m${i} = "✓";\n`.repeat(1 + (i % 5))];
    });
    const entries = (texts: [string, string][]) => texts.map(([path, content]) => ({ path, content, key: `k${path}` }));
    const last = encodePack(entries(before), "d0");
    const after = edit(before);
    const built = buildPack(entries(after), "d1", last);
    expect(built.file().equals(encodePack(entries(after), "d1"))).toBe(true);
    // Segments end by path (one in 128 on average): adding or removing a file never moves the others' ends.
    expect(built.segments.packed + built.segments.copied).toBeGreaterThan(10);
    expect(built.segments).toMatchObject(counts);
    // The writer writes each changed file from its bytes in a segment packed anew.
    const written = after.filter(([path]) => built.bytesOf(path) !== undefined);
    expect(written.length > 0).toBe(built.segments.packed > 0);
    for (const [path, text] of written) expect(built.bytesOf(path)!.toString("utf8")).toBe(text);
    expect(decodePack(built.file())).toEqual(new Map(after));
  });

  it.each([
    ["ASCII, 300 KB", "x".repeat(300 * 1024)],
    // 100,000 UTF-16 units but 300,000 bytes: the string's length alone would call it small.
    ["100,000 check marks (300 KB of UTF-8)", "✓".repeat(100_000)],
  ])("a text of 256 KB or more is a segment of its own, held as bytes or as a string alike: %s", (_what, big) => {
    const texts = Array.from({ length: 40 }, (_, i) => ({ path: `docs/p${String(i).padStart(2, "0")}.md`, content: i === 20 ? big : `page ${i}\n` }));
    const built = buildPack(texts, "d");
    // The same texts recalled as a pack's bytes (their sizes known, their strings never read) make the same file.
    const asBytes = texts.map((t) =>
      asPacked({ path: t.path, content: "" }, { bytes: () => Buffer.from(t.content), size: Buffer.byteLength(t.content), digest: digestOf(t.content), text: () => expect.fail(`${t.path} decoded`) }),
    );
    expect(buildPack(asBytes, "d").file().equals(built.file())).toBe(true);
    // Its neighbours edited, it is copied; it edited, it alone is packed again.
    const last = built.file();
    const edit = (i: number) => texts.map((t, j) => (j === i ? { ...t, content: `${t.content}!` } : t));
    const neighbours = buildPack(edit(19), "d", last);
    expect(neighbours.bytesOf("docs/p20.md")).toBeUndefined();
    expect(neighbours.bytesOf("docs/p19.md")).toBeDefined();
    const itself = buildPack(edit(20), "d", last);
    expect(itself.segments.packed).toBe(1);
    expect(itself.bytesOf("docs/p19.md")).toBeUndefined();
    expect(itself.bytesOf("docs/p21.md")).toBeUndefined();
    expect(decodePack(itself.file())!.get("docs/p20.md")).toBe(`${big}!`);
  });

  it("a pack opened lazily holds the same paths, keys, sizes, digests and texts as one opened whole, and gives the same bytes in any order", () => {
    const texts = Array.from({ length: 3000 }, (_, i) => ({ path: `src/m${String(i).padStart(4, "0")}.ts`, content: `export const m${i} = "✓";\n`.repeat(1 + (i % 7)), key: `k${i}` }));
    const file = encodePack(texts, "d");
    const eager = openPack(file)!;
    const lazy = openPack(file, true)!;
    expect(lazy.keys).toEqual(eager.keys);
    // Asked in any order (segments unpacked again, the last few kept), then in path order as the writer asks.
    const order = [...texts.keys()].sort((a, b) => ((a * 7919) % 3000) - ((b * 7919) % 3000));
    for (const i of [...order, ...texts.keys()]) {
      const { path, content } = texts[i];
      const [l, e] = [lazy.packed(path)!, eager.packed(path)!];
      expect([l.size, l.digest]).toEqual([Buffer.byteLength(content), digestOf(content)]);
      expect(l.bytes().equals(e.bytes())).toBe(true);
      expect(lazy.text(path)).toBe(content);
    }
    expect(lazy.packed("src/none.ts")).toBeUndefined();
    // A recalled text written into the next pack: its size alone decides its segment, its bytes are copied.
    const recalled = texts.map((t) => asPacked({ path: t.path, content: "", key: t.key }, { ...lazy.packed(t.path)!, text: () => expect.fail(`${t.path} decoded`) }));
    expect(buildPack(recalled, "d").file().equals(file)).toBe(true);
    // Damaged bytes read as no pack, lazily too.
    const bad = Buffer.from(file);
    bad[bad.indexOf(10, bad.indexOf(10) + 1) + 10] ^= 0xff;
    expect(openPack(bad, true)).toBeUndefined();
  });

  it("packs a segment damaged on disk anew instead of copying it", () => {
    const texts = Array.from({ length: 2000 }, (_, i) => ({ path: `src/m${String(i).padStart(4, "0")}.ts`, content: `export const m${i} = ${i};\n`.repeat(20) }));
    const good = encodePack(texts, "d");
    // One byte of the first segment's compressed bytes flipped (the table ends at the second newline).
    const bad = Buffer.from(good);
    const body = bad.indexOf(10, bad.indexOf(10) + 1) + 1;
    bad[body + 10] ^= 0xff;
    const all = buildPack(texts, "d", good).segments;
    expect(all).toMatchObject({ packed: 0 });
    expect(all.copied).toBeGreaterThan(5);
    const built = buildPack(texts, "d", bad);
    expect(built.segments).toEqual({ packed: 1, copied: all.copied - 1 });
    expect(built.file().equals(good)).toBe(true);
  });

  it("reads a pack of specsmith before segments (version 1), and copies nothing from it", () => {
    const texts = [
      { path: "src/a.ts", content: "derived ✓", key: "k1" },
      { path: "README.md", content: "printed every run" },
    ];
    const v1 = versionOnePack(texts, "d");
    expect(decodePack(v1)).toEqual(new Map(texts.map((t) => [t.path, t.content])));
    expect(openPack(v1)!.keys).toEqual(
      new Map([
        ["src/a.ts", "k1"],
        ["README.md", ""],
      ]),
    );
    const built = buildPack(texts, "d", v1);
    expect(built.segments).toEqual({ packed: 1, copied: 0 });
    expect(built.file().equals(encodePack(texts, "d"))).toBe(true);
  });

  it("a pack's digest is its texts': keys alone never make an output folder differ (a newer specsmith, the same files)", () => {
    const root = join(tempDir(), "out");
    const digestWith = (key: string) => resolveEdits(root, [{ path: "src/a.ts", content: "same", key }], previousOf(root, [])).pristineDigest;
    expect(digestWith("build 1")).toBe(digestWith("build 2"));
    expect(resolveEdits(root, [{ path: "src/a.ts", content: "other" }], previousOf(root, [])).pristineDigest).not.toBe(digestWith("build 1"));
  });

  it("records what each text was derived from: a generation takes a text back only by its key", () => {
    const root = join(tempDir(), "out");
    mkdirSync(join(root, ".specsmith"), { recursive: true });
    writeFileSync(
      join(root, PACK_FILE),
      encodePack(
        [
          { path: "src/a.ts", content: "derived ✓", key: "k1" },
          { path: "README.md", content: "printed every run" },
        ],
        "d",
      ),
    );
    const store = new PristineStore(root);
    expect(store.derived("src/a.ts", "k1")?.text()).toBe("derived ✓");
    expect(store.derived("src/a.ts", "k2")).toBeUndefined();
    expect(store.derived("README.md", "")).toBeUndefined();
    expect(store.get("README.md")).toBe("printed every run");
    expect(openPack(encodePack([{ path: "a", content: "x", key: "k" }], "d"))!.keys).toEqual(new Map([["a", "k"]]));
  });

  it("recalls a text as the pack holds it: its digest recorded, decoded only when read, its bytes copied into the next pack", () => {
    const text = "derived ✓\n".repeat(50);
    const root = join(tempDir(), "out");
    mkdirSync(join(root, ".specsmith"), { recursive: true });
    writeFileSync(
      join(root, PACK_FILE),
      encodePack(
        [
          { path: "src/a.ts", content: text, key: "k", digest: digestOf(text) },
          { path: "src/b.ts", content: "packed with its digest", key: "k" },
        ],
        "d",
      ),
    );
    mkdirSync(join(root, "old", ".specsmith"), { recursive: true });
    writeFileSync(join(root, "old", PACK_FILE), versionOnePack([{ path: "src/old.ts", content: "packed before digests", key: "k" }], "d"));
    const store = new PristineStore(root);
    const recalled = store.derived("src/a.ts", "k")!;
    expect(recalled.digest).toBe(digestOf(text));
    // Every text's digest is recorded, given or not; a pack written before digests were has none: computed when needed.
    expect(store.derived("src/b.ts", "k")!.digest).toBe(digestOf("packed with its digest"));
    expect(new PristineStore(join(root, "old")).derived("src/old.ts", "k")!.digest).toBeUndefined();
    let decoded = 0;
    const file = packedFile("src/a.ts", "k", { ...recalled, text: () => (decoded++, recalled.text()) });
    expect(file.digest).toBe(digestOf(text));
    // Packing it again copies its bytes: the same pack as from the text, and nothing decoded.
    const again = buildPack([file, { path: "src/b.ts", content: "printed ✓" }], "d2");
    expect(
      again.file().equals(
        encodePack(
          [
            { path: "src/a.ts", content: text, key: "k", digest: digestOf(text) },
            { path: "src/b.ts", content: "printed ✓" },
          ],
          "d2",
        ),
      ),
    ).toBe(true);
    expect(decoded).toBe(0);
    expect(file.content).toBe(text);
    expect(file.content).toBe(text);
    expect(decoded).toBe(1);
    // A copy (a merge's) takes the text, never the bytes; a new text lets go of the bytes and the digest.
    expect({ ...file }.packed).toBeUndefined();
    file.content = "edited";
    expect([file.packed, file.digest]).toEqual([undefined, undefined]);
    expect(buildPack([file], "d3").bytesOf("src/a.ts")!.toString()).toBe("edited");
  });

  it("packs deterministically and refuses bytes it did not write", () => {
    const entries = [
      { path: "z", content: "last" },
      { path: "a", content: "ünïcode ✓" },
    ];
    const packed = encodePack(entries, "d1");
    expect(encodePack([...entries].reverse(), "d1").equals(packed)).toBe(true);
    expect(decodePack(packed)).toEqual(
      new Map([
        ["a", "ünïcode ✓"],
        ["z", "last"],
      ]),
    );
    expect(decodePack(Buffer.from("specsmith-pristine 1 d1\nnot brotli"))).toBeUndefined();
    expect(decodePack(Buffer.from('specsmith-pristine 2 d1\n[[3,"x"]]\nabc'))).toBeUndefined();
    expect(decodePack(packed.subarray(0, packed.length - 3))).toBeUndefined();
    // A segment table that does not add up to the file, or a segment that is not one.
    expect(decodePack(Buffer.concat([packed, Buffer.from("x")]))).toBeUndefined();
    const table = packed.indexOf(10, packed.indexOf(10) + 1) + 1;
    expect(decodePack(Buffer.concat([packed.subarray(0, table), Buffer.alloc(packed.length - table, 1)]))).toBeUndefined();
  });

  it("a pack unpacked ahead (prefetch) reads as one unpacked on first use; a damaged one as empty", async () => {
    const root = join(tempDir(), "out");
    mkdirSync(join(root, ".specsmith"), { recursive: true });
    // Larger than one of zlib's default 16 KB chunks, so that the unpacking takes several.
    const big = "line of a generated file ✓\n".repeat(4000);
    const packed = encodePack(
      [
        { path: "src/a.ts", content: big, key: "k1" },
        { path: "src/b.ts", content: "b", key: "k2" },
      ],
      "d",
    );
    writeFileSync(join(root, PACK_FILE), packed);
    const ahead = new PristineStore(root);
    ahead.prefetch();
    await ahead.ready();
    // Unpacked now: what it answers no longer depends on the file.
    rmSync(join(root, PACK_FILE));
    expect(ahead.derived("src/a.ts", "k1")?.text()).toBe(big);
    expect(ahead.derived("src/b.ts", "k1")).toBeUndefined();
    expect(ahead.get("src/b.ts")).toBe("b");
    writeFileSync(join(root, PACK_FILE), packed.subarray(0, packed.length - 3));
    const damaged = new PristineStore(root);
    damaged.prefetch();
    await damaged.ready();
    expect(damaged.derived("src/a.ts", "k1")).toBeUndefined();
    expect(damaged.get("src/a.ts")).toBeUndefined();
  });
});

describe("output paths (write/paths.ts)", () => {
  it.each([
    ["src/models/a.ts", undefined],
    ["README.md", undefined],
    [".specsmith/lock.json", undefined],
    ["docs/models/a-b_c.2.md", undefined],
    ["src/.hidden", undefined],
    ["a/b.", /ends with a dot/],
    ["a/b ", /ends with a dot or a space/],
    ["a/../b.ts", /"\.\." segment/],
    ["a/b/", /"" segment/],
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

  it("a path found safe has no empty, `.` or `..` name, none ending with a dot or a space, none too long", () => {
    const name = fc.string({ unit: fc.constantFrom("a", "Z", "0", "_", "-", ".", " ", "/", "ü"), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (parts) => {
        const path = parts.join("/");
        if (unsafePathReason(path) !== undefined) return;
        expect(path.startsWith("/")).toBe(false);
        for (const n of path.split("/")) {
          expect(["", ".", ".."]).not.toContain(n);
          expect(n).not.toMatch(/[. ]$/);
          expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
        }
      }),
      { numRuns: 2000, seed: 1208 },
    );
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

  it("--watch checks a save's paths again whenever they differ from the last save's", () => {
    const out = join(tempDir(), "out");
    const cache = new WriteCache();
    writeOutput(out, [{ path: "a.ts", content: "1" }], undefined, SILENT, cache);
    // The same paths: as checked. Another list (one more path, another order, another path): checked.
    expect(cache.checkedBefore([{ path: "a.ts" }])).toBe(true);
    for (const paths of [["a.ts", "b.ts"], ["b.ts"], []]) expect(cache.checkedBefore(paths.map((path) => ({ path })))).toBe(false);
    expect(() =>
      writeOutput(
        out,
        [
          { path: "a.ts", content: "1" },
          { path: "A.ts", content: "2" },
        ],
        undefined,
        SILENT,
        cache,
      ),
    ).toThrow(/differ only in case/);
    expect(() => writeOutput(out, [{ path: "../a.ts", content: "1" }], undefined, SILENT, cache)).toThrow(/".." segment/);
    // A plain run's cache remembers no paths: it has no next save.
    const plain = new WriteCache(false);
    writeOutput(join(tempDir(), "out"), [{ path: "a.ts", content: "1" }], undefined, SILENT, plain);
    expect(plain.checkedBefore([{ path: "a.ts" }])).toBe(false);
  });
});

/** A pack as specsmith wrote them before segments: one brotli stream of the header line and the texts. */
function versionOnePack(texts: { path: string; content: string; key?: string }[], digest: string): Buffer {
  const header = JSON.stringify(texts.map((t) => (t.key === undefined ? [t.path, Buffer.byteLength(t.content)] : [t.path, Buffer.byteLength(t.content), t.key])));
  const raw = Buffer.concat([Buffer.from(`${header}\n`), ...texts.map((t) => Buffer.from(t.content))]);
  return Buffer.concat([Buffer.from(`specsmith-pristine 1 ${digest}\n`), brotliCompressSync(raw)]);
}
