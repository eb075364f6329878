// The up-to-date check (generator/inputs.ts) on real files: a folder whose index records this build,
// these settings and these sources, with every file as written, is up to date. Under --watch the check
// is also a look at every file (folder-watch.ts): once it finds them as written, the first save trusts
// the files nothing touched since, instead of stat'ing all of them again.
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TargetConfig } from "../generator/config.js";
import { upToDate, type InputsRecord } from "../generator/inputs.js";
import { INDEX_FILE, digestOf } from "../generator/write/stat-index.js";
import { WriteCache } from "../generator/write/write-cache.js";
import { writeOutput } from "../generator/write/write.js";
import { listFiles, tempDir } from "./helpers/paths.js";

const FILES = [
  { path: "src/index.ts", content: "export {};\n" },
  { path: "src/models/a.ts", content: "export type A = string;\n" },
  { path: "docs/a.md", content: "# A\n" },
];

// upToDate answers only in a build of specsmith (run from source, nothing is skipped): this file
// stands in for one, and puts the process back as it found it.
let build: string | undefined;
beforeEach(() => {
  build = globalThis.SPECSMITH_BUILD;
  globalThis.SPECSMITH_BUILD = "test-build";
});
afterEach(() => {
  globalThis.SPECSMITH_BUILD = build;
});

/** An output folder generated from a spec file, its index recording what it was made from. */
function generated(): { config: TargetConfig; spec: string } {
  const dir = tempDir();
  const spec = join(dir, "spec.yaml");
  writeFileSync(spec, "openapi: 3.1.0\n");
  const config = { name: "typescript", out: join(dir, "out"), packageName: "p", sdkClass: "P", version: "0.1.0" } as TargetConfig;
  const inputs: InputsRecord = {
    build: "test-build",
    target: digestOf(JSON.stringify(config)),
    sources: [[spec, digestOf(readFileSync(spec, "utf8"))]],
    ignore: digestOf(""),
    once: [],
    release: false,
    version: "0.1.0",
  };
  writeOutput(config.out, FILES, JSON.stringify(inputs));
  // Aged, then recorded again: no file is as new as the index ("racy"), which would be read to be sure.
  const past = new Date(Date.now() - 60_000);
  for (const f of listFiles(config.out)) if (f !== INDEX_FILE) utimesSync(join(config.out, f), past, past);
  writeOutput(config.out, FILES, JSON.stringify(inputs));
  return { config, spec };
}

const caches: WriteCache[] = [];
afterEach(() => {
  for (const c of caches.splice(0)) c.folder?.close();
});

/** A --watch WriteCache, its folder watch closed after the test. */
function watchCache(): WriteCache {
  const cache = new WriteCache();
  caches.push(cache);
  return cache;
}

/** Lets the operating system's events reach the watches. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe("upToDate under --watch", () => {
  it("looks at every file once: then the next look trusts each one nothing touched", async () => {
    const { config, spec } = generated();
    const cache = watchCache();
    expect(upToDate(config, { spec, overlays: [] }, false, undefined, cache)).toMatchObject({ version: "0.1.0" });
    writeFileSync(join(config.out, "docs/a.md"), "# Mine\n");
    await settle();
    const untouched = cache.folder!.look(config.out);
    expect(FILES.map((f) => f.path).filter(untouched)).toEqual(["src/index.ts", "src/models/a.ts"]);
  });

  it("still finds a file changed before it looked, and then trusts nothing", async () => {
    const { config, spec } = generated();
    writeFileSync(join(config.out, "src/models/a.ts"), "export type A = number;\n");
    const cache = watchCache();
    expect(upToDate(config, { spec, overlays: [] }, false, undefined, cache)).toBeUndefined();
    await settle();
    expect(FILES.map((f) => f.path).filter(cache.folder!.look(config.out))).toEqual([]);
  });

  it("does not look when the spec changed: the writer's save is the first look", async () => {
    const { config, spec } = generated();
    writeFileSync(spec, "openapi: 3.1.1\n");
    const cache = watchCache();
    expect(upToDate(config, { spec, overlays: [] }, false, undefined, cache)).toBeUndefined();
    await settle();
    expect(FILES.map((f) => f.path).filter(cache.folder!.look(config.out))).toEqual([]);
  });
});
