/**
 * `specsmith docs build|dev`: a static docs site, built by VitePress from the pages `generate` writes
 * (the same view models; nothing is re-parsed). The first target's pages are the site's frame; each
 * operation page holds every target's parts and the HTTP view, one language shown at a time (the
 * reader's choice, remembered across pages); the other targets' model pages and README sit below
 * their names (site-targets.ts); a sidebar by resource, operation and model; local search; llms.txt
 * and llms-full.txt. VitePress is loaded only here, never by `generate`.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig } from "../config.js";
import { UsageError } from "../diagnostics.js";
import { WriteError } from "../write/write.js";
import { CHANGELOG, generateAll, type TargetResult } from "../generate.js";
import { LOCK_FILE } from "../release/lock.js";
import type { WatchMemo } from "../targets/shared/render-memo.js";
import { SourceReads } from "../load/source-reads.js";
import { ComponentsMemo } from "../ir/components-memo.js";
import { watchFiles, type RunRead } from "../watch.js";
import { changedSinceRead } from "../inputs.js";
import { ReadWhileWritten } from "../load/source.js";
import { SILENT, type Progress } from "../progress.js";
import type { CodeSample } from "./code-samples.js";
import { curlSamples } from "./curl.js";
import { httpReference, type ReferencePart } from "./http-reference.js";
import { HTTP_LANG, languageCss } from "./site-languages.js";
import {
  changelogPages,
  deadLinks,
  joinedModelPage,
  operationPages,
  withChangelogLinks,
  llmsTxt,
  modelsPage,
  samplesByMarker,
  siteDataText,
  sitePage,
  siteSidebars,
  type SitePage,
} from "./site-pages.js";
import { modelSections, operationLanguages, siteTarget, targetPages } from "./site-targets.js";
import { LiveSource, write } from "./site-live.js";
import { inputDigest, onceInput, recordInputs, recordSite, siteKey, siteUnchanged, unchangedInputs, inputsContext, type SiteInputs } from "./site-record.js";

export interface SiteBuild {
  out: string;
  pages: number;
  ms: number;
  /** The folder held this site already, as its last build left it: VitePress did not run. */
  unchanged: boolean;
}

export interface SiteOptions {
  /** The site's base path when it is served below a domain's root (GitHub Pages: `/repo/`). */
  base?: string;
  /** What each making of the pages shows of its steps (generating the SDKs, making the pages); default nothing. */
  progress?: () => Progress;
}

/** Checks `--base`: a path that starts and ends with a slash. */
export function basePath(base: string | undefined): string {
  if (base === undefined) return "/";
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base))
    throw new UsageError(`--base "${base}" is not a base path like /my-sdk/\n  hint: start and end it with a slash; letters, digits, ".", "_", "~" and "-" between`);
  return base;
}

/** What a site is made of: its pages, title, the anchors of moved operations, and its languages. */
export interface SiteContent {
  title: string;
  pages: SitePage[];
  anchors: Record<string, string[]>;
  /** The languages a reader picks from, the first shown until one is picked. */
  languages: string[];
}

/**
 * Every target's pages for the config's spec, joined into the site's (see site-targets.ts), and the
 * files they were made from (the config, the spec, every file it $refs, the overlays, each SDK's
 * lock, changelog and files generated once); `digests`, those files' digests as they were read, when
 * known (site-record.ts). `memos` (`docs dev`): what the last generation of each target derived,
 * and the spec's files as it read them (json-delta.ts), kept from one save to the next.
 */
