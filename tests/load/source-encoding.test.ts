// A spec file that is not UTF-8 (a Latin-1 editor's é) still reads, with a warning at the first byte
// that is not: file, line:column and the pointer of the value it is in.
import { isUtf8 } from "node:buffer";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { SourceFile, firstInvalidUtf8 } from "../../generator/load/source.js";
import { tempDir } from "../helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("a spec file that is not UTF-8", () => {
  const cases: { name: string; file: string; bytes: Buffer; line: number; column: number; pointer: string }[] = [
    {
      name: "YAML, a Latin-1 é in a title",
      file: "spec.yaml",
      bytes: latin1("openapi: 3.1.0\ninfo:\n  title: Café\n  version: '1'\npaths: {}\n"),
      line: 3,
      column: 13,
      pointer: "#/info/title",
    },
    {
      name: "JSON, a Windows-1252 quote in a description after valid UTF-8",
      file: "spec.json",
      bytes: Buffer.concat([Buffer.from('{"openapi":"3.1.0","info":{"title":"日本","version":"1",\n"description":"it'), Buffer.from([0x92]), Buffer.from('s"},"paths":{}}')]),
      line: 2,
      column: 18,
      pointer: "#/info/description",
    },
  ];
  for (const c of cases) {
    it(`${c.name}: read, with a warning at the byte`, () => {
      dir = tempDir();
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes);
      const file = SourceFile.read(path);
      expect(file.warnings).toHaveLength(1);
      expect(file.warnings[0]).toMatchObject({ severity: "warning", line: c.line, column: c.column, pointer: c.pointer });
      expect(file.warnings[0].message).toMatch(/not UTF-8: byte 0x(e9|92)/);
      expect(file.warnings[0].hint).toContain("save the file as UTF-8");
    });
  }

  it("a UTF-8 file, a byte-order mark and U+FFFD written as UTF-8 included, has no warning", () => {
    dir = tempDir();
    const path = join(dir, "spec.yaml");
    writeFileSync(path, "\ufeffopenapi: 3.1.0\ninfo:\n  title: Café \ufffd 😀\n  version: '1'\npaths: {}\n");
    expect(SourceFile.read(path).warnings).toEqual([]);
  });

  it("firstInvalidUtf8: the bytes before it are UTF-8, and no run of bytes from it is", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const at = firstInvalidUtf8(buf);
        expect(isUtf8(buf.subarray(0, at))).toBe(true);
        expect(at === buf.length).toBe(isUtf8(buf));
        for (let k = 1; k <= 4 && at + k <= buf.length; k++) expect(isUtf8(buf.subarray(0, at + k))).toBe(false);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
});
