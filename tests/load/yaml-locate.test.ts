/**
 * Where a YAML node starts, from js-yaml's events (load/yaml-locate.ts), must be where the `yaml`
 * package's document starts it, or not be said at all: given/want cases for every kind of node, then
 * nodes spread over every YAML file this project has that js-yaml reads (each with its key, and a child
 * it does not have); and a diagnostic's line:column through SourceFile.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { SourceFile, documentOffset } from "../../generator/load/source.js";
import { fastYaml } from "../../generator/load/yaml-fast.js";
import { eventOffset, yamlEvents } from "../../generator/load/yaml-locate.js";
import { ROOT, SHARED, tempDir } from "../helpers/paths.js";

type Path = (string | number)[];

/** [the events' offset, the document's offset] of `path` in `text`. */
function both(text: string, path: Path, key = false): [number | undefined, number] {
  return [eventOffset(text, yamlEvents(text)!, path, key), documentOffset(parseDocument(text), path, key)];
}

type Case = [name: string, text: string, path: Path, key: boolean, known: boolean];

const CASES: Case[] = [
  ["a plain scalar", "a:\n  b: word\n", ["a", "b"], false, true],
  ["a double-quoted scalar, at its quote", 'a: "x y"\n', ["a"], false, true],
  ["a single-quoted scalar, at its quote", "a: 'it''s'\n", ["a"], false, true],
  ["a literal block scalar, at its `|`", "a: |-\n  one\n  two\n", ["a"], false, true],
  ["a folded block scalar with indicators and a comment, at its `>`", "a: >+2 # note\n    one\n", ["a"], false, true],
  ["a block mapping, at its first entry", "a:\n  b: 1\n  c: 2\n", ["a"], false, true],
  ["a block sequence's item", "a:\n  - x\n  - y: 1\n", ["a", 1], false, true],
  ["a flow mapping in a flow sequence", "a: [{b: 1}, {c: [2, 3]}]\n", ["a", 1, "c", 1], false, true],
  ["a key, asked for itself", "a:\n  b: 1\n", ["a", "b"], true, true],
  ["a quoted key", 'a:\n  "b c": 1\n', ["a", "b c"], true, true],
  ["a key that is missing: its nearest ancestor", "a:\n  b: 1\n", ["a", "x", "y"], false, true],
  ["an item past the end: its sequence", "a: [1]\n", ["a", 5], false, true],
  ["under a scalar: the scalar", "a: 1\n", ["a", "b"], false, true],
  ["lines ended by CR LF", "a:\r\n  b: |\r\n    x\r\n", ["a", "b"], false, true],
  ["the root", "a: 1\n", [], false, true],
  ["a key found though another reads as a number", "1.0: x\nb: y\n", ["b"], false, true],
  ["a key that may read as a number: not said", "1.0: x\n", ["1"], false, false],
  ["a key that may read as a boolean: not said", "True: x\n", ["true"], false, false],
  ["an anchored node: not said", "a: &n\n  b: 1\n", ["a"], false, false],
  ["an empty value: not said", "a:\nb: 1\n", ["a"], false, false],
];

describe("eventOffset", () => {
  it.each(CASES)("%s", (_name, text, path, key, known) => {
    const [events, doc] = both(text, path, key);
    expect(events).toBe(known ? doc : undefined);
  });
});

/** Every YAML file of the project and of the shared specs that js-yaml reads. */
function yamlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  for (const dir of [join(SHARED, "specs"), join(ROOT, "spec"), join(ROOT, "generated")]) walk(dir);
  return out.sort().filter((p) => fastYaml(readFileSync(p, "utf8")) !== undefined);
}

/** Every node's path in `data`, each once. */
function paths(data: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(data)) data.forEach((v, i) => paths(v, [...path, i], out));
  else if (data !== null && typeof data === "object") for (const [k, v] of Object.entries(data)) paths(v, [...path, k], out);
  return out;
}

describe("eventOffset on every YAML file here", () => {
  const files = yamlFiles();

  it("finds files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(join(ROOT, ".."), f)]))("%s: its nodes, their keys and a missing child, where the document puts them", (rel) => {
    const text = readFileSync(join(ROOT, "..", rel), "utf8");
    const events = yamlEvents(text)!;
    const doc = parseDocument(text);
    let said = 0;
    let asked = 0;
    // Up to 3,000 nodes a file, spread over it (the `yaml` document's side of each look is the slow one).
    const all = paths(fastYaml(text)!.data);
    const stride = Math.max(1, Math.ceil(all.length / 3000));
    for (const path of all.filter((_, i) => i % stride === 0)) {
      for (const [p, key] of [
        [path, false],
        [path, true],
        [[...path, "no such key"], false],
      ] as [Path, boolean][]) {
        asked++;
        const at = eventOffset(text, events, p, key);
        if (at === undefined) continue;
        said++;
        if (at !== documentOffset(doc, p, key)) expect({ path: p, key, at }).toEqual({ path: p, key, at: documentOffset(doc, p, key) });
      }
    }
    // Almost every node is placed from the events alone.
    expect(said / asked).toBeGreaterThan(0.95);
  });
});

describe("a diagnostic's position in a YAML file", () => {
  it("is the same from the events as from the document", () => {
    const dir = tempDir("specsmith-yaml-locate-");
    const text = 'openapi: 3.0.3\ninfo:\n  title: "T"\n  description: |\n    Long\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n';
    const path = join(dir, "spec.yaml");
    writeFileSync(path, text);
    const file = SourceFile.read(path);
    for (const p of [
      ["info", "title"],
      ["info", "description"],
      ["paths", "/a", "get", "responses", "200"],
      ["paths", "/a", "put"],
    ] as Path[]) {
      const lines = text.slice(0, documentOffset(parseDocument(text), p)).split("\n");
      expect(file.locate(p)).toEqual({ line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    }
  });
});
