// One language for a whole site page: each language's parts of an operation under shared headings,
// links of another target's text rebased onto the site, and the stylesheet that shows one language.
import { describe, expect, it } from "vitest";
import { jsonType } from "../../generator/docs/http-reference.js";
import { languageCss, mergedModelPage, mergedSection, rebaseLinks, relativePath, splitParts } from "../../generator/docs/site-languages.js";
import type { TypeRef } from "../../generator/ir/types.js";

const TS = [
  "Creates a user.",
  "",
  "### Example Usage",
  "",
  "::: code-group",
  "```typescript [TypeScript]",
  "### a comment, not a heading",
  "```",
  ":::",
  "",
  "### Standalone function",
  "",
  "usersCreate(client)",
  "",
  "### Parameters",
  "",
  "| ts table |",
].join("\n");
const PY = ["Creates a user.", "", "### Example Usage", "", "```python", "sdk.users.create()", "```", "", "### Parameters", "", "| py table |"].join("\n");

describe("splitParts", () => {
  it("splits at ### headings outside code and code groups", () => {
    const { preamble, parts } = splitParts(TS);
    expect(preamble).toBe("Creates a user.");
    expect(parts.map((p) => p.heading)).toEqual(["Example Usage", "Standalone function", "Parameters"]);
    expect(parts[0].body).toContain("### a comment, not a heading");
  });
});

describe("mergedSection", () => {
  const merged = mergedSection({ lang: "typescript", body: TS }, [
    { lang: "python", body: PY },
    { lang: "curl", body: "### Parameters\n\n| http table |\n\n### Response\n\n`200`" },
  ]);
  it.each([
    ["the main language's description, once", "Creates a user.\n\n### Example Usage", "Creates a user.\n\nCreates"],
    ["the usage example is the main's code group (it holds every language); the others' examples go", "::: code-group", "sdk.users.create()"],
    [
      "a heading every language has is shown once, each part in its language's block",
      '### Parameters\n\n<div class="specsmith-lang" data-langs="typescript">\n\n| ts table |\n\n</div>',
      "### Parameters\n\n</div>",
    ],
    ["another language's part under the same heading", '<div class="specsmith-lang" data-langs="python">\n\n| py table |\n\n</div>', 'data-langs="python">\n\n### Parameters'],
    ["a heading only some languages have is shown only with them", '<div class="specsmith-lang" data-langs="typescript">\n\n### Standalone function\n\n</div>', "\n### Standalone function\n\n<div"],
    [
      "a heading only a later language has comes after the main's",
      '<div class="specsmith-lang" data-langs="curl">\n\n### Response\n\n</div>',
      '### Response\n\n<div class="specsmith-lang" data-langs="typescript">',
    ],
  ])("%s", (_, has, hasNot) => {
    expect(merged).toContain(has);
    expect(merged).not.toContain(hasNot);
  });

  it("keeps another language's example when the main has no code group", () => {
    const plain = mergedSection({ lang: "typescript", body: "### Example Usage\n\n```ts\nx\n```" }, [{ lang: "python", body: PY }]);
    expect(plain).toContain('data-langs="python">\n\n```python\nsdk.users.create()');
  });
});

