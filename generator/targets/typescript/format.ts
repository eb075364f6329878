/**
 * Templates emit prettier-clean code for every line that fits in 80 columns. A longer line (a very
 * long name, a deep type) is laid out by `layout.ts` the way prettier would; only a file with a long
 * line outside the subset that module knows goes through prettier itself.
 */
import type { OutputFile } from "../../write/write.js";
import { layoutFile, loadLayout, overflows } from "./layout.js";

/** Returns how many files needed prettier itself. */
export async function formatLongLines(files: OutputFile[]): Promise<number> {
  const long = files.filter((f) => f.path.endsWith(".ts") && f.content.split("\n").some(overflows));
  if (long.length === 0) return 0;
  await loadLayout();
  const rest: OutputFile[] = [];
  for (const f of long) {
    const laid = process.env.SPECSMITH_DIAG_NOLAYOUT ? undefined : layoutFile(f.content);
    if (laid === undefined) rest.push(f);
    else f.content = laid;
  }
  if (process.env.SPECSMITH_DIAG_NOPRETTIER) return rest.length;
  if (rest.length === 0) return 0;
  const prettier = await import("prettier");
  await Promise.all(
    rest.map(async (f) => {
      f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    }),
  );
  return rest.length;
}
