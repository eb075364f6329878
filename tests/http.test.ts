// The generated SDK against a real node:http server on 127.0.0.1: requests on the wire,
// responses and errors as users see them, retries, timeouts and aborts.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clerk } from "../generated/typescript/src/index.js";
import { ClerkCore } from "../generated/typescript/src/core.js";
import { actorTokensCreate } from "../generated/typescript/src/funcs/actorTokensCreate.js";
import { actorTokensRevoke } from "../generated/typescript/src/funcs/actorTokensRevoke.js";
import { APIError, ClerkErrors, ConnectionError, RequestAbortedError, RequestTimeoutError, ResponseValidationError, SDKError } from "../generated/typescript/src/models/errors/index.js";
import { VERSION as SPECSMITH_VERSION } from "../generator/paths.js";
import { TestServer, closedPort, json } from "./helpers/server.js";

const TOKEN = "sk_test_S3cr3tT0k3n";
const fast = { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 20, exponent: 1.5, maxElapsedTime: 2000 }, retryConnectionErrors: true } as const;
const wireToken = {
  object: "actor_token",
  id: "act_tok_1",
  status: "pending",
  user_id: "user_1",
  actor: { sub: "user_2", role: "support" },
  token: "t0k",
  url: "https://example.com/t",
  created_at: 1609459200,
  updated_at: 1612137600,
};
const wireErrors = {
  errors: [{ message: "Invalid input", long_message: "The input is invalid.", code: "form_param_missing", meta: { param: "user_id" } }],
  meta: { trace: "abc" },
};

let server: TestServer;
let clerk: Clerk;

beforeAll(async () => {
  server = await TestServer.start();
  clerk = new Clerk({ bearerAuth: TOKEN, serverURL: server.url + "/v1", retryConfig: fast });
});
afterAll(() => server.close());

/** Every text an error exposes: the bearer token must be in none of them. */
function exposed(err: unknown): string {
  const e = err as Error & Record<string, unknown>;
  return [String(e), e.message, e.stack, JSON.stringify(e), String(e.cause ?? ""), (e.cause as Error | undefined)?.message ?? ""].join("\n");
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

describe("requests on the wire", () => {
  it("create: POST /v1/actor_tokens with bearer auth and a snake_case JSON body keeping extra actor properties", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    await clerk.actorTokens.create({ userId: "user_1", actor: { sub: "user_2", role: "support", "x-tag": 1 }, expiresInSeconds: 600, sessionMaxDurationInSeconds: 60 });
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v1/actor_tokens");
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.accept).toBe("application/json");
    const { version } = JSON.parse(readFileSync(new URL("../generated/typescript/package.json", import.meta.url), "utf8")) as { version: string };
    expect(req.headers["user-agent"]).toBe(`clerk-backend-api/${version} (specsmith ${SPECSMITH_VERSION}; typescript; api 2026-05-12)`);
    expect(JSON.parse(req.body)).toEqual({ user_id: "user_1", actor: { sub: "user_2", role: "support", "x-tag": 1 }, expires_in_seconds: 600, session_max_duration_in_seconds: 60 });
  });

  it("leaves optional fields out of the body when they are not given", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    await clerk.actorTokens.create({ userId: "u", actor: { sub: "s" } });
    expect(JSON.parse(server.requests[0].body)).toEqual({ user_id: "u", actor: { sub: "s" } });
  });

  it("revoke: POST /v1/actor_tokens/{id}/revoke with the id percent-encoded and no body", async () => {
    server.reply((_req, res) => json(res, 200, { ...wireToken, status: "revoked" }));
    const token = await clerk.actorTokens.revoke({ actorTokenId: "act/1 ?#%é" });
    expect(token.status).toBe("revoked");
    const [req] = server.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v1/actor_tokens/act%2F1%20%3F%23%25%C3%A9/revoke");
    expect(req.body).toBe("");
    expect(req.headers["content-type"]).toBeUndefined();
  });

  it("keeps a token that already says Bearer, and reads a token from a function", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    await new Clerk({ bearerAuth: "Bearer abc", serverURL: server.url }).actorTokens.revoke({ actorTokenId: "x" });
    expect(server.requests[0].headers.authorization).toBe("Bearer abc");
    server.reply((_req, res) => json(res, 200, wireToken));
    await new Clerk({ bearerAuth: async () => "from-fn", serverURL: server.url }).actorTokens.revoke({ actorTokenId: "x" });
    expect(server.requests[0].headers.authorization).toBe("Bearer from-fn");
  });

  it("takes serverURL and extra headers per call", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    const other = new Clerk({ bearerAuth: TOKEN, serverURL: "http://127.0.0.1:1" });
    await other.actorTokens.revoke({ actorTokenId: "x" }, { serverURL: server.url + "/v2/", fetchOptions: { headers: { "X-Trace": "t1" } } });
    expect(server.requests[0].url).toBe("/v2/actor_tokens/x/revoke");
    expect(server.requests[0].headers["x-trace"]).toBe("t1");
  });
});

