// A JSON file saved again under --watch is read from its last read, parsing only the innermost object
// or array around the change (json-delta.ts). Whatever the edit, the data must be JSON.parse's of the
// new text, or the reading must decline (undefined) so that the text is parsed whole.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { kept, reparse, shared } from "../../generator/load/json-delta.js";
import { SourceReads } from "../../generator/load/source-reads.js";
import { SourceFile } from "../../generator/load/source.js";
import { tempDir } from "../helpers/paths.js";

const bytes = (text: string) => Buffer.from(text, "utf8");
/** JSON.parse's data as text, key order and "__proto__" keys included. */
const same = (data: unknown) => JSON.stringify(data);
type Obj = Record<string, any>;

describe("reparse: given the last read and new bytes, the new data, or undefined", () => {
  const cases: { name: string; before: string; after: string; at?: (string | number)[] | "whole" | "same" }[] = [
    {
      name: "a description edited",
      before: '{"paths":{"/a":{"get":{"description":"old","x":[1]}}}}',
      after: '{"paths":{"/a":{"get":{"description":"new text","x":[1]}}}}',
      at: ["paths", "/a", "get"],
    },
    { name: "a key added before a closing brace", before: '{"a":{"b":1}}', after: '{"a":{"b":1,"c":{"d":2}}}', at: ["a"] },
    { name: "a key removed", before: '{"a":{"b":1,"c":2},"z":0}', after: '{"a":{"b":1},"z":0}', at: ["a"] },
    { name: "a key renamed", before: '{"a":{"b":{"x":1}},"z":0}', after: '{"a":{"bb":{"x":1}},"z":0}', at: ["a"] },
    { name: "an array element edited", before: '{"a":[{"x":1},{"x":2},{"x":3}],"z":0}', after: '{"a":[{"x":1},{"x":20},{"x":3}],"z":0}', at: ["a", 1] },
    { name: "an element added to an array", before: '{"a":{"l":[1,2]},"z":0}', after: '{"a":{"l":[1,2,3]},"z":0}', at: ["a", "l"] },
    { name: "text after escaped quotes and backslashes", before: '{"a":{"s":"q\\"\\\\","t":"1"}}', after: '{"a":{"s":"q\\"\\\\","t":"2"}}', at: ["a"] },
    { name: "a multi-byte character replaced", before: '{"a":{"s":"日本"},"b":{"s":"x"}}', after: '{"a":{"s":"日木"},"b":{"s":"x"}}', at: ["a"] },
    { name: "a key path through escapes and an array", before: '{"p":{"/a\\"b~1":[0,{"k":true}]}}', after: '{"p":{"/a\\"b~1":[0,{"k":false}]}}', at: ["p", '/a"b~1', 1] },
    { name: 'a "__proto__" key on the way', before: '{"__proto__":{"a":{"b":1}},"z":0}', after: '{"__proto__":{"a":{"b":2}},"z":0}', at: ["__proto__", "a"] },
    { name: "with a byte-order mark", before: '\ufeff{"a":{"b":1},"z":0}', after: '\ufeff{"a":{"b":22},"z":0}', at: ["a"] },
    { name: "the same bytes", before: '{"a":{"b":1}}', after: '{"a":{"b":1}}', at: "same" },
    { name: "a top-level value: the root is parsed whole", before: '{"openapi":"3.0.0","a":{}}', after: '{"openapi":"3.1.0","a":{}}', at: "whole" },
    { name: "a change outside the root value", before: '{"a":{"b":1}}\n', after: '{"a":{"b":1}}\n\n', at: "whole" },
    { name: "an edit that breaks the text", before: '{"a":{"b":1},"z":0}', after: '{"a":{"b":1,},"z":0}', at: "whole" },
    { name: "an edit that opens a string", before: '{"a":{"b":"x"},"z":"y"}', after: '{"a":{"b":"x},"z":"y"}', at: "whole" },
    { name: "a duplicate key in the new part", before: '{"a":{"b":1},"z":0}', after: '{"a":{"b":1,"b":2},"z":0}', at: "whole" },
    { name: "a brace inside a string edited", before: '{"a":{"s":"{["},"z":0}', after: '{"a":{"s":"}]"},"z":0}', at: ["a"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const last = kept(bytes(c.before), JSON.parse(c.before.replace(/^\ufeff/, "")))!;
      expect(last).toBeDefined();
      const read = reparse(last, bytes(c.after));
      if (c.at === "whole") return expect(read).toBeUndefined();
      expect(read).toBeDefined();
      expect(same(read!.data)).toBe(same(JSON.parse(c.after.replace(/^\ufeff/, ""))));
      if (c.at === "same") return expect(read!.data).toBe(last.data);
      expect(read!.at).toEqual(c.at);
      // The old data is left as it was.
      expect(same(last.data)).toBe(same(JSON.parse(c.before.replace(/^\ufeff/, ""))));
    });
  }

  it("shares what the edit did not reach with the last data, and copies the way to it", () => {
    const before = { info: { title: "t" }, paths: { "/a": { get: { description: "old" } }, "/b": { get: {} } }, components: { schemas: { A: { type: "string" } } } };
    const last = kept(bytes(JSON.stringify(before)), JSON.parse(JSON.stringify(before)))!;
    const old = last.data as typeof before;
    const read = reparse(last, bytes(JSON.stringify({ ...before, paths: { ...before.paths, "/a": { get: { description: "new" } } } })))!;
    const now = read.data as typeof before;
    expect(now).not.toBe(old);
    expect(now.paths).not.toBe(old.paths);
    expect(now.paths["/a"]).not.toBe(old.paths["/a"]);
    expect(now.paths["/b"]).toBe(old.paths["/b"]);
    expect(now.components).toBe(old.components);
    expect(now.info).toBe(old.info);
    expect(Object.isFrozen(now) && Object.isFrozen(now.paths["/a"].get)).toBe(true);
  });

  it("kept: data with a duplicate key anywhere is not kept (JSON.parse kept the last one, and dropped a value)", () => {
    const text = '{"a":{"b":{"c":1},"b":{"c":2}}}';
    expect(kept(bytes(text), JSON.parse(text))).toBeUndefined();
    const fine = '{"a":{"b":{"c":1},"d":{"c":2}},"e":[{"f":":"}]}';
    expect(kept(bytes(fine), JSON.parse(fine))).toBeDefined();
  });
});