async function siteContent(
  configPath: string,
  opts: SiteOptions,
  memos?: { renders: Map<string, WatchMemo>; reads: SourceReads; components: ComponentsMemo },
): Promise<{ site: SiteContent; inputs: string[]; read: Map<string, string>; digests?: Omit<SiteInputs, "context" | "pages"> }> {
  const progress = opts.progress?.() ?? SILENT;
  try {
    // Digests taken before the files are read (the sources' are of the text the loader read).
    const configDigest = inputDigest(resolve(configPath));
    const config = loadConfig(configPath);
    // Each output folder's lock and changelog (the version and the changelog pages come from them):
    // a `generate` in another terminal changes what the pages say.
    const kept = config.targets.flatMap((t) => [LOCK_FILE, CHANGELOG].map((p) => join(t.out, p))).map((p): [string, string | undefined] => [p, inputDigest(p)]);
    const results = await generateAll(config.spec, config.targets, {
      overlays: config.overlays,
      release: false,
      progress,
      ...(memos ? { memos: memos.renders, reads: memos.reads, components: memos.components } : {}),
    });
    // And the files generated once for the user (a plan reads them): as the generation read them, or
    // absent ("-") when it found none and made its own.
    const once = results.flatMap((r) => (r.inputs?.once ?? []).map(([p, read]) => onceInput(join(r.target.out, p), read, r.files.find((f) => f.path === p)?.content)));
    const inputs = [resolve(configPath), ...(results[0]?.sources ?? []), ...kept.map(([p]) => p), ...results.flatMap((r) => r.files.filter((f) => f.once).map((f) => join(r.target.out, f.path)))];
    progress.phase("making the site's pages");
    const site = joinedSite(configPath, results);
    const known = configDigest !== undefined && [...kept, ...once].every(([, d]) => d !== undefined) && results.every((r) => r.inputs !== undefined);
    const digests = known ? { config: configDigest, sources: results[0]!.inputs!.sources, outputs: [...kept, ...once] as [string, string][] } : undefined;
    // What the generation read of the spec's files, for `docs dev` to tell a save it did not see.
    const read = new Map(results[0]?.sourceDigests ?? []);
    return { site, inputs, read, ...(digests ? { digests } : {}) };
  } finally {
    progress.end();
  }
}

/** The site of every target's generation: the first target's pages, with every target's parts. */
function joinedSite(configPath: string, results: TargetResult[]): SiteContent {
  // The pages are the first configured target's; every target's snippets join its usage examples.
  const main = results[0];
  if (!main) throw new UsageError(`${configPath} configures no target`);
  const samples = new Map<string, CodeSample[]>();
  // Every target's snippet, then the HTTP request itself (curl).
  const http = main.api ? curlSamples(main.api) : [];
  for (const s of [...results.flatMap((r) => r.samples ?? []), ...http]) (samples.get(s.operationId) ?? samples.set(s.operationId, []).get(s.operationId)!).push(s);
  const byMarker = samplesByMarker(samples);
  const others = main.docs ? results.slice(1).flatMap((r) => siteTarget(r, main.docs!) ?? []) : [];
  const own = main.files.filter((f) => f.path.endsWith(".md") && f.path !== "CHANGELOG.md").map((f) => sitePage(f, byMarker));
  // A model's page holds every language's text (as an operation's does).
  const joined = modelSections(others);
  const docs = own.map((p) => (joined.has(p.path) ? joinedModelPage(p, main.target.name, joined.get(p.path)!) : p));
  const otherPages = others.flatMap(targetPages);
  const changelogs = changelogPages(
    results.map((r, i) => ({
      target: r.target.name,
      text: r.files.find((f) => f.path === "CHANGELOG.md")?.content,
      resolve: i === 0 ? undefined : others.find((o) => o.lang === r.target.name)?.resolve,
    })),
    new Set([...docs, ...otherPages].map((p) => p.path)),
  );
  // Operations get pages of their own, each with every language's parts; links on every page (changelogs too) follow them.
  const reference = main.api ? httpReference(main.api) : new Map<string, ReferencePart[]>();
  const httpText = new Map([...reference].map(([id, parts]) => [id, parts.map((p) => `### ${p.heading}\n\n${p.body}`).join("\n\n")]));
  const languages = main.docs ? operationLanguages({ lang: main.target.name, docs: main.docs }, others, httpText) : undefined;
  const split = operationPages([...docs, ...otherPages, ...changelogs], languages);
  const pages = split.pages;
  pages.push(modelsPage(pages, [main.target.name, ...others.map((o) => o.lang)]));
  const home = pages.findIndex((p) => p.path === "index.md");
  if (home >= 0)
    pages[home] = withChangelogLinks(
      pages[home],
      pages.filter((p) => p.path.startsWith("changelog/")),
    );
  return { title: siteDataText(main.title ?? "API"), pages, anchors: split.anchors, languages: [main.target.name, ...others.map((o) => o.lang), HTTP_LANG] };
}

