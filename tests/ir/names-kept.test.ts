// Names kept from one generation to the next (generator/ir/names.ts NameScope's `held`, buildApi's
// `held`): a regeneration never renames a model, operation or method because of a change elsewhere.
import { describe, expect, it } from "vitest";
import { NameScope } from "../../generator/ir/names.js";
import type { Api } from "../../generator/ir/types.js";
import { apiOf } from "../helpers/doc.js";

type Obj = Record<string, unknown>;

describe("NameScope with held names", () => {
  type Claim = [wanted: string, key?: string];
  const cases: { name: string; held: Record<string, string>; claims: Claim[]; want: string[]; stale?: string[] }[] = [
    {
      name: "without held names, first come first served",
      held: {},
      claims: [
        ["Foo", "a"],
        ["Foo", "b"],
      ],
      want: ["Foo", "Foo2"],
    },
    {
      name: "a held name goes back to its key, whoever asks first",
      held: { b: "Foo" },
      claims: [
        ["Foo", "a"],
        ["Foo", "b"],
      ],
      want: ["Foo2", "Foo"],
    },
    { name: "a held number stays while it fits", held: { b: "Foo2" }, claims: [["Foo", "b"]], want: ["Foo2"] },
    { name: "a key that wants another name now gets it", held: { b: "Foo" }, claims: [["Bar", "b"]], want: ["Bar"] },
    { name: "a held name is never given to a claim without a key", held: { b: "Foo" }, claims: [["Foo"], ["Foo", "b"]], want: ["Foo2", "Foo"] },
    { name: "held names are compared without case", held: { b: "foo" }, claims: [["Foo", "a"]], want: ["Foo2"], stale: ["b"] },
    { name: "a held name that only looks numbered is not taken for a number", held: { b: "Foo02" }, claims: [["Foo", "b"]], want: ["Foo"] },
    {
      name: "a name held twice (a hand-edited lock) is its first key's",
      held: { a: "Foo", b: "Foo" },
      claims: [
        ["Foo", "b"],
        ["Foo", "a"],
      ],
      want: ["Foo2", "Foo"],
    },
    { name: "a held name that displaced a claim and went to nobody is stale", held: { gone: "Foo" }, claims: [["Foo", "new"]], want: ["Foo2"], stale: ["gone"] },
    { name: "one that displaced nobody is not", held: { gone: "Foo" }, claims: [["Bar", "new"]], want: ["Bar"], stale: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const scope = new NameScope([], c.held);
      expect(c.claims.map(([wanted, key]) => scope.claim(wanted, key))).toEqual(c.want);
      expect(scope.stale()).toEqual(c.stale ?? []);
    });
  }

  it("records what each key got, for the next generation", () => {
    const scope = new NameScope(["Reserved"], { a: "Foo" });
    scope.claim("Reserved", "r");
    scope.claim("Foo", "b");
    scope.claim("Foo", "a");
    expect(Object.fromEntries(scope.given)).toEqual({ r: "Reserved2", b: "Foo2", a: "Foo" });
  });
});

/** A 200 response with an inline object schema (a model named after the operation). */
const inlineResponse = (props: Obj = { id: { type: "string" } }) => ({
  description: "ok",
  content: { "application/json": { schema: { type: "object", properties: props } } },
});
const op = (operationId: string, extra: Obj = {}) => ({ operationId, tags: ["items"], responses: { "200": inlineResponse() }, ...extra });

/** The model names by source, and the operations' ids and methods, of an IR. */
function namesOf(api: Api): { models: Record<string, string>; operations: Record<string, string> } {
  return {
    models: Object.fromEntries(api.models.map((m) => [m.source.replace("/responses/200/content/application~1json/schema", " response"), m.name])),
    operations: Object.fromEntries(api.operations.map((o) => [o.path, `${o.operationId} ${o.group}.${o.method}`])),
  };
}

