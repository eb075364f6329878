// specsmith's own sources: they type-check (generator, tests, tools: tsconfig.json) and are
// prettier-formatted (.prettierrc.json; `npm run format` writes it). Run here, beside the other
// suites, rather than one after the other before them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/paths.js";
import { run } from "./helpers/spawn.js";
import { tscAsync } from "./helpers/tsc.js";

/**
 * What `npm run format` formats. (.prettierignore leaves .tmp/ and .corpus/ out, but only after prettier
 * has listed every file below them: the negated patterns keep it from walking there, some 100,000
 * files once the suites have run.)
 */
const SOURCES = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
  .scripts.format.match(/"[^"]+"/g)
  .map((p: string) => JSON.parse(p));

it("the sources type-check and are prettier-formatted", async () => {
  const [types, format] = await Promise.all([
    tscAsync(["-p", join(ROOT, "tsconfig.json"), "--noEmit"]),
    run(process.execPath, [join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", ...SOURCES], { cwd: ROOT }),
  ]);
  expect(types.output).toBe("");
  expect(types.code).toBe(0);
  expect(format.stdout + format.stderr, "run `npm run format`").toBe("");
  expect(format.code).toBe(0);
}, 300_000);
