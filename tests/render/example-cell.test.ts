// The Example column (generator/render/markdown.ts exampleCell): values as Speakeasy's pages show them,
// and never a link of their own. Given/want, read back by markdown-it in a table.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { exampleCell } from "../../generator/render/markdown.js";

const table = (cell: string) => new MarkdownIt({ html: true }).render(`| a |\n| - |\n| ${cell.replace(/\n/g, "<br/>")} |\n`);

describe("an Example cell", () => {
  it.each([
    ["a plain value, as written", "act_tok_abcdefghijk", "act_tok_abcdefghijk"],
    ["markdown punctuation that makes no link stays (Speakeasy's `Secure*Pass4`)", "Secure*Pass4", "Secure*Pass4"],
    ["an array, one line an item", ["123456", "654321"], '[\n"123456",\n"654321"\n]'],
    ["a regular expression that would read as a link: code", "[a-z](?:[a-z0-9-]*[a-z0-9])?", "`[a-z](?:[a-z0-9-]*[a-z0-9])?`"],
    ["a link-like value with a pipe: code, the pipe escaped for the table", "[x](y|z)", "`[x](y\\|z)`"],
    ["nothing", undefined, ""],
  ] as [string, unknown, string][])("%s", (_name, value, want) => {
    expect(exampleCell(value)).toBe(want);
  });

  it("renders no link from a value (markdown-it, in a table)", () => {
    for (const v of ["[a-z](?:[a-z0-9-]*[a-z0-9])?", "see [docs](https://x.example)", "[x](y|z)"]) expect(table(exampleCell(v))).not.toContain("<a ");
    // (The check can fail: the value written as prose is a link.)
    expect(table("[a-z](?:x)")).toContain("<a ");
  });
});
