// JSON that JSON.parse refuses (generator/load/json-text.ts, SourceFile.parse): what is read, with
// which warning, and what is reported where, in JSON's words. Given/want.
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../generator/load/source.js";
import { SpecError, type Diagnostic } from "../../generator/diagnostics.js";

/** The diagnostics a text gets as a .json file: the warnings when it reads, the errors when not. */
function diagnose(text: string, path = "/spec.json"): { data?: unknown; found: Pick<Diagnostic, "severity" | "line" | "column" | "pointer" | "message">[] } {
  const pick = (d: Diagnostic) => ({ severity: d.severity, line: d.line, column: d.column, pointer: d.pointer, message: d.message });
  try {
    const file = SourceFile.parse(path, text);
    return { data: file.data, found: file.warnings.map(pick) };
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return { found: e.diagnostics.map(pick) };
  }
}

type Case = [name: string, text: string, want: ReturnType<typeof diagnose>];

const READ: Case[] = [
  ["strict JSON, no warning", '{"a": [1, 2]}', { data: { a: [1, 2] }, found: [] }],
  [
    "a trailing comma: read, with a warning at the comma",
    '{\n  "a": {\n    "b": 1,\n  }\n}',
    { data: { a: { b: 1 } }, found: [{ severity: "warning", line: 3, column: 11, pointer: "#/a/b", message: "not strict JSON: read as JSON with comments and trailing commas" }] },
  ],
  [
    "trailing commas in arrays and comments across lines: read, the warning at the first",
    '{\n  "a": [1, 2, ],\n  /* one\n     two */ "b": [[3,],]\n}',
    { data: { a: [1, 2], b: [[3]] }, found: [{ severity: "warning", line: 2, column: 13, pointer: "#/a/1", message: "not strict JSON: read as JSON with comments and trailing commas" }] },
  ],
  [
    "a comment: read, with a warning at the comment",
    '{\n  // the title\n  "a": 1\n}',
    { data: { a: 1 }, found: [{ severity: "warning", line: 2, column: 3, pointer: "#", message: "not strict JSON: read as JSON with comments and trailing commas" }] },
  ],
  [
    "unquoted names, as YAML's flow style reads them: read, with a warning",
    '{openapi: "3.1.0", info: {title: T}}',
    { data: { openapi: "3.1.0", info: { title: "T" } }, found: [{ severity: "warning", line: 1, column: 2, pointer: "#", message: "not JSON (unexpected text): read as YAML" }] },
  ],
  ["YAML in a .json file is read as YAML", "openapi: 3.1.0\ninfo:\n  title: T\n", { data: { openapi: "3.1.0", info: { title: "T" } }, found: [] }],
  ["a byte-order mark is not text", '\uFEFF{"a": 1}', { data: { a: 1 }, found: [] }],
];

const BROKEN: Case[] = [
  [
    "a missing comma, at the member after it",
    '{\n  "a": {\n    "b": 1\n    "c": 2\n  }\n}',
    { found: [{ severity: "error", line: 4, column: 5, pointer: "#/a/c", message: "invalid JSON: a comma is missing before this" }] },
  ],
  ["a string left open", '{\n  "a": "text\n}', { found: [{ severity: "error", line: 2, column: 8, pointer: "#/a", message: "invalid JSON: the string is not closed" }] }],
  ["a missing colon", '{\n  "a" 1\n}', { found: [{ severity: "error", line: 2, column: 7, pointer: "#/a", message: "invalid JSON: a colon is missing after this property's name" }] }],
  ["text after the document", '{"a": 1}\n{"b": 2}', { found: [{ severity: "error", line: 2, column: 1, pointer: "#", message: "invalid JSON: more text follows the end of the document" }] }],
  [
    "a byte-order mark counts as a character of the first line",
    '\uFEFF{"a": 1 "b": 2}',
    { found: [{ severity: "error", line: 1, column: 10, pointer: "#/b", message: "invalid JSON: a comma is missing before this" }] },
  ],
  [
    "two problems far apart are both reported; what follows one within three lines is not",
    '{\n  "a": 1\n  "b": 2,\n  "c": [3 3, 3 3],\n  "d": 4,\n  "e": 5,\n  "f": 6\n  "g": 7\n}',
    {
      found: [
        { severity: "error", line: 3, column: 3, pointer: "#/b", message: "invalid JSON: a comma is missing before this" },
        { severity: "error", line: 8, column: 3, pointer: "#/g", message: "invalid JSON: a comma is missing before this" },
      ],
    },
  ],
];

