/**
 * Runs the slowest test files first, by the durations last measured (tests/setup/durations.json,
 * rewritten by `npm run test:durations` from a run's JSON report). Without it a fresh clone (CI) has
 * no vitest cache and runs the biggest files first, which are not the slow ones: the GitHub and Stripe
 * suites are a few lines each, so they started last and ran on alone for minutes.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const DURATIONS: Record<string, number> = JSON.parse(readFileSync(join(import.meta.dirname, "durations.json"), "utf8"));

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (f: TestSpecification) => DURATIONS[relative(f.project.config.root, f.moduleId).split("\\").join("/")] ?? 0;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
