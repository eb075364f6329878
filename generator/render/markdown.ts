/** Markdown formatting shared by every target's docs. */
import { mdCell, mdCodeCell } from "./escape.js";

/**
 * How a table's column width is measured. "rendered": the longest cell as written, so every
 * cell lines up. "source": Speakeasy's rule, which measures multi-line cells before their line
 * breaks become `<br/>` (a cell with breaks may then stick out); the Python reference pages use it.
 * "columns": each column as wide as its own longest cell (the reference's static retryconfig page).
 */
export type TableRule = "rendered" | "source" | "columns";

/**
 * A table whose columns all share one width. Cells may contain "\n", written as `<br/>`.
 */
export function mdTable(headers: string[], rows: string[][], rule: TableRule = "rendered"): string {
  if (rule === "columns") {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
    return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
  }
  const rendered = (cell: string) => cell.replace(/\n/g, "<br/>");
  const measure = (cell: string) => (rule === "source" ? cell.length : rendered(cell).length);
  let width = 0;
  for (const cell of headers) width = Math.max(width, measure(cell));
  for (const row of rows) for (const cell of row) width = Math.max(width, measure(cell));
  // Cells are padded by their written length: under "source", a cell with breaks may stick out.
  const line = (cells: string[]) => "| " + cells.map((c) => rendered(c).padEnd(width)).join(" | ") + " |";
  return [line(headers), line(headers.map(() => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/**
 * An Example column cell: strings as written, other values as JSON, one line a key (no indent), as
 * Speakeasy's pages show them. An example is data, not markup: one that would read as a link (a
 * regular expression's `[a-z](?:…)`, BeezUP's) is shown as code, whose text is never a link.
 */
export function exampleCell(v: unknown): string {
  if (v === undefined) return "";
  const text = typeof v === "string" ? v : (JSON.stringify(v, null, 2) ?? "").replace(/\n\s*/g, "\n");
  return LINK.test(text) ? mdCodeCell(text) : mdCell(text);
}

/** Where markdown sees an inline link: a closing bracket, then a parenthesis. */
const LINK = /\]\(/;

/** A space or tab that ends a line (before any line terminator, or at the end). */
const TRAILING_BLANK = /[ \t](?:[\n\r\u2028\u2029]|$)/;

/**
 * `s` without the spaces and tabs that end its lines (`s` itself when none does). A scan from line
 * end to line end: it runs over every emitted Python byte, where a multi-line regex replace cost more.
 */
export function trimLineEnds(s: string): string {
  // Most texts have no such line: one search (no copy) tells.
  if (!TRAILING_BLANK.test(s)) return s;
  // Other line terminators (rare in output: spec text) take the regex, which knows them all.
  if (s.includes("\r") || s.includes("\u2028") || s.includes("\u2029")) return s.replace(/[ \t]+$/gm, "");
  let out = "";
  let copied = 0;
  for (let start = 0; start <= s.length;) {
    const nl = s.indexOf("\n", start);
    const end = nl < 0 ? s.length : nl;
    let e = end;
    while (e > start && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
    if (e < end) {
      out += s.slice(copied, e);
      copied = end;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Pages end without a newline. (A regex `\n+$` would rescan the whole page from every position.) */
export function trimNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
  return end === s.length ? s : s.slice(0, end);
}
