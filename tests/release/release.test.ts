/**
 * Spec changes as releases, through the real CLI: `specsmith diff` on Clerk's two API versions, and
 * regenerating an SDK folder from the old spec to the new one (version, package files, user agent,
 * CHANGELOG), plus the lock's failure modes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { specsmith } from "../helpers/cli.js";
import { brokenLinks } from "../helpers/links.js";
import { SHARED, SPEC, listFiles, tempDir } from "../helpers/paths.js";

const OLD = join(SHARED, "specs", "clerk-bapi-2025-11-10.yaml");
const NEW = join(SHARED, "specs", "clerk-bapi.yaml");
// As the spec spells them: diff --json prints operationIds verbatim.
const NEW_OPERATIONS = [
  "CreateDirectoryGroupRoleMapping",
  "DeleteDirectoryGroupRoleMapping",
  "ListDirectoryGroupRoleMappings",
  "ReplaceDirectoryGroupRoleMappings",
  "RotateDirectoryAPIKey",
  "CreateSCIMGroupRoleMapping",
  "DeleteSCIMGroupRoleMapping",
  "ListSCIMGroupRoleMappings",
  "ReplaceSCIMGroupRoleMappings",
  "RotateSCIMDirectoryAPIKey",
].sort();

interface JsonDiff {
  target: string;
  bump: string;
  changes: { kind: string; breaking: boolean; symbol: string; operationId?: string; detail: string }[];
}

function config(dir: string, spec: string, version: string): string {
  const path = join(dir, "specsmith.yaml");
  writeFileSync(
    path,
    `spec: ${spec}\ntargets:\n  typescript:\n    out: ts\n    packageName: clerk-backend-api\n    sdkClass: Clerk\n    version: ${version}\n  python:\n    out: py\n    packageName: clerk_backend_api\n    sdkClass: Clerk\n    version: ${version}\n`,
  );
  return path;
}

describe("specsmith diff on Clerk 2025-11-10 → 2026-05-12", () => {
  let results: JsonDiff[];
  let code: number;
  beforeAll(() => {
    const dir = tempDir();
    const r = specsmith(["diff", OLD, NEW, "--json", "--fail-on", "breaking", "--config", config(dir, "unused.yaml", "1.0.0")], dir, { timeoutMs: 120_000 });
    code = r.code;
    expect(r.stderr).toBe("");
    results = JSON.parse(r.stdout) as JsonDiff[];
  });

  it("finds a breaking change, so --fail-on breaking exits 4", () => expect(code).toBe(4));

  for (const target of ["typescript", "python"]) {
    describe(target, () => {
      const of = () => results.find((r) => r.target === target)!;
      const methods = () => of().changes.filter((c) => c.operationId !== undefined);

      it("calls for a major release", () => expect(of().bump).toBe("major"));

      it("lists the ten new operations as added methods", () => {
        const added = methods().filter((c) => c.kind === "added");
        expect(added.map((c) => c.operationId).sort()).toEqual(NEW_OPERATIONS);
        expect(added.every((c) => !c.breaking && c.symbol.startsWith("clerk."))).toBe(true);
      });

      it("flags the two update methods whose request fields were removed, and no other method, as breaking", () => {
        const breaking = methods().filter((c) => c.breaking);
        expect(breaking.map((c) => c.symbol).sort()).toEqual(["clerk.organizations.update", "clerk.users.update"]);
        const users = breaking.find((c) => c.symbol === "clerk.users.update")!;
        expect(users.detail).toMatch(target === "python" ? /argument public_metadata: removed/ : /UpdateUserRequestBody\.publicMetadata removed/);
        // Methods whose request and response did not change are not listed at all.
        expect(
          methods()
            .filter((c) => c.kind === "changed")
            .map((c) => c.operationId)
            .sort(),
        ).toEqual(["UpdateOrganization", "UpdateUser"]);
      });

      it("names the removed request fields as users write them in this target", () => {
        const removed = of()
          .changes.filter((c) => c.kind === "removed")
          .map((c) => c.symbol);
        expect(removed).toContain(target === "python" ? "UpdateUserRequestBody.public_metadata" : "UpdateUserRequestBody.publicMetadata");
      });
    });
  }
});

describe("specsmith diff on small edits", () => {
  it("a spec against itself: no changes, bump none, exit 0 even with --fail-on", () => {
    const r = specsmith(["diff", SPEC, SPEC, "--target", "python", "--json", "--fail-on", "breaking"], tempDir());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ target: "python", bump: "none", changes: [] });
  });

  it("a description-only edit: patch, listed as a docs change", () => {
    const dir = tempDir();
    const edited = join(dir, "edited.yaml");
    const text = readFileSync(SPEC, "utf8");
    const changed = text.replace(/summary: Create actor token/, "summary: Create an actor token");
    expect(changed).not.toBe(text);
    writeFileSync(edited, changed);
    const r = specsmith(["diff", SPEC, edited, "--target", "typescript", "--json", "--sdk-class", "Clerk"], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonDiff;
    expect(out.bump).toBe("patch");
    expect(out.changes).toEqual([{ kind: "changed", breaking: false, section: "docs", symbol: "clerk.actorTokens.create", operationId: "CreateActorToken", detail: "description changed" }]);
  });

  it("prints the spec's operationId as the spec spells it (RotateSCIMDirectoryAPIKey-style) in diff --json, docs comments and both SDKs' hook contexts", () => {
    const dir = tempDir();
    const spec = join(dir, "spec.yaml");
    const text = readFileSync(SPEC, "utf8").replace("operationId: CreateActorToken", "operationId: CreateSCIMActorTOKEN_v2");
    writeFileSync(spec, text);
    const edited = join(dir, "edited.yaml");
    writeFileSync(edited, text.replace(/summary: Create actor token/, "summary: Create an actor token"));
    const r = specsmith(["diff", spec, edited, "--target", "typescript", "--json", "--sdk-class", "Clerk"], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonDiff).changes.map((c) => c.operationId)).toEqual(["CreateSCIMActorTOKEN_v2"]);
    writeFileSync(
      join(dir, "specsmith.yaml"),
      "spec: spec.yaml\ntargets:\n  typescript:\n    out: ts\n    packageName: clerk\n    sdkClass: Clerk\n  python:\n    out: py\n    packageName: clerk\n    sdkClass: Clerk\n",
    );
    expect(specsmith(["generate", "--config", "specsmith.yaml"], dir).code).toBe(0);
    // (The lock's names record keys the IR's id, which no SDK file prints.)
    const all = (sub: string) =>
      listFiles(join(dir, sub), (f) => f.startsWith(".specsmith/"))
        .map((f) => readFileSync(join(dir, sub, f), "utf8"))
        .join("\n");
    const ts = all("ts");
    expect(ts).toContain('operationID="CreateSCIMActorTOKEN_v2"');
    expect(ts).toContain('operationID: "CreateSCIMActorTOKEN_v2"');
    expect(all("py")).toContain('operation_id="CreateSCIMActorTOKEN_v2"');
    expect(ts).not.toContain('CreateScimActorTokenV2"');
  });

  it("prints a readable list without --json, and a bad spec is a spec error (exit 1)", () => {
    const dir = tempDir();
    const r = specsmith(["diff", SPEC, SPEC], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("typescript: no changes\n\npython: no changes\n");
    writeFileSync(join(dir, "bad.yaml"), "openapi: 3.1.0\ninfo: [\n");
    const bad = specsmith(["diff", SPEC, join(dir, "bad.yaml")], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+/);
  });
});

describe("regenerating from Clerk's old spec to its new one", () => {
  const dir = tempDir();
  const spec = join(dir, "clerk.yaml");
  const read = (p: string) => readFileSync(join(dir, p), "utf8");
  let first: ReturnType<typeof specsmith>;
  beforeAll(() => {
    copyFileSync(OLD, spec);
    config(dir, "clerk.yaml", "1.0.0");
    first = specsmith(["generate", "--config", "specsmith.yaml"], dir, { timeoutMs: 240_000 });
  }, 300_000);

  it("a first generation releases the config's version, with a first changelog entry", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("typescript 1.0.0: first generation");
    expect(JSON.parse(read("ts/package.json")).version).toBe("1.0.0");
    expect(read("py/CHANGELOG.md")).toMatch(/^# Changelog\n\n## 1\.0\.0 \(\d{4}-\d\d-\d\d\)\n\nFirst release, generated from Clerk Backend API/);
    expect(JSON.parse(read("py/.specsmith/lock.json"))).toMatchObject({ format: 1, target: "python", configVersion: "1.0.0", version: "1.0.0" });
  });

  it("turns 1.0.0 into 2.0.0 when the new spec breaks the SDK, and says so", () => {
    copyFileSync(NEW, spec);
    const check = specsmith(["generate", "--config", "specsmith.yaml", "--check"], dir, { timeoutMs: 240_000 });
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/typescript 1\.0\.0 → 2\.0\.0 \(major: \d+ breaking/);

    const r = specsmith(["generate", "--config", "specsmith.yaml"], dir, { timeoutMs: 240_000, env: { SOURCE_DATE_EPOCH: "1798761600" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/python 1\.0\.0 → 2\.0\.0 \(major: \d+ breaking, \d+ added/);
    // The version is in each package and in the user agent.
    expect(JSON.parse(read("ts/package.json")).version).toBe("2.0.0");
    expect(read("ts/src/lib/config.ts")).toContain('sdkVersion: "2.0.0"');
    expect(read("py/pyproject.toml")).toContain('version = "2.0.0"');
    expect(read("py/src/clerk_backend_api/config.py")).toMatch(/clerk_backend_api\/2\.0\.0 \(specsmith/);

    for (const [out, method, field] of [
      ["ts", "clerk.users.update", "privateMetadata"],
      ["py", "clerk.users.update", "private_metadata"],
    ]) {
      const log = read(`${out}/CHANGELOG.md`);
      const entry = log.slice(0, log.indexOf("## 1.0.0"));
      // Dated by SOURCE_DATE_EPOCH (2027-01-01), for reproducible builds.
      expect(entry).toMatch(/^# Changelog\n\n## 2\.0\.0 \(2027-01-01\)\n/);
      expect(entry).toContain("### Breaking ⚠️");
      expect(entry).toContain("### Added");
      expect(entry).toContain(`[\`${method}\`](docs/sdks/users/README.md#update)`);
      expect(entry).toContain(`\`${field}\`: removed`);
      // The first entry stays below the new one; every link resolves to a page and heading.
      expect(log).toContain("First release");
      expect(brokenLinks(join(dir, out), ["CHANGELOG.md"])).toEqual([]);
    }
  }, 300_000);

  it("a regeneration with no changes keeps the version, adds no entry, and --check passes", () => {
    const before = read("py/CHANGELOG.md");
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--target", "python"], dir, { timeoutMs: 240_000 });
    expect(r.stdout).toContain("python 2.0.0: no SDK changes");
    expect(read("py/CHANGELOG.md")).toBe(before);
    expect(specsmith(["generate", "--config", "specsmith.yaml", "--check", "--target", "python"], dir, { timeoutMs: 240_000 }).code).toBe(0);
  }, 300_000);

  it("the same surface in other code (a newer specsmith) is a patch release, once", () => {
    // The lock records what the last generation wrote; one that wrote other code stands for an older specsmith.
    const lockPath = join(dir, "py/.specsmith/lock.json");
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as { code?: string };
    expect(lock.code).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    writeFileSync(lockPath, readFileSync(lockPath, "utf8").replace(lock.code!, "written-by-an-older-specsmith"));
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--target", "python"], dir, { timeoutMs: 240_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("python 2.0.0 → 2.0.1 (patch: the generated code changed; the SDK's surface did not)");
    expect(read("py/pyproject.toml")).toContain('version = "2.0.1"');
    expect(read("py/CHANGELOG.md")).toMatch(/^# Changelog\n\n## 2\.0\.1 \([^)]+\)\n\nGenerated from Clerk Backend API, API version `2026-05-12`\.\n\nThe generated code changed/);
    // The new lock records the code this generation wrote (the version is in it, so it is not the old one).
    const written = (JSON.parse(read("py/.specsmith/lock.json")) as { code: string }).code;
    expect(written).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(written).not.toBe(lock.code);
    const again = specsmith(["generate", "--config", "specsmith.yaml", "--target", "python"], dir, { timeoutMs: 240_000 });
    expect(again.stdout).toContain("python 2.0.1: no SDK changes");
  }, 300_000);

  it("a version the user sets in the config wins over the automatic bump", () => {
    config(dir, "clerk.yaml", "3.0.0-beta.1");
    const r = specsmith(["generate", "--config", "specsmith.yaml", "--target", "python"], dir, { timeoutMs: 240_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("python 2.0.1 → 3.0.0-beta.1 (set in the config");
    // pyproject.toml holds the version as Python packaging writes it (PEP 440).
    expect(read("py/pyproject.toml")).toContain('version = "3.0.0b1"');
    expect(read("py/CHANGELOG.md")).toMatch(/^# Changelog\n\n## 3\.0\.0-beta\.1 /);
  }, 300_000);
});

describe("a lock that cannot be trusted", () => {
  // One generation, copied for each case (the folder holds no path of its own): each case damages
  // its own copy.
  let base = "";
  beforeAll(() => {
    base = tempDir();
    const r = specsmith(["generate", "--spec", SPEC, "--target", "python", "--out", join(base, "out")], base);
    expect(r.code).toBe(0);
  });
  function generated(): string {
    const dir = tempDir();
    cpSync(join(base, "out"), join(dir, "out"), { recursive: true });
    return dir;
  }
  // Sizes without reading: the damaged lock may be a FIFO or a symlink to /dev/zero.
  const snapshot = (out: string) =>
    listFiles(out).map((f) => {
      const st = lstatSync(join(out, f));
      return `${f}:${st.isFile() ? st.size : st.isSymbolicLink() ? "symlink" : "special"}`;
    });

  const edit = (change: (lock: { surface: Record<string, Record<string, unknown>> }) => void) => (path: string) => {
    const lock = JSON.parse(readFileSync(path, "utf8"));
    change(lock);
    writeFileSync(path, JSON.stringify(lock));
  };
  const replaceWith = (make: (path: string) => void) => (path: string) => {
    rmSync(path);
    make(path);
  };
  const SECRET = "TOP-SECRET-CONTENT";
  for (const [name, damage, message] of [
    ["is not JSON", (p: string) => writeFileSync(p, "{ not json"), /is not valid JSON/],
    ["is damaged", (p: string) => writeFileSync(p, JSON.stringify({ format: 1, target: "python" })), /is damaged: .*`version` is not a semantic version/],
    ["has a method entry that is null", edit((l) => (l.surface.methods[Object.keys(l.surface.methods)[0]] = null as never)), /is damaged: surface\.methods\.[^:]+: expected Object/],
    ["has security of the wrong type", edit((l) => (l.surface.security = 5 as never)), /is damaged: surface\.security: expected Object/],
    ["has fields that are not a list", edit((l) => ((Object.values(l.surface.models)[0] as Record<string, unknown>).fields = 5)), /is damaged: surface\.models\.[^:]+\.fields: expected Array/],
    ["is a FIFO (it would block forever)", replaceWith((p) => spawnSync("mkfifo", [p])), /is not a regular file/],
    ["is a symlink to /dev/zero (it would be read until memory runs out)", replaceWith((p) => symlinkSync("/dev/zero", p)), /is not a regular file \(a symlink\)/],
    [
      "is a symlink to another file (whose bytes the error must not print)",
      replaceWith((p) => {
        writeFileSync(`${p}.elsewhere`, `${SECRET} is not JSON`);
        symlinkSync(`${p}.elsewhere`, p);
      }),
      /is not a regular file \(a symlink\)/,
    ],
    [
      "comes from a newer specsmith",
      (p: string) => writeFileSync(p, JSON.stringify({ format: 1, generator: "specsmith 99.0.0", target: "python" })),
      /written by specsmith 99\.0\.0, newer than this specsmith/,
    ],
    ["has a newer format", (p: string) => writeFileSync(p, JSON.stringify({ format: 7, generator: "specsmith 0.0.1" })), /lock format 7/],
    ["belongs to another target", (p: string) => writeFileSync(p, readFileSync(p, "utf8").replace('"target": "python"', '"target": "typescript"')), /is for target "typescript", not python/],
  ] as const) {
    it(`stops generation with exit 1 when it ${name}, naming the file and a fix; nothing is written`, () => {
      const dir = generated();
      const out = join(dir, "out");
      const lockPath = join(out, ".specsmith", "lock.json");
      damage(lockPath);
      const before = snapshot(out);
      for (const args of [[], ["--check"]]) {
        const r = specsmith(["generate", "--spec", SPEC, "--target", "python", "--out", out, ...args], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(lockPath);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/hint: /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stderr).not.toContain(SECRET);
      }
      expect(snapshot(out)).toEqual(before);
    });
  }
});
