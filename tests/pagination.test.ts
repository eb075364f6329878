// Paginated operations of the TypeScript SDK over real HTTP: every kind of pagination through three
// full pages and a last one, the stop rules, a server that repeats a cursor, and retries per page.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT } from "./helpers/paths.js";
import { runFixtureCheck } from "./helpers/python.js";
import { TestServer, json, type Recorded } from "./helpers/server.js";

let server: TestServer;
let m: Record<string, any>;
beforeAll(async () => {
  server = await TestServer.start();
  const out = join(ROOT, ".tmp", "pagination-ts");
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(join(ROOT, "tests", "fixtures", "pagination", "spec.yaml"), [{ name: "typescript", out, packageName: "pages", sdkClass: "SDK", version: "1.0.0" }]);
  writeOutput(out, r.files);
  m = await import(pathToFileURL(join(out, "src", "index.ts")).href);
});
afterAll(() => server.close());

const item = (n: number) => ({ id: `i${n}`, display_name: `Item ${n}` });
const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));
const client = () => new m.SDK({ bearer: "t", serverURL: server.url, retryConfig: { strategy: "none" } });
const query = (r: Recorded) => Object.fromEntries(new URL(r.url, "http://x").searchParams);

async function collect(first: any): Promise<any[]> {
  const pages = [];
  for await (const page of first) pages.push(page);
  return pages;
}

