/**
 * What the last docs-site build left in its folder, so that a build of the same site skips VitePress
 * (35-45 s for the whole Clerk API): the digest of everything the site is built from (its pages,
 * theme inputs, base path, this build of specsmith, VitePress's version) and the size and mtime of
 * every file VitePress wrote. A build is skipped only when the digest is the same and every recorded
 * file is still there as it was written; anything else (an edited, removed or replaced file, a
 * record that does not parse) builds the site again.
 *
 * The record also keeps the digest of every file the pages were made from (the config, the spec and
 * what it $refs, the overlays, each SDK's lock, changelog and files generated once): when none of
 * them changed either, a build does not even generate the SDKs to make the pages (3-4 s for the whole
 * Clerk API). Each digest is of the text as it was read, or taken before it was read: a file that
 * changes while a build runs makes the next build run, never one that is skipped wrongly.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Config } from "../config.js";
import { currentBuild, sameSources } from "../inputs.js";
import { MAX_FILE_BYTES } from "../load/source.js";
import { writeFileAtomic } from "../write/file.js";
import { unsafePathReason } from "../write/paths.js";
import { digestOf } from "../write/stat-index.js";
import type { SiteContent, SiteOptions } from "./site.js";

/** The record's file, in the site's folder (VitePress empties the folder, so a build rewrites it). */
export const SITE_RECORD = ".specsmith-site.json";

interface SiteRecord {
  key: string;
  files: [path: string, size: number, mtimeMs: number][];
  /** What the pages were made from, when every such file could be read. */
  inputs?: SiteInputs;
}

/** The files a site's pages were made from, each with its digest (inputDigest), and what else made them. */
export interface SiteInputs {
  /** inputsContext: this build of specsmith, VitePress's version, the base path and the config's path. */
  context: string;
  /** How many pages the site has (what a skipped build reports). */
  pages: number;
  config: string;
  /** The spec first, then what it $refs, then the overlays, as the loader read them. */
  sources: [path: string, digest: string][];
  /** Files in the SDKs' output folders: each lock and changelog, and the files generated once for the user. */
  outputs: [path: string, digest: string][];
}

/**
 * An input file's digest (of its bytes: for a UTF-8 file without a byte-order mark, the same as its
 * text's); "-" when there is none (an output folder not generated yet); undefined when it cannot be
 * read, or is larger than the loader reads (such an input always makes a run).
 */
export function inputDigest(path: string): string | undefined {
  try {
    // Through a symlink, as the loader reads a spec.
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return "-";
    return st.isFile() && st.size <= MAX_FILE_BYTES ? digestOf(readFileSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file generated once for the user (`path`), as its target's generation read it (`read`: the digest
 * of the user's text, or of the generated one, `generated`, when there was none): its digest, "-"
 * while it is absent, undefined when it is not as the generation read it any more.
 */
export function onceInput(path: string, read: string, generated: string | undefined): [string, string | undefined] {
  const now = inputDigest(path);
  if (now === "-") return [path, generated !== undefined && digestOf(generated) === read ? "-" : undefined];
  return [path, now === read ? now : undefined];
}

/** What, beside its input files, a site is made from; undefined when this build of specsmith is unknown (run from source). */
export function inputsContext(configPath: string, opts: SiteOptions): string | undefined {
  const build = currentBuild();
  if (build === undefined) return undefined;
  return digestOf([build, vitepressVersion(), opts.base ?? "/", resolve(configPath)].join("\0"));
}

/**
 * The number of pages of the site `out` holds, when it was made from the same inputs as `config` (at
 * `configPath`) would make it now and every file of it is as its build wrote it; else undefined.
 * The record is state: it names only this config's spec and overlays (by the same paths), the files
 * the spec $ref'd (by absolute path) and files inside the configured output folders.
 */
export function unchangedInputs(out: string, config: Config, configPath: string, opts: SiteOptions): number | undefined {
  const context = inputsContext(configPath, opts);
  const record = readRecord(out);
  const inputs = record?.inputs;
  if (context === undefined || !inputs || inputs.context !== context || typeof inputs.pages !== "number") return undefined;
  if (!Array.isArray(inputs.sources) || !sameSources(inputs.sources, config) || !pairs(inputs.outputs)) return undefined;
  if (!inputs.outputs.every(([p]) => config.targets.some((t) => insideFolder(p, t.out)))) return undefined;
  const same = ([path, digest]: [string, string]) => inputDigest(path) === digest;
  if (inputDigest(resolve(configPath)) !== inputs.config || !inputs.sources.every(same) || !inputs.outputs.every(same)) return undefined;
  return siteUnchanged(out, record!.key) ? inputs.pages : undefined;
}

function pairs(v: unknown): v is [string, string][] {
  return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && isAbsolute(p[0]) && typeof p[1] === "string");
}

function insideFolder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel) && unsafePathReason(rel.split(sep).join("/")) === undefined;
}

function readRecord(out: string): SiteRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(out, SITE_RECORD), "utf8")) as SiteRecord;
    return record !== null && typeof record === "object" ? record : undefined;
  } catch {
    return undefined;
  }
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
  const record = readRecord(out);
  if (!record || record.key !== key || !Array.isArray(record.files) || record.files.length === 0) return false;
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

/** Records the site VitePress just built in `out` (or found there), and what its pages were made from when known. */
export function recordSite(out: string, key: string, inputs?: SiteInputs): void {
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
  writeFileAtomic(join(out, SITE_RECORD), JSON.stringify({ key, files, ...(inputs ? { inputs } : {}) } satisfies SiteRecord));
}

/** Records, in the record of the site `out` holds, what its pages were made from (its files stay as recorded). */
export function recordInputs(out: string, inputs: SiteInputs): void {
  const record = readRecord(out);
  if (record) writeFileAtomic(join(out, SITE_RECORD), JSON.stringify({ ...record, inputs } satisfies SiteRecord));
}

function vitepressVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve("vitepress/package.json"), "utf8")) as { version?: string }).version ?? "";
  } catch {
    return "";
  }
}
