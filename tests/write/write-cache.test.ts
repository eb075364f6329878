// What a writer keeps from one save of --watch to the next (write/write-cache.ts): a shortcut to
// what it would read anyway, never state. The manifest's paths are those its text lists now.
import { describe, expect, it } from "vitest";
import { WriteCache } from "../../generator/write/write-cache.js";

const manifest = (files: string[]) => JSON.stringify({ generator: "specsmith", files });
const parse = (calls: string[]) => (text: string | undefined) => {
  if (text !== undefined) calls.push(text);
  return text === undefined ? undefined : (JSON.parse(text) as { files: string[] }).files;
};

describe("WriteCache.listed", () => {
  it("--watch: the same text is parsed once; another text, or no manifest, is read as it is", () => {
    const cache = new WriteCache();
    const calls: string[] = [];
    const a = manifest(["a.ts", "b.ts"]);
    expect(cache.listed(a, parse(calls))).toEqual(["a.ts", "b.ts"]);
    // The same text as a new string (as each save reads it from disk).
    expect(cache.listed(manifest(["a.ts", "b.ts"]), parse(calls))).toEqual(["a.ts", "b.ts"]);
    expect(calls).toHaveLength(1);
    expect(cache.listed(manifest(["a.ts"]), parse(calls))).toEqual(["a.ts"]);
    expect(cache.listed(undefined, parse(calls))).toBeUndefined();
    expect(cache.listed(a, parse(calls))).toEqual(["a.ts", "b.ts"]);
    expect(calls).toHaveLength(3);
  });

  it("a plain run keeps nothing: each text is parsed", () => {
    const cache = new WriteCache(false);
    const calls: string[] = [];
    const a = manifest(["a.ts"]);
    cache.listed(a, parse(calls));
    cache.listed(a, parse(calls));
    expect(calls).toHaveLength(2);
  });
});