/**
 * The site's source: every page, the theme and config, in a fresh folder of the system's temporary
 * directory (never the user's working tree). VitePress and Vue are specsmith's own dependencies: a
 * `node_modules` link in that folder to where they are installed lets VitePress (and Node, for the
 * pages it renders on the server) find them, wherever specsmith runs from.
 */
function siteSource(files: Map<string, string | Buffer>): string {
  const src = mkdtempSync(join(tmpdir(), "specsmith-site-"));
  symlinkSync(modulesFolder(), join(src, "node_modules"), "dir");
  for (const [path, content] of files) write(join(src, path), content);
  return src;
}

/**
 * Each file of a site's source (relative path → content): its pages, the files of `public/`, the
 * config and the theme. Throws WriteError when a page links to one the site does not have.
 */
export function sourceFiles(site: SiteContent, out: string, opts: SiteOptions): Map<string, string | Buffer> {
  const dead = deadLinks(site.pages);
  if (dead.length > 0)
    throw new WriteError(
      `the docs site has ${dead.length} dead link(s):\n${dead.map((d) => `  ${d.page} links to ${d.link}, which the site does not have`).join("\n")}\n  hint: a page the docs link to is missing; this is a bug in the pages, please report it`,
    );
  const files = new Map<string, string | Buffer>();
  for (const p of site.pages) files.set(p.path, p.content);
  const base = basePath(opts.base);
  files.set("public/llms.txt", llmsTxt(site.title, site.pages, false, base));
  files.set("public/llms-full.txt", llmsTxt(site.title, site.pages, true, base));
  files.set(".vitepress/config.mjs", configText(site.title, out, siteSidebars(site.pages), base));
  files.set(".vitepress/theme/index.mjs", themeText(site.anchors));
  files.set(".vitepress/theme/languages.css", languageCss(site.languages, site.languages[0]));
  files.set("public/favicon.svg", FAVICON);
  // Browsers ask for /favicon.ico before they read the page's icon link (the dev server's pages add
  // it late): one blue pixel, so no page logs a 404.
  files.set("public/favicon.ico", faviconIco());
  return files;
}

/** The theme, with the map of moved operations (resource page → its operations' anchors). */
function themeText(anchors: Record<string, string[]>): string {
  // JSON of identifiers and our own paths, in a module (not HTML): nothing there can end the script.
  return THEME.replace("/*ANCHORS*/ {}", JSON.stringify(anchors));
}

/** The node_modules folder VitePress is installed in, beside specsmith (found from specsmith's own code). */
function modulesFolder(): string {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve("vitepress");
  } catch {
    throw new UsageError("`specsmith docs` builds the site with VitePress, which is not installed.\n  hint: npm install -D vitepress");
  }
  let dir = dirname(entry);
  while (basename(dir) !== "node_modules" && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function vitepress(): Promise<typeof import("vitepress")> {
  try {
    return await import("vitepress");
  } catch {
    throw new UsageError("`specsmith docs` builds the site with VitePress, which is not installed.\n  hint: npm install -D vitepress");
  }
}

export async function buildSite(configPath: string, out: string, opts: SiteOptions = {}): Promise<SiteBuild> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  // Made from the same files as the folder's last build, which is as it was written: nothing to make.
  const pages = unchangedInputs(out, loadConfig(configPath), configPath, opts);
  if (pages !== undefined) return { out, pages, ms: ms(), unchanged: true };
  const vp = await vitepress();
  const { site, digests } = await siteContent(configPath, opts);
  // The same pages as the folder's last build, its files untouched: VitePress would write the same site.
  const key = siteKey(site, opts);
  const unchanged = key !== undefined && siteUnchanged(out, key);
  const context = inputsContext(configPath, opts);
  const inputs = digests && context !== undefined ? { context, pages: site.pages.length, ...digests } : undefined;
  if (!unchanged) {
    await buildContent(vp, site, out, opts);
    if (key) recordSite(out, key, inputs);
  } else if (inputs) recordInputs(out, inputs);
  return { out, pages: site.pages.length, ms: ms(), unchanged };
}

