/**
 * The TypeScript SDK in a real browser (headless Chromium through playwright-core): bundled with
 * esbuild for the browser, served with the API from one origin on 127.0.0.1. A browser's fetch hides
 * where a redirect goes (`redirect: "manual"` gives an opaque response), so there the SDK lets fetch
 * follow redirects, as browsers drop the Authorization header on the way to another origin.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { CHROMIUM, chromiumInstalled } from "./helpers/chromium.js";
import { ROOT } from "./helpers/paths.js";
import { TestServer, json } from "./helpers/server.js";

const OUT = join(ROOT, ".tmp", "sdk-browser");
const TOKEN = "sk_test_browser";
const item = { id: "i1", name: "moved" };
const SPEC = `openapi: 3.0.3
info: { title: Shop API, version: "1.0" }
servers: [{ url: "https://shop.example.com" }]
security: [{ bearer: [] }]
paths:
  /items/{id}:
    get:
      operationId: getItem
      tags: [items]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: The item, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } }
components:
  securitySchemes: { bearer: { type: http, scheme: bearer } }
  schemas:
    Item:
      type: object
      required: [id, name]
      properties: { id: { type: string }, name: { type: string } }
`;
// What the page runs: a call of the SDK, its outcome as JSON (an error by its class name and message).
const ENTRY = `import { Shop } from "./src/index.ts";
(globalThis as any).call = async (serverURL: string, token: string) => {
  try {
    return { ok: await new Shop({ bearer: token, serverURL }).items.getItem({ id: "i1" }) };
  } catch (e) {
    return { error: \`\${(e as Error).name}: \${(e as Error).message}\` };
  }
};
`;

let server: TestServer;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  await chromiumInstalled("the browser SDK test");
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "spec.yaml"), SPEC);
  const [r] = await generateAll(join(OUT, "spec.yaml"), [{ name: "typescript", out: join(OUT, "sdk"), packageName: "shop", sdkClass: "Shop", version: "1.0.0" }]);
  writeOutput(join(OUT, "sdk"), r.files);
  writeFileSync(join(OUT, "sdk", "entry.ts"), ENTRY);
  await build({ entryPoints: [join(OUT, "sdk", "entry.ts")], bundle: true, format: "esm", platform: "browser", target: "es2022", outfile: join(OUT, "app.js"), logLevel: "error" });
  bundle = readFileSync(join(OUT, "app.js"), "utf8");
  server = await TestServer.start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serves the page and its script; `api` answers every other request. */
function serve(api: (path: string, res: import("node:http").ServerResponse) => void): void {
  server.reply((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><script type="module" src="/app.js"></script>`);
    } else if (req.url === "/worker.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(`import "/app.js"; onmessage = async (e) => postMessage(await globalThis.call(...e.data));`);
    } else if (req.url === "/app.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(bundle);
    } else api(req.url, res);
  });
}

/** Opens the page and makes one call from it, or from a module worker it starts. */
async function callFromPage(where: "page" | "worker" = "page"): Promise<{ ok?: unknown; error?: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => typeof (globalThis as { call?: unknown }).call === "function");
    const args = [server.url, TOKEN] as const;
    if (where === "page") return await page.evaluate((a) => (globalThis as any).call(...a), args);
    return await page.evaluate(
      (a) =>
        new Promise((resolve) => {
          const worker = new Worker("/worker.js", { type: "module" });
          worker.onmessage = (e) => resolve(e.data);
          worker.postMessage(a);
        }),
      args,
    );
  } finally {
    await page.close();
  }
}

describe("the TypeScript SDK in a browser", () => {
  it("makes a call with its credential, and validates the reply", async () => {
    serve((_path, res) => json(res, 200, item));
    expect(await callFromPage()).toEqual({ ok: item });
    const calls = server.requests.filter((r) => r.url.startsWith("/items/"));
    expect(calls.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([["GET", "/items/i1", `Bearer ${TOKEN}`]]);
  });

  it.each(["page", "worker"] as const)("follows a redirect, in a %s (the browser's fetch hides where it goes from the SDK)", async (where) => {
    serve((path, res) => {
      if (path === "/items/i1") {
        res.writeHead(302, { location: "/items/moved" });
        res.end();
      } else json(res, 200, item);
    });
    expect(await callFromPage(where)).toEqual({ ok: item });
    expect(server.requests.filter((r) => r.url.startsWith("/items/")).map((r) => r.url)).toEqual(["/items/i1", "/items/moved"]);
  });
});
