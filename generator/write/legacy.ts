/**
 * specsmith 0.1 replaced the whole output folder through sibling folders (`<out>.specsmith-tmp-<pid>`,
 * `<out>.specsmith-old-<pid>`). A run killed in between left them behind, sometimes holding the user's
 * own files. This puts such files back and removes the leftovers of runs that no longer live.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { MAX_STATE_BYTES, readText } from "./read.js";
import { processAlive } from "./lock.js";

const LEGACY = /^(.*)\.specsmith-(tmp|old)-(\d+)$/;

/** Whether a 0.1 run left sibling folders of `outDir` behind. */
export function hasLegacyLeftovers(outDir: string): boolean {
  try {
    return readdirSync(dirname(outDir)).some((name) => LEGACY.exec(name)?.[1] === basename(outDir));
  } catch {
    return false;
  }
}

export function recoverLegacy(outDir: string): string[] {
  const parent = dirname(outDir);
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return notes;
  }
  for (const name of names.sort()) {
    const m = LEGACY.exec(name);
    if (!m || m[1] !== basename(outDir) || processAlive(Number(m[3]))) continue;
    const leftover = join(parent, name);
    if (m[2] === "old" && !existsSync(outDir)) {
      // Killed between moving the old output aside and moving the new one in: the old one comes back.
      renameSync(leftover, outDir);
      notes.push(`restored ${outDir} from ${name}, left by an interrupted run`);
      continue;
    }
    if (m[2] === "tmp") notes.push(...rescueUserFiles(leftover, outDir));
    rmSync(leftover, { recursive: true, force: true });
    notes.push(`removed ${name}, left by an interrupted run`);
  }
  return notes;
}

/** Files in a leftover folder that its manifest does not list were the user's: they move back. */
function rescueUserFiles(leftover: string, outDir: string): string[] {
  let generated: Set<string>;
  try {
    generated = new Set((JSON.parse(readText(join(leftover, ".specsmith-manifest.json"), MAX_STATE_BYTES) ?? "") as { files: string[] }).files);
  } catch {
    generated = new Set();
  }
  const notes: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      const rel = relative(leftover, p).split(sep).join("/");
      // lstat: a symlink in the leftover (`evil -> /elsewhere`) is never followed, so nothing from
      // outside is moved into the output folder.
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && !generated.has(rel) && rel !== ".specsmith-manifest.json" && !existsSync(join(outDir, rel))) {
        mkdirSync(dirname(join(outDir, rel)), { recursive: true });
        renameSync(p, join(outDir, rel));
        notes.push(`moved your file ${rel} back into ${outDir}`);
      }
    }
  };
  walk(leftover);
  return notes;
}
