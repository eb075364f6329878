/**
 * Names kept across regenerations, through the real CLI: an operation added before another that
 * would take its names (a model, the operation's id and method, a Speakeasy alias) leaves that
 * other's names alone, in both SDKs, in `generate` and in `diff`; the lock records them, and only
 * the names that still fit are taken from it.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { placeKey } from "../../generator/ir/names.js";
import { specsmith } from "../helpers/cli.js";
import { listFiles, tempDir } from "../helpers/paths.js";

type Obj = Record<string, unknown>;

const op = (operationId: string) => ({
  operationId,
  tags: ["items"],
  responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } } },
});
const spec = (paths: Obj) => JSON.stringify({ openapi: "3.1.0", info: { title: "Things", version: "1.0.0" }, servers: [{ url: "https://api.example.com" }], paths });
// `GetThing` and `getThing` are the same name once cased: the first in the document used to get it.
const V1 = spec({ "/b": { get: op("getThing") } });
const V2 = spec({ "/a": { get: op("GetThing") }, "/b": { get: op("getThing") } });
const CONFIG = [
  "spec: spec.json",
  "targets:",
  "  typescript:",
  "    out: ts",
  "    packageName: things",
  "    sdkClass: Things",
  "  python:",
  "    out: py",
  "    packageName: things",
  "    sdkClass: Things",
  "",
].join("\n");

interface Summary {
  targets: { name: string; release: { bump: string; changes: { breaking: number; added: number } } }[];
}

function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "specsmith.yaml"), CONFIG);
  return dir;
}

function generate(dir: string, text: string): Summary {
  writeFileSync(join(dir, "spec.json"), text);
  const r = specsmith(["generate", "--config", join(dir, "specsmith.yaml"), "--json"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Summary;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const TS_MODEL = "ts/src/models/operations/getthingresponse.ts";
const PY_MODEL = "py/src/things/models/getthingresponse.py";

describe("an operation added before one whose names it would take", () => {
  let dir: string;
  let before: Record<string, string>;
  let summary: Summary;
  beforeAll(() => {
    dir = folder();
    generate(dir, V1);
    before = { ts: read(dir, TS_MODEL), py: read(dir, PY_MODEL), tsFunc: read(dir, "ts/src/funcs/itemsGetThing.ts") };
    summary = generate(dir, V2);
  }, 120_000);

  it("is a minor release of each SDK: three additions, nothing breaking", () => {
    expect(summary.targets.map((t) => [t.name, t.release.bump, t.release.changes.breaking, t.release.changes.added])).toEqual([
      ["typescript", "minor", 0, 3],
      ["python", "minor", 0, 3],
    ]);
  });

  it("leaves the existing operation's model and function as they were; the new one takes the numbers", () => {
    expect(read(dir, TS_MODEL)).toBe(before.ts);
    expect(read(dir, PY_MODEL)).toBe(before.py);
    expect(read(dir, "ts/src/funcs/itemsGetThing.ts")).toBe(before.tsFunc);
    expect(read(dir, "ts/src/funcs/itemsGetThing2.ts")).toContain('"/a"');
    expect(read(dir, "py/src/things/models/getthing2response.py")).toContain("class GetThing2Response");
  });

  it("records every name with a digest of where it is in the spec, each SDK's Speakeasy aliases too", () => {
    const names = (JSON.parse(read(dir, "ts/.specsmith/lock.json")) as { names: Record<string, Record<string, string>> }).names;
    const [a, b] = [placeKey("#/paths/~1a/get"), placeKey("#/paths/~1b/get")];
    const body = placeKey("#/paths/~1b/get/responses/200/content/application~1json/schema");
    expect(names.operations).toEqual({ GetThing: b, GetThing2: a });
    expect(names["methods items"]).toEqual({ getThing: b, getThing2: a });
    expect(names.models.GetThingResponse).toBe(body);
    expect(names["aliases typescript"]["operations:ResponseBody"]).toBe(body);
    expect(Object.keys(JSON.parse(read(dir, "py/.specsmith/lock.json")).names)).toContain("aliases python");
  });

  it("`specsmith diff` reports what the regeneration released", () => {
    const d = tempDir();
    writeFileSync(join(d, "v1.json"), V1);
    writeFileSync(join(d, "v2.json"), V2);
    writeFileSync(join(d, "specsmith.yaml"), CONFIG);
    const r = specsmith(["diff", "v1.json", "v2.json", "--json", "--fail-on", "breaking"], d);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const diffs = JSON.parse(r.stdout) as { target: string; bump: string; changes: { breaking: boolean }[] }[];
    expect(diffs.map((x) => [x.target, x.bump, x.changes.filter((c) => c.breaking).length])).toEqual([
      ["typescript", "minor", 0],
      ["python", "minor", 0],
    ]);
  });
});

describe("`specsmith diff` beside the SDKs", () => {
  it("names both specs as the configured SDKs' locks do, not as the old spec alone would", () => {
    const dir = folder();
    generate(dir, V1);
    generate(dir, V2);
    // /b's summary edited: alone, the old spec would name /b's operation getThing2 (it comes second).
    const v3 = JSON.parse(V2) as { paths: Record<string, { get: Obj }> };
    v3.paths["/b"].get.summary = "Get the thing";
    writeFileSync(join(dir, "v2.json"), V2);
    writeFileSync(join(dir, "v3.json"), JSON.stringify(v3));
    const r = specsmith(["diff", "v2.json", "v3.json", "--json", "--config", "specsmith.yaml"], dir);
    expect(r.stderr).toBe("");
    const diffs = JSON.parse(r.stdout) as { target: string; changes: { symbol: string; section: string }[] }[];
    expect(diffs.map((d) => [d.target, d.changes.map((c) => `${c.section} ${c.symbol}`)])).toEqual([
      ["typescript", ["docs things.items.getThing"]],
      ["python", ["docs things.items.get_thing"]],
    ]);
  });
});

describe("the lock's names", () => {
  it("without a lock, the document's order names them again: the first operation gets the plain names", () => {
    const dir = folder();
    generate(dir, V1);
    rmSync(join(dir, "ts", ".specsmith", "lock.json"));
    rmSync(join(dir, "py", ".specsmith", "lock.json"));
    generate(dir, V2);
    expect(read(dir, "ts/src/funcs/itemsGetThing.ts")).toContain('"/a"');
  });

  it("a name edited in the lock that does not fit what the spec wants is not taken", () => {
    const dir = folder();
    generate(dir, V1);
    for (const path of ["ts/.specsmith/lock.json", "py/.specsmith/lock.json"]) {
      const lock = JSON.parse(read(dir, path)) as { names: Record<string, Record<string, string>> };
      const rename = (scope: string, from: string, to: string) => {
        lock.names[scope][to] = lock.names[scope][from];
        delete lock.names[scope][from];
      };
      rename("models", "GetThingResponse", "GetThingResponse = 1; import os #");
      rename("methods items", "getThing", "Hacked");
      writeFileSync(join(dir, path), JSON.stringify(lock));
    }
    generate(dir, V2);
    expect(listFiles(dir).filter((f) => f.toLowerCase().includes("hacked"))).toEqual([]);
    for (const f of listFiles(dir).filter((x) => !x.includes(".specsmith/"))) expect(read(dir, f)).not.toMatch(/Hacked|= 1; import os/);
    expect(read(dir, PY_MODEL)).toContain("class GetThingResponse(");
  });

  it("names that are not text make the lock damaged, said with where", () => {
    const dir = folder();
    generate(dir, V1);
    const path = join(dir, "ts", ".specsmith", "lock.json");
    const lock = JSON.parse(read(dir, "ts/.specsmith/lock.json")) as Obj;
    writeFileSync(path, JSON.stringify({ ...lock, names: { models: { "#/x": 5 } } }));
    writeFileSync(join(dir, "spec.json"), V2);
    const r = specsmith(["generate", "--config", join(dir, "specsmith.yaml")], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("lock.json is damaged: names.models.#/x");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // `diff` reads the same lock for its names: it stops the same way.
    const d = specsmith(["diff", "spec.json", "spec.json", "--config", "specsmith.yaml"], dir);
    expect([d.code, d.stdout]).toEqual([1, ""]);
    expect(d.stderr).toContain("lock.json is damaged: names.models.#/x");
  });
});
