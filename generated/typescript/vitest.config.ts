import { defineConfig } from "vitest/config";

// The generated tests (tests/*.test.ts) against one `specsmith mock` server (tests/setup.ts). They
// keep no state between files, so the files share one module graph: each imports the whole SDK,
// which is then loaded once, not once per file.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup.ts"],
    pool: "threads",
    isolate: false,
  },
});
