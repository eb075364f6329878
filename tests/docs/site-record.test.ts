// The docs site's record (generator/docs/site-record.ts): when a build of the same site may skip
// VitePress, on real files. Given/want.
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SITE_RECORD, recordSite, siteKey, siteUnchanged } from "../../generator/docs/site-record.js";
import type { SiteContent } from "../../generator/docs/site.js";
import { tempDir } from "../helpers/paths.js";

/** A built site's folder, recorded under `key`. */
function builtSite(key = "k1"): string {
  const out = join(tempDir("specsmith-site-record-"), "site");
  mkdirSync(join(out, "assets"), { recursive: true });
  writeFileSync(join(out, "index.html"), "<h1>Home</h1>");
  writeFileSync(join(out, "assets", "app.js"), "console.log(1)");
  recordSite(out, key);
  return out;
}

type Case = [name: string, change: (out: string) => void, key: string, unchanged: boolean];

const CASES: Case[] = [
  ["untouched, the same key: skipped", () => {}, "k1", true],
  ["another key (other pages, base, specsmith or VitePress): built", () => {}, "k2", false],
  ["a file edited: built", (out) => writeFileSync(join(out, "index.html"), "<h1>Home!</h1>"), "k1", false],
  ["a file's mtime alone moved: built", (out) => utimesSync(join(out, "assets", "app.js"), new Date(2001, 1, 1), new Date(2001, 1, 1)), "k1", false],
  ["a file removed: built", (out) => rmSync(join(out, "assets", "app.js")), "k1", false],
  [
    "a file replaced by a symlink to the same text: built",
    (out) => {
      const elsewhere = join(out, "..", "index.html");
      writeFileSync(elsewhere, readFileSync(join(out, "index.html")));
      rmSync(join(out, "index.html"));
      symlinkSync(elsewhere, join(out, "index.html"));
    },
    "k1",
    false,
  ],
  ["the record removed: built", (out) => rmSync(join(out, SITE_RECORD)), "k1", false],
  ["the record not JSON: built", (out) => writeFileSync(join(out, SITE_RECORD), "{"), "k1", false],
  ["a record naming a file outside the folder: built", (out) => writeFileSync(join(out, SITE_RECORD), JSON.stringify({ key: "k1", files: [["../x", 1, 1]] })), "k1", false],
  ["a record of no files: built", (out) => writeFileSync(join(out, SITE_RECORD), JSON.stringify({ key: "k1", files: [] })), "k1", false],
  ["a file added beside them: skipped (VitePress empties the folder when it builds)", (out) => writeFileSync(join(out, "extra.txt"), "x"), "k1", true],
];

describe("whether a docs-site build may skip VitePress", () => {
  it.each(CASES)("%s", (_name, change, key, want) => {
    const out = builtSite();
    change(out);
    expect(siteUnchanged(out, key)).toBe(want);
  });

  it("records every file VitePress wrote, not itself", () => {
    const out = builtSite();
    const record = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as { files: [string, number, number][] };
    expect(record.files.map((f) => [f[0], f[1]])).toEqual([
      ["assets/app.js", 14],
      ["index.html", 13],
    ]);
  });
});

describe("the site's key", () => {
  const site: SiteContent = { title: "T", anchors: {}, languages: ["typescript"], pages: [{ path: "index.md", markdown: "# A", content: "# A", title: "A" }] };
  const withBuild = <T>(build: string | undefined, f: () => T): T => {
    const g = globalThis as { SPECSMITH_BUILD?: string };
    const saved = g.SPECSMITH_BUILD;
    g.SPECSMITH_BUILD = build;
    try {
      return f();
    } finally {
      g.SPECSMITH_BUILD = saved;
    }
  };

  it("is none when run from source (no build id): every build runs VitePress", () => {
    expect(withBuild(undefined, () => siteKey(site, {}))).toBeUndefined();
  });

  it("changes with a page's text, a page's path, the base path, the title and the build of specsmith", () => {
    const key = (s: SiteContent, base?: string, build = "b1") => withBuild(build, () => siteKey(s, { base }));
    const page = site.pages[0]!;
    const keys = [
      key(site),
      key({ ...site, pages: [{ ...page, content: "# B" }] }),
      key({ ...site, pages: [{ ...page, path: "home.md" }] }),
      key(site, "/docs/"),
      key({ ...site, title: "U" }),
      key(site, undefined, "b2"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(key(site)).toBe(keys[0]);
  });
});
