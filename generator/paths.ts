import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The specsmith package root (holds templates/ and dist/), whether running from source or dist. */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "specsmith") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("specsmith: cannot find its package root");
    dir = up;
  }
})();

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version;
export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");
/** specsmith's own CLI script (what generated tests start `specsmith mock` with under `generate --test`). */
export const CLI_SCRIPT = join(PACKAGE_ROOT, "bin", "specsmith.js");
export const PRECOMPILED = join(PACKAGE_ROOT, "dist", "templates.js");
