/**
 * The code-samples overlay: applied to the spec it describes, it gives a valid OpenAPI document in
 * which every operation carries x-codeSamples with the TypeScript and Python snippets of our docs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizedPath } from "../generator/docs/code-samples.js";
import { loadSpec } from "../generator/load/index.js";
import { specsmith } from "./helpers/cli.js";
import { CONFIG, GENERATED_PY, GENERATED_TS, ROOT, SHARED, SPEC, read, tempDir } from "./helpers/paths.js";

type Obj = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Each operation of the overlaid spec and its x-codeSamples, after validation. */
function overlaid(spec: string, overlay: string): { key: string; samples: { lang: string; label: string; source: string }[] }[] {
  const loaded = loadSpec(spec, [overlay]);
  expect(loaded.warnings.filter((w) => w.severity === "error")).toEqual([]);
  const paths = (loaded.resolver.root.data as Obj).paths as Obj;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item as Obj)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, samples: (op as Obj)["x-codeSamples"] })),
  );
}

describe("code-samples overlay", () => {
  const OVERLAY = join(ROOT, "generated", "code-samples.overlay.yaml");

  it("is written where the config says, and applies to the spec: every operation gets both SDKs' snippets, as the docs show them", () => {
    expect(read(CONFIG)).toContain("codeSamples: ../generated/code-samples.overlay.yaml");
    const ops = overlaid(SPEC, OVERLAY);
    expect(ops.map((o) => o.key)).toEqual(["POST /actor_tokens", "POST /actor_tokens/{actor_token_id}/revoke"]);
    const tsPage = read(join(GENERATED_TS, "docs/sdks/actortokens/README.md"));
    const pyPage = read(join(GENERATED_PY, "docs/sdks/actortokens/README.md"));
    for (const op of ops) {
      expect(op.samples.map((s) => [s.lang, s.label])).toEqual([
        ["typescript", "TypeScript"],
        ["python", "Python"],
      ]);
      expect(tsPage).toContain("```typescript\n" + op.samples[0].source + "\n```");
      // (Python blocks end with a blank line, as on Speakeasy's pages.)
      expect(pyPage).toContain("```python\n" + op.samples[1].source + "\n\n```");
    }
  });

  it("covers every operation of the whole Clerk API, and the overlaid spec is valid", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "specsmith.yaml"),
      `spec: ${join(SHARED, "specs", "clerk-bapi.yaml")}\ncodeSamples: samples.yaml\ntargets:\n  typescript:\n    out: ts\n    packageName: clerk\n    sdkClass: Clerk\n  python:\n    out: py\n    packageName: clerk\n    sdkClass: Clerk\n`,
    );
    const r = specsmith(["generate", "--config", "specsmith.yaml"], dir, { timeoutMs: 240_000 });
    expect(r.code).toBe(0);
    const ops = overlaid(join(SHARED, "specs", "clerk-bapi.yaml"), join(dir, "samples.yaml"));
    expect(ops).toHaveLength(249);
    expect(ops.filter((o) => o.samples?.length !== 2)).toEqual([]);
    // One target alone leaves the overlay as it is (it would lose the other's snippets).
    const before = readFileSync(join(dir, "samples.yaml"), "utf8");
    writeFileSync(join(dir, "samples.yaml"), before + "# kept\n");
    expect(specsmith(["generate", "--config", "specsmith.yaml", "--target", "python"], dir, { timeoutMs: 240_000 }).code).toBe(0);
    expect(readFileSync(join(dir, "samples.yaml"), "utf8")).toBe(before + "# kept\n");
    // A drifted overlay is a difference for --check.
    const check = specsmith(["generate", "--config", "specsmith.yaml", "--check"], dir, { timeoutMs: 240_000 });
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(`changed: ${join(dir, "samples.yaml")}`);
  }, 300_000);

  it("may not be written inside an SDK's folder", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "specsmith.yaml"), `spec: ${SPEC}\ncodeSamples: ts/samples.yaml\ntargets:\n  typescript:\n    out: ts\n    packageName: clerk\n    sdkClass: Clerk\n`);
    const r = specsmith(["generate", "--config", "specsmith.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specsmith\.yaml:2:\d+: error: the code-samples overlay would be written inside the typescript target's folder/);
  });

  it.each([
    [["paths", "/users/{id}", "get"], "$['paths']['/users/{id}']['get']"],
    [["paths", "/o'brien", "get"], "$['paths']['/o\\'brien']['get']"],
    [["paths", "/a\\b", "get"], "$['paths']['/a\\\\b']['get']"],
    [["paths", "/x\ny\u0001", "get"], "$['paths']['/x\\ny\\u0001']['get']"],
  ])("the target of %j is the normalized path %s", (segments, want) => {
    expect(normalizedPath(segments)).toBe(want);
  });
});