describe("a regeneration keeps the last generation's names", () => {
  const cases: { name: string; before: Obj; after: Obj; kept: ReturnType<typeof namesOf>; fresh?: Partial<ReturnType<typeof namesOf>> }[] = [
    {
      name: "an operation added before another whose names it would take",
      before: { paths: { "/b": { get: op("getThing") } } },
      after: { paths: { "/a": { get: op("GetThing") }, "/b": { get: op("getThing") } } },
      kept: {
        models: { "#/paths/~1a/get response": "GetThing2Response", "#/paths/~1b/get response": "GetThingResponse" },
        operations: { "/a": "GetThing2 items.getThing2", "/b": "GetThing items.getThing" },
      },
      // Named from nothing, the first in the document gets the names: /b's would all change.
      fresh: { operations: { "/a": "GetThing items.getThing", "/b": "GetThing2 items.getThing2" } },
    },
    {
      name: "a component added with an inline model's name",
      before: { paths: { "/b": { get: op("listItems") } } },
      after: {
        paths: { "/b": { get: op("listItems") } },
        components: { schemas: { ListItemsResponse: { type: "object", properties: { n: { type: "integer" } } } } },
      },
      kept: {
        models: { "#/components/schemas/ListItemsResponse": "ListItemsResponse2", "#/paths/~1b/get response": "ListItemsResponse" },
        operations: { "/b": "ListItems items.listItems" },
      },
      fresh: { models: { "#/components/schemas/ListItemsResponse": "ListItemsResponse", "#/paths/~1b/get response": "ListItemsResponse2" } },
    },
    {
      name: "a numbered name stays numbered once its rival is gone",
      before: { paths: { "/a": { get: op("GetThing") }, "/b": { get: op("getThing") } } },
      after: { paths: { "/b": { get: op("getThing") } } },
      kept: { models: { "#/paths/~1b/get response": "GetThing2Response" }, operations: { "/b": "GetThing2 items.getThing2" } },
      fresh: { models: { "#/paths/~1b/get response": "GetThingResponse" } },
    },
    {
      name: "an operation moved to another path is named afresh, not numbered after its old self",
      before: { paths: { "/a": { get: op("getThing") } } },
      after: { paths: { "/z": { get: op("getThing") } } },
      kept: { models: { "#/paths/~1z/get response": "GetThingResponse" }, operations: { "/z": "GetThing items.getThing" } },
    },
    {
      name: "a renamed operation's models follow its new name",
      before: { paths: { "/a": { get: op("getThing") } } },
      after: { paths: { "/a": { get: op("fetchThing") } } },
      kept: { models: { "#/paths/~1a/get response": "FetchThingResponse" }, operations: { "/a": "FetchThing items.fetchThing" } },
    },
    {
      name: "a renamed operation lets a new one have its old name",
      before: { paths: { "/a": { get: op("getThing") } } },
      after: { paths: { "/a": { get: op("fetchThing") }, "/b": { get: op("getThing") } } },
      kept: {
        models: { "#/paths/~1a/get response": "FetchThingResponse", "#/paths/~1b/get response": "GetThingResponse" },
        operations: { "/a": "FetchThing items.fetchThing", "/b": "GetThing items.getThing" },
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = apiOf(c.before);
      const after = apiOfHeld(c.after, before.names);
      expect(namesOf(after)).toEqual(c.kept);
      if (c.fresh) {
        const fresh = namesOf(apiOf(c.after));
        for (const [part, want] of Object.entries(c.fresh)) expect(fresh[part as "models"]).toMatchObject(want);
      }
    });
  }

  it("error models keep their names too", () => {
    const doc = (extra: Obj) => ({
      paths: { "/b": { get: op("b", { responses: { "200": ref200("Problem"), "400": ref400("Problem") } }) } },
      components: { schemas: { ...extra, Problem: { type: "object", properties: { m: { type: "string" } } } } },
    });
    const before = apiOf(doc({}));
    expect(before.models.filter((m) => m.place === "errors").map((m) => m.name)).toEqual(["ProblemError"]);
    // A component of that name added later takes a number; the error model keeps its name.
    const added = doc({ ProblemError: { type: "object", properties: { x: { type: "string" } } } });
    const placed = (api: Api) => api.models.map((m) => `${m.name} ${m.place}`).sort();
    expect(placed(apiOfHeld(added, before.names))).toEqual(["Problem components", "ProblemError errors", "ProblemError2 components"]);
    expect(placed(apiOf(added))).toEqual(["Problem components", "ProblemError components", "ProblemError2 errors"]);
  });

  it("an IR named with its own names is the IR named from nothing", () => {
    const doc = { paths: { "/a": { get: op("GetThing") }, "/b": { get: op("getThing") } }, components: { schemas: { GetThingResponse: { type: "string", enum: ["a"] } } } };
    const fresh = apiOf(doc);
    expect({ ...apiOfHeld(doc, fresh.names), held: undefined }).toEqual(fresh);
  });
});

function ref200(name: string) {
  return { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } };
}
function ref400(name: string) {
  return { description: "bad", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } };
}

function apiOfHeld(parts: Obj, held: Api["names"]): Api {
  return apiOf(parts, "3.1.0", held);
}
