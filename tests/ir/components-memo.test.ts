// --watch keeps the component schemas' models from one save to the next while `components` is the
// same object (components-memo.ts). Whatever the edit, the IR must be the one a fresh build makes,
// byte for byte as JSON (models, their order, names, warnings, operations).
import { rmSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadApi } from "../../generator/api.js";
import { SpecError } from "../../generator/diagnostics.js";
import { ComponentsMemo } from "../../generator/ir/components-memo.js";
import { SourceReads } from "../../generator/load/source-reads.js";
import { applyEdit, editSamples } from "../fuzz/edits.js";
import { operations, type Obj } from "../helpers/spec-edits.js";
import { SHARED, tempDir } from "../helpers/paths.js";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPECS = [
  ["the Speakeasy test suite", join(SHARED, "specs/features/speakeasy-test-suite.pagination-sse.openapi.yaml"), 20261207, 40],
  ["OpenAI's API", join(SHARED, "specs/real-world/openai.json"), 1207, 25],
  ["Clerk's Backend API", join(SHARED, "specs/clerk-bapi.yaml"), 7, 25],
  // Saved as YAML: read whole each time, sharing with the last read what is equal (json-delta.ts shared).
  ["Clerk's Backend API, as YAML", join(SHARED, "specs/clerk-bapi.yaml"), 8, 15],
] as const;

/** The IR as JSON, or the diagnostics of a refusal. */
function built(spec: string, held: Obj | undefined, state?: { reads: SourceReads; memo: ComponentsMemo }): string {
  try {
    return JSON.stringify(loadApi(spec, [], undefined, held, state?.reads, state?.memo).api);
  } catch (e) {
    if (e instanceof SpecError) return JSON.stringify(e.diagnostics);
    throw e;
  }
}

describe.each(SPECS)("%s: a build with the last save's components is a fresh build", (name, source, seed, count) => {
  it(`after ${count} random edits and as many edits of operations alone`, () => {
    const doc = (source.endsWith(".json") ? JSON.parse(readFileSync(source, "utf8")) : parse(readFileSync(source, "utf8"))) as Obj;
    const yaml = name.endsWith("as YAML");
    const spec = join(dir, `${seed}.${yaml ? "yaml" : "json"}`);
    const text = () => (yaml ? stringify(doc) : JSON.stringify(doc));
    const state = { reads: new SourceReads(true), memo: new ComponentsMemo() };
    writeFileSync(spec, text());
    // The names the first generation gave, held from then on (as its lock holds them).
    const held = JSON.parse(built(spec, undefined)).names as Obj;
    expect(built(spec, held, state)).toBe(built(spec, held));
    let recalled = 0;
    const samples = editSamples(seed, count);
    for (let i = 0; i < count * 2; i++) {
      if (i % 2 === 0) applyEdit(doc, samples[i / 2]);
      else operations(doc)[i % operations(doc).length].description = `Edited ${i}.`;
      writeFileSync(spec, text());
      // The held names as two targets' locks give them: the same names, merged into a new object each run.
      expect(built(spec, structuredClone(held), state)).toBe(built(spec, held));
      if (state.memo.lastBuild === "recalled") recalled++;
    }
    // Half the edits touch operations alone: their builds take the components from the memo.
    expect(recalled).toBeGreaterThanOrEqual(count * 0.8);
  }, 120_000);
});

describe("what a kept build must not outlive", () => {
  const base = (): Obj => ({
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/pets": {
        post: {
          operationId: "createPet",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
            "400": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } },
          },
        },
        get: {
          operationId: "listPets",
          responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { kind: { type: "string", enum: ["a", "b"] } } } } } } },
        },
      },
    },
    components: {
      schemas: {
        Pet: { type: "object", properties: { name: { type: "string" }, status: { type: "string", enum: ["x", "y"] } } },
        Problem: { type: "object", properties: { message: { type: "string" } } },
      },
    },
  });
  // A component that is an operation's inline schema, by reference.
  const listed = (d: Obj) => (d.components.schemas.Listed = { $ref: "#/paths/~1pets/get/responses/200/content/application~1json/schema" });
  const cases: [string, (d: Obj) => void, (held: Obj) => Obj, ((d: Obj) => void)?][] = [
    [
      "a schema a component refers to, in an operation, edited",
      (d) => (d.paths["/pets"].get.responses["200"].content["application/json"].schema.properties.extra = { type: "integer" }),
      (h) => h,
      listed,
    ],
    ["an operation's body removed: the component is no longer sent (usage is not kept from the last build)", (d) => delete d.paths["/pets"].post.requestBody, (h) => h],
    ["an error response removed: its schema is no error model any more (the last build's passes left nothing on it)", (d) => delete d.paths["/pets"].post.responses["400"], (h) => h],
    [
      "other names held (a new lock: Pet2 for Pet) for the same components",
      (d) => (d.paths["/pets"].get.description = "x"),
      (h) => ({ ...h, models: Object.fromEntries(Object.entries(h.models as Obj).map(([name, key]) => [`${name}2`, key])) }),
    ],
  ];
  it.each(cases)("%s", (_what, edit, names, before) => {
    const doc = base();
    before?.(doc);
    const spec = join(dir, "kept.json");
    const state = { reads: new SourceReads(true), memo: new ComponentsMemo() };
    writeFileSync(spec, JSON.stringify(doc));
    const held = JSON.parse(built(spec, undefined)).names as Obj;
    expect(built(spec, held, state)).toBe(built(spec, held));
    // Again, unchanged: the components are taken from the memo when nothing they read is outside them.
    expect(built(spec, held, state)).toBe(built(spec, held));
    edit(doc);
    writeFileSync(spec, JSON.stringify(doc));
    const now = names(held);
    expect(built(spec, now, state)).toBe(built(spec, now));
  });
});
