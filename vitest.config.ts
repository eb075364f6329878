import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tsc-heavy suites share the two cores better one file at a time per worker.
    pool: "forks",
  },
});
