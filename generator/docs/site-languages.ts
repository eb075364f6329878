/**
 * One language for a whole docs-site page. An operation page holds every language's part under one
 * heading each (`Parameters`: the TypeScript table, the Python table, the HTTP table), each part in
 * a block the site shows only while its language is chosen; a heading only some languages have is
 * shown only with them. The blocks are plain `<div>`s with a `data-langs` list, so the page reads
 * whole without script, and the theme's stylesheet (`languageCss`) picks the blocks to show.
 */
import type { ReferencePart } from "./http-reference.js";

/** The HTTP view's language: it has no model pages of its own (the first SDK's stand in). */
export const HTTP_LANG = "curl";

export const LANGUAGE_LABELS: Record<string, string> = { typescript: "TypeScript", python: "Python", curl: "curl" };

/** A section's text before its first `###` heading (`level`: `##` on a model page), and its parts at that level (outside code). */
export function splitParts(section: string, level = 3): { preamble: string; parts: ReferencePart[] } {
  const lines = section.split("\n");
  const starts = headingLines(lines, new RegExp(`^#{${level}} \\S`));
  const preamble = lines
    .slice(0, starts[0] ?? lines.length)
    .join("\n")
    .trim();
  const parts = starts.map((at, k) => ({
    heading: lines[at].slice(level + 1).trim(),
    body: lines
      .slice(at + 1, starts[k + 1] ?? lines.length)
      .join("\n")
      .trim(),
  }));
  return { preamble, parts };
}

/** The indexes of the lines matching `heading` outside fenced code (a `:::` container is no fence: its code blocks are). */
export function headingLines(lines: string[], heading: RegExp): number[] {
  const at: number[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = undefined;
      return;
    }
    if (open) fence = open[1];
    else if (heading.test(line)) at.push(i);
  });
  return at;
}

/** Markdown shown only while one of `langs` is chosen (blank lines keep it markdown inside the HTML block). */
export function langBlock(langs: string[], markdown: string): string {
  return `<div class="specsmith-lang" data-langs="${langs.join(" ")}">\n\n${markdown}\n\n</div>`;
}

export interface LanguageSection {
  lang: string;
  /** A model page's title in this language (shown where it differs from the page's). */
  title?: string;
  /** The operation's section of that language's resource page, its links already pointing into the site. */
  body: string;
}

/**
 * An operation's section with every language's parts: the main language's description, then each
 * heading once (in the main language's order, then the others'), each language's part below it in
 * its block. The usage example is the main language's: its code group already holds every language.
 */
export function mergedSection(main: LanguageSection, others: LanguageSection[]): string {
  const all = [main, ...others].map((s) => ({ langs: [s.lang], ...splitParts(s.body) }));
  return [all[0].preamble, ...mergedParts(all, 3)].filter((x) => x !== "").join("\n\n") + "\n";
}

/**
 * A model's page with every language's text (each SDK's page of the model, its links already
 * pointing into the site): the title, the model's description (once when the languages that give
 * one say the same: Speakeasy's TypeScript pages leave a response's description out, its Python
 * pages keep it; else each language's in its block), then each `##` heading once, each language's
 * part in its block.
 * The main language's blocks show in the HTTP view too, which has no models of its own.
 */
export function mergedModelPage(title: string, main: LanguageSection, others: LanguageSection[]): string {
  const all = [main, ...others].map((s, i) => ({ langs: i === 0 ? [s.lang, HTTP_LANG] : [s.lang], title: s.title, ...splitParts(s.body, 2) }));
  // A language that names the model otherwise says so first.
  const names = all.flatMap((s) => (s.title === undefined || s.title === title ? [] : [langBlock(s.langs, `${LANGUAGE_LABELS[s.langs[0]] ?? s.langs[0]}: **${s.title}**`)]));
  const said = all.filter((s) => s.preamble !== "");
  const preamble = said.every((s) => s.preamble === said[0].preamble) ? said.slice(0, 1).map((s) => s.preamble) : said.map((s) => langBlock(s.langs, s.preamble));
  return [`# ${title}`, languagePicker(all.map((s) => s.langs[0])), ...names, ...preamble, ...mergedParts(all, 2)].filter((x) => x !== "").join("\n\n") + "\n";
}

const PICKER_CLASS = "specsmith-pick vp-raw";
const PICKER_LINE = new RegExp(`^<p class="${PICKER_CLASS}">.*</p>\n\n`, "m");

/**
 * Links that show a page in each of `langs` (a page with no code group to pick one in): the theme
 * picks the language in place; without script, `?lang=` opens the page in it. (`vp-raw`: VitePress's
 * router leaves the links alone, which it would follow as a visit to another page.)
 */
