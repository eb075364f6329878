// llms-full.txt's tables without padding: the same tables to a markdown renderer (markdown-it, GFM
// tables), in a fraction of the bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { compactTables } from "../../generator/docs/compact-tables.js";
import { GENERATED_PY, GENERATED_TS, SHARED, listFiles } from "../helpers/paths.js";

const markdownIt = new MarkdownIt();
const render = (text: string) => markdownIt.render(text);

describe("compactTables", () => {
  const cases: [string, string, string][] = [
    ["pads cut to one space, delimiters to ---", "| A    | Bee |\n| ---- | --- |\n| x    | y   |", "| A | Bee |\n| --- | --- |\n| x | y |"],
    ["alignment colons kept", "| A     | B      | C     |\n| :---- | :----: | ----: |\n| 1     | 2      | 3     |", "| A | B | C |\n| :--- | :---: | ---: |\n| 1 | 2 | 3 |"],
    ["escaped pipes stay in their cell", "| A          | B   |\n| ---------- | --- |\n| a \\|  b    | c   |", "| A | B |\n| --- | --- |\n| a \\|  b | c |"],
    ["spaces inside a cell stay", "| A       |\n| ------- |\n| a   b   |", "| A |\n| --- |\n| a   b |"],
    ["a fenced table is code", "```md\n| A    |\n| ---- |\n```\n", "```md\n| A    |\n| ---- |\n```\n"],
    ["a tilde fence, closed by a longer one", "~~~\n| A    |\n| ---- |\n~~~~\n| A    |\n| ---- |", "~~~\n| A    |\n| ---- |\n~~~~\n| A |\n| --- |"],
    ["a fence in a list item", "- x\n\n  ```\n  | A    |\n  | ---- |\n  ```", "- x\n\n  ```\n  | A    |\n  | ---- |\n  ```"],
    ["no delimiter row: no table", "| A    |\n| x    |", "| A    |\n| x    |"],
    ["header and delimiter of different widths: no table", "| A    | B |\n| ---- |\n| x    |", "| A    | B |\n| ---- |\n| x    |"],
    ["the table ends at the first line that is no row", "| A    |\n| ---- |\n| x    |\ntext   |\n| y    |", "| A |\n| --- |\n| x |\ntext   |\n| y    |"],
    ["trailing spaces after the last pipe go", "| A |   \n| - |  \n| x |   ", "| A |\n| --- |\n| x |"],
  ];
  it.each(cases)("%s", (_name, given, want) => {
    expect(compactTables(given)).toBe(want);
    expect(render(compactTables(given))).toBe(render(given));
  });

  // The pages llms-full.txt is made of: ours, and Speakeasy's Clerk SDK's (the shape ours follow).
  const pages = [
    ...[GENERATED_TS, GENERATED_PY].flatMap((dir) =>
      listFiles(dir, (rel) => rel.startsWith("node_modules"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => join(dir, f)),
    ),
    ...listFiles(join(SHARED, "reference"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join(SHARED, "reference", f)),
  ];
  it("renders every SDK page as before, at a fraction of its table bytes", () => {
    expect(pages.length).toBeGreaterThan(40);
    let before = 0;
    let after = 0;
    for (const page of pages) {
      const text = readFileSync(page, "utf8");
      const compact = compactTables(text);
      expect(render(compact), page).toBe(render(text));
      before += text.length;
      after += compact.length;
    }
    expect(after).toBeLessThan(before * 0.6);
  });

  it("renders any table of spec text as before", () => {
    const cell = fc.stringMatching(/^[a-z `\\|*<>&:-]{0,12}$/);
    const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.nat(8)).map(([width, rows, pad]) => {
      const row = (cs: string[]) =>
        `|${cs
          .slice(0, width)
          .map((c) => ` ${c}${" ".repeat(pad)} `)
          .join("|")}|`;
      return [row(rows[0]), `|${" :---- |".repeat(width)}`, ...rows.slice(1).map(row)].join("\n");
    });
    fc.assert(
      fc.property(table, fc.stringMatching(/^[a-z |`\n-]{0,20}$/), (t, around) => {
        const text = `${around}\n\n${t}\n\n${around}`;
        expect(render(compactTables(text))).toBe(render(text));
      }),
      { numRuns: 500 },
    );
  });
});
