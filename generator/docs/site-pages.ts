/** The docs site's pages, sidebar and llms.txt, from the markdown pages `generate` renders. */
import { compactTables } from "./compact-tables.js";
import { htmlAttr } from "../render/escape.js";
import { byText } from "../ir/names.js";
import type { CodeSample } from "./code-samples.js";
import {
  HTTP_LANG,
  LANGUAGE_LABELS,
  MARKDOWN_LINK,
  headingLines,
  langBlock,
  mergedModelPage,
  mergedSection,
  normalizePath,
  outsideFences,
  withoutPicker,
  type LanguageSection,
} from "./site-languages.js";

export interface SitePage {
  /** Path in the site's source: README.md becomes index.md. */
  path: string;
  /** The page's markdown as generated, with the usage examples of both SDKs. */
  markdown: string;
  /** What VitePress reads: the markdown as text only (no Vue template syntax from the spec runs). */
  content: string;
  title: string;
  /** The languages of a model page that holds every SDK's text of the model (joinedModelPage). */
  langs?: string[];
}

/** A usage example as every target's docs pages mark it (Speakeasy's marker), in the page's language. */
const USAGE = /<!-- UsageSnippet language="([^"]*)" operationID="([^"]*)"[^>]*-->\n```\1\n([\s\S]*?)\n```/g;

/** Every target's snippets of each operation, by the operation id as a page's usage marker spells it (see sitePage). */
export type SamplesByMarker = Map<string, CodeSample[]>;

/** `samples` (by operation id) keyed as the pages' usage markers spell the ids: made once for all of a site's pages. */
export function samplesByMarker(samples: Map<string, CodeSample[]>): SamplesByMarker {
  return new Map([...samples].map(([id, list]) => [htmlAttr(id), list]));
}

/** A generated page as a site page: each usage example becomes a code group of every SDK's snippet. */
export function sitePage(file: { path: string; content: string }, byAttr: SamplesByMarker): SitePage {
  const markdown = file.content.replace(USAGE, (all, _lang: string, id: string) => {
    const list = byAttr.get(id);
    if (!list || list.length < 2) return all;
    const blocks = list.map((s) => fence(s.lang, s.label, s.source));
    return `::: code-group\n\n${blocks.join("\n\n")}\n\n:::`;
  });
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? file.path;
  return { path: file.path === "README.md" ? "index.md" : file.path, markdown, content: vPre(markdown), title };
}

/**
 * The main SDK's page of a model with the other SDKs' texts of it (`others`, their links rebased onto
 * this page): one page a model, as an operation has one, the reader's language picking what shows.
 */
export function joinedModelPage(page: SitePage, lang: string, others: LanguageSection[]): SitePage {
  const markdown = mergedModelPage(page.title, { lang, body: page.markdown.replace(/^# .*\n+/, "") }, others);
  return { ...page, markdown, content: vPre(markdown), langs: [lang, ...others.map((o) => o.lang)] };
}

/**
 * A generated page as VitePress must read it for spec text to stay text. The markdown is already
 * escaped for CommonMark (render/escape.ts); VitePress adds syntax of its own, each handled here:
 * - `<!--@include: path-->` is replaced with the file's contents on the raw text, code fences included:
 *   every such comment is broken by a zero-width space (the regex wants `<!--`, spaces, `@include:`);
 * - a line starting with `<<<` (outside fences) imports a file as code: its `<` becomes an entity;
 * - `{{ }}` is Vue interpolation: the page sits in one `v-pre` container, whose fence is longer than
 *   any run of colons at a line's start, so no line of the page can close it early;
 * - `{attrs}` (markdown-it-attrs) is switched off in the site's config.
 */
export function vPre(markdown: string): string {
  const text = balanceTags(outsideFences(markdown.replace(/<!--(?=\s*@include)/g, "<!--\u200b"), (line) => line.replace(/^( {0,3})<<</, "$1&lt;<<")));
  const longest = Math.max(3, ...(text.match(/^ {0,3}:+/gm) ?? []).map((r) => r.trim().length));
  const fence = ":".repeat(longest + 1);
  return `${fence} v-pre\n\n${text}\n\n${fence}\n`;
}

/** Tags markdown passes through as HTML blocks: they may span paragraphs. */
const BLOCK_TAGS = new Set(["p", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "pre", "div"]);
const VOID_TAGS = new Set(["br", "hr", "img"]);

/**
 * The HTML a page lets through (descriptions' formatting, our own `<details>`), balanced: Vue compiles
 * each page as a template and fails the whole build on an end tag it did not see open. A tag with no
 * partner is shown as text instead: a block tag's partner may be anywhere later in the page, an
 * inline tag's must be in the same paragraph (markdown closes the paragraph around it).
 */
export function balanceTags(text: string): string {
  type Tag = { start: number; name: string; close: boolean; keep: boolean };
  const tags: Tag[] = [];
  let fence: string | undefined;
  let offset = 0;
  const paragraphs: number[] = [];
  for (const line of text.split("\n")) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = undefined;
    } else if (open) fence = open[1];
    else if (line.trim() === "") paragraphs.push(offset);
    else {
      // Tags outside code spans (a span's content is text to markdown).
      const code = [...line.matchAll(/(`+)[\s\S]*?\1/g)].map((m) => [m.index!, m.index! + m[0].length]);
      for (const m of line.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g)) {
        if (code.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
        const name = m[2].toLowerCase();
        if (VOID_TAGS.has(name) || m[0].endsWith("/>")) continue;
        tags.push({ start: offset + m.index!, name, close: m[1] === "/", keep: false });
      }
    }
    offset += line.length + 1;
  }
  const paragraphOf = (at: number) => paragraphs.filter((p) => p < at).length;
  const stack: Tag[] = [];
  for (const t of tags) {
    if (!t.close) {
      stack.push(t);
      continue;
    }
    const i = stack.map((x) => x.name).lastIndexOf(t.name);
    if (i === -1) continue;
    const opener = stack[i];
    const inline = !BLOCK_TAGS.has(t.name);
    // Everything opened after the partner and not closed stays unmatched (shown as text).
    stack.length = i;
    if (inline && paragraphOf(opener.start) !== paragraphOf(t.start)) continue;
    opener.keep = t.keep = true;
  }
  let out = "";
  let last = 0;
  for (const t of tags) {
    if (t.keep) continue;
    out += text.slice(last, t.start) + "&lt;";
    last = t.start + 1;
  }
  return out + text.slice(last);
}

/** Text VitePress renders as HTML (sidebar items use v-html): escaped. */
export function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A string of the site's config that VitePress puts in an inline script (site data) and in the
 * page: no `</` (it would end the script) nor `<!--`; shown as it is otherwise.
 */
export function siteDataText(text: string): string {
  return text.replace(/<(?=[/!])/g, "<\u200b");
}

/** A code fence that no line of `code` can close early. */
function fence(lang: string, label: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/^`{3,}/gm) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang} [${label}]\n${code}\n${ticks}`;
}

const link = (path: string) => "/" + path.replace(/\.md$/, ".html");

/** Resources with their operations, then models, then the rest. */
export function siteSidebar(pages: SitePage[]): unknown[] {
  const groups = pages.filter((p) => RESOURCE_PAGE.test(p.path));
  const inGroup = (g: SitePage) => {
    const dir = g.path.slice(0, -"README.md".length);
    return pages.filter((p) => p !== g && p.path.startsWith(dir) && !p.path.slice(dir.length).includes("/"));
  };
  const operations = new Set(groups.flatMap(inGroup));
  const models = pages.filter((p) => /^([^/]+\/)?docs\/models\//.test(p.path) && !/^([^/]+\/)?docs\/models\/utils\//.test(p.path));
  const changelogs = pages.filter((p) => p.path.startsWith("changelog/"));
  // Another language's README (`python/index.md`) beside the site's home.
  const homes = pages.filter((p) => /^[^/]+\/index\.md$/.test(p.path));
  const rest = pages.filter(
    (p) => p.path !== "index.md" && p.path !== "models.md" && !homes.includes(p) && !groups.includes(p) && !operations.has(p) && !models.includes(p) && !changelogs.includes(p),
  );
  // An operation page's title is Resource.method; the sidebar, under its resource, shows the method.
  const method = (p: SitePage) => htmlText(p.title.slice(p.title.lastIndexOf(".") + 1));
  const { overview, models: modelsGroup, tail } = sidebarFrame(pages, models.length, rest, changelogs, homes);
  return [
    overview,
    ...groups.map((g) => ({ text: htmlText(g.title), link: link(g.path), collapsed: false, items: inGroup(g).map((o) => ({ text: method(o), link: link(o.path) })) })),
    ...modelsGroup,
    ...tail,
  ];
}

/** The sidebar's groups around the resources: the overview, the models index, the rest, the changelogs. */
function sidebarFrame(pages: SitePage[], models: number, rest: SitePage[], changelogs: SitePage[], homes: SitePage[]) {
  return {
    overview: {
      text: "Overview",
      items: [
        { text: "Getting started", link: "/" },
        ...homes.map((h) => ({ text: `Getting started (${htmlText(LANGUAGE_LABELS[h.path.split("/")[0]] ?? h.path.split("/")[0])})`, link: link(h.path) })),
      ],
    },
    // One link to the models index: a sidebar of every model would be on every page (Clerk has 600).
    models: models ? [{ text: "Models", items: [{ text: `All models (${models})`, link: "/models.html" }] }] : [],
    tail: [
      ...(rest.length ? [{ text: "Reference", items: rest.map((r) => ({ text: htmlText(r.title), link: link(r.path) })) }] : []),
      ...(changelogs.length ? [{ text: "Changelog", items: changelogs.map((c) => ({ text: htmlText(c.title), link: link(c.path) })) }] : []),
    ],
  };
}

/**
 * The site's sidebars by path (VitePress picks the longest prefix of a page's path). VitePress prints
 * a page's whole sidebar into its HTML (about 360 bytes a link): the whole Clerk API's 300 links
 * were 112 KB of each of its 1,994 pages, 1,694 of which are models. So a resource's pages list
 * every resource but only their own resource's operations; model pages list no resources; every
 * other page lists the resources without their operations.
 */
export function siteSidebars(pages: SitePage[]): Record<string, unknown[]> {
  const full = siteSidebar(pages) as { text: string; link?: string; items?: unknown[] }[];
  const resources = new Set(pages.filter((p) => RESOURCE_PAGE.test(p.path)).map((p) => link(p.path)));
  const isResource = (g: (typeof full)[number]) => g.link !== undefined && resources.has(g.link);
  const closed = (g: (typeof full)[number]) => ({ text: g.text, link: g.link });
  const sidebars: Record<string, unknown[]> = {};
  const light = full.filter((g) => !isResource(g));
  for (const p of pages) {
    const dir = /^([^/]+\/)?docs\/models\//.exec(p.path)?.[0];
    if (dir) sidebars[`/${dir}`] = light;
  }
  for (const g of full.filter(isResource)) sidebars[g.link!.slice(0, g.link!.lastIndexOf("/") + 1)] = full.map((x) => (isResource(x) && x !== g ? closed(x) : x));
  sidebars["/"] = full.map((x) => (isResource(x) ? closed(x) : x));
  return sidebars;
}

/**
 * The models index page: every language's model pages (each in its language's block). The first
 * language's by namespace; another's (in one namespace in its SDK) are its pages below its name
 * and the first language's pages that hold its text too (joinedModelPage), by name.
 */
export function modelsPage(pages: SitePage[], langs: string[] = []): SitePage {
  const lines = ["# Models", ""];
  const listed = (list: SitePage[], title: (p: SitePage) => string = (p) => p.title) => list.map((m) => `- [${title(m)}](${m.path})`);
  langs.forEach((lang, i) => {
    const body: string[] = [];
    if (i === 0) {
      const models = pages.filter((p) => isModelPage(p.path, MODELS));
      const spaceOf = (p: SitePage) => p.path.slice(MODELS.length).split("/").slice(0, -1).join("/");
      for (const space of new Set(models.map(spaceOf))) body.push(...(space ? [`## ${space}`, ""] : []), ...listed(models.filter((m) => spaceOf(m) === space)), "");
    } else {
      const models = pages.filter((p) => isModelPage(p.path, `${lang}/${MODELS}`) || (p.langs?.includes(lang) && p.path.startsWith(MODELS)));
      // Its own pages' titles name the language (for the sidebar and search); here its block does.
      const label = ` (${LANGUAGE_LABELS[lang] ?? lang})`;
      const title = (p: SitePage) => (p.title.endsWith(label) ? p.title.slice(0, -label.length) : p.title);
      body.push(
        ...listed(
          models.sort((a, b) => byText(title(a), title(b))),
          title,
        ),
      );
    }
    if (body.length === 0) return;
    // The HTTP view lists the first language's models.
    lines.push(langs.length > 1 ? langBlock(i === 0 ? [lang, HTTP_LANG] : [lang], body.join("\n").trim()) : body.join("\n").trim(), "");
  });
  const markdown = lines.join("\n");
  return { path: "models.md", markdown, content: vPre(markdown), title: "Models" };
}

const MODELS = "docs/models/";

/** A model's page below `root` (not one of the SDK's own `utils/` pages). */
function isModelPage(path: string, root: string): boolean {
  return path.startsWith(root) && !path.startsWith(`${root}utils/`);
}

/** llms.txt (a map of the site) or llms-full.txt (every page's text). */
export function llmsTxt(title: string, pages: SitePage[], full: boolean, base = "/"): string {
  // Links as a reader fetches them: below the site's base path.
  const at = (p: SitePage) => base.replace(/\/$/, "") + link(p.path);
  // Read as text, a table's padding is only bytes (most of them): each table goes without it.
  if (full) return pages.map((p) => `<!-- ${at(p)} -->\n${compactTables(withoutPicker(p.markdown).trim())}\n`).join("\n");
  const section = (name: string, list: SitePage[]) => (list.length ? [`## ${name}`, "", ...list.map((p) => `- [${p.title}](${at(p)})`), ""] : []);
  return [
    `# ${title}`,
    "",
    "> The SDKs' documentation: every resource with its operations (TypeScript and Python usage), and every model. The whole text is in /llms-full.txt.",
    "",
    ...section(
      "Docs",
      pages.filter((p) => p.path === "index.md"),
    ),
    ...section(
      "Resources",
      pages.filter((p) => p.path.startsWith("docs/sdks/")),
    ),
    ...section(
      "Models",
      pages.filter((p) => /^([^/]+\/)?docs\/models\//.test(p.path)),
    ),
  ].join("\n");
}

/** The home page with a link to each changelog page at its end. */
export function withChangelogLinks(home: SitePage, changelogs: SitePage[]): SitePage {
  if (changelogs.length === 0) return home;
  const markdown = `${home.markdown.trimEnd()}\n\n## Changelog\n\n${changelogs.map((c) => `- [${c.title}](${c.path})`).join("\n")}\n`;
  return { ...home, markdown, content: vPre(markdown) };
}

/**
 * Each SDK's changelog (its CHANGELOG.md as the last generation left it) as a page. Its links are
 * relative to the SDK's folder: each is rebased onto the page's, or, when the site has no such page
 * (the Python SDK's model pages), kept as its text.
 */
export function changelogPages(changelogs: { target: string; text: string | undefined; resolve?: (path: string, anchor: string) => string | undefined }[], sitePaths: ReadonlySet<string>): SitePage[] {
  return changelogs.flatMap(({ target, text, resolve }) => {
    if (text === undefined) return [];
    const title = `Changelog (${LANGUAGE_LABELS[target] ?? target})`;
    // The file's own first heading gives way to the page's.
    const body = outsideFences(text.replace(/^# .*\n+/, ""), (line) =>
      line.replace(MARKDOWN_LINK, (all, label: string, href: string) => {
        if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href)) return all;
        const path = normalizePath(href.replace(/#.*$/, ""));
        if (resolve) {
          // A target below its own folder: its paths are the resolver's to map.
          const site = resolve(path, /#(.*)$/.exec(href)?.[1] ?? "");
          return site === undefined ? label : `[${label}](../${site})`;
        }
        return sitePaths.has(path === "README.md" ? "index.md" : path) ? `[${label}](../${href})` : label;
      }),
    );
    const markdown = `# ${title}\n\n${body}`;
    return [{ path: `changelog/${target}.md`, markdown, content: vPre(markdown), title }];
  });
}

/** A resource page's operations, each its own page beside it, and what links to them. */
export interface OperationPages {
  /** The resource pages (now overviews) and every operation page, in order. */
  pages: SitePage[];
  /** Per resource page's site link: its operations' anchors (the old `README.html#create` links). */
  anchors: Record<string, string[]>;
}

/** The other languages of each operation page (the main language's pages are split). */
export interface OperationLanguages {
  /** The main language (its snippets' code group is the usage example). */
  main: string;
  /** The IR id of the operation a resource page's `## method` section documents. */
  idOf(page: string, method: string): string | undefined;
  /** Every other language's section of an operation, with links from the operation page at `sitePath`. */
  sections(id: string, sitePath: string): LanguageSection[];
}

/** An operation page's file in its resource's folder: README.md and index.md are the resource's own (on case-insensitive file systems too). */
export function operationFile(method: string): string {
  const slug = method.toLowerCase();
  return slug === "readme" || slug === "index" ? `${slug}-operation.md` : `${slug}.md`;
}

/** A resource page of the generated docs: `docs/sdks/<resource>/README.md`. */
const RESOURCE_PAGE = /^docs\/sdks\/[^/]+\/README\.md$/;
/** An operation's section: its heading is the method name (an identifier; a description's heading never matches). */
const OPERATION_HEADING = /^## ([A-Za-z_$][\w$]*)$/;

/**
 * Splits each resource page into an overview and a page per operation (`docs/sdks/<resource>/<op>.md`),
 * so that every operation has a URL of its own, a search hit lands on it, and the sidebar lists it.
 * Links to `README.md#<op>` on every page follow the operation to its page.
 */
export function operationPages(pages: SitePage[], languages?: OperationLanguages): OperationPages {
  const anchors: Record<string, string[]> = {};
  const moved = new Map<string, Map<string, string>>();
  const out: SitePage[] = [];
  for (const page of pages) {
    if (!RESOURCE_PAGE.test(page.path)) {
      out.push(page);
      continue;
    }
    const { overview, operations } = splitSections(page.markdown);
    const dir = page.path.slice(0, -"README.md".length);
    const names = new Map<string, string>();
    const opPages = operations.map(({ name, body }) => {
      const slug = name.toLowerCase();
      const file = operationFile(name);
      names.set(slug, file);
      const id = languages?.idOf(page.path, name);
      const merged = languages && id !== undefined ? mergedSection({ lang: languages.main, body }, languages.sections(id, dir + file)) : body;
      const markdown = `# ${name}\n\n[${page.title}](README.md) › ${name}\n\n${promoteHeadings(merged)}`;
      return { path: dir + file, markdown, title: `${page.title}.${name}` };
    });
    moved.set(page.path, names);
    anchors[link(page.path)] = [...names.keys()];
    // Their content is made below (withMovedLinks), from the markdown as its links end up.
    out.push({ ...page, markdown: overview, content: "" }, ...opPages.map((p) => ({ ...p, content: "" })));
  }
  return { pages: out.map((p) => withMovedLinks(p, moved)), anchors };
}

/** A resource page's overview (everything before the first operation) and its operations' sections. */
export function splitSections(markdown: string): { overview: string; operations: { name: string; body: string }[] } {
  const lines = markdown.split("\n");
  const starts = headingLines(lines, OPERATION_HEADING)
    .map((at) => ({ at, name: OPERATION_HEADING.exec(lines[at])![1] }))
    .filter((h) => h.name !== "Overview");
  const overview = lines.slice(0, starts[0]?.at ?? lines.length).join("\n");
  const operations = starts.map((s, k) => ({
    name: s.name,
    body:
      lines
        .slice(s.at + 1, starts[k + 1]?.at ?? lines.length)
        .join("\n")
        .trim() + "\n",
  }));
  return { overview: overview.trimEnd() + "\n", operations };
}

/** An operation's `###` sections become the page's `##` sections (outside code). */
function promoteHeadings(markdown: string): string {
  return outsideFences(markdown, (line) => line.replace(/^###(#*) /, "##$1 "));
}

/** A page whose links to a moved operation (`README.md#op`, `#op` on the resource page itself) point to its page. */
function withMovedLinks(page: SitePage, moved: Map<string, Map<string, string>>): SitePage {
  const here = page.path.slice(0, page.path.lastIndexOf("/") + 1);
  const markdown = outsideFences(page.markdown, (line) =>
    line.replace(/\]\(([^()\s]*?)(README\.md)?#([a-z_$][\w$]*)\)/g, (all, prefix: string, readme: string | undefined, anchor: string) => {
      const target = readme ? normalizePath(here + prefix + "README.md") : prefix === "" ? page.path : undefined;
      const file = target === undefined ? undefined : moved.get(target)?.get(anchor);
      if (!file || target === undefined) return all;
      // From the resource page itself (or its operations, in the same folder): the file's name.
      return `](${target === page.path || here === target.slice(0, target.lastIndexOf("/") + 1) ? file : prefix + file})`;
    }),
  );
  // Most pages link to no moved operation: their text, and so their content, is as it was (a page
  // split off a resource page has none yet).
  return markdown === page.markdown && page.content !== "" ? page : { ...page, markdown, content: vPre(markdown) };
}

/**
 * Links between the site's pages (relative, to a `.md` page, outside code) whose page the site does
 * not have. Every link the docs write names a page they write, so one here is a bug: the build stops
 * and names it rather than publish it (VitePress checks again as it renders).
 */
export function deadLinks(pages: SitePage[]): { page: string; link: string }[] {
  const paths = new Set(pages.map((p) => p.path));
  const dead: { page: string; link: string }[] = [];
  for (const page of pages) {
    const here = page.path.slice(0, page.path.lastIndexOf("/") + 1);
    outsideFences(page.markdown, (line) => {
      for (const m of line.replace(/(`+)[\s\S]*?\1/g, "").matchAll(MARKDOWN_LINK)) {
        const path = m[2].replace(/#.*$/, "");
        if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(path) || !path.endsWith(".md")) continue;
        const target = normalizePath(here + path);
        if (!paths.has(target) && !(target === "README.md" && paths.has("index.md"))) dead.push({ page: page.path, link: m[2] });
      }
      return line;
    });
  }
  return dead;
}
