// The docs site's record (generator/docs/site-record.ts): when a build of the same site may skip
// VitePress, on real files. Given/want.
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SITE_RECORD, inputDigest, inputsContext, onceInput, recordInputs, recordSite, siteKey, siteUnchanged, unchangedInputs, type SiteInputs } from "../../generator/docs/site-record.js";
import type { SiteContent } from "../../generator/docs/site.js";
import type { Config, TargetConfig } from "../../generator/config.js";
import { tempDir } from "../helpers/paths.js";
import { digestOf as digestOfText } from "../../generator/write/stat-index.js";

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

/** Runs `f` as a build of specsmith whose id is `build` (undefined: run from source). */
function withBuild<T>(build: string | undefined, f: () => T): T {
  const g = globalThis as { SPECSMITH_BUILD?: string };
  const saved = g.SPECSMITH_BUILD;
  g.SPECSMITH_BUILD = build;
  try {
    return f();
  } finally {
    g.SPECSMITH_BUILD = saved;
  }
}

/**
 * A config's files on disk (config, spec, a file it $refs, an overlay, an SDK folder with its lock,
 * changelog and hook registration) and a site built from them, recorded with their digests.
 */
function builtFrom(): { root: string; out: string; config: Config; configPath: string } {
  const root = tempDir("specsmith-site-inputs-");
  const sdk = join(root, "sdk");
  mkdirSync(join(sdk, ".specsmith"), { recursive: true });
  const files: Record<string, string> = {
    "specsmith.yaml": "spec: api.yaml\n",
    "api.yaml": "openapi: 3.0.3\n",
    "schemas.yaml": "Pet: {}\n",
    "overlay.yaml": "overlay: 1.0.0\n",
    "sdk/.specsmith/lock.json": "{}",
    "sdk/CHANGELOG.md": "# Changelog\n",
    "sdk/src/hooks/registration.ts": "export {};\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, ".."), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const config: Config = { spec: join(root, "api.yaml"), overlays: [join(root, "overlay.yaml")], targets: [{ name: "typescript", out: sdk } as TargetConfig] };
  const configPath = join(root, "specsmith.yaml");
  const out = builtSite();
  const digest = (rel: string): [string, string] => [join(root, rel), inputDigest(join(root, rel))!];
  const inputs: SiteInputs = {
    context: inputsContext(configPath, {})!,
    pages: 3,
    config: inputDigest(configPath)!,
    sources: [digest("api.yaml"), digest("schemas.yaml"), digest("overlay.yaml")],
    outputs: [digest("sdk/.specsmith/lock.json"), digest("sdk/CHANGELOG.md"), digest("sdk/src/hooks/registration.ts")],
  };
  recordSite(out, "k1", inputs);
  return { root, out, config, configPath };
}

type InputsCase = [name: string, change: (root: string, out: string) => void, pages: number | undefined, opts?: { base?: string; build?: string; config?: (c: Config, root: string) => Config }];

const edit =
  (rel: string, text = "changed\n") =>
  (root: string) =>
    writeFileSync(join(root, rel), text);
const recorded = (root: string, out: string, f: (inputs: SiteInputs) => void) => {
  const record = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as { inputs: SiteInputs };
  f(record.inputs);
  writeFileSync(join(out, SITE_RECORD), JSON.stringify(record));
};

const INPUTS: InputsCase[] = [
  ["nothing changed: not even the SDKs are generated", () => {}, 3],
  ["the config edited", edit("specsmith.yaml"), undefined],
  ["the spec edited", edit("api.yaml"), undefined],
  ["a file the spec $refs edited", edit("schemas.yaml"), undefined],
  ["a file the spec $refs removed", (root) => rmSync(join(root, "schemas.yaml")), undefined],
  ["an overlay edited", edit("overlay.yaml"), undefined],
  ["an SDK's lock written by a generate", edit("sdk/.specsmith/lock.json", '{"version":"0.1.1"}'), undefined],
  ["an SDK's changelog edited", edit("sdk/CHANGELOG.md"), undefined],
  ["a hook registration edited", edit("sdk/src/hooks/registration.ts"), undefined],
  ["the same bytes written again (an editor's save, a touch)", (root) => writeFileSync(join(root, "api.yaml"), "openapi: 3.0.3\n"), 3],
  ["a page of the site edited", (_root, out) => writeFileSync(join(out, "index.html"), "<h1>Home!</h1>"), undefined],
  ["another base path", () => {}, undefined, { base: "/docs/" }],
  ["another build of specsmith", () => {}, undefined, { build: "b2" }],
  ["another spec in the config", () => {}, undefined, { config: (c, root) => ({ ...c, spec: join(root, "schemas.yaml") }) }],
  ["an overlay added to the config", () => {}, undefined, { config: (c, root) => ({ ...c, overlays: [...c.overlays, join(root, "api.yaml")] }) }],
  ["the SDK's folder moved in the config", () => {}, undefined, { config: (c, root) => ({ ...c, targets: [{ ...c.targets[0]!, out: join(root, "elsewhere") }] }) }],
  ["a record naming a file outside the SDKs' folders", (root, out) => recorded(root, out, (i) => i.outputs.push([join(root, "api.yaml"), inputDigest(join(root, "api.yaml"))!])), undefined],
  ["a record whose sources start elsewhere", (root, out) => recorded(root, out, (i) => i.sources.shift()), undefined],
  ["a record with a relative path", (root, out) => recorded(root, out, (i) => (i.outputs[0]![0] = "sdk/CHANGELOG.md")), undefined],
  ["a record without its inputs (an older specsmith)", (root, out) => recorded(root, out, (i) => Object.keys(i).forEach((k) => delete (i as unknown as Record<string, unknown>)[k])), undefined],
];

describe("whether a docs-site build may skip making the pages", () => {
  it.each(INPUTS)("%s", (_name, change, want, opts = {}) => {
    withBuild("b1", () => {
      const { root, out, config, configPath } = builtFrom();
      change(root, out);
      const c = opts.config ? opts.config(config, root) : config;
      expect(withBuild(opts.build ?? "b1", () => unchangedInputs(out, c, configPath, { base: opts.base }))).toBe(want);
    });
  });

  it("once the same pages were made from other files, takes those as the site's inputs, its files as recorded", () => {
    const { root, out, config, configPath } = withBuild("b1", builtFrom);
    writeFileSync(join(out, "extra.txt"), "x");
    writeFileSync(join(root, "api.yaml"), "openapi: 3.0.3 # saved again\n");
    expect(withBuild("b1", () => unchangedInputs(out, config, configPath, {}))).toBeUndefined();
    const before = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as { files: unknown; inputs: SiteInputs };
    recordInputs(out, { ...before.inputs, sources: before.inputs.sources.map(([p, d]) => [p, p.endsWith("api.yaml") ? inputDigest(p)! : d]) });
    const after = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as { files: unknown };
    expect(after.files).toEqual(before.files);
    expect(withBuild("b1", () => unchangedInputs(out, config, configPath, {}))).toBe(3);
  });

  it("never, run from source (no build id)", () => {
    const { out, config, configPath } = withBuild("b1", builtFrom);
    expect(withBuild(undefined, () => unchangedInputs(out, config, configPath, {}))).toBeUndefined();
  });
});

describe("a file generated once, as a site's input", () => {
  const dir = tempDir("specsmith-site-once-");
  const file = join(dir, "registration.ts");
  const generated = "export {};\n";
  const CASES: [name: string, on: string | undefined, read: string, want: string | undefined][] = [
    ["absent, and absent when the generation read it: recorded as absent", undefined, digestOfText(generated), "-"],
    ["absent now, but the generation read another text: not recorded", undefined, digestOfText("user's hooks"), undefined],
    ["the user's text, as the generation read it: its digest", "user's hooks", digestOfText("user's hooks"), digestOfText("user's hooks")],
    ["edited since the generation read it: not recorded", "user's hooks, edited", digestOfText("user's hooks"), undefined],
  ];
  it.each(CASES)("%s", (_name, on, read, want) => {
    rmSync(file, { force: true });
    if (on !== undefined) writeFileSync(file, on);
    expect(onceInput(file, read, generated)).toEqual([file, want]);
  });
});