describe("JSON that JSON.parse refuses", () => {
  it.each(READ)("%s", (_name, text, want) => expect(diagnose(text)).toEqual(want));
  it.each(BROKEN)("%s → exit 1 with JSON's words", (_name, text, want) => expect(diagnose(text)).toEqual(want));

  it("a broken document nested too deep to scan is reported at JSON.parse's position, not as a crash", () => {
    const text = '{"a":'.repeat(50_000) + "1 2" + "}".repeat(50_000);
    const { found } = diagnose(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", line: 1, column: 250_003, pointer: "#" });
    expect(found[0]!.message).toMatch(/^invalid JSON: .*after property value/);
  });

  it("a byte-order mark stays in the text, whose digest the up-to-date check compares with the file's bytes'", () => {
    for (const text of ['\uFEFF{"a": 1}', '\uFEFF{"a": 1,}']) {
      const file = SourceFile.parse("/spec.json", text);
      expect(file.text).toBe(text);
      expect(file.locate(["a"])).toEqual({ line: 1, column: 8 });
    }
  });

  it('a "__proto__" key in JSON with comments stays a key, as JSON.parse keeps it (it does not set the prototype)', () => {
    const data = SourceFile.parse("/spec.json", '{"__proto__": {"polluted": true}, // c\n"a": 1}').data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["__proto__", "a"]);
    expect(data.polluted).toBeUndefined();
  });

  it("a comment spanning lines keeps the lines of what follows", () => {
    expect(diagnose('{\n/* a\nb */\n"a": 1\n"b": 2}').found).toEqual([{ severity: "error", line: 5, column: 1, pointer: "#/b", message: "invalid JSON: a comma is missing before this" }]);
  });

  it("JSON with comments nested too deep for a recursive parser is read (JSON.parse does not recurse)", () => {
    const text = '{"a":'.repeat(50_000) + "1 // one\n" + "}".repeat(50_000);
    const { data, found } = diagnose(text);
    expect(data).toBeDefined();
    expect(found.map((f) => [f.severity, f.line, f.column])).toEqual([["warning", 1, 250_003]]);
  });

  it("a .yaml file in flow style is YAML's to read and report", () => {
    expect(diagnose("{a: 1}", "/spec.yaml")).toEqual({ data: { a: 1 }, found: [] });
    expect(diagnose('{"a": 1 "b": 2}', "/spec.yaml").found[0]!.message).toMatch(/^invalid YAML: /);
  });
});

describe("positions in a JSON file", () => {
  const text = '{\n  "a": {\n    "b": [10, {"c": true}]\n  },\n  "a": {"d": null},\n  "e": [1, {"f": 2}]\n}';
  const file = SourceFile.parse("/spec.json", text);

  it.each([
    ["a value", ["a", "d"], false, { line: 5, column: 14 }],
    ["a key", ["a", "d"], true, { line: 5, column: 9 }],
    ["a repeated key counts as its last, as in the data", ["a"], false, { line: 5, column: 8 }],
    ["an item of an array", ["e", 1], false, { line: 6, column: 12 }],
    ["a missing key at the top: the document", ["x"], false, { line: 1, column: 1 }],
    ["a missing node: its nearest ancestor", ["a", "zz", "y"], false, { line: 5, column: 8 }],
  ])("%s", (_name, path, key, want) => expect(file.locate(path as string[], key as boolean)).toEqual(want));

  it("agree with the `yaml` package's positions on the same text", () => {
    const same = '{\n  "p": {\n    "q": [10, {"c": true}],\n    "r": "s"\n  }\n}';
    const json = SourceFile.parse("/spec.json", same);
    // A comment line first keeps the text from JSON.parse, so the `yaml` package reads it.
    const yaml = SourceFile.parse("/spec.yaml", `#\n${same}`);
    for (const [path, key] of [
      [["p", "q", 1, "c"], false],
      [["p", "r"], true],
      [["p", "q", 0], false],
    ] as const) {
      const at = json.locate(path, key);
      expect(yaml.locate(path, key)).toEqual({ line: at.line + 1, column: at.column });
    }
  });
});
