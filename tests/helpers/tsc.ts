import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths.js";
import { run } from "./spawn.js";

/** Runs the real TypeScript compiler; returns its exit code and diagnostics text. */
export function tsc(args: string[], cwd = ROOT): { code: number; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, output: (r.stdout ?? "") + (r.stderr ?? "") };
}

/** The same, without blocking the test's worker. */
export async function tscAsync(args: string[], cwd = ROOT): Promise<{ code: number; output: string }> {
  const r = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), ...args], { cwd });
  return { code: r.code, output: r.stdout + r.stderr };
}
