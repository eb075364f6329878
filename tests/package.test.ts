// What `npm pack` puts in specsmith's package: the bundled CLI, its templates and runtime files, and
// nothing of the repository's own (tests, sources, generated output). An install from the registry (or
// a tarball) runs `npx specsmith` and `specsmith docs` from these files alone.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, listFiles } from "./helpers/paths.js";

describe("the npm package", () => {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it("holds the bundled CLI and its bin, the templates and every runtime file", () => {
    for (const f of ["package.json", "README.md", "dist/cli.js", "dist/templates.js", ...Object.values(pkg.bin)]) expect(files, f).toContain(f.replace(/^\.\//, ""));
    for (const target of ["typescript", "python"]) {
      const runtime = listFiles(join(ROOT, "templates", target, "runtime")).filter((f) => !f.includes("__pycache__"));
      expect(runtime.length).toBeGreaterThan(10);
      for (const f of runtime) expect(files, f).toContain(`templates/${target}/runtime/${f}`);
    }
  });

  it("leaves the repository's own files out", () => {
    expect(files.filter((f) => /^(tests|generator|generated|bench|corpus|scripts|spec|\.ci)\//.test(f))).toEqual([]);
  });

  it("depends on what the CLI loads at run time (the docs site's VitePress too), and not on prettier (only the tests run it)", () => {
    for (const dep of ["vitepress", "oxfmt", "@wasm-fmt/ruff_fmt"]) expect(Object.keys(pkg.dependencies)).toContain(dep);
    expect(Object.keys(pkg.dependencies)).not.toContain("prettier");
    expect(Object.keys(pkg.devDependencies)).toContain("prettier");
  });
});
