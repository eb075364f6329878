/**
 * Templates emit prettier-clean code for every line that fits in 80 columns. A file with a longer
 * line (a very long name, a deep type) is the rare case where only prettier knows the layout: those
 * files alone go through it, so the common path never loads prettier.
 */
import type { GeneratedFile } from "./types.js";

export async function formatLongLines(files: GeneratedFile[]): Promise<number> {
  const long = files.filter((f) => f.path.endsWith(".ts") && f.content.split("\n").some(overflows));
  if (long.length === 0 || process.env.SPECSMITH_DEBUG_NOFORMAT) return 0;
  const prettier = await import("prettier");
  await Promise.all(
    long.map(async (f) => {
      f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    }),
  );
  return long.length;
}

/**
 * A line over 80 columns that prettier would lay out differently: not a comment, a lone string,
 * or an import of one name (prettier leaves those long).
 */
function overflows(line: string): boolean {
  return (
    line.length > 80 &&
    !/^\s*(\/\/|\/\*|\*)/.test(line) &&
    !/^\s*("([^"\\]|\\.)*"|`[^`]*`),?$/.test(line) &&
    !/^import (type )?\{ [\w$]+ \} from "[^"]+";$/.test(line)
  );
}