/** A JSON value's text, pretty or compact, and an edit of it: a range of it replaced by other text. */
const jsonText = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 1, 2)).map(([v, indent]) => JSON.stringify({ root: v, other: [v] }, null, indent));
const snippet = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.constantFrom("", ",", ":", "{", "}", "[", "]", '"', "\\", '\\"', '"k":1,', ',"k":1', "__proto__", "日", "\u2028", " "),
  fc.string({ maxLength: 6 }),
);

describe("reparse, any edit of any JSON text", () => {
  it("gives JSON.parse's data of the new text, or declines (and declines whenever the new text is not JSON)", () => {
    let reparsed = 0;
    let valid = 0;
    fc.assert(
      fc.property(jsonText, fc.nat(), fc.nat(), snippet, (text, a, b, insert) => {
        const data = JSON.parse(text) as unknown;
        const last = kept(bytes(text), data);
        if (!last) return;
        const from = a % (text.length + 1);
        const to = from + (b % Math.min(12, text.length - from + 1));
        const edited = text.slice(0, from) + insert + text.slice(to);
        const before = same(last.data);
        const read = reparse(last, bytes(edited));
        let want: unknown;
        let json = true;
        try {
          want = JSON.parse(edited);
          valid++;
        } catch {
          json = false;
        }
        expect(same(last.data)).toBe(before);
        if (!read) return;
        expect(json).toBe(true);
        expect(same(read.data)).toBe(same(want));
        reparsed++;
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    // Most edits that leave JSON land inside the root: a reading that always declined would pass the rest.
    expect(reparsed).toBeGreaterThan(valid / 2);
  });

  it("a value's text replaced by another value's: the same data as JSON.parse, nearly always without a whole parse", () => {
    let reparsed = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (v, w, x) => {
        const before = JSON.stringify({ a: { v, keep: [x] }, b: x });
        const after = JSON.stringify({ a: { v: w, keep: [x] }, b: x });
        const read = reparse(kept(bytes(before), JSON.parse(before))!, bytes(after));
        if (read === undefined) return;
        reparsed++;
        expect(same(read.data)).toBe(same(JSON.parse(after)));
      }),
      { numRuns: 500, seed: 1207 },
    );
    expect(reparsed).toBeGreaterThan(450);
  });
});

describe("shared: a whole new reading takes what is equal from the last one", () => {
  it('gives the new data, key order and "__proto__" keys included, sharing every equal part', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) => {
        const last = shared(undefined, JSON.parse(JSON.stringify({ a, b })));
        const now = JSON.parse(JSON.stringify({ a, c: b })) as unknown;
        const result = shared(last, now) as { a: unknown; c: unknown };
        expect(same(result)).toBe(same(now));
        // An equal part is the last reading's own object.
        if (a !== null && typeof a === "object") expect(result.a).toBe((last as { a: unknown }).a);
        // The same data again: the last reading itself.
        expect(shared(last, JSON.parse(JSON.stringify(last)))).toBe(last);
      }),
      { numRuns: 300, seed: 7 },
    );
    const proto = JSON.parse('{"__proto__":{"x":1},"y":[1]}') as unknown;
    const again = shared(shared(undefined, proto), JSON.parse('{"__proto__":{"x":2},"y":[1]}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(again)).toBe(Object.prototype);
    expect(same(again)).toBe('{"__proto__":{"x":2},"y":[1]}');
  });

  it("a YAML timestamp (a Date) is never taken from the last reading", () => {
    const last = shared(undefined, { at: new Date(0) }) as { at: Date };
    const now = shared(last, { at: new Date(1000) }) as { at: Date };
    expect(now.at.getTime()).toBe(1000);
  });
});

