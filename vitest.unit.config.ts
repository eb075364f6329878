// The unit tier (`npm run test:unit`): given/want tables for the loader, the IR, the planners, the
// surfaces and release rules, the escapers, templates and runtime helpers. No SDK is built, no Python
// environment made: seconds. `npm test` runs these too, with everything else.
import { defineConfig } from "vitest/config";

export const UNIT_TESTS = [
  "tests/ir/**/*.test.ts",
  "tests/load/**/*.test.ts",
  "tests/targets/**/*.test.ts",
  "tests/release/classify.test.ts",
  "tests/release/versions.test.ts",
  "tests/release/types.test.ts",
  "tests/release/lock.test.ts",
  "tests/config.test.ts",
  "tests/docs.test.ts",
  "tests/docs/**/*.test.ts",
  "tests/escape.test.ts",
  "tests/render/line-ends.test.ts",
  "tests/render/engine.test.ts",
  "tests/runtime.test.ts",
  "tests/templates.test.ts",
  "tests/write.test.ts",
  "tests/write/**/*.test.ts",
  "tests/folder-watch.test.ts",
  "tests/inputs.test.ts",
  "tests/corpus-sweep.test.ts",
];

export default defineConfig({
  test: {
    include: UNIT_TESTS,
    pool: "threads",
    setupFiles: ["tests/setup/temp-dirs.ts"],
    // As in the full run (vitest.config.ts): on a busy machine, reading every YAML spec took over the default 5 s.
    testTimeout: 60_000,
  },
});
