/**
 * Templates emit prettier-clean code for every line that fits in 80 columns. A longer line (a very
 * long name, a deep type) is laid out by `layout.ts` the way prettier would; only a file with a long
 * line outside the subset that module knows goes through prettier itself.
 */
import type { OutputFile } from "../../write/write.js";
import { layoutFile, loadLayout, overflows } from "./layout.js";

/** A quick pre-check (a scan, not a regex: this runs over every emitted byte): most files have no line over 80 columns. */
function hasLongLine(s: string): boolean {
  for (let start = 0; start < s.length;) {
    const end = s.indexOf("\n", start);
    if ((end < 0 ? s.length : end) - start > 80) return true;
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}

/** Counts since the process started: files laid out here, and files that needed prettier itself. */
export const formatStats = { laidOut: 0, prettier: 0 };

export async function formatLongLines(files: OutputFile[]): Promise<void> {
  const long = files.filter((f) => f.path.endsWith(".ts") && hasLongLine(f.content) && f.content.split("\n").some(overflows));
  if (long.length === 0) return;
  await loadLayout();
  const rest: OutputFile[] = [];
  for (const f of long) {
    const laid = layoutFile(f.content);
    if (laid === undefined) rest.push(f);
    else f.content = laid;
  }
  formatStats.laidOut += long.length - rest.length;
  formatStats.prettier += rest.length;
  if (rest.length === 0) return;
  const prettier = await import("prettier");
  await Promise.all(
    rest.map(async (f) => {
      f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    }),
  );
}