describe("SourceFile.read with the last reads (--watch)", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("reads a saved edit from the last read: the same data, its text when asked, and positions in the new text", () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    const doc = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: { "/a": { get: { description: "old", responses: {} } }, "/b": { get: { responses: {} } } } };
    const reads = new SourceReads(true);
    writeFileSync(path, JSON.stringify(doc, null, 2));
    const first = SourceFile.read(path, undefined, reads);
    expect(reads.last!.get(path)?.data).toBe(first.data);
    doc.paths["/a"].get.description = "a longer description\nover two lines";
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(path, text);
    const second = SourceFile.read(path, undefined, reads);
    expect(same(second.data)).toBe(same(JSON.parse(text)));
    expect((second.data as typeof doc).paths["/b"]).toBe((first.data as typeof doc).paths["/b"]);
    expect(reads.last!.get(path)?.data).toBe(second.data);
    expect(second.text).toBe(text);
    const line = text.split("\n").findIndex((l) => l.includes('"/b"')) + 1;
    expect(second.locate(["paths", "/b"], true)).toEqual({ line, column: 5 });
    // Not JSON any more: read whole (and refused); the last good read stays for the next save.
    writeFileSync(path, text.replace('"/b"', '"/b",'));
    expect(() => SourceFile.read(path, undefined, reads)).toThrow(/invalid JSON/);
    expect(reads.last!.get(path)?.data).toBe(second.data);
  });

  it("reads YAML, and JSON with comments, whole each time, sharing what is equal with the last read", () => {
    dir = tempDir();
    const reads = new SourceReads(true);
    const yaml = join(dir, "spec.yaml");
    writeFileSync(yaml, "openapi: 3.1.0\npaths:\n  /a: {get: {description: old}}\n  /b: {get: {description: same}}\n");
    const first = SourceFile.read(yaml, undefined, reads).data as Obj;
    writeFileSync(yaml, "openapi: 3.1.0\npaths:\n  /a: {get: {description: new}}\n  /b: {get: {description: same}}\n");
    const second = SourceFile.read(yaml, undefined, reads).data as Obj;
    expect(second).toEqual({ openapi: "3.1.0", paths: { "/a": { get: { description: "new" } }, "/b": { get: { description: "same" } } } });
    expect(second.paths["/b"]).toBe(first.paths["/b"]);
    expect(reads.last!.get(yaml)?.json).toBeFalsy();
    const jsonc = join(dir, "spec.json");
    writeFileSync(jsonc, '{"openapi": "3.1.0", "info": {"title": "x"} // comment\n}');
    const a = SourceFile.read(jsonc, undefined, reads).data as Obj;
    writeFileSync(jsonc, '{"openapi": "3.1.1", "info": {"title": "x"} // comment\n}');
    const b = SourceFile.read(jsonc, undefined, reads).data as Obj;
    expect(b).toEqual({ openapi: "3.1.1", info: { title: "x" } });
    expect(b.info).toBe(a.info);
    expect(reads.last!.get(jsonc)?.json).toBeFalsy();
  });
});
