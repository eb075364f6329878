// npm run fuzz -- [--runs N] [--seed S] [--batch B]: the long fuzz run (CI runs a fixed seed, see
// tests/fuzz.test.ts). Generates N hostile specs in batches and checks each batch's SDKs.
import fc from "fast-check";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { specArbitrary } from "../tests/fuzz/arbitraries.js";
import { runFuzz } from "../tests/fuzz/harness.js";
import { ROOT } from "../tests/helpers/paths.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, seed: { type: "string" }, batch: { type: "string", default: "25" } } });
const runs = Number(values.runs);
const batch = Number(values.batch);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const started = Date.now();
let failures = 0;
let refused = 0;
for (let done = 0; done < runs; done += batch) {
  const specs = fc.sample(specArbitrary, { seed: seed + done, numRuns: Math.min(batch, runs - done) });
  const report = await runFuzz(specs, join(ROOT, ".tmp", "fuzz-long"));
  refused += report.refused;
  failures += report.failures.length;
  for (const f of report.failures) console.log(`seed ${seed + done}: ${f}`);
  if (process.env.FUZZ_VERBOSE) for (const r of report.refusals) console.log(`refused: ${r}`);
  console.log(`${Math.min(done + batch, runs)}/${runs} specs (seed ${seed}), ${refused} refused with diagnostics, ${failures} failures, ${Math.round((Date.now() - started) / 1000)} s`);
  if (report.failures.length) console.log(`keep the failing batch: .tmp/fuzz-long (seed ${seed + done})`);
  if (report.failures.length) break;
}
process.exitCode = failures ? 1 : 0;
