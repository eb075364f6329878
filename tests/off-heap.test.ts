// A huge SDK's texts wait for the writer in a spill file, not in memory (off-heap.ts). Forced for a
// small spec (SPECSMITH_OFF_HEAP_FROM=0: every finished text moves out), both SDKs must be the same
// bytes as a generation that keeps them in memory, first and after an edit of the spec, with a hand
// edit merged as before; and no spill file is ever left in the output folder. Run as the CLI. In
// process: a huge API's plain run holds no stat index through its rendering.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { TargetConfig } from "../generator/config.js";
import { cacheOf, generateAll } from "../generator/generate.js";
import { LOCK_FILE } from "../generator/release/lock.js";
import { INDEX_FILE, readIndex } from "../generator/write/stat-index.js";
import type { WriteCache } from "../generator/write/write-cache.js";
import { writeOutput } from "../generator/write/write.js";
import { specsmith } from "./helpers/cli.js";
import { SHARED, SPEC, listFiles, tempDir } from "./helpers/paths.js";
import { operations, type Obj } from "./helpers/spec-edits.js";

const dir = tempDir("specsmith-off-heap-cli-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = join(SHARED, "specs/features/speakeasy-test-suite.pagination-sse.openapi.yaml");

function config(name: string, spec: string): string {
  const path = join(dir, `${name}.yaml`);
  const out = join(dir, name);
  writeFileSync(
    path,
    `spec: ${spec}\ntargets:\n  typescript:\n    out: ${join(out, "ts")}\n    packageName: test-sdk\n    sdkClass: Test\n  python:\n    out: ${join(out, "py")}\n    packageName: test_sdk\n    sdkClass: Test\n`,
  );
  return path;
}

/** Generates with `path`; returns how many texts each target moved out of memory. */
function generate(path: string, env: Record<string, string> = {}): number[] {
  const r = specsmith(["generate", "--config", path], undefined, { env: { SOURCE_DATE_EPOCH: "1767225600", SPECSMITH_TIMINGS: "1", ...env } });
  expect(r.code, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/formatting \w+ \(([^)]*)\)/g)].map((m) => Number(/([\d,]+) waiting on disk/.exec(m[1])?.[1].replace(/,/g, "") ?? 0));
}

/** Every file of both SDKs (the stat index aside: it records this machine's mtimes). */
function contents(name: string): Map<string, string> {
  const root = join(dir, name);
  return new Map(listFiles(root, (rel) => rel.endsWith(".specsmith/index.json")).map((p) => [p, readFileSync(join(root, p), "latin1")]));
}

