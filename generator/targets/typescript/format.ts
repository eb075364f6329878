/**
 * Templates emit prettier-clean code for every line that fits in 80 columns. A file with a longer
 * line (a very long name, a deep type) is the rare case where only prettier knows the layout: those
 * files alone go through it, so the common path never loads prettier.
 */
import type { OutputFile } from "../../write/write.js";

export async function formatLongLines(files: OutputFile[]): Promise<number> {
  const long = files.filter((f) => f.path.endsWith(".ts") && f.content.split("\n").some(overflows));
  if (long.length === 0) return 0;
  const prettier = await import("prettier");
  await Promise.all(
    long.map(async (f) => {
      f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    }),
  );
  return long.length;
}

/** Long lines prettier leaves as they are: nothing in them can break. */
const UNBREAKABLE = [
  /^\s*(\/\/|\/\*|\*)/, // comments
  /^\s*("([^"\\]|\\.)*"|`[^`]*`),?$/, // a lone string
  /^import (type )?\{ [\w$]+ \} from "[^"]+";$/, // an import of one name
  /^export \* from "[^"]+";$/,
  /^\} from "[^"]+";$/,
  /^\s*(type )?[\w$]+,$/, // one name in an import list or argument list
  /^\s*\(typeof [\w$]+\)\[keyof typeof [\w$]+\];$/,
  /^\s*(readonly )?([\w$]+|"[^"]*")\??: [\w$]+[;,]$/, // a property whose type or value is one name
  /^export (async )?function [\w$]+\($/,
  /^export type [\w$]+ =$/,
  /^\): [\w$]+ \{$/,
];

/** A line over 80 columns that prettier would lay out differently. */
function overflows(line: string): boolean {
  return line.length > 80 && !UNBREAKABLE.some((re) => re.test(line));
}
