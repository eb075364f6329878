/**
 * Diagnostics: every problem in an input document is reported with its file, line:column,
 * JSON pointer, what is wrong and how to fix it. Errors stop generation before anything is written.
 */
export interface Diagnostic {
  severity: "error" | "warning";
  file: string;
  /** 1-based; 0 when the position is unknown (e.g. the file could not be read). */
  line: number;
  column: number;
  /** JSON pointer into `file`, e.g. `#/paths/~1pets/get`. */
  pointer: string;
  message: string;
  hint?: string;
}

export class SpecError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "SpecError";
  }
}

/** Thrown for bad command-line usage or configuration (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  let out = `${where}: ${d.severity}: ${d.message}\n  at ${d.pointer}`;
  if (d.hint) out += `\n  hint: ${d.hint}`;
  return out;
}

/** Encodes one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerOf(path: readonly (string | number)[]): string {
  return "#" + path.map((s) => "/" + escapePointer(s)).join("");
}

export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "" || body === "/") return body === "/" ? [""] : [];
  return body
    .slice(1)
    .split("/")
    .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
}
