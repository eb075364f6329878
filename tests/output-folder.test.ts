// The output folder is edited in place, as a careful package manager would: its mode, a symlink to it
// and the user's files survive; a lock keeps runs apart; a killed run is cleaned up; no path leaves it.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNS_AS_ROOT, finished, specsmith, startSpecsmith } from "./helpers/cli.js";
import { SPEC, listFiles, read, tempDir } from "./helpers/paths.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("specsmith-out-");
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gen = (out: string, ...extra: string[]) => specsmith(["generate", "--spec", SPEC, "--out", out, ...extra]);
const fresh = (name: string) => {
  const out = join(dir, name);
  expect(gen(out).code).toBe(0);
  return out;
};
/** Every entry under `d` (files and folders), for "nothing changed" checks. */
const snapshot = (d: string) => new Map(listFiles(d).map((f) => [f, read(join(d, f))]));
const temps = (d: string) => listFiles(d).filter((f) => /specsmith-(tmp|old)|\.specsmith\.lock/.test(f));

describe("the output folder itself", () => {
  it("keeps its mode", () => {
    const out = fresh("mode");
    chmodSync(out, 0o700);
    expect(gen(out).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o700);
  });

  it("refuses a read-only folder and leaves it as it was", () => {
    const out = fresh("readonly");
    const before = snapshot(out);
    chmodSync(out, 0o555);
    try {
      const r = gen(out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is read-only \(mode 555\).*\n\s+hint: make it writable/);
      expect(statSync(out).mode & 0o777).toBe(0o555);
      expect(snapshot(out)).toEqual(before);
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it("with two targets, a folder it cannot write leaves the other as it was: each is staged as it is generated, all are committed at the end", () => {
    const ts = join(dir, "both-ts");
    const py = join(dir, "both-py");
    const config = join(dir, "both.yaml");
    const yaml = (version: string, tests = false) =>
      `spec: ${JSON.stringify(SPEC)}\ntargets:\n` +
      `  typescript: { out: ${JSON.stringify(ts)}, packageName: tokens, sdkClass: Tokens, version: ${version}, tests: ${tests} }\n` +
      `  python: { out: ${JSON.stringify(py)}, packageName: tokens, sdkClass: Tokens, version: ${version} }\n`;
    writeFileSync(config, yaml("1.0.0"));
    expect(specsmith(["generate", "--config", config]).code).toBe(0);
    const before = snapshot(ts);
    // The next generation changes files in the TypeScript folder (its version is the config's) and
    // adds some (its tests: the manifest staged lists them too).
    writeFileSync(config, yaml("2.0.0", true));
    chmodSync(py, 0o555);
    try {
      const r = specsmith(["generate", "--config", config]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is read-only \(mode 555\)/);
      expect(snapshot(ts)).toEqual(before);
      expect(temps(ts)).toEqual([]);
    } finally {
      chmodSync(py, 0o755);
    }
    expect(specsmith(["generate", "--config", config]).code).toBe(0);
    expect(read(join(ts, "package.json"))).toContain('"version": "2.0.0"');
    expect(listFiles(ts).some((f) => f.startsWith("tests/"))).toBe(true);
  });

  it("writes through a symlinked --out: the link stays a link and the user's files stay", () => {
    const real = fresh("real");
    writeFileSync(join(real, "NOTES.md"), "mine");
    const link = join(dir, "link");
    symlinkSync(real, link);
    const r = gen(link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(read(join(real, "NOTES.md"))).toBe("mine");
    expect(existsSync(join(real, "src/index.ts"))).toBe(true);
  });

  it("refuses --out naming a file, and leaves the file alone", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "keep me");
    const r = gen(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is a file, not a folder");
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*\.js:\d+:\d+\)/);
    expect(read(file)).toBe("keep me");
  });

  it("reports an unreadable parent folder with exit 1, no stack trace", () => {
    const locked = join(dir, "locked");
    mkdirSync(locked, { mode: 0o700 });
    chmodSync(locked, 0o700);
    const r = specsmith(["generate", "--spec", copyForEveryone(), "--out", join(locked, "inner", "out")], dir, { asUnprivileged: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*locked.*EACCES/);
    expect(r.stderr).toContain("hint: check the permissions");
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  });
});

describe("files in place", () => {
  it("writes only the files whose bytes changed", () => {
    const out = fresh("changed-only");
    const files = listFiles(out);
    const stamp = new Map(files.map((f) => [f, statSync(join(out, f))]));
    const spec = join(dir, "changed-only.yaml");
    writeFileSync(spec, read(SPEC).replace("Revokes a pending actor token.", "Revokes a pending actor token, for good."));
    const r = specsmith(["generate", "--spec", spec, "--out", out, "--package-name", "clerk-actor-tokens", "--sdk-class", "ClerkActorTokens"]);
    expect(r.code).toBe(0);
    const rewritten = files.filter((f) => {
      const now = statSync(join(out, f));
      const then = stamp.get(f)!;
      return now.ino !== then.ino || now.mtimeMs !== then.mtimeMs;
    });
    // A description edit is a patch release: the files that carry the version change with it.
    const release = [".specsmith/lock.json", "CHANGELOG.md", "package.json", "src/lib/config.ts"];
    expect(rewritten.filter((f) => release.includes(f)).sort()).toEqual([...release].sort());
    for (const f of release) expect(read(join(out, f))).toContain("0.1.1");
    // The bookkeeping follows: the pristine pack (new texts) and the stat index (new files' stats).
    const bookkeeping = [".specsmith/pristine.pack", ".specsmith/index.json"];
    expect(rewritten.filter((f) => bookkeeping.includes(f)).sort()).toEqual([...bookkeeping].sort());
    const docs = rewritten.filter((f) => !release.includes(f) && !bookkeeping.includes(f));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThan(8);
    for (const f of docs) expect(read(join(out, f))).toContain("for good");
  });

  it("never writes through a folder symlink that leads outside --out", () => {
    const out = fresh("escape");
    const outside = join(dir, "outside");
    mkdirSync(outside);
    rmSync(join(out, "src/funcs"), { recursive: true });
    symlinkSync(outside, join(out, "src/funcs"));
    const r = gen(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/src\/funcs is a symlink to a folder outside/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("replaces a generated file that became a symlink, never the file it points to", () => {
    const out = fresh("file-link");
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    rmSync(join(out, "src/core.ts"));
    symlinkSync(victim, join(out, "src/core.ts"));
    expect(gen(out).code).toBe(0);
    expect(read(victim)).toBe("precious");
    expect(lstatSync(join(out, "src/core.ts")).isFile()).toBe(true);
  });

  it("ignores manifest entries outside --out: a stale entry never deletes a file there", () => {
    const out = fresh("manifest");
    const victim = join(dir, "manifest-victim.txt");
    writeFileSync(victim, "precious");
    const manifest = join(out, ".specsmith-manifest.json");
    const m = JSON.parse(read(manifest)) as { files: string[] };
    m.files.push("../manifest-victim.txt", "/etc/hostname-not-really", "src/../../manifest-victim.txt");
    writeFileSync(manifest, JSON.stringify(m));
    expect(gen(out).code).toBe(0);
    expect(read(victim)).toBe("precious");
  });

  it("a manifest entry under a symlinked folder never deletes through it", () => {
    const out = fresh("manifest-link");
    const elsewhere = join(dir, "manifest-link-elsewhere");
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, "keep.txt"), "precious");
    symlinkSync(elsewhere, join(out, "shared"));
    const manifest = join(out, ".specsmith-manifest.json");
    const m = JSON.parse(read(manifest)) as { files: string[] };
    m.files.push("shared/keep.txt");
    writeFileSync(manifest, JSON.stringify(m));
    expect(gen(out).code).toBe(0);
    expect(read(join(elsewhere, "keep.txt"))).toBe("precious");
  });

  it.skipIf(!RUNS_AS_ROOT)("a failure half-way (a folder it cannot write) changes nothing", () => {
    const out = join(dir, "half");
    const spec = copyForEveryone();
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    expect(specsmith(["generate", "--spec", spec, "--out", out], dir, { asUnprivileged: true }).code).toBe(0);
    writeFileSync(spec, read(spec).replace(/Revokes a pending actor token\./g, "Changed."));
    const before = snapshot(out);
    chmodSync(join(out, "src/funcs"), 0o555);
    try {
      const r = specsmith(["generate", "--spec", spec, "--out", out], dir, { asUnprivileged: true });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cannot write .*EACCES/);
      expect(r.stderr).toContain("nothing was changed");
    } finally {
      chmodSync(join(out, "src/funcs"), 0o755);
    }
    expect(snapshot(out)).toEqual(before);
  });
});

describe("one run at a time, and recovery", () => {
  it("reports a folder another live run holds, and changes nothing", () => {
    const out = fresh("held");
    const before = snapshot(out);
    const lock = join(out, ".specsmith.lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: "2026-11-29T00:00:00Z", temps: [] }));
    const r = gen(out);
    rmSync(lock);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`specsmith (pid ${process.pid} on ${hostname()}, since 2026-11-29T00:00:00Z) is writing this folder`);
    expect(snapshot(out)).toEqual(before);
  });

  it("takes over the lock of a run that died, and removes the temporary files it journaled", () => {
    const out = fresh("stale");
    const temp = "src/.core.ts.specsmith-tmp-999999";
    writeFileSync(join(out, temp), "half a file");
    writeFileSync(join(out, ".specsmith.lock"), JSON.stringify({ pid: 999999, host: hostname(), started: "2026-11-29T00:00:00Z", temps: [temp] }));
    expect(gen(out).code).toBe(0);
    expect(temps(out)).toEqual([]);
  });

  it("a stale lock's journal never removes a file through a symlinked folder", () => {
    const out = fresh("stale-link");
    const elsewhere = join(dir, "stale-link-elsewhere");
    mkdirSync(elsewhere, { recursive: true });
    const temp = ".core.ts.specsmith-tmp-999999";
    writeFileSync(join(elsewhere, temp), "not ours");
    symlinkSync(elsewhere, join(out, "linked"));
    writeFileSync(join(out, ".specsmith.lock"), JSON.stringify({ pid: 999999, host: hostname(), started: "2026-11-29T00:00:00Z", temps: [`linked/${temp}`] }));
    expect(gen(out).code).toBe(0);
    expect(read(join(elsewhere, temp))).toBe("not ours");
  });

  it("a symlink in a 0.1 run's leftover folder is not followed: nothing from elsewhere moves in", () => {
    const out = fresh("legacy-link");
    const elsewhere = join(dir, "legacy-link-elsewhere");
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, "secret.txt"), "stays where it is");
    const left = `${out}.specsmith-tmp-999999`;
    mkdirSync(left, { recursive: true });
    symlinkSync(elsewhere, join(left, "evil"));
    expect(gen(out).code).toBe(0);
    expect(read(join(elsewhere, "secret.txt"))).toBe("stays where it is");
    expect(existsSync(join(out, "evil"))).toBe(false);
    expect(existsSync(left)).toBe(false);
  });

  it("puts back the user's files that an interrupted 0.1 run left in its sibling folder", () => {
    const out = fresh("legacy");
    const left = `${out}.specsmith-tmp-999999`;
    mkdirSync(join(left, "src"), { recursive: true });
    writeFileSync(join(left, ".specsmith-manifest.json"), JSON.stringify({ generator: "specsmith", files: ["src/index.ts"] }));
    writeFileSync(join(left, "src/index.ts"), "generated");
    writeFileSync(join(left, "MY-NOTES.md"), "mine");
    const r = gen(out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("moved your file MY-NOTES.md back");
    expect(read(join(out, "MY-NOTES.md"))).toBe("mine");
    expect(existsSync(left)).toBe(false);
  });

  it("a run killed while writing (SIGKILL) is recovered by the next one; the user's files survive", async () => {
    const spec = bigSpec();
    const out = join(dir, "killed");
    const args = ["generate", "--spec", spec, "--out", out];
    expect(specsmith(args).code).toBe(0);
    writeFileSync(join(out, "NOTES.md"), "mine");
    const original = read(spec);
    let killedWhileWriting = false;
    for (let round = 0; round < 5 && !killedWhileWriting; round++) {
      // Every round has files to replace (a run with nothing changed would write nothing).
      writeFileSync(spec, round % 2 === 0 ? original.replace(/Model number/g, "Model no.") : original);
      const child = startSpecsmith(args);
      const done = finished(child);
      const lock = join(out, ".specsmith.lock");
      // Polled until the run ends, however long generation takes on a loaded machine.
      while (child.exitCode === null) {
        if (readOrEmpty(lock).includes("specsmith-tmp")) {
          child.kill("SIGKILL");
          killedWhileWriting = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
      await done;
    }
    expect(killedWhileWriting).toBe(true);
    const r = specsmith(args);
    expect(r.code).toBe(0);
    expect(temps(out)).toEqual([]);
    expect(temps(dirname(out)).filter((f) => f.startsWith("killed"))).toEqual([]);
    expect(read(join(out, "NOTES.md"))).toBe("mine");
    expect(specsmith([...args, "--check"]).code).toBe(0);
  }, 60_000);

  it("concurrent runs: each finishes or reports the other; the result is a whole generation", async () => {
    const out = fresh("race");
    writeFileSync(join(out, "NOTES.md"), "mine");
    const results = await Promise.all([1, 2, 3, 4].map(() => finished(startSpecsmith(["generate", "--spec", SPEC, "--out", out]))));
    for (const r of results) {
      expect([0, 1]).toContain(r.code);
      if (r.code === 1) expect(r.stderr).toContain("is writing this folder");
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(gen(out, "--check").code).toBe(0);
    expect(temps(out)).toEqual([]);
    expect(read(join(out, "NOTES.md"))).toBe("mine");
  }, 60_000);
});

describe("output paths come from the configuration, checked", () => {
  it.each([
    ["the same folder", "out", "out"],
    ["one inside the other", "out", "out/python"],
  ])("refuses two targets writing into %s", (_name, tsOut, pyOut) => {
    const cfg = join(dir, `overlap-${tsOut.length}-${pyOut.length}.yaml`);
    writeFileSync(cfg, `spec: ${SPEC}\ntargets:\n  typescript:\n    out: ${tsOut}\n    packageName: a\n    sdkClass: A\n  python:\n    out: ${pyOut}\n    packageName: a\n    sdkClass: A\n`);
    const r = specsmith(["generate", "--config", cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/overlap-\d+-\d+\.yaml:8:10: error: targets typescript and python write into overlapping folders/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it.each([
    ["typescript", "../../x"],
    ["typescript", "/etc/x"],
    ["python", "../x"],
    ["python", "a/b"],
    ["python", "acme..x"],
  ])("refuses %s --package-name %s (exit 2), writing nothing", (target, name) => {
    const out = join(dir, "pkg", "out");
    const r = specsmith(["generate", "--spec", SPEC, "--out", out, "--target", target, "--package-name", name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--package-name: ".*" is not an? (npm|Python) package name/);
    expect(existsSync(join(dir, "pkg"))).toBe(false);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });
});

/** The file's text, or "" while it does not exist (a lock comes and goes). */
function readOrEmpty(path: string): string {
  try {
    return read(path);
  } catch {
    return "";
  }
}

/** The spec, copied where an unprivileged user can read it. */
function copyForEveryone(): string {
  const spec = join(dir, "everyone.yaml");
  writeFileSync(spec, read(SPEC));
  chmodSync(spec, 0o666);
  return spec;
}

/** A spec with 1,500 models: writing it takes long enough to be interrupted. */
function bigSpec(): string {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 1500; i++) {
    schemas[`Model${i}`] = {
      type: "object",
      description: `Model number ${i}. ${"Lorem ipsum dolor sit amet. ".repeat(20)}`,
      properties: { id: { type: "string" }, next: { $ref: `#/components/schemas/Model${(i + 1) % 1500}` } },
    };
    if (i % 10 === 0)
      paths[`/m${i}`] = { get: { operationId: `getModel${i}`, responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/Model${i}` } } } } } } };
  }
  const spec = join(dir, "big.json");
  writeFileSync(spec, JSON.stringify({ openapi: "3.0.3", info: { title: "Big", version: "1" }, paths, components: { schemas } }));
  return spec;
}
