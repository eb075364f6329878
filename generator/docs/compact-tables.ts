/**
 * Markdown tables without their alignment padding. The SDK's pages pad every cell to its column's
 * width, as Speakeasy's do (our pages reproduce theirs byte for byte). Read as HTML the padding is
 * gone; read as text (llms-full.txt) it is most of the bytes: 6 of the whole Clerk site's 10 MB were
 * spaces and dashes. A GFM cell is trimmed and a delimiter cell needs only `---`, so neither changes
 * what a renderer makes of the table (tests/docs/compact-tables.test.ts renders both with markdown-it).
 */
import { fencedLines } from "./site-languages.js";

/** A delimiter row: `| --- | :---: |`, each cell dashes with optional colons. */
const DELIMITER = /^ {0,3}\|(?: *:?-+:? *\|)+ *$/;
/** A row that starts and ends with a pipe (every row of the tables our pages print). */
const ROW = /^ {0,3}\|.*\| *$/;

/**
 * `markdown` with the rows of each table (a row, a delimiter row, then rows, each starting and ending
 * with `|`) compacted: no spaces beyond one on either side of a cell's pipes, `---` for each
 * delimiter cell. Code fences and every other line are left as they are.
 */
export function compactTables(markdown: string): string {
  const lines = markdown.split("\n");
  const code = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (code[i] || !ROW.test(line) || code[i + 1] || !DELIMITER.test(lines[i + 1] ?? "") || !sameWidth(line, lines[i + 1])) continue;
    lines[i] = compactRow(line);
    lines[i + 1] = lines[i + 1].replace(/ *(:?)-+(:?) *(?=\|)/g, " $1---$2 ").trimEnd();
    for (i += 2; i < lines.length && !code[i] && ROW.test(lines[i]); i++) lines[i] = compactRow(lines[i]);
    i--;
  }
  return lines.join("\n");
}

/** The header row and the delimiter row have the same number of cells (else it is no table). */
function sameWidth(header: string, delimiter: string): boolean {
  return cells(header) === cells(delimiter);
}

/** How many cells a row has: its pipes that no backslash escapes, less one. */
function cells(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length - 1;
}

/** A row with each run of spaces next to a cell's pipe cut to one space. */
function compactRow(row: string): string {
  return row
    .trimEnd()
    .replace(/(?<!\\)\| {2,}/g, "| ")
    .replace(/ {2,}\|/g, " |");
}
