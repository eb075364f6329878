// Another SDK's docs in the site: its model pages join the main SDK's pages of the same models (by
// IR name), its links follow them there, and the models index lists each language's pages.
import { describe, expect, it } from "vitest";
import type { TargetResult } from "../../generator/generate.js";
import { joinedModelPage, llmsTxt, modelsPage, sitePage } from "../../generator/docs/site-pages.js";
import { modelSections, siteTarget, targetPages } from "../../generator/docs/site-targets.js";

const MAIN = {
  groups: [{ name: "users", page: "docs/sdks/users/README.md", operations: [{ id: "createUser", method: "create" }] }],
  // The IR's names: the SDKs' own may differ (Python's `UserT`), and their pages' paths do.
  models: [
    { name: "User", page: "docs/models/components/user.md" },
    { name: "Status", page: "docs/models/components/status.md" },
  ],
};

const PYTHON_FILES: Record<string, string> = {
  "README.md": "# gh\n\n[User](docs/models/usert.md)\n",
  "docs/sdks/users/README.md": "# Users\n\n## create\n\nReturns a [models.UserT](../../models/usert.md#fields).\n",
  "docs/models/usert.md": "# UserT\n\nA user.\n\n## Fields\n\n| `meta` | [models.UserMeta](../models/usermeta.md) |\n| `status` | [models.Status](../models/status.md) |\n",
  "docs/models/usermeta.md": "# UserMeta\n\n## Fields\n\n| `user` | [models.UserT](../models/usert.md) |\n",
  "docs/models/status.md": "# Status\n\n## Values\n\n| `ACTIVE` | active |\n",
  "docs/models/utils/retryconfig.md": "# RetryConfig\n",
};

const python = siteTarget(
  {
    target: { name: "python" },
    docs: {
      groups: [{ name: "users", page: "docs/sdks/users/README.md", operations: [{ id: "createUser", method: "create" }] }],
      models: [
        { name: "User", page: "docs/models/usert.md" },
        { name: "UserMeta", page: "docs/models/usermeta.md" },
        { name: "Status", page: "docs/models/status.md" },
      ],
    },
    files: Object.entries(PYTHON_FILES).map(([path, content]) => ({ path, content })),
  } as unknown as TargetResult,
  MAIN,
)!;

describe("another SDK's model pages", () => {
  it.each([
    ["a model the main SDK has a page of: that page", "docs/models/usert.md", "fields", "docs/models/components/user.md#fields"],
    ["by IR name, not the SDK's own", "docs/models/status.md", "", "docs/models/components/status.md"],
    ["a model only it documents: its own page below its name", "docs/models/usermeta.md", "", "python/docs/models/usermeta.md"],
    ["its own utils pages stay its own", "docs/models/utils/retryconfig.md", "", "python/docs/models/utils/retryconfig.md"],
  ])("a link to %s", (_, path, anchor, want) => {
    expect(python.resolve(path, anchor)).toBe(want);
  });

  it("are pages of their own only where the main SDK has none", () => {
    expect(targetPages(python).map((p) => p.path)).toEqual(["python/index.md", "python/docs/models/usermeta.md", "python/docs/models/utils/retryconfig.md"]);
    // Its page of a model only it has links to the joined page of another.
    expect(targetPages(python)[1].markdown).toContain("[models.UserT](../../../docs/models/components/user.md)");
  });

  it("join the main SDK's page, without their title, their links rebased onto it", () => {
    const sections = modelSections([python]);
    expect([...sections.keys()]).toEqual(["docs/models/components/user.md", "docs/models/components/status.md"]);
    const [user] = sections.get("docs/models/components/user.md")!;
    expect(user.lang).toBe("python");
    // Python names it UserT: its text says so first.
    expect(user.title).toBe("UserT");
    expect(user.body).toBe("A user.\n\n## Fields\n\n| `meta` | [models.UserMeta](../../../python/docs/models/usermeta.md) |\n| `status` | [models.Status](status.md) |\n");
    const page = joinedModelPage(sitePage({ path: "docs/models/components/user.md", content: "# User\n\n## Fields\n\n| ts |\n" }, new Map()), "typescript", [user]);
    expect(page.langs).toEqual(["typescript", "python"]);
    expect(page.markdown).toMatch(
      /^# User\n\n<p class="specsmith-pick vp-raw">.*<\/p>\n\n<div class="specsmith-lang" data-langs="python">\n\nPython: \*\*UserT\*\*\n\n<\/div>\n\nA user\.\n\n## Fields\n/,
    );
    expect(sections.get("docs/models/components/status.md")![0].body).toMatch(/^## Values/);
    // The same name as the page's: not said again.
    const status = joinedModelPage(sitePage({ path: "docs/models/components/status.md", content: "# Status\n" }, new Map()), "typescript", sections.get("docs/models/components/status.md")!);
    expect(status.markdown).not.toContain("Python: **Status**");
    expect(page.content).toContain(page.markdown);
    // Read as text (llms-full.txt), the page has no language links: they are the theme's.
    const full = llmsTxt("API", [page], true);
    expect(full).toContain("Python: **UserT**");
    expect(full).not.toContain("specsmith-pick");
  });

  it("the models index lists each language's: the main's by namespace, another's by name, joined pages among them", () => {
    const joined = modelSections([python]);
    const mainPages = MAIN.models.map((m) => sitePage({ path: m.page, content: `# ${m.name}\n` }, new Map()));
    const pages = [...mainPages.map((p) => (joined.has(p.path) ? joinedModelPage(p, "typescript", joined.get(p.path)!) : p)), ...targetPages(python)];
    const index = modelsPage(pages, ["typescript", "python"]).markdown;
    expect(index).toContain(
      '<div class="specsmith-lang" data-langs="typescript curl">\n\n## components\n\n- [User](docs/models/components/user.md)\n- [Status](docs/models/components/status.md)\n\n</div>',
    );
    expect(index).toContain(
      '<div class="specsmith-lang" data-langs="python">\n\n- [Status](docs/models/components/status.md)\n- [User](docs/models/components/user.md)\n- [UserMeta](python/docs/models/usermeta.md)\n\n</div>',
    );
  });
});
