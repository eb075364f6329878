// A regeneration takes each model, function and page whose inputs did not change from the pristine
// pack, as the last generation made it (the pack records what each text was derived from:
// derivation.ts, PristineStore.derived). Whatever the edit, the derived files must be what a fresh
// generation writes, in both targets, in the folder and in a fresh clone of it; a hand edit is still
// merged; a pack with other keys only costs printing. Run as the CLI: only a build of specsmith
// records keys.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { encodePack, openPack, PACK_FILE, packDigest, type PackEntry } from "../generator/write/pristine.js";
import { digestOf } from "../generator/write/stat-index.js";
import { specsmith } from "./helpers/cli.js";
import { SHARED, tempDir } from "./helpers/paths.js";
import { EDITS, operations, type Obj } from "./helpers/spec-edits.js";

const dir = tempDir("specsmith-derived-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = join(SHARED, "specs/features/speakeasy-test-suite.pagination-sse.openapi.yaml");
const TARGETS = ["ts", "py"] as const;

/** A config generating both SDKs of `spec` into `out`/ts and `out`/py. */
function config(name: string, spec: string, out: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `spec: ${spec}\ntargets:\n  typescript:\n    out: ${join(out, "ts")}\n    packageName: test-sdk\n    sdkClass: Test\n  python:\n    out: ${join(out, "py")}\n    packageName: test_sdk\n    sdkClass: Test\n`,
  );
  return path;
}

/** Generates with `config`; returns how many files each target took from the last generation. */
function generate(path: string): number[] {
  const r = specsmith(["generate", "--config", path], undefined, { env: { SPECSMITH_TIMINGS: "1" } });
  expect(r.code, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/formatting \w+ \([\d,]+ files(?:, ([\d,]+) as the last generation left them)?\)/g)].map((m) => Number((m[1] ?? "0").replace(/,/g, "")));
}

/** The files an output folder's pack records as derived (with a key), and their texts on disk. */
function derived(out: string): Map<string, string> {
  const pack = openPack(readFileSync(join(out, PACK_FILE)))!;
  const paths = [...pack.keys].filter(([, key]) => key !== "").map(([p]) => p);
  return new Map(paths.map((p) => [p, readFileSync(join(out, p), "utf8")]));
}

/**
 * Gives every derived text of `out`'s pack a key no build makes. The same texts, so the same digest
 * line: what a newer specsmith generating the same files leaves.
 */
function otherKeys(out: string): void {
  const file = join(out, PACK_FILE);
  const pack = openPack(readFileSync(file))!;
  const texts = [...pack.keys].map(([p, key]): PackEntry => ({ path: p, content: pack.text(p)!, ...(key ? { key: "not a key" } : {}) }));
  writeFileSync(file, encodePack(texts, packDigest(file)!));
}

