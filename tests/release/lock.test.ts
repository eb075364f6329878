// Reading a folder's lock: checked through its schema, unless the folder's stat index (which the run
// has read already) records it as written by a run, byte for byte (same size and mtime, not racy).
import { mkdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NameBook, type NameRecord } from "../../generator/ir/names.js";
import { LOCK_FILE, LockCache, heldNames, lockAround, lockPieces, lockText, readLockFile, surfacePieces, type LockFile } from "../../generator/release/lock.js";
import { digestOf, type StatIndex } from "../../generator/write/stat-index.js";
import { ROOT, tempDir } from "../helpers/paths.js";

const root = tempDir("specsmith-lock-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A lock whose fields pass the quick checks, with a surface its schema refuses. */
const DAMAGED = JSON.stringify({
  format: 1,
  generator: "specsmith 0.0.1",
  target: "python",
  configVersion: "1.0.0",
  version: "1.0.0",
  api: { title: "t", version: "1", digest: "d" },
  surface: { methods: 5 },
});

let n = 0;
/** A folder holding `text` as its lock, its mtime a minute ago; the index entry `entry` makes of it. */
function folder(text: string, entry: (size: number, mtime: number) => { size: number; mtime: number; edited?: boolean } | undefined, indexAge = 0): { out: string; index: StatIndex } {
  const out = join(root, String(n++));
  mkdirSync(join(out, ".specsmith"), { recursive: true });
  const path = join(out, LOCK_FILE);
  writeFileSync(path, text);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path, minuteAgo, minuteAgo);
  const st = statSync(path);
  const e = entry(st.size, st.mtimeMs);
  const entries = new Map(e ? [[LOCK_FILE, { ...e, digest: "x" }]] : []);
  return { out, index: { entries, mtime: st.mtimeMs + 1000 - indexAge } };
}

describe("readLockFile", () => {
  it.each([
    ["no index was read", undefined, false],
    ["the index does not list the lock", () => undefined, false],
    ["its size differs from the index's", (size: number, mtime: number) => ({ size: size + 1, mtime }), false],
    ["its mtime differs from the index's", (size: number, mtime: number) => ({ size, mtime: mtime - 1 }), false],
    ["the index records it as hand-edited", (size: number, mtime: number) => ({ size, mtime, edited: true }), false],
    ["the index records it as written", (size: number, mtime: number) => ({ size, mtime }), true],
  ] as const)("when %s: its schema is checked unless recorded as written (%#)", (_, entry, trusted) => {
    const { out, index } = folder(DAMAGED, entry ?? (() => undefined));
    const read = () => readLockFile(out, "python", undefined, entry ? index : undefined);
    if (trusted) expect(read()?.version).toBe("1.0.0");
    else expect(read).toThrow(/is damaged: surface/);
  });

  it("checks a lock written in the same tick as the index (racy), whatever the index says", () => {
    const { out, index } = folder(DAMAGED, (size, mtime) => ({ size, mtime }), 1000);
    expect(() => readLockFile(out, "python", undefined, index)).toThrow(/is damaged: surface/);
  });

  it("still checks the format, the release and the target of a lock recorded as written", () => {
    const other = folder(DAMAGED.replace('"python"', '"typescript"'), (size, mtime) => ({ size, mtime }));
    expect(() => readLockFile(other.out, "python", undefined, other.index)).toThrow(/is for target "typescript", not python/);
    const newer = folder(DAMAGED.replace("specsmith 0.0.1", "specsmith 99.0.0"), (size, mtime) => ({ size, mtime }));
    expect(() => readLockFile(newer.out, "python", undefined, newer.index)).toThrow(/newer than this specsmith/);
  });

  it("reads a lock the size of Microsoft Graph's (over 64 MB), and refuses one over 256 MB, saying so", () => {
    const { out, index } = folder(DAMAGED + " ".repeat(65 << 20), (size, mtime) => ({ size, mtime }));
    expect(readLockFile(out, "python", undefined, index)?.version).toBe("1.0.0");
    // A sparse file: its size is all that is looked at.
    truncateSync(join(out, LOCK_FILE), 300 << 20);
    expect(() => readLockFile(out, "python", undefined, index)).toThrow(/lock\.json is 300 MB, over the 256 MB a lock can be\.\n  hint: restore it/);
  });
});

