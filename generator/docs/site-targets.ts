/**
 * Every target's docs in one site. The first target's pages are the site's frame (home, resources,
 * operations, models); every other target's pages sit below its name (`python/index.md`,
 * `python/docs/models/user.md`), and its resource pages' operation sections join the first
 * target's operation pages (joined by the IR's operation ids, never by names). Links inside another
 * target's text are rebased onto the site's pages; a link to a page the site lacks becomes its text.
 */
import type { DocsIndex, TargetResult } from "../generate.js";
import { HTTP_LANG, LANGUAGE_LABELS, rebaseLinks, relativePath, type LanguageSection } from "./site-languages.js";
import { operationFile, splitSections, vPre, type OperationLanguages, type SitePage } from "./site-pages.js";

/** A target other than the site's first, as the site holds it. */
export interface SiteTarget {
  lang: string;
  /** Its pages' folder in the site: `python/`. */
  prefix: string;
  docs: DocsIndex;
  /** Its markdown files (docs pages and README), by path in its output. */
  files: Map<string, string>;
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
  const resolve = (path: string, anchor: string): string | undefined => {
    const hash = anchor ? `#${anchor}` : "";
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
  return { lang, prefix, docs, files, resolve };
}

/** Another target's pages other than its resource pages (those join the operation pages), links rebased. */
export function targetPages(t: SiteTarget): SitePage[] {
  const resources = new Set(t.docs.groups.map((g) => g.page));
  const label = LANGUAGE_LABELS[t.lang] ?? t.lang;
  return [...t.files]
    .filter(([path]) => !resources.has(path))
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

/** Each model page with a link to the same model's page in every other language. */
export function withModelLinks(pages: SitePage[], models: { lang: string; byName: Map<string, string> }[]): SitePage[] {
  const langsOf = new Map<string, { lang: string; path: string }[]>();
  for (const { lang, byName } of models) for (const [name, path] of byName) (langsOf.get(name) ?? langsOf.set(name, []).get(name)!).push({ lang, path });
  const at = new Map<string, { lang: string; path: string }[]>();
  for (const list of langsOf.values()) for (const x of list) at.set(x.path, list);
  return pages.map((p) => {
    const others = (at.get(p.path) ?? []).filter((x) => x.path !== p.path);
    if (others.length === 0) return p;
    const line = `This model in ${others.map((o) => `[${LANGUAGE_LABELS[o.lang] ?? o.lang}](${relativePath(p.path, o.path)})`).join(", ")}.`;
    const markdown = p.markdown.replace(/^(# .*\n)/m, `$1\n${line}\n`);
    return { ...p, markdown, content: vPre(markdown) };
  });
}
