/**
 * `specsmith docs build|dev`: a static docs site, built by VitePress from the pages `generate` writes
 * (the same view models; nothing is re-parsed). The pages are the TypeScript SDK's, with each
 * operation's usage example in a code group holding the TypeScript and Python snippets (the
 * language chosen is remembered across pages); a sidebar by resource, operation and model; local
 * search; llms.txt and llms-full.txt. VitePress is loaded only here, never by `generate`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "../config.js";
import { UsageError } from "../diagnostics.js";
import { WriteError } from "../write/write.js";
import { generateAll } from "../generate.js";
import type { CodeSample } from "./code-samples.js";
import { llmsTxt, modelsPage, siteDataText, sitePage, siteSidebar, type SitePage } from "./site-pages.js";

export interface SiteBuild {
  out: string;
  pages: number;
  ms: number;
}

/** The site's source: every docs page, the theme and config, in a fresh folder. */
async function siteSource(configPath: string, out: string): Promise<{ src: string; pages: SitePage[] }> {
  const config = loadConfig(configPath);
  const results = await generateAll(config.spec, config.targets, { overlays: config.overlays, release: false });
  // The pages are the first configured target's; every target's snippets join its usage examples.
  const main = results[0];
  if (!main) throw new UsageError(`${configPath} configures no target`);
  const samples = new Map<string, CodeSample[]>();
  for (const r of results) for (const s of r.samples ?? []) (samples.get(s.operationId) ?? samples.set(s.operationId, []).get(s.operationId)!).push(s);
  const pages = main.files.filter((f) => f.path.endsWith(".md") && f.path !== "CHANGELOG.md").map((f) => sitePage(f, samples));
  pages.push(modelsPage(pages));
  // In the working folder (the project that installed vitepress), wherever the output goes: VitePress
  // resolves vue and its theme from the source's folder upwards.
  const src = mkdtempSync(join(process.cwd(), ".specsmith-site-"));
  for (const p of pages) write(join(src, p.path), p.content);
  const title = siteDataText(main.title ?? "API");
  write(join(src, "public", "llms.txt"), llmsTxt(title, pages, false));
  write(join(src, "public", "llms-full.txt"), llmsTxt(title, pages, true));
  write(join(src, ".vitepress", "config.mjs"), configText(title, out, siteSidebar(pages)));
  write(join(src, ".vitepress", "theme", "index.mjs"), THEME);
  write(join(src, "public", "favicon.svg"), FAVICON);
  return { src, pages };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

async function vitepress(): Promise<typeof import("vitepress")> {
  try {
    return await import("vitepress");
  } catch {
    throw new UsageError("`specsmith docs` builds the site with VitePress, which is not installed.\n  hint: npm install -D vitepress");
  }
}

export async function buildSite(configPath: string, out: string): Promise<SiteBuild> {
  const started = performance.now();
  const vp = await vitepress();
  const { src, pages } = await siteSource(configPath, out);
  try {
    await vp.build(src);
  } catch (e) {
    throw new WriteError(
      `the docs site did not build: ${e instanceof Error ? e.message : String(e)}\n  hint: VitePress says why above (a dead link names a page the docs do not have); run from the project that installed vitepress`,
    );
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  return { out, pages: pages.length, ms: Math.round(performance.now() - started) };
}

/** Serves the site with reload; resolves once the server listens. */
export async function serveSite(configPath: string, port: number): Promise<string> {
  const vp = await vitepress();
  const { src } = await siteSource(configPath, join(process.cwd(), ".specsmith-site-out"));
  const server = await vp.createServer(src, { port, host: "127.0.0.1" });
  await server.listen();
  return `http://127.0.0.1:${server.config.server.port ?? port}/`;
}

function configText(title: string, out: string, sidebar: unknown): string {
  const config = {
    title,
    outDir: out,
    cleanUrls: false,
    // A dead internal link fails the build; links to localhost (examples in descriptions) are not the site's.
    ignoreDeadLinks: "localhostLinks",
    head: [["link", { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" }]],
    // markdown-it-attrs would turn a description's `{onerror=...}` into an attribute.
    markdown: { attrs: { disable: true } },
    themeConfig: { sidebar, search: { provider: "local" }, outline: [2, 3] },
  };
  return `// Written by specsmith docs.\nexport default ${JSON.stringify(config, null, 2)};\n`;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3451b2"/></svg>\n`;

/** The default theme, plus one thing: the language picked in any code group is picked in all, on every page. */
const THEME = `import DefaultTheme from "vitepress/theme";
import { useRoute } from "vitepress";
import { nextTick, onMounted, watch } from "vue";

const KEY = "specsmith-language";

function apply() {
  const lang = localStorage.getItem(KEY);
  if (!lang) return;
  for (const label of document.querySelectorAll(".vp-code-group .tabs label")) {
    if (label.textContent.trim() !== lang) continue;
    const input = document.getElementById(label.getAttribute("for"));
    if (input && !input.checked) input.click();
  }
}

export default {
  extends: DefaultTheme,
  setup() {
    const route = useRoute();
    onMounted(() => {
      window.addEventListener("click", (e) => {
        const label = e.target.closest && e.target.closest(".vp-code-group .tabs label");
        if (!label) return;
        localStorage.setItem(KEY, label.textContent.trim());
        setTimeout(apply);
      });
      apply();
    });
    watch(() => route.path, () => nextTick(apply));
  },
};
`;
