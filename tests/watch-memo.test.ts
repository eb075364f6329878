// `generate --watch` takes each unchanged model, function and page from the last run (render-memo.ts,
// derivation.ts). Whatever the edit, what a watching run generates must be what a fresh generation of
// the same spec generates, byte for byte, in both targets: a key that misses an input its file reads
// fails here. Each spec gets a series of edits of every kind (text, types, names, operations moved,
// added and removed, servers), each generated with the memo of the one before and fresh.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import type { TargetConfig } from "../generator/config.js";
import { generateAll, type TargetResult } from "../generator/generate.js";
import { watchMemo, type WatchMemo } from "../generator/targets/shared/render-memo.js";
import { SpecError } from "../generator/diagnostics.js";
import { SourceReads } from "../generator/load/source-reads.js";
import { ComponentsMemo } from "../generator/ir/components-memo.js";
import { applyEdit, editSamples } from "./fuzz/edits.js";
import { SHARED, tempDir } from "./helpers/paths.js";

import { EDITS, operations, type Obj } from "./helpers/spec-edits.js";

/**
 * Each spec and the edits it is put through: all of them on the small one; on Clerk's (whose
 * generations take seconds) those that reach through models, where its shape adds cases.
 */
const SPECS = [
  ["the Speakeasy test suite (pagination, events)", join(SHARED, "specs/features/speakeasy-test-suite.pagination-sse.openapi.yaml"), EDITS],
  ["Clerk's Backend API", join(SHARED, "specs/clerk-bapi.yaml"), EDITS.filter(([what]) => /schema|property|enum/.test(what))],
] as const;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configs(out: string): TargetConfig[] {
  return [
    { name: "typescript", out: join(out, "ts"), packageName: "test-sdk", sdkClass: "Test", version: "0.1.0" } as TargetConfig,
    { name: "python", out: join(out, "py"), packageName: "test_sdk", sdkClass: "Test", version: "0.1.0" } as TargetConfig,
  ];
}

/** Every file and usage snippet of a generation, by target. */
function outputOf(results: TargetResult[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    results.map((r) => [r.target.name, Object.fromEntries([...r.files.map((f) => [f.path, f.content]), ...(r.samples ?? []).map((s) => [`sample ${s.operationId}`, s.source])])]),
  );
}

describe.each(SPECS)("a watching run generates what a fresh one does: %s", (_name, source, edits) => {
  const doc = parse(readFileSync(source, "utf8")) as Obj;
  const memos = new Map<string, WatchMemo>();
  // The spec as the last watching run read it: the next reads only what changed (json-delta.ts).
  const reads = new SourceReads(true);
  // And the component schemas' models as the last watching run built them (components-memo.ts).
  const components = new ComponentsMemo();
  const spec = join(dir, `${source.split("/").pop()}.json`);
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  const generate = async (memo: boolean) => outputOf(await generateAll(spec, configs(out), { release: false, ...(memo ? { memos, reads, components } : {}) }));

  it("before any edit: the memo starts empty", async () => {
    writeFileSync(spec, JSON.stringify(doc));
    expect(await generate(true)).toEqual(await generate(false));
    for (const m of memos.values()) expect(m.render.last.recalled).toBe(0);
  }, 60_000);

  it.each(edits)(
    "after %s",
    async (_what, edit) => {
      edit(doc);
      writeFileSync(spec, JSON.stringify(doc));
      const watched = await generate(true);
      expect(watched).toEqual(await generate(false));
    },
    60_000,
  );

  it("an operation's description again: most files come from the memo, a few are printed", async () => {
    operations(doc)[0].description = "Edited once more.";
    writeFileSync(spec, JSON.stringify(doc));
    const watched = await generate(true);
    expect(watched).toEqual(await generate(false));
    for (const c of configs(out)) {
      const m = memos.get(c.out)!.render.last;
      expect(m.printed).toBeGreaterThan(0);
      expect(m.printed).toBeLessThan(8);
      expect(m.recalled).toBeGreaterThan(50);
      // The files among them (what the progress line reports): usage snippets are texts, not files.
      const files = Object.keys(watched[c.name]).filter((k) => !k.startsWith("sample "));
      expect(m.recalledFiles).toBeLessThan(m.recalled);
      expect(m.recalledFiles).toBeLessThanOrEqual(files.length);
      expect(m.recalledFiles).toBeGreaterThan(50);
    }
  }, 60_000);
});

/**
 * Random edits (tests/fuzz/edits.ts), one after another, fixed seeds: after each that the spec
 * survives, the watching run's files are the fresh run's. Edits a generation refuses are undone.
 */
