// --watch prints a folder's stat index from the rows of its last one (IndexRows): whatever the
// entries become from one save to the next, the text must be the one printed from scratch.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexRows, indexText, type IndexEntry } from "../../generator/write/stat-index.js";

const entry = fc.record({ size: fc.nat(5), mtime: fc.nat(3), digest: fc.constantFrom("a", "b", 'c"d'), edited: fc.option(fc.constant(true), { nil: undefined }) }).map((e) => {
  const out: IndexEntry = { size: e.size, mtime: e.mtime, digest: e.digest };
  if (e.edited) out.edited = true;
  return out;
});
const entries = fc.array(fc.tuple(fc.constantFrom("a.ts", "b/c.ts", "b/d.ts", "B.ts", "é.ts", "a/b/c.ts", "z"), entry), { maxLength: 8 }).map((rows) => new Map(rows));

describe("IndexRows", () => {
  it("prints, save after save, the text indexText prints from scratch", () => {
    fc.assert(
      fc.property(fc.array(entries, { minLength: 1, maxLength: 6 }), fc.option(fc.string(), { nil: undefined }), (saves, inputs) => {
        const rows = new IndexRows();
        for (const e of saves) expect(indexText(e, inputs, rows)).toBe(indexText(e, inputs));
      }),
      { numRuns: 500, seed: 1207 },
    );
  });

  it("an entry whose fields change in place, or which becomes edited, gets a new row", () => {
    const rows = new IndexRows();
    const e: IndexEntry = { size: 1, mtime: 1, digest: "x" };
    const map = new Map([["a", e]]);
    expect(indexText(map, undefined, rows)).toBe(indexText(map));
    map.set("a", { ...e, edited: true });
    expect(indexText(map, undefined, rows)).toBe(indexText(map));
    map.set("a", { ...e, mtime: 2 });
    expect(indexText(map, undefined, rows)).toBe(indexText(map));
  });
});
