import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** Markdown outside fenced code blocks: links and headings there are not markdown. */
export function prose(md: string): string {
  return md.replace(/```[\s\S]*?```/g, "");
}

/**
 * Links and heading anchors as a CommonMark renderer reads the page (markdown-it, HTML allowed as
 * GitHub and VitePress allow it): a link in a code span or a code block is none, and a fence the
 * page leaves open hides every heading after it.
 */
const renderer = new MarkdownIt({ html: true });

function linksAndAnchors(md: string): { links: string[]; anchors: string[] } {
  const links: string[] = [];
  const anchors: string[] = [];
  const tokens = renderer.parse(md, {});
  tokens.forEach((t, i) => {
    if (t.type === "heading_open") anchors.push(slug(tokens[i + 1]?.children ?? []));
    if (t.type === "html_block") links.push(...htmlHrefs(t.content));
    for (const c of t.children ?? []) {
      if (c.type === "link_open") links.push(c.attrGet("href") ?? "");
      if (c.type === "html_inline") links.push(...htmlHrefs(c.content));
    }
  });
  return { links, anchors };
}

/** The targets of raw HTML links (`<a href="...">`), which the page's renderer passes through as written. */
function htmlHrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?\bhref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
}

/** GitHub's anchor of a heading: its text, lower-cased, without punctuation but `-` and `_`, spaces as `-`. */
function slug(inline: Token[]): string {
  const text = inline.map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");
  return text
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

/** GitHub-style anchors of a page's headings. */
export function anchors(md: string): string[] {
  return linksAndAnchors(md).anchors;
}

/** Relative links in the pages (paths under `dir`) that point at no file or no heading. */
export function brokenLinks(dir: string, pages: string[]): string[] {
  // Each file is read and parsed once, whether as a page or as the target of an anchor link (most
  // pages are both: GitHub's SDK has 8,000 of them).
  const parsed = new Map<string, { links: string[]; anchors: Set<string> }>();
  const parse = (file: string) => {
    let p = parsed.get(file);
    if (!p) {
      const { links, anchors } = linksAndAnchors(readFileSync(file, "utf8"));
      parsed.set(file, (p = { links, anchors: new Set(anchors) }));
    }
    return p;
  };
  const exists = new Map<string, boolean>();
  const existing = (file: string) => {
    let e = exists.get(file);
    if (e === undefined) exists.set(file, (e = existsSync(file)));
    return e;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const abs = join(dir, page);
    for (const link of parse(abs).links) {
      // Another scheme, or another host (`//host/path`, protocol-relative): not a page of ours.
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue;
      const [file, anchor] = decoded(link).split("#");
      const target = file === "" ? abs : join(dirname(abs), file);
      if (!existing(target) || (anchor && !parse(target).anchors.has(anchor))) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}

/** A link as written (markdown-it percent-encodes what a URL may not hold). */
function decoded(link: string): string {
  try {
    return decodeURI(link);
  } catch {
    return link;
  }
}