describe("responses", () => {
  it("200 → a camelCase ActorToken", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    const token = await clerk.actorTokens.create({ userId: "user_1", actor: { sub: "user_2" } });
    expect(token).toEqual({
      object: "actor_token",
      id: "act_tok_1",
      status: "pending",
      userId: "user_1",
      actor: { sub: "user_2", role: "support" },
      token: "t0k",
      url: "https://example.com/t",
      createdAt: 1609459200,
      updatedAt: 1612137600,
    });
  });

  it("leaves absent optional fields absent", async () => {
    const { token: _t, url: _u, ...rest } = wireToken;
    server.reply((_req, res) => json(res, 200, rest));
    const token = await clerk.actorTokens.revoke({ actorTokenId: "x" });
    expect("token" in token).toBe(false);
    expect("url" in token).toBe(false);
  });

  it.each([
    ["create", 400],
    ["create", 402],
    ["create", 422],
    ["revoke", 400],
    ["revoke", 404],
  ] as const)("%s %i with JSON → ClerkErrors with typed fields", async (op, status) => {
    server.reply((_req, res) => json(res, status, wireErrors, { "x-request-id": "r1" }));
    const call = op === "create" ? clerk.actorTokens.create({ userId: "u", actor: { sub: "s" } }) : clerk.actorTokens.revoke({ actorTokenId: "x" });
    const err = await caught(call);
    expect(err).toBeInstanceOf(ClerkErrors);
    expect(err).toBeInstanceOf(APIError);
    const e = err as ClerkErrors;
    expect(e.name).toBe("ClerkErrors");
    expect(e.statusCode).toBe(status);
    expect(e.headers.get("x-request-id")).toBe("r1");
    expect(JSON.parse(e.body)).toEqual(wireErrors);
    expect(e.errors).toEqual([{ message: "Invalid input", longMessage: "The input is invalid.", code: "form_param_missing", meta: { param: "user_id" } }]);
    expect(e.meta).toEqual({ trace: "abc" });
    expect(e.data$).toEqual({ errors: e.errors, meta: e.meta });
    expect(e.message).toContain(`Status ${status}`);
    expect(exposed(e)).not.toContain(TOKEN);
  });

  it.each([
    ["create", 404, "application/json", JSON.stringify(wireErrors)],
    ["revoke", 402, "application/json", JSON.stringify(wireErrors)],
    ["revoke", 409, "application/json", "{}"],
    ["create", 400, "text/html", "<h1>Bad gateway</h1>"],
    ["revoke", 500, "text/plain", "boom"],
  ] as const)("%s %i %s → SDKError", async (op, status, type, body) => {
    server.reply((_req, res) => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    });
    const call =
      op === "create"
        ? clerk.actorTokens.create({ userId: "u", actor: { sub: "s" } }, { retries: { strategy: "none" } })
        : clerk.actorTokens.revoke({ actorTokenId: "x" }, { retries: { strategy: "none" } });
    const err = await caught(call);
    expect(err).toBeInstanceOf(SDKError);
    const e = err as SDKError;
    expect(e.statusCode).toBe(status);
    expect(e.body).toBe(body);
    expect(e.message).toMatch(new RegExp(`^API error occurred: Status ${status} Content-Type ${type}`));
    expect(exposed(e)).not.toContain(TOKEN);
  });

  it("a 200 whose body is not JSON → SDKError; an error body not of the declared shape → ResponseValidationError with its path", async () => {
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    const e1 = (await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }))) as SDKError;
    expect(e1).toBeInstanceOf(SDKError);
    expect(e1.message).toMatch(/^Response body is not valid JSON: Status 200/);
    server.reply((_req, res) => json(res, 400, { errors: "nope" }));
    const e2 = (await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }))) as SDKError;
    expect(e2).toBeInstanceOf(ResponseValidationError);
    expect(e2).toBeInstanceOf(SDKError);
    expect((e2 as ResponseValidationError).path).toBe("$.errors");
    expect(e2.message).toMatch(/^Response validation failed at \$\.errors: expected an array, got string "nope": Status 400/);
  });

  it("JSON nested 100,000 deep is read without a stack overflow (a free-form value is checked to be an object, never walked)", async () => {
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"id":"act_1","object":"actor_token","status":"revoked","user_id":"u","created_at":1,"updated_at":2,"actor":{"sub":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`);
    });
    const token = await clerk.actorTokens.revoke({ actorTokenId: "x" });
    expect(token.id).toBe("act_1");
  });
});

describe("retries", () => {
  it("retries 5XX with backoff, then succeeds", async () => {
    server.reply((_req, res, n) => (n < 3 ? json(res, n === 1 ? 503 : 500, {}) : json(res, 200, wireToken)));
    const token = await clerk.actorTokens.revoke({ actorTokenId: "x" });
    expect(token.id).toBe("act_tok_1");
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("does not retry 4XX", async () => {
    server.reply((_req, res) => json(res, 400, wireErrors));
    await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }));
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after maxElapsedTime and returns the last response as an error", async () => {
    server.reply((_req, res) => json(res, 502, { error: "bad gateway" }));
    const c = new Clerk({ bearerAuth: TOKEN, serverURL: server.url, retryConfig: { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 10, exponent: 1, maxElapsedTime: 100 } } });
    const err = (await caught(c.actorTokens.revoke({ actorTokenId: "x" }))) as SDKError;
    expect(err).toBeInstanceOf(SDKError);
    expect(err.statusCode).toBe(502);
    expect(server.requests.length).toBeGreaterThan(2);
  });

  it("honours Retry-After (seconds) before the next attempt", async () => {
    server.reply((_req, res, n) => (n === 1 ? json(res, 503, {}, { "retry-after": "1" }) : json(res, 200, wireToken)));
    const c = new Clerk({ bearerAuth: TOKEN, serverURL: server.url, retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5000, exponent: 1, maxElapsedTime: 10000 } } });
    const started = Date.now();
    await c.actorTokens.revoke({ actorTokenId: "x" });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("a negative Retry-After is no wait: the backoff decides", async () => {
    server.reply((_req, res) => json(res, 503, {}, { "retry-after": "-5" }));
    const c = new Clerk({ bearerAuth: TOKEN, serverURL: server.url, retryConfig: { strategy: "backoff", backoff: { initialInterval: 100, maxInterval: 200, exponent: 1, maxElapsedTime: 600 } } });
    await expect(c.actorTokens.revoke({ actorTokenId: "x" })).rejects.toBeInstanceOf(SDKError);
    // About 600 / (100 ± 25 %) attempts; a Retry-After read as 0 ms made it hundreds.
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(9);
  });

  it("{ strategy: 'none' } per call disables retries", async () => {
    server.reply((_req, res) => json(res, 503, {}));
    const err = await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }, { retries: { strategy: "none" } }));
    expect(err).toBeInstanceOf(SDKError);
    expect(server.requests).toHaveLength(1);
  });

  it("uses the spec's x-speakeasy-retries policy by default (5XX retried)", async () => {
    // Retry-After: 0 keeps the default 500 ms initial interval out of the test's way.
    server.reply((_req, res, n) => (n === 1 ? json(res, 500, {}, { "retry-after": "0" }) : json(res, 200, wireToken)));
    await new Clerk({ bearerAuth: TOKEN, serverURL: server.url }).actorTokens.revoke({ actorTokenId: "x" });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a refused connection until the server is up", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const late = createServer((_req, res) => json(res, 200, wireToken));
    const timer = setTimeout(() => late.listen(port, "127.0.0.1"), 150);
    try {
      const c = new Clerk({
        bearerAuth: TOKEN,
        serverURL: `http://127.0.0.1:${port}`,
        retryConfig: { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 50, exponent: 1.2, maxElapsedTime: 5000 } },
      });
      const token = await c.actorTokens.revoke({ actorTokenId: "x" });
      expect(token.id).toBe("act_tok_1");
    } finally {
      clearTimeout(timer);
      late.closeAllConnections();
      await new Promise((r) => late.close(r));
    }
  });

  it("connection refused with retryConnectionErrors: false → ConnectionError at once", async () => {
    const url = await closedPort();
    const c = new Clerk({
      bearerAuth: TOKEN,
      serverURL: url,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 1000, maxInterval: 1000, exponent: 1, maxElapsedTime: 60000 }, retryConnectionErrors: false },
    });
    const started = Date.now();
    const err = await caught(c.actorTokens.revoke({ actorTokenId: "x" }));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((err as Error).message).toContain("ECONNREFUSED");
    expect(exposed(err)).not.toContain(TOKEN);
  });
});

