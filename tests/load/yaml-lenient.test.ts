// YAML only a strict 1.2 reading rejects (generator/load/yaml-lenient.ts, SourceFile.parse): given/want.
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../generator/load/source.js";
import { SpecError } from "../../generator/diagnostics.js";
import { repairQuotedIndent } from "../../generator/load/yaml-lenient.js";

type Case = [name: string, text: string, want: unknown, movedLines: number[]];

const CASES: Case[] = [
  ["a single-quoted string closed at column 1 (Mistral's OCR example)", "a:\n  b:\n    md: '# Title\n\n      body\n\n'\n    n: 1\n", { a: { b: { md: "# Title\nbody\n", n: 1 } } }, [7]],
  ["a double-quoted string whose continuation lines sit left of the key", 'a:\n  - k: "one\n two \\" still\n  three"\n    n: 2\n', { a: [{ k: 'one two " still three', n: 2 }] }, [3, 4]],
  ["an escaped quote ('') does not close the string", "a:\n  s: 'it''s\nmore'\n", { a: { s: "it's more" } }, [3]],
  ["a list item that is a quoted string", "a:\n  - 'x\ny'\n", { a: ["x y"] }, [3]],
];

describe("multi-line quoted strings left of their key", () => {
  it.each(CASES)("%s", (_name, text, want, movedLines) => {
    const file = SourceFile.parse("/spec.yaml", text);
    expect(file.data).toEqual(want);
    expect(file.warnings.map((w) => [w.line, w.column, w.severity])).toEqual(movedLines.map((l) => [l, 1, "warning"]));
    expect(file.warnings[0].pointer).toMatch(/^#\/a/);
  });

  it("valid YAML is left as it is, with no warning", () => {
    const text = "a:\n  s: 'x\n    y'\n";
    expect(repairQuotedIndent(text)).toBeUndefined();
    expect(SourceFile.parse("/spec.yaml", text).warnings).toEqual([]);
  });

  it("YAML that is broken in another way still fails at its position", () => {
    let err: unknown;
    try {
      SourceFile.parse("/spec.yaml", "a:\n  s: 'x\nb: [1, 2\n");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).diagnostics[0]).toMatchObject({ severity: "error", file: "/spec.yaml" });
  });
});
