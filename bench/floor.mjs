// The floor: the least any generator must do for the same output. Reads and parses the spec, then
// writes as many files of the same sizes as specsmith emitted (listed in the manifest argument).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [spec, out, manifest] = process.argv.slice(2);
JSON.parse(readFileSync(spec, "utf8"));
const files = JSON.parse(readFileSync(manifest, "utf8"));
const made = new Set();
for (const [path, size] of files) {
  const p = join(out, path);
  const d = dirname(p);
  if (!made.has(d)) {
    mkdirSync(d, { recursive: true });
    made.add(d);
  }
  writeFileSync(p, "x".repeat(size));
}
