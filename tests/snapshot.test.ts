// The committed generated/ output is exactly what a fresh generation from spec/ produces,
// and generation is deterministic.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../generator/config.js";
import { codeSamplesFile, generateAll, type TargetResult } from "../generator/generate.js";
import { MANIFEST } from "../generator/write/write.js";
import { decodePack, encodePack, PACK_FILE } from "../generator/write/pristine.js";
import { INDEX_FILE } from "../generator/write/stat-index.js";
import { specsmith, stopped } from "./helpers/cli.js";
import { CONFIG, GENERATED_PY, GENERATED_TS, ROOT, listFiles, read, tempDir } from "./helpers/paths.js";

let fresh: TargetResult[];

beforeAll(async () => {
  const config = loadConfig(CONFIG);
  fresh = await generateAll(config.spec, config.targets);
});

describe("generated/ snapshot", () => {
  it("configures the typescript and python targets into generated/", () => {
    expect(fresh.map((r) => r.target.out)).toEqual([GENERATED_TS, GENERATED_PY]);
  });

  it.each([0, 1])("target %i equals a fresh generation byte for byte, with no extra or missing files", (i) => {
    const { files, target } = fresh[i];
    // The stat index is this machine's cache (git ignores it): there after a local run, not in a clone.
    const onDisk = listFiles(target.out, (rel) => rel === "node_modules" || rel === "dist" || rel.endsWith("__pycache__") || rel === INDEX_FILE);
    expect(onDisk).toEqual([...files.map((f) => f.path), ".specsmith/.gitignore", PACK_FILE, MANIFEST].sort());
    for (const f of files) expect(read(join(target.out, f.path)), f.path).toBe(f.content);
    // The pack holds every generated file's pristine text: the base a hand edit is merged from.
    const pack = decodePack(readFileSync(join(target.out, PACK_FILE)))!;
    expect([...pack.keys()].sort()).toEqual(
      files
        .filter((f) => !f.verbatim && !f.once)
        .map((f) => f.path)
        .sort(),
    );
    for (const f of files) if (pack.has(f.path)) expect(pack.get(f.path), f.path).toBe(f.content);
  });

  it("the committed code-samples overlay equals a fresh generation's", () => {
    expect(read(join(ROOT, "generated", "code-samples.overlay.yaml"))).toBe(codeSamplesFile(fresh));
  });

  it("gives the same bytes on a second run", async () => {
    const config = loadConfig(CONFIG);
    const again = await generateAll(config.spec, config.targets);
    expect(again.map((r) => r.files)).toEqual(fresh.map((r) => r.files));
  });

  it("`--target` generates one target", () => {
    const r = specsmith(["generate", "--check", "--target", "python"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("generated/python");
    expect(r.stdout).not.toContain("generated/typescript");
  });

  it("`generate --check` passes on the committed output and exits 3 naming a changed file", () => {
    expect(specsmith(["generate", "--check"]).code).toBe(0);
    // The project copied elsewhere, spec and SDK side by side as here (the SDK's tests name the spec by its relative path).
    const dir = tempDir();
    const out = join(dir, "generated", "typescript");
    cpSync(join(ROOT, "spec"), join(dir, "spec"), { recursive: true });
    cpSync(GENERATED_TS, out, { recursive: true });
    const args = ["generate", "--config", join(dir, "spec", "specsmith.yaml"), "--target", "typescript"];
    expect(specsmith([...args, "--check"]).code).toBe(0);
    // A hand edit is intended, not drift.
    writeFileSync(join(out, "src/core.ts"), "// edited by hand\n");
    expect(specsmith([...args, "--check"]).code).toBe(0);
    // A file left from an older generation (it and its pristine text differ from today's) is drift.
    const older = decodePack(readFileSync(join(out, PACK_FILE)))!.set("src/core.ts", "// edited by hand\n");
    writeFileSync(
      join(out, PACK_FILE),
      encodePack(
        [...older].map(([path, content]) => ({ path, content })),
        "an older generation",
      ),
    );
    rmSync(join(out, "docs/models/components/actortoken.md"));
    const r = specsmith([...args, "--check"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("changed: " + join(out, "src/core.ts"));
    expect(r.stderr).toContain("missing: " + join(out, "docs/models/components/actortoken.md"));
    // --check never writes.
    expect(read(join(out, "src/core.ts"))).toBe("// edited by hand\n");
    expect(existsSync(join(out, "docs/models/components/actortoken.md"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("generate --watch", () => {
  it("regenerates when the spec changes", async () => {
    const { spawn } = await import("node:child_process");
    const { copyFileSync, readFileSync: readNow, writeFileSync: writeNow } = await import("node:fs");
    const dir = tempDir();
    const spec = join(dir, "spec.yaml");
    copyFileSync(join(CONFIG, "..", "clerk-actor-tokens.yaml"), spec);
    const out = join(dir, "out");
    const child = spawn(process.execPath, [join(CONFIG, "..", "..", "bin", "specsmith.js"), "generate", "--watch", "--spec", spec, "--out", out], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const waitFor = async (test: () => boolean) => {
      // Up to 30 s: on a loaded machine (the whole suite on 2 cores) a regeneration once took over 10.
      for (let i = 0; i < 600 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(test()).toBe(true);
    };
    try {
      await waitFor(() => stdout.includes("watching"));
      const page = join(out, "docs/sdks/actortokens/README.md");
      expect(readNow(page, "utf8")).toContain("Revokes a pending actor token.");
      writeNow(spec, readNow(spec, "utf8").replace("Revokes a pending actor token.", "Revokes a pending actor token, for good."));
      await waitFor(() => existsSync(page) && readNow(page, "utf8").includes("for good."));
    } finally {
      // The page can change before that generation has written its lock: wait for the watcher to end
      // (it finishes the write it is in) before removing the folder, or rmdir races its last files.
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