describe("heldNames: the names one IR keeps for every target's lock", () => {
  const lock = (names: NameRecord | undefined) => ({ names }) as unknown as LockFile;
  /** The name a place wanting `wanted` gets from a scope holding `held`'s models. */
  const claimed = (held: NameRecord | undefined, claims: [wanted: string, place: string][]) => {
    const scope = new NameBook(held).scope("models");
    return claims.map(([wanted, place]) => scope.claim(wanted, place));
  };
  const cases: { name: string; locks: (NameRecord | undefined)[]; want: NameRecord | undefined; claims?: [string, string][]; names?: string[] }[] = [
    { name: "no lock, or none with names: nothing held", locks: [undefined, undefined], want: undefined },
    { name: "one lock's names, as they are", locks: [undefined, { models: { Foo: "a" } }], want: { models: { Foo: "a" } } },
    { name: "locks that agree: their names once", locks: [{ models: { Foo: "a" } }, { models: { Foo: "a" } }], want: { models: { Foo: "a" } } },
    {
      name: "a name two locks give to two places: the first target's place has it",
      locks: [{ models: { Foo: "a" } }, { models: { Foo: "b" } }],
      want: { models: { Foo: "a" } },
      claims: [
        ["Foo", "b"],
        ["Foo", "a"],
      ],
      names: ["Foo2", "Foo"],
    },
    {
      name: "a place two locks name apart: the first target's name",
      locks: [{ models: { Foo2: "a" } }, { models: { Foo: "a" } }],
      want: { models: { Foo2: "a", Foo: "a" } },
      claims: [["Foo", "a"]],
      names: ["Foo2"],
    },
    {
      name: "scopes one lock has and the other not: both",
      locks: [{ models: { Foo: "a" } }, { "aliases python": { "components:Bar": "a" } }],
      want: { models: { Foo: "a" }, "aliases python": { "components:Bar": "a" } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const held = heldNames(c.locks.map((n) => (n === undefined ? undefined : lock(n))));
      expect(held).toEqual(c.want);
      if (c.claims) expect(claimed(held, c.claims)).toEqual(c.names);
    });
  }
});

describe("lockText: one method, model or name a line; lockPieces and lockAround: the same text, piece by piece", () => {
  const base = {
    format: 1,
    generator: "specsmith 0.1.0",
    target: "python",
    configVersion: "1.0.0",
    version: "1.0.1",
    api: { title: "T", version: "1", digest: "d" },
    code: "c",
  };
  const surface = (methods: object, models: object) => ({ target: "python", apiVersion: "1", methods, models }) as unknown as LockFile["surface"];
  const head =
    '{\n  "format": 1,\n  "generator": "specsmith 0.1.0",\n  "target": "python",\n  "configVersion": "1.0.0",\n  "version": "1.0.1",\n  "api": {"title":"T","version":"1","digest":"d"},\n  "code": "c",\n  "surface": {\n    "target": "python",\n    "apiVersion": "1",\n';
  it.each([
    ["an empty surface, no names", surface({}, {}), undefined, `${head}    "methods": {},\n    "models": {}\n  }\n}\n`],
    [
      "a method and two models",
      surface({ "users.get": { params: ["id"] } }, { A: { f: 1 }, 'B"': {} }),
      undefined,
      `${head}    "methods": {\n      "users.get": {"params":["id"]}\n    },\n    "models": {\n      "A": {"f":1},\n      "B\\"": {}\n    }\n  }\n}\n`,
    ],
    ["no names recorded", surface({}, {}), {}, `${head}    "methods": {},\n    "models": {}\n  },\n  "names": {}\n}\n`],
    [
      "names in two scopes, one empty",
      surface({}, {}),
      { models: { User: "#/components/schemas/User", Pet: "#/x" }, python: {} },
      `${head}    "methods": {},\n    "models": {}\n  },\n  "names": {\n    "models": {\n      "User": "#/components/schemas/User",\n      "Pet": "#/x"\n    },\n    "python": {}\n  }\n}\n`,
    ],
  ] as const)("%s", (_what, s, names, want) => {
    const lock = { ...base, surface: s, ...(names ? { names } : {}) } as unknown as LockFile;
    expect(lockText(lock)).toBe(want);
    expect([...lockPieces(lock)].join("")).toBe(want);
    // Printed around a surface entry made apart (a huge generation's, read back as bytes).
    const { surface: entry, ...head } = lock;
    expect([...lockAround(head, [Buffer.from([...surfacePieces(entry)].join(""))])].map(String).join("")).toBe(want);
    expect(JSON.parse(want)).toEqual(lock);
  });

  it.each(["typescript", "python"])("gives the %s SDK's committed lock back byte for byte", (target) => {
    const text = readFileSync(join(ROOT, "generated", target, LOCK_FILE), "utf8");
    expect(lockText(JSON.parse(text) as LockFile)).toBe(text);
  });
});

describe("LockCache (--watch): a held lock's text", () => {
  it("is printed and digested once per head, and is lockText's", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "generated", "typescript", LOCK_FILE), "utf8")) as LockFile;
    const { surface, ...head } = lock;
    const cache = new LockCache();
    const first = cache.text(head, surface);
    expect(first.text).toBe(lockText(lock));
    expect(first.digest).toBe(digestOf(first.text));
    expect(cache.text(head, surface)).toBe(first);
    // Another head (a lock read again) is printed for itself.
    const other = { ...head, version: "9.9.9" };
    expect(cache.text(other, surface).text).toBe(lockText({ ...other, surface }));
  });
});
