// Bad input: exit 1 with file:line:column, the JSON pointer and a hint; existing output untouched.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { RUNS_AS_ROOT, specsmith } from "./helpers/cli.js";
import { SPEC, listFiles, read, tempDir } from "./helpers/paths.js";

const good = read(SPEC);
let dir: string;
let out: string;
let before: Map<string, string>;

function snapshotDir(d: string): Map<string, string> {
  return new Map(listFiles(d).map((f) => [f, read(join(d, f))]));
}

beforeAll(() => {
  dir = tempDir();
  out = join(dir, "out");
  expect(specsmith(["generate", "--spec", SPEC, "--out", out]).code).toBe(0);
  writeFileSync(join(out, "NOTES.md"), "user file");
  before = snapshotDir(out);
});

/** Writes `text` as a spec, generates into the existing output, and returns the CLI result. */
function run(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = specsmith(["generate", "--spec", file, "--out", out]);
  expect(snapshotDir(out)).toEqual(before);
  return r;
}

const cases: { name: string; mutate: (s: string) => string; where: RegExp; pointer: string; message: RegExp; hint: RegExp }[] = [
  {
    name: "broken-yaml.yaml",
    mutate: (s) => s.replace("summary: Create actor token", "summary: 'Create actor token"),
    where: /\/broken-yaml\.yaml:45:\d+: error: invalid YAML: Missing closing 'quote/m,
    pointer: "#/paths/~1actor_tokens/post/summary",
    message: /invalid YAML/,
    hint: /quoting/,
  },
  {
    // Not read again as YAML (which took seconds on a large spec and then spoke of indentation).
    name: "broken-json.json",
    mutate: (s) => JSON.stringify(parseYaml(s), null, 2).replace('"summary": "Create actor token",', '"summary": "Create actor token"'),
    where: /\/broken-json\.json:52:9: error: invalid JSON: a comma is missing before this$/m,
    pointer: "#/paths/~1actor_tokens/post/description",
    message: /invalid JSON/,
    hint: /with commas/,
  },
  {
    name: "dangling-ref.yaml",
    mutate: (s) => s.replace("$ref: '#/components/schemas/ClerkError'", "$ref: '#/components/schemas/ClerkEror'"),
    where: /\/dangling-ref\.yaml:\d+:\d+: error: /m,
    pointer: "#/components/schemas/ClerkErrors/properties/errors/items/$ref",
    message: /\$ref "#\/components\/schemas\/ClerkEror" does not resolve/,
    hint: /did you mean "#\/components\/schemas\/ClerkError"\?/,
  },
  {
    name: "missing-field.yaml",
    mutate: (s) => s.replace("  title: Clerk Backend API\n", ""),
    where: /\/missing-field\.yaml:\d+:3: error: /m,
    pointer: "#/info",
    message: /missing required field `info\.title`/,
    hint: /add `title:` under `info:`/,
  },
  {
    name: "unknown-version.yaml",
    mutate: (s) => s.replace("openapi: 3.0.3", "openapi: 4.0.0"),
    where: /\/unknown-version\.yaml:3:10: error: /m,
    pointer: "#/openapi",
    message: /unknown OpenAPI version "4\.0\.0"/,
    hint: /3\.0\.x and 3\.1\.x/,
  },
  {
    name: "path-param-undeclared.yaml",
    mutate: (s) => s.replace("        - name: actor_token_id\n          in: path", "        - name: token_id\n          in: path"),
    where: /\/path-param-undeclared\.yaml:\d+:\d+: error: /m,
    pointer: "#/paths/~1actor_tokens~1{actor_token_id}~1revoke/post",
    message: /uses \{actor_token_id\} but POST declares no path parameter named actor_token_id/,
    hint: /name: actor_token_id/,
  },
];

