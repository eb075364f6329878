/** The docs site's pages, sidebar and llms.txt, from the markdown pages `generate` renders. */
import { htmlAttr } from "../render/escape.js";
import type { CodeSample } from "./code-samples.js";

export interface SitePage {
  /** Path in the site's source: README.md becomes index.md. */
  path: string;
  /** The page's markdown as generated, with the usage examples of both SDKs. */
  markdown: string;
  /** What VitePress reads: the markdown as text only (no Vue template syntax from the spec runs). */
  content: string;
  title: string;
}

/** A usage example as every target's docs pages mark it (Speakeasy's marker), in the page's language. */
const USAGE = /<!-- UsageSnippet language="([^"]*)" operationID="([^"]*)"[^>]*-->\n```\1\n([\s\S]*?)\n```/g;

/** A generated page as a site page: each usage example becomes a code group of every SDK's snippet. */
export function sitePage(file: { path: string; content: string }, samples: Map<string, CodeSample[]>): SitePage {
  const byAttr = new Map([...samples].map(([id, list]) => [htmlAttr(id), list]));
  const markdown = file.content.replace(USAGE, (all, _lang: string, id: string) => {
    const list = byAttr.get(id);
    if (!list || list.length < 2) return all;
    const blocks = list.map((s) => fence(s.lang, s.label, s.source));
    return `::: code-group\n\n${blocks.join("\n\n")}\n\n:::`;
  });
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? file.path;
  return { path: file.path === "README.md" ? "index.md" : file.path, markdown, content: vPre(markdown), title };
}

/** The spec's text may hold `{{ }}`: in a v-pre container Vue shows it as text. */
function vPre(markdown: string): string {
  return `:::: v-pre\n\n${markdown}\n\n::::\n`;
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
  const groups = pages.filter((p) => /^docs\/sdks\/[^/]+\/README\.md$/.test(p.path));
  const models = pages.filter((p) => p.path.startsWith("docs/models/") && !p.path.startsWith("docs/models/utils/"));
  const rest = pages.filter((p) => p.path !== "index.md" && !groups.includes(p) && !models.includes(p));
  const operations = (p: SitePage) => [...p.markdown.matchAll(/^## (\S+)$/gm)].filter((m) => m[1] !== "Overview").map((m) => ({ text: m[1], link: `${link(p.path)}#${m[1].toLowerCase()}` }));
  return [
    { text: "Overview", items: [{ text: "Getting started", link: "/" }] },
    ...groups.map((g) => ({ text: g.title, link: link(g.path), collapsed: false, items: operations(g) })),
    // One link to the models index: a sidebar of every model would be on every page (Clerk has 600).
    ...(models.length ? [{ text: "Models", items: [{ text: `All models (${models.length})`, link: "/models.html" }] }] : []),
    ...(rest.length ? [{ text: "Reference", items: rest.map((r) => ({ text: r.title, link: link(r.path) })) }] : []),
  ];
}

/** The models index page: every model page, by namespace. */
export function modelsPage(pages: SitePage[]): SitePage {
  const models = pages.filter((p) => p.path.startsWith("docs/models/") && !p.path.startsWith("docs/models/utils/"));
  const spaces = [...new Set(models.map((m) => m.path.split("/")[2]))];
  const lines = ["# Models", ""];
  for (const space of spaces) {
    lines.push(`## ${space}`, "", ...models.filter((m) => m.path.split("/")[2] === space).map((m) => `- [${m.title}](${m.path})`), "");
  }
  const markdown = lines.join("\n");
  return { path: "models.md", markdown, content: vPre(markdown), title: "Models" };
}

/** llms.txt (a map of the site) or llms-full.txt (every page's text). */
export function llmsTxt(title: string, pages: SitePage[], full: boolean): string {
  if (full) return pages.map((p) => `<!-- ${link(p.path)} -->\n${p.markdown.trim()}\n`).join("\n");
  const section = (name: string, list: SitePage[]) => (list.length ? [`## ${name}`, "", ...list.map((p) => `- [${p.title}](${link(p.path)})`), ""] : []);
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
      pages.filter((p) => p.path.startsWith("docs/models/")),
    ),
  ].join("\n");
}
