// specsmith's own sources: they type-check (generator, tests, tools: tsconfig.json) and are
// prettier-formatted (.prettierrc.json; `npm run format` writes it). Run here, beside the other
// suites, rather than one after the other before them.
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { run } from "./helpers/spawn.js";
import { TSC } from "./helpers/tsc.js";

it("the sources type-check and are prettier-formatted", async () => {
  const [types, format] = await Promise.all([
    run(process.execPath, [TSC, "-p", join(ROOT, "tsconfig.json"), "--noEmit"], { cwd: ROOT }),
    run(process.execPath, [join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", "**/*.{ts,mjs}"], { cwd: ROOT }),
  ]);
  expect(types.stdout + types.stderr).toBe("");
  expect(types.code).toBe(0);
  expect(format.stdout + format.stderr, "run `npm run format`").toBe("");
  expect(format.code).toBe(0);
}, 300_000);
