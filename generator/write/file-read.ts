/** Reading a state file (lock journal, manifest, leftovers): only a regular file, of a bounded size. */
import { lstatSync, readFileSync } from "node:fs";

/** State files are small; a larger one is not ours. */
export const MAX_STATE_BYTES = 64 * 1024 * 1024;

/** The text of `path` if it is a regular file (not a symlink, FIFO or device) under `max` bytes; else undefined. */
export function readStateFile(path: string, max = MAX_STATE_BYTES): string | undefined {
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > max) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
