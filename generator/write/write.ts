/**
 * Writes a target's output folder in one step. New files go to a temporary sibling folder; files
 * the user added to the output (anything the previous manifest does not list) move across; then
 * the folders swap by rename. A failure before the swap leaves the old output as it was.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export const MANIFEST = ".specsmith-manifest.json";

export interface OutputFile {
  path: string;
  content: string;
}

interface Manifest {
  generator: "specsmith";
  files: string[];
}

export function readManifest(outDir: string): string[] | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8")) as Manifest;
    return Array.isArray(m.files) ? m.files : undefined;
  } catch {
    return undefined;
  }
}

function manifestOf(files: OutputFile[]): OutputFile {
  const m: Manifest = { generator: "specsmith", files: files.map((f) => f.path).sort() };
  return { path: MANIFEST, content: JSON.stringify(m, null, 2) + "\n" };
}

/** Files whose content on disk differs from `files`, plus generated files that are now stale. */
export function diffOutput(outDir: string, files: OutputFile[]): { changed: string[]; missing: string[]; stale: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const f of [...files, manifestOf(files)]) {
    const p = join(outDir, f.path);
    if (!existsSync(p)) missing.push(f.path);
    else if (readFileSync(p, "utf8") !== f.content) changed.push(f.path);
  }
  const now = new Set(files.map((f) => f.path));
  const stale = (readManifest(outDir) ?? []).filter((p) => !now.has(p) && existsSync(join(outDir, p)));
  return { changed, missing, stale };
}

export class WriteError extends Error {
  override name = "WriteError";
}

export function writeOutput(outDir: string, files: OutputFile[]): void {
  const previous = existsSync(outDir) ? (readManifest(outDir) ?? []) : [];
  const generated = new Set(files.map((f) => f.path));
  const userFiles = existsSync(outDir) ? userEntries(outDir, new Set([...previous, MANIFEST])) : [];
  const clash = userFiles.filter((u) => generated.has(u) || [...generated].some((g) => g.startsWith(u + "/")));
  if (clash.length > 0) {
    throw new WriteError(
      `${outDir}: refusing to overwrite ${clash.map((c) => `"${c}"`).join(", ")}, which specsmith did not generate.\n` +
        "  hint: move or delete those files, then generate again",
    );
  }

  const tmp = `${outDir}.specsmith-tmp-${process.pid}`;
  const old = `${outDir}.specsmith-old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const dirs = new Set<string>();
    for (const f of [...files, manifestOf(files)]) {
      const p = join(tmp, f.path);
      const d = dirname(p);
      if (!dirs.has(d)) {
        mkdirSync(d, { recursive: true });
        dirs.add(d);
      }
      writeFileSync(p, f.content);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (!existsSync(outDir)) {
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(tmp, outDir);
    return;
  }
  for (const u of userFiles) {
    mkdirSync(dirname(join(tmp, u)), { recursive: true });
    renameSync(join(outDir, u), join(tmp, u));
  }
  renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Entries under `dir` not produced by specsmith: a folder holding no generated file counts as
 * one entry (so node_modules moves in one rename).
 */
function userEntries(dir: string, generated: Set<string>): string[] {
  const genDirs = new Set<string>();
  for (const g of generated) {
    for (let d = dirname(g); d !== "." && d !== ""; d = dirname(d)) genDirs.add(d);
  }
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      const rel = relative(dir, p).split(sep).join("/");
      if (statSync(p).isDirectory()) {
        if (genDirs.has(rel)) walk(p);
        else out.push(rel);
      } else if (!generated.has(rel)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}
