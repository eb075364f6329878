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
import { bySpecificity, createMockServer } from "../generator/mock/server.js";
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

describe("bySpecificity: a concrete path before a template that matches it", () => {
  it.each([
    ["/links/bulk", "/links/{linkId}", -1],
    ["/links/{linkId}", "/links/bulk", 1],
    ["/a/{x}/c", "/a/b/{y}", 1],
    ["/pets", "/users", 0],
    ["/pets/{id}", "/pets/{petId}/toys", 0],
  ] as const)("%s vs %s", (a, b, want) => expect(Math.sign(bySpecificity(a, b))).toBe(want));

  it("the mock answers /links/bulk from its own operation, whatever the spec's order (Dub's bulk update)", async () => {
    const mock = createMockServer(
      apiOf({
        paths: {
          "/links/{linkId}": {
            patch: {
              operationId: "updateLink",
              parameters: [{ name: "linkId", in: "path", required: true, schema: { type: "string" } }],
              responses: { "200": { description: "one", content: { "application/json": { schema: { type: "object", properties: { one: { type: "string" } } } } } } },
            },
          },
          "/links/bulk": {
            patch: {
              operationId: "bulkUpdateLinks",
              responses: { "200": { description: "many", content: { "application/json": { schema: { type: "array", items: { type: "string", example: "x" } } } } } },
            },
          },
        },
      }),
    );
    await new Promise<void>((r) => mock.listen(0, "127.0.0.1", r));
    try {
      const res = await fetch(`http://127.0.0.1:${(mock.address() as AddressInfo).port}/links/bulk`, { method: "PATCH" });
      // The bulk operation's answer (an array), not updateLink's (an object).
      expect(Array.isArray(await res.json())).toBe(true);
    } finally {
      mock.close();
    }
  });
});

