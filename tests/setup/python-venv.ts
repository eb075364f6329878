// vitest globalSetup, once per run before any suite: the Python environment exists, and the run has an
// id under which big specs are generated once and shared (tests/helpers/shared-output.ts).
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureVenv } from "../helpers/python.js";
import { ROOT } from "../helpers/paths.js";

export default function setup(): void {
  ensureVenv();
  process.env.SPECSMITH_TEST_RUN = `${Date.now()}-${process.pid}`;
  // What an earlier run shared is stale now (its markers name another run); a lock a killed run left
  // would only make suites wait.
  const shared = join(ROOT, ".tmp", "shared-output");
  if (existsSync(shared)) for (const name of readdirSync(shared)) if (name.endsWith(".lock")) rmSync(join(shared, name), { recursive: true, force: true });
}
