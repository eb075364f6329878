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
import { SHARED, tempDir } from "./helpers/paths.js";

type Obj = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "patch"];

const operations = (d: Obj): Obj[] => Object.values(d.paths as Obj).flatMap((item: Obj) => METHODS.filter((m) => item[m]).map((m) => item[m]));

/** A component schema other schemas refer to (with properties): an edit of it reaches further than itself. */
function sharedSchema(d: Obj): string {
  const schemas = d.components.schemas as Obj;
  const text = JSON.stringify(schemas);
  const name = Object.keys(schemas).find((n) => schemas[n].properties && Object.keys(schemas[n].properties).length > 1 && text.split(`"#/components/schemas/${n}"`).length > 2);
  if (!name) throw new Error("no component schema that others refer to");
  return name;
}

/** A component schema an operation's JSON body is (its examples show its required fields in usage snippets). */
function bodySchema(d: Obj): string {
  for (const op of operations(d)) {
    const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref as string | undefined;
    const name = ref?.replace("#/components/schemas/", "");
    if (name && d.components.schemas[name]?.properties) return name;
  }
  throw new Error("no operation with a component schema as its JSON body");
}

function firstEnum(d: Obj): Obj {
  const found = JSON.stringify(d.components.schemas).match(/"enum":\["[^"]*"/);
  if (!found) throw new Error("no string enum");
  let hit: Obj | undefined;
  const walk = (v: unknown) => {
    if (hit || v === null || typeof v !== "object") return;
    if (Array.isArray((v as Obj).enum) && typeof (v as Obj).enum[0] === "string") hit = v as Obj;
    else for (const x of Object.values(v as Obj)) walk(x);
  };
  walk(d.components.schemas);
  return hit!;
}

/** Each edit applies to the spec as the edits before it left it. */
const EDITS: [string, (d: Obj) => void][] = [
  ["an operation's description", (d) => (operations(d)[0].description = `${operations(d)[0].description ?? ""} (edited)`)],
  [
    "a shared schema's descriptions",
    (d) => {
      const s = d.components.schemas[sharedSchema(d)];
      s.description = "Edited.";
      const first = Object.values(s.properties as Obj)[0] as Obj;
      first.description = "An edited property.";
    },
  ],
  ["a property added to a shared schema", (d) => (d.components.schemas[sharedSchema(d)].properties.addedByTheTest = { type: "string", example: "added" })],
  [
    "a required property added to a request body's schema",
    (d) => {
      const s = d.components.schemas[bodySchema(d)];
      s.properties.requiredByTheTest = { type: "string", example: "required" };
      s.required = [...(s.required ?? []), "requiredByTheTest"];
    },
  ],
  [
    "a property's type and example",
    (d) => {
      const p = d.components.schemas[bodySchema(d)].properties.requiredByTheTest;
      p.type = "integer";
      p.example = 42;
    },
  ],
  ["an enum's values", (d) => firstEnum(d).enum.push("added_by_the_test")],
  [
    "a shared schema renamed",
    (d) => {
      const from = sharedSchema(d);
      const text = JSON.stringify(d).split(`"#/components/schemas/${from}"`).join(`"#/components/schemas/${from}Renamed"`);
      const next = JSON.parse(text);
      next.components.schemas[`${from}Renamed`] = next.components.schemas[from];
      delete next.components.schemas[from];
      Object.assign(d, next);
      for (const k of Object.keys(d.components.schemas)) if (!(k in next.components.schemas)) delete d.components.schemas[k];
    },
  ],
  [
    "an operation added",
    (d) => {
      const op = structuredClone(operations(d)[0]);
      op.operationId = "addedByTheTest";
      d.paths["/added-by-the-test"] = { get: op };
    },
  ],
  [
    "an operation moved to a new resource",
    (d) => {
      const op = operations(d)[1];
      op.tags = ["Moved By The Test"];
      delete op["x-speakeasy-group"];
    },
  ],
  [
    "an operation removed",
    (d) => {
      const paths = Object.keys(d.paths);
      delete d.paths[paths[paths.length - 2]];
    },
  ],
  ["the servers", (d) => (d.servers = [{ url: "https://edited.example.com/v9" }])],
  ["the API's title", (d) => (d.info.title = `${d.info.title} Edited`)],
];

const SPECS = [
  ["the Speakeasy test suite (pagination, events)", join(SHARED, "specs/features/speakeasy-test-suite.pagination-sse.openapi.yaml")],
  ["Clerk's Backend API", join(SHARED, "specs/clerk-bapi.yaml")],
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

describe.each(SPECS)("a watching run generates what a fresh one does: %s", (_name, source) => {
  const doc = parse(readFileSync(source, "utf8")) as Obj;
  const memos = new Map<string, WatchMemo>();
  const spec = join(dir, `${source.split("/").pop()}.json`);
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  const generate = async (memo: boolean) => outputOf(await generateAll(spec, configs(out), { release: false, ...(memo ? { memos } : {}) }));

  it("before any edit: the memo starts empty", async () => {
    writeFileSync(spec, JSON.stringify(doc));
    expect(await generate(true)).toEqual(await generate(false));
    for (const m of memos.values()) expect(m.render.last.recalled).toBe(0);
  }, 60_000);

  it.each(EDITS)(
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
    expect(await generate(true)).toEqual(await generate(false));
    for (const m of [...memos.values()].map((x) => x.render.last)) {
      expect(m.printed).toBeGreaterThan(0);
      expect(m.printed).toBeLessThan(8);
      expect(m.recalled).toBeGreaterThan(50);
    }
  }, 60_000);
});

describe.each(SPECS)("no derived file prints the version (a patch release takes them from its first rendering): %s", (_name, source) => {
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