describe("texts moved out of memory", () => {
  const doc = parse(readFileSync(SOURCE, "utf8")) as Obj;
  const spec = join(dir, "spec.json");
  const inMemory = config("memory", spec);
  const spilled = config("spilled", spec);
  const SPILL = { SPECSMITH_OFF_HEAP_FROM: "0" };

  it("a first generation writes the same bytes, and leaves no spill file", () => {
    writeFileSync(spec, JSON.stringify(doc));
    expect(generate(inMemory)).toEqual([0, 0]);
    // Every page and module once formatted: most of each SDK.
    for (const n of generate(spilled, SPILL)) expect(n).toBeGreaterThan(50);
    const mine = contents("spilled");
    expect(mine.size).toBeGreaterThan(100);
    expect([...mine.keys()].filter((p) => p.includes("spill"))).toEqual([]);
    expect(mine).toEqual(contents("memory"));
  }, 60_000);

  it("after an edit of the spec and a hand edit, the same bytes again: the edit merged, the pack the same", () => {
    const model = (name: string) => listFiles(join(dir, name, "py")).find((p) => p.startsWith("src/test_sdk/models/") && !p.endsWith("__init__.py"))!;
    const page = (name: string) => listFiles(join(dir, name, "ts")).find((p) => p.startsWith("docs/models/"))!;
    for (const name of ["memory", "spilled"]) {
      const py = join(dir, name, "py", model(name));
      writeFileSync(py, `# mine\n${readFileSync(py, "utf8")}`);
      const md = join(dir, name, "ts", page(name));
      writeFileSync(md, `${readFileSync(md, "utf8")}\nMy own note.\n`);
    }
    operations(doc)[0].description = "Edited while texts are spilled.";
    writeFileSync(spec, JSON.stringify(doc));
    generate(inMemory);
    // Texts the last generation left as they are come from its pack (not moved); what the edit reaches is.
    for (const n of generate(spilled, SPILL)) expect(n).toBeGreaterThan(0);
    const mine = contents("spilled");
    expect(mine.get(`py/${model("spilled")}`)).toMatch(/^# mine\n/);
    expect(mine.get(`ts/${page("spilled")}`)).toContain("My own note.");
    expect(mine).toEqual(contents("memory"));
  }, 60_000);
});

describe("a huge API's plain run", () => {
  /** An output folder with a stat index, a WriteCache holding that index as the up-to-date check leaves it, and a run with it. */
  async function held(opts: { watch: boolean; hugeFrom?: number }): Promise<boolean> {
    const out = join(dir, `held-${opts.watch}-${opts.hugeFrom ?? "none"}`);
    writeOutput(out, [{ path: "a.txt", content: "a\n" }]);
    const writes = new Map<string, WriteCache>();
    const cache = cacheOf(writes, out, opts.watch)!;
    const index = readIndex(out, cache);
    expect(cache.recallIndex(statSync(join(out, INDEX_FILE)))).toBe(index);
    const config = { name: "typescript", out, packageName: "p", sdkClass: "P", version: "0.1.0" } as TargetConfig;
    await generateAll(SPEC, [config], { writes, release: false, ...(opts.hugeFrom !== undefined ? { hugeFrom: opts.hugeFrom } : {}) });
    return cache.recallIndex(statSync(join(out, INDEX_FILE))) === index;
  }

  it("moves each surface out of memory once its release is decided, and writes the same locks and changelogs, first and after an edit", async () => {
    const spec = join(dir, "surfaces.json");
    const doc = parse(readFileSync(SPEC, "utf8")) as Obj;
    const configs = (name: string) =>
      [
        { name: "typescript", out: join(dir, name, "ts"), packageName: "p", sdkClass: "P", version: "0.1.0" },
        { name: "python", out: join(dir, name, "py"), packageName: "p", sdkClass: "P", version: "0.1.0" },
      ] as TargetConfig[];
    /** Both SDKs generated and written; each one's lock and changelog, and whether the lock was printed from the spill file. */
    const run = async (name: string, hugeFrom?: number) => {
      const results = await generateAll(spec, configs(name), { date: "2026-01-01", ...(hugeFrom !== undefined ? { hugeFrom } : {}) });
      return results.map((r) => {
        const [lock, changelog] = [LOCK_FILE, "CHANGELOG.md"].map((p) => r.files.find((f) => f.path === p)!);
        const got = { lock: lock.content, changelog: changelog.content, spilled: lock.packed !== undefined };
        writeOutput(r.target.out, r.files);
        return got;
      });
    };
    const both = async () => {
      const [whole, moved] = [await run("surfaces-whole"), await run("surfaces-moved", 1)];
      for (const r of whole) expect(r.spilled).toBe(false);
      for (const r of moved) expect(r.spilled).toBe(true);
      expect(moved.map(({ lock, changelog }) => ({ lock, changelog }))).toEqual(whole.map(({ lock, changelog }) => ({ lock, changelog })));
      return whole;
    };
    writeFileSync(spec, JSON.stringify(doc));
    await both();
    // A release with changes: an operation gone, another's description edited.
    const ops = operations(doc);
    ops[0].description = "Edited while the surface is out of memory.";
    const paths = doc.paths as Obj;
    delete paths[Object.keys(paths).at(-1)!];
    writeFileSync(spec, JSON.stringify(doc));
    const after = await both();
    // A breaking change below 1.0.0 bumps the minor version.
    for (const r of after) expect([JSON.parse(r.lock).version, r.changelog.split("\n").find((l) => l.startsWith("## "))]).toEqual(["0.2.0", "## 0.2.0 (2026-01-01)"]);
  }, 60_000);

  it("lets go of the stat index its up-to-date check read (the writer reads it again); an ordinary run and --watch keep it", async () => {
    expect(await held({ watch: false, hugeFrom: 1 })).toBe(false);
    expect(await held({ watch: false })).toBe(true);
    expect(await held({ watch: true, hugeFrom: 1 })).toBe(true);
  }, 60_000);
});