/** Builds a site from its pages: checks them, writes the source, runs VitePress, removes the source. */
export async function buildContent(vp: typeof import("vitepress"), site: SiteContent, out: string, opts: SiteOptions = {}): Promise<void> {
  const src = siteSource(sourceFiles(site, out, opts));
  try {
    await vp.build(src);
  } catch (e) {
    throw new WriteError(`the docs site did not build: ${buildFailure(e)}\n  hint: VitePress says why above (a dead link names a page the docs do not have)`);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

/** Why VitePress failed, without the stack trace the bundler puts in its message, or blank lines. */
export function buildFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\s+at /.test(line))
    .join("\n  ");
}

/** What `docs dev` tells of each save it followed: the pages made again, or why they were not. */
export type LiveUpdate = { pages: number; changed: number; ms: number } | { error: unknown };

/**
 * Serves the site with reload; resolves once the server listens. Each save of the site's inputs
 * (see siteContent) makes the pages again and rewrites those that changed (site-live.ts); `told`
 * hears of each. A save that breaks the spec leaves the last good site served.
 */
export async function serveSite(configPath: string, port: number, opts: SiteOptions & { told?: (update: LiveUpdate) => void } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const vp = await vitepress();
  // Before seconds of generating, and before VitePress starts writing its cache into the site's source.
  await portFree(port);
  const memos = { renders: new Map<string, WatchMemo>(), reads: new SourceReads(true), components: new ComponentsMemo() };
  const first = await siteContent(configPath, opts, memos);
  const out = join(tmpdir(), "specsmith-site-out");
  const files = sourceFiles(first.site, out, opts);
  const src = siteSource(files);
  const live = new LiveSource(src, files);
  const server = await devServer(vp, src, port, (e) => opts.told?.({ error: e })).catch((e: unknown) => {
    rmSync(src, { recursive: true, force: true });
    throw e;
  });
  let inputs = first.inputs;
  let read = first.read;
  // A file of a folder a run found is watched once the run ended: compared with what the run read.
  const readChanged = (paths: string[]) => changedSinceRead(read, paths);
  // The inputs' digests when the last good run began: a save that changed no byte (an editor's
  // save without edits, a `touch`) makes no run.
  let made: string | undefined;
  const rebuild = async (superseded: () => boolean): Promise<RunRead> => {
    const started = performance.now();
    const digests = inputs.map(inputDigest);
    const now = digests.every((d) => d !== undefined) ? digests.join(" ") : undefined;
    if (now !== undefined && now === made) return { files: inputs, changed: readChanged };
    let readWhileWritten = false;
    try {
      const next = await siteContent(configPath, opts, memos);
      made = next.inputs.join("\0") === inputs.join("\0") ? now : undefined;
      inputs = next.inputs;
      read = next.read;
      const changed = live.update(sourceFiles(next.site, out, opts));
      opts.told?.({ pages: next.site.pages.length, changed: changed.length, ms: Math.round(performance.now() - started) });
    } catch (e) {
      // A file read half-written fails a run the next one makes good: only the last is reported
      // (one that changed while it was read is not: the next run follows at once, RunRead.again).
      readWhileWritten = e instanceof ReadWhileWritten;
      if (!superseded() && !readWhileWritten) opts.told?.({ error: e });
    }
    return { files: inputs, changed: readChanged, again: readWhileWritten };
  };
  // The first build was made before the watch: a save meanwhile is found by comparing (readBefore).
  const watcher = watchFiles(inputs, rebuild, { readBefore: readChanged });
  const close = async () => {
    watcher.close();
    await server.close();
    rmSync(src, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}${basePath(opts.base)}`, close };
}

/** Throws UsageError unless something may listen on `port` of 127.0.0.1 (tried, then let go). */
async function portFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", (e: NodeJS.ErrnoException) => reject(e.code === "EADDRINUSE" || e.code === "EACCES" ? portError(port, e.code) : e));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

function portError(port: number, code: "EADDRINUSE" | "EACCES"): UsageError {
  if (code === "EACCES") return new UsageError(`port ${port} on 127.0.0.1 needs privileges this process does not have\n  hint: pick a port from 1024 up with --port N`);
  return new UsageError(`port ${port} on 127.0.0.1 is in use\n  hint: stop what listens there, or pick another port with --port N`);
}

/**
 * VitePress's dev server for `src`, listening on `port`. When the site's config changes (a page
 * added or removed changes the sidebar), VitePress asks for a new server, and gets one as from its
 * own CLI: the old one closed, the config read again, a new one on the same port. `failed`: told when that
 * fails (the old server is gone then; the next change of the config tries again).
 */
async function devServer(vp: typeof import("vitepress"), src: string, port: number, failed: (e: unknown) => void): Promise<{ close(): Promise<void> }> {
  let server: Awaited<ReturnType<typeof vp.createServer>> | undefined;
  let restarting: Promise<void> | undefined;
  const start = async (again: boolean) => {
    const made = await vp.createServer(src, { port, strictPort: true, host: "127.0.0.1" }, restart);
    try {
      await made.listen(undefined, again);
    } catch (e) {
      // Its file watchers would keep the process alive.
      await made.close();
      throw e;
    }
    server = made;
  };
  const restart = (): Promise<void> =>
    (restarting ??= (async () => {
      try {
        // VitePress's CLI also disposes its markdown renderer here, for a config whose markdown options
        // changed. Ours never change (SITE_MARKDOWN), and the old server's search index may still be
        // rendering the pages just rewritten with it: the new server takes the same renderer.
        await server?.close();
        server = undefined;
        await start(true);
      } catch (e) {
        failed(taken(e));
      }
    })().finally(() => (restarting = undefined)));
  // The port taken since portFree looked (or while the server started again): said as portFree says it.
  const taken = (e: unknown) => (e instanceof Error && /already in use/.test(e.message) ? portError(port, "EADDRINUSE") : e);
  await start(false).catch((e: unknown) => {
    throw taken(e);
  });
  return {
    async close() {
      await restarting;
      await server?.close();
    },
  };
}

/**
 * The site's markdown options, which the escaping tests render with too: markdown-it-attrs off (it
 * would turn a description's `{onerror=...}` into an attribute); includes off (`vPre` breaks every
 * include directive already); `{{ $frontmatter… }}` not replaced at build time (pages have none).
 */
export const SITE_MARKDOWN = { attrs: false, include: false, eagerFrontmatterInterpolation: false } as const;

function configText(title: string, out: string, sidebar: unknown, base: string): string {
  const config = {
    title,
    base,
    outDir: out,
    cleanUrls: false,
    // A dead internal link fails the build; links to localhost (examples in descriptions) are not the site's.
    ignoreDeadLinks: "localhostLinks",
    head: [["link", { rel: "icon", type: "image/svg+xml", href: `${base}favicon.svg` }]],
    markdown: SITE_MARKDOWN,
    // The page → chunk map and the site data (the whole sidebar among them) go to one cached script,
    // not into every page: inlined, they made each of the whole Clerk API's 1,994 pages 156 KB larger.
    metaChunk: true,
    themeConfig: { sidebar, search: { provider: "local" }, outline: [2, 3] },
    // Vite's advice on chunks over 500 kB came from the server bundle, which holds every page's render
    // function and is not published (the whole Clerk API's largest published chunk is 184 kB): a
    // warning the user can do nothing about, on every big site.
    vite: { build: { chunkSizeWarningLimit: 16_384 } },
  };
  return [
    "// Written by specsmith docs.",
    HIGHLIGHT_ONCE,
    `const withoutInnerVPre = ${withoutInnerVPre.toString()};`,
    RENDER_HOOK,
    NO_SERVER_SEARCH_INDEX,
    `const config = ${JSON.stringify(config, null, 2)};`,
    "config.markdown = { ...config.markdown, shikiSetup: highlightOnce, config: renderHook };",
    "config.vite.plugins = [noServerSearchIndex];",
    "export default config;",
    "",
  ].join("\n");
}

/**
 * A page's HTML as VitePress renders it, without the v-pre VitePress puts on each code block. Inside
 * the page's one v-pre container, that is a plain attribute, and Vue's compiler stringifies no
 * subtree holding an attribute it does not know: each page compiled to render calls, twice the
 * JavaScript of static strings, none of it dropped from the chunk a reader's browser loads on
 * navigation. The container alone keeps everything in it uncompiled. Written into the site's config
 * as its source (so it may use nothing outside itself).
 */
export function withoutInnerVPre(html: string): string {
  if (!html.startsWith("<div v-pre>")) return html;
  return html.replace(/(<pre\b[^>]*?) v-pre=""/g, "$1");
}

/** Every page's HTML goes through withoutInnerVPre (page bundles and the search index alike). */
const RENDER_HOOK = `function renderHook(md) {
  const renderAsync = md.renderAsync.bind(md);
  md.renderAsync = async (src, env) => withoutInnerVPre(await renderAsync(src, env));
}`;

/**
 * The search index, left out of the server bundle. VitePress builds the index when a bundle loads
 * it: the client's, and the server's too, whose pages render with the search box closed and never
 * read it. Building it renders every page's markdown again and indexes it: 2 s of the whole Clerk
 * API's 25-32 s build (1,176 pages), and its garbage. The server bundle gets an empty index; the
 * published site is byte for byte the same.
 */
const NO_SERVER_SEARCH_INDEX = `const noServerSearchIndex = {
  name: "specsmith:no-server-search-index",
  enforce: "pre",
  resolveId(id, _importer, options) {
    const server = options?.ssr || this.environment?.config?.consumer === "server";
    if (id === "@localSearchIndex" && server) return "\\0specsmith:empty-search-index";
  },
  load(id) {
    if (id === "\\0specsmith:empty-search-index") return "export default {}";
  },
};`;

/**
 * VitePress renders each page's markdown for its client bundle, for its server bundle and for the
 * search index; its own cache of rendered pages (64 MB) holds too few of a big site's pages to spare
 * the second and third time. Highlighting code (Shiki) was the largest part of that: each block is
 * highlighted once here. The key is all that varies between calls: the code, its language, the
 * fence's attributes, and whether VitePress marks the block v-pre (its transformer says, on a probe).
 */
const HIGHLIGHT_ONCE = `const highlighted = new Map();
function highlightOnce(highlighter) {
  const codeToHtml = highlighter.codeToHtml.bind(highlighter);
  highlighter.codeToHtml = (code, options) => {
    const probe = { properties: {} };
    options.transformers?.find((t) => t.name === "vitepress:v-pre")?.pre?.(probe);
    const key = [options.lang, options.meta?.__raw ?? "", "v-pre" in probe.properties, code].join("\\0");
    let html = highlighted.get(key);
    if (html === undefined) highlighted.set(key, (html = codeToHtml(code, options)));
    return html;
  };
}`;

/** A 1×1 ICO (one 32-bit BMP image) in the favicon's blue. */
function faviconIco(): Buffer {
  const ico = Buffer.alloc(6 + 16 + 48);
  ico.writeUInt16LE(1, 2); // type: icon
  ico.writeUInt16LE(1, 4); // one image
  ico.set([1, 1, 0, 0], 6); // 1×1, no palette
  ico.writeUInt16LE(1, 10); // planes
  ico.writeUInt16LE(32, 12); // bits per pixel
  ico.writeUInt32LE(48, 14); // image bytes
  ico.writeUInt32LE(22, 18); // image offset
  ico.writeUInt32LE(40, 22); // BITMAPINFOHEADER
  ico.writeInt32LE(1, 26);
  ico.writeInt32LE(2, 30); // height counts the AND mask too
  ico.writeUInt16LE(1, 34);
  ico.writeUInt16LE(32, 36);
  ico.set([0xb2, 0x51, 0x34, 0xff], 62); // the pixel (BGRA); the AND mask row stays zero
  return ico;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3451b2"/></svg>\n`;

/**
 * The default theme, plus:
 * - one language for the whole site: picked in any code group or by a page's language links (a
 *   model's page), or given in the URL (`?lang=python`, so a shared link opens in the sender's
 *   language), it is picked in every group, on every page, and remembered across reloads;
 * - links published before operations had pages (`…/README.html#create`) go to the operation's page.
 */
const THEME = `import DefaultTheme from "vitepress/theme";
import { useRoute, useRouter, withBase } from "vitepress";
import { markRaw, nextTick, onMounted, watch } from "vue";
import "./languages.css";

const KEY = "specsmith-language";
const NAMES = { typescript: "TypeScript", python: "Python", curl: "curl" };
const MOVED = /*ANCHORS*/ {};

function fromUrl() {
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang && Object.prototype.hasOwnProperty.call(NAMES, lang)) localStorage.setItem(KEY, NAMES[lang]);
}

function apply() {
  const lang = localStorage.getItem(KEY);
  if (!lang) return;
  // Every part of the page in that language (the blocks languages.css shows), not only the examples.
  const key = Object.keys(NAMES).find((k) => NAMES[k] === lang);
  if (key) document.documentElement.dataset.specsmithLang = key;
  for (const label of document.querySelectorAll(".vp-code-group .tabs label")) {
    if (label.textContent.trim() !== lang) continue;
    const input = document.getElementById(label.getAttribute("for"));
    if (input && !input.checked) input.click();
  }
  // After the outline renders (it follows the page's headings once mounted).
  setTimeout(outline, 50);
}

// The outline lists every heading; one only another language has is hidden with its block.
function outline() {
  for (const a of document.querySelectorAll(".VPDocAsideOutline a.outline-link")) {
    const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    const hidden = heading && heading.closest(".specsmith-lang") && heading.offsetParent === null;
    a.parentElement.style.display = hidden ? "none" : "";
  }
}

function redirectMoved(router) {
  const path = location.pathname.replace(withBase("/"), "/").replace(/(\\.html)?$/, ".html");
  const anchor = decodeURIComponent(location.hash.slice(1));
  const ops = MOVED[path];
  if (!ops || !ops.includes(anchor)) return false;
  router.go(withBase(path.replace(/README\\.html$/, anchor + ".html")));
  return true;
}

export default {
  extends: DefaultTheme,
  // The sidebars (one per resource, each naming every resource) never change: marked raw, the default
  // theme's deep watch of them stops at their top instead of walking them all for every page.
  enhanceApp({ siteData }) {
    const sidebar = siteData.value.themeConfig.sidebar;
    if (sidebar && typeof sidebar === "object") markRaw(sidebar);
  },
  setup() {
    const route = useRoute();
    const router = useRouter();
    onMounted(() => {
      if (redirectMoved(router)) return;
      fromUrl();
      // A page's language links (a model's page): the language, picked in place. Captured, before
      // VitePress's router would follow the link.
      window.addEventListener("click", (e) => {
        const pick = e.target.closest && e.target.closest(".specsmith-pick a[data-lang]");
        if (!pick || !Object.prototype.hasOwnProperty.call(NAMES, pick.dataset.lang)) return;
        e.preventDefault();
        e.stopPropagation();
        localStorage.setItem(KEY, NAMES[pick.dataset.lang]);
        apply();
      }, true);
      window.addEventListener("click", (e) => {
        const label = e.target.closest && e.target.closest(".vp-code-group .tabs label");
        if (!label) return;
        localStorage.setItem(KEY, label.textContent.trim());
        setTimeout(apply);
      });
      apply();
    });
    watch(() => route.path, () => nextTick(() => redirectMoved(router) || apply()));
  },
};
`;
