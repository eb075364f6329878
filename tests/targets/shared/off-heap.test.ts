// Texts of a huge generation moved out of memory (off-heap.ts): each reads back as it was written
// (as UTF-8 writes it), its bytes and digest come without decoding, a change puts it back in memory,
// and the spill file never shows in the output folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OffHeapTexts } from "../../../generator/targets/shared/off-heap.js";
import { asPacked } from "../../../generator/targets/shared/packed-file.js";
import { RenderMemo, packedFile } from "../../../generator/targets/shared/render-memo.js";
import { digestOf } from "../../../generator/write/stat-index.js";
import type { OutputFile } from "../../../generator/write/write.js";
import { ROOT, tempDir } from "../../helpers/paths.js";

const dir = tempDir("specsmith-off-heap-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS: [string, string][] = [
  ["empty", ""],
  ["ASCII", "export const a = 1;\n"],
  ["accents and CJK", "# Café\n\n利用者を作成します。\n"],
  ["astral characters", "emoji 🚀 and 𝔘\n"],
  ["larger than the scratch buffer", "x".repeat(3 << 20) + "é\n"],
];

describe("OffHeapTexts", () => {
  it.each(TEXTS)("a text (%s) moved out reads back the same, with its bytes and digest", (_what, text) => {
    const out = new OffHeapTexts(join(dir, "each"), 0);
    const file: OutputFile = { path: "a.md", content: text };
    out.move(file);
    expect(out.moved.files).toBe(1);
    expect(Buffer.from(file.packed!).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(file.digest).toBe(digestOf(text));
    expect(file.content).toBe(text);
  });

  it("a lone surrogate reads back as UTF-8 writes it (U+FFFD), the same bytes the file gets on disk", () => {
    const out = new OffHeapTexts(join(dir, "lone"), 0);
    const file: OutputFile = { path: "a.md", content: "a\ud800b" };
    out.move(file);
    expect(file.content).toBe("a\ufffdb");
    expect(file.digest).toBe(digestOf("a\ud800b"));
  });

  it("texts stay in memory until `from` characters are held, then each moves; many read back in any order", () => {
    const out = new OffHeapTexts(join(dir, "many"), 1000);
    const files = Array.from({ length: 300 }, (_, i): OutputFile => ({ path: `f${i}.ts`, content: `// file ${i}\n${"é".repeat(i)}\n` }));
    for (const f of files) out.move(f);
    const kept = files.filter((f) => f.packed === undefined);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.reduce((n, f) => n + f.content.length, 0)).toBeGreaterThanOrEqual(1000);
    expect(out.moved.files).toBe(files.length - kept.length);
    for (const i of [299, 0, 150, 151, 42]) expect(files[i].content).toBe(`// file ${i}\n${"é".repeat(i)}\n`);
  });

  it("setting a moved file's content keeps the new text, and drops the bytes and digest that described the old", () => {
    const out = new OffHeapTexts(join(dir, "set"), 0);
    const file: OutputFile = { path: "a.ts", content: "old\n", digest: digestOf("old\n") };
    out.move(file);
    file.content = "new\n";
    expect(file.content).toBe("new\n");
    expect(file.packed).toBeUndefined();
    expect(file.digest).toBeUndefined();
    // A copy (a merge builds one) takes the text, not the bytes.
    expect({ ...file }).toEqual({ path: "a.ts", content: "new\n", digest: undefined });
  });

  it("the spill file never shows in the output folder, which is made when missing; `huge` is told once", () => {
    const folder = join(dir, "made", "deep");
    let told = 0;
    const out = new OffHeapTexts(folder, 0, () => told++);
    for (let i = 0; i < 3; i++) out.move({ path: `${i}.md`, content: `page ${i}\n` });
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(told).toBe(1);
  });

  it("where no file can be made, texts stay in memory", () => {
    mkdirSync(join(dir, "blocked"), { recursive: true });
    writeFileSync(join(dir, "blocked", "a.md"), "a file\n");
    // A path below a file: no folder can be made there, whoever runs the test (root included).
    const out = new OffHeapTexts(join(dir, "blocked", "a.md", "x"), 0);
    const file: OutputFile = { path: "b.md", content: "text\n" };
    out.move(file);
    expect(out.moved.files).toBe(0);
    expect(file.packed).toBeUndefined();
    expect(file.content).toBe("text\n");
  });

  it.each([
    ["no piece", []],
    ["lines of every width", ["{\n", '  "é": "利用者",\n', "  🚀\n", "}\n"]],
    ["pieces that fill the scratch buffer several times", Array.from({ length: 5000 }, (_, i) => `${i}: ${"é".repeat(i % 300)}\n`)],
    ["a piece larger than the scratch buffer, between small ones", ["a\n", "x".repeat(3 << 20) + "é", "\nb\n"]],
  ] as [string, string[]][])("a text spilled piece by piece (%s) reads back as the pieces joined, with its bytes and digest", (_what, pieces) => {
    const out = new OffHeapTexts(join(dir, "spill"), 0);
    const before: OutputFile = { path: "before.md", content: "moved first\n" };
    out.move(before);
    const file: OutputFile = { path: "lock.json", content: "" };
    expect(out.spill(file, pieces)).toBe(true);
    const after: OutputFile = { path: "after.md", content: "moved after\n" };
    out.move(after);
    const text = pieces.join("");
    expect(Buffer.from(file.packed!).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(file.digest).toBe(digestOf(text));
    expect(file.content).toBe(text);
    expect([before.content, after.content]).toEqual(["moved first\n", "moved after\n"]);
    expect(out.moved.files).toBe(3);
  });

  it.each([
    ["no piece", []],
    ["lines of every width", ["{\n", '  "é": "利用者",\n', "  🚀\n", "}\n"]],
    // Read back a megabyte at a time: characters of two, three and four bytes cut by a chunk's end.
    ["characters cut where one megabyte of bytes ends", ["x".repeat((1 << 20) - 1), "é", "x".repeat((1 << 20) - 2), "利", "x".repeat((1 << 20) - 3), "🚀", "\n"]],
  ] as [string, string[]][])("a text stashed (%s) reads back as the pieces joined, as bytes and as text, however little was held", (_what, pieces) => {
    const out = new OffHeapTexts(join(dir, "stash"), Infinity);
    const before: OutputFile = { path: "kept.md", content: "kept in memory\n" };
    out.move(before);
    const stashed = out.stash(pieces)!;
    const text = pieces.join("");
    expect(Buffer.concat([...stashed.bytes()]).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect([...stashed.text()].join("")).toBe(text);
    // Twice: each read starts again.
    expect([...stashed.text()].join("")).toBe(text);
    expect(before.packed).toBeUndefined();
    expect(out.moved.files).toBe(0);
  });

  it("a stashed text's bytes, spilled amid other pieces, make the file's text, bytes and digest", () => {
    const out = new OffHeapTexts(join(dir, "stash-spill"), 0);
    const surface = ['  "surface": {\n', '    "é": 1\n', "  }"];
    const stashed = out.stash(surface)!;
    out.move({ path: "between.md", content: "moved between\n" });
    const file: OutputFile = { path: "lock.json", content: "" };
    expect(out.spill(file, ["{\n", ...stashed.bytes(), "\n}\n"])).toBe(true);
    const text = `{\n${surface.join("")}\n}\n`;
    expect(Buffer.from(file.packed!).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(file.digest).toBe(digestOf(text));
    expect(file.content).toBe(text);
  });

  it("where no file can be made, nothing is stashed: the caller keeps what it has", () => {
    const out = new OffHeapTexts(join(dir, "blocked", "a.md", "y"), 0);
    mkdirSync(join(dir, "blocked"), { recursive: true });
    writeFileSync(join(dir, "blocked", "a.md"), "a file\n");
    expect(out.stash(["text\n"])).toBeUndefined();
  });

  it("spills nothing while texts stay in memory, and takes no piece: the caller joins them", () => {
    const out = new OffHeapTexts(join(dir, "unspilled"), 1000);
    out.move({ path: "a.md", content: "short\n" });
    let taken = 0;
    const pieces = (function* () {
      taken++;
      yield "never\n";
    })();
    const file: OutputFile = { path: "lock.json", content: "" };
    expect(out.spill(file, pieces)).toBe(false);
    expect(taken).toBe(0);
    expect(file.packed).toBeUndefined();
  });

  it("on a full disk, texts moved out before stay readable, and the rest stay in memory (nothing more is spilled or stashed)", () => {
    // A file size limit (ulimit -f, in 1 KiB blocks) makes a write fail part-way, as a full disk does.
    const r = spawnSync("bash", ["-c", `ulimit -f 64 && exec "$0" "$@"`, join(ROOT, "node_modules", ".bin", "tsx"), join(ROOT, "tests", "scripts", "spill-full-disk.ts"), join(dir, "full")], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ firstReadBack: true, movedBeforeFull: 64, lastInMemory: true, spilledAfterFull: false, stashedAfterFull: false, allReadBack: true });
  });

  it("a render memo seals a spilled file without reading its bytes, and recalls it as it is (a patch release renders twice)", () => {
    let reads = 0;
    const bytes = Buffer.from("spilled page\n");
    const file = asPacked(
      { path: "docs/a.md", content: "spilled page\n" },
      { bytes: () => (reads++, bytes), size: bytes.length, digest: digestOf(bytes), text: () => (reads++, bytes.toString("utf8")) },
    );
    const memo = new RenderMemo();
    memo.startRun();
    memo.remember("docs/a.md", "key", file);
    memo.seal();
    expect(reads).toBe(0);
    memo.startRun();
    const again = memo.recall("docs/a.md", "key")!;
    expect(again).toBe(file);
    expect(again.content).toBe("spilled page\n");
    expect(memo.recall("docs/a.md", "other key")).toBeUndefined();
  });

  it("a file recalled from the pack (packedFile) is the same kind of file: bytes and size, digest, lazily decoded text", () => {
    let decoded = 0;
    let unpacked = 0;
    const bytes = Buffer.from("packed text ✓\n");
    const file = packedFile("a.ts", "key", { size: bytes.length, bytes: () => (unpacked++, bytes), digest: digestOf(bytes), text: () => (decoded++, bytes.toString("utf8")) });
    // Its size is known without its bytes (a pack opened lazily unpacks them when asked for).
    expect(file.packedSize).toBe(bytes.length);
    expect(unpacked).toBe(0);
    expect(file.packed).toBe(bytes);
    expect(decoded).toBe(0);
    expect(file.content).toBe("packed text ✓\n");
    expect(file.content).toBe("packed text ✓\n");
    expect(decoded).toBe(1);
    expect(file.key).toBe("key");
  });
});