describe("the mock server's checks (in process)", () => {
  const api = apiOf({
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
      schemas: {
        Taken: { type: "object", properties: { message: { type: "string", example: "the name is taken" } } },
        Pet: { type: "object", required: ["name", "kind"], properties: { name: { type: "string", example: "Rex" }, kind: { type: "string", enum: ["dog", "cat"] }, age: { type: "integer" } } },
      },
    },
    paths: {
      "/pets": {
        post: {
          operationId: "createPet",
          parameters: [{ name: "dry", in: "query", required: true, schema: { type: "boolean" } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          responses: {
            "201": { description: "made", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
            "409": { description: "taken", content: { "application/json": { schema: { $ref: "#/components/schemas/Taken" } } } },
          },
        },
      },
      "/forms": {
        post: {
          operationId: "postForm",
          requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { a: { type: "string" } } } } } },
          responses: { "204": { description: "ok" } },
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
    ["an empty form: a form with no fields", "POST", "/forms", { ...key, "content-type": "application/x-www-form-urlencoded" }, "", 204, {}],
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
    ["Prefer: code=409 (Prism's convention): the declared error's example", "POST", "/pets?dry=true", { ...key, ...json, prefer: "code=409" }, pet, 409, { message: "the name is taken" }],
    ["Prefer: code=201: that success", "POST", "/pets?dry=true", { ...key, ...json, prefer: "code=201" }, pet, 201, { name: "Rex" }],
    [
      "Prefer: a status not declared: a problem document with it",
      "POST",
      "/pets?dry=true",
      { ...key, ...json, prefer: "code=503" },
      pet,
      503,
      { detail: "createPet declares no 503 response: this is what a client gets for one" },
    ],
    ["Prefer: the request's checks come first", "POST", "/pets?dry=true", { ...json, prefer: "code=409" }, pet, 401, { title: "Unauthorized" }],
    ["no such path", "GET", "/nothing", key, "", 404, { title: "No such operation" }],
    ["no such method", "DELETE", "/pets", key, "", 405, { detail: "DELETE is not an operation of /pets; it takes POST" }],
  ] as const)("%s", async (_, method, path, headers, body, status, want) => {
    const r = await fetch(base + path, { method, headers, ...(body ? { body } : {}) });
    expect(r.status).toBe(status);
    if (status >= 400) expect(r.headers.get("content-type")).toBe(status === 409 ? "application/json" : "application/problem+json");
    if (status === 204) expect(await r.text()).toBe("");
    else expect(await r.json()).toMatchObject(want);
  });

  it("streams an event stream's example event, then its sentinel", async () => {
    const r = await fetch(`${base}/events`);
    expect(r.headers.get("content-type")).toBe("text/event-stream");
    expect(await r.text()).toBe('data: {"n":0}\n\ndata: {"n":0}\n\ndata: [DONE]\n\n');
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

/** A mock server for a spec of paths, in this process; its base URL. */
async function mockOf(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): Promise<{ base: string; close: () => void }> {
  const server = createMockServer(apiOf({ paths, components: { schemas } }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const itemList = (extra: Record<string, unknown> = {}) => ({
  "200": {
    description: "a page",
    content: {
      "application/json": {
        schema: {
          type: "object",
          required: ["data", ...Object.keys(extra)],
          properties: { data: { type: "array", items: { type: "object", required: ["id"], properties: { id: { type: "string", example: "it_1" } } } }, ...extra },
        },
      },
    },
  },
});

describe("the mock server's pages (by the operation's pagination rules)", () => {
  const page = (inputs: unknown[], outputs: Record<string, string>, type: string) => ({ "x-speakeasy-pagination": { type, inputs, outputs: { results: "$.data", ...outputs } } });
  const q = (name: string, type: string) => ({ name, in: "query", schema: { type: type === "cursor" ? "string" : "integer" } });

  it.each([
    [
      "offset and limit: three pages of `limit` items, then an empty one",
      {
        parameters: [q("offset", "integer"), q("limit", "integer")],
        ...page(
          [
            { in: "parameters", name: "offset", type: "offset" },
            { in: "parameters", name: "limit", type: "limit" },
          ],
          {},
          "offsetLimit",
        ),
      },
      ["?limit=2", "?limit=2&offset=2", "?limit=2&offset=4", "?limit=2&offset=6"],
      [2, 2, 2, 0],
    ],
    [
      "page numbers from 1: as many items as the example page without a limit",
      { parameters: [q("page", "integer")], ...page([{ in: "parameters", name: "page", type: "page" }], {}, "offsetLimit") },
      ["", "?page=2", "?page=3", "?page=4"],
      [1, 1, 1, 0],
    ],
  ] as const)("%s", async (_name, op, queries, counts) => {
    const m = await mockOf({ "/items": { get: { operationId: "list", ...op, responses: itemList() } } });
    try {
      const got: number[] = [];
      for (const query of queries) got.push(((await (await fetch(`${m.base}/items${query}`)).json()) as { data: unknown[] }).data.length);
      expect(got).toEqual(counts);
    } finally {
      m.close();
    }
  });

  it("a cursor: each page names the next one's cursor, the last none; has_more says the same", async () => {
    const op = { parameters: [q("cursor", "cursor")], ...page([{ in: "parameters", name: "cursor", type: "cursor" }], { nextCursor: "$.next" }, "cursor") };
    const m = await mockOf({ "/items": { get: { operationId: "list", ...op, responses: itemList({ next: { type: "string", nullable: true }, has_more: { type: "boolean" } }) } } });
    try {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 5; i++) {
        const body = (await (await fetch(`${m.base}/items${cursor ? `?cursor=${cursor}` : ""}`)).json()) as { data: { id: string }[]; next: string | null };
        seen.push([body.data.map((x) => x.id), body.next]);
        cursor = body.next;
        if (!cursor) break;
      }
      expect(seen).toEqual([
        [["it_1"], "page-2"],
        [["it_1"], "page-3"],
        [["it_1"], null],
      ]);
    } finally {
      m.close();
    }
  });

  it("a cursor read from the last item of an answer that is the array itself (Dub's nextCursor: $[-1].id): three pages, then none", async () => {
    const op = {
      parameters: [q("startingAfter", "cursor")],
      "x-speakeasy-pagination": { type: "cursor", inputs: [{ in: "parameters", name: "startingAfter", type: "cursor" }], outputs: { nextCursor: "$[-1].id" } },
    };
    const list = { type: "array", items: { type: "object", required: ["id"], properties: { id: { type: "string", example: "cm_1" } } } };
    const m = await mockOf({ "/items": { get: { operationId: "list", ...op, responses: { "200": { description: "ok", content: { "application/json": { schema: list } } } } } } });
    try {
      const seen: string[][] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const body = (await (await fetch(`${m.base}/items${cursor ? `?startingAfter=${cursor}` : ""}`)).json()) as { id: string }[];
        seen.push(body.map((x) => x.id));
        if (body.length === 0 || body[body.length - 1].id === cursor) break;
        cursor = body[body.length - 1].id;
      }
      expect(seen).toEqual([["page-2"], ["page-3"], ["cm_1"], []]);
    } finally {
      m.close();
    }
  });

  it("a cursor read from the items (Stripe's last id): written on pages with a next one, the items' own on the last; no page changes another", async () => {
    // Stripe's convention, no extension: `has_more`, `starting_after` and the items' ids.
    const op = { parameters: [q("starting_after", "cursor"), q("limit", "integer")] };
    const m = await mockOf({ "/items": { get: { operationId: "list", ...op, responses: itemList({ has_more: { type: "boolean" } }) } } });
    try {
      const walk = async () => {
        const seen: unknown[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 5; i++) {
          const body = (await (await fetch(`${m.base}/items${cursor ? `?starting_after=${cursor}` : ""}`)).json()) as { data: { id: string }[]; has_more: boolean };
          seen.push([body.data.map((x) => x.id), body.has_more]);
          if (!body.has_more) break;
          cursor = body.data[body.data.length - 1].id;
        }
        return seen;
      };
      const want = [
        [["page-2"], true],
        [["page-3"], true],
        [["it_1"], false],
      ];
      expect(await walk()).toEqual(want);
      // The same again: the last page wrote nothing into the example the next request starts from.
      expect(await walk()).toEqual(want);
    } finally {
      m.close();
    }
  });

  it("a Link header: rel=next on this server until the last page", async () => {
    const m = await mockOf({
      "/items": {
        get: {
          operationId: "list",
          responses: {
            "200": {
              description: "a page",
              headers: { Link: { schema: { type: "string" } } },
              content: { "application/json": { schema: { type: "array", items: { type: "string", example: "x" } } } },
            },
          },
        },
      },
    });
    try {
      const links: (string | null)[] = [];
      let next: string | null = `${m.base}/items`;
      while (next && links.length < 5) {
        const r: Response = await fetch(next);
        expect(((await r.json()) as unknown[]).length).toBe(1);
        const link: string | null = r.headers.get("link");
        links.push(link);
        next = link ? /<([^>]+)>; rel="next"/.exec(link)![1] : null;
      }
      expect(links).toEqual([`<${m.base}/items?mock_page=1>; rel="next"`, `<${m.base}/items?mock_page=2>; rel="next"`, null]);
    } finally {
      m.close();
    }
  });
});

describe("the mock server's streaming twins (Speakeasy's /v1/conversations and /v1/conversations#stream)", () => {
  const op = (operationId: string, stream: boolean, content: Record<string, unknown>) => ({
    post: {
      operationId,
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["stream"], properties: { stream: { type: "boolean", enum: [stream] } } } } } },
      responses: { "200": { description: "ok", content } },
    },
  });
  it("checks the body against the twin it asks for: stream: true is the streaming one's, whose schema wants true", async () => {
    const m = await mockOf({
      "/conversations": op("start", false, { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } }),
      "/conversations#stream": op("start_stream", true, { "text/event-stream": { schema: { type: "object", properties: { data: { type: "string" } } } } }),
    });
    try {
      const send = (stream: boolean) => fetch(`${m.base}/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ stream }) });
      const events = await send(true);
      expect([events.status, events.headers.get("content-type")]).toEqual([200, "text/event-stream"]);
      const json = await send(false);
      expect([json.status, json.headers.get("content-type")]).toEqual([200, "application/json"]);
    } finally {
      m.close();
    }
  });

  it("a multipart form's stream=true field asks for the streaming twin too (Mistral's transcriptions)", async () => {
    const form = (operationId: string, content: Record<string, unknown>) => ({
      post: {
        operationId,
        requestBody: { content: { "multipart/form-data": { schema: { type: "object", properties: { stream: { type: "boolean" } } } } } },
        responses: { "200": { description: "ok", content } },
      },
    });
    const m = await mockOf({
      "/transcriptions": form("transcribe", { "application/json": { schema: { type: "object", properties: { text: { type: "string" } } } } }),
      "/transcriptions#stream": form("transcribe_stream", { "text/event-stream": { schema: { type: "object", properties: { data: { type: "string" } } } } }),
    });
    try {
      const send = (stream: string) => {
        const body = new FormData();
        body.set("stream", stream);
        return fetch(`${m.base}/transcriptions`, { method: "POST", body });
      };
      expect((await send("true")).headers.get("content-type")).toBe("text/event-stream");
      expect((await send("false")).headers.get("content-type")).toBe("application/json");
    } finally {
      m.close();
    }
  });
});

describe("the mock server's content-type twins (a body of JSON and multipart: a method each)", () => {
  it("routes each request to the method of its content type: JSON to the JSON one (its schema checked), a form to the multipart one", async () => {
    const m = await mockOf({
      "/transcriptions": {
        post: {
          operationId: "transcribe",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "object", required: ["audio"], properties: { audio: { type: "string" } } } },
              "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } },
            },
          },
          responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { text: { type: "string" } } } } } } },
        },
      },
    });
    try {
      const json = (body: unknown) => fetch(`${m.base}/transcriptions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const form = (field: string) => {
        const body = new FormData();
        body.set(field, new Blob(["RIFF"]), "a.wav");
        return fetch(`${m.base}/transcriptions`, { method: "POST", body });
      };
      expect((await json({ audio: "UklGRg==" })).status).toBe(200);
      // The JSON method would refuse a form (400: it takes application/json): the multipart one takes it.
      expect((await form("file")).status).toBe(200);
      expect((await json({})).status).toBe(422);
      const wrong = await fetch(`${m.base}/transcriptions`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
      expect(wrong.status).toBe(400);
    } finally {
      m.close();
    }
  });
});

describe("the mock server's event streams", () => {
  const both = {
    "200": {
      description: "JSON or events",
      content: {
        "application/json": { schema: { type: "object", required: ["text"], properties: { text: { type: "string", example: "whole" } } } },
        "text/event-stream": {
          schema: {
            type: "object",
            required: ["event", "data"],
            properties: { event: { type: "string", example: "delta" }, data: { type: "object", required: ["text"], properties: { text: { type: "string", example: "part" } } } },
          },
          "x-speakeasy-sse-sentinel": "[DONE]",
        },
      },
    },
  };
  const body = { type: "object", properties: { stream: { type: "boolean" } } };

  it("answers JSON, or the event stream when the request says stream: true; an event's envelope is its own lines", async () => {
    const m = await mockOf({ "/chat": { post: { operationId: "chat", requestBody: { content: { "application/json": { schema: body } } }, responses: both } } });
    try {
      const send = (stream: boolean) => fetch(`${m.base}/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ stream }) });
      const json = await send(false);
      expect(json.headers.get("content-type")).toBe("application/json");
      expect(await json.json()).toEqual({ text: "whole" });
      const events = await send(true);
      expect(events.headers.get("content-type")).toBe("text/event-stream");
      expect(await events.text()).toBe('event: delta\ndata: {"text":"part"}\n\nevent: delta\ndata: {"text":"part"}\n\ndata: [DONE]\n\n');
    } finally {
      m.close();
    }
  });
});
