/**
 * Whether markdown-it, the renderer VitePress builds the docs site with (and a CommonMark one, as
 * GitHub's is), reads escaped spec text as inert: no HTML but the tags the escaper keeps, and no link,
 * image or link reference definition that leads nowhere or runs script. md() asks it of what it makes
 * of text whose code spans, fences or escapes it trusted (escape.ts): where the escaper's reading of
 * the text's blocks and code spans differs from the renderer's, the renderer's wins.
 *
 * markdown-it is loaded on the first question (most descriptions never ask one) and outside the
 * bundle, as the package installs it.
 */
import { createRequire } from "node:module";

/**
 * Where escaped text goes: a page's blocks, one line (asked as a list item's and as a heading's: a
 * list item may start an HTML block, a heading may not), or one table cell.
 */
export type MarkdownPlace = "block" | "inline" | "cell";

interface Token {
  type: string;
  content: string;
  attrs: [string, string][] | null;
  children: Token[] | null;
}
interface MarkdownIt {
  parse(src: string, env: { references?: Record<string, { href: string }> }): Token[];
}

let parser: MarkdownIt | undefined;

function markdownIt(): MarkdownIt {
  if (!parser) {
    const MarkdownIt = createRequire(import.meta.url)("markdown-it") as new (options: object) => MarkdownIt;
    parser = new MarkdownIt({ html: true });
  }
  return parser;
}

/** `text` as markdown-it reads it in `place`: the tokens, and the reference definitions. */
function read(text: string, place: MarkdownPlace): { tokens: Token[]; references: string[] } {
  // (A cell's pipes are escaped, as mdCell() escapes them, code spans' included.)
  const cell = () => `| a |\n| - |\n| ${text.replace(/\|/g, "\\|").replace(/\n/g, "<br/>")} |\n`;
  const src = place === "inline" ? `- ${text}\n\n## ${text}` : place === "cell" ? cell() : text;
  const env: { references?: Record<string, { href: string }> } = {};
  const tokens = markdownIt().parse(src, env);
  return { tokens, references: Object.values(env.references ?? {}).map((r) => r.href) };
}

/**
 * True when every HTML tag in `text`, as markdown-it reads it in `place`, passes `keptTag` and every
 * link target (of links, images and definitions) passes `leadsSomewhere`.
 */
export function readsInert(text: string, place: MarkdownPlace, keptTag: (html: string) => boolean, leadsSomewhere: (href: string) => boolean): boolean {
  const { tokens, references } = read(text, place);
  if (!references.every(leadsSomewhere)) return false;
  const inert = (t: Token): boolean => {
    if (t.type === "html_block" || t.type === "html_inline") return htmlTags(t.content).every(keptTag);
    const target = t.type === "link_open" ? "href" : t.type === "image" ? "src" : undefined;
    if (target && !leadsSomewhere(t.attrs?.find(([k]) => k === target)?.[1] ?? "")) return false;
    return (t.children ?? []).every(inert);
  };
  return tokens.every(inert);
}

/** The tags (`<` through the text after it) of raw HTML: each must be one the escaper keeps. */
function htmlTags(html: string): string[] {
  return [...html.matchAll(/<(?=[A-Za-z/!?])/g)].map((m) => html.slice(m.index));
}