describe("bad input", () => {
  it.each(cases)("$name → exit 1, position, pointer, hint; output untouched", ({ name, mutate, where, pointer, message, hint }) => {
    const text = mutate(good);
    expect(text).not.toBe(good);
    const r = run(name, text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(where);
    expect(r.stderr).toContain(`at ${pointer}`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stderr).toMatch(hint);
    expect(r.stderr).toContain("nothing was written");
  });

  it("points at the line of the problem", () => {
    const text = good.replace("openapi: 3.0.3", "openapi: 4.0.0");
    const r = run("line.yaml", text);
    const [, line] = /\/line\.yaml:(\d+):/m.exec(r.stderr)!;
    expect(text.split("\n")[Number(line) - 1]).toBe("openapi: 4.0.0");
  });

  it("a $ref to a missing file names the file and the referring place", () => {
    const r = run("external.yaml", good.replace("$ref: '#/components/schemas/ClerkError'", "$ref: './nope.yaml#/ClerkError'"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/external\.yaml:\d+:\d+: error: cannot read .*nope\.yaml: file not found/);
  });

  it("reports every problem at once", () => {
    const r = run("many.yaml", good.replace("openapi: 3.0.3", "openapi: 9").replace("$ref: '#/components/schemas/ClerkError'", "$ref: '#/components/schemas/Nope'"));
    expect(r.stderr).toContain("2 errors");
  });

  it("a spec that does not exist, and bad usage, exit 1 and 2", () => {
    expect(specsmith(["generate", "--spec", join(dir, "absent.yaml"), "--out", out]).code).toBe(1);
    expect(specsmith(["generate", "--spec", SPEC]).code).toBe(2);
    expect(specsmith(["generate", "--target", "cobol"]).code).toBe(2);
    expect(specsmith(["frobnicate"]).code).toBe(2);
    expect(snapshotDir(out)).toEqual(before);
  });

  it("a broken config file gets the same kind of diagnostic", () => {
    const cfg = join(dir, "specsmith.yaml");
    mkdirSync(dir, { recursive: true });
    writeFileSync(cfg, "spec: x.yaml\ntargets:\n  typescript:\n    out: out\n    sdkClass: X\n");
    const r = specsmith(["generate", "--config", cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specsmith\.yaml:4:5: error: target typescript needs `packageName`/);
  });
});

/** A failure a user can act on: a documented exit code, a message, and no stack trace. */
function expectClean(r: { code: number; stderr: string }, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at .*(\.js|\.ts|node:internal)[^\n]*\n/);
  expect(r.stderr).not.toContain("internal error");
}

describe("hostile inputs: located errors, never a crash, a hang or a stack trace", () => {
  const base = {
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: { "/a": { get: { operationId: "getA", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } } } } } },
    components: { schemas: { A: { type: "object", properties: { x: { type: "string" } } } } },
  };
  const withRef = (ref: string) =>
    JSON.stringify({ ...base, paths: { "/a": { get: { ...base.paths["/a"].get, responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } } } } } });
  const gen = (name: string, text: string, out = join(dir, "hostile-out")) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return specsmith(["generate", "--spec", file, "--out", out], undefined, { timeoutMs: 30_000 });
  };

  it.each([
    ["a malformed percent-escape in a $ref's pointer", "#/components/schemas/%zzA", /malformed percent-escape/],
    ["a malformed percent-escape in a $ref's file", "%E0%A.yaml#/A", /malformed percent-escape/],
    ["a $ref to a device that never ends", "/dev/zero#/A", /not a regular file/],
    ["a $ref to a folder", "./#/A", /cannot read .*: it is a folder/],
  ])("%s → exit 1 at the $ref", (_name, ref, message) => {
    const r = gen("ref.json", withRef(ref));
    expectClean(r, 1);
    expect(r.stderr).toMatch(/ref\.json:1:\d+: error: /);
    expect(r.stderr).toContain("at #/paths/~1a/get/responses/200/content/application~1json/schema/$ref");
    expect(r.stderr).toMatch(message);
  });

  it("a $ref to a pipe nobody writes to → exit 1 at once", () => {
    const fifo = join(dir, "pipe.yaml");
    spawnSync("mkfifo", [fifo]);
    const r = gen("fifo.json", withRef("./pipe.yaml#/A"));
    expectClean(r, 1);
    expect(r.stderr).toContain("not a regular file");
  });

  it("a recursive YAML alias → exit 1 at the alias", () => {
    const r = gen("alias.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: &a\n      type: object\n      properties:\n        self: *a\n");
    expectClean(r, 1);
    expect(r.stderr).toMatch(/alias\.yaml:9:15: error: the alias \*a refers to a node that contains it/);
  });

  it("a YAML alias bomb → exit 1, quickly", () => {
    let text = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-a: &a [x, x, x, x, x, x, x, x, x]\n";
    let prev = "a";
    for (const n of "bcdefghi") {
      text += `x-${n}: &${n} [${Array(9).fill(`*${prev}`).join(", ")}]\n`;
      prev = n;
    }
    const r = gen("bomb.yaml", text);
    expectClean(r, 1);
    expect(r.stderr).toMatch(/bomb\.yaml:5:\d+: error: YAML aliases here expand to more than/);
  });

  it.each([
    ["JSON", "deep.json"],
    ["YAML", "deep.yaml"],
  ])("a schema nested 3,000 levels deep (%s) → exit 1 with the depth limit", (_kind, name) => {
    // Written as text: JSON.stringify itself would overflow on such a value.
    const schema = '{"type":"object","properties":{"p":'.repeat(3000) + '{"type":"string"}' + "}}".repeat(3000);
    const r = gen(name, JSON.stringify({ ...base, components: { schemas: { A: "@" } } }).replace('"@"', schema));
    expectClean(r, 1);
    expect(r.stderr).toMatch(/error: the document nests deeper than 256 levels here\n\s+at #\/components\/schemas\/A\/properties\/p.{0,100}…/);
  });

  it("a chain of 1,500 models, each referring to the next, generates (no deep recursion)", () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) schemas[`M${i}`] = { type: "object", properties: { next: { $ref: `#/components/schemas/M${i + 1 === 1500 ? 0 : i + 1}` } } };
    const r = gen("chain.json", JSON.stringify({ ...base, components: { schemas: { ...schemas, A: base.components.schemas.A } } }), join(dir, "chain-out"));
    expectClean(r, 0);
  });

  it("names longer than a file name may be get shortened file names", () => {
    const long = "Very" + "Long".repeat(120);
    const doc = {
      ...base,
      paths: { "/a": { get: { ...base.paths["/a"].get, operationId: long, tags: [long] } } },
      components: { schemas: { A: base.components.schemas.A, [long]: { type: "object", properties: { [long]: { type: "string" } } } } },
    };
    const out = join(dir, "long-out");
    const r = gen("long.json", JSON.stringify(doc), out);
    expectClean(r, 0);
    expect(listFiles(out).every((f) => f.split("/").every((seg) => Buffer.byteLength(seg) <= 255))).toBe(true);
  });

  it("duplicate operationIds → a located warning, and two methods", () => {
    const doc = { ...base, paths: { "/a": { get: { ...base.paths["/a"].get, tags: ["things"] } }, "/b": { get: { ...base.paths["/a"].get, tags: ["things"] } } } };
    const out = join(dir, "dup-out");
    const r = gen("dup.json", JSON.stringify(doc, null, 2), out);
    expectClean(r, 0);
    expect(r.stderr).toMatch(/dup\.json:\d+:\d+: warning: operationId "getA" is also used by GET \/a\n\s+at #\/paths\/~1b\/get\/operationId/);
    expect(read(join(out, "README.md"))).toMatch(/getA[\s\S]*getA2/);
  });

  it("control characters from the spec are shown escaped, never sent to the terminal", () => {
    const doc = {
      ...base,
      paths: {
        "/a\u001b[2J\u001b]0;pwned\u0007": { get: { ...base.paths["/a"].get, operationId: "x\u001b[31mred" } },
        "/b\u009b31m": { get: { operationId: "x\u001b[31mred", responses: { "200": { description: "ok" } } } },
      },
    };
    const r = gen("ctl.json", JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain("\\u{1b}");
  });

  it.each([
    ["an empty file", "empty.yaml", ""],
    ["binary garbage", "garbage.yaml", "\u0000\u0001\u00ff{[\u0000"],
    ["a YAML scalar", "scalar.yaml", "just text"],
    ["retries that never end", "inf.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-speakeasy-retries:\n  strategy: backoff\n  backoff:\n    maxElapsedTime: .inf\n"],
  ])("%s → exit 1 with a located message", (_name, file, text) => {
    const r = gen(file, text);
    expectClean(r, 1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(".", "\\.")}(:\\d+:\\d+)?: error: `));
  });

  it("a file over the size limit is refused before it is read", () => {
    const big = join(dir, "huge.json");
    writeFileSync(big, "");
    truncateSync(big, 200 * 1024 * 1024);
    const r = specsmith(["generate", "--spec", big, "--out", join(dir, "huge-out")], undefined, { timeoutMs: 30_000 });
    expectClean(r, 1);
    expect(r.stderr).toMatch(/it is 200 MB, over the 128 MB limit/);
  });

  it.skipIf(!RUNS_AS_ROOT)("a spec the user may not read → exit 1, permission denied", () => {
    const file = join(dir, "secret.yaml");
    writeFileSync(file, good);
    chmodSync(file, 0o600);
    chmodSync(dir, 0o755);
    const r = specsmith(["generate", "--spec", file, "--out", join(dir, "secret-out")], dir, { asUnprivileged: true });
    expectClean(r, 1);
    expect(r.stderr).toContain("permission denied");
  });
});
