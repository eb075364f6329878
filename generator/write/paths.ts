/**
 * Output paths: every path a target emits is checked before anything is written, so a hostile name
 * (or a planner bug) can never write outside the output folder or fail half-way on a file system limit.
 */
import { lstatSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** Longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const NAME_MAX = 255;
/** Longest path we write below the output folder; leaves room for the folder itself under PATH_MAX 4096. */
export const REL_PATH_MAX = 1024;

/** Why `rel` is not a safe relative output path, or undefined when it is. */
export function unsafePathReason(rel: string): string | undefined {
  if (safePaths.has(rel)) return undefined;
  const reason = whyUnsafe(rel);
  if (reason === undefined) {
    if (safePaths.size >= SAFE_PATHS_KEPT) safePaths.clear();
    safePaths.add(rel);
  }
  return reason;
}

/**
 * Paths found safe (a pure function's results, bounded): a run asks of each of GitHub's 18,000
 * paths several times (the plan, the manifest, the stat index, the writer).
 */
const safePaths = new Set<string>();
const SAFE_PATHS_KEPT = 100_000;

/**
 * The shape of almost every generated path, safe on its face: ASCII names of letters, digits, `_` and
 * `-` joined by dots (inside a name) and slashes, no longer than a name may be. One test instead of
 * the checks below, for each of GitHub's 18,000 paths.
 */
const PLAIN_PATH = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*(?:\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)*$/;

function whyUnsafe(rel: string): string | undefined {
  if (rel.length <= NAME_MAX && PLAIN_PATH.test(rel)) return undefined;
  if (rel === "") return "the path is empty";
  if (Buffer.byteLength(rel) > REL_PATH_MAX) return `the path is longer than ${REL_PATH_MAX} bytes`;
  if (rel.startsWith("/") || /^[A-Za-z]:/.test(rel)) return "the path is absolute";
  // Characters Windows forbids in names, backslashes, and control characters.
  if (/[\u0000-\u001f\u007f<>:"|?*\\]/.test(rel)) return "the path holds a character file systems refuse";
  for (const segment of rel.split("/")) {
    if (segment === "" || segment === "." || segment === "..") return `the path has a "${segment}" segment`;
    if (Buffer.byteLength(segment) > NAME_MAX) return `the name "${segment.slice(0, 40)}…" is longer than ${NAME_MAX} bytes`;
    if (/[. ]$/.test(segment)) return `the name "${segment}" ends with a dot or a space`;
  }
  return undefined;
}

/**
 * Whether `rel`, a path read from state (manifest, journal), may be removed: a safe relative path whose
 * every folder on the way from `root` is a real folder, not a symlink (which could lead anywhere).
 */
export function removableUnder(root: string, rel: string): boolean {
  if (unsafePathReason(rel) !== undefined) return false;
  const parts = rel.split("/");
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory() || st.isSymbolicLink()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** True if `abs` is `root` or inside it (both already real paths). */
export function isWithin(root: string, abs: string): boolean {
  const r = relative(root, abs);
  return r === "" || (!r.startsWith(".." + sep) && r !== ".." && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r));
}

/**
 * Checks that no existing folder on the way from `root` to `rel` is a symlink leading out of `root`
 * (a symlinked `--out` itself is followed: `root` is its real path). Returns the offending folder.
 */
export function escapingAncestor(root: string, rel: string, cache: Map<string, boolean>, tree: ReadonlyMap<string, string>): string | undefined {
  let dir = dirname(rel);
  const chain: string[] = [];
  while (dir !== "." && dir !== "") {
    chain.unshift(dir);
    dir = dirname(dir);
  }
  for (const d of chain) {
    let ok = cache.get(d);
    if (ok === undefined) {
      // Only a link needs a look: a missing folder will be created as a real one.
      if (tree.get(d) !== "link") ok = true;
      else {
        try {
          ok = isWithin(root, realpathSync(join(root, d)));
        } catch {
          ok = false; // a dangling link: nothing may be written through it
        }
      }
      cache.set(d, ok);
    }
    if (!ok) return d;
  }
  return undefined;
}
