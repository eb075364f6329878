// Given/want table for the keys of derived files (generator/targets/shared/derivation.ts): after an
// edit of the spec, exactly the models, operations and resources whose inputs it reaches get a new
// key, in both targets' plans; a cycle of references is one unit; what every file reads (a server)
// changes every key, and the version none.
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadApi } from "../../../generator/api.js";
import { generateAll } from "../../../generator/generate.js";
import { DerivationMemo, Derivations, planJson } from "../../../generator/targets/shared/derivation.js";
import { plan as planTypeScript } from "../../../generator/targets/typescript/plan.js";
import { planPython } from "../../../generator/targets/python/plan.js";
import type { PlanBase } from "../../../generator/targets/target.js";
import { apiOf } from "../../helpers/doc.js";
import { SHARED } from "../../helpers/paths.js";

type Obj = Record<string, any>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const returning = (operationId: string, tag: string, schema: Obj, description = "") => ({
  get: { operationId, tags: [tag], description, responses: { "200": { description: "ok", content: { "application/json": { schema } } } } },
});

/** A → B → C; B ⇄ D (a cycle); E alone. getA returns A, getE returns E, listE returns E too (another resource). */
function base(): Obj {
  return {
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearer: [] }],
    paths: {
      "/a": returning("getA", "things", ref("A")),
      "/e": returning("getE", "things", ref("E")),
      "/e/all": returning("listE", "others", { type: "array", items: ref("E") }),
    },
    components: {
      schemas: {
        A: { type: "object", properties: { b: ref("B") } },
        B: { type: "object", properties: { c: ref("C"), d: ref("D") } },
        C: { type: "object", properties: { name: { type: "string", description: "C's name" } } },
        D: { type: "object", properties: { back: ref("B") } },
        E: { type: "object", properties: { id: { type: "string" } } },
      },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A token." } },
    },
  };
}

interface Keys {
  models: Map<string, string>;
  operations: Map<string, string>;
  groups: Map<string, string>;
}

function keysOf(p: PlanBase, memo?: DerivationMemo): Keys {
  const d = new Derivations(p, "", memo);
  return {
    models: new Map(p.modelList.map((m) => [m.ir.name, d.model(m.ir.name)])),
    operations: new Map(p.groups.flatMap((g) => g.operations.map((o) => [o.ir.operationId, d.operation(o)]))),
    groups: new Map(p.groups.map((g) => [g.ir.name, d.group(g)])),
  };
}

/** What got a new key (or is new): models, operations and groups, each sorted. */
function changed(before: Keys, after: Keys): { models: string[]; operations: string[]; groups: string[] } {
  const diff = (a: Map<string, string>, b: Map<string, string>) =>
    [...b]
      .filter(([k, v]) => a.get(k) !== v)
      .map(([k]) => k)
      .sort();
  return { models: diff(before.models, after.models), operations: diff(before.operations, after.operations), groups: diff(before.groups, after.groups) };
}

const ALL = { models: ["A", "B", "C", "D", "E"], operations: ["GetA", "GetE", "ListE"], groups: ["others", "things"] };

const PLANNERS = [
  ["typescript", (doc: Obj) => planTypeScript(apiOf(doc), { packageName: "test-sdk", sdkClass: "Test", version: "1.0.0" })],
  ["python", (doc: Obj) => planPython(apiOf(doc), { packageName: "test_sdk", sdkClass: "Test", version: "1.0.0" })],
] as const;

