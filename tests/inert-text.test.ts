// Spec text never becomes live code: one spec per field the generated code prints (title, defaults,
// server URLs and variables, descriptions, enum values, paths, names...), each holding text that
// ends a comment, string or docstring and calls a canary. Both SDKs must compile, import without
// the canary firing, and keep every operation (the fuzz harness does the checking).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FuzzSpec } from "./fuzz/arbitraries.js";
import { runFuzz } from "./fuzz/harness.js";
import { ROOT } from "./helpers/paths.js";

const TS = '*/ (globalThis as any).CANARY?.("ts"); /*';
const TS_STRING = '"; (globalThis as any).CANARY?.("ts-str"); "';
const PY = '"""; __import__("builtins").CANARY("py") #';
const PY_FSTRING = '{__import__("builtins").CANARY("py-f")}';

/** A small valid spec; `edit` puts the hostile text in one place. */
function spec(edit: (doc: any) => void): FuzzSpec {
  const doc: any = {
    openapi: "3.1.0",
    info: { title: "Inert", version: "1.0" },
    servers: [{ url: "https://api.example.com/{region}", variables: { region: { default: "eu", enum: ["eu", "us"] } } }],
    paths: {
      "/things/{id}": {
        get: {
          operationId: "getThing",
          tags: ["things"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
        },
      },
    },
    components: {
      schemas: {
        Thing: { type: "object", required: ["id"], properties: { id: { type: "string" }, cron: { type: "string" }, kind: { type: "string", enum: ["a", "b"] } } },
      },
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
    },
    security: [{ key: [] }],
  };
  edit(doc);
  return { doc, operations: Object.values(doc.paths).reduce((n: number, item: any) => n + Object.keys(item).length, 0) };
}

const thing = (doc: any) => doc.components.schemas.Thing;
const op = (doc: any) => doc.paths["/things/{id}"].get;

export const INERT_CASES: [string, FuzzSpec][] = [
  ["info.title (TS comment)", spec((d) => (d.info.title = TS))],
  ["info.title (Python docstring)", spec((d) => (d.info.title = PY))],
  ["info.title (package.json, pyproject.toml)", spec((d) => (d.info.title = '"\n[tool.x]\nname = "\\u0000'))],
  ["info.version", spec((d) => (d.info.version = `${TS_STRING}${PY}`))],
  ["a cron default", spec((d) => (thing(d).properties.cron.default = "*/15 * * * *"))],
  ["a glob default", spec((d) => (thing(d).properties.cron.default = "**/*.ts"))],
  ["a default that closes the comment", spec((d) => (thing(d).properties.cron.default = TS))],
  ["an object default", spec((d) => (thing(d).properties.cron = { type: "object", default: { k: TS, [PY]: 1 } }))],
  ["a server URL", spec((d) => (d.servers[0].url = `https://api.example.com/${TS}/${TS_STRING}/${PY}/{region}`))],
  ["a server-variable default and enum", spec((d) => (d.servers[0].variables.region = { default: TS_STRING, enum: [TS_STRING, PY], description: TS }))],
  ["a description with NUL and CR", spec((d) => (thing(d).description = "NUL\u0000 and\r a lone CR, \u2028 a line separator"))],
  [
    "descriptions everywhere",
    spec((d) => {
      thing(d).description = TS + PY;
      op(d).summary = PY;
      op(d).description = TS;
      d.info.description = TS;
    }),
  ],
  ["enum values", spec((d) => (thing(d).properties.kind.enum = [TS_STRING, PY, "'''", "\\", "${x}"]))],
  [
    "a path with backticks, $ and a lone f-string brace",
    spec((d) => {
      d.paths["/t`$x`/a}b\\c'\"/{id}"] = d.paths["/things/{id}"];
      delete d.paths["/things/{id}"];
    }),
  ],
  ["an f-string payload in a header parameter name", spec((d) => op(d).parameters.push({ name: PY_FSTRING, in: "header", schema: { type: "string" } }))],
  [
    "property and parameter names",
    spec((d) => {
      thing(d).properties[TS_STRING] = { type: "string" };
      op(d).parameters.push({ name: PY, in: "query", schema: { type: "string" } });
    }),
  ],
  ["a security scheme's header name and description", spec((d) => (d.components.securitySchemes.key = { type: "apiKey", in: "header", name: TS_STRING, description: PY }))],
  [
    "a response content type",
    spec((d) => {
      op(d).responses["200"].content = { [`application/json; x="${TS_STRING}"`]: { schema: { $ref: "#/components/schemas/Thing" } } };
    }),
  ],
  ["retry status codes", spec((d) => (d["x-speakeasy-retries"] = { strategy: "backoff", statusCodes: [TS_STRING, PY] }))],
];

describe("spec text stays text", () => {
  it(`${INERT_CASES.length} specs with hostile text in one field each: both SDKs compile and import with the canary silent`, async () => {
    const report = await runFuzz(
      INERT_CASES.map(([, s]) => s),
      join(ROOT, ".tmp", "inert-text"),
    );
    const named = report.failures.map((f) => f.replace(/spec-(\d+)|sdk(\d+)/g, (all, a, b) => `${all} (${INERT_CASES[Number(a ?? b)]?.[0]})`));
    expect(named).toEqual([]);
    expect(report.refusals).toEqual([]);
  }, 120_000);
});
