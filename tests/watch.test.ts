// `generate --watch` as editors and users drive it: saves that replace the file (write a temp file,
// rename it over the spec) keep triggering, a file the spec $refs is watched too, and a broken spec
// or an unwritable output folder is reported while the watch goes on.
import { type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readIndex } from "../generator/write/stat-index.js";
import { SETTLE_MS, watchFiles } from "../generator/watch.js";
import { specsmith, startSpecsmith, stopped } from "./helpers/cli.js";
import { SHARED, SPEC, listFiles, read, tempDir } from "./helpers/paths.js";

let child: ChildProcess | undefined;
let dir: string;
afterEach(async () => {
  await stopped(child);
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a watch (of a spec into `out`, or of a config) and collects its output. */
function watch(spec: string, out?: string, env: Record<string, string> = {}) {
  const log = { stdout: "", stderr: "" };
  child = startSpecsmith(["generate", "--watch", ...(out ? ["--spec", spec, "--out", out] : ["--config", spec])], undefined, env);
  child.stdout!.on("data", (d: Buffer) => (log.stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log.stderr += d.toString()));
  return log;
}

/**
 * Polls `test` for up to 25 s: a regeneration takes a second or two, but under the whole suite's load
 * on two cores one took more than the 15 s this waited before (seen once in a full run).
 */
async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(test(), what).toBe(true);
}

/** How editors save: the new text goes to a temp file that is renamed over the original. */
function atomicSave(path: string, text: string): void {
  const tmp = `${path}.swp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Both targets of `spec` into `dir`/typescript and `dir`/python. */
function bothTargets(dir: string, spec: string): string {
  const config = join(dir, "specsmith.yaml");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    config,
    `spec: ${spec}\ntargets:\n  typescript:\n    out: ${join(dir, "typescript")}\n    packageName: clerk-backend-api\n    sdkClass: Clerk\n  python:\n    out: ${join(dir, "python")}\n    packageName: clerk_backend_api\n    sdkClass: Clerk\n`,
  );
  return config;
}

/** The SDK's files (not the bookkeeping, which a watch holds back): path and text. */
function sdkFiles(out: string): Map<string, string> {
  const files = listFiles(out, (rel) => rel === ".specsmith" || rel === "CHANGELOG.md");
  return new Map(files.map((f) => [f, read(join(out, f))]));
}

/** A copy of the ActorTokens spec in a fresh folder, watched into `out` there once the watch is on. */
async function watchingSpec() {
  dir = tempDir();
  const spec = join(dir, "spec.yaml");
  const out = join(dir, "out");
  writeFileSync(spec, read(SPEC));
  const log = watch(spec, out);
  await until(() => log.stdout.includes("watching"), "the watch starts");
  return { spec, out, log };
}

const page = (out: string) => join(out, "docs/sdks/actortokens/README.md");
const pageHas = (out: string, text: string) => existsSync(page(out)) && readFileSync(page(out), "utf8").includes(text);

describe("generate --watch", () => {
  it("follows saves that rename a new file over the spec, the second one too", async () => {
    const { spec, out, log } = await watchingSpec();
    for (const word of ["first", "second", "third"]) {
      atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", `Revokes a pending actor token, ${word} save.`));
      await until(() => pageHas(out, `${word} save.`), `the ${word} save regenerates`);
    }
    // Saves are not releases: the version and the changelog stay until a plain `generate`.
    expect(log.stdout).toContain("0.1.0: watching, so the version and CHANGELOG.md stay");
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8")).version).toBe("0.1.0");
    expect(readFileSync(join(out, "CHANGELOG.md"), "utf8").match(/^## /gm)).toHaveLength(1);
  }, 60_000);

  it("generates what the config says after each of its saves: a new class name, a broken config reported, a new folder", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    writeFileSync(spec, read(SPEC));
    const config = join(dir, "specsmith.yaml");
    const configWith = (out: string, sdkClass: string) => `spec: spec.yaml\ntargets:\n  typescript:\n    out: ${out}\n    packageName: clerk\n    sdkClass: ${sdkClass}\n`;
    writeFileSync(config, configWith("out", "Clerk"));
    const log = watch(config);
    const client = (out: string) => join(dir, out, "src", "sdk", "sdk.ts");
    const named = (out: string, sdkClass: string) => existsSync(client(out)) && read(client(out)).includes(`export class ${sdkClass} `);
    await until(() => log.stdout.includes("watching") && named("out", "Clerk"), "the first generation");
    atomicSave(config, configWith("out", "Backend"));
    await until(() => named("out", "Backend"), `the class renamed: ${log.stdout}${log.stderr}`);
    atomicSave(config, "spec: spec.yaml\ntargets:\n  typescript: [broken\n");
    await until(() => /specsmith\.yaml:\d+:\d+: error: invalid YAML/.test(log.stderr), `the broken config reported: ${log.stderr}`);
    atomicSave(config, configWith("elsewhere", "Moved"));
    await until(() => named("elsewhere", "Moved"), `a new folder: ${log.stdout}${log.stderr}`);
    expect(child!.exitCode).toBe(null);
  }, 60_000);

  it("watches a file the spec $refs", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const out = join(dir, "out");
    const schemas = join(dir, "schemas.yaml");
    const text = read(SPEC);
    // ClerkError moves to its own file.
    const start = text.indexOf("    ClerkError:\n");
    const end = text.indexOf("\n    ClerkErrors:");
    const block = text.slice(start, end);
    writeFileSync(schemas, block.replace(/^ {4}/gm, ""));
    writeFileSync(spec, text.replace(block + "\n", "").replace(/'#\/components\/schemas\/ClerkError'/g, "'./schemas.yaml#/ClerkError'"));
    const log = watch(spec, out);
    await until(() => log.stdout.includes("schemas.yaml"), `the watch lists the $ref'd file: ${log.stdout}${log.stderr}`);
    const modelPage = join(out, "docs/models/components/clerkerror.md");
    atomicSave(schemas, readFileSync(schemas, "utf8").replace("ClerkError:\n", "ClerkError:\n  description: Changed in the other file.\n"));
    await until(() => existsSync(modelPage) && readFileSync(modelPage, "utf8").includes("Changed in the other file."), "an edit of the $ref'd file regenerates");
  }, 60_000);

  it("reports a broken spec and an unwritable output, and keeps watching", async () => {
    const { spec, out, log } = await watchingSpec();
    atomicSave(spec, read(SPEC).replace("openapi: 3.0.3", "openapi: 9"));
    await until(() => log.stderr.includes('unknown OpenAPI version "9"'), "the error is reported");
    mkdirSync(out, { recursive: true });
    chmodSync(out, 0o555);
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "Back to valid."));
    await until(() => log.stderr.includes("is read-only"), "the write failure is reported");
    chmodSync(out, 0o755);
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "Valid again."));
    await until(() => pageHas(out, "Valid again."), "it generates again after the errors");
    expect(child!.exitCode).toBe(null);
    expect(log.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  }, 60_000);

  it("tells a run whether the file changed again while it ran, and then runs once more", async () => {
    dir = tempDir();
    const file = join(dir, "spec.yaml");
    writeFileSync(file, "first");
    const seen: { text: string; superseded: boolean }[] = [];
    const watching = watchFiles([file], async (superseded) => {
      const text = readFileSync(file, "utf8");
      // A second save lands while the first run is still going (an editor writing in two steps).
      if (text === "half") writeFileSync(file, "whole");
      await new Promise((r) => setTimeout(r, 100));
      seen.push({ text, superseded: superseded() });
      return [file];
    });
    try {
      writeFileSync(file, "half");
      await until(() => seen.length === 2, `two runs: ${JSON.stringify(seen)}`);
      expect(seen).toEqual([
        { text: "half", superseded: true },
        { text: "whole", superseded: false },
      ]);
    } finally {
      watching.close();
    }
  });

  it("runs again at once, without a file event, when a run says it read a file while it was written (RunRead.again)", async () => {
    dir = tempDir();
    const file = join(dir, "spec.yaml");
    writeFileSync(file, "first");
    let runs = 0;
    const watching = watchFiles(
      [file],
      async () => {
        runs++;
        return { files: [file], changed: () => false, again: runs === 1 };
      },
      { now: true },
    );
    try {
      await until(() => runs === 2, "a second run");
      // And no third: the second run did not ask again.
      await new Promise((r) => setTimeout(r, 10 * SETTLE_MS));
      expect(runs).toBe(2);
    } finally {
      watching.close();
    }
  });

  it("a run that held the thread until it failed is told of a save made meanwhile, after one settle (as generate's report waits)", async () => {
    dir = tempDir();
    const file = join(dir, "spec.json");
    writeFileSync(file, "first");
    const seen: { text: string; superseded: boolean }[] = [];
    const watching = watchFiles([file], async (superseded) => {
      const text = readFileSync(file, "utf8");
      // The editor's second write lands while the run reads and parses without yielding (GitHub's 13 MB).
      if (text === "half") writeFileSync(file, "whole");
      const until = Date.now() + 50;
      while (Date.now() < until);
      // What generate-command does before it reports a failure: one settle, for events to come in.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      seen.push({ text, superseded: superseded() });
      return [file];
    });
    try {
      writeFileSync(file, "half");
      await until(() => seen.length === 2, `two runs: ${JSON.stringify(seen)}`);
      expect(seen).toEqual([
        { text: "half", superseded: true },
        { text: "whole", superseded: false },
      ]);
    } finally {
      watching.close();
    }
  });

  it("runs again when a file of a folder a run found changed after the run read it (before that folder was watched)", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const found = join(dir, "schemas", "user.yaml");
    writeFileSync(spec, "first");
    mkdirSync(join(dir, "schemas"));
    writeFileSync(found, "v1");
    const seen: string[] = [];
    // Each run reads the spec and (as a $ref would make it) the file in schemas/, which it returns for
    // watching, with the texts it read.
    const watching = watchFiles(
      [spec],
      async () => {
        const read = new Map([spec, found].map((f) => [f, readFileSync(f, "utf8")]));
        seen.push(read.get(found)!);
        // The file is saved after this run read it, while the run still goes: no watch is on its folder yet.
        if (seen.length === 1) writeFileSync(found, "v2");
        return { files: [...read.keys()], changed: (files) => files.some((f) => readFileSync(f, "utf8") !== read.get(f)) };
      },
      { now: true },
    );
    try {
      await until(() => seen.length === 2, `a second run for the save: ${JSON.stringify(seen)}`);
      expect(seen).toEqual(["v1", "v2"]);
      // The second run found no folder anew: nothing more to compare, no third run.
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(2);
    } finally {
      watching.close();
    }
  });

  it("runs at once when a file changed between what the caller read before the watch and the watch (docs dev's first build)", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const other = join(dir, "other.yaml");
    writeFileSync(spec, "v1");
    writeFileSync(other, "same");
    // The caller's first read (made outside the watch, as docs dev builds the site before serving it)...
    const before = new Map([spec, other].map((f) => [f, readFileSync(f, "utf8")]));
    const changed = (files: string[]) => files.some((f) => before.has(f) && readFileSync(f, "utf8") !== before.get(f));
    // ...then a save, before the watch begins: no event will ever say so.
    writeFileSync(spec, "v2");
    const seen: string[] = [];
    const watching = watchFiles([spec, other], async () => (seen.push(readFileSync(spec, "utf8")), [spec, other]), { readBefore: changed });
    try {
      await until(() => seen.length === 1, "a run for the save made before the watch");
      expect(seen).toEqual(["v2"]);
    } finally {
      watching.close();
    }
    // Nothing changed since the read: no run.
    const quiet: string[] = [];
    const still = watchFiles([other], async () => (quiet.push("ran"), [other]), { readBefore: changed });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(quiet).toEqual([]);
    } finally {
      still.close();
    }
  });

  it("follows a file in folders that do not exist yet, once they and the file appear, and its later writes", async () => {
    dir = tempDir();
    const file = join(dir, "out", ".specsmith", "lock.json");
    let runs = 0;
    const watching = watchFiles([file], async () => {
      runs++;
      return [file];
    });
    try {
      await new Promise((r) => setTimeout(r, 100));
      mkdirSync(join(dir, "out"));
      await new Promise((r) => setTimeout(r, 100));
      mkdirSync(join(dir, "out", ".specsmith"));
      writeFileSync(file, "1");
      await until(() => runs >= 1, "a run once the file appears");
      await new Promise((r) => setTimeout(r, 300));
      const settled = runs;
      // Now watched in its own folder.
      writeFileSync(file, "2");
      await until(() => runs > settled, "a run for a later write");
    } finally {
      watching.close();
    }
  });

  it("generates a save that came while the first generation ran (the watch is on before it reads the spec)", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const out = join(dir, "out");
    writeFileSync(spec, read(SPEC));
    // Each step's line tells how far the first run is: the spec has been read once "loading the spec" ends.
    const log = watch(spec, out, { SPECSMITH_TIMINGS: "1" });
    await until(() => /^specsmith: loading the spec: \d+ ms/m.test(log.stderr), "the first run read the spec");
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "Revokes a pending actor token, saved mid-run."));
    // The first run, whose spec changed while it ran, writes nothing (unless it ended before the
    // save): the next one generates the save.
    const saved = () => existsSync(join(out, "src", "sdk", "actortokens.ts")) && read(join(out, "src", "sdk", "actortokens.ts")).includes("saved mid-run");
    await until(() => /^specsmith: generated /m.test(log.stdout) && saved(), `a run for the save: ${log.stdout}${log.stderr}`);
    expect(log.stderr).not.toMatch(/error/);
    // One "watching" line, once the first run ended.
    expect(log.stdout.match(/^specsmith: watching /gm)).toHaveLength(1);
  }, 60_000);

  it("generates a save of a $ref'd file in another folder that came while the first generation ran", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const out = join(dir, "out");
    const schemas = join(dir, "schemas", "errors.yaml");
    const text = read(SPEC);
    // ClerkError moves to a file of its own folder, which no watch covers until the first run ends.
    const block = text.slice(text.indexOf("    ClerkError:\n"), text.indexOf("\n    ClerkErrors:"));
    mkdirSync(join(dir, "schemas"));
    writeFileSync(schemas, block.replace(/^ {4}/gm, ""));
    writeFileSync(spec, text.replace(block + "\n", "").replace(/'#\/components\/schemas\/ClerkError'/g, "'./schemas/errors.yaml#/ClerkError'"));
    const log = watch(spec, out, { SPECSMITH_TIMINGS: "1" });
    // The spec and the $ref'd file have been read once "loading the spec" ends.
    await until(() => /^specsmith: loading the spec: \d+ ms/m.test(log.stderr), "the first run read the spec");
    atomicSave(schemas, readFileSync(schemas, "utf8").replace("ClerkError:\n", "ClerkError:\n  description: Saved mid-run in its own folder.\n"));
    const page = join(out, "docs/models/components/clerkerror.md");
    await until(() => /^specsmith: generated /m.test(log.stdout) && existsSync(page) && read(page).includes("Saved mid-run in its own folder."), `a run for the save: ${log.stdout}${log.stderr}`);
    expect(log.stderr).not.toMatch(/error/);
  }, 60_000);

  it("writes what a fresh generation writes after each save, though it formats only what changed", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    writeFileSync(spec, read(SPEC));
    const log = watch(bothTargets(join(dir, "watched"), spec));
    const runs = () => log.stdout.match(/^specsmith: generated /gm)?.length ?? 0;
    await until(() => log.stdout.includes("watching"), "the watch starts");
    // A changed description (in code and docs), a renamed field (in the formatted code), and back.
    const saves = [
      read(SPEC).replace("Revokes a pending actor token.", "Revokes a pending actor token, or says why it cannot."),
      read(SPEC).replace(/\buser_id\b/g, "user_id_of_the_user_the_actor_token_is_for_in_this_instance"),
      read(SPEC),
    ];
    for (const [i, text] of saves.entries()) {
      atomicSave(spec, text);
      await until(() => runs() === i + 2, `save ${i + 1} regenerates: ${log.stderr}`);
      const fresh = join(dir, `fresh-${i}`);
      const r = specsmith(["generate", "--quiet", "--config", bothTargets(fresh, spec)]);
      expect(r.stderr).toBe("");
      for (const target of ["typescript", "python"]) {
        const want = sdkFiles(join(fresh, target));
        const got = sdkFiles(join(dir, "watched", target));
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [path, text] of want) expect(got.get(path), `${target}/${path} after save ${i + 1}`).toBe(text);
      }
    }
  }, 90_000);

  it("sees generated files deleted, folders removed and hand edits made between saves, though it stats only the files it was told of", async () => {
    const { spec, out, log } = await watchingSpec();
    const runs = () => log.stdout.match(/^specsmith: generated /gm)?.length ?? 0;
    // Two saves first: from then on the watch on the output folder answers for every file.
    for (const [i, text] of ["First save.", "Second save."].entries()) {
      atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", text));
      await until(() => runs() === i + 2 && pageHas(out, text), `save ${i + 1} regenerates: ${log.stderr}`);
    }
    const model = join(out, "src/models/components/actortokenstatus.ts");
    const kept = read(model);
    const edited = join(out, "src/funcs/actorTokensCreate.ts");
    writeFileSync(edited, `// mine\n${read(edited)}`);
    rmSync(model);
    rmSync(join(out, "docs/models/operations"), { recursive: true });
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "Third save."));
    await until(() => runs() === 4 && pageHas(out, "Third save."), `save 3 regenerates: ${log.stderr}`);
    // As a fresh run does: what was deleted is generated again, the hand edit stays, and the index
    // records it as one (a file no save writes is told apart only by the watch, not by the writer).
    expect(readIndex(out).entries.get("src/funcs/actorTokensCreate.ts")?.edited).toBe(true);
    const fresh = join(dir, "fresh");
    expect(specsmith(["generate", "--quiet", "--spec", spec, "--out", fresh]).stderr).toBe("");
    expect(read(model)).toBe(kept);
    for (const f of listFiles(join(fresh, "docs/models/operations"))) expect(read(join(out, "docs/models/operations", f)), f).toBe(read(join(fresh, "docs/models/operations", f)));
    expect(read(edited)).toBe(`// mine\n${read(join(fresh, "src/funcs/actorTokensCreate.ts"))}`);
  }, 60_000);

  it("reads the lock again once it changed on disk between saves", async () => {
    const { spec, out, log } = await watchingSpec();
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "First save."));
    await until(() => pageHas(out, "First save."), "the first save regenerates");
    // Damaged between two saves (a bad merge, say): the next save says so, not the lock it read before.
    writeFileSync(join(out, ".specsmith", "lock.json"), "{ not json");
    atomicSave(spec, read(SPEC).replace("Revokes a pending actor token.", "Second save."));
    await until(() => log.stderr.includes("lock.json is not valid JSON"), `the damaged lock is reported: ${log.stderr}`);
    expect(pageHas(out, "Second save.")).toBe(false);
  }, 60_000);

  it("stops on Ctrl-C between saves at once, with exit code 0", async () => {
    const { log } = await watchingSpec();
    const exit = new Promise<number | null>((r) => child!.on("exit", (code) => r(code)));
    child!.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(log.stdout).not.toContain("stopping");
  }, 60_000);

  it("lets a run under way end on Ctrl-C, so that no temporary file or lock is left, and then stops", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const out = join(dir, "out");
    // The whole Clerk API: its run is under way for a while after the spec is read.
    writeFileSync(spec, read(join(SHARED, "specs", "clerk-bapi.yaml")));
    const log = watch(spec, out, { SPECSMITH_TIMINGS: "1" });
    const exit = new Promise<number | null>((r) => child!.on("exit", (code) => r(code)));
    await until(() => /^specsmith: loading the spec: \d+ ms/m.test(log.stderr), "the first run read the spec");
    child!.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(log.stdout).toMatch(/stopping once this run ends[^]*\nspecsmith: generated typescript/);
    expect(log.stdout).not.toContain("watching");
    const left = listFiles(out).filter((f) => /specsmith-tmp|\.lock$/.test(f));
    expect(left).toEqual([]);
    // The SDK is whole: what a plain generation writes.
    const fresh = join(dir, "fresh");
    expect(specsmith(["generate", "--spec", spec, "--out", fresh, "--quiet"]).code).toBe(0);
    expect(sdkFiles(out)).toEqual(sdkFiles(fresh));
  }, 60_000);
});
