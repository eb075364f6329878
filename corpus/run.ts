/**
 * `npm run corpus [-- N [FROM]]`: the 100-spec sample (or N specs of the same seeded shuffle from
 * position FROM: `-- 300 100` checks the 300 after the sample), each generated (both targets),
 * type-checked, link-checked and imported in Python; prints a table.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSpec, table } from "./check.js";
import { ensureDirectory, sample } from "./sample.js";
import { ensureVenv } from "../tests/helpers/python.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const n = Number(process.argv[2] ?? 100);
const from = Number(process.argv[3] ?? 0);
const api = ensureDirectory(join(root, ".corpus"));
ensureVenv();
const rows = [];
for (const s of sample(api, from + n).slice(from)) {
  const row = await checkSpec(s.name, s.path, join(root, ".corpus", "out", s.name), root);
  process.stderr.write(`${row.generated ? (row.typeErrors || row.brokenLinks || row.notPrettier || row.pythonErrors.length ? "!" : ".") : "x"} ${s.name} (${Math.round(row.ms)} ms)\n`);
  rows.push(row);
}
process.stdout.write(table(rows) + "\n");
