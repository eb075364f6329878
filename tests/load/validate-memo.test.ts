// Under --watch the spec's data is shared between saves (json-delta.ts), and the $ref walk of
// validation remembers each shared subtree's refs (validate.ts subtreeRefs). What it reports must be
// what a walk of the whole document reports: every place of a ref that does not resolve, nesting
// too deep, files reached through $refs, before and after edits.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics.js";
import { loadSpec } from "../../generator/load/index.js";
import { SourceReads } from "../../generator/load/source-reads.js";
import { tempDir } from "../helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

type Doc = Record<string, any>;
const op = (ref: string) => ({ responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } } });
const nested = (depth: number): unknown => (depth === 0 ? { type: "string" } : { type: "object", properties: { a: nested(depth - 1) } });

/** What loading reports: the diagnostics of a refusal, or the files read (in order) and the warnings. */
function outcome(spec: string, reads?: SourceReads): unknown {
  try {
    const loaded = loadSpec(spec, [], reads);
    return { files: loaded.resolver.sources.map((f) => f.path), warnings: loaded.warnings };
  } catch (e) {
    if (e instanceof SpecError) return { errors: e.diagnostics };
    throw e;
  }
}

describe("validation of a spec read from the last read gives what validating it whole gives", () => {
  const base = (): Doc => ({
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/a": { get: op("#/components/schemas/A") },
      "/b": { get: op("other.json#/B"), post: op("#/components/schemas/A") },
      "/c": { get: op("#/components/schemas/C") },
    },
    components: { schemas: { A: { type: "object", properties: { c: { $ref: "#/components/schemas/C" } } }, C: { type: "string" } } },
  });
  const edits: [string, (d: Doc) => void][] = [
    ["a description", (d) => (d.paths["/a"].get.description = "edited")],
    [
      "a ref that resolves nowhere, in two places of one path item",
      (d) => {
        d.paths["/b"].post = op("#/components/schemas/Missing");
        d.paths["/b"].put = op("#/components/schemas/Missing");
      },
    ],
    ["the same ref fixed in one place only", (d) => (d.paths["/b"].post = op("#/components/schemas/A"))],
    ["a component the paths refer to removed", (d) => delete d.components.schemas.C],
    ["the component back", (d) => (d.components.schemas.C = { type: "string" })],
    ["nesting too deep in a component", (d) => (d.components.schemas.Deep = nested(300))],
    ["the nesting made shallow", (d) => (d.components.schemas.Deep = nested(3))],
    ["an example nesting too deep (it counts, though its refs are data)", (d) => (d.components.schemas.C.example = nested(300))],
    ["the example gone", (d) => delete d.components.schemas.C.example],
    ["a second file's ref added elsewhere", (d) => (d.paths["/c"].post = op("other.json#/B2"))],
  ];

  it("after each of a series of edits", () => {
    dir = tempDir();
    const spec = join(dir, "spec.json");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ B: { type: "integer" }, B2: { $ref: "#/B" } }));
    const doc = base();
    const reads = new SourceReads(true);
    writeFileSync(spec, JSON.stringify(doc));
    expect(outcome(spec, reads)).toEqual(outcome(spec));
    let refused = 0;
    for (const [, edit] of edits) {
      edit(doc);
      writeFileSync(spec, JSON.stringify(doc));
      const fresh = outcome(spec);
      if ((fresh as { errors?: unknown }).errors) refused++;
      expect(outcome(spec, reads)).toEqual(fresh);
      // Read again, unchanged: every subtree's refs now remembered.
      expect(outcome(spec, reads)).toEqual(fresh);
    }
    // The series has refusals of each kind to compare, not only specs that load.
    expect(refused).toBeGreaterThanOrEqual(4);
  });
});
