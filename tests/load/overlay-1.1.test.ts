/**
 * Overlay 1.1: given a document and an overlay, want the document after it, as the specification's
 * own examples show (copy, ensure-then-copy, move, primitive array items); 1.1's merge refusing the
 * pairs it does not allow, at the action; and Speakeasy's `@~` member-name filter.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SpecError } from "../../generator/diagnostics.js";
import { applyOverlay, readOverlay } from "../../generator/load/overlay.js";
import { tempDir } from "../helpers/paths.js";

type Obj = Record<string, any>;
const dir = tempDir();
let n = 0;
const overlay = (version: string, actions: string) => {
  const path = join(dir, `o${n++}.yaml`);
  writeFileSync(path, `overlay: ${version}\ninfo:\n  title: Test\n  version: 1.0.0\nactions:\n${actions}`);
  return readOverlay(path);
};
const apply = (source: string, version: string, actions: string) => {
  const doc = parse(source) as Obj;
  const warnings = applyOverlay(doc, overlay(version, actions));
  return { doc, warnings };
};
const failure = (source: string, version: string, actions: string) => {
  try {
    apply(source, version, actions);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const [d] = e.diagnostics;
    return `${d.line}:${d.column} ${d.pointer} ${d.message}`;
  }
  throw new Error("no error");
};

// The source description of the specification's copy examples.
const ITEMS = `openapi: 3.1.0
info: { title: Example API, version: 1.0.0 }
paths:
  /items:
    get:
      responses: { "200": { description: OK } }
  /some-items:
    delete:
      responses: { "200": { description: OK } }
`;
const get = { responses: { "200": { description: "OK" } } };
const del = { responses: { "200": { description: "OK" } } };

describe("the specification's 1.1 examples", () => {
  it.each<[string, string, Obj]>([
    ["simple copy: the /items operations merge into /some-items", `  - target: '$.paths["/some-items"]'\n    copy: '$.paths["/items"]'\n`, { "/items": { get }, "/some-items": { delete: del, get } }],
    [
      "ensure the target exists, then copy",
      `  - target: '$.paths'\n    update: { "/other-items": {} }\n  - target: '$.paths["/other-items"]'\n    copy: '$.paths["/items"]'\n`,
      { "/items": { get }, "/some-items": { delete: del }, "/other-items": { get } },
    ],
    [
      "move: update, copy, remove",
      `  - target: '$.paths'\n    update: { "/new-items": {} }\n  - target: '$.paths["/new-items"]'\n    copy: '$.paths["/items"]'\n  - target: '$.paths["/items"]'\n    remove: true\n`,
      { "/some-items": { delete: del }, "/new-items": { get } },
    ],
  ])("%s", (_name, actions, paths) => {
    const { doc, warnings } = apply(ITEMS, "1.1.0", actions);
    expect(warnings).toEqual([]);
    expect(doc.paths).toEqual(paths);
    // A copy is a copy: changing it leaves the source alone.
    if (doc.paths["/items"] && doc.paths["/some-items"].get) expect(doc.paths["/some-items"].get).not.toBe(doc.paths["/items"].get);
  });

  it("removing primitive array items by value", () => {
    const { doc } = apply("paths:\n  /a:\n    get:\n      tags: [dummy, real]\n", "1.1.0", "  - target: $.paths.*.get.tags[?@ == 'dummy']\n    remove: true\n");
    expect(doc.paths["/a"].get.tags).toEqual(["real"]);
  });

  it("targeted updates: a value replaces a value, an object merges", () => {
    const source = "paths:\n  /foo: { get: { description: old } }\n  /bar: { get: { description: old }, post: { description: old } }\n";
    const actions =
      "  - target: $.paths['/foo'].get.description\n    update: This is the new description\n  - target: $.paths['/bar']\n    update:\n      post:\n        description: updated\n        x-safe: false\n";
    const { doc } = apply(source, "1.1.0", actions);
    expect(doc.paths["/foo"].get.description).toBe("This is the new description");
    expect(doc.paths["/bar"].post).toEqual({ description: "updated", "x-safe": false });
  });

  it("arrays: an array concatenates, an object or a value is appended", () => {
    const { doc } = apply("tags: [a]\n", "1.1.0", "  - target: $.tags\n    update: [b, c]\n  - target: $.tags\n    update: { name: d }\n  - target: $.tags\n    update: e\n");
    expect(doc.tags).toEqual(["a", "b", "c", { name: "d" }, "e"]);
  });
});

describe("1.1's merge refuses what it does not allow, at the action", () => {
  it.each([
    [
      "an object over an array",
      "info: { tags: [a] }\n",
      "  - target: $.info\n    update:\n      tags: { name: x }\n",
      /^8:7 #\/actions\/0\/update this update puts a map where the document has a list \(at #\/info\/tags\)/,
    ],
    ["a list over a string", "info: { title: t }\n", "  - target: $.info\n    update:\n      title: [a]\n", /puts a list where the document has a string \(at #\/info\/title\)/],
    ["a map over a value", "info: { title: t }\n", "  - target: $.info.title\n    update: { a: 1 }\n", /puts a map where the document has a string \(at #\/info\/title\)/],
    [
      "a copy of a map over an array",
      "a: { x: [1] }\nb: { x: { y: 1 } }\n",
      "  - target: $.a\n    copy: $.b\n",
      /^7:11 #\/actions\/0\/copy this copy puts a map where the document has a list \(at #\/a\/x\)/,
    ],
    ["a target of mixed kinds", "a: { x: [1], y: {} }\n", "  - target: $.a.*\n    update: { z: 1 }\n", /selects nodes of different kinds/],
    [
      "a copy source that selects two nodes",
      "a: {}\nb: { x: {}, y: {} }\n",
      "  - target: $.a\n    copy: $.b.*\n",
      /^7:11 #\/actions\/0\/copy the copy source \$\.b\.\* selects 2 nodes; it must select exactly one/,
    ],
  ])("%s", (_name, source, actions, want) => {
    expect(failure(source, "1.1.0", actions)).toMatch(want);
  });

  it("a 1.0 overlay keeps Speakeasy's merge: an object is appended to an array, a list replaces a string", () => {
    const { doc } = apply("info: { tags: [a] }\n", "1.0.0", "  - target: $.info\n    update:\n      tags: { name: x }\n");
    expect(doc.info.tags).toEqual(["a", { name: "x" }]);
    expect(apply("info: { title: t }\n", "1.0.0", "  - target: $.info\n    update:\n      title: [a]\n").doc.info.title).toEqual(["a"]);
  });

  it.each([
    ["`copy` in a 1.0 overlay", "1.0.0", "  - target: $.a\n    copy: $.b\n", /^7:11 #\/actions\/0\/copy `copy` is an Overlay 1.1 field/],
    ["`update` and `copy` together", "1.1.0", "  - target: $.a\n    copy: $.b\n    update: {}\n", /^6:5 #\/actions\/0 an action has `update` or `copy`, not both/],
    ["a copy source that is not JSONPath", "1.1.0", "  - target: $.a\n    copy: $.b[\n", /^7:11 #\/actions\/0\/copy invalid JSONPath/],
  ])("%s is an error at its position", (_name, version, actions, want) => {
    expect(() => overlay(version, actions)).toThrow(SpecError);
    try {
      overlay(version, actions);
    } catch (e) {
      const [d] = (e as SpecError).diagnostics;
      expect(`${d.line}:${d.column} ${d.pointer} ${d.message}`).toMatch(want);
    }
  });
});

describe("Speakeasy's `@~`: the name of the member a filter tests", () => {
  const source = "paths:\n  /pets: { get: {} }\n  /internal/a: { get: {} }\n  /internal/b: { get: {} }\n";

  it.each([
    ["by equality", "$.paths[?@~ == '/pets']", ["/pets"]],
    ["by match()", "$.paths[?match(@~, '/internal/.*')]", ["/internal/a", "/internal/b"]],
    ["with another condition", "$.paths[?@~ != '/pets' && @.get]", ["/internal/a", "/internal/b"]],
    ["a `~` inside a string is a character", "$.paths[?@~ == '/~pets']", []],
  ])("%s", (_name, target, removed) => {
    const { doc, warnings } = apply(source, "1.0.0", `  - target: "${target}"\n    remove: true\n`);
    expect(Object.keys(doc.paths).sort()).toEqual(["/internal/a", "/internal/b", "/pets"].filter((p) => !removed.includes(p)));
    // The extension is named, so the user knows other tools will not read it.
    expect(warnings[0]).toMatchObject({ severity: "warning", pointer: "#/actions/0/target", message: expect.stringContaining("Speakeasy's JSONPath extension") });
  });

  it.each([
    ["a trailing `~` (names are not nodes an action can change)", "$.paths.*~", /selects property names/],
    ["`@~` where RFC 9535 has no `@`", "$.paths[?@~.x]", /invalid JSONPath/],
    ["`~` anywhere else", "$.paths[~]", /selects property names/],
  ])("%s is an error at the target", (_name, target, want) => {
    expect(() => overlay("1.0.0", `  - target: "${target}"\n    remove: true\n`)).toThrow(want);
  });
});
