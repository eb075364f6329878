/**
 * Runtime sources (real, tested code under templates/<target>/runtime) copied into an SDK as they
 * are; `folder: "testing"`: the helpers of the SDK's generated tests.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { TEMPLATES_DIR } from "../../paths.js";
import type { OutputFile } from "../../write/write.js";

export function runtimeFiles(target: string, into: string, folder: "runtime" | "testing" = "runtime"): OutputFile[] {
  const dir = join(TEMPLATES_DIR, target, folder);
  return list(dir).map((file) => {
    const rel = relative(dir, file).split(sep).join("/");
    return { path: `${into}/${rel}`, content: readFileSync(file, "utf8"), ...(USERS.has(rel) ? { once: true } : {}) };
  });
}

/** Runtime files the SDK's users own (hook registration): written once, where nothing is, and never again. */
const USERS = new Set(["hooks/registration.ts", "_hooks/registration.py"]);

function list(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "__pycache__") out.push(...list(p));
    } else if (!name.endsWith(".pyc")) out.push(p);
  }
  return out;
}
