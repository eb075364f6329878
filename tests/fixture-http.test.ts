// Fixture SDKs over real HTTP: parameter styles, header parameters, API-key and basic auth,
// empty and text responses, `default` error responses, and models that nest.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT } from "./helpers/paths.js";
import { TestServer, json } from "./helpers/server.js";
import { tscAsync } from "./helpers/tsc.js";
import { runFixtureCheck } from "./helpers/python.js";

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server.close());

/** Generates a fixture's SDK and imports its entry points. */
async function sdk(name: string, spec: string): Promise<Record<string, any>> {
  const out = join(ROOT, ".tmp", "fixture-http", name);
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(join(ROOT, "tests", "fixtures", name, spec), [{ name: "typescript", out, packageName: name, sdkClass: "SDK", version: "1.0.0" }]);
  writeOutput(out, r.files);
  const index = await import(pathToFileURL(join(out, "src", "index.ts")).href);
  const errors = await import(pathToFileURL(join(out, "src", "models", "errors", "index.ts")).href);
  return { ...index, errors };
}

describe("query-header-params", () => {
  let m: Record<string, any>;
  beforeAll(async () => {
    m = await sdk("query-header-params", "spec.yaml");
  });

  it("a global parameter (x-speakeasy-globals) is a client option, sent by every operation that has it unless the call gives its own", async () => {
    server.reply((_req, res) => json(res, 200, []));
    const client = new m.SDK({ apiKey: "k", tenant: "t-1", serverURL: server.url + "/api" });
    await client.pets.listPets();
    await client.pets.listPets({ tenant: "t-2" });
    await new m.SDK({ apiKey: "k", serverURL: server.url + "/api" }).pets.listPets();
    expect(server.requests.map((r) => r.headers["x-tenant-id"])).toEqual(["t-1", "t-2", undefined]);
  });

  it("serializes query parameters by style and sends headers and the API key", async () => {
    server.reply((_req, res) => json(res, 200, [{ id: "p1", name: "Rex", kind: "dog", extra: 1 }]));
    const client = new m.SDK({ apiKey: "k-123", serverURL: server.url + "/api" });
    const pets = await client.pets.listPets({ limit: 5, tags: ["a b", "c&d"], ids: [1, 2], filter: { kind: "dog", age: 3 }, sort: ["name", "age"], fields: ["id", "name"], xRequestId: "req-9" });
    expect(pets).toEqual([{ id: "p1", name: "Rex", kind: "dog" }]);
    const [req] = server.requests;
    expect(req.method).toBe("GET");
    const url = new URL(req.url, "http://x");
    expect(url.pathname).toBe("/api/pets");
    expect([...url.searchParams.entries()]).toEqual([
      ["limit", "5"],
      ["tags", "a b"],
      ["tags", "c&d"],
      ["ids", "1,2"],
      ["filter[kind]", "dog"],
      ["filter[age]", "3"],
      ["sort", "name|age"],
      ["fields", "id name"],
    ]);
    expect(req.headers["x-request-id"]).toBe("req-9");
    expect(req.headers["x-api-key"]).toBe("k-123");
    expect(req.headers.authorization).toBeUndefined();
  });

  it("works without the optional request, and leaves absent parameters out", async () => {
    server.reply((_req, res) => json(res, 200, []));
    const client = new m.SDK({ apiKey: "k", serverURL: server.url });
    expect(await client.pets.listPets()).toEqual([]);
    expect(server.requests[0].url).toBe("/pets");
  });

  it("204 → undefined; a `default` error response → its error class; path parameters from the path item", async () => {
    const client = new m.SDK({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" } });
    server.reply((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    expect(await client.pets.deletePet({ petId: "p/1", xConfirm: true })).toBeUndefined();
    expect(server.requests[0].method).toBe("DELETE");
    expect(server.requests[0].url).toBe("/pets/p%2F1");
    expect(server.requests[0].headers["x-confirm"]).toBe("true");
    server.reply((_req, res) => json(res, 503, { title: "Down", detail: "maintenance" }));
    const err = await client.pets.deletePet({ petId: "p", xConfirm: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.Problem);
    expect(err.title).toBe("Down");
    expect(err.statusCode).toBe(503);
  });

  it("lists the servers, and picks one by index with its variables (defaults for the rest)", async () => {
    expect(m.ServerList).toEqual(["https://pets.example.com/api", "https://{region}.pets.example.com", "http://{host}/{base}", "https://{zone}.pets.example.com"]);
    server.reply((_req, res) => json(res, 200, []));
    const host = new URL(server.url).host;
    await new m.SDK({ apiKey: "k", serverIdx: 2, serverVariables: { host } }).pets.listPets();
    expect(server.requests[0].url).toBe("/api/pets");
    server.reply((_req, res) => json(res, 200, []));
    await new m.SDK({ apiKey: "k", serverIdx: 2, serverVariables: { host, base: "v2" } }).pets.listPets();
    expect(server.requests[0].url).toBe("/v2/pets");
  });
});

describe("nested-models", () => {
  it("maps nested arrays, maps, nullable and inline models both ways", async () => {
    const m = await sdk("nested-models", "spec.yaml");
    server.reply((_req, res) =>
      json(res, 200, {
        name: "root",
        created_at: "2025-01-01T00:00:00Z",
        children: [{ name: "leaf", children: [], parent_label: null, labels: { a: { text: "A", color_hex: "#000" } } }],
        position: { x_coord: 1, y_coord: 2 },
        revision: 3,
        planted_on: "2024-03-01",
      }),
    );
    const client = new m.SDK({ bearer: "t", serverURL: server.url });
    const node = await client.nodes.putNode({
      id: 7,
      node: { name: "root", children: [{ name: "leaf", children: [], parentLabel: null, labels: { a: { text: "A", colorHex: "#000" } } }], position: { xCoord: 1, yCoord: 2 } },
    });
    expect(JSON.parse(server.requests[0].body)).toEqual({
      name: "root",
      children: [{ name: "leaf", children: [], parent_label: null, labels: { a: { text: "A", color_hex: "#000" } } }],
      position: { x_coord: 1, y_coord: 2 },
    });
    expect(server.requests[0].url).toBe("/nodes/7");
    expect(server.requests[0].method).toBe("PUT");
    const { createdAt, plantedOn, ...rest } = node;
    expect(rest).toEqual({
      name: "root",
      children: [{ name: "leaf", children: [], parentLabel: null, labels: { a: { text: "A", colorHex: "#000" } } }],
      position: { xCoord: 1, yCoord: 2 },
      revision: 3,
    });
    // date-time arrives as a Date, date as an RFCDate.
    expect(createdAt).toBeInstanceOf(Date);
    expect(createdAt.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(plantedOn).toBeInstanceOf(m.RFCDate);
    expect(String(plantedOn)).toBe("2024-03-01");
  });
});

describe("openapi-3-1", () => {
  it("basic auth, 201 JSON, a text/plain response on an operation without security", async () => {
    const m = await sdk("openapi-3-1", "spec.json");
    const client = new m.SDK({ basic: { username: "ann", password: "s3cret:é" }, serverURL: server.url });
    server.reply((_req, res) => json(res, 201, { text: "Hi", lang: "en", tone: null }));
    expect(await client.greetings.createGreeting({ text: "Hi", lang: "en", tone: null })).toEqual({ text: "Hi", lang: "en", tone: null });
    expect(server.requests[0].headers.authorization).toBe("Basic " + Buffer.from("ann:s3cret:é").toString("base64"));
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("hello");
    });
    expect(await client.greetings.getGreetingText()).toBe("hello");
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });
});

describe("request-encodings", () => {
  let m: Record<string, any>;
  beforeAll(async () => {
    m = await sdk("request-encodings", "spec.yaml");
  });

  it("form-urlencoded bodies use wire names, repeated keys for arrays and brackets for objects", async () => {
    server.reply((_req, res) => json(res, 200, { id: "ch_1" }));
    const c = new m.SDK({ serverURL: server.url });
    expect(await c.charges.createCharge({ amount: 100, currencyCode: "eur", metadata: { plan: "pro", "a b": "c&d" }, expand: ["x", "y"] })).toEqual({ id: "ch_1" });
    const [req] = server.requests;
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(req.body).entries()]).toEqual([
      ["amount", "100"],
      ["currency_code", "eur"],
      ["metadata[plan]", "pro"],
      ["metadata[a b]", "c&d"],
      ["expand", "x"],
      ["expand", "y"],
    ]);
  });

  it("multipart bodies send a file part and text parts, with fetch's boundary", async () => {
    server.reply((_req, res) => {
      res.statusCode = 201;
      res.end();
    });
    const c = new m.SDK({ serverURL: server.url });
    await c.files.uploadFile({ file: new Blob(["hello"], { type: "text/plain" }), purpose: "docs" });
    const [req] = server.requests;
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(req.body, { headers: { "content-type": req.headers["content-type"]! } }).formData();
    expect(form.get("purpose")).toBe("docs");
    const file = form.get("file") as File;
    expect(await file.text()).toBe("hello");
  });

  it("raw bytes go up as they are, and come down as a stream", async () => {
    server.reply((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    const c = new m.SDK({ serverURL: server.url });
    await c.files.putFile({ name: "a.bin", requestBody: new Uint8Array([0, 1, 2, 255]) });
    expect(server.requests[0].headers["content-type"]).toBe("application/octet-stream");
    expect([...server.requests[0].raw]).toEqual([0, 1, 2, 255]);
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.from([0, 1, 2, 255]));
    });
    const stream: ReadableStream<Uint8Array> = await c.files.getFile({ name: "a.bin" });
    expect(stream).toBeInstanceOf(ReadableStream);
    expect([...new Uint8Array(await new Response(stream).arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });
});

describe("unions-discriminators", () => {
  it("maps each union member by its discriminator, else by its required keys, both ways", async () => {
    const m = await sdk("unions-discriminators", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) =>
      json(res, 200, {
        items: [
          { pet_type: "cat", name: "Tom", lives_left: 9 },
          { pet_type: "doggo", name: "Rex", bark_volume: 11 },
        ],
        featured: null,
        owner: { legal_name: "Acme", tax_id: "T1" },
        tags: [{ tag_name: "cute" }],
      }),
    );
    expect(await c.animals.listAnimals()).toEqual({
      items: [
        { petType: "cat", name: "Tom", livesLeft: 9 },
        { petType: "doggo", name: "Rex", barkVolume: 11 },
      ],
      featured: null,
      owner: { legalName: "Acme", taxId: "T1" },
      tags: [{ tagName: "cute" }],
    });
    server.reply((_req, res) => json(res, 200, { items: [], owner: "someone", tags: ["a", "b"], featured: { pet_type: "Dog", name: "Rex" } }));
    expect(await c.animals.listAnimals()).toEqual({ items: [], owner: "someone", tags: ["a", "b"], featured: { petType: "Dog", name: "Rex" } });
    // Without a mapping, the discriminator's values are the component names.
    server.reply((_req, res) => json(res, 201, { pet_type: "Dog", name: "Rex", bark_volume: 3 }));
    expect(await c.animals.addAnimal({ petType: "Dog", name: "Rex", barkVolume: 3 })).toEqual({ petType: "Dog", name: "Rex", barkVolume: 3 });
    expect(JSON.parse(server.requests[0].body)).toEqual({ pet_type: "Dog", name: "Rex", bark_volume: 3 });
  });
});

describe("reserved-names", () => {
  it("keeps __proto__, constructor and class as data, and names operations without an operationId", async () => {
    const m = await sdk("reserved-names", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"constructor":"c","__proto__":"p","then":"t","user_id":"u1","userId":"u2","Date":{"toString":"s"}}');
    });
    const promise = await c.promises.getPromisesByClass({ class: "a/b", from: "f", proto: "x" });
    expect(Object.getPrototypeOf(promise)).toBe(Object.prototype);
    expect(promise).toEqual({ constructor: "c", proto: "p", then: "t", userId: "u1", userId2: "u2", date: { toString: "s" } });
    expect(server.requests[0].url).toBe("/promises/a%2Fb?from=f&__proto__=x");
    server.reply((_req, res) => json(res, 200, { name: "n" }));
    expect(await c.promises.createError({ message: "m", class: "k", import: "i" })).toEqual({ name: "n" });
    expect(JSON.parse(server.requests[0].body)).toEqual({ message: "m", class: "k", import: "i" });
    server.reply((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    await c.promises.deletePromisesByClass({ class: "k" });
    expect(server.requests[0].method).toBe("DELETE");
  });
});

describe("params-cookies-api-key-query", () => {
  it("sends cookie parameters and the API key in the query; a 4XX range maps to its error class", async () => {
    const m = await sdk("params-cookies-api-key-query", "spec.yaml");
    const c = new m.SDK({ key: "k 1", serverURL: server.url, retryConfig: { strategy: "none" } });
    server.reply((_req, res) => json(res, 200, { id: "s1", legacy_token: "old" }));
    expect(await c.session.getSession({ sid: "a;b", theme: "dark" })).toEqual({ id: "s1", legacyToken: "old" });
    const [req] = server.requests;
    expect(req.url).toBe("/session?api_key=k+1");
    expect(req.headers.cookie).toBe("sid=a%3Bb; theme=dark");
    server.reply((_req, res) => json(res, 418, { code: "teapot" }));
    const err = await c.session.getSession({ sid: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.ClientError);
    expect(err.code).toBe("teapot");
    server.reply((_req, res) => json(res, 500, { code: "boom" }));
    expect(await c.session.getSession({ sid: "x" }).catch((e: unknown) => e)).toBeInstanceOf(m.errors.SDKError);
  });
});

describe("read-write-only-defaults", () => {
  it("leaves read-only fields out of requests and does not require write-only ones in responses; a required field with a default goes out and comes back with it", async () => {
    const m = await sdk("read-write-only-defaults", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) => json(res, 201, { id: "u1", name: "Ann", role: "member", created_at: "2025-01-01T00:00:00Z" }));
    const user = await c.users.createUser({ name: "Ann", password: "s3cret", id: "ignored", role: "admin" });
    // page_size is required with a default: left out by the call, sent with it; left out by the server, decoded to it.
    expect(JSON.parse(server.requests[0].body)).toEqual({ name: "Ann", password: "s3cret", role: "admin", page_size: 20 });
    expect({ ...user, createdAt: user.createdAt.toISOString() }).toEqual({ id: "u1", name: "Ann", role: "member", createdAt: "2025-01-01T00:00:00.000Z", pageSize: 20 });
  });

  it("a required field with a default may be left out of a model that is only sent: the default is sent for it", async () => {
    const m = await sdk("read-write-only-defaults", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await c.users.createInvite({ email: "a@example.com" });
    await c.users.createInvite({ email: "b@example.com", seats: 3 });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { email: "a@example.com", seats: 1 },
      { email: "b@example.com", seats: 3 },
    ]);
  });

  it("a left-out field whose model converts it is sent as its default, and a given one converted", async () => {
    const m = await sdk("read-write-only-defaults", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await c.users.createTeam({ name: "a" });
    await c.users.createTeam({ name: "b", options: { expiresInDays: 3 }, labels: [{ name: "x" }], notify: false });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { name: "a", options: {}, labels: [{ name: "new" }], meta: { tier: "free" }, aliases: ["t"] },
      { name: "b", options: { expires_in_days: 3 }, labels: [{ name: "x" }], notify: false, meta: { tier: "free" }, aliases: ["t"] },
    ]);
  });

  it("a received field the API leaves out reads as its default, a null as null", async () => {
    const m = await sdk("read-write-only-defaults", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((_req, res) => json(res, 200, { name: "a", options: { expires_in_days: 1 }, labels: [], meta: null }));
    expect(await c.users.getTeam({ name: "a" })).toEqual({ name: "a", options: { expiresInDays: 1 }, labels: [], meta: null, aliases: ["t"] });
  });
});

describe("oauth2-client-credentials", () => {
  it("exchanges the client's credentials for a token once, then sends it as a bearer token", async () => {
    const m = await sdk("oauth2-client-credentials", "spec.yaml");
    const c = new m.SDK({ oauth: { clientID: "cid", clientSecret: "s3c:ret" }, serverURL: server.url + "/api" });
    server.reply((req, res) => (req.url === "/oauth/token" ? json(res, 200, { access_token: "tok-1", token_type: "bearer", expires_in: 3600 }) : json(res, 200, ["m1"])));
    expect(await c.machines.listMachines()).toEqual(["m1"]);
    expect(await c.machines.listMachines()).toEqual(["m1"]);
    const [tokenReq, ...calls] = server.requests;
    expect(tokenReq.method).toBe("POST");
    // A relative tokenUrl resolves against the server URL (RFC 3986): "/oauth/token" is at the host root.
    expect(tokenReq.url).toBe("/oauth/token");
    expect(tokenReq.headers.authorization).toBe("Basic " + Buffer.from("cid:s3c%3Aret").toString("base64"));
    expect(Object.fromEntries(new URLSearchParams(tokenReq.body))).toEqual({ grant_type: "client_credentials", scope: "machines:read" });
    expect(calls.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/api/machines", "Bearer tok-1"],
      ["/api/machines", "Bearer tok-1"],
    ]);
    // The other scheme works on its own.
    server.reply((_req, res) => json(res, 200, []));
    await new m.SDK({ token: "t2", serverURL: server.url + "/api" }).machines.listMachines();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer t2"]);
  });
});

describe("shared-error-schema", () => {
  it("a schema that is also a success payload still gets a typed error class", async () => {
    const m = await sdk("shared-error-schema", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url, retryConfig: { strategy: "none" } });
    server.reply((_req, res) => json(res, 200, { state: "done" }));
    expect(await c.jobs.getJob({ id: "j1" })).toEqual({ state: "done" });
    server.reply((_req, res) => json(res, 409, { state: "failed", failure_reason: "oom" }));
    const err = await c.jobs.getJob({ id: "j1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.StatusError);
    expect(err.failureReason).toBe("oom");
    expect(err.data$).toEqual({ state: "failed", failureReason: "oom" });
  });
});

describe("uploads-nulls-dates-open-enums", () => {
  it("sends a Date and an RFCDate as RFC 3339 text, and receives them back as a Date and an RFCDate", async () => {
    const m = await sdk("uploads-nulls-dates-open-enums", "spec.yaml");
    server.reply((req, res) => {
      const sent = JSON.parse(req.body);
      json(res, 200, { id: "d1", status: "draft", kind: "memo", created_at: sent.publish_at, due_on: sent.due_on });
    });
    const c = new m.SDK({ bearerAuth: "t", serverURL: server.url });
    const publishAt = new Date("2026-03-01T10:30:00.250+02:00");
    const doc = await c.documents.updateDocument({ documentId: "d1", requestBody: { dueOn: new m.RFCDate("2026-02-28"), publishAt } });
    expect(JSON.parse(server.requests[0].body)).toEqual({ due_on: "2026-02-28", publish_at: "2026-03-01T08:30:00.250Z" });
    expect(doc.createdAt).toBeInstanceOf(Date);
    expect(doc.createdAt.getTime()).toBe(publishAt.getTime());
    expect(doc.dueOn).toBeInstanceOf(m.RFCDate);
    expect(doc.dueOn.toString()).toBe("2026-02-28");
    expect(() => new m.RFCDate("2026-02-30")).toThrow(RangeError);
  });

  it("rejects a response that does not match its schema with a ResponseValidationError naming the path; an optional null is left out", async () => {
    const m = await sdk("uploads-nulls-dates-open-enums", "spec.yaml");
    const c = new m.SDK({ bearerAuth: "t", serverURL: server.url, retryConfig: { strategy: "none" } });
    const good = { id: "d1", status: "draft", kind: "memo", created_at: "2026-01-01T00:00:00Z" };
    const cases: [object, string, RegExp][] = [
      [{ ...good, id: 42 }, "$.id", /expected a string, got number 42/],
      [{ ...good, kind: "letter" }, "$.kind", /expected one of "memo","report"/],
      [{ ...good, created_at: "yesterday" }, "$.created_at", /RFC 3339 date-time/],
      [{ ...good, due_on: "2026-13-01" }, "$.due_on", /RFC 3339 date/],
      [{ ...good, attachments: ["a", 7] }, "$.attachments[1]", /expected a string/],
      [{ id: "d1", status: "draft", kind: "memo" }, "$.created_at", /missing/],
      [[good], "$", /expected an object, got an array/],
    ];
    for (const [body, path, message] of cases) {
      server.reply((_req, res) => json(res, 200, body));
      const err = await c.documents.getDocument({ documentId: "d1" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(m.errors.ResponseValidationError);
      expect(err).toBeInstanceOf(m.errors.SDKError);
      expect(err.path).toBe(path);
      expect(err.message).toMatch(message);
      expect(err.rawValue).toEqual(body);
      expect(err.statusCode).toBe(200);
    }
    // Extra properties are kept out, never an error; null in an optional field that does not allow it is left out.
    server.reply((_req, res) => json(res, 200, { ...good, note: null, title: null, added_later: 1 }));
    const doc = await c.documents.getDocument({ documentId: "d1" });
    expect(doc).not.toHaveProperty("note");
    expect(doc.title).toBeNull();
  });

  it("an open enum keeps a value the SDK does not know, typed Unrecognized; a closed one is typed to its values", async () => {
    const m = await sdk("uploads-nulls-dates-open-enums", "spec.yaml");
    server.reply((_req, res) => json(res, 200, { id: "d1", status: "archived", kind: "memo", created_at: "2026-01-01T00:00:00Z" }));
    const c = new m.SDK({ bearerAuth: "t", serverURL: server.url });
    const doc = await c.documents.getDocument({ documentId: "d1" });
    expect(doc.status).toBe("archived");
    const out = join(ROOT, ".tmp", "fixture-http", "uploads-nulls-dates-open-enums");
    writeFileSync(
      join(out, "open-enum-check.ts"),
      [
        'import { DocumentStatus } from "./src/models/components/documentstatus.js";',
        'import { DocumentKind } from "./src/models/components/documentkind.js";',
        'import { unrecognized } from "./src/index.js";',
        "export const known: DocumentStatus = DocumentStatus.Draft;",
        'export const newer: DocumentStatus = unrecognized("archived");',
        "// @ts-expect-error a bare string is not an open enum's value: unrecognized() marks it",
        'export const bare: DocumentStatus = "archived";',
        "// @ts-expect-error a closed enum admits its values only",
        'export const closed: DocumentKind = unrecognized("letter");',
        "",
      ].join("\n"),
    );
    const r = await tscAsync(["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--ignoreConfig", join(out, "open-enum-check.ts")]);
    expect(r.output).toBe("");
  });
});

describe("nested-groups", () => {
  it("TypeScript: sdk.beta.conversations.entries reaches its operation; a parent keeps its own methods; beta.agents is not agents", async () => {
    const m = await sdk("nested-groups", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((req, res) => json(res, 200, [`${req.method} ${req.url}`]));
    expect(await c.beta.conversations.entries.list({ id: "conv_1" })).toEqual(["GET /beta/conversations/conv_1/entries"]);
    server.reply((_req, res) => json(res, 200, { id: "conv_2" }));
    expect(await c.beta.conversations.start({ inputs: "Hi" })).toEqual({ id: "conv_2" });
    expect(JSON.parse(server.requests[0].body)).toEqual({ inputs: "Hi" });
    server.reply((_req, res) => json(res, 200, { enabled: true }));
    expect(await c.beta.status()).toEqual({ enabled: true });
    server.reply((req, res) => json(res, 200, [{ id: req.url }]));
    expect(await c.agents.list()).toEqual([{ id: "/agents" }]);
    expect(await c.beta.agents.list()).toEqual([{ id: "/beta/agents" }]);
    expect(c.beta.agents.constructor.name).toBe("BetaAgents");
    // One object per getter, as for top-level groups.
    expect(c.beta.conversations).toBe(c.beta.conversations);
    // The standalone functions are named by the whole path.
    const funcs = await import(pathToFileURL(join(ROOT, ".tmp", "fixture-http", "nested-groups", "src", "funcs", "betaConversationsEntriesList.ts")).href);
    server.reply((req, res) => json(res, 200, [req.url]));
    const r = await funcs.betaConversationsEntriesList(c, { id: "x" });
    expect(r).toEqual({ ok: true, value: ["/beta/conversations/x/entries"] });
  });

  it("Python: the same, sync and async", async () => {
    const py = await runFixtureCheck("nested-groups", "groups", "nested_groups_check.py", "nested-groups-py");
    expect(py.stderr).toBe("");
    expect(JSON.parse(py.stdout)).toEqual({
      entries: ["GET /beta/conversations/conv_1/entries"],
      start: "conv_2",
      start_body: { inputs: "Hi" },
      status: true,
      agents: "/agents",
      beta_agents: "/beta/agents",
      classes: [true, true],
      entries_async: ["GET /beta/conversations/conv_9/entries"],
    });
  });
});

describe("positional-args", () => {
  it("x-speakeasy-max-method-params: parameters as arguments in the spec's order (an optional one before a required one passed as undefined), else the request object", async () => {
    const m = await sdk("positional-args", "spec.yaml");
    const c = new m.SDK({ serverURL: server.url });
    server.reply((req, res) => json(res, 200, [{ id: req.url, name: String(req.headers["x-org"]) }]));
    expect(await c.tags.list(undefined, "org_1")).toEqual([{ id: "/tags", name: "org_1" }]);
    expect(await c.tags.list("c2", "org_2")).toEqual([{ id: "/tags?cursor=c2", name: "org_2" }]);
    server.reply((req, res) => json(res, 200, { id: req.url, name: req.method === "PATCH" ? (JSON.parse(req.body || "null")?.name ?? "none") : "got" }));
    expect(await c.tags.get("a/b")).toEqual({ id: "/tags/a%2Fb", name: "got" });
    expect(await c.tags.update("t1", { name: "later" })).toEqual({ id: "/tags/t1", name: "later" });
    expect(await c.tags.update("t1")).toEqual({ id: "/tags/t1", name: "none" });
    expect(server.requests[0].body).toBe("");
    server.reply((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    await c.tags.delete({ id: "t1", force: true });
    expect(server.requests[0].url).toBe("/tags/t1?force=true");
    // The standalone function takes the same arguments after the client.
    const { tagsGet } = await import(pathToFileURL(join(ROOT, ".tmp", "fixture-http", "positional-args", "src", "funcs", "tagsGet.ts")).href);
    server.reply((req, res) => json(res, 200, { id: req.url, name: "f" }));
    expect(await tagsGet(c, "t9")).toEqual({ ok: true, value: { id: "/tags/t9", name: "f" } });
  });
});
