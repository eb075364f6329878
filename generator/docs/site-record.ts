/**
 * What the last docs-site build left in its folder, so that a build of the same site skips VitePress
 * (35-45 s for the whole Clerk API): the digest of everything the site is built from (its pages,
 * theme inputs, base path, this build of specsmith, VitePress's version) and the size and mtime of
 * every file VitePress wrote. A build is skipped only when the digest is the same and every recorded
 * file is still there as it was written; anything else (an edited, removed or replaced file, a
 * record that does not parse) builds the site again.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { currentBuild } from "../inputs.js";
import { writeFileAtomic } from "../write/file.js";
import { digestOf } from "../write/stat-index.js";
import type { SiteContent, SiteOptions } from "./site.js";

/** The record's file, in the site's folder (VitePress empties the folder, so a build rewrites it). */
export const SITE_RECORD = ".specsmith-site.json";

interface SiteRecord {
  key: string;
  files: [path: string, size: number, mtimeMs: number][];
}

/** The digest of what the site is built from; undefined when this build of specsmith is unknown (run from source). */
export function siteKey(site: SiteContent, opts: SiteOptions): string | undefined {
  const build = currentBuild();
  if (build === undefined) return undefined;
  const parts = [build, vitepressVersion(), opts.base ?? "/", site.title, JSON.stringify(site.anchors), site.languages.join(",")];
  for (const p of site.pages) parts.push(p.path, p.content);
  return digestOf(parts.join("\0"));
}

/** Whether `out` holds the site `key` describes, every file as the build that recorded it wrote it. */
export function siteUnchanged(out: string, key: string): boolean {
  let record: SiteRecord;
  try {
    record = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as SiteRecord;
  } catch {
    return false;
  }
  if (record?.key !== key || !Array.isArray(record.files) || record.files.length === 0) return false;
  return record.files.every((f) => {
    if (!Array.isArray(f) || typeof f[0] !== "string" || f[0].split("/").includes("..")) return false;
    try {
      const st = lstatSync(join(out, f[0]));
      return st.isFile() && st.size === f[1] && st.mtimeMs === f[2];
    } catch {
      return false;
    }
  });
}

/** Records the site VitePress just built in `out`. */
export function recordSite(out: string, key: string): void {
  const files: SiteRecord["files"] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/`);
      else if (entry.isFile() && rel !== SITE_RECORD) {
        const st = lstatSync(join(dir, entry.name));
        files.push([rel, st.size, st.mtimeMs]);
      }
    }
  };
  walk(out, "");
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  writeFileAtomic(join(out, SITE_RECORD), JSON.stringify({ key, files } satisfies SiteRecord));
}

function vitepressVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve("vitepress/package.json"), "utf8")) as { version?: string }).version ?? "";
  } catch {
    return "";
  }
}
