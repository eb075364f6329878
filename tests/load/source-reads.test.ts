// The up-to-date check reads the spec's bytes before anything is generated; the loader takes those
// bytes rather than reading the file again, but only while the file is as it was when they were read.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SourceReads } from "../../generator/load/source-reads.js";
import { SourceFile } from "../../generator/load/source.js";
import { digestOf } from "../../generator/write/stat-index.js";
import { tempDir } from "../helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("SourceReads: bytes read early, handed to the loader", () => {
  it("hands over the bytes once, while the file's stat is the one they were read at", () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    writeFileSync(path, '{"a":1}');
    const reads = new SourceReads(false);
    const bytes = reads.bytes(path, 1024);
    expect(bytes?.toString()).toBe('{"a":1}');
    // Its digest, taken for the up-to-date check, goes with it.
    expect(reads.sha1(path, bytes!)).toBe(digestOf(Buffer.from('{"a":1}')));
    expect(reads.take(path, statSync(path))).toEqual({ bytes, stamp: expect.any(String), sha1: digestOf(Buffer.from('{"a":1}')) });
    expect(reads.take(path, statSync(path))).toBeUndefined();
    // Over the size limit, or not a file: nothing read, nothing held.
    expect(reads.bytes(path, 3)).toBeUndefined();
    expect(reads.bytes(dir, 1024)).toBeUndefined();
    expect(reads.take(path, statSync(path))).toBeUndefined();
  });

  it("a file written since (same size, its mtime put back) is read again by the loader, not taken from the early bytes", () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    writeFileSync(path, '{"a":1}');
    const reads = new SourceReads(false);
    reads.bytes(path, 1024);
    const { atime, mtime } = statSync(path);
    writeFileSync(path, '{"a":2}');
    utimesSync(path, atime, mtime);
    expect(SourceFile.read(path, undefined, reads).data).toEqual({ a: 2 });
    // Unchanged since: the early bytes are the file's, and what the loader reads, with their digest.
    reads.sha1(path, reads.bytes(path, 1024)!);
    const file = SourceFile.read(path, undefined, reads);
    expect(file.data).toEqual(JSON.parse(readFileSync(path, "utf8")));
    expect(file.bytes?.sha1).toBe(digestOf(readFileSync(path)));
  });

  it("startRun lets go of bytes no loader took", () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    writeFileSync(path, "{}");
    const reads = new SourceReads(false);
    reads.bytes(path, 1024);
    reads.startRun();
    expect(reads.take(path, statSync(path))).toBeUndefined();
  });
});
