/**
 * OpenAPI Overlay 1.0: given a document and an overlay's actions, want the document after them;
 * malformed overlays are errors at their position, targets that match nothing are warnings.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics.js";
import { applyOverlay, readOverlay } from "../../generator/load/overlay.js";
import { tempDir } from "../helpers/paths.js";

type Obj = Record<string, any>;
const dir = tempDir();
let n = 0;
function overlayFile(text: string): string {
  const path = join(dir, `overlay${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}
const doc = (): Obj => ({
  info: { title: "Pets", version: "1" },
  tags: [{ name: "pets" }],
  paths: {
    "/pets": {
      get: {
        operationId: "list",
        parameters: [
          { name: "limit", in: "query" },
          { name: "offset", in: "query" },
        ],
        "x-internal": true,
      },
    },
    "/pets/{id}": { get: { operationId: "get", "x-internal": true }, delete: { operationId: "remove" } },
  },
});
const yaml = (actions: string) => `overlay: 1.0.0\ninfo:\n  title: Test\n  version: 0.0.1\nactions:\n${actions}`;

describe("applying actions", () => {
  it.each<[string, string, (d: Obj) => void]>([
    [
      "an update merges into an object, key by key, recursively",
      `  - target: $.info\n    update:\n      description: All about pets.\n      title: Pet store\n`,
      (d) => Object.assign(d.info, { title: "Pet store", description: "All about pets." }),
    ],
    ["an update of an array appends", `  - target: $.tags\n    update:\n      name: cats\n`, (d) => d.tags.push({ name: "cats" })],
    ["an array update of an array appends each item", `  - target: $.tags\n    update:\n      - name: cats\n      - name: dogs\n`, (d) => d.tags.push({ name: "cats" }, { name: "dogs" })],
    [
      "a nested array in an update is appended to the one it merges into",
      `  - target: $.paths['/pets'].get\n    update:\n      parameters:\n        - name: q\n          in: query\n`,
      (d) => d.paths["/pets"].get.parameters.push({ name: "q", in: "query" }),
    ],
    [
      "an update reaches every match of a wildcard",
      `  - target: $.paths.*.get\n    update:\n      deprecated: true\n`,
      (d) => ((d.paths["/pets"].get.deprecated = true), (d.paths["/pets/{id}"].get.deprecated = true)),
    ],
    ["remove deletes a key", `  - target: $.paths['/pets/{id}'].delete\n    remove: true\n`, (d) => delete d.paths["/pets/{id}"].delete],
    ["remove deletes array items, every match", `  - target: $.paths['/pets'].get.parameters[*]\n    remove: true\n`, (d) => (d.paths["/pets"].get.parameters = [])],
    ["a filter selects by value (RFC 9535)", `  - target: $.paths['/pets'].get.parameters[?@.name == 'offset']\n    remove: true\n`, (d) => d.paths["/pets"].get.parameters.splice(1, 1)],
    ["descendants: every x-internal goes", `  - target: $..['x-internal']\n    remove: true\n`, (d) => (delete d.paths["/pets"].get["x-internal"], delete d.paths["/pets/{id}"].get["x-internal"])],
    ["actions run in order: remove, then add back", `  - target: $.tags\n    remove: true\n  - target: $\n    update:\n      tags: [{ name: birds }]\n`, (d) => (d.tags = [{ name: "birds" }])],
    [
      "an update's value is copied, not shared",
      `  - target: $.paths.*.get\n    update:\n      responses: { '200': { description: OK } }\n`,
      (d) => ((d.paths["/pets"].get.responses = { "200": { description: "OK" } }), (d.paths["/pets/{id}"].get.responses = { "200": { description: "OK" } })),
    ],
  ])("%s", (_name, actions, want) => {
    const got = doc();
    expect(applyOverlay(got, readOverlay(overlayFile(yaml(actions))))).toEqual([]);
    const expected = doc();
    want(expected);
    expect(got).toEqual(expected);
    // Two matches never share one object: editing one leaves the other alone.
    if (got.paths["/pets"].get.responses) expect(got.paths["/pets"].get.responses).not.toBe(got.paths["/pets/{id}"].get.responses);
  });

  it("a target that matches nothing is a warning at the action's line, and changes nothing", () => {
    const path = overlayFile(yaml(`  - target: $.info\n    update: { x-a: 1 }\n  - target: $.paths['/cats']\n    update:\n      get: {}\n`));
    const got = doc();
    const warnings = applyOverlay(got, readOverlay(path));
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", line: 8, column: 13, pointer: "#/actions/1/target", message: expect.stringContaining("matches nothing") })]);
    expect(got.paths["/cats"]).toBeUndefined();
    expect(got.info["x-a"]).toBe(1);
  });

  it("many unmatched targets are listed up to five, then counted", () => {
    const actions = Array.from({ length: 8 }, (_, i) => `  - target: $.nothing${i}\n    remove: true\n`).join("");
    const warnings = applyOverlay(doc(), readOverlay(overlayFile(yaml(actions))));
    expect(warnings).toHaveLength(6);
    expect(warnings[5].message).toBe("3 more targets of this overlay match nothing (actions 5, 6, 7)");
  });
});

describe("malformed overlays", () => {
  const errorOf = (text: string) => {
    try {
      readOverlay(overlayFile(text));
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      return (e as SpecError).diagnostics.map((d) => `${d.line}:${d.column} ${d.pointer} ${d.message}`);
    }
    throw new Error("no error");
  };
  it.each([
    ["invalid YAML", "overlay: 1.0.0\ninfo: [\n", /^3:1 .*invalid YAML/],
    ["no overlay version", "info: { title: t, version: v }\nactions:\n  - target: $\n    remove: true\n", /^1:1 #\/overlay missing `overlay`/],
    ["another overlay version", yaml("  - target: $\n    remove: true\n").replace("1.0.0", "2.0.0"), /^1:10 #\/overlay unsupported overlay version "2.0.0"/],
    ["no info", "overlay: 1.0.0\nactions:\n  - target: $\n    remove: true\n", /`info` needs a `title` and a `version`/],
    ["no actions", "overlay: 1.0.0\ninfo: { title: t, version: v }\nactions: []\n", /^3:10 #\/actions `actions` must be a list of at least one action/],
    ["a target that is not JSONPath", yaml("  - target: paths.x\n    remove: true\n"), /^6:13 #\/actions\/0\/target an action needs a `target`/],
    ["invalid JSONPath", yaml("  - target: $.paths[?@.x ==]\n    remove: true\n"), /^6:13 #\/actions\/0\/target invalid JSONPath/],
    ["neither update nor remove", yaml("  - target: $.info\n    description: nothing to do\n"), /^6:5 #\/actions\/0 an action needs `update`, `copy` or `remove: true`/],
    ["remove that is not a boolean", yaml("  - target: $.info\n    remove: yes please\n"), /^7:13 #\/actions\/0\/remove `remove` must be true or false/],
  ])("%s: an error at its line:column and pointer", (_name, text, want) => {
    expect(errorOf(text)[0]).toMatch(want);
  });

  it("removing the whole document is an error", () => {
    expect(() => applyOverlay(doc(), readOverlay(overlayFile(yaml("  - target: $\n    remove: true\n"))))).toThrow(/removes the whole document/);
  });
});

describe("hostile overlays", () => {
  const apply = (actions: string, d: Obj = doc()) => {
    applyOverlay(d, readOverlay(overlayFile(yaml(actions))));
    return d;
  };
  const located = (actions: string, d: Obj = doc()): { line: number; pointer: string; message: string } => {
    try {
      apply(actions, d);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      const [x] = e.diagnostics;
      return { line: x.line, pointer: x.pointer, message: x.message };
    }
    throw new Error("no error");
  };

  it("a backtracking regex in a filter runs in linear time (re2js), and still matches", () => {
    const d = doc();
    d.paths["/pets"].get.description = "a".repeat(40) + "b";
    const started = performance.now();
    apply(`  - target: $..[?search(@.description, '(a|aa)+$')]\n    update: { x-slow: true }\n  - target: $..[?match(@.operationId, 'l.st')]\n    update: { x-matched: true }\n`, d);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d.paths["/pets"].get["x-slow"]).toBeUndefined();
    expect(d.paths["/pets"].get["x-matched"]).toBe(true);
  });

  it.each([
    ["a scalar update of every node ($..*)", "  - target: $..*\n    update: 5\n", /this update is a number, but the target selects an object/],
    ["a scalar update of the document ($)", "  - target: $\n    update: hello\n", /this update is a string, but the target selects the document itself/],
  ])("%s is an error at the update", (_name, actions, message) => {
    const e = located(actions);
    expect(e.message).toMatch(message);
    expect(e.pointer).toBe("#/actions/0/update");
    expect(e.line).toBe(7);
  });

  it("`__proto__`, `constructor` and `prototype` keys are plain data, never a prototype", () => {
    const d = apply(`  - target: $.info\n    update: { "__proto__": { polluted: true }, constructor: { x: 1 }, prototype: 2 }\n`);
    expect(Object.getPrototypeOf(d.info)).toBe(Object.prototype);
    expect(d.info.polluted).toBeUndefined();
    expect(Object.keys(d.info)).toEqual(["title", "version", "__proto__", "constructor", "prototype"]);
    expect(JSON.parse(JSON.stringify(d.info)).__proto__).toEqual({ polluted: true });
  });

  it("a descent through a document nested deeper than documents may nest is an error at the target", () => {
    const d = doc();
    let node: Obj = d.paths["/pets"].get;
    for (let i = 0; i < 300; i++) node = node.x = {};
    const e = located(`  - target: $..description\n    update: { more: 1 }\n`, d);
    expect(e.pointer).toBe("#/actions/0/target");
    expect(e.message).toMatch(/cannot be evaluated on this document/);
  });

  it("a schema nested 30 deep is an ordinary descent", () => {
    const d = doc();
    let node: Obj = d.paths["/pets"].get;
    for (let i = 0; i < 30; i++) node = node.schema = { description: `level ${i}` };
    apply(`  - target: $..description\n    update: changed\n`, d);
    expect(d.paths["/pets"].get.schema.schema.description).toBe("changed");
  });

  it("an update nested too deep is an error at the overlay's update", () => {
    const deep = "{ a: ".repeat(300) + "1" + " }".repeat(300);
    expect(() => readOverlay(overlayFile(yaml(`  - target: $.info\n    update: ${deep}\n`)))).toThrow(/nests more than 256 levels deep/);
  });
});
