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

/**
 * How the suites run TypeScript 7: on one thread, with Go's collector running a quarter as often.
 * The suites already keep both cores busy (three workers, each waiting on tsc, mypy or Python), so
 * tsc's own threads only add coordination: GitHub's SDK took 21-25 CPU-s with them and 13 without,
 * for 200 MB more at its peak (1.7 GB). The verdict is the same either way.
 */
const TSC_ENV = { ...process.env, GOGC: "400" };
const tsgoArgs = (compiler: string, args: string[]) => (compiler === TSC ? [compiler, "--singleThreaded", ...args] : [compiler, ...args]);

/** Runs the real TypeScript compiler; returns its exit code and diagnostics text. */
export function tsc(args: string[], cwd = ROOT, compiler = TSC): { code: number; output: string } {
  const r = spawnSync(process.execPath, tsgoArgs(compiler, args), { cwd, encoding: "utf8", maxBuffer: 1 << 26, env: TSC_ENV });
  return { code: r.status ?? -1, output: (r.stdout ?? "") + (r.stderr ?? "") };
}

/** The same, without blocking the test's worker. */
export async function tscAsync(args: string[], cwd = ROOT, compiler = TSC): Promise<{ code: number; output: string }> {
  const r = await run(process.execPath, tsgoArgs(compiler, args), { cwd, env: TSC_ENV });
  return { code: r.code, output: r.stdout + r.stderr };
}
