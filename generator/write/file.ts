/** One file written whole: to a temporary file beside it, then renamed over it (never half-written). */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readText } from "./read.js";
import { fsError } from "./write.js";

/** Writes `text` to `path` unless it is there already; returns whether it wrote. */
export function writeFileAtomic(path: string, text: string): boolean {
  if (readText(path) === text) return false;
  const tmp = join(dirname(path), `.${basename(path)}.specsmith-tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fsError(e, path);
  }
  return true;
}
