// A spec read from disk is digested from its bytes as read (not its decoded text encoded again),
// and the digests are the ones the text gives: the lock's `api.digest` and each source's digest
// stay as they were, and the up-to-date check (which hashes the bytes) agrees with them.
import { createHash } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { specDigest } from "../../generator/generate.js";
import { sourceChanged } from "../../generator/inputs.js";
import { SourceFile } from "../../generator/load/source.js";
import { digestOf } from "../../generator/write/stat-index.js";
import { tempDir } from "../helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The digest over texts, as it was computed before the bytes were kept. */
function textDigest(texts: string[]): string {
  const h = createHash("sha256");
  for (const t of texts) h.update(t).update("\0");
  return `sha256:${h.digest("hex")}`;
}

const cases: { name: string; text: string }[] = [
  { name: "ASCII JSON", text: '{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{}}' },
  { name: "JSON beyond ASCII", text: '{"openapi":"3.1.0","info":{"title":"Café ✓ 日本 😀","version":"1"},"paths":{}}' },
  { name: "YAML with a byte-order mark", text: "\ufeffopenapi: 3.1.0\ninfo:\n  title: Ünïcode\n  version: '1'\npaths: {}\n" },
  { name: "empty YAML document", text: "openapi: 3.1.0\n" },
];

describe("source digests", () => {
  for (const c of cases) {
    it(`${c.name}: the bytes' digests are the text's`, () => {
      dir = tempDir();
      const path = join(dir, c.name.includes("JSON") ? "spec.json" : "spec.yaml");
      writeFileSync(path, c.text);
      const file = SourceFile.read(path);
      expect(file.bytes?.sha1).toBe(digestOf(file.text));
      expect(specDigest([file])).toBe(textDigest([file.text]));
    });
  }

  it("several files: the first as read, the others by their texts, in order", () => {
    dir = tempDir();
    const paths = cases.slice(0, 3).map((c, i) => join(dir!, `f${i}.${c.name.includes("JSON") ? "json" : "yaml"}`));
    paths.forEach((p, i) => writeFileSync(p, cases[i].text));
    const files = paths.map((p) => SourceFile.read(p));
    expect(specDigest(files)).toBe(textDigest(files.map((f) => f.text)));
    // A file parsed from text (an overlay built in memory) has no bytes: its text is hashed.
    const parsed = SourceFile.parse("x.yaml", cases[2].text);
    expect(parsed.bytes).toBeUndefined();
    expect(specDigest([parsed, ...files])).toBe(textDigest([parsed.text, ...files.map((f) => f.text)]));
    expect(specDigest([])).toBe(textDigest([]));
  });

  it("the same file read twice is digested the same (the hash state is copied, not consumed)", () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    writeFileSync(path, cases[1].text);
    const file = SourceFile.read(path);
    expect(specDigest([file])).toBe(specDigest([file]));
  });

  it("a file that is not valid UTF-8: the digest is its bytes', so the up-to-date check sees it unchanged", () => {
    dir = tempDir();
    const path = join(dir, "spec.yaml");
    writeFileSync(path, Buffer.concat([Buffer.from("openapi: 3.1.0\ninfo:\n  title: caf"), Buffer.from([0xe9]), Buffer.from("\n  version: '1'\npaths: {}\n")]));
    const file = SourceFile.read(path);
    // Decoding replaced the byte: the text's digest is another file's.
    expect(file.text).toContain("\ufffd");
    expect(sourceChanged(path, digestOf(file.text))).toBe(true);
    expect(sourceChanged(path, file.bytes!.sha1)).toBe(false);
  });
});
