/**
 * Overlays through the CLI: `--overlay` and the config's `overlays:` shape the generated SDK and its
 * docs, `specsmith overlay apply` writes the merged document, a broken overlay stops generation
 * with its position and writes nothing; and Clerk's own three overlays give our Clerk docs Clerk's
 * example values, as Speakeasy's pages have them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specsmith } from "./helpers/cli.js";
import { ROOT, SHARED, SPEC, listFiles, read, tempDir } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";

const OVERLAY = `overlay: 1.0.0
info:
  title: Examples
  version: 0.0.1
actions:
  - target: $.paths['/actor_tokens/{actor_token_id}/revoke'].post.parameters[?@.name == 'actor_token_id']
    update:
      example: act_tok_from_the_overlay
  - target: $.paths['/no/such/path']
    remove: true
`;

function setup() {
  const dir = tempDir();
  const overlay = join(dir, "examples.yaml");
  writeFileSync(overlay, OVERLAY);
  return { dir, overlay, out: join(dir, "out") };
}
const revokePage = (out: string) => read(join(out, "docs/sdks/actortokens/README.md"));

describe("overlays in generation", () => {
  it("--overlay applies to a --spec run: the docs show the overlay's example; an unmatched target is a warning at its line", () => {
    const { dir, overlay, out } = setup();
    const r = specsmith(["generate", "--spec", SPEC, "--overlay", overlay, "--target", "python", "--out", out], dir);
    expect(r.code).toBe(0);
    // (The client variable is not the package's name, which the examples' models are reached through.)
    expect(revokePage(out)).toContain('sdk.actor_tokens.revoke(actor_token_id="act_tok_from_the_overlay")');
    expect(r.stderr).toMatch(/examples\.yaml:9:13: warning: the target \$\.paths\['\/no\/such\/path'\] matches nothing/);
  });

  it("the config's overlays apply in order, relative to the config, and their changes are a release", () => {
    const { dir, out } = setup();
    writeFileSync(join(dir, "specsmith.yaml"), `spec: ${SPEC}\ntargets:\n  python:\n    out: out\n    packageName: clerk_backend_api\n    sdkClass: Clerk\n    version: 1.0.0\n`);
    expect(specsmith(["generate", "--config", "specsmith.yaml"], dir).code).toBe(0);
    expect(revokePage(out)).toContain('actor_token_id="act_tok_abcdefghijk"');
    writeFileSync(join(dir, "specsmith.yaml"), read(join(dir, "specsmith.yaml")).replace("targets:", "overlays:\n  - examples.yaml\ntargets:"));
    const r = specsmith(["generate", "--config", "specsmith.yaml"], dir);
    expect(r.code).toBe(0);
    expect(revokePage(out)).toContain('actor_token_id="act_tok_from_the_overlay"');
    // An example is docs: a patch release.
    expect(r.stdout).toContain("python 1.0.0 → 1.0.1 (patch: 0 breaking, 0 added, 0 changed, 2 docs)");
  });

  it("a malformed overlay stops generation with exit 1 at its file:line:col, and nothing is written", () => {
    const { dir, overlay, out } = setup();
    expect(specsmith(["generate", "--spec", SPEC, "--target", "python", "--out", out], dir).code).toBe(0);
    const before = listFiles(out).map((f) => [f, readFileSync(join(out, f), "utf8")]);
    writeFileSync(overlay, OVERLAY.replace("target: $.paths['/no/such/path']", "target: $.paths[?"));
    const r = specsmith(["generate", "--spec", SPEC, "--overlay", overlay, "--target", "python", "--out", out], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/examples\.yaml:9:13: error: invalid JSONPath "\$\.paths\[\?"/);
    expect(r.stderr).toContain("nothing was written");
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(listFiles(out).map((f) => [f, readFileSync(join(out, f), "utf8")])).toEqual(before);
    // A missing overlay file is the same kind of error.
    const missing = specsmith(["generate", "--spec", SPEC, "--overlay", join(dir, "nope.yaml"), "--target", "python", "--out", out], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml: error: cannot read .*: file not found/);
  });
});

describe("specsmith overlay apply", () => {
  it("prints the merged document, or writes it with -o (YAML, or JSON for a .json name)", () => {
    const { dir, overlay } = setup();
    const printed = specsmith(["overlay", "apply", SPEC, overlay], dir);
    expect(printed.code).toBe(0);
    const merged = parse(printed.stdout);
    const param = merged.paths["/actor_tokens/{actor_token_id}/revoke"].post.parameters.find((p: { name: string }) => p.name === "actor_token_id");
    expect(param.example).toBe("act_tok_from_the_overlay");
    // Nothing else changed.
    param.example = parse(read(SPEC)).paths["/actor_tokens/{actor_token_id}/revoke"].post.parameters[0].example;
    expect(merged).toEqual(parse(read(SPEC)));

    expect(specsmith(["overlay", "apply", SPEC, overlay, "-o", join(dir, "merged.json")], dir).code).toBe(0);
    expect(JSON.parse(read(join(dir, "merged.json")))).toEqual(parse(printed.stdout));
    expect(readdirSync(dir).filter((f) => f.includes("specsmith-tmp"))).toEqual([]);
  });
});

describe("Clerk's overlays on Clerk's spec", () => {
  const overlays = ["openapi-specs/fixes.yml", "clerk-sdk-python/fixes.yaml", "clerk-sdk-python/examples.yaml"].map((f) => join(SHARED, "specs", "clerk-overlays", f));
  const REFERENCE = join(SHARED, "reference", "clerk-sdk-python-6.0.1", "docs", "sdks");

  /** Each method's Python snippet, without the `assert` line Speakeasy has since dropped from its pages. */
  function snippets(page: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const m of read(page).matchAll(/^## (\w+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)) {
      const code = /```python\n([\s\S]*?)```/.exec(m[2]);
      if (code) out.set(m[1], code[1].replace("    assert res is not None\n\n", ""));
    }
    return out;
  }
  function sameAsSpeakeasy(out: string): number {
    let same = 0;
    for (const group of readdirSync(REFERENCE)) {
      const ours = snippets(join(out, "docs", "sdks", group, "README.md"));
      for (const [method, code] of snippets(join(REFERENCE, group, "README.md"))) if (ours.get(method) === code) same++;
    }
    return same;
  }

  it("give our usage snippets Clerk's example values, as Speakeasy's pages have them", () => {
    const dir = tempDir();
    const args = ["generate", "--spec", join(SHARED, "specs", "clerk-bapi.yaml"), "--target", "python", "--package-name", "clerk_backend_api", "--sdk-class", "Clerk"];
    expect(specsmith([...args, "--out", join(dir, "plain")], dir, { timeoutMs: 120_000 }).code).toBe(0);
    const r = specsmith([...args, ...overlays.flatMap((o) => ["--overlay", o]), "--out", join(dir, "overlaid")], dir, { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    // The examples overlay was written for an older spec: its stale targets are warnings, not errors.
    expect(r.stderr).toMatch(/examples\.yaml:\d+:\d+: warning: the target .* matches nothing/);
    // Of the 91 snippets on Speakeasy's ten reference pages, byte for byte (the rest differ in
    // made-up values such as "um solace recklessly" that no spec holds).
    const plain = sameAsSpeakeasy(join(dir, "plain"));
    const overlaid = sameAsSpeakeasy(join(dir, "overlaid"));
    expect(plain).toBeLessThan(10);
    expect(overlaid).toBeGreaterThanOrEqual(30);
    expect(read(join(dir, "overlaid", "docs", "models", "session.md"))).toContain("sess_123456789abcd");
    // Call shapes (the method, its arguments' names, order and nesting; values aside) against all 243
    // methods of Speakeasy's 6.0.1 pages (tests/reference-snippets/): 218 today, 181 before optional
    // arguments were shown as Speakeasy shows them. The rest: placeholder keys in free-form objects,
    // and older pages that omit arguments with a default (Speakeasy keeps each operation's generated
    // example from one generation to the next, so its pages follow more than one rule).
    const shapes = spawnSync(PYTHON, [join(ROOT, "tests", "python", "call_shapes.py"), join(dir, "overlaid", "docs", "sdks"), join(ROOT, "tests", "reference-snippets", "clerk-sdk-python-6.0.1")], {
      encoding: "utf8",
    });
    const report = JSON.parse(shapes.stdout) as { same: number; total: number };
    expect(report.total).toBe(243);
    expect(report.same).toBeGreaterThanOrEqual(218);
    expect(read(join(dir, "plain", "docs", "models", "session.md"))).not.toContain("sess_123456789abcd");
  }, 240_000);
});
