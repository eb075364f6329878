// The site config's own code, as a given/want table: what withoutInnerVPre leaves of a rendered page.
import { describe, expect, it } from "vitest";
import { withoutInnerVPre } from "../../generator/docs/site.js";

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
