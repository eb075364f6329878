/**
 * Custom code across regeneration, through the CLI on real files: hand edits to generated files are
 * merged three ways with the new generation (and still compile), a conflicting edit gets conflict
 * markers and exit 1 with both sides kept, `.specsmithignore` hands files over for good, and an
 * edited file the spec no longer produces is kept.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PYTHON } from "./helpers/python.js";
import { specsmith } from "./helpers/cli.js";
import { SPEC, read, tempDir } from "./helpers/paths.js";
import { tsc } from "./helpers/tsc.js";
import { spawnSync } from "node:child_process";

const MODEL = "src/models/components/actortoken.ts";
const FUNC = "src/funcs/actorTokensRevoke.ts";

/** A generated TypeScript SDK in a temp folder, and a way to regenerate it from an edited spec. */
function project(target: "typescript" | "python" = "typescript") {
  const dir = tempDir();
  const spec = join(dir, "spec.yaml");
  const out = join(dir, "out");
  writeFileSync(spec, read(SPEC));
  const generate = (...extra: string[]) =>
    specsmith(["generate", "--spec", spec, "--target", target, "--out", out, "--package-name", target === "python" ? "clerk_backend_api" : "clerk-backend-api", "--sdk-class", "Clerk", ...extra], dir);
  expect(generate().code).toBe(0);
  const file = (p: string) => join(out, p);
  return {
    dir,
    out,
    generate,
    read: (p: string) => readFileSync(file(p), "utf8"),
    write: (p: string, text: string) => writeFileSync(file(p), text),
    edit: (p: string, from: string, to: string) => {
      const text = readFileSync(file(p), "utf8");
      expect(text).toContain(from);
      writeFileSync(file(p), text.replace(from, to));
    },
    editSpec: (from: string, to: string) => {
      const text = readFileSync(spec, "utf8");
      expect(text).toContain(from);
      writeFileSync(spec, text.replace(from, to));
    },
  };
}

/** The spec gains a field on ActorToken and a new description of revoke. */
function changeSpec(p: ReturnType<typeof project>) {
  p.editSpec("        url:\n          type: string\n", "        label:\n          type: string\n          description: A label for the token.\n        url:\n          type: string\n");
  p.editSpec("description: Revokes a pending actor token.", "description: Revokes a pending actor token, for good.");
}

