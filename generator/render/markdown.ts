/** Markdown formatting shared by every target's docs. */

/**
 * How a table's column width is measured. "rendered": the longest cell as written, so every
 * cell lines up. "source": Speakeasy's rule, which measures multi-line cells before their line
 * breaks become `<br/>` (a cell with breaks may then stick out); the Python reference pages use it.
 */
export type TableRule = "rendered" | "source";

/**
 * A table whose columns all share one width. Cells may contain "\n", written as `<br/>`.
 */
export function mdTable(headers: string[], rows: string[][], rule: TableRule = "rendered"): string {
  const measure = (cell: string) => (rule === "source" ? cell.length : cell.replace(/\n/g, "<br/>").length);
  let width = 0;
  for (const cell of headers) width = Math.max(width, measure(cell));
  for (const row of rows) for (const cell of row) width = Math.max(width, measure(cell));
  const line = (cells: string[]) =>
    "| " +
    cells
      .map((c) => {
        const text = c.replace(/\n/g, "<br/>");
        return text + " ".repeat(Math.max(0, width - measure(c)));
      })
      .join(" | ") +
    " |";
  return [line(headers), line(headers.map(() => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** Escapes text for a table cell: pipes would split the cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
