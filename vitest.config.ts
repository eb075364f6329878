import { defineConfig } from "vitest/config";
import SlowestFirst from "./tests/setup/sequencer.js";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The Python SDKs' dependencies, installed into .tmp/venv before the suites run.
    globalSetup: ["tests/setup/python-venv.ts"],
    // Each file's temporary folders, removed once its tests end.
    setupFiles: ["tests/setup/temp-dirs.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tsc-heavy suites share the two cores better one file at a time per worker.
    pool: "forks",
    // vitest's default is one worker less than the cores: one worker on a 2-core machine, every file in
    // turn. Most suites wait on child processes (tsc, mypy, Python, a browser) much of the time, so
    // three workers keep both cores busy.
    maxWorkers: 3,
    // A worker runs file after file with the modules it already loaded (the generator, prettier, the
    // helpers): about a second of imports saved per file. No suite mocks modules or changes process
    // state, so nothing leaks from one file into the next.
    isolate: false,
    // The slowest files first (measured durations), so that no long suite starts last.
    sequence: { sequencer: SlowestFirst },
  },
});
