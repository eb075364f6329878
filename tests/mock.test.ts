// `specsmith mock`: the spec's operations served on 127.0.0.1 from its examples, each request checked.
// The docs' usage examples of both committed SDKs run against it, changed only in the server URL;
// requests that do not match get the status and problem document that say why; no request crashes it.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../generator/mock/server.js";
import { finished, startSpecsmith } from "./helpers/cli.js";
import { apiOf } from "./helpers/doc.js";
import { GENERATED_PY, GENERATED_TS, ROOT, tempDir } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";

/** The usage snippets of a docs page, in a language. */
const snippets = (page: string, lang: string) => [...readFileSync(page, "utf8").matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);

describe("specsmith mock spec/clerk-actor-tokens.yaml", () => {
  let url = "";
  let log = "";
  const child = startSpecsmith(["mock", "spec/clerk-actor-tokens.yaml", "--port", "0"]);
  const done = finished(child);
  const dir = tempDir("specsmith-mock-");

  beforeAll(async () => {
    child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    for (let i = 0; i < 300 && !/ at http:\/\/127\.0\.0\.1:\d+ /.test(log); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log).toMatch(/mock server for Clerk Backend API \(2 operations\) at http:\/\/127\.0\.0\.1:\d+ \(Ctrl-C to stop\)/);
    url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)![1];
  }, 40_000);
  afterAll(async () => {
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the TypeScript docs' examples, each changed only by the server URL", () => {
    // The package's name resolves to the committed SDK (tsconfig paths, as an installed package would).
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { paths: { "clerk-backend-api": [join(GENERATED_TS, "src/index.ts")], "clerk-backend-api/*": [join(GENERATED_TS, "src/*")] } } }),
    );
    const examples = snippets(join(GENERATED_TS, "docs/sdks/actortokens/README.md"), "typescript").filter((s) => s.includes("new Clerk("));
    expect(examples).toHaveLength(2);
    for (const [i, example] of examples.entries()) {
      const file = join(dir, `example${i}.ts`);
      writeFileSync(file, example.replace("new Clerk({", `new Clerk({\n  serverURL: ${JSON.stringify(url)},`));
      const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [file], { cwd: dir, encoding: "utf8", timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      // The SDK checked the mock's answer against the spec as it decoded it.
      expect(r.stdout).toMatch(/actor_tok_1a2b3c|actorTokenId|id: '/);
    }
  });

  it("serves the Python docs' examples, each changed only by the server URL", () => {
    const examples = snippets(join(GENERATED_PY, "docs/sdks/actortokens/README.md"), "python").filter((s) => s.includes("Clerk("));
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const code = example.replace("Clerk(", `Clerk(\n    server_url=${JSON.stringify(url)},`);
      const r = spawnSync(PYTHON, ["-c", code], { encoding: "utf8", env: { ...process.env, PYTHONPATH: join(GENERATED_PY, "src") }, timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("actor_tok_1a2b3c");
    }
  });

  it("logs each request on one line", async () => {
    await expect.poll(() => log).toMatch(/^POST \/actor_tokens → 200 CreateActorToken \(\d+ ms\)$/m);
    expect(log).toMatch(/^POST \/actor_tokens\/act_tok_abcdefghijk\/revoke → 200 RevokeActorToken \(\d+ ms\)$/m);
  });
});

describe("the mock server's checks (in process)", () => {
  const api = apiOf({
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
      schemas: {
        Pet: { type: "object", required: ["name", "kind"], properties: { name: { type: "string", example: "Rex" }, kind: { type: "string", enum: ["dog", "cat"] }, age: { type: "integer" } } },
      },
    },
    paths: {
      "/pets": {
        post: {
          operationId: "createPet",
          parameters: [{ name: "dry", in: "query", required: true, schema: { type: "boolean" } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          responses: { "201": { description: "made", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
        },
      },
      "/events": {
        get: {
          operationId: "streamEvents",
          security: [],
          responses: {
            "200": { description: "events", content: { "text/event-stream": { "x-speakeasy-sse-sentinel": "[DONE]", schema: { type: "object", properties: { n: { type: "integer" } } } } } },
          },
        },
      },
    },
  });
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createMockServer(api);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const key = { "x-key": "k" };
  const json = { "content-type": "application/json" };
  const pet = JSON.stringify({ name: "Rex", kind: "dog" });

  it.each([
    ["a valid request: the first success response, from the examples", "POST", "/pets?dry=true", { ...key, ...json }, pet, 201, { name: "Rex", kind: "dog" }],
    ["no credentials", "POST", "/pets?dry=true", json, pet, 401, { detail: "createPet needs credentials: a X-Key header" }],
    ["a required query parameter missing", "POST", "/pets", { ...key, ...json }, pet, 400, { errors: [{ pointer: "query/dry", message: "the required query parameter dry is missing" }] }],
    ["the wrong content type", "POST", "/pets?dry=true", { ...key, "content-type": "text/plain" }, pet, 400, { detail: 'the body is "text/plain"; createPet takes application/json' }],
    ["no body", "POST", "/pets?dry=true", key, "", 400, { detail: "createPet takes a application/json body, and the request has none" }],
    ["a body that is not JSON", "POST", "/pets?dry=true", { ...key, ...json }, "{name:", 400, { detail: "the body is not valid JSON" }],
    [
      "a body that does not fit the schema",
      "POST",
      "/pets?dry=true",
      { ...key, ...json },
      JSON.stringify({ kind: "fish", age: 1.5 }),
      422,
      {
        errors: [
          { pointer: "/name", message: "is required" },
          { pointer: "/kind", message: 'expected one of "dog", "cat"' },
          { pointer: "/age", message: "expected integer, got number" },
        ],
      },
    ],
    ["no such path", "GET", "/nothing", key, "", 404, { title: "No such operation" }],
    ["no such method", "DELETE", "/pets", key, "", 405, { detail: "DELETE is not an operation of /pets; it takes POST" }],
  ] as const)("%s", async (_, method, path, headers, body, status, want) => {
    const r = await fetch(base + path, { method, headers, ...(body ? { body } : {}) });
    expect(r.status).toBe(status);
    if (status >= 400) expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(await r.json()).toMatchObject(want);
  });

  it("streams an event stream's example event, then its sentinel", async () => {
    const r = await fetch(`${base}/events`);
    expect(r.headers.get("content-type")).toBe("text/event-stream");
    expect(await r.text()).toBe("data: {}\n\ndata: [DONE]\n\n");
  });

  it("never fails on a malformed request (any method, path, headers and body; fixed seed)", async () => {
    const request = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
      path: fc.oneof(
        fc.constantFrom("/pets", "/pets?dry=1", "/events", "/%E0%A4%A", "/pets/../pets", "//pets"),
        fc.webPath(),
        fc.string().map((s) => "/" + encodeURIComponent(s)),
      ),
      contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded"),
      auth: fc.boolean(),
      body: fc.oneof(
        fc.constant(""),
        fc.string(),
        fc.json(),
        fc.jsonValue().map((v) => JSON.stringify({ name: v, kind: v })),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const withBody = q.method !== "GET" && q.body !== "";
        const r = await fetch(base + q.path, {
          method: q.method,
          headers: { ...(q.auth ? key : {}), ...(q.contentType ? { "content-type": q.contentType } : {}) },
          ...(withBody ? { body: q.body } : {}),
        });
        await r.arrayBuffer();
        return r.status < 500;
      }),
      { seed: 20261204, numRuns: 300 },
    );
    // Still up.
    expect((await fetch(`${base}/events`)).status).toBe(200);
  });
});
