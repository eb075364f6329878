// trimLineEnds (render/markdown.ts): what `s.replace(/[ \t]+$/gm, "")` gives, by a faster scan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimLineEnds } from "../../generator/render/markdown.js";

const CASES: [string, string, string][] = [
  ["nothing to trim", "def f():\n    return 1\n", "def f():\n    return 1\n"],
  ["an indented blank line", "class A:\n    \n    x = 1\n", "class A:\n\n    x = 1\n"],
  ["tabs and spaces before the end", "a \t \nb\t", "a\nb"],
  ["blank lines only", "  \n\t\n", "\n\n"],
  ["the empty string", "", ""],
  ["CRLF line ends", "a  \r\nb \r\n", "a\r\nb\r\n"],
  ["a line separator", "a \u2028b ", "a\u2028b"],
  ["blanks inside a line stay", "a  b  c", "a  b  c"],
];

describe("trimLineEnds", () => {
  it.each(CASES)("%s", (_name, given, want) => {
    expect(trimLineEnds(given)).toBe(want);
    expect(trimLineEnds(given)).toBe(given.replace(/[ \t]+$/gm, ""));
  });

  it("agrees with the regex for any text of blanks, line terminators and letters", () => {
    const text = fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u00a0", "a", "é"), { maxLength: 24 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (s) => {
        expect(trimLineEnds(s)).toBe(s.replace(/[ \t]+$/gm, ""));
      }),
      { seed: 5, numRuns: 3000 },
    );
  });

  it("returns the very string when no line ends in a blank", () => {
    const s = "x = 1\ny = 2\n";
    expect(trimLineEnds(s)).toBe(s);
  });
});
