/**
 * The docs site in a real browser: `specsmith docs build` for our ActorTokens spec, served on
 * 127.0.0.1, driven by headless Chromium (Debian's, through playwright-core). Search, the language
 * switch and its memory, every sidebar link, and a screenshot kept in .tmp/artifacts/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent, type SiteContent } from "../generator/docs/site.js";
import { vPre, type SitePage } from "../generator/docs/site-pages.js";
import { SITE_RECORD } from "../generator/docs/site-record.js";
import { CHROMIUM, chromiumInstalled } from "./helpers/chromium.js";
import { finished, specsmith, startSpecsmith } from "./helpers/cli.js";
import { ROOT, listFiles, tempDir } from "./helpers/paths.js";

// Built from an empty folder outside this repository (no node_modules there: VitePress and Vue come
// from specsmith's own install), below a base path, as a GitHub Pages site is.
const CWD = tempDir("specsmith-site-cwd-");
const SITE = join(CWD, "site");
const BASE_PATH = "/sdk-docs/";
const ARTIFACTS = join(ROOT, ".tmp", "artifacts");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".txt": "text/plain",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

let server: Server;
let base: string;
let browser: Browser;

/** A static file server for the built site (below `prefix`): a missing file is a 404. */
function serve(root: string, prefix = "/"): Promise<Server> {
  const s = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    const path = normalize(decodeURIComponent(url.startsWith(prefix) ? "/" + url.slice(prefix.length) : "/\0missing")).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/html" }).end(readFileSync(join(root, "404.html")));
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

/** A page that records console errors and failed page loads. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors };
}

/**
 * specsmith packed (`npm pack`, as the registry would get it) and installed from the tarball into an
 * empty folder; the installed CLI's path. npm's cache (filled by `npm ci`) serves the dependencies.
 */
function installPacked(): string {
  const dir = tempDir("specsmith-packed-");
  const run = (cmd: string, args: string[], cwd: string) => {
    const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 240_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
    return r.stdout;
  };
  const tarball = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT))[0].filename as string;
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "an-sdk-repo", private: true }));
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(dir, tarball)], app);
  return join(app, "node_modules", "specsmith", "bin", "specsmith.js");
}

/** The installed CLI (installPacked). */
let installed: string;
/** `docs build` of our ActorTokens site by the installed CLI, into SITE. */
const buildInstalled = (env: Record<string, string> = {}, config = join(ROOT, "spec", "specsmith.yaml")) =>
  spawnSync(process.execPath, [installed, "docs", "build", "--config", config, "--out", "site", "--base", BASE_PATH], {
    cwd: CWD,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, ...env },
  });

