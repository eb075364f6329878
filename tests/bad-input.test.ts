// Bad input: exit 1 with file:line:column, the JSON pointer and a hint; existing output untouched.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { specsmith } from "./helpers/cli.js";
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