describe("regeneration takes what an edit does not reach from disk", () => {
  const doc = parse(readFileSync(SOURCE, "utf8")) as Obj;
  const spec = join(dir, "spec.json");
  const kept = join(dir, "kept");
  const keptConfig = config("kept", spec, kept);

  it("a first generation records what each derived file was made from", () => {
    writeFileSync(spec, JSON.stringify(doc));
    expect(generate(keptConfig)).toEqual([0, 0]);
    for (const t of TARGETS) expect(derived(join(kept, t)).size).toBeGreaterThan(50);
    // And each text's digest: a regeneration recalls a text, and its digest, without reading it.
    for (const t of TARGETS) {
      const pack = openPack(readFileSync(join(kept, t, PACK_FILE)))!;
      for (const p of pack.keys.keys()) expect(pack.packed(p)!.digest, p).toBe(digestOf(pack.text(p)!));
    }
  });

  it.each(EDITS.filter(([what]) => !/added to a shared/.test(what)))(
    "after %s: derived files as a fresh generation writes them",
    (_what, edit) => {
      edit(doc);
      writeFileSync(spec, JSON.stringify(doc));
      const recalled = generate(keptConfig);
      const fresh = join(dir, "fresh");
      rmSync(fresh, { recursive: true, force: true });
      generate(config("fresh", spec, fresh));
      for (const t of TARGETS) {
        const mine = derived(join(kept, t));
        expect(mine).toEqual(derived(join(fresh, t)));
      }
      // An edit of text, types, names or operations leaves most files as they were (servers are every
      // file's input). A paginated operation added or removed changes the page types and Speakeasy
      // aliases, which only the files keyed by their own views read.
      if (!/servers/.test(_what)) for (const n of recalled) expect(n).toBeGreaterThan(50);
    },
    60_000,
  );

  it("a fresh clone (no stat index, new mtimes) takes them from the committed pack", () => {
    const clone = join(dir, "clone");
    rmSync(clone, { recursive: true, force: true });
    cpSync(kept, clone, { recursive: true, filter: (src) => !src.endsWith("index.json") });
    const cloneConfig = config("clone", spec, clone);
    // --check, as CI runs it: up to date, most files taken from the pack (and compared with disk).
    const check = specsmith(["generate", "--config", cloneConfig, "--check"], undefined, { env: { SPECSMITH_TIMINGS: "1" } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toMatch(/[\d,]{3,} as the last generation left them/);
    // A derived file missing from the clone is reported, though its text came from the pack.
    const gone = [...derived(join(clone, "ts")).keys()][0];
    rmSync(join(clone, "ts", gone));
    const missing = specsmith(["generate", "--config", cloneConfig, "--check"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout + missing.stderr).toContain(gone);
    operations(doc)[0].description = "Edited in the clone.";
    writeFileSync(spec, JSON.stringify(doc));
    for (const n of generate(cloneConfig)) expect(n).toBeGreaterThan(50);
    const fresh = join(dir, "fresh");
    rmSync(fresh, { recursive: true, force: true });
    generate(config("fresh", spec, fresh));
    for (const t of TARGETS) expect(derived(join(clone, t))).toEqual(derived(join(fresh, t)));
  }, 60_000);

  it("a pack from another build (same texts, other keys): --check passes, a regeneration prints", () => {
    generate(keptConfig);
    for (const t of TARGETS) otherKeys(join(kept, t));
    rmSync(join(kept, "ts", ".specsmith/index.json"));
    const check = specsmith(["generate", "--config", keptConfig, "--check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    operations(doc)[0].description = "Edited once more.";
    writeFileSync(spec, JSON.stringify(doc));
    expect(generate(keptConfig)).toEqual([0, 0]);
    const fresh = join(dir, "fresh");
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(fresh, { recursive: true });
    generate(config("fresh", spec, fresh));
    for (const t of TARGETS) expect(derived(join(kept, t))).toEqual(derived(join(fresh, t)));
  }, 60_000);

  it("a regeneration that prints the same texts from other keys records its own: the next edit takes files from the pack", () => {
    generate(keptConfig);
    for (const t of TARGETS) {
      otherKeys(join(kept, t));
      rmSync(join(kept, t, ".specsmith/index.json"));
    }
    // Nothing changed but the keys: every derived file is printed, and comes out as it was.
    expect(generate(keptConfig)).toEqual([0, 0]);
    for (const t of TARGETS) expect([...openPack(readFileSync(join(kept, t, PACK_FILE)))!.keys.values()]).not.toContain("not a key");
    operations(doc)[0].description = "Edited after the keys were recorded.";
    writeFileSync(spec, JSON.stringify(doc));
    for (const n of generate(keptConfig)) expect(n).toBeGreaterThan(50);
  }, 60_000);

  it("a hand edit of a derived file is merged, not taken for what the index recorded", () => {
    const out = join(kept, "ts");
    const [path] = [...derived(out).keys()].filter((p) => p.startsWith("src/models/"));
    writeFileSync(join(out, path), `// mine\n${readFileSync(join(out, path), "utf8")}`);
    operations(doc)[0].description = "Edited for the hand-edit case.";
    writeFileSync(spec, JSON.stringify(doc));
    generate(keptConfig);
    expect(readFileSync(join(out, path), "utf8")).toMatch(/^\/\/ mine\n/);
  }, 60_000);
});
