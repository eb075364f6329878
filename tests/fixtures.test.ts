// Per-feature fixture specs (tests/fixtures/<feature>/): one snapshot per emitted file, and each
// output type-checks under --strict and is prettier-clean.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { formatCheck } from "./helpers/format.js";
import { ROOT, listFiles } from "./helpers/paths.js";
import { tsc } from "./helpers/tsc.js";
import { writeOutput } from "../generator/write/write.js";

const FIXTURES = join(ROOT, "tests", "fixtures");
const fixtures = readdirSync(FIXTURES).sort();

describe.each(fixtures)("fixture %s", (name) => {
  const dir = join(FIXTURES, name);
  const spec = ["spec.yaml", "spec.json"].map((f) => join(dir, f)).find(existsSync)!;
  const snapshots = join(dir, "__snapshots__");

  it("matches its snapshots, one per emitted file, with none stale", async () => {
    // The changelog's date is the one input that is not the spec's: fixed, so snapshots keep.
    const [result] = await generateAll(spec, [{ name: "typescript", out: "", packageName: name, sdkClass: "SDK", version: "1.0.0" }], { date: "2026-01-01" });
    // Runtime files are the same for every spec and tested on their own: snapshot only what the spec shapes.
    const files = result.files.filter((f) => !isRuntime(f.path));
    for (const f of files) await expect(f.content).toMatchFileSnapshot(join(snapshots, f.path + ".snap"));
    // (A missing snapshot fails toMatchFileSnapshot under CI; a stale one, for a file no longer emitted, fails here.)
    const emitted = new Set(files.map((f) => f.path));
    const stale = listFiles(snapshots).filter((p) => !emitted.has(p.replace(/\.snap$/, "")));
    expect(stale, "stale snapshots: delete them, or the folder and run `npx vitest run -u`").toEqual([]);
  });

  it("type-checks under --strict and is prettier-clean", async () => {
    const [result] = await generateAll(spec, [{ name: "typescript", out: "", packageName: name, sdkClass: "SDK", version: "1.0.0" }]);
    const out = join(ROOT, ".tmp", "fixtures", name);
    rmSync(out, { recursive: true, force: true });
    writeOutput(out, result.files);
    const r = tsc(["-p", out, "--noEmit"]);
    expect(r.output).toBe("");
    expect(await formatCheck(result.files)).toEqual([]);
  });
});

function isRuntime(path: string): boolean {
  return /^src\/(lib\/(decode|encodings|retries|sdks|security|url)|types\/result|models\/errors\/(apierror|httpclienterrors|sdkerror))\.ts$/.test(path);
}
