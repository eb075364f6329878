/**
 * `npm run generated-tests`: the whole Clerk API, GitHub and Stripe, each generated for both targets
 * with `tests: true` and checked with `specsmith generate --test` (every operation's tests against
 * `specsmith mock`, and the spec's request examples); prints what passed. CI runs the whole Clerk
 * API (tests/generated-tests.test.ts); this is the full set (about 6 minutes on 2 cores).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON, ensureVenv } from "../tests/helpers/python.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const specs = join(root, "..", "shared", "specs");
const SPECS: [string, string][] = [
  ["clerk", join(specs, "clerk-bapi.yaml")],
  ["github", join(specs, "real-world", "github.json")],
  ["stripe", join(specs, "real-world", "stripe.json")],
];
ensureVenv();
let failed = false;
for (const [name, spec] of SPECS.filter(([n]) => process.argv.length <= 2 || process.argv.includes(n))) {
  const dir = join(root, ".tmp", "generated-tests", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "ts"), { recursive: true });
  // The TypeScript SDK resolves vitest as after `npm install` in it.
  symlinkSync(join(root, "node_modules"), join(dir, "ts", "node_modules"), "dir");
  const target = (t: string, out: string, pkg: string) => `  ${t}:\n    out: ${out}\n    packageName: ${pkg}\n    sdkClass: SDK\n    tests: true\n`;
  writeFileSync(join(dir, "specsmith.yaml"), `spec: ${spec}\ntargets:\n${target("typescript", "ts", `${name}-sdk`)}${target("python", "py", `${name}_sdk`)}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, "bin", "specsmith.js"), "generate", "--config", "specsmith.yaml", "--test"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PYTHON },
    maxBuffer: 1 << 26,
  });
  const passed = [...r.stdout.matchAll(/specsmith: (\w+): (\d+) tests passed/g)].map((m) => `${m[1]} ${m[2]}`);
  process.stdout.write(`${name}: exit ${r.status} in ${Math.round((performance.now() - started) / 1000)} s; passed: ${passed.join(", ") || "none"}\n`);
  if (r.status !== 0) {
    failed = true;
    process.stdout.write(r.stderr.split("\n").slice(0, 40).join("\n") + "\n");
  }
}
process.exit(failed ? 1 : 0);
