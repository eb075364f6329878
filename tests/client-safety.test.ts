// The TypeScript SDK on an untrusted network, over real HTTP on 127.0.0.1 (two servers: two origins):
// credentials never follow a redirect to another origin, path values cannot climb to another
// endpoint, secrets never reach an error message, an abort ends a wait between retries, retried
// requests with an effect carry one idempotency key, and standalone functions never throw.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT } from "./helpers/paths.js";
import { TestServer, json } from "./helpers/server.js";

const SPEC = join(ROOT, "tests", "fixtures", "client-safety", "spec.yaml");
const TOKEN = "sk_live_T0pS3cret";
const KEY = "key_4p1K3y";
const SESSION = "sess_C00kie";
const item = { id: "i1", amount: 5 };
const slow = { strategy: "backoff", backoff: { initialInterval: 30_000, maxInterval: 30_000, exponent: 1, maxElapsedTime: 120_000 }, retryConnectionErrors: true } as const;

let a: TestServer;
let b: TestServer;
let m: Record<string, any>;
let keyed: Record<string, any>;

/** Generates the fixture's SDK (optionally with a configured idempotency header) and imports it. */
async function sdk(name: string, idempotencyHeader?: string): Promise<Record<string, any>> {
  const out = join(ROOT, ".tmp", "client-safety", name);
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(SPEC, [{ name: "typescript", out, packageName: "vault", sdkClass: "Vault", version: "1.0.0", ...(idempotencyHeader ? { idempotencyHeader } : {}) }]);
  writeOutput(out, r.files);
  const src = (p: string) => import(pathToFileURL(join(out, "src", p)).href);
  return { ...(await src("index.ts")), errors: await src("models/errors/index.ts"), itemsGetItem: (await src("funcs/itemsGetItem.ts")).itemsGetItem, core: (await src("core.ts")).VaultCore };
}

