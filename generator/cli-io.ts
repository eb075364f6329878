/** What the command line prints: paths relative to where it runs, spec text made terminal-safe. */
import { relative } from "node:path";
import { terminalSafe } from "./diagnostics.js";

/** A path as the user would type it from the working directory (absolute when outside it). */
export function rel(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

/** Writes a message that may hold spec text or paths: control characters are shown escaped. */
export function say(stream: "stdout" | "stderr", text: string): void {
  process[stream].write(terminalSafe(text));
}
