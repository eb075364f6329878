/**
 * Every target's docs in one site. The first target's pages are the site's frame (home, resources,
 * operations, models); every other target's pages sit below its name (`python/index.md`,
 * `python/docs/models/user.md`), but for its resource pages, whose operation sections join the first
 * target's operation pages, and its pages of models the first target has pages of too, which join
 * those (both joined by the IR's ids and names, never by the SDKs' names). Links inside another
 * target's text are rebased onto the site's pages; a link to a page the site lacks becomes its text.
 */
import type { DocsIndex, TargetResult } from "../generate.js";
import { HTTP_LANG, LANGUAGE_LABELS, rebaseLinks, type LanguageSection } from "./site-languages.js";
import { operationFile, splitSections, vPre, type OperationLanguages, type SitePage } from "./site-pages.js";

/** A target other than the site's first, as the site holds it. */
export interface SiteTarget {
  lang: string;
  /** Its pages' folder in the site: `python/`. */
  prefix: string;
  docs: DocsIndex;
  /** Its markdown files (docs pages and README), by path in its output. */
  files: Map<string, string>;
  /** Its model pages that join the first target's page of the same model: their path in its output → that page's site path. */
  joined: Map<string, string>;
  /** The site path of a path (and anchor) of its output, or undefined. */
  resolve: (path: string, anchor: string) => string | undefined;
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);

/** Each operation's page in the site, by IR id, from the main target's docs index. */
export function operationSitePaths(main: DocsIndex): Map<string, string> {
  return new Map(main.groups.flatMap((g) => g.operations.map((o) => [o.id, dirOf(g.page) + operationFile(o.method)] as const)));
}

/** Another target's output as the site holds it, with the resolver for links in its text. */
export function siteTarget(result: TargetResult, main: DocsIndex): SiteTarget | undefined {
  const docs = result.docs;
  if (!docs) return undefined;
  const lang = result.target.name;
  const prefix = `${lang}/`;
  const files = new Map(result.files.filter((f) => f.path.endsWith(".md") && f.path !== "CHANGELOG.md").map((f) => [f.path, f.content]));
  const operations = operationSitePaths(main);
  const mainGroups = new Map(main.groups.map((g) => [g.name, g.page]));
  const resources = new Map(docs.groups.map((g) => [g.page, g]));
  const mainModels = new Map(main.models.map((m) => [m.name, m.page]));
  const joined = new Map(docs.models.flatMap((m) => (mainModels.has(m.name) && files.has(m.page) ? [[m.page, mainModels.get(m.name)!] as const] : [])));
  const resolve = (path: string, anchor: string): string | undefined => {
    const hash = anchor ? `#${anchor}` : "";
    const model = joined.get(path);
    if (model !== undefined) return model + hash;
    const group = resources.get(path);
    if (group) {
      // A resource page's anchor is an operation's heading (its method); else the resource's overview.
      const op = group.operations.find((o) => o.method.toLowerCase() === anchor.toLowerCase());
      const page = op ? operations.get(op.id) : mainGroups.get(group.name);
      return page === undefined ? undefined : op ? page : page + hash;
    }
    if (path === "README.md") return `${prefix}index.md${hash}`;
    return files.has(path) ? prefix + path + hash : undefined;
  };
  return { lang, prefix, docs, files, joined, resolve };
}

/** Another target's pages but its resource pages and joined model pages (those join the first target's pages), links rebased. */
export function targetPages(t: SiteTarget): SitePage[] {
  const resources = new Set(t.docs.groups.map((g) => g.page));
  const label = LANGUAGE_LABELS[t.lang] ?? t.lang;
  return [...t.files]
    .filter(([path]) => !resources.has(path) && !t.joined.has(path))
    .map(([path, text]) => {
      const site = path === "README.md" ? `${t.prefix}index.md` : t.prefix + path;
      const markdown = rebaseLinks(text, path, site, t.resolve);
      const heading = /^# (.*)$/m.exec(markdown)?.[1] ?? path;
      // The site's sidebar and search tell a page from the main language's page of the same name.
      return { path: site, markdown, content: vPre(markdown), title: `${heading} (${label})` };
    });
}

/** What `operationPages` needs to join every target's sections into the operation pages. */
export function operationLanguages(main: { lang: string; docs: DocsIndex }, others: SiteTarget[], http: Map<string, string>): OperationLanguages {
  const ids = new Map(main.docs.groups.map((g) => [g.page, new Map(g.operations.map((o) => [o.method, o.id]))]));
  // Each other target's sections by operation id, with the path of the page they were written in.
  const sections = new Map<string, { t: SiteTarget; from: string; body: string }[]>();
  for (const t of others) {
    for (const g of t.docs.groups) {
      const text = t.files.get(g.page);
      if (text === undefined) continue;
      const byMethod = new Map(splitSections(text).operations.map((s) => [s.name, s.body]));
      for (const o of g.operations) {
        const body = byMethod.get(o.method);
        if (body !== undefined) (sections.get(o.id) ?? sections.set(o.id, []).get(o.id)!).push({ t, from: g.page, body });
      }
    }
  }
  return {
    main: main.lang,
    idOf: (page, method) => ids.get(page)?.get(method),
    sections: (id, sitePath): LanguageSection[] => [
      ...(sections.get(id) ?? []).map((s) => ({ lang: s.t.lang, body: rebaseLinks(s.body, s.from, sitePath, s.t.resolve) })),
      ...(http.has(id) ? [{ lang: HTTP_LANG, body: http.get(id)! }] : []),
    ],
  };
}

/**
 * The parts of the first target's model pages that the other targets' pages of the same models
 * give: by site path, each target's page without its title (the page has one; `title` keeps it: it
 * may name the model otherwise, Python's `FileT` for TypeScript's `File`), its links rebased onto that page.
 */
export function modelSections(others: SiteTarget[]): Map<string, LanguageSection[]> {
  const out = new Map<string, LanguageSection[]>();
  for (const t of others)
    for (const [path, site] of t.joined) {
      const text = rebaseLinks(t.files.get(path)!, path, site, t.resolve);
      const title = /^# (.*)\n+/.exec(text);
      const body = title ? text.slice(title[0].length) : text;
      (out.get(site) ?? out.set(site, []).get(site)!).push({ lang: t.lang, body, ...(title ? { title: title[1] } : {}) });
    }
  return out;
}