describe("hand edits to generated files", () => {
  it("survive a regeneration from a changed spec: merged with it, and the SDK still type-checks", () => {
    const p = project();
    p.edit(MODEL, "export type ActorToken = {", "/** Our note on tokens. */\nexport type ActorToken = {");
    p.write(MODEL, p.read(MODEL) + '\n/** Ours: whether the token may still be used. */\nexport const isUsable = (t: ActorToken): boolean => t.status === "pending";\n');
    p.edit(FUNC, "): Promise<Result<ActorToken, ClerkErrors | SDKError | HTTPClientError>> {\n", "): Promise<Result<ActorToken, ClerkErrors | SDKError | HTTPClientError>> {\n  // Ours: audited.\n");
    changeSpec(p);
    const r = p.generate();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`merged your edits with the new generation: out/${FUNC}, out/${MODEL}`);
    // Both edits and the new generation are there.
    expect(p.read(MODEL)).toContain("/** Our note on tokens. */\nexport type ActorToken = {");
    expect(p.read(MODEL)).toContain("export const isUsable = (t: ActorToken): boolean =>");
    expect(p.read(MODEL)).toContain("  label?: string;");
    expect(p.read(FUNC)).toContain("  // Ours: audited.\n");
    expect(p.read(FUNC)).toContain(" * Revokes a pending actor token, for good.");
    expect(tsc(["-p", p.out, "--noEmit"]).output).toBe("");
    // The edits are intended: --check finds nothing to do, names the files that carry them, and a second run changes nothing.
    const check = p.generate("--check");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`carrying hand edits (kept, merged on each generation): out/${FUNC}, out/${MODEL}`);
    const again = p.generate();
    expect(again.stdout).toContain("0 written");
    expect(again.stdout).not.toContain("merged");
  });

  it("that conflict with the new generation get conflict markers holding both sides, and exit 1", () => {
    const p = project();
    p.edit(FUNC, " * Revokes a pending actor token.", " * Revokes a pending actor token (our wording).");
    p.edit(MODEL, "export type ActorToken = {", "/** Our note on tokens. */\nexport type ActorToken = {");
    changeSpec(p);
    const r = p.generate();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`your edits conflict with the new generation in out/${FUNC}\n`);
    expect(r.stderr).toContain("hint: each conflict is marked");
    expect(p.read(FUNC)).toContain(
      "<<<<<<< yours\n * Revokes a pending actor token (our wording).\n||||||| pristine (last generation)\n * Revokes a pending actor token.\n=======\n * Revokes a pending actor token, for good.\n>>>>>>> generated\n",
    );
    // Everything else was written: the other edit merged, the new field is in.
    expect(p.read(MODEL)).toContain("/** Our note on tokens. */");
    expect(p.read(MODEL)).toContain("  label?: string;");
    // --check reports the conflict until it is resolved.
    const check = p.generate("--check");
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(`conflict: ${join(p.out, FUNC)}`);
    // Resolved by hand: the next run merges cleanly and keeps the resolution.
    p.write(FUNC, p.read(FUNC).replace(/<<<<<<< yours\n(.*\n)\|\|\|\|\|\|\| [^\n]*\n.*\n=======\n.*\n>>>>>>> generated\n/, "$1"));
    expect(p.generate().code).toBe(0);
    expect(p.read(FUNC)).toContain(" * Revokes a pending actor token (our wording).\n");
    expect(p.read(FUNC)).not.toContain("<<<<<<<");
  });

  it("to a file the spec no longer produces keep the file; an unedited one goes", () => {
    const p = project();
    p.edit(FUNC, "): Promise<Result<ActorToken, ClerkErrors | SDKError | HTTPClientError>> {\n", "): Promise<Result<ActorToken, ClerkErrors | SDKError | HTTPClientError>> {\n  // Ours.\n");
    const create = "src/funcs/actorTokensCreate.ts";
    // Every operation goes.
    const spec = join(p.dir, "spec.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace(/^paths:\n[\s\S]*?(?=^components:)/m, "paths: {}\n"));
    const r = p.generate();
    expect(r.code).toBe(0);
    expect(existsSync(join(p.out, create))).toBe(false);
    expect(p.read(FUNC)).toContain("// Ours.");
  });

  it("in Python too: a model and a method edited by hand survive, and the package imports", () => {
    const p = project("python");
    const model = "src/clerk_backend_api/models/actortoken.py";
    const resource = "src/clerk_backend_api/actortokens.py";
    p.write(model, p.read(model) + "\n\ndef is_usable(token: ActorToken) -> bool:\n    return token.status == ActorTokenStatus.PENDING\n");
    p.edit(resource, '        r"""Revoke actor token', '        # Ours: audited.\n        r"""Revoke actor token');
    changeSpec(p);
    const r = p.generate();
    expect(r.code).toBe(0);
    expect(p.read(model)).toContain("def is_usable(token: ActorToken) -> bool:");
    expect(p.read(model)).toMatch(/label: Optional\[str\]/);
    expect(p.read(resource)).toContain("# Ours: audited.");
    const run = spawnSync(PYTHON, ["-c", "from clerk_backend_api.models.actortoken import is_usable, ActorToken; print(is_usable)"], { cwd: join(p.out, "src"), encoding: "utf8" });
    expect(run.stderr).toBe("");
  });
});

describe(".specsmithignore", () => {
  it("hands generated files over to the user: never written again, listed as ignored by --check", () => {
    const p = project();
    p.write(".specsmithignore", "# ours now\nsrc/sdk/actortokens.ts\ndocs/models/**\n");
    p.write("src/sdk/actortokens.ts", "// entirely ours\nexport class ActorTokens {}\n");
    const modelPage = "docs/models/components/actortoken.md";
    const before = p.read(modelPage);
    changeSpec(p);
    const r = p.generate();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`left alone \\(\\.specsmithignore\\): .*out/${modelPage}`));
    expect(p.read("src/sdk/actortokens.ts")).toBe("// entirely ours\nexport class ActorTokens {}\n");
    expect(p.read(modelPage)).toBe(before);
    // The rest did regenerate.
    expect(p.read(FUNC)).toContain("for good.");
    const check = p.generate("--check");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/ignored \(\.specsmithignore\): .*out\/docs\/models\/components\/actortoken\.md/);
    // Un-ignored, it is generated again.
    p.write(".specsmithignore", "");
    expect(p.generate().code).toBe(0);
    expect(p.read("src/sdk/actortokens.ts")).toContain("Code generated by specsmith");
  });
});