describe.each(PLANNERS)("Derivations (%s plan)", (_target, planOf) => {
  it.each([
    ["nothing", () => {}, { models: [], operations: [], groups: [] }],
    ["an operation's description: the operation and its resource", (d: Obj) => (d.paths["/e"].get.description = "edited"), { models: [], operations: ["GetE"], groups: ["things"] }],
    [
      "a leaf model's field: it, every model reaching it, every operation and resource reaching those",
      (d: Obj) => (d.components.schemas.C.properties.name.description = "edited"),
      { models: ["A", "B", "C", "D"], operations: ["GetA"], groups: ["things"] },
    ],
    [
      "a model in a cycle: the whole cycle and what reaches it, not what it reaches",
      (d: Obj) => (d.components.schemas.D.description = "edited"),
      { models: ["A", "B", "D"], operations: ["GetA"], groups: ["things"] },
    ],
    [
      "a model two resources return: both operations and both resources",
      (d: Obj) => (d.components.schemas.E.properties.id.type = "integer"),
      { models: ["E"], operations: ["GetE", "ListE"], groups: ["others", "things"] },
    ],
    ["a server: every file may print it", (d: Obj) => (d.servers[0].url = "https://other.example.com"), ALL],
    [
      "a security scheme's description: no derived file prints it (the config module and the README do, printed on every run)",
      (d: Obj) => (d.components.securitySchemes.bearer.description = "Edited."),
      { models: [], operations: [], groups: [] },
    ],
    ["a security scheme's kind: every file may read it (a function's credentials, a snippet's client)", (d: Obj) => (d.components.securitySchemes.bearer.scheme = "basic"), ALL],
    [
      "a model renamed: what reaches it (a name is printed where it is referenced; indexes are not derived files)",
      (d: Obj) => {
        d.components.schemas.Z = d.components.schemas.E;
        delete d.components.schemas.E;
        d.paths["/e"].get.responses["200"].content["application/json"].schema = ref("Z");
        d.paths["/e/all"].get.responses["200"].content["application/json"].schema.items = ref("Z");
      },
      { models: ["Z"], operations: ["GetE", "ListE"], groups: ["others", "things"] },
    ],
  ])("%s", (_what, edit, want) => {
    const before = keysOf(planOf(base()));
    const doc = base();
    edit(doc);
    expect(changed(before, keysOf(planOf(doc)))).toEqual(want);
    // --watch: the same keys when made from the last save's (the memo), then again from the edited ones.
    const memo = new DerivationMemo();
    keysOf(planOf(base()), memo);
    expect(keysOf(planOf(doc), memo)).toEqual(keysOf(planOf(doc)));
    expect(keysOf(planOf(base()), memo)).toEqual(before);
  });

  it("an operation added, paginated, with an inline enum: only it, its models and its resource (not its siblings; aliases and page types are keyed by their views)", () => {
    // (The first operation with parameters: TypeScript's operations namespace appears too.)
    const before = planOf(base());
    const doc = base();
    doc.paths["/e/page"] = {
      get: {
        operationId: "pageE",
        tags: ["things"],
        parameters: [
          { name: "offset", in: "query", schema: { type: "integer" } },
          { name: "limit", in: "query", schema: { type: "integer" } },
        ],
        "x-speakeasy-pagination": {
          type: "offsetLimit",
          inputs: [
            { name: "offset", in: "parameters", type: "offset" },
            { name: "limit", in: "parameters", type: "limit" },
          ],
          outputs: { results: "$.data" },
        },
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: ref("E") }, mood: { type: "string", enum: ["calm", "angry"] } } } } },
          },
        },
      },
    };
    const after = planOf(doc);
    // What the global part held before: this edit changes these lists (Speakeasy's alias names; in
    // TypeScript a page type, and the operations namespace with the first request model).
    const lists = (p: PlanBase) => JSON.stringify([(p as { pageTypes?: unknown[] }).pageTypes?.length, planJson((p as { aliases?: unknown }).aliases)]);
    expect(lists(after)).not.toBe(lists(before));
    if (_target === "typescript") expect((after as { namespaces?: string[] }).namespaces).not.toEqual((before as { namespaces?: string[] }).namespaces);
    const diff = changed(keysOf(before), keysOf(after));
    expect(diff.operations).toEqual(["PageE"]);
    expect(diff.groups).toEqual(["things"]);
    expect(diff.models.filter((m) => ALL.models.includes(m))).toEqual([]);
  });

  it("the version is no input: a patch release takes every derived file from its first rendering", () => {
    const p = planOf(base());
    expect(changed(keysOf(p), keysOf({ ...p, version: "1.0.1" }))).toEqual({ models: [], operations: [], groups: [] });
  });

  it("a file keyed by its view: the same view and build, the same key; another build, another key", () => {
    const p = planOf(base());
    expect(new Derivations(p, "build 1").view('{"names":["A"]}')).toBe(new Derivations(p, "build 1").view('{"names":["A"]}'));
    expect(new Derivations(p, "build 1").view('{"names":["A"]}')).not.toBe(new Derivations(p, "build 1").view('{"names":["B"]}'));
    expect(new Derivations(p, "build 1").view('{"names":["A"]}')).not.toBe(new Derivations(p, "build 2").view('{"names":["A"]}'));
  });

  it("a resource's key covers the resources it holds: a nested one's name changes its parent's", () => {
    const nested = (name: string) => {
      const d = base();
      d.paths["/a"].get["x-speakeasy-group"] = `things.${name}`;
      return d;
    };
    const before = keysOf(planOf(nested("inner")));
    const after = keysOf(planOf(nested("deeper")));
    expect(before.groups.get("things")).not.toBe(after.groups.get("things"));
  });
});

