// Spec text on the docs site is text: each generated page, as the site feeds it to VitePress, rendered
// by VitePress's own markdown-it (its plugins: containers, code groups, snippets, emoji, anchors; attrs
// off as the site's config says) yields no element, attribute or Vue interpolation of the spec's own.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createMarkdownRenderer } from "vitepress";
import { beforeAll, describe, expect, it } from "vitest";
import { balanceTags, htmlText, siteDataText, vPre } from "../../generator/docs/site-pages.js";
import { SITE_MARKDOWN } from "../../generator/docs/site.js";
import { md, mdCell, mdCode } from "../../generator/render/escape.js";
import { tempDir } from "../helpers/paths.js";
import { siteProblems } from "../helpers/site-check.js";

type Renderer = Awaited<ReturnType<typeof createMarkdownRenderer>>;
let renderer: Renderer;
const srcDir = tempDir("specsmith-site-md-");
const SECRET = "SECRET-FILE-CONTENT";
beforeAll(async () => {
  writeFileSync(join(srcDir, "secret.txt"), SECRET);
  renderer = await createMarkdownRenderer(srcDir, SITE_MARKDOWN);
});

const problems = (html: string) => siteProblems(html, [SECRET]);

// renderAsync, as a build renders: includes are replaced and code is highlighted there.
const render = (page: string) => renderer.renderAsync(vPre(page), { path: join(srcDir, "page.md"), relativePath: "page.md" } as never);

// Spec text as the docs place it: prose (descriptions), table cells, code spans (examples, values), and code fences (usage snippets).
const places: [string, (s: string) => string][] = [
  ["prose", (s) => md(s)],
  ["a table cell", (s) => `| a |\n| - |\n| ${mdCell(s).replace(/\n/g, "<br/>")} |`],
  ["a code span", (s) => `Value: ${mdCode(s)}`],
  ["a code fence", (s) => "```typescript\n" + s + "\n```"],
];

const ATTACKS: [string, string][] = [
  ["four colons close the v-pre container, then Vue runs", "::::\n{{ [].constructor.constructor('globalThis.pwned=1')() }}"],
  ["eight colons", "::::::::\n\n{{ constructor }}"],
  ["markdown-it attrs on an image", "![l](x.png){onerror=alert(1)}"],
  ["markdown-it attrs at a paragraph's end", "text {onmouseover=alert(1)}"],
  ["an include in a comment", "<!--@include: ./secret.txt-->"],
  ["an include with spaces", "<!--   @include: ./secret.txt   -->"],
  ["a snippet import line", "<<< ./secret.txt"],
  ["a snippet import after text", "before\n\n<<< @/secret.txt"],
  ["a backslash-escaped backtick before HTML", "\\`<img src=x onerror=alert(1)>`"],
  ["a custom container of our own", "::: danger <img src=x onerror=alert(1)>\nx\n:::"],
  ["a code span of triple backticks, then HTML", "``` foo ```\n<img src=x onerror=alert(1)>"],
  ["a code span in an HTML block that <p> opens", "<p>\n`<img src=x onerror=alert(1)>`"],
  ["a code span opened before a line that is no list item", "`a\n-b ` <img src=x onerror=alert(1)> `"],
  ["an indented fence whose next line ends its list item", "- a\n  ```\n<img src=x onerror=alert(1)>"],
];

describe("site pages render spec text as text (VitePress's markdown-it)", () => {
  for (const [where, place] of places) {
    // (Spec text reaches a fence only inside a string literal of a snippet, on one line: no line of it
    // can close the fence, as a raw attack with a fence line of its own would here.)
    const attacks = where === "a code fence" ? ATTACKS.filter(([, a]) => !/^ {0,3}```/m.test(a)) : ATTACKS;
    it.each(attacks)(`in ${where}: %s`, async (_name, attack) => {
      expect(problems(await render(`# Page\n\n${place(attack)}\n\nAfter.`))).toEqual([]);
    });
  }

  it("the check finds what an unescaped page would do (it can fail)", async () => {
    const raw = await renderer.renderAsync(`:::: v-pre\n\n::::\n{{ x }}\n\n<!--@include: ./secret.txt-->\n\n![l](x.png){onerror=alert(1)}\n\n::::\n`, {
      path: join(srcDir, "page.md"),
      relativePath: "page.md",
    } as never);
    expect(problems(raw).length).toBeGreaterThan(0);
  });
});

describe("strings VitePress shows as HTML or puts in its site data", () => {
  it.each([
    ["</script><script>alert(1)</script>", "<\u200b/script><script>alert(1)<\u200b/script>"],
    ["<!-- comment -->", "<\u200b!-- comment -->"],
    ["Plain API", "Plain API"],
  ])("site data: %j", (text, want) => {
    expect(siteDataText(text)).toBe(want);
    expect(siteDataText(text)).not.toMatch(/<\//);
  });

  it("sidebar text is escaped HTML", () => {
    expect(htmlText('<img src=x onerror="alert(1)">&')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;");
  });
});

describe("HTML a page lets through is balanced (Vue fails the build on an end tag it did not see open)", () => {
  it.each([
    ["unbalanced: all shown as text", "<div><details><summary>open </td></table>", "&lt;div>&lt;details>&lt;summary>open &lt;/td>&lt;/table>"],
    ["our own details block, across paragraphs", "<details open>\n<summary>x</summary>\n\ntext\n\n</details>", "<details open>\n<summary>x</summary>\n\ntext\n\n</details>"],
    ["an inline tag left open", "a <b>bold</b> and <i>open", "a <b>bold</b> and &lt;i>open"],
    ["an inline tag closed in another paragraph", "<b>a\n\nb</b>", "&lt;b>a\n\nb&lt;/b>"],
    ["a tag in a code span is code", "`<td>` code </td>", "`<td>` code &lt;/td>"],
    ["void tags", "x<br/>y<br>z", "x<br/>y<br>z"],
    ["a tag in a code fence is code", "```\n</div>\n```", "```\n</div>\n```"],
  ])("%s", (_name, given, want) => {
    expect(balanceTags(given)).toBe(want);
  });

  it("hostile HTML in a description renders with no live markup of its own", async () => {
    for (const text of ["<div><details><summary>open </td></table>", "</p></p></div>", "<b><i>x</b></i>"]) expect(problems(await render(`# Page\n\n${md(text)}`))).toEqual([]);
  });
});

describe("links in spec text that lead nowhere on the site (a dead link fails VitePress's build)", () => {
  /** The internal links VitePress's link plugin records as it renders (what its build checks for dead links). */
  const internalLinks = async (page: string) => {
    const env = { path: join(srcDir, "page.md"), relativePath: "page.md", links: [] as string[] };
    await renderer.renderAsync(vPre(page), env as never);
    return env.links;
  };
  const text = "as a [relative resource name]( /apis/design/resource_names#relative_resource_name), [a guide](guide.md), [site](https://example.com/x)";

  it("the check sees them in unescaped text (it can fail)", async () => {
    expect(await internalLinks(`# Page\n\n${text}\n`)).not.toEqual([]);
  });

  for (const [where, place] of places.slice(0, 2)) {
    it(`in ${where}: none is a link`, async () => {
      expect(await internalLinks(`# Page\n\n${place(text)}\n`)).toEqual([]);
    });
  }
});
