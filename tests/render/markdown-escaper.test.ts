// The markdown escapers against a real CommonMark renderer (markdown-it, HTML allowed as GitHub and
// VitePress allow it): spec text rendered through md() or mdCell() never yields an element or an
// attribute of its own, however it plays code spans, escapes and fences against the escaper.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { md, mdCell } from "../../generator/render/escape.js";

const renderer = new MarkdownIt({ html: true });
/** Elements spec text could bring, and attributes of any real tag that would run or link code. */
function liveMarkup(html: string): string[] {
  const found = [...html.matchAll(/<(img|iframe|style|script|svg|object|embed|form|input|textarea)\b/gi)].map((m) => m[0]);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) if (/\son\w+\s*=|javascript:/i.test(tag)) found.push(tag);
  return found;
}

const ATTACKS: [string, string][] = [
  ["a backslash-escaped backtick before HTML", "\\`<img src=x onerror=alert(1)>`"],
  ["a code span that closes on the next line, then HTML", "`a\nb` <img src=x onerror=alert(1)> `"],
  ["a heading line between the backticks", "`a\n# <img src=x onerror=alert(1)> `"],
  ["iframe srcdoc after an escaped backtick", '\\`<iframe srcdoc="<script>alert(1)</script>">`'],
  ["style after an escaped backtick", "\\`<style>body{display:none}</style>`"],
  ["a double backslash then a code span", "\\\\`<img src=x onerror=alert(1)>`"],
  ["plain HTML", "<img src=x onerror=alert(1)>"],
  ["a javascript link", "[x](javascript:alert(1))"],
  // CommonMark: backticks after a backtick fence make the line a code span, not a fence (api.video's descriptions).
  ["a code span of triple backticks, then HTML", "``` foo ```\n<img src=x onerror=alert(1)>"],
  ["a line of backticks with a backtick in its info string, then HTML", "```js `x`\n<img src=x onerror=alert(1)>\n```"],
];

describe("md() output renders no element from spec text", () => {
  it("the check finds live markup in unescaped text (it can fail)", () => {
    expect(liveMarkup(renderer.render(ATTACKS[0][1]))).not.toEqual([]);
  });

  it.each(ATTACKS)("%s", (_name, text) => {
    expect(liveMarkup(renderer.render(md(text)))).toEqual([]);
    expect(liveMarkup(renderer.render(md(text, true)))).toEqual([]);
  });
});

describe("md() reads fences as CommonMark does", () => {
  it("a line of backticks with backticks after them is prose: what follows keeps its headings, and no fence is added", () => {
    const text = 'Create one:\n``` "metadata": [] ```\n## After\ntext';
    expect(md(text)).toBe(text);
    expect(renderer.render(md(text))).toContain("<h2>After</h2>");
  });

  it("a fence with an info string, or of tildes whose info has a backtick, is still a fence", () => {
    expect(renderer.render(md("```shell\n<b>x</b>\n```"))).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(renderer.render(md("~~~ a`b\n<b>x</b>\n~~~"))).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});

describe("mdCell() output renders no element from spec text, in a table", () => {
  it.each([...ATTACKS, ["a ~~~ fence inside a cell", "~~~\n<img src=x onerror=alert(1)>\n~~~"] as [string, string]])("%s", (_name, text) => {
    const cell = mdCell(text).replace(/\n/g, "<br/>");
    expect(liveMarkup(renderer.render(`| a |\n| - |\n| ${cell} |\n`))).toEqual([]);
  });
});

/** The targets of the links (and images) markdown-it renders, as written in the HTML. */
function targets(html: string): string[] {
  return [...html.matchAll(/<(?:a href|img src)="([^"]*)"/g)].map((m) => m[1]);
}
/** A link of the SDK's docs that leads somewhere: a URL with a scheme, `//host`, or the page itself. */
const leadsSomewhere = (href: string) => href === "" || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href);

describe("md() keeps only links that lead somewhere", () => {
  const LINKS: [string, string][] = [
    ["a root-relative path with a space before it (Google's descriptions)", "as a [relative resource name]( /apis/design/resource_names#relative_resource_name)."],
    ["a relative file", "see [the guide](docs/guide.md)"],
    ["a fragment", "see [below](#check_run)"],
    ["an angle-bracketed path", "[x](</a b>)"],
    ["an image", "![logo](/img/logo.png)"],
    ["an index that reads as a link", "array[0](x)"],
    ["a title", '[x](/docs "Docs")'],
    ["an escaped backslash before the bracket", "[x\\\\](/docs)"],
    ["one link of each kind", "[a](/x) and [b](https://example.com/b)"],
    ["an HTML link to a path (Stripe's descriptions)", 'see <a href="/docs/connect">Connect</a> and <a href="#x">x</a>'],
    ["a reference to a path", "see [the guide][g]\n\n[g]: /guide"],
    ["a reference whose path is on the next line", "[the guide]\n\n[the guide]:\n  /guide"],
  ];
  it("the check sees a path link in unescaped text (it can fail)", () => {
    expect(targets(renderer.render(LINKS[0][1])).filter((h) => !leadsSomewhere(h))).not.toEqual([]);
  });
  it.each(LINKS)("%s", (_name, text) => {
    for (const out of [md(text), md(text, true), mdCell(text)]) expect(targets(renderer.render(out)).filter((h) => !leadsSomewhere(h))).toEqual([]);
  });
  it("links to URLs stay links, with their text", () => {
    const html = renderer.render(md('[a](https://example.com/a) [m](mailto:x@example.com) [p](//cdn.example.com/x) [a](/x) [e]() <a href="https://example.com/h">h</a> <a href="/docs">d</a>'));
    expect(targets(html)).toEqual(["https://example.com/a", "mailto:x@example.com", "//cdn.example.com/x", "", "https://example.com/h"]);
    // The path link reads as its author wrote it.
    expect(html).toContain("[a](/x)");
  });
  it("whatever the brackets, backslashes and code spans around them", () => {
    const piece = fc.constantFrom(
      "[",
      "]",
      "(",
      ")",
      "](",
      "](/",
      "](#",
      "]( ",
      "]:",
      "]: /",
      "]: https://h",
      '<a href="/x">',
      '<a href="https://h">',
      "</a>",
      "<",
      ">",
      "\\",
      "`",
      "!",
      "x",
      " ",
      "/",
      "#",
      ":",
      "https://h",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        for (const out of [md(text), md(text, true)]) expect(targets(renderer.render(out)).filter((h) => !leadsSomewhere(h))).toEqual([]);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});