beforeAll(async () => {
  await chromiumInstalled("the docs-site test");
  // specsmith as a user installs it: `npm pack`, then `npm install` of the tarball in a folder of its own.
  installed = installPacked();
  const built = buildInstalled();
  const r = { code: built.status, stderr: built.stderr };
  expect(r.stderr.replace(/^.*(building|rendering|build complete).*\n/gm, "")).toBe("");
  expect(r.code).toBe(0);
  // Nothing but the output folder where it ran.
  expect(readdirSync(CWD)).toEqual(["site"]);
  server = await serve(SITE, BASE_PATH);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH.replace(/\/$/, "")}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("the docs site", () => {
  it("opens on the SDK's README with no console errors, and serves llms.txt and llms-full.txt (its tables unpadded)", async () => {
    const { page, errors } = await open(`${base}/`);
    expect(await page.locator("h1").first().textContent()).toContain("clerk-backend-api");
    expect(errors).toEqual([]);
    const llms = await (await fetch(`${base}/llms.txt`)).text();
    expect(llms).toMatch(/^# Clerk Backend API\n/);
    expect(llms).toContain("- [ActorTokens](/sdk-docs/docs/sdks/actortokens/README.html)");
    expect(llms).toContain("- [ActorTokens.revoke](/sdk-docs/docs/sdks/actortokens/revoke.html)");
    const full = await (await fetch(`${base}/llms-full.txt`)).text();
    expect(full).toContain("clerk.actor_tokens.revoke(");
    // Tables as text, without the padding the SDK's pages align their columns with.
    expect(full).toContain("| `userId` | *string* | :heavy_check_mark: | N/A | user_1a2b3c |");
    expect(full).not.toMatch(/ {2}\|/);
    // A model's page without the links that pick its language (the browser's, not a reader's of text).
    expect(full).toContain("# ActorToken\n");
    expect(full).not.toContain("specsmith-pick");
    await page.close();
  });

  it("ships each page's text once: a page's lean chunk (what hydrates it) holds none of it, and it hydrates with no error", async () => {
    const assets = readdirSync(join(SITE, "assets"));
    const lean = assets.find((f) => /^docs_sdks_actortokens_revoke\.md\.[\w-]+\.lean\.js$/.test(f));
    expect(lean).toBeDefined();
    const html = readFileSync(join(SITE, "docs/sdks/actortokens/revoke.html"), "utf8");
    expect(html).toContain("Revokes a pending actor token.");
    expect(html).toMatch(/<pre class="shiki/);
    expect(readFileSync(join(SITE, "assets", lean!), "utf8")).not.toContain("Revokes a pending actor token.");
    const { page, errors } = await open(`${base}/docs/sdks/actortokens/revoke.html`);
    await page.locator(".vp-code-group .tabs label").nth(1).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds an operation's own page by searching its name", async () => {
    const { page } = await open(`${base}/`);
    await page.locator(".VPNavBarSearch button").first().click();
    await page.locator("#localsearch-input").fill("revoke");
    await page.locator("#localsearch-list a").first().waitFor();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/docs\/sdks\/actortokens\/revoke\.html/);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("revoke");
    await page.close();
  });

  it("gives each operation a page; the resource page lists them, and its old #anchors lead to them", async () => {
    const { page, errors } = await open(`${base}/docs/sdks/actortokens/README.html`);
    expect(await page.locator(".vp-code-group").count()).toBe(0);
    await page.locator(".vp-doc a", { hasText: "create" }).first().click();
    await page.waitForURL(/\/docs\/sdks\/actortokens\/create\.html$/);
    // A link published when operations were sections of the resource page.
    await page.goto(`${base}/docs/sdks/actortokens/README.html#revoke`, { waitUntil: "networkidle" });
    await page.waitForURL(/\/docs\/sdks\/actortokens\/revoke\.html$/);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("revoke");
    // The home page's list of operations links to their pages.
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    const links = await page.locator(".vp-doc a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain(`${base}/docs/sdks/actortokens/create.html`);
    expect(links.filter((h) => /README\.html#(create|revoke)$/.test(h))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("switches every example to Python, remembers it on the next page and after a reload, and takes ?lang= from a shared link", async () => {
    const { page, errors } = await open(`${base}/docs/sdks/actortokens/create.html`);
    const groups = page.locator(".vp-code-group");
    expect(await groups.count()).toBe(1);
    await groups.first().locator(".tabs label", { hasText: "Python" }).click();
    await expect.poll(() => groups.first().locator(".blocks > .active").textContent()).toContain("clerk.actor_tokens.create(");
    // Another operation, after a reload: Python still.
    await page.goto(`${base}/docs/sdks/actortokens/revoke.html`, { waitUntil: "networkidle" });
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => page.locator(".vp-code-group").first().locator(".blocks > .active").textContent()).toContain('clerk.actor_tokens.revoke(actor_token_id="act_tok_abcdefghijk")');
    const shot = join(ARTIFACTS, "docs-site-operation-python.png");
    await page.locator(".vp-code-group").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
    // A link shared in TypeScript opens in TypeScript for a reader who never chose (a fresh browser context).
    const shared = await open(`${base}/docs/sdks/actortokens/revoke.html?lang=typescript`);
    await expect.poll(() => shared.page.locator(".vp-code-group").first().locator(".blocks > .active").textContent()).toContain("clerk.actorTokens.revoke(");
    const python = await open(`${base}/docs/sdks/actortokens/revoke.html?lang=python`);
    await expect.poll(() => python.page.locator(".vp-code-group").first().locator(".blocks > .active").textContent()).toContain("clerk.actor_tokens.revoke(");
    await shared.page.screenshot({ path: join(ARTIFACTS, "docs-site-operation-typescript.png") });
    await shared.page.close();
    await python.page.close();
  });

  it("shows the whole operation page in the chosen language: tables, model links and model pages, and the HTTP view", async () => {
    const { page, errors } = await open(`${base}/docs/sdks/actortokens/create.html?lang=python`);
    const doc = page.locator(".vp-doc");
    // TypeScript's standalone function has no Python part: its heading goes too.
    await expect.poll(() => page.locator("h2", { hasText: "Standalone function" }).isVisible()).toBe(false);
    await expect.poll(() => page.locator("h2", { hasText: "Parameters" }).isVisible()).toBe(true);
    // The outline beside the page follows: Parameters listed, the standalone function not.
    await expect.poll(() => page.locator(".VPDocAsideOutline a", { hasText: "Parameters" }).isVisible()).toBe(true);
    await expect.poll(() => page.locator(".VPDocAsideOutline a", { hasText: "Standalone function" }).isVisible()).toBe(false);
    expect(await doc.innerText()).toContain("models.CreateActorTokenRequestBody");
    expect(await doc.innerText()).not.toContain("operations.CreateActorTokenRequestBody");
    // One page a model, in every language: Python's fields shown.
    await page.locator(".vp-doc a:visible", { hasText: "models.CreateActorTokenRequestBody" }).click();
    await page.waitForURL(/\/docs\/models\/operations\/createactortokenrequestbody\.html$/);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("CreateActorTokenRequestBody");
    await expect.poll(() => doc.innerText()).toContain("user_id");
    expect(await doc.innerText()).not.toContain("userId");
    // The same model in the other language, picked on the page, and back.
    await page.locator(".specsmith-pick a", { hasText: "TypeScript" }).click();
    await expect.poll(() => doc.innerText()).toContain("userId");
    expect(await doc.innerText()).not.toContain("user_id");
    expect(page.url(), page.url()).toMatch(/\/docs\/models\/operations\/createactortokenrequestbody\.html$/);
    await page.locator(".specsmith-pick a", { hasText: "Python" }).click();
    await expect.poll(() => doc.innerText()).toContain("user_id");
    // Still Python after a reload of an operation page.
    await page.goto(`${base}/docs/sdks/actortokens/revoke.html`, { waitUntil: "networkidle" });
    await page.reload({ waitUntil: "networkidle" });
    // (Python takes the path parameter as an argument; TypeScript, a request object.)
    await expect.poll(() => doc.innerText()).toMatch(/actor_token_id\s+str\s/);
    expect(await doc.innerText()).not.toContain("operations.RevokeActorTokenRequest");
    expect(errors).toEqual([]);
    await page.close();
    // The HTTP view: the curl command, and the wire's parameters and statuses.
    const http = await open(`${base}/docs/sdks/actortokens/revoke.html?lang=curl`);
    const text = () => http.page.locator(".vp-doc").innerText();
    await expect.poll(text).toContain("curl -X POST");
    expect(await text()).toMatch(/actor_token_id\s+path\s+string\s+yes/);
    expect(await text()).not.toContain("models.RevokeActorTokenRequest");
    await http.page.screenshot({ path: join(ARTIFACTS, "docs-site-operation-curl.png"), fullPage: true });
    await http.page.close();
  });

  it("links the home page to each SDK's changelog", async () => {
    const { page, errors } = await open(`${base}/`);
    await page.locator(".vp-doc a", { hasText: "Changelog (Python)" }).click();
    await page.waitForURL(/\/sdk-docs\/changelog\/python\.html$/);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("Changelog (Python)");
    expect(await page.locator(".vp-doc").textContent()).toMatch(/\d+\.\d+\.\d+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("every sidebar link, and every link of the models index, opens a page (no 404)", async () => {
    const { page } = await open(`${base}/docs/sdks/actortokens/README.html`);
    const sidebar = await page.locator(".VPSidebar a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Getting started (twice), the resource and its two operations, the models index, RetryConfig (twice), two changelogs.
    expect(sidebar.length).toBeGreaterThanOrEqual(10);
    expect(sidebar.some((h) => h.endsWith("/python/index.html"))).toBe(true);
    expect(sidebar.some((h) => h.endsWith("/docs/sdks/actortokens/revoke.html"))).toBe(true);
    await page.goto(`${base}/models.html`, { waitUntil: "networkidle" });
    const models = await page.locator(".vp-doc a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.includes("#")));
    // Each language's model pages: TypeScript's 8, Python's 11, 8 of which are the pages they share
    // (the other 3 document models TypeScript's docs inline).
    expect(models).toHaveLength(19);
    expect(models.filter((h) => h.includes("/python/docs/models/"))).toHaveLength(3);
    const hrefs = [...sidebar, ...models];
    for (const href of new Set(hrefs.map((h) => h.replace(/#.*$/, "")))) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
      expect(await page.locator(".NotFound").count(), href).toBe(0);
    }
    await page.close();
  });

  it("gives model pages a sidebar without the resources (each link of it opens a page)", async () => {
    const { page, errors } = await open(`${base}/models.html`);
    const model = await page.locator(".vp-doc a[href*='/python/docs/models/']").first().getAttribute("href");
    await page.goto(new URL(model!, page.url()).href, { waitUntil: "networkidle" });
    expect(page.url()).toMatch(/\/python\/docs\/models\/[^/]+\.html$/);
    const sidebar = await page.locator(".VPSidebar a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(sidebar.some((h) => h.endsWith("/models.html"))).toBe(true);
    expect(sidebar.some((h) => h.includes("/docs/sdks/"))).toBe(false);
    for (const href of new Set(sidebar)) expect((await page.request.get(href)).status(), href).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Last in this block: it builds the site again.
  it("a second build from the same files leaves the site as it is without making its pages; the same pages from other files skip VitePress; once a file there changed, VitePress builds it again", () => {
    const page = join(SITE, "docs", "sdks", "actortokens", "revoke.html");
    const files = listFiles(SITE);
    // (The record of what the site was made from is the site's bookkeeping, not a page: a build from other files rewrites it.)
    const stamps = () => files.filter((f) => f !== SITE_RECORD).map((f) => `${f} ${statSync(join(SITE, f)).mtimeMs}`);
    const before = stamps();
    // With each step's timings asked for: none, as the spec, the config and the SDKs' folders are as
    // the last build read them (not even the SDKs are generated in memory).
    const again = buildInstalled({ SPECSMITH_TIMINGS: "1" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^specsmith: docs site \(\d+ pages\), unchanged since its last build, → site in \d+ ms$/m);
    expect(again.stderr).toBe("");
    expect(stamps()).toEqual(before);
    // The same spec and SDKs through a config elsewhere: the SDKs are generated in memory, the pages
    // made, and they are the pages the site has: VitePress does not run.
    const elsewhere = tempDir("specsmith-site-config-");
    writeFileSync(join(elsewhere, "clerk-actor-tokens.yaml"), readFileSync(join(ROOT, "spec", "clerk-actor-tokens.yaml")));
    const config = readFileSync(join(ROOT, "spec", "specsmith.yaml"), "utf8").replaceAll("../generated/", `${join(ROOT, "generated")}/`);
    writeFileSync(join(elsewhere, "specsmith.yaml"), config);
    const moved = buildInstalled({ SPECSMITH_TIMINGS: "1" }, join(elsewhere, "specsmith.yaml"));
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/unchanged since its last build/);
    expect(moved.stderr).not.toMatch(/building client/);
    expect(moved.stderr).toMatch(
      // (With SPECSMITH_THREADS=2, the Python SDK's steps say they ran on a worker thread.)
      /^specsmith: loading the spec: \d+ ms, \d+ MB resident\n[^]*^specsmith: rendering python( on a worker thread)?: \d+ ms[^]*\nspecsmith: making the site's pages: \d+ ms, \d+ MB resident\n$/m,
    );
    expect(stamps()).toEqual(before);
    // That config's spec edited: the pages are made again (and are the same).
    writeFileSync(join(elsewhere, "clerk-actor-tokens.yaml"), readFileSync(join(ROOT, "spec", "clerk-actor-tokens.yaml"), "utf8") + "\n");
    const edited = buildInstalled({ SPECSMITH_TIMINGS: "1" }, join(elsewhere, "specsmith.yaml"));
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stderr).toMatch(/^specsmith: loading the spec: /m);
    expect(edited.stdout).toMatch(/unchanged since its last build/);
    rmSync(elsewhere, { recursive: true, force: true });
    // A page edited there (by hand, or by a deploy step): the next build puts the site back.
    const text = readFileSync(page, "utf8");
    writeFileSync(page, `${text}<!-- edited -->`);
    const third = buildInstalled();
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).not.toMatch(/unchanged/);
    expect(readFileSync(page, "utf8")).toBe(text);
    expect(listFiles(SITE)).toEqual(files);
  }, 240_000);
});

/** A port nothing listens on (on 127.0.0.1). */
function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
}

describe("docs dev", () => {
  it("serves the home page and an operation page with reload, and stops cleanly on Ctrl-C", async () => {
    const port = await freePort();
    const child = startSpecsmith(["docs", "dev", "--port", String(port)]);
    const done = finished(child);
    let said = "";
    child.stdout!.on("data", (d: Buffer) => (said += d.toString()));
    await expect.poll(() => said, { timeout: 60_000 }).toContain(`serving the docs site at http://127.0.0.1:${port}/`);
    const { page, errors } = await open(`http://127.0.0.1:${port}/docs/sdks/actortokens/create.html`);
    await expect.poll(() => page.locator("h1").first().textContent(), { timeout: 30_000 }).toContain("create");
    expect(await page.locator(".vp-code-group").count()).toBe(1);
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("clerk-backend-api");
    expect(errors, errors.join("\n")).toEqual([]);
    await page.close();
    child.kill("SIGINT");
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/error|\n\s+at /i);
  }, 120_000);
});

describe("docs dev on a port in use", () => {
  it("says so and exits 2, without serving elsewhere or leaving files behind; so does a --port that is no port", async () => {
    const taken = createServer((_req, res) => res.end("taken"));
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      // Its own temporary folder: the site's source it made there goes with it.
      const tmp = tempDir("specsmith-dev-tmp-");
      const child = startSpecsmith(["docs", "dev", "--port", String(port)], ROOT, { TMPDIR: tmp });
      const r = await finished(child);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`specsmith: port ${port} on 127.0.0.1 is in use\n  hint: stop what listens there, or pick another port with --port N\n`);
      expect(r.stdout).not.toMatch(/serving/);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      taken.close();
    }
    for (const bad of ["http", "0", "70000", "-1"]) {
      const r = specsmith(["docs", "dev", "--port", bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toBe(`specsmith: --port ${bad} is not a port number (1 to 65535)\n  hint: such as --port 5173\n`);
    }
  }, 120_000);
});

describe("docs dev following the spec", () => {
  it("shows an edited description in the open page, reports a broken spec while the last site stays served, takes the fix, and follows a new page and a release", async () => {
    const dir = tempDir("specsmith-docs-dev-");
    const spec = join(dir, "spec.yaml");
    const original = readFileSync(join(ROOT, "spec", "clerk-actor-tokens.yaml"), "utf8");
    const DESCRIBED = "Create an actor token that can be used to impersonate the given user.";
    expect(original).toContain(DESCRIBED);
    writeFileSync(spec, original);
    const config = [
      "spec: spec.yaml",
      "targets:",
      "  typescript:",
      "    out: out/typescript",
      "    packageName: clerk-backend-api",
      "    sdkClass: Clerk",
      "  python:",
      "    out: out/python",
      "    packageName: clerk_backend_api",
      "    sdkClass: Clerk",
      "",
    ];
    writeFileSync(join(dir, "specsmith.yaml"), config.join("\n"));
    // The SDKs generated first: their folders' locks and changelogs are inputs of the pages too.
    const generated = specsmith(["generate", "--config", join(dir, "specsmith.yaml")], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const port = await freePort();
    const child = startSpecsmith(["docs", "dev", "--config", join(dir, "specsmith.yaml"), "--port", String(port)], dir);
    const done = finished(child);
    let said = "";
    let complained = "";
    child.stdout!.on("data", (d: Buffer) => (said += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (complained += d.toString()));
    const updates = () => said.match(/^specsmith: docs site updated \(\d+ files? changed of \d+ pages\) in \d+ ms$/gm)?.length ?? 0;
    try {
      await expect.poll(() => said, { timeout: 60_000 }).toContain(`serving the docs site at http://127.0.0.1:${port}/`);
      const { page, errors } = await open(`http://127.0.0.1:${port}/docs/sdks/actortokens/create.html`);
      const text = () => page.locator(".vp-doc").first().textContent();
      await expect.poll(text, { timeout: 30_000 }).toContain(DESCRIBED);

      // Saved: the open page changes in place (the dev server's hot update), no reload.
      const EDITED = "Mint a token to act as the given user.";
      writeFileSync(spec, original.replace(DESCRIBED, EDITED));
      await expect.poll(text, { timeout: 30_000 }).toContain(EDITED);
      expect(await text()).not.toContain(DESCRIBED);
      await expect.poll(updates).toBe(1);

      // A broken save is reported in the spec's terms; the last good site stays served.
      writeFileSync(spec, `${original.replace(DESCRIBED, EDITED)}\npaths: [\n`);
      await expect.poll(() => complained, { timeout: 30_000 }).toMatch(/spec\.yaml:\d+:\d+: error: invalid YAML/);
      await page.reload({ waitUntil: "networkidle" });
      await expect.poll(text, { timeout: 30_000 }).toContain(EDITED);

      // The fix brings the spec's own text back.
      writeFileSync(spec, original);
      await expect.poll(text, { timeout: 30_000 }).toContain(DESCRIBED);
      await expect.poll(updates).toBe(2);
      expect(errors, errors.join("\n")).toEqual([]);

      // Saved again with no byte changed (an editor's save without edits): no run.
      writeFileSync(spec, original);
      await new Promise((r) => setTimeout(r, 2000));
      expect(updates()).toBe(2);
      await page.close();

      // A new operation: a new page, and a sidebar that lists it (VitePress restarts on the new config).
      const RENEW = [
        "  /actor_tokens/{actor_token_id}/renew:",
        "    post:",
        "      x-speakeasy-group: actorTokens",
        "      x-speakeasy-name-override: renew",
        "      summary: Renew actor token",
        "      description: Renews a pending actor token, for the dev server.",
        "      operationId: RenewActorToken",
        "      parameters:",
        "        - { name: actor_token_id, in: path, required: true, schema: { type: string } }",
        "      responses:",
        "        '200':",
        "          $ref: '#/components/responses/ActorToken'",
        "",
      ];
      expect(original).toContain("\ncomponents:\n");
      writeFileSync(spec, original.replace("\ncomponents:\n", `\n${RENEW.join("\n")}components:\n`));
      const served = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((r) => (r.ok ? r.text() : `${r.status}`));
      await expect.poll(() => served("/docs/sdks/actortokens/renew.md"), { timeout: 60_000 }).toContain("Renews a pending actor token, for the dev server.");
      // The sidebar lists it: the open page, once the restarted server reloads it, links there.
      // While the server starts again, nothing listens on the port for a moment: a refused load is tried again.
      const second = await browser.newPage();
      const listed = async () => {
        const loaded = await second.goto(`http://127.0.0.1:${port}/docs/sdks/actortokens/create.html`, { waitUntil: "networkidle" }).then(
          () => true,
          () => false,
        );
        return loaded ? second.locator('.VPSidebar a[href$="actortokens/renew.html"]').count() : -1;
      };
      await expect.poll(listed, { timeout: 60_000, interval: 1000 }).toBe(1);
      await second.close();

      // A `generate` in another terminal releases the new operation: the changelog page follows.
      const changelog = () => served("/changelog/typescript.md");
      expect(await changelog()).not.toContain("renew");
      const released = specsmith(["generate", "--config", join(dir, "specsmith.yaml")], dir);
      expect(released.stdout).toMatch(/typescript 0\.1\.0 → 0\.1\.1/);
      await expect.poll(changelog, { timeout: 30_000 }).toMatch(/## 0\.1\.1[^]*actorTokens\.renew/);
    } finally {
      child.kill("SIGINT");
    }
    const r = await done;
    expect(r.code).toBe(0);
    // Diagnostics say where in the spec ("at #/paths"); no stack trace says where in specsmith.
    expect(r.stderr).not.toMatch(/^\s+at (?!#)/m);
  }, 180_000);
});

describe("a dead link", () => {
  const page = (path: string, markdown: string): SitePage => ({ path, markdown, content: vPre(markdown), title: path });
  const site = (markdown: string): SiteContent => ({
    title: "Dead links",
    anchors: {},
    languages: ["typescript"],
    pages: [page("index.md", "# Home\n\nSee [things](docs/sdks/things/README.md).\n"), page("docs/sdks/things/README.md", markdown)],
  });

  it("injected into a page fails the build, naming the page and the link", async () => {
    const out = join(tempDir("specsmith-dead-link-"), "site");
    const vp = await import("vitepress");
    await expect(buildContent(vp, site("# Things\n\nSee [the guide](../guide.md#intro) and [home](../../README.md).\n"), out)).rejects.toThrow(
      "docs/sdks/things/README.md links to ../guide.md#intro, which the site does not have",
    );
    expect(existsSync(out)).toBe(false);
    // One our check leaves to VitePress (no .md): VitePress's own check fails the build.
    const failure = await buildContent(vp, site("# Things\n\nSee [the guide](../guide).\n"), out).then(
      () => "built",
      (e: Error) => e.message,
    );
    expect(failure).toMatch(/^the docs site did not build: [^]*1 dead link\(s\) found/);
    // The bundler's message carries a stack trace: none of it reaches the user.
    expect(failure).not.toMatch(/^\s+at /m);
  }, 120_000);
});

describe("a hostile spec's site", () => {
  // Every trick of a spec author who wants code to run (at build time in Node, or in readers' browsers)
  // or a local file published: each must come out as text.
  const dir = tempDir("specsmith-hostile-site-");
  const secretFile = join(dir, "secret.txt");
  const SECRET = "HOSTILE-SITE-SECRET-CONTENT";
  const PWN = "globalThis.pwned=1";
  const description = [
    "Innocent words.",
    "",
    "::::",
    `{{ [].constructor.constructor('${PWN}')() }}`,
    "",
    "```",
    `<!--@include: ${secretFile}-->`,
    "```",
    "",
    `<<< ${secretFile}`,
    "",
    `![l](x.png){onerror=${PWN}}`,
    "",
    `\\\`<img src=x onerror=${PWN}>\``,
    "",
    // Unbalanced HTML never fails the build.
    "<div><details><summary>open </td></table>",
  ].join("\n");
  const spec = {
    openapi: "3.1.0",
    info: { title: `Evil </script><script>${PWN}</script> API`, version: "1.0.0" },
    tags: [{ name: "things", description: `## <img/src=x/onerror=${PWN}>\n\n<!--@include: ${secretFile}-->` }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          tags: ["things"],
          description,
          // The HTTP view's tables and the Python pages show parameter names and descriptions too.
          parameters: [{ name: `q|<img src=x onerror=${PWN}>`, in: "query", description: `<img src=x onerror=${PWN}> |x|`, schema: { type: "string" } }],
          responses: { "204": { description: `ok <script>${PWN}</script> {{ 1+1 }}` } },
        },
      },
    },
  };
  let hostileServer: Server;
  let hostileBase: string;

  beforeAll(async () => {
    writeFileSync(secretFile, SECRET);
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    writeFileSync(
      join(dir, "specsmith.yaml"),
      `spec: spec.json\ntargets:\n  typescript:\n    out: ts\n    packageName: evil\n    sdkClass: Evil\n  python:\n    out: py\n    packageName: evil\n    sdkClass: Evil\n`,
    );
    const out = join(dir, "site");
    const r = specsmith(["docs", "build", "--config", join(dir, "specsmith.yaml"), "--out", out], ROOT, { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    hostileServer = await serve(out);
    hostileBase = `http://127.0.0.1:${(hostileServer.address() as AddressInfo).port}`;
  }, 240_000);
  afterAll(() => hostileServer?.close());

  it("runs no code, publishes no local file, and shows the text", async () => {
    for (const path of [
      "/",
      "/python/index.html",
      "/docs/sdks/things/README.html",
      "/docs/sdks/things/listthings.html",
      "/docs/sdks/things/listthings.html?lang=curl",
      "/docs/sdks/things/listthings.html?lang=python",
    ]) {
      const { page } = await open(`${hostileBase}${path}`);
      expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
      expect(await page.locator("[onerror], [onmouseover], iframe").count()).toBe(0);
      const html = await page.content();
      expect(html).not.toContain(SECRET);
      if (path.includes("listthings.html")) expect(await page.locator(".vp-doc").textContent()).toContain("Innocent words.");
      if (path.endsWith("?lang=curl")) expect(await page.locator(".vp-doc").innerText()).toContain("ok <script>globalThis.pwned=1</script> {{ 1+1 }}");
      await page.close();
    }
    for (const file of listFiles(join(dir, "site"))) expect(readFileSync(join(dir, "site", file), "utf8"), file).not.toContain(SECRET);
  });
});

describe("code blocks, highlighted once for the whole build", () => {
  it("keep what VitePress makes of each: the same code with and without a highlighted line, and in a -vue fence (interpolated)", async () => {
    const code = "const two = {{ 1 + 1 }};";
    const fence = (info: string) => `\`\`\`${info}\n${code}\n\`\`\`\n`;
    const markdown = `# Blocks\n\n${fence("ts {1}")}\n${fence("ts")}\n${fence("ts-vue")}`;
    const out = join(tempDir("specsmith-highlight-"), "site");
    const site: SiteContent = { title: "Blocks", anchors: {}, languages: ["typescript"], pages: [{ path: "index.md", markdown, content: markdown, title: "Blocks" }] };
    await buildContent(await import("vitepress"), site, out);
    const html = readFileSync(join(out, "index.html"), "utf8");
    const blocks = [...html.matchAll(/<pre[^>]*>([^]*?)<\/pre>/g)].map((m) => m[1]);
    expect(blocks.map((b) => b.replace(/<[^>]+>/g, "").trim())).toEqual(["const two = {{ 1 + 1 }};", "const two = {{ 1 + 1 }};", "const two = 2;"]);
    expect(blocks.map((b) => b.includes("highlighted"))).toEqual([true, false, false]);
  }, 120_000);
});
