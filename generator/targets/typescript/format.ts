/**
 * Templates emit prettier-clean code for every line that fits in 80 columns. A file with a longer
 * line (a very long name, a deep type) is the rare case where only prettier knows the layout: those
 * files alone go through it, so the common path never loads prettier.
 */
import type { GeneratedFile } from "./types.js";

export async function formatLongLines(files: GeneratedFile[]): Promise<number> {
  const long = files.filter((f) => f.path.endsWith(".ts") && f.content.split("\n").some((l) => l.length > 80 && !/^\s*(\/\/|\/\*|\*)/.test(l)));
  if (long.length === 0 || process.env.SPECSMITH_DEBUG_NOFORMAT) return 0;
  const prettier = await import("prettier");
  await Promise.all(
    long.map(async (f) => {
      f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    }),
  );
  return long.length;
}