describe("pagination: TypeScript", () => {
  it("offsetLimit by offset: moves the offset by the items it got; a short page is the last", async () => {
    server.reply((req, res) => {
      const offset = Number(query(req).offset ?? 0);
      json(res, 200, { data: items(offset, offset < 6 ? 2 : 1) });
    });
    const first = await client().items.listItems({ kind: "a" });
    expect(first.result.data).toEqual([
      { id: "i0", displayName: "Item 0" },
      { id: "i1", displayName: "Item 1" },
    ]);
    const pages = await collect(first);
    expect(pages.map((p) => p.result.data.length)).toEqual([2, 2, 2, 1]);
    expect(server.requests.map((r) => query(r))).toEqual([{ kind: "a" }, { kind: "a", offset: "2" }, { kind: "a", offset: "4" }, { kind: "a", offset: "6" }]);
    expect(server.requests.every((r) => r.headers.authorization === "Bearer t")).toBe(true);
  });

  it("offsetLimit: the items helper walks every item of every page; an empty page ends it", async () => {
    server.reply((req, res) => {
      const offset = Number(query(req).offset ?? 0);
      json(res, 200, { data: offset < 6 ? items(offset, 3) : [] });
    });
    const first = await client().items.listItems({ limit: 3 });
    const ids = [];
    for await (const it of first.items()) ids.push(it.displayName);
    expect(ids).toEqual(["Item 0", "Item 1", "Item 2", "Item 3", "Item 4", "Item 5"]);
    expect(server.requests.map((r) => query(r).offset ?? "")).toEqual(["", "3", "6"]);
  });

  it("offsetLimit by page: stops at numPages", async () => {
    server.reply((req, res) => {
      const page = Number(query(req).page ?? 1);
      json(res, 200, { items: items(page * 10, 2), page_info: { total_pages: 4 } });
    });
    const pages = await collect(await client().items.listPages());
    expect(pages.map((p) => p.result.items[0].id)).toEqual(["i10", "i20", "i30", "i40"]);
    expect(server.requests.map((r) => query(r).page ?? "")).toEqual(["", "2", "3", "4"]);
  });

  it("offsetLimit: a server that ignores the offset or page number (the same full page again) is an error, not a loop", async () => {
    server.reply((_req, res) => json(res, 200, { data: items(0, 2) }));
    const err = await collect(await client().items.listItems()).catch((e: unknown) => e);
    expect((err as Error).name).toBe("SDKError");
    expect(String((err as Error).message)).toMatch(/same page 5 times/);
    expect(server.requests.map((r) => query(r).offset ?? "")).toEqual(["", "2", "4", "6", "8"]);
    server.reply((_req, res) => json(res, 200, { items: items(10, 2), page_info: { total_pages: 9 } }));
    await expect(collect(await client().items.listPages())).rejects.toThrow(/same page 5 times/);
    expect(server.requests.map((r) => query(r).page ?? "")).toEqual(["", "2", "3", "4", "5"]);
    // A page's twin alone (a mock repeating its example items) is walked past.
    server.reply((req, res) => json(res, 200, { items: items(Number(query(req).page ?? 1) > 2 ? 7 : 0, 2), page_info: { total_pages: 4 } }));
    expect((await collect(await client().items.listPages())).length).toBe(4);
    // Pages whose items differ go on, even with the same item count.
    server.reply((req, res) => json(res, 200, { items: items(Number(query(req).page ?? 1), 2), page_info: { total_pages: 3 } }));
    expect((await collect(await client().items.listPages())).length).toBe(3);
  });

  it("cursor in the request body: the next cursor goes into the body, the rest of it stays", async () => {
    server.reply((req, res) => {
      const token = JSON.parse(req.body).page_token ?? "";
      const n = token === "" ? 0 : Number(token.slice(1));
      json(res, 200, { results: items(n, 1), next: n < 3 ? { cursor: `c${n + 1}` } : null });
    });
    const pages = await collect(await client().items.searchItems({ query: "q" }));
    expect(pages.map((p) => p.result.results[0].id)).toEqual(["i0", "i1", "i2", "i3"]);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([{ query: "q" }, { query: "q", page_token: "c1" }, { query: "q", page_token: "c2" }, { query: "q", page_token: "c3" }]);
  });

  it("cursor in the query: a missing next cursor ends it; a repeated cursor is an error, not a loop", async () => {
    server.reply((req, res) => {
      const cursor = query(req).cursor;
      const n = cursor ? Number(cursor.slice(1)) : 0;
      json(res, 200, { events: items(n, 1), next_cursor: n < 3 ? `c${n + 1}` : undefined });
    });
    expect((await collect(await client().events.listEvents())).length).toBe(4);
    server.reply((_req, res) => json(res, 200, { events: items(0, 1), next_cursor: "same" }));
    const seen: string[] = [];
    const err = await (async () => {
      for await (const page of await client().events.listEvents()) seen.push(page.result.events[0].id);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/same next page twice/);
    expect(server.requests.length).toBe(2);
  });

  it("url: follows the URL the response names (relative or absolute), at the same origin only", async () => {
    server.reply((req, res) => {
      const n = Number(query(req).n ?? 0);
      const next = n === 0 ? "/linked?n=1" : n < 3 ? `${server.url}/linked?n=${n + 1}` : null;
      json(res, 200, { entries: items(n, 1), links: { next } });
    });
    const pages = await collect(await client().events.listLinked());
    expect(pages.map((p) => p.result.entries[0].id)).toEqual(["i0", "i1", "i2", "i3"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/linked", "/linked?n=1", "/linked?n=2", "/linked?n=3"]);
    server.reply((_req, res) => json(res, 200, { entries: items(0, 1), links: { next: "https://elsewhere.example.com/linked?n=1" } }));
    const first = await client().events.listLinked();
    await expect(first.next()).rejects.toThrow(/another origin/);
    expect(server.requests.length).toBe(1);
  });

  it("Link headers (no extension: GitHub's convention) until there is no rel=next", async () => {
    server.reply((req, res) => {
      const page = Number(query(req).page ?? 1);
      const link =
        page < 4 ? `<${server.url}/repos?per_page=1&page=${page + 1}>; rel="next", <${server.url}/repos?per_page=1&page=4>; rel="last"` : `<${server.url}/repos?per_page=1&page=1>; rel="first"`;
      json(res, 200, items(page, 1), { link });
    });
    const first = await client().repos.listRepos({ perPage: 1 });
    const names = [];
    for await (const repo of first.items()) names.push(repo.id);
    expect(names).toEqual(["i1", "i2", "i3", "i4"]);
  });

  it("has_more + starting_after (no extension: Stripe's convention)", async () => {
    server.reply((req, res) => {
      const after = query(req).starting_after;
      const n = after ? Number(after.slice(1)) + 1 : 0;
      json(res, 200, { object: "list", url: "/charges", data: items(n, 2), has_more: n < 6 });
    });
    const pages = await collect(await client().charges.listCharges({ limit: 2 }));
    expect(pages.length).toBe(4);
    expect(server.requests.map((r) => query(r).starting_after ?? "")).toEqual(["", "i1", "i3", "i5"]);
  });

  it("retries and the call's options apply to every page's request", async () => {
    server.reply((req, res, n) => {
      if (n === 2) return json(res, 503, {});
      const offset = Number(query(req).offset ?? 0);
      json(res, 200, { data: items(offset, offset < 2 ? 2 : 0) });
    });
    const c = new m.SDK({ bearer: "t", serverURL: server.url });
    const first = await c.items.listItems(undefined, {
      retries: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 2, exponent: 1, maxElapsedTime: 2000 }, retryConnectionErrors: false },
      retryCodes: ["503"],
      fetchOptions: { headers: { "x-trace": "abc" } },
    });
    const pages = await collect(first);
    expect(pages.length).toBe(2);
    expect(server.requests.map((r) => [query(r).offset ?? "", r.headers["x-trace"]])).toEqual([
      ["", "abc"],
      ["2", "abc"],
      ["2", "abc"],
    ]);
  });

  it("the standalone function returns the first page as a Result", async () => {
    server.reply((_req, res) => json(res, 200, { data: [] }));
    const funcs = await import(pathToFileURL(join(ROOT, ".tmp", "pagination-ts", "src", "funcs", "itemsListItems.ts")).href);
    const core = await import(pathToFileURL(join(ROOT, ".tmp", "pagination-ts", "src", "core.ts")).href);
    const r = await funcs.itemsListItems(new core.SDKCore({ bearer: "t", serverURL: server.url }));
    expect(r.ok).toBe(true);
    expect(r.value.result).toEqual({ data: [] });
    expect(await r.value.next()).toBeNull();
  });
});

describe("pagination: Python", () => {
  it("sync and async: every kind through its last page, Speakeasy's `while res is not None: res = res.next()` loop, stop rules, retries per page", async () => {
    const py = await runFixtureCheck("pagination", "pages", "pagination_check.py", "pagination-py");
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
  });
});
