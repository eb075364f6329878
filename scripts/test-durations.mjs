// Rewrites tests/setup/durations.json (read by tests/setup/sequencer.ts) from a vitest JSON report:
//   npx vitest run --reporter=json --outputFile=.tmp/report.json && npm run test:durations -- .tmp/report.json
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const report = JSON.parse(readFileSync(process.argv[2] ?? join(root, ".tmp", "report.json"), "utf8"));
const durations = Object.fromEntries(
  report.testResults
    .map((t) => [relative(root, t.name).split("\\").join("/"), Math.round((t.endTime - t.startTime) / 1000)])
    .filter(([, s]) => s >= 1)
    .sort((a, b) => b[1] - a[1]),
);
writeFileSync(join(root, "tests", "setup", "durations.json"), JSON.stringify(durations, null, 2) + "\n");
console.log(`tests/setup/durations.json: ${Object.keys(durations).length} files`);