beforeAll(async () => {
  [a, b] = await Promise.all([TestServer.start(), TestServer.start()]);
  m = await sdk("plain");
  keyed = await sdk("keyed", "Idempotency-Key");
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const client = (mod = m, extra: Record<string, unknown> = {}) => new mod.Vault({ bearer: TOKEN, apiKey: KEY, session: SESSION, serverURL: a.url, ...extra });
const credentialsOf = (h: Record<string, unknown>) => ({ authorization: h.authorization, key: h["x-api-key"], cookie: h.cookie });

/** Every text an error exposes. */
function exposed(err: any): string {
  return [String(err), err?.message, err?.stack, JSON.stringify(err), String(err?.cause ?? ""), err?.cause?.message ?? "", err?.cause?.stack ?? ""].join("\n");
}

describe("redirects", () => {
  it("a redirect to another origin carries no credential: not the bearer token, the API key or the cookie", async () => {
    a.reply((_r, res) => {
      res.writeHead(307, { location: `${b.url}/items/i1` });
      res.end();
    });
    b.reply((_r, res) => json(res, 200, item));
    expect(await client().items.getItem({ id: "i1" })).toEqual(item);
    expect(credentialsOf(a.requests[0].headers)).toEqual({ authorization: `Bearer ${TOKEN}`, key: KEY, cookie: `session=${SESSION}` });
    expect(credentialsOf(b.requests[0].headers)).toEqual({ authorization: undefined, key: undefined, cookie: undefined });
  });

  it("a redirect within the origin keeps them; once dropped they stay dropped (A → B → A)", async () => {
    let hop = 0;
    a.reply((_r, res) => {
      hop++;
      if (hop === 1) res.writeHead(302, { location: "/items/moved" }).end();
      else if (hop === 2) res.writeHead(302, { location: `${b.url}/x` }).end();
      else json(res, 200, item);
    });
    b.reply((_r, res) => res.writeHead(302, { location: `${a.url}/items/back` }).end());
    await client().items.getItem({ id: "i1" });
    expect(a.requests.map((r) => r.url)).toEqual(["/items/i1", "/items/moved", "/items/back"]);
    expect(credentialsOf(a.requests[1].headers).key).toBe(KEY);
    expect(credentialsOf(a.requests[2].headers)).toEqual({ authorization: undefined, key: undefined, cookie: undefined });
  });

  it("303 after a POST continues as a GET without the body", async () => {
    a.reply((_r, res) => res.writeHead(303, { location: `${b.url}/items/i1` }).end());
    b.reply((_r, res) => json(res, 201, item));
    await client().items.createItem({ item: { id: "i1" } });
    expect(b.requests[0].method).toBe("GET");
    expect(b.requests[0].body).toBe("");
  });

  it("refuses a redirect to a non-HTTP URL, and a redirect loop, with a ConnectionError", async () => {
    a.reply((_r, res) => res.writeHead(302, { location: "data:application/json,{}" }).end());
    const err = await client()
      .items.getItem({ id: "i1" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.ConnectionError);
    expect(String(err)).toContain("Refused a redirect to a data: URL");
    a.reply((_r, res) => res.writeHead(302, { location: "/items/again" }).end());
    const loop = await client(m, { retryConfig: { strategy: "none" } })
      .items.getItem({ id: "i1" })
      .catch((e: unknown) => e);
    expect(String(loop)).toContain("More than 20 redirects");
    expect(a.requests.length).toBe(21);
  });
});

describe("arguments that cannot be sent", () => {
  it.each(["..", ".", ""])("a path value of %j never reaches the server: InvalidRequestError, and ok: false from the standalone function", async (id) => {
    a.reply((_r, res) => json(res, 200, item));
    const err = await client()
      .items.getItem({ id })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.InvalidRequestError);
    const res = await m.itemsGetItem(new m.core({ bearer: TOKEN, apiKey: KEY, session: SESSION, serverURL: a.url }), { id });
    expect(res.ok).toBe(false);
    expect(res.error).toBeInstanceOf(m.errors.InvalidRequestError);
    expect(a.requests).toEqual([]);
  });

  it("a header value with CR/LF: the standalone function returns ok: false instead of throwing; nothing is sent", async () => {
    a.reply((_r, res) => json(res, 200, item));
    const core = new m.core({ bearer: TOKEN, apiKey: KEY, session: SESSION, serverURL: a.url });
    const res = await m.itemsGetItem(core, { id: "i1", xTrace: "a\r\nX-Injected: 1" });
    expect(res.ok).toBe(false);
    expect(res.error).toBeInstanceOf(m.errors.InvalidRequestError);
    const bad = await m.itemsGetItem(core, { id: "i1" }, { fetchOptions: { headers: { "X-Other": "x\ny" } } }).catch((e: unknown) => ({ threw: e }));
    expect(bad.ok).toBe(false);
    expect(a.requests).toEqual([]);
  });

  it.each([
    ["bearer", { bearer: `${TOKEN}\r\nX-Injected: yes` }],
    ["API key", { apiKey: `${KEY}\nX-Injected: yes` }],
    ["cookie", { session: `${SESSION}\u0000` }],
  ])("a %s credential with CR, LF or NUL is refused, and no message, stack or cause quotes it", async (_kind, bad) => {
    a.reply((_r, res) => json(res, 200, item));
    const err = await client(m, bad)
      .items.getItem({ id: "i1" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.InvalidRequestError);
    const text = exposed(err);
    for (const secret of [TOKEN, KEY, SESSION]) expect(text).not.toContain(secret);
    expect(a.requests).toEqual([]);
  });
});

describe("retries", () => {
  it("aborting a call while it waits to retry ends it at once with RequestAbortedError", async () => {
    a.reply((_r, res) => json(res, 503, { error: "busy" }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 150);
    const err = await client()
      .items.getItem({ id: "i1" }, { retries: slow, fetchOptions: { signal: controller.signal } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(a.requests.length).toBe(1);
  });

  /** The server reads each request, then drops the first connection without answering. */
  const dropFirst = () =>
    a.reply((_r, res, n) => {
      if (n === 1) res.socket?.destroy();
      else json(res, 201, item);
    });

  it("a POST whose connection drops after the server read it is retried with the same Idempotency-Key the spec declares", async () => {
    dropFirst();
    expect(await client().items.createItem({ item: { id: "i1" } })).toEqual(item);
    expect(a.requests.length).toBe(2);
    const [k1, k2] = a.requests.map((r) => r.headers["idempotency-key"]);
    expect(k1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(k2).toBe(k1);
  });

  it("the caller's own Idempotency-Key is sent as it is, on every attempt", async () => {
    dropFirst();
    await client().items.createItem({ idempotencyKey: "mine-1", item: { id: "i1" } });
    expect(a.requests.map((r) => r.headers["idempotency-key"])).toEqual(["mine-1", "mine-1"]);
  });

  it("a POST without an idempotency key is not replayed after the server may have read it", async () => {
    dropFirst();
    const err = await client()
      .charges.createCharge({ id: "c1" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(m.errors.ConnectionError);
    expect(a.requests.length).toBe(1);
  });

  it("with idempotencyHeader configured, every POST gets a key and is safely retried", async () => {
    dropFirst();
    expect(await client(keyed).charges.createCharge({ id: "c1" })).toEqual(item);
    const [k1, k2] = a.requests.map((r) => r.headers["idempotency-key"]);
    expect(k1).toMatch(/^[0-9a-f-]{36}$/);
    expect(k2).toBe(k1);
    // A GET is idempotent by itself: no key.
    a.reply((_r, res) => json(res, 200, item));
    await client(keyed).items.getItem({ id: "i1" });
    expect(a.requests[0].headers["idempotency-key"]).toBeUndefined();
  });
});
