/**
 * Python output, as `ruff format` (ruff's formatter, black's style, 88 columns) prints it: every emitted
 * module goes through @wasm-fmt/ruff_fmt, ruff's own formatter compiled to WebAssembly, so generation
 * needs no Python. The runtime modules are kept ruff-formatted in the repository (a test checks them)
 * and copied as they are. The docs' usage snippets are not formatted: they follow the reference pages.
 */
import type { OutputFile } from "../../write/write.js";

export const RUFF_LINE_WIDTH = 88;

/** Formats the `.py` files in place; `skip`: paths already formatted (the runtime's). */
export async function formatPython(files: OutputFile[], skip: ReadonlySet<string>): Promise<void> {
  const py = files.filter((f) => f.path.endsWith(".py") && !skip.has(f.path));
  if (py.length === 0) return;
  const { format } = await import("@wasm-fmt/ruff_fmt");
  for (const f of py) {
    try {
      f.content = format(f.content, f.path, { line_width: RUFF_LINE_WIDTH });
    } catch (e) {
      // The templates print valid Python; a parse error here is a bug in them, not in the spec.
      throw new Error(`ruff's formatter could not parse the emitted ${f.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
