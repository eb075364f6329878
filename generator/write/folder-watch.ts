/**
 * `generate --watch`: which generated files something may have touched since the last save looked
 * at them, from a watch on each folder that holds some (fs.watch, one inotify watch per folder on
 * Linux). A save then stats only those, and the files it may write, instead of all of them: on
 * GitHub's SDK, 18,000 `lstat` calls took about 100 ms of every save.
 *
 * A file counts as untouched only when its folder's watch was already running at the previous
 * committed look (a save that went through), so that every change since then (the user's, an
 * editor's, a checkout's) reached it, and that save looked at the file itself or trusted it in
 * turn: a watch started after that sees nothing of what came before it. A look given the files
 * starts the watches they lack, so that trust begins with the first save (or with the up-to-date
 * check a watching run starts with); a save that fails leaves the trust where the last committed one
 * put it, and a folder a save creates is trusted two saves later. Whatever happens in a folder, to
 * a folder above it (removed, renamed, replaced) or to the output folder itself, and any watch that
 * fails, makes its files be looked at again. An event the operating system delivers late only
 * delays that by a save: a file a save writes is always looked at, so nothing the user wrote is ever
 * replaced unseen.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, join } from "node:path";

export class FolderWatch {
  /** Each watched folder (relative to the output folder, "" for itself), and its watch. */
  private readonly watchers = new Map<string, FSWatcher>();
  /** Paths (files and folders) an event named since the last look. */
  private touched = new Set<string>();
  /** The watches running when the last committed look began (a folder watched again since has a new one). */
  private verified = new Set<FSWatcher>();
  /** The watches running when the current look began, or started by it: verified once its save is committed. */
  private lookedWith: Set<FSWatcher> | undefined;
  /** The output folder's identity when watched: replaced, nothing in it is known. */
  private identity: string | undefined;
  /** What the last look took as touched, until its save is committed. */
  private looking: Set<string> | undefined;
  /** The output folder as last followed: an event on the folder itself names it by its own name. */
  private root = "";

  /**
   * Begins a save's look at `root`: whether a path is certainly as it was at the last committed look
   * (or as that save wrote it). Events from now on count for the next look; those before it count
   * again if this save is not committed (`follow` is not called). `paths`: the files the save will
   * look at (relative to `root`), whose folders are watched from now on if they are not yet.
   */
  look(root: string, paths?: Iterable<string>): (path: string) => boolean {
    const touched = this.touched;
    if (this.looking) for (const p of this.looking) touched.add(p);
    this.looking = touched;
    this.touched = new Set();
    const same = identityOf(root) === this.identity;
    const trusted = new Set([...this.watchers].filter(([, w]) => same && this.verified.has(w)).map(([dir]) => dir));
    if (paths !== undefined) this.watchFolders(root, paths, false);
    this.lookedWith = new Set(this.watchers.values());
    if (!trusted.has("") || touched.has("")) return () => false;
    // Each folder's verdict once per look: GitHub's 18,000 files sit in 67 folders.
    const folders = new Map<string, boolean>();
    const folderUntouched = (dir: string): boolean => {
      let ok = folders.get(dir);
      if (ok === undefined) {
        const up = dir.lastIndexOf("/");
        ok = !touched.has(dir) && trusted.has(dir) && (up === -1 || folderUntouched(dir.slice(0, up)));
        folders.set(dir, ok);
      }
      return ok;
    };
    return (path) => {
      if (touched.has(path)) return false;
      const i = path.lastIndexOf("/");
      return i === -1 || folderUntouched(path.slice(0, i));
    };
  }

  /**
   * After a save's commit: the watches its look began with are trusted by the next look; every folder
   * of `paths` (files relative to `root`) is watched, and only those.
   */
  follow(root: string, paths: Iterable<string>): void {
    this.looking = undefined;
    if (this.lookedWith) this.verified = this.lookedWith;
    this.lookedWith = undefined;
    this.watchFolders(root, paths, true);
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.verified = new Set();
    this.lookedWith = undefined;
    this.identity = undefined;
  }

  /** Watches the folders of `paths` not watched yet (`only`: and ends the watches of every other folder). */
  private watchFolders(root: string, paths: Iterable<string>, only: boolean): void {
    this.root = root;
    const identity = identityOf(root);
    if (identity !== this.identity) {
      this.close();
      this.identity = identity;
    }
    const folders = new Set<string>([""]);
    for (const p of paths) for (let i = p.indexOf("/"); i !== -1; i = p.indexOf("/", i + 1)) folders.add(p.slice(0, i));
    if (only) {
      for (const [dir, w] of this.watchers) {
        if (folders.has(dir)) continue;
        w.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of folders) if (!this.watchers.has(dir)) this.start(root, dir);
  }

  private start(root: string, dir: string): void {
    let w: FSWatcher;
    try {
      // Not persistent: a watch of the output never keeps the process alive.
      w = watch(dir === "" ? root : join(root, dir), { persistent: false }, (_event, name) => this.event(dir, name));
    } catch {
      // Gone, not a folder, or out of watches: its files are stat'd as before.
      return;
    }
    w.on("error", () => this.drop(dir));
    this.watchers.set(dir, w);
  }

  /** An event in `dir`: the path it names is touched; a folder it names loses its watches (re-made after the save). */
  private event(dir: string, name: string | Buffer | null): void {
    if (name === null) {
      // Some platforms give no name: the whole folder counts as touched.
      this.touched.add(dir);
      return;
    }
    const path = dir === "" ? String(name) : `${dir}/${String(name)}`;
    this.touched.add(path);
    // An event on the watched folder itself (removed, moved) names the folder by its own name.
    if (String(name) === basename(dir === "" ? this.root : dir)) this.touched.add(dir);
    for (const watched of [...this.watchers.keys()]) if (watched === path || watched.startsWith(`${path}/`)) this.drop(watched);
  }

  /** A folder whose watch ended or failed: touched, and watched again from the next save on. */
  private drop(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
    this.touched.add(dir);
  }
}

/** Which folder `root` is (device and inode): a folder replaced by another of the same name is not the one watched. */
function identityOf(root: string): string | undefined {
  try {
    const st = statSync(root);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}
