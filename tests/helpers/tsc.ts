import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths.js";
import { run } from "./spawn.js";

/**
 * The TypeScript compiler the suites check with: TypeScript 7 (`typescript-7`, the native port, what
 * `npm i typescript` installs today), 2 to 5 times less CPU than 5.9 on our output. TypeScript 5.9
 * stays installed as `typescript` for the compiler API (openapi-typescript, the escaping and runtime
 * table tests) and for the check that the committed SDK also compiles under the 5.x its package.json
 * allows.
 */
export const TSC = join(ROOT, "node_modules", "typescript-7", "bin", "tsc");
export const TSC_5 = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Runs the real TypeScript compiler; returns its exit code and diagnostics text. */
export function tsc(args: string[], cwd = ROOT, compiler = TSC): { code: number; output: string } {
  const r = spawnSync(process.execPath, [compiler, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, output: (r.stdout ?? "") + (r.stderr ?? "") };
}

/** The same, without blocking the test's worker. */
export async function tscAsync(args: string[], cwd = ROOT, compiler = TSC): Promise<{ code: number; output: string }> {
  const r = await run(process.execPath, [compiler, ...args], { cwd });
  return { code: r.code, output: r.stdout + r.stderr };
}
