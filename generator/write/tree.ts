/**
 * What is already in the output folder, read in one walk instead of a stat per file: the writer
 * checks tens of thousands of paths (GitHub's SDK has 17,868 files). Only folders that hold generated
 * files are walked, so a user's node_modules or .git is never read.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export type EntryKind = "file" | "dir" | "link" | "other";

export function scanTree(root: string, paths: Iterable<string>): Map<string, EntryKind> {
  const folders = new Set<string>([""]);
  for (const p of paths) {
    for (let i = p.indexOf("/"); i !== -1; i = p.indexOf("/", i + 1)) folders.add(p.slice(0, i));
  }
  const tree = new Map<string, EntryKind>();
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(rel === "" ? root : join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = rel === "" ? e.name : `${rel}/${e.name}`;
      const kind: EntryKind = e.isFile() ? "file" : e.isDirectory() ? "dir" : e.isSymbolicLink() ? "link" : "other";
      tree.set(path, kind);
      if (kind === "dir" && folders.has(path)) walk(path);
    }
  };
  walk("");
  return tree;
}
