// The markdown escapers against a real CommonMark renderer (markdown-it, HTML allowed as GitHub and
// VitePress allow it): spec text rendered through md() or mdCell() never yields an element or an
// attribute of its own, however it plays code spans, escapes and fences against the escaper.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { liveMarkup } from "../helpers/markup.js";
import { md, mdCell } from "../../generator/render/escape.js";

const renderer = new MarkdownIt({ html: true });
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
  // An HTML block (a line starting with a block-level tag, or a tag alone) runs to a blank line:
  // inside it neither backticks nor backslashes protect anything.
  ["a code span in an HTML block that <p> opens", "<p>\n`<img src=x onerror=alert(1)>`"],
  ["an escaped < in an HTML block that a lone tag opens", "<a>\n\\<img src=x onerror=alert(1)>"],
  ["a fence in an HTML block", "<table>\n```\n<img src=x onerror=alert(1)>\n```"],
  ["a list item whose text starts with <pre>", "- <pre>\\<img src=x onerror=alert(1)>"],
  // A line that looks like a block start but continues the paragraph: the backticks pair across it.
  ["a code span opened before a line that is no list item", "`a\n-b ` <img src=x onerror=alert(1)> `"],
  ["a code span opened before a line that is no heading", "`a\n#b ` <img src=x onerror=alert(1)> `"],
  ["a code span opened before an indented line that continues the paragraph", "``\n    ``<img src=x onerror=alert(1)>``"],
  // A fence in a list item ends with the item: the lines after it are not code.
  ["an indented fence whose next line ends its list item", "- a\n  ```\n<img src=x onerror=alert(1)>"],
  ["an indented fence closed at the margin, then HTML", "   ```\n```\n<img src=x onerror=alert(1)>"],
];

/** Pieces of text that make and break blocks, code spans and escapes: what the property tests build strings of. */
const STRUCTURE = ["<", "\\", "`", "x", " ", "#", "\n", "\n\n", "\n> ", "\n- ", "\n1. ", "\n   "];

type Place = "block" | "item" | "heading" | "cell";
/** Escaped text where the docs put it: a page's blocks, a list item's or a heading's line, or a table cell (its breaks as `<br/>`). */
function source(out: string, place: Place): string {
  return place === "item" ? `- ${out}` : place === "heading" ? `## ${out}` : place === "cell" ? `| a |\n| - |\n| ${out.replace(/\n/g, "<br/>")} |\n` : out;
}
/** md() and mdCell() of `text`, each where the docs put it. */
const everyPlace = (text: string): [string, Place][] => [
  [md(text), "block"],
  [md(text, true), "item"],
  [md(text, true), "heading"],
  [mdCell(text), "cell"],
];
const rendered = (text: string) => everyPlace(text).map(([out, place]) => renderer.render(source(out, place)));

describe("md() output renders no element from spec text", () => {
  it("the check finds live markup in unescaped text (it can fail)", () => {
    expect(liveMarkup(renderer.render(ATTACKS[0][1]))).not.toEqual([]);
  });

  it.each(ATTACKS)("%s", (_name, text) => {
    for (const html of rendered(text)) expect(liveMarkup(html)).toEqual([]);
  });

  it("text whose code spans the escaper cannot pair as the renderer does is shown plain, every character of it", () => {
    const text = "`a\n-b ` <img src=x onerror=alert(1)> `";
    expect(liveMarkup(renderer.render(text))).not.toEqual([]);
    const html = renderer.render(md(text));
    expect(liveMarkup(html)).toEqual([]);
    expect(html).toBe("<p>`a\n-b ` &lt;img src=x onerror=alert(1)&gt; `</p>\n");
  });

  it("whatever HTML blocks, fences, code spans and escapes play against the escaper", () => {
    const tags = ["<img src=x onerror=alert(1)>", "<p>", "</p>", "<a>", "<b>", "<pre>", "</pre>", "<br>", "<table>", "<details>", '<a href="/x">', "<!--"];
    const piece = fc.constantFrom(...tags, ...STRUCTURE, "``", "```", "~~~", "```\n", "\n    ", "-", "*", "_", "|", "=", "\t");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        for (const html of rendered(parts.join(""))) expect(liveMarkup(html)).toEqual([]);
      }),
      { seed: 11, numRuns: 5000 },
    );
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

  it("a code span with a pipe stays a code span, its pipe escaped as the cell needs (Docker's `<true>|<false>`)", () => {
    const cell = mdCell("Filters: `enable=<true>|<false>`");
    expect(cell).toBe("Filters: `enable=<true>\\|<false>`");
    expect(renderer.render(`| a |\n| - |\n| ${cell} |\n`)).toContain("<td>Filters: <code>enable=&lt;true&gt;|&lt;false&gt;</code></td>");
  });
});

