/**
 * The docs site's search index is built once a build: for the client bundle, which ships it. The
 * server bundle renders every page with the search box closed; the site's config gives it an empty
 * index, sparing a second rendering and indexing of every page (2 s of the whole Clerk API's build).
 * VitePress says when it indexes in its `vitepress:local-search` debug lines: the site is built by
 * VitePress in a process of its own, with them on (and so, as VitePress does then, unminified).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { sourceFiles, type SiteContent } from "../generator/docs/site.js";
import { ROOT, tempDir } from "./helpers/paths.js";

it("indexes the pages once, and the published index finds each page's words", () => {
  const page = (path: string, title: string, words: string) => ({ path, title, markdown: `# ${title}\n\n${words}\n`, content: `# ${title}\n\n${words}\n` });
  const site: SiteContent = {
    title: "Search",
    anchors: {},
    languages: ["typescript"],
    pages: [page("index.md", "Home", "Start here."), page("docs/widgets.md", "Widgets", "Frobnicates a quixotic widget.")],
  };
  const dir = tempDir("specsmith-search-");
  const [src, out] = [join(dir, "src"), join(dir, "site")];
  for (const [path, content] of sourceFiles(site, out, {})) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), content);
  }
  symlinkSync(join(ROOT, "node_modules"), join(src, "node_modules"), "dir");
  const build = `const vp = await import("vitepress"); await vp.build(${JSON.stringify(src)});`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", build], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, DEBUG: "vitepress:local-search" } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr.match(/Indexing files for search/g)).toHaveLength(1);
  const chunks = join(out, "assets", "chunks");
  const index = readdirSync(chunks).find((f) => f.startsWith("@localSearchIndexroot."));
  expect(index).toBeDefined();
  expect(readFileSync(join(chunks, index!), "utf8")).toMatch(/quixotic/);
}, 120_000);
