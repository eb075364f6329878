// The site config's own code, as given/want tables: what withoutInnerVPre leaves of a rendered page;
// which modules the server bundle gets an empty search index for.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { sourceFiles, withoutInnerVPre } from "../../generator/docs/site.js";
import { tempDir } from "../helpers/paths.js";

describe("withoutInnerVPre: a code block's v-pre goes inside the page's v-pre container, and only there", () => {
  it.each([
    [
      "a code block in the container",
      '<div v-pre>\n<pre class="shiki" tabindex="0" v-pre=""><code>x</code></pre>\n</div>',
      '<div v-pre>\n<pre class="shiki" tabindex="0"><code>x</code></pre>\n</div>',
    ],
    ["two blocks", '<div v-pre><pre v-pre=""></pre><pre a="1" v-pre=""></pre></div>', '<div v-pre><pre></pre><pre a="1"></pre></div>'],
    ["a page without the container keeps it (Vue must not compile the code)", '<p>x</p><pre v-pre=""><code>{{ a }}</code></pre>', '<p>x</p><pre v-pre=""><code>{{ a }}</code></pre>'],
    ["another element's v-pre is left", '<div v-pre><div v-pre=""></div></div>', '<div v-pre><div v-pre=""></div></div>'],
    ["text that spells it is text", '<div v-pre><p>&lt;pre v-pre=""&gt;</p></div>', '<div v-pre><p>&lt;pre v-pre=""&gt;</p></div>'],
  ])("%s", (_, given, want) => {
    expect(withoutInnerVPre(given)).toBe(want);
  });
});

describe("the server bundle's search index: empty (its pages render with the search box closed)", async () => {
  // The config as the site's source holds it, imported as VitePress imports it.
  const dir = tempDir("specsmith-site-config-");
  const text = sourceFiles({ title: "API", pages: [], anchors: {}, languages: ["typescript"] }, join(dir, "out"), {}).get(".vitepress/config.mjs");
  writeFileSync(join(dir, "config.mjs"), text!);
  const config = (await import(pathToFileURL(join(dir, "config.mjs")).href)).default;
  const plugin = config.vite.plugins.find((p: { name: string }) => p.name === "specsmith:no-server-search-index");
  const on = (consumer: string) => ({ environment: { config: { consumer } } });
  it.each([
    ["the server's import of the index (Vite's environment)", on("server"), "@localSearchIndex", {}, "\0specsmith:empty-search-index"],
    ["the server's import of the index (the ssr flag)", {}, "@localSearchIndex", { ssr: true }, "\0specsmith:empty-search-index"],
    ["the client's import of the index", on("client"), "@localSearchIndex", {}, undefined],
    ["the client's import, no environment (the dev server's older path)", {}, "@localSearchIndex", { ssr: false }, undefined],
    ["another module on the server", on("server"), "vue", {}, undefined],
    ["a page's index on the server (a locale's)", on("server"), "@localSearchIndexroot", {}, undefined],
  ])("%s", (_, ctx, id, options, want) => {
    expect(plugin.resolveId.call(ctx, id, undefined, options)).toBe(want);
  });
  it("loads the empty index as a module with an empty default export, and nothing else", () => {
    expect(plugin.load("\0specsmith:empty-search-index")).toBe("export default {}");
    expect(plugin.load("@localSearchIndex")).toBeUndefined();
    expect(plugin.enforce).toBe("pre");
  });
});
