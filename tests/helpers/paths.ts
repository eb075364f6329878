import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
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

/** The folders tempDir made that are still there: removed after each test file (tests/setup/temp-dirs.ts). */
const made: string[] = [];

/** A new folder in the system's temporary folder, removed with everything in it once the test file ends. */
export function tempDir(prefix = "specsmith-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far (a full run made some 3,000, 0.5 GB of them, and left them). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
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
