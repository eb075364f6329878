/**
 * TypeScript output, byte for byte as prettier (3.x, default options) prints it, without running
 * prettier on every file:
 * - a file whose lines all fit in 80 columns is already what prettier prints: the templates write each
 *   statement as prettier keeps a short one (the tests check every emitted file with prettier);
 * - a file with a longer line goes through oxfmt, oxc's prettier-compatible formatter (native, about
 *   30 times faster than prettier on our output, and equal to it on it but for one construct);
 * - that construct is a union that overflows its line but fits on the next: prettier moves it there
 *   whole, oxfmt breaks it one member a line. The planner knows where its unions are and how wide
 *   they print (`unions.ts`), and sends those few files to prettier itself.
 * Nothing here reads the printed text back: the choice of formatter is made from the type trees.
 */
import type { OutputFile } from "../../write/write.js";

export const PRINT_WIDTH = 80;

/**
 * Whether a line of code (not of a comment: prettier never rewraps those) is wider than 80 columns. A
 * scan of line lengths, no regex: it runs over every emitted byte, and most files have no such line.
 */
export function hasLongLine(s: string, width = PRINT_WIDTH): boolean {
  for (let start = 0; start < s.length;) {
    const end = s.indexOf("\n", start);
    if ((end < 0 ? s.length : end) - start > width && !isComment(s, start)) return true;
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}

/** A line whose first non-blank character starts or continues a comment (`*`, `/**`, `//`). */
function isComment(s: string, start: number): boolean {
  let i = start;
  while (s[i] === " ") i++;
  return s[i] === "*" || (s[i] === "/" && (s[i + 1] === "*" || s[i + 1] === "/"));
}

/** oxfmt calls in flight at once: its native work runs on libuv's 4 threads; more only costs memory. */
const OXFMT_CONCURRENCY = 4;

/**
 * Formats the emitted `.ts` files that need it, in place. `exact`: paths the planner sends to prettier;
 * `skip`: paths already formatted (the runtime's).
 */
export async function formatTypeScript(files: OutputFile[], exact: ReadonlySet<string>, skip: ReadonlySet<string>): Promise<void> {
  const long = files.filter((f) => f.path.endsWith(".ts") && !skip.has(f.path) && hasLongLine(f.content));
  if (long.length === 0) return;
  const viaPrettier = long.filter((f) => exact.has(f.path));
  const viaOxfmt = long.filter((f) => !exact.has(f.path));
  await Promise.all([oxfmtAll(viaOxfmt), prettierAll(viaPrettier)]);
}

async function oxfmtAll(files: OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  const { format } = await import("oxfmt");
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++];
      const r = await format(f.path, f.content, { printWidth: PRINT_WIDTH });
      // The templates print valid TypeScript; a parse error here is a bug in them, not in the spec.
      if (r.errors.length) throw new Error(`oxfmt could not parse the emitted ${f.path}: ${r.errors[0].message}`);
      f.content = r.code;
    }
  };
  await Promise.all(Array.from({ length: OXFMT_CONCURRENCY }, worker));
}

async function prettierAll(files: OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  const prettier = await import("prettier");
  for (const f of files) f.content = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
}