const RANDOM = [
  ["the Speakeasy test suite", SPECS[0][1], 20261207, 50],
  ["OpenAI's API", join(SHARED, "specs/real-world/openai.json"), 1207, 30],
] as const;

describe.each(RANDOM)("random edits of %s: a watching run generates what a fresh one does", (name, source, seed, count) => {
  it(`${count} edits (seed ${seed})`, async () => {
    let doc = parse(readFileSync(source, "utf8")) as Obj;
    const memos = new Map<string, WatchMemo>();
    const reads = new SourceReads(true);
    const components = new ComponentsMemo();
    const spec = join(dir, `random-${source.split("/").pop()}.json`);
    const generate = async (memo: boolean) => outputOf(await generateAll(spec, configs(join(dir, `random-${seed}`)), { release: false, ...(memo ? { memos, reads, components } : {}) }));
    /** Whether the watching run's read of the spec shares part of the last one's data (read from it, not whole). */
    let shared = 0;
    const sharing = (before: unknown) => {
      const now = reads.last!.get(spec)?.data as Obj | undefined;
      if (before && now && Object.keys(now).some((k) => typeof now[k] === "object" && now[k] === (before as Obj)[k])) shared++;
    };
    writeFileSync(spec, JSON.stringify(doc));
    await generate(true);
    const done: string[] = [];
    const mismatches: string[] = [];
    for (const choices of editSamples(seed, count)) {
      const before = JSON.stringify(doc);
      const what = applyEdit(doc, choices);
      writeFileSync(spec, JSON.stringify(doc));
      let fresh: Awaited<ReturnType<typeof generate>>;
      try {
        fresh = await generate(false);
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        doc = JSON.parse(before) as Obj;
        continue;
      }
      done.push(what);
      const last = reads.last!.get(spec)?.data;
      const watched = await generate(true);
      sharing(last);
      for (const target of Object.keys(fresh)) {
        const paths = new Set([...Object.keys(fresh[target]), ...Object.keys(watched[target] ?? {})]);
        const differ = [...paths].filter((p) => fresh[target][p] !== watched[target]?.[p]);
        if (differ.length > 0) mismatches.push(`${name}, after ${done.join("; ")}: ${target}: ${differ.slice(0, 5).join(", ")}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Most edits leave a spec that generates: a run of refusals would compare nothing.
    expect(done.length).toBeGreaterThan(count * 0.7);
    // And most watching runs read the spec from the last read (an edit at its top level is read whole).
    expect(shared).toBeGreaterThan(done.length / 2);
  }, 120_000);
});

describe.each(SPECS.slice(0, 1))("no derived file prints the version (a patch release takes them from its first rendering): %s", (_name, source) => {
  it("between two versions, only files printed on every run differ", async () => {
    const spec = join(dir, `version-${source.split("/").pop()}.json`);
    writeFileSync(spec, JSON.stringify(parse(readFileSync(source, "utf8"))));
    const memos = new Map<string, WatchMemo>();
    const at = async (version: string, out: string) =>
      outputOf(
        await generateAll(
          spec,
          configs(join(dir, out)).map((c) => ({ ...c, version })),
          { release: false, memos },
        ),
      );
    const one = await at("0.1.0", "v1");
    const other = await at("7.8.9", "v2");
    for (const [i, target] of ["typescript", "python"].entries()) {
      const derived = memos
        .get(join(dir, "v2", target === "typescript" ? "ts" : "py"))!
        .render.paths()
        .map((p) => (p.startsWith("#sample/") ? `sample ${p.slice(8)}` : p));
      expect(derived.length).toBeGreaterThan(50);
      const differ = Object.keys(one[target]).filter((p) => one[target][p] !== other[target][p]);
      expect(differ.length).toBeGreaterThan(0);
      expect(differ.filter((p) => derived.includes(p))).toEqual([]);
    }
  }, 60_000);
});

describe("watchMemo", () => {
  it("a failed run leaves nothing to recall: only a sealed run's files are", () => {
    const m = watchMemo();
    m.render.startRun();
    expect(m.render.recall("a.ts", "k")).toBeUndefined();
    m.render.remember("a.ts", "k", { path: "a.ts", content: "printed" });
    m.render.startRun();
    expect(m.render.recall("a.ts", "k")).toBeUndefined();
    const file = { path: "a.ts", content: "printed" };
    m.render.remember("a.ts", "k", file);
    file.content = "formatted";
    m.render.seal();
    m.render.startRun();
    expect(m.render.recall("a.ts", "other key")).toBeUndefined();
    expect(m.render.recall("a.ts", "k")?.content).toBe("formatted");
  });
});
