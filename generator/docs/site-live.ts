/**
 * `specsmith docs dev` follows its inputs: each save of the spec, a file it $refs, an overlay or the
 * config makes the pages again and rewrites, in the site's source folder, only the files whose
 * content changed. VitePress's dev server shows an edited page in place (a hot update of that page
 * alone) and restarts itself when the config (the sidebar) changed. The SDKs are generated in memory
 * with a memo per target, as `generate --watch` does: a save that edits one operation renders that
 * operation's files, not the whole SDK.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../write/file.js";

/** A site's source folder as specsmith last wrote it: each file's path (relative) and content. */
export class LiveSource {
  constructor(
    readonly src: string,
    private files: Map<string, string | Buffer>,
  ) {}

  /**
   * Makes the folder hold `next`: writes each file whose content differs (a text through a
   * temporary file, so the dev server never reads half a page), removes each file `next` no longer
   * has (and a folder it leaves empty). Returns the paths changed, in that order.
   */
  update(next: Map<string, string | Buffer>): string[] {
    const changed: string[] = [];
    for (const [path, content] of next) {
      const was = this.files.get(path);
      if (was !== undefined && same(was, content)) continue;
      const to = join(this.src, path);
      if (typeof content !== "string") write(to, content);
      else {
        mkdirSync(dirname(to), { recursive: true });
        writeFileAtomic(to, content);
      }
      changed.push(path);
    }
    for (const path of this.files.keys()) {
      if (next.has(path)) continue;
      rmSync(join(this.src, path), { force: true });
      removeEmptyFolders(this.src, dirname(path));
      changed.push(path);
    }
    this.files = next;
    return changed;
  }
}

function same(a: string | Buffer, b: string | Buffer): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.equals(b);
}

/** Removes `dir` (relative to `root`) and its parents while they are empty, up to `root`. */
function removeEmptyFolders(root: string, dir: string): void {
  for (let d = dir; d !== "." && d !== "" && d !== "/"; d = dirname(d)) {
    try {
      if (readdirSync(join(root, d)).length > 0) return;
      rmdirSync(join(root, d));
    } catch {
      return;
    }
  }
}

/** Writes a file of a site's source, making its folder. */
export function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
