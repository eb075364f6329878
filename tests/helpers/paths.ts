import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHARED = join(ROOT, "..", "shared");
export const GENERATED_TS = join(ROOT, "generated", "typescript");
export const GENERATED_PY = join(ROOT, "generated", "python");
export const SPEC = join(ROOT, "spec", "clerk-actor-tokens.yaml");
export const CONFIG = join(ROOT, "spec", "specsmith.yaml");
export const BIN = join(ROOT, "bin", "specsmith.js");

export function tempDir(prefix = "specsmith-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under `dir`, as sorted paths relative to it (posix separators). */
export function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      const rel = relative(dir, p).split(sep).join("/");
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}
