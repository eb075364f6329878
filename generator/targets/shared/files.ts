/** File names for emitted symbols, shared by every target's planner. */
import { createHash } from "node:crypto";

/** Names Windows reserves for devices, whatever the extension: `con.ts` cannot be checked out there. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Longest stem we emit: names from the spec are unbounded, file names are not (255 bytes, less the extension and the writer's temporary-file affixes). */
export const MAX_STEM = 200;

/**
 * A file stem for `name` that every file system takes: long names keep their start and gain a short
 * hash of the whole name (so two long names stay apart), device names gain a `_`. The result is still
 * an identifier when `name` is one (Python module names must be).
 */
export function fileStem(name: string): string {
  let stem = name;
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, MAX_STEM - 9)}_${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  return DEVICE_NAMES.test(stem) ? `${stem}_` : stem;
}
