/** Given/want tables for the version a release gets and the changelog text around its entry. */
import MarkdownIt from "markdown-it";
import { typescript } from "../../generator/targets/typescript/target.js";
import { describe, expect, it } from "vitest";
import { changelogText } from "../../generator/release/changelog.js";
import type { Change } from "../../generator/release/classify.js";
import type { LockFile } from "../../generator/release/lock.js";
import { bumpVersion, codeRelease, planRelease, releaseDate, type Release } from "../../generator/release/release.js";
import type { Surface } from "../../generator/release/surface.js";

describe("bumpVersion", () => {
  it.each([
    ["1.0.0", "major", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
    // Below 1.0.0 a breaking change bumps the minor and everything else the patch.
    ["0.3.1", "major", "0.4.0"],
    ["0.3.1", "minor", "0.3.2"],
    ["0.3.1", "patch", "0.3.2"],
    // A pre-release is completed by the release it leads to.
    ["2.0.0-beta.1", "major", "2.0.0"],
    ["2.0.0-beta.1", "patch", "2.0.0"],
  ] as const)("%s + %s → %s", (version, bump, want) => expect(bumpVersion(version, bump)).toBe(want));
});

const surface = (methods: string[]): Surface => ({
  target: "typescript",
  apiVersion: "1",
  servers: [],
  retries: "",
  security: {},
  models: {},
  methods: Object.fromEntries(methods.map((m) => [m, { operationId: m, http: `GET /${m}`, args: [], returns: "void", errors: [], sends: [], receives: [], link: "docs/x.md" }])),
});
const lock = (configVersion: string, version: string, methods: string[]): LockFile => ({
  format: 1,
  generator: "specsmith 0.1.0",
  target: "typescript",
  configVersion,
  version,
  api: { title: "T", version: "1", digest: "" },
  surface: surface(methods),
});

describe("planRelease", () => {
  it.each([
    ["no lock: the config's version", "1.0.0", undefined, ["a"], "1.0.0", "first"],
    ["nothing changed: the version stays", "1.0.0", lock("1.0.0", "1.2.0", ["a"]), ["a"], "1.2.0", "unchanged"],
    ["a method added: minor from the last release", "1.0.0", lock("1.0.0", "1.2.0", ["a"]), ["a", "b"], "1.3.0", "bump"],
    ["a method removed: major", "1.0.0", lock("1.0.0", "1.2.0", ["a", "b"]), ["a"], "2.0.0", "bump"],
    ["the config's version changed: it wins", "5.0.0", lock("1.0.0", "1.2.0", ["a"]), ["a", "b"], "5.0.0", "config"],
  ] as const)("%s", (_name, configVersion, previous, methods, version, reason) => {
    const r = planRelease(configVersion, surface([...methods]), previous, typescript.typeRules);
    expect([r.version, r.reason]).toEqual([version, reason]);
  });
});

describe("codeRelease: the same surface in other code", () => {
  const unchanged = (previous: LockFile): Release => ({ version: previous.version, bump: "none", changes: [], surface: surface(["a"]), previous, reason: "unchanged" });
  it.each([
    ["the code the last generation wrote: nothing to release", { ...lock("1.0.0", "1.2.0", ["a"]), code: "same" }, "same", "1.2.0 unchanged"],
    ["other code: a patch", { ...lock("1.0.0", "1.2.0", ["a"]), code: "before" }, "after", "1.2.1 code"],
    ["a lock from before the code was recorded: nothing to release", lock("1.0.0", "1.2.0", ["a"]), "after", "1.2.0 unchanged"],
  ] as const)("%s", (_name, previous, code, want) => {
    const r = codeRelease(unchanged(previous), code);
    expect(`${r.version} ${r.reason}`).toBe(want);
  });

  it("leaves a release that changes the surface as it is", () => {
    const bump: Release = { ...unchanged({ ...lock("1.0.0", "1.2.0", ["a"]), code: "before" }), version: "1.3.0", bump: "minor", reason: "bump" };
    expect(codeRelease(bump, "after")).toBe(bump);
  });
});

describe("changelogText", () => {
  const ctx = { date: "2026-02-03", apiTitle: "T", apiVersion: "2", methods: 1, models: 0 };
  const added: Change = { kind: "added", breaking: false, section: "added", symbol: "t.things.list", operationId: "list", detail: "added", link: "docs/sdks/things/README.md#list" };
  const release = (r: Partial<Release>): Release => ({ version: "1.1.0", bump: "minor", changes: [added], surface: surface([]), previous: lock("1.0.0", "1.0.0", []), reason: "bump", ...r });

  it("puts the new entry under the title, above the entries (and edits) already there", () => {
    const existing = "# Changelog\n\n## 1.0.0 (2026-01-01)\n\nFirst release. Edited by hand.\n";
    expect(changelogText(existing, release({}), ctx)).toBe(
      "# Changelog\n\n## 1.1.0 (2026-02-03)\n\nGenerated from T, API version `2` (was `1`).\n\n### Added\n\n- [`t.things.list`](docs/sdks/things/README.md#list): added\n\n## 1.0.0 (2026-01-01)\n\nFirst release. Edited by hand.\n",
    );
  });

  it("adds nothing when nothing changed, and gives a deleted changelog its title back", () => {
    expect(changelogText("# Changelog\n\n## 1.0.0 (x)\n", release({ reason: "unchanged", changes: [] }), ctx)).toBe("# Changelog\n\n## 1.0.0 (x)\n");
    expect(changelogText(undefined, release({ reason: "unchanged", changes: [] }), ctx)).toBe("# Changelog\n");
  });

  it("says a code-only release is one", () => {
    const text = changelogText("# Changelog\n\n## 1.0.0 (x)\n", release({ version: "1.0.1", bump: "patch", reason: "code", changes: [] }), ctx);
    expect(text).toBe(
      "# Changelog\n\n## 1.0.1 (2026-02-03)\n\nGenerated from T, API version `2` (was `1`).\n\nThe generated code changed (a newer specsmith); the SDK's methods, models and types did not.\n\n## 1.0.0 (x)\n",
    );
  });

  it("says versioning restarted when entries exist but the lock was lost", () => {
    const text = changelogText("# Changelog\n\n## 1.4.0 (x)\n", release({ version: "1.0.0", reason: "first", previous: undefined, changes: [] }), ctx);
    expect(text).toMatch(/^# Changelog\n\n## 1\.0\.0 \(2026-02-03\)\n\nVersioning restarted from the configuration's version/);
  });

  it("escapes spec text: a removed enum value cannot inject markup", () => {
    const evil: Change = { kind: "removed", breaking: true, section: "breaking", symbol: "Color.RED", detail: 'value "<img src=x onerror=alert(1)>" removed' };
    expect(changelogText(undefined, release({ changes: [evil], bump: "major" }), ctx)).toContain('`RED`: `value "<img src=x onerror=alert(1)>" removed`');
  });

  it.each([
    ["a title with a link", { apiTitle: "Evil [click](https://evil.example) API" }, []],
    ["a title with HTML", { apiTitle: "Evil <img src=x onerror=alert(1)> API" }, []],
    ["a bare URL in a server change", {}, [{ kind: "changed", breaking: false, section: "changed", symbol: "servers", detail: "https://a.example → https://evil.example/x" } as Change]],
    ["an enum value with markdown", {}, [{ kind: "added", breaking: false, section: "added", symbol: "Color.X", detail: "value added: [x](https://evil.example) <b>bold</b>" } as Change]],
    ["an API version with HTML", { apiVersion: "1.0</code><img src=x onerror=alert(1)>" }, []],
  ] as const)("spec text renders as text, never a link or an element: %s", (_name, extra, changes) => {
    const text = changelogText(undefined, release({ changes: [...changes], bump: "minor" }), { ...ctx, ...extra });
    const html = new MarkdownIt({ html: true, linkify: true }).render(text);
    expect(html).not.toMatch(/<(a|img|b)\b/);
  });
});

describe("releaseDate", () => {
  it("is SOURCE_DATE_EPOCH's day when set, today's otherwise", () => {
    expect(releaseDate({ SOURCE_DATE_EPOCH: "1798761600" })).toBe("2027-01-01");
    expect(releaseDate({})).toBe(new Date().toISOString().slice(0, 10));
  });
});
