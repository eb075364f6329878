// The docs site gives every operation a page of its own: resource pages split at their operations'
// headings, links to `README.md#op` follow the operation, code stays as it is.
import { describe, expect, it } from "vitest";
import { changelogPages, deadLinks, operationPages, siteSidebar, siteSidebars, vPre, withChangelogLinks, type SitePage } from "../../generator/docs/site-pages.js";

const page = (path: string, markdown: string): SitePage => ({ path, markdown, content: vPre(markdown), title: /^# (.*)$/m.exec(markdown)?.[1] ?? path });

const RESOURCE = [
  "# Users",
  "",
  "## Overview",
  "",
  "Manage users.",
  "",
  "### Available Operations",
  "",
  "* [list](#list) - List users",
  "* [readme](#readme) - An operation named like the page",
  "",
  "## list",
  "",
  "Lists users. See [get](#get) too.",
  "",
  "### Example Usage",
  "",
  "```python",
  "## not a heading: a comment in code",
  "### neither",
  "```",
  "",
  "### Parameters",
  "",
  "| Parameter | Type |",
  "",
  "## readme",
  "",
  "Reads [the model](../../models/user.md).",
  "",
].join("\n");

describe("operationPages", () => {
  const { pages, anchors } = operationPages([
    page("index.md", "# SDK\n\n* [list](docs/sdks/users/README.md#list) - List\n* [other](docs/sdks/users/README.md#nothere)\n"),
    page("docs/sdks/users/README.md", RESOURCE),
    page("docs/models/user.md", "# User\n\nUsed by [list](../sdks/users/README.md#list).\n"),
  ]);
  const at = (path: string) => pages.find((p) => p.path === path)!;

  it.each([
    ["the overview keeps what comes before the first operation", "docs/sdks/users/README.md", "Manage users.", "## list"],
    ["an operation's page has its section, headings one level up, a way back", "docs/sdks/users/list.md", "# list\n\n[Users](README.md) › list\n\nLists users.", "### Example Usage"],
    ["code keeps its lines, headings-like or not", "docs/sdks/users/list.md", "## not a heading: a comment in code\n### neither", "# readme"],
    ["a name the resource page holds (README) gets a page of its own name", "docs/sdks/users/readme-operation.md", "Reads [the model](../../models/user.md).", "## list"],
  ])("%s", (_, path, has, hasNot) => {
    expect(at(path).markdown).toContain(has);
    expect(at(path).markdown).not.toContain(hasNot);
  });

  it.each([
    ["the resource page's own list", "docs/sdks/users/README.md", "* [list](list.md) - List users\n* [readme](readme-operation.md)"],
    ["another page's link", "index.md", "* [list](docs/sdks/users/list.md) - List"],
    ["a link from another folder", "docs/models/user.md", "Used by [list](../sdks/users/list.md)."],
    ["an anchor that is not an operation stays", "index.md", "[other](docs/sdks/users/README.md#nothere)"],
    ["a same-page anchor on an operation's page that is not an operation stays", "docs/sdks/users/list.md", "See [get](#get) too."],
  ])("links follow the operation: %s", (_, path, has) => {
    expect(at(path).markdown).toContain(has);
  });

  it("records each resource page's moved anchors (for links published before), and VitePress reads every page as text", () => {
    expect(anchors).toEqual({ "/docs/sdks/users/README.html": ["list", "readme"] });
    for (const p of pages) expect(p.content).toMatch(/^:{3,} v-pre\n/);
  });

  it("the sidebar lists each resource with its operations' pages; the changelogs come last and the home page links them", () => {
    const changelogs = changelogPages(
      [
        { target: "typescript", text: "# Changelog\n\n## 1.0.0\n\n- [`users.list`](docs/sdks/users/README.md#list): added\n- [`Pet`](docs/models/pet.md): no page\n- [site](https://x.dev)\n" },
        { target: "python", text: undefined },
      ],
      new Set(["docs/sdks/users/README.md"]),
    );
    expect(changelogs.map((c) => [c.path, c.title])).toEqual([["changelog/typescript.md", "Changelog (TypeScript)"]]);
    // Links rebased onto the page's folder, or their text where the site has no such page.
    expect(changelogs[0].markdown).toBe("# Changelog (TypeScript)\n\n## 1.0.0\n\n- [`users.list`](../docs/sdks/users/README.md#list): added\n- `Pet`: no page\n- [site](https://x.dev)\n");
    expect(operationPages([page("docs/sdks/users/README.md", RESOURCE), ...changelogs]).pages.at(-1)!.markdown).toContain("(../docs/sdks/users/list.md)");
    const sidebar = siteSidebar([...pages, ...changelogs]) as { text: string; items: { text: string; link: string }[] }[];
    expect(sidebar.find((g) => g.text === "Users")!.items).toEqual([
      { text: "list", link: "/docs/sdks/users/list.html" },
      { text: "readme", link: "/docs/sdks/users/readme-operation.html" },
    ]);
    expect(sidebar.at(-1)).toEqual({ text: "Changelog", items: [{ text: "Changelog (TypeScript)", link: "/changelog/typescript.html" }] });
    expect(withChangelogLinks(at("index.md"), changelogs).markdown).toMatch(/## Changelog\n\n- \[Changelog \(TypeScript\)\]\(changelog\/typescript\.md\)\n$/);
  });

  it("a resource's pages list every resource and their own operations; model pages no resource; the others no operation", () => {
    const models = [page("docs/models/user.md", "# User\n"), page("python/docs/models/user.md", "# User\n")];
    const other = page("docs/sdks/sessions/README.md", "# Sessions\n");
    const all = [...pages, ...models, other];
    const sidebars = siteSidebars(all) as Record<string, { text: string; items?: unknown[] }[]>;
    expect(Object.keys(sidebars).sort()).toEqual(["/", "/docs/models/", "/docs/sdks/sessions/", "/docs/sdks/users/", "/python/docs/models/"]);
    const group = (key: string, text: string) => sidebars[key].find((g) => g.text === text);
    const full = siteSidebar(all) as { text: string }[];
    expect(group("/docs/sdks/users/", "Users")).toEqual(full.find((g) => g.text === "Users"));
    expect(group("/docs/sdks/users/", "Sessions")).toEqual({ text: "Sessions", link: "/docs/sdks/sessions/README.html" });
    expect(group("/", "Users")).toEqual({ text: "Users", link: "/docs/sdks/users/README.html" });
    expect(sidebars["/docs/models/"].map((g) => g.text)).toEqual(["Overview", "Models"]);
    expect(sidebars["/python/docs/models/"]).toBe(sidebars["/docs/models/"]);
  });
});

describe("deadLinks", () => {
  const pages = [
    page("index.md", "# SDK\n\n[users](docs/sdks/users/README.md) [gone](docs/gone.md#x) `[code](nope.md)`\n\n```md\n[fenced](nope.md)\n```\n"),
    page("docs/sdks/users/README.md", "# Users\n\n[home](../../../README.md) [web](https://example.com/a.md) [abs](/x.md) [self](#list) [model](../../models/missing.md)\n"),
  ];
  it("names each relative link to a .md page the site lacks, with its page; code, other schemes and the root README pass", () => {
    expect(deadLinks(pages)).toEqual([
      { page: "index.md", link: "docs/gone.md#x" },
      { page: "docs/sdks/users/README.md", link: "../../models/missing.md" },
    ]);
  });
});