export function languagePicker(langs: string[]): string {
  const links = langs.map((lang) => `<a href="?lang=${lang}" data-lang="${lang}">${LANGUAGE_LABELS[lang] ?? lang}</a>`);
  return `<p class="${PICKER_CLASS}">Language: ${links.join(" · ")}</p>`;
}

/** `markdown` without its language links (for text read without the theme: llms-full.txt). */
export function withoutPicker(markdown: string): string {
  return markdown.replace(PICKER_LINE, "");
}

/** Each heading of `all`'s parts once, in order of first appearance, and below it each language's part in its block. */
function mergedParts(all: { langs: string[]; parts: ReferencePart[] }[], level: number): string[] {
  const headings: string[] = [];
  for (const s of all) for (const p of s.parts) if (!headings.includes(p.heading)) headings.push(p.heading);
  const out: string[] = [];
  for (const heading of headings) {
    const holders = all.filter((s) => s.parts.some((p) => p.heading === heading));
    const body = (s: (typeof all)[number]) => s.parts.find((p) => p.heading === heading)!.body;
    const heads = `${"#".repeat(level)} ${heading}`;
    // An operation's usage example is a code group of every language already.
    if (heading === "Example Usage" && holders[0] === all[0] && body(all[0]).includes("::: code-group")) {
      out.push(heads, body(all[0]));
      continue;
    }
    out.push(
      holders.length === all.length
        ? heads
        : langBlock(
            holders.flatMap((h) => h.langs),
            heads,
          ),
    );
    for (const h of holders) out.push(langBlock(h.langs, body(h)));
  }
  return out;
}

/**
 * The stylesheet that shows the chosen language's blocks: the theme sets `data-specsmith-lang` on
 * the document; before it does (and without script) the main language shows.
 */
export function languageCss(langs: string[], main: string): string {
  const rules = [
    ".specsmith-lang { display: none; }",
    // The theme's link style, which `vp-raw` opts the language links out of.
    ".specsmith-pick a { color: var(--vp-c-brand-1); text-decoration: underline; text-underline-offset: 2px; }",
    `html:not([data-specsmith-lang]) .specsmith-lang[data-langs~="${main}"] { display: block; }`,
    `html:not([data-specsmith-lang]) .specsmith-pick a[data-lang="${main}"] { font-weight: 600; }`,
  ];
  for (const lang of langs) {
    rules.push(`html[data-specsmith-lang="${lang}"] .specsmith-lang[data-langs~="${lang}"] { display: block; }`);
    // The language shown, among a page's language links.
    rules.push(`html[data-specsmith-lang="${lang}"] .specsmith-pick a[data-lang="${lang}"] { font-weight: 600; }`);
  }
  return rules.join("\n") + "\n";
}

/** A markdown link whose label may hold one level of brackets (`[Optional[utils.RetryConfig]](…)`). */
export const MARKDOWN_LINK = /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(([^()\s]*)\)/g;

/**
 * `markdown`'s relative links (outside code), written in a file at `from` of a target's output, as
 * links from the site page at `to`: `resolve` gives the site path of a target path and anchor, or
 * undefined when the site has no such page (the link becomes its text).
 */
export function rebaseLinks(markdown: string, from: string, to: string, resolve: (path: string, anchor: string) => string | undefined): string {
  const here = dirOf(from);
  return outsideFences(markdown, (line) =>
    line.replace(MARKDOWN_LINK, (all, label: string, href: string) => {
      if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(href)) return all;
      const hash = href.indexOf("#");
      const path = hash === -1 ? href : href.slice(0, hash);
      const anchor = hash === -1 ? "" : href.slice(hash + 1);
      const target = resolve(path === "" ? from : normalizePath(here + path), anchor);
      return target === undefined ? label : `[${label}](${relativePath(to, target)})`;
    }),
  );
}

/** The link from the page at `from` to the site path `target` (which may carry `#anchor`). */
export function relativePath(from: string, target: string): string {
  const a = dirOf(from).split("/").filter(Boolean);
  const b = target.split("/");
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return "../".repeat(a.length - k) + b.slice(k).join("/");
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** `a/b/../c.md` → `a/c.md`; `./` segments go. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "." || seg === "") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** `text` with `f` applied to each line outside fenced code blocks. */
export function outsideFences(text: string, f: (line: string) => string): string {
  const lines = text.split("\n");
  const code = fencedLines(lines);
  return lines.map((line, i) => (code[i] ? line : f(line))).join("\n");
}

/** For each line, whether it belongs to a fenced code block (its fences included). */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = undefined;
      return true;
    }
    if (open) fence = open[1];
    return open !== null;
  });
}
