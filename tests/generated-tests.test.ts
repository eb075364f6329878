/**
 * An SDK generated with `tests: true` ships its own tests: a test per operation (its docs example,
 * sync and async in Python) and per declared error, run by the SDK's own runner (vitest, pytest)
 * against `specsmith mock`. The committed SDKs' tests pass; `generate --test` runs them after writing
 * and fails naming the operations; the whole Clerk API's tests pass in both languages.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPythonTests } from "../generator/targets/python/run-tests.js";
import { runTypeScriptTests } from "../generator/targets/typescript/run-tests.js";
import { BIN, GENERATED_PY, GENERATED_TS, ROOT, SHARED, tempDir } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";
import { specsmith } from "./helpers/cli.js";
import { tsc } from "./helpers/tsc.js";

process.env.PYTHON = PYTHON;

/** A config for both targets with tests, in a fresh folder whose TypeScript SDK resolves vitest (as after npm install). */
function project(spec: string): string {
  const dir = tempDir("specsmith-gen-tests-");
  mkdirSync(join(dir, "ts"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "ts", "node_modules"), "dir");
  const target = (name: string, pkg: string) => `  ${name}:\n    out: ${name === "typescript" ? "ts" : "py"}\n    packageName: ${pkg}\n    sdkClass: Pets\n    tests: true\n`;
  writeFileSync(join(dir, "specsmith.yaml"), `spec: ${spec}\ntargets:\n${target("typescript", "pets")}${target("python", "pets")}`);
  return dir;
}

const PETS = (required: string) => `openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
servers: [{url: https://pets.example.com}]
security: [{key: []}]
paths:
  /pets:
    post:
      operationId: createPet
      tags: [pets]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [${required}]
              properties:
                name: {type: string}
                kind: {type: string, enum: [dog, cat]}
              example: {name: Rex}
      responses:
        "201": {description: made, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
        "409": {description: taken, content: {application/json: {schema: {$ref: "#/components/schemas/Taken"}}}}
    get:
      operationId: listPets
      tags: [pets]
      parameters: [{name: limit, in: query, schema: {type: integer, example: 10}}]
      responses:
        "200": {description: pets, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  schemas:
    Pet: {type: object, required: [id, name], properties: {id: {type: string, example: p1}, name: {type: string}}}
    Taken: {type: object, properties: {message: {type: string}}}
`;

describe("the committed SDKs' generated tests (spec/specsmith.yaml has tests: true)", () => {
  it("TypeScript: vitest in generated/typescript, a test per operation and per declared error, all pass", async () => {
    const run = await runTypeScriptTests(GENERATED_TS, BIN);
    expect(run).toEqual({ total: 4, failed: [] });
    expect(JSON.parse(readFileSync(join(GENERATED_TS, "package.json"), "utf8")).scripts.test).toBe("vitest run");
  });

  it("TypeScript: the test files type-check under --strict with the SDK", () => {
    const config = join(GENERATED_TS, "tsconfig.tests.json");
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: ".", types: ["node"] }, include: ["src", "tests", "vitest.config.ts"] }));
    try {
      const r = tsc(["-p", config]);
      expect(r.output).toBe("");
      expect(r.code).toBe(0);
    } finally {
      rmSync(config, { force: true });
    }
  });

  it("Python: pytest in generated/python, sync and async tests per operation and one per declared error, all pass", async () => {
    const run = await runPythonTests(GENERATED_PY, BIN);
    expect(run).toEqual({ total: 6, failed: [] });
    expect(readFileSync(join(GENERATED_PY, "pyproject.toml"), "utf8")).toContain('[dependency-groups]\ndev = [\n    "pytest >=8",');
  });
});

describe("generate --test", () => {
  it("passes when the tests do, and names the operation whose spec example went stale (exit 5)", () => {
    const dir = project("spec.yaml");
    writeFileSync(join(dir, "spec.yaml"), PETS("name"));
    const ok = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir, { timeoutMs: 240_000, env: { PYTHON } });
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("specsmith: typescript: 3 tests passed");
    expect(ok.stdout).toContain("specsmith: python: 5 tests passed");
    expect(ok.code).toBe(0);
    // A required field added, the example not updated.
    writeFileSync(join(dir, "spec.yaml"), PETS("name, kind"));
    const stale = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir, { timeoutMs: 240_000, env: { PYTHON } });
    expect(stale.code).toBe(5);
    expect(stale.stderr).toContain("the spec's examples: 1 no longer fit their schemas, of 1 operation(s): createPet");
    expect(stale.stderr).toContain("createPet: the example of the request body (CreatePetRequestBody): /kind is required");
    // The SDKs' own calls fill the gap: their tests still pass.
    expect(stale.stdout).toContain("specsmith: python: 5 tests passed");
    expect(stale.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);

  it("names each failing test's operation when the SDK gets an answer wrong", () => {
    const dir = project("spec.yaml");
    writeFileSync(join(dir, "spec.yaml"), PETS("name"));
    expect(specsmith(["generate", "--config", "specsmith.yaml"], dir, { timeoutMs: 240_000 }).code).toBe(0);
    // A hand edit that asks for an answer the operation does not declare: the SDK must throw, the test expects a value.
    const file = join(dir, "ts", "tests", "pets.test.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("const result = await clientOn().pets.listPets(", 'const result = await clientOn("code=503").pets.listPets('));
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir, { timeoutMs: 240_000, env: { PYTHON } });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("typescript: 1 of 3 tests failed, of 1 operation(s): listPets");
    expect(r.stderr).toMatch(/tests\/pets\.test\.ts > Pets > listPets: .*503/);
    // The edit is the user's: kept through the regeneration.
    expect(readFileSync(file, "utf8")).toContain('clientOn("code=503")');
  }, 300_000);

  it("an OAuth2 client-credentials API: the SDKs fetch their token from the mock's token URL, then call", () => {
    const dir = project("spec.yaml");
    // The fixture's spec with client credentials alone (beside a bearer token, the docs' example uses the token).
    const fixture = readFileSync(join(ROOT, "tests", "fixtures", "oauth2-client-credentials", "spec.yaml"), "utf8");
    writeFileSync(join(dir, "spec.yaml"), fixture.replace("  - token: []\n", "").replace("    token: { type: http, scheme: bearer }\n", ""));
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir, { timeoutMs: 240_000, env: { PYTHON } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/specsmith: typescript: \d+ tests passed/);
    expect(r.stdout).toMatch(/specsmith: python: \d+ tests passed/);
    expect(r.code).toBe(0);
  }, 300_000);

  it("without a target that generates tests, says how to get them (exit 2)", () => {
    const dir = tempDir("specsmith-gen-tests-none-");
    writeFileSync(join(dir, "spec.yaml"), PETS("name"));
    writeFileSync(join(dir, "specsmith.yaml"), "spec: spec.yaml\ntargets:\n  typescript:\n    out: ts\n    packageName: pets\n    sdkClass: Pets\n");
    const none = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("set `tests: true` under targets.typescript");
  });
});

describe("the whole Clerk API", () => {
  it("both SDKs' generated tests pass against the mock: every operation, every declared error", () => {
    const dir = project(join(SHARED, "specs", "clerk-bapi.yaml"));
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--test"], dir, { timeoutMs: 480_000, env: { PYTHON } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/specsmith: typescript: (\d{3}) tests passed/);
    expect(r.stdout).toMatch(/specsmith: python: (\d{3}) tests passed/);
    expect(r.code).toBe(0);
  }, 600_000);
});