describe("mergedModelPage", () => {
  const ts = "## Example Usage\n\n```typescript\nlet value: User = {};\n```\n\n## Fields\n\n| ts fields |";
  const py = "## Fields\n\n| py fields |\n\n## Notes\n\n```python\n## a comment, not a heading\n```";
  const page = (tsText: string, pyText: string) => mergedModelPage("User", { lang: "typescript", body: tsText }, [{ lang: "python", body: pyText }]);
  it.each([
    [
      "the title, then links that pick each language",
      page(ts, py),
      '# User\n\n<p class="specsmith-pick vp-raw">Language: <a href="?lang=typescript" data-lang="typescript">TypeScript</a> · <a href="?lang=python" data-lang="python">Python</a></p>\n\n',
    ],
    ["a description only one language gives, shown in every language", page(ts, `A user.\n\n${py}`), "</p>\n\nA user.\n\n<div"],
    ["the same description, once", page(`A user.\n\n${ts}`, `A user.\n\n${py}`), "</p>\n\nA user.\n\n<div"],
    [
      "two descriptions, each in its language's block (the main's in the HTTP view too)",
      page(`A user.\n\n${ts}`, `The user.\n\n${py}`),
      '</p>\n\n<div class="specsmith-lang" data-langs="typescript curl">\n\nA user.\n\n</div>\n\n<div class="specsmith-lang" data-langs="python">\n\nThe user.\n\n</div>',
    ],
    [
      "a heading both have, once, each language's part in its block",
      page(ts, py),
      '## Fields\n\n<div class="specsmith-lang" data-langs="typescript curl">\n\n| ts fields |\n\n</div>\n\n<div class="specsmith-lang" data-langs="python">\n\n| py fields |\n\n</div>',
    ],
    ["a heading only the main language has, in its block", page(ts, py), '<div class="specsmith-lang" data-langs="typescript curl">\n\n## Example Usage\n\n</div>'],
    [
      "a heading only another language has, after the main's, code kept whole",
      page(ts, py),
      '<div class="specsmith-lang" data-langs="python">\n\n## Notes\n\n</div>\n\n<div class="specsmith-lang" data-langs="python">\n\n```python\n## a comment, not a heading\n```',
    ],
  ])("%s", (_, merged, has) => {
    expect(merged).toContain(has);
    expect(merged.match(/^# /gm)).toHaveLength(1);
  });
});

describe("rebaseLinks", () => {
  // Python's output as the site holds it: models below python/, its resource pages joined to the main's operation pages.
  const resolve = (path: string, anchor: string) =>
    path === "docs/sdks/users/README.md"
      ? anchor === "create"
        ? "docs/sdks/users/create.md"
        : "docs/sdks/users/README.md"
      : path.startsWith("docs/models/")
        ? `python/${path}${anchor ? `#${anchor}` : ""}`
        : undefined;
  it.each([
    [
      "a model, from an operation section onto the operation page",
      "[models.User](../../models/user.md)",
      "docs/sdks/users/README.md",
      "docs/sdks/users/create.md",
      "[models.User](../../../python/docs/models/user.md)",
    ],
    [
      "a label with brackets",
      "[Optional[utils.RetryConfig]](../../models/utils/retryconfig.md)",
      "docs/sdks/users/README.md",
      "docs/sdks/users/create.md",
      "[Optional[utils.RetryConfig]](../../../python/docs/models/utils/retryconfig.md)",
    ],
    ["an operation's anchor goes to its page", "[create](docs/sdks/users/README.md#create)", "README.md", "python/index.md", "[create](../docs/sdks/users/create.md)"],
    ["between pages of the same folder, with an anchor", "[Meta](meta.md#fields)", "docs/models/user.md", "python/docs/models/user.md", "[Meta](meta.md#fields)"],
    ["a page the site lacks: the text stays, the link goes", "[source](../../src/users.py)", "docs/models/user.md", "python/docs/models/user.md", "source"],
    ["absolute links and other schemes stay", "[x](https://example.com/a.md) [y](/abs.md)", "docs/models/user.md", "python/docs/models/user.md", "[x](https://example.com/a.md) [y](/abs.md)"],
    ["code stays as written", "```md\n[m](../../models/user.md)\n```", "docs/sdks/users/README.md", "docs/sdks/users/create.md", "```md\n[m](../../models/user.md)\n```"],
  ])("%s", (_, markdown, from, to, want) => {
    expect(rebaseLinks(markdown, from, to, resolve)).toBe(want);
  });

  it.each([
    ["index.md", "docs/a.md", "docs/a.md"],
    ["docs/sdks/users/create.md", "docs/sdks/users/README.md#x", "README.md#x"],
    ["python/docs/models/user.md", "docs/models/components/user.md", "../../../docs/models/components/user.md"],
  ])("relativePath(%s, %s) = %s", (from, target, want) => {
    expect(relativePath(from, target)).toBe(want);
  });
});

describe("languageCss", () => {
  it("shows the main language until one is chosen, then only the chosen one's blocks", () => {
    const css = languageCss(["typescript", "python"], "typescript");
    expect(css).toContain(".specsmith-lang { display: none; }");
    expect(css).toContain('html:not([data-specsmith-lang]) .specsmith-lang[data-langs~="typescript"] { display: block; }');
    expect(css).toContain('html[data-specsmith-lang="python"] .specsmith-lang[data-langs~="python"] { display: block; }');
  });
});

describe("jsonType (the HTTP view's types)", () => {
  it.each<[TypeRef, string]>([
    [{ kind: "primitive", type: "string", format: "date-time" }, "string (date-time)"],
    [{ kind: "primitive", type: "unknown" }, "any"],
    [{ kind: "array", items: { kind: "ref", model: "User" } }, "array of User"],
    [{ kind: "map", values: { kind: "primitive", type: "integer" }, nullable: true }, "object of integer or null"],
    [{ kind: "union", variants: [{ kind: "literal", value: "a" }, { kind: "null" }] }, '"a" or null'],
  ])("%j is %s", (t, want) => {
    expect(jsonType(t)).toBe(want);
  });
});
