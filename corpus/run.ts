/**
 * `npm run corpus [-- N [FROM]]`: the 100-spec sample (or N specs of the same seeded shuffle from
 * position FROM: `-- 300 100` checks the 300 after the sample), each generated (both targets),
 * type-checked, link-checked and imported in Python; prints a table.
 * `npm run corpus -- --generate-only [N [FROM]]`: every spec of the directory (or N from FROM),
 * generated only, in memory (sweep.ts): which ones specsmith refuses, and which crash it.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSpec, table } from "./check.js";
import { ensureDirectory, sample } from "./sample.js";
import { sweepReport, sweepSpec, type Outcome } from "./sweep.js";
import { ensureVenv } from "../tests/helpers/python.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const generateOnly = process.argv.includes("--generate-only");
const [count, start] = process.argv.slice(2).filter((a) => a !== "--generate-only");
const n = Number(count ?? (generateOnly ? Infinity : 100));
const from = Number(start ?? 0);
const api = ensureDirectory(join(root, ".corpus"));
const specs = sample(api, from + n).slice(from);
if (generateOnly) {
  const outcomes: Outcome[] = [];
  for (const s of specs) {
    const o = await sweepSpec(s.name, s.path, join(root, ".corpus", "out", s.name));
    process.stderr.write(`${o.kind === "generated" ? "." : o.kind === "refused" ? "r" : "X"} ${s.name} (${o.ms} ms)\n`);
    outcomes.push(o);
  }
  process.stdout.write(sweepReport(outcomes) + "\n");
} else {
  ensureVenv();
  const rows = [];
  for (const s of specs) {
    const row = await checkSpec(s.name, s.path, join(root, ".corpus", "out", s.name), root);
    process.stderr.write(`${row.generated ? (row.typeErrors || row.brokenLinks || row.notPrettier || row.pythonErrors.length ? "!" : ".") : "x"} ${s.name} (${Math.round(row.ms)} ms)\n`);
    rows.push(row);
  }
  process.stdout.write(table(rows) + "\n");
}
