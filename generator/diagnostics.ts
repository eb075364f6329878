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

/** Thrown for a spec that would exhaust the generator (nesting, size, aliases): exit code 1. */
export function limitError(file: string, message: string, hint: string, pointer = "#", line = 0, column = 0): SpecError {
  return new SpecError([{ severity: "error", file, line, column, pointer, message, hint }]);
}

export function formatDiagnostic(d: Diagnostic): string {
  const s = (text: string) => terminalSafe(text, true);
  const where = d.line > 0 ? `${s(d.file)}:${d.line}:${d.column}` : s(d.file);
  // A pointer into a deeply nested document is shortened in the middle.
  const pointer = d.pointer.length > 200 ? `${d.pointer.slice(0, 90)}…${d.pointer.slice(-90)}` : d.pointer;
  let out = `${where}: ${d.severity}: ${s(d.message)}\n  at ${s(pointer)}`;
  if (d.hint) out += `\n  hint: ${s(d.hint)}`;
  return out;
}

/**
 * Text from a spec, made safe to print on a terminal: control characters (escape sequences could
 * rewrite the screen or the title), bidirectional overrides and line separators are shown as \u{..}
 * escapes. With `oneLine`, line breaks are escaped too, so spec text cannot forge a line of output.
 */
export function terminalSafe(text: string, oneLine = false): string {
  const unsafe = oneLine
    ? /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
    : /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  return text.replace(unsafe, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** Encodes one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  const s = String(segment);
  // Most segments hold neither character: the IR makes hundreds of thousands of pointers.
  return s.includes("~") || s.includes("/") ? s.replace(/~/g, "~0").replace(/\//g, "~1") : s;
}

export function pointerOf(path: readonly (string | number)[]): string {
  let out = "#";
  for (const s of path) out += "/" + escapePointer(s);
  return out;
}

export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "" || body === "/") return body === "/" ? [""] : [];
  return body
    .slice(1)
    .split("/")
    .map((s) => decodePercent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** decodeURIComponent that keeps a malformed escape (`%zz`, a lone `%`) as written instead of throwing. */
export function decodePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
