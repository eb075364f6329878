// Big specs are generated once per test run and shared by the suites that read them, across vitest's
// workers: the first suite to ask generates under a lock; the others wait for it and read the files
// back. A run is told apart by SPECSMITH_TEST_RUN, set once per run by the global setup.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateAll } from "../../generator/generate.js";
import type { OutputFile } from "../../generator/write/write.js";
import { writeOutput } from "../../generator/write/write.js";
import { ROOT, listFiles } from "./paths.js";

export interface SharedOutput {
  out: string;
  files: OutputFile[];
  operations: number;
  /** sha256 of every file's path and bytes, as generated. */
  digest: string;
}

interface Options {
  target: string;
  packageName: string;
  sdkClass: string;
}

const ROOT_DIR = join(ROOT, ".tmp", "shared-output");

export async function sharedOutput(spec: string, key: string, opts: Options): Promise<SharedOutput> {
  const run = process.env.SPECSMITH_TEST_RUN ?? String(process.pid);
  const dir = join(ROOT_DIR, key);
  const marker = join(ROOT_DIR, `${key}.json`);
  mkdirSync(ROOT_DIR, { recursive: true });
  await withLock(join(ROOT_DIR, `${key}.lock`), async () => {
    const done = existsSync(marker) ? (JSON.parse(readFileSync(marker, "utf8")) as { run: string }) : undefined;
    if (done?.run === run) return;
    const [r] = await generateAll(spec, [{ name: opts.target, out: dir, packageName: opts.packageName, sdkClass: opts.sdkClass, version: "1.0.0" }]);
    rmSync(dir, { recursive: true, force: true });
    writeOutput(dir, r.files);
    writeFileSync(marker, JSON.stringify({ run, operations: r.operations, digest: filesDigest(r.files) }));
  });
  const { operations, digest } = JSON.parse(readFileSync(marker, "utf8")) as { operations: number; digest: string };
  const files = listFiles(dir, (rel) => rel.startsWith(".specsmith")).map((path) => ({ path, content: readFileSync(join(dir, path), "utf8") }));
  return { out: dir, files, operations, digest };
}

export function filesDigest(files: OutputFile[]): string {
  const h = createHash("sha256");
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(f.path).update("\0").update(f.content).update("\0");
  return h.digest("hex");
}

/** Runs `fn` holding a lock directory (mkdir is atomic); a lock left by a killed run is taken after 10 minutes. */
async function withLock(lock: string, fn: () => Promise<void>): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 600_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
