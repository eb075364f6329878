// The Target contract: a third language is one object added to a registry. A toy target that emits one
// file goes through the same pipeline as TypeScript and Python (config, plan, surface, release,
// emit, format, write, diff) without any of that code naming it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config.js";
import { diffSpecs } from "../../generator/diff.js";
import { generateAll } from "../../generator/generate.js";
import { writeOutput } from "../../generator/write/write.js";
import { apiSurface } from "../../generator/release/surface.js";
import { TARGETS } from "../../generator/targets/registry.js";
import type { PlanBase, Target } from "../../generator/targets/target.js";
import { SPEC, tempDir } from "../helpers/paths.js";

const toy: Target<PlanBase> = {
  name: "toy",
  keywords: new Set(["reserved"]),
  typeRules: { members: (t) => [t], containers: [], widenings: [] },
  settingProblem: (key, value) => (value === "reserved" ? `"${value}" is a toy keyword (${key})` : undefined),
  packageNameFrom: (stem) => stem,
  plan: (api, o) => ({ api, sdkClass: o.sdkClass, packageName: o.packageName, version: o.version, modelList: [], groups: [], clientVar: "toy", idempotencyHeader: null, tests: null }),
  surface: (p) => ({
    target: "toy",
    ...apiSurface(p.api),
    methods: Object.fromEntries(
      p.api.operations.map((op) => [
        `toy.${op.operationId}`,
        { operationId: op.operationId, http: `${op.httpMethod} ${op.path}`, args: [], returns: "", errors: [], sends: [], receives: [], link: "OPERATIONS.txt" },
      ]),
    ),
    models: {},
    security: {},
  }),
  emit: async (p, version) => ({
    files: [{ path: "OPERATIONS.txt", content: `${p.packageName} ${version}\n${p.api.operations.map((op) => op.operationId).join("\n")}\n` }],
    samples: p.api.operations.map((op) => ({ operationId: op.operationId, pointer: op.source, lang: "text", label: "Toy", source: `toy ${op.operationId}` })),
    preformatted: new Set(),
    formatHints: new Set(),
  }),
  // The toy language's formatter writes everything in upper case.
  format: async (emitted) => {
    for (const f of emitted.files) f.content = f.content.toUpperCase();
  },
};
const registry = [...TARGETS, toy];

function configIn(dir: string): string {
  const path = join(dir, "specsmith.yaml");
  writeFileSync(path, `spec: ${SPEC}\ntargets:\n  toy:\n    out: out/toy\n    packageName: toy-sdk\n    sdkClass: Toy\n    version: 1.0.0\n`);
  return path;
}

describe("a toy third target, added through the registry alone", () => {
  it("is configured, planned, released, emitted, formatted and written like the others", async () => {
    const dir = tempDir();
    const config = loadConfig(configIn(dir), registry);
    expect(config.targets.map((t) => t.name)).toEqual(["toy"]);
    const results = await generateAll(config.spec, config.targets, { registry, date: "2026-01-01" });
    for (const r of results) writeOutput(r.target.out, r.files);
    const out = join(dir, "out", "toy");
    expect(readFileSync(join(out, "OPERATIONS.txt"), "utf8")).toBe("TOY-SDK 1.0.0\nCREATEACTORTOKEN\nREVOKEACTORTOKEN\n");
    const lock = JSON.parse(readFileSync(join(out, ".specsmith", "lock.json"), "utf8")) as { target: string; surface: { methods: Record<string, unknown> } };
    expect(lock.target).toBe("toy");
    expect(Object.keys(lock.surface.methods)).toEqual(["toy.CreateActorToken", "toy.RevokeActorToken"]);
    expect(results[0].samples?.map((s) => s.label)).toEqual(["Toy", "Toy"]);
  });

  it("checks its settings with its own rules, and is unknown to a registry without it", () => {
    const dir = tempDir();
    const path = configIn(dir);
    writeFileSync(path, readFileSync(path, "utf8").replace("sdkClass: Toy", "sdkClass: reserved"));
    expect(() => loadConfig(path, registry)).toThrow(/toy keyword/);
    expect(() => loadConfig(configIn(tempDir()))).toThrow(/unknown target "toy"/);
  });

  it("takes part in `diff` with its own type rules", () => {
    const changes = diffSpecs(SPEC, SPEC, [{ name: "toy", packageName: "toy", sdkClass: "Toy", version: "1.0.0" }], [], registry);
    expect(changes).toEqual([{ target: "toy", bump: "none", changes: [] }]);
  });
});