describe("timeouts and aborts", () => {
  it("timeoutMs aborts a slow response with RequestTimeoutError", async () => {
    server.reply((_req, res) => {
      setTimeout(() => json(res, 200, wireToken), 1000);
    });
    const err = await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }, { timeoutMs: 50 }));
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect((err as Error).message).toContain("timed out after 50 ms");
    expect(exposed(err)).not.toContain(TOKEN);
  });

  it("a client-wide timeoutMs applies too, also to a body that stalls", async () => {
    server.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"object":');
      setTimeout(() => res.end('"actor_token"}'), 1000);
    });
    const c = new Clerk({ bearerAuth: TOKEN, serverURL: server.url, timeoutMs: 80 });
    expect(await caught(c.actorTokens.revoke({ actorTokenId: "x" }))).toBeInstanceOf(RequestTimeoutError);
  });

  it("an aborted signal → RequestAbortedError", async () => {
    server.reply((_req, res) => {
      setTimeout(() => json(res, 200, wireToken), 1000);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const err = await caught(clerk.actorTokens.revoke({ actorTokenId: "x" }, { fetchOptions: { signal: controller.signal } }));
    expect(err).toBeInstanceOf(RequestAbortedError);
  });
});

describe("standalone functions", () => {
  it("return { ok: true, value } on success", async () => {
    server.reply((_req, res) => json(res, 200, wireToken));
    const core = new ClerkCore({ bearerAuth: TOKEN, serverURL: server.url });
    const res = await actorTokensCreate(core, { userId: "u", actor: { sub: "s" } });
    expect(res.ok).toBe(true);
    expect(res.ok && res.value.userId).toBe("user_1");
  });

  it("return errors instead of throwing", async () => {
    const core = new ClerkCore({ bearerAuth: TOKEN, serverURL: server.url, retryConfig: { strategy: "none" } });
    server.reply((_req, res) => json(res, 404, wireErrors));
    const r1 = await actorTokensRevoke(core, { actorTokenId: "x" });
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.error).toBeInstanceOf(ClerkErrors);
    server.reply((_req, res) => json(res, 500, {}));
    const r2 = await actorTokensRevoke(core, { actorTokenId: "x" });
    expect(!r2.ok && r2.error).toBeInstanceOf(SDKError);
    const down = new ClerkCore({ bearerAuth: TOKEN, serverURL: await closedPort(), retryConfig: { strategy: "none" } });
    const r3 = await actorTokensRevoke(down, { actorTokenId: "x" });
    expect(!r3.ok && r3.error).toBeInstanceOf(ConnectionError);
  });
});