// Both targets of a config generate from one IR, one after the other: a target that changed it would
// make the second one's files (and their keys) depend on which target ran first.
describe("Derivations: the IR both targets generate from", () => {
  it.each(["speakeasy-test-suite.pagination-sse.openapi.yaml", "mistral-2.0.openapi.yaml"])("%s: both SDKs generated, the IR is as built", async (name) => {
    const spec = join(SHARED, "specs", "features", name);
    const built = JSON.stringify(loadApi(spec).api);
    const out = mkdtempSync(join(tmpdir(), "specsmith-ir-"));
    try {
      const [ts] = await generateAll(spec, [
        { name: "typescript", out: join(out, "ts"), packageName: "sdk", sdkClass: "SDK", version: "1.0.0" },
        { name: "python", out: join(out, "py"), packageName: "sdk", sdkClass: "SDK", version: "1.0.0" },
      ]);
      expect(ts.files.length).toBeGreaterThan(10);
      expect(JSON.stringify(ts.api)).toBe(built);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// planJson prints most entries without a replacer: the same text as JSON.stringify with it.
describe("planJson", () => {
  const withReplacer = (value: unknown) =>
    JSON.stringify(value, (key: string, v: unknown) => {
      if (key === "ir") return undefined;
      if (v instanceof Map) return [...v].map(([k, x]) => (typeof k === "object" ? x : [k, x]));
      if (v instanceof Set) return [...v];
      return v;
    });
  const field = { wireName: "id" };
  const CASES: [string, unknown][] = [
    ["names and paths", { ir: { name: "A" }, name: "A", file: "models/a.ts", errorClass: null, inline: false, depth: 2 }],
    ["a Map keyed by IR objects, and a list of names", { ir: {}, name: "A", fieldNames: new Map([[field, "id"]]), memberNames: ["PENDING", "DONE"] }],
    ["a Map keyed by strings, a Set", { names: new Map([["a", 1]]), seen: new Set(["x", "y"]) }],
    ["undefined values and array holes", { a: undefined, b: [undefined, 1, null], c: "" }],
    ["a nested object (the replacer's own way)", { ir: {}, arg: { ir: { x: 1 }, name: "n", m: new Map([[field, { ir: 2, y: 3 }]]) } }],
    ["a Map of objects", { m: new Map([["k", { ir: 1, v: 2 }]]) }],
    ["a method on the entry", { name: "A", toString: () => "x" }],
    ["an array of objects", { list: [{ ir: 1, a: 2 }] }],
  ];
  it.each(CASES)("%s", (_name, value) => {
    expect(planJson(value)).toBe(withReplacer(value));
  });

  it("agrees with the replacer on any entry of primitives, lists, Sets, Maps and nested entries", () => {
    const primitive = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const leaf = fc.oneof(
      primitive,
      fc.array(primitive, { maxLength: 4 }),
      fc.array(primitive, { maxLength: 4 }).map((xs) => new Set(xs)),
      fc.array(fc.tuple(fc.oneof(fc.string(), fc.constant(field)), primitive), { maxLength: 4 }).map((es) => new Map(es)),
    );
    const entry = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, tie("object")),
      object: fc.dictionary(fc.constantFrom("ir", "name", "file", "fields", "m", "toJSON2"), tie("value"), { maxKeys: 5 }),
    })).object;
    fc.assert(
      fc.property(entry, (value) => {
        expect(planJson(value)).toBe(withReplacer(value));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