/** The targets of the links (and images) markdown-it renders, as written in the HTML. */
function targets(html: string): string[] {
  return [...html.matchAll(/<(?:a href|img src)="([^"]*)"/g)].map((m) => m[1]);
}
/** A link of the SDK's docs that leads somewhere: a URL with a scheme, `//host`, or the page itself. */
const leadsSomewhere = (href: string) => href === "" || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
/**
 * The links of `out`, where the docs put it, that lead nowhere: rendered ones, and reference
 * definitions (a definition no link uses yet renders nothing, but one page's text may use another's:
 * VitePress renders a page whole).
 */
function pathLinks(out: string, place: Place = "block"): string[] {
  const env: { references?: Record<string, { href: string }> } = {};
  const html = renderer.renderer.render(renderer.parse(source(out, place), env), renderer.options, env);
  return [...targets(html), ...Object.values(env.references ?? {}).map((r) => r.href)].filter((h) => !leadsSomewhere(h));
}
/** The links that lead nowhere of md() and mdCell() of `text`, each where it goes. */
const pathLinksEverywhere = (text: string) => everyPlace(text).flatMap(([out, place]) => pathLinks(out, place));

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
    ["a reference whose label has an escaped bracket", "see [a\\]b]\n\n[a\\]b]: /guide"],
    ["a reference whose label ends in an escaped backslash", "see [a\\\\]\n\n[a\\\\]: /guide"],
    ["a reference whose label has a backtick (no code span in a label)", "see [a`]\n\n[a`]: /guide`"],
    ["a reference whose label spans two lines", "see [a b]\n\n[a\nb]: /guide"],
    ["a reference in a block quote", "see [a]\n\n> [a]: /guide"],
    ["a reference in a list item, after a quote marker", "see [a]\n\n- > [a]: /guide"],
    ["a reference in a numbered item's second paragraph", "see [a]\n\n1. item\n\n   [a]: /guide"],
    ["an escaped bracket, then a path link, in a line that opens an HTML block in a list item but not in a heading", "<p>[\\](/x)"],
  ];
  it("the check sees a path link in unescaped text (it can fail)", () => {
    expect(targets(renderer.render(LINKS[0][1])).filter((h) => !leadsSomewhere(h))).not.toEqual([]);
  });
  it("the check sees a reference definition to a path that no link uses (it can fail)", () => {
    expect(pathLinks("[a]: /guide")).toEqual(["/guide"]);
  });
  it.each(LINKS)("%s", (_name, text) => {
    expect(pathLinksEverywhere(text)).toEqual([]);
  });
  it("links to URLs stay links, with their text", () => {
    const html = renderer.render(md('[a](https://example.com/a) [m](mailto:x@example.com) [p](//cdn.example.com/x) [a](/x) [e]() <a href="https://example.com/h">h</a> <a href="/docs">d</a>'));
    expect(targets(html)).toEqual(["https://example.com/a", "mailto:x@example.com", "//cdn.example.com/x", "", "https://example.com/h"]);
    // The path link reads as its author wrote it.
    expect(html).toContain("[a](/x)");
  });
  it("whatever the brackets, backslashes and code spans around them", () => {
    const links = ["[", "]", "(", ")", "](", "](/", "](#", "]( ", "]:", "]: /", "]: https://h", '<a href="/x">', '<a href="https://h">', "</a>"];
    const piece = fc.constantFrom(...links, ...STRUCTURE, ">", "!", "/", ":", "https://h");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect(pathLinksEverywhere(text)).toEqual([]);
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});
