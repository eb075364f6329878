/**
 * `generate --watch`: reruns when any of a set of files changes. Folders are watched, not the files:
 * an editor that saves by writing a temporary file and renaming it over the original replaces the
 * file's inode, and a watch on the old inode would never fire again. A folder not there yet is waited
 * for from the nearest folder above it that is.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * How long a run waits after the last event: an editor's save is one write, or a write and a rename,
 * within a few milliseconds; every millisecond here is one more between a save and the SDK.
 */
export const SETTLE_MS = 25;
/**
 * Then how long its files must keep their size and mtime: one long write (GitHub's 13 MB in one
 * call) raises its event as it starts (the truncation), and a run then would read half a file.
 */
const STEADY_MS = 10;

/**
 * Calls `run` (debounced) whenever a file in `files` is written, created, replaced or removed.
 * `run` returns the files to watch from then on (a spec may $ref new files), and may say whether any
 * of them changed after it read it (`changed`): a file in a folder it found is watched only once it
 * ended, so a save there while it ran raised no event. It must not throw.
 * `superseded()` tells a run whether a file changed again since it began (it then runs again): a
 * failure it met may come from a file read half-written, and need not be reported. `now`: run at
 * once as well, under the watch. `readBefore`: whether any of `files` differs from what the caller
 * read before the watch began (a first build made outside it); then a run follows at once.
 */
export function watchFiles(files: string[], run: (superseded: () => boolean) => Promise<string[] | RunRead>, opts: { now?: boolean; readBefore?: RunRead["changed"] } = {}): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;

  const trigger = () => {
    // A change while a run is under way supersedes it now, not one settle later: a run that held
    // the thread until it failed asks after one settle too, and would be told of no change.
    if (running) again = true;
    clearTimeout(timer);
    timer = setTimeout(fire, SETTLE_MS);
  };
  const fire = async () => {
    if (running) {
      again = true;
      return;
    }
    const before = stamps();
    await new Promise((r) => setTimeout(r, STEADY_MS));
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    if (stamps() !== before) return trigger();
    running = true;
    try {
      const read = await run(() => again);
      // Closed while it ran: nothing more is watched.
      if (closed) return;
      const found = update(Array.isArray(read) ? read : read.files);
      // A save to a file of a folder this run found (a new $ref's) came before the folder's watch.
      if (!Array.isArray(read) && ((found.length > 0 && read.changed(found)) || read.again === true)) again = true;
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        trigger();
      }
    }
  };
  /** The watched files' sizes and mtimes, as one string. */
  const stamps = () => [...wanted].flatMap(([dir, names]) => [...names].map((n) => stampOf(join(dir, n)))).join(" ");
  /** The files last asked for, for a folder that appears to be watched at once. */
  let current: string[] = [];
  /** Watches the folders of `list` (and no others); returns the files of the folders watched anew. */
  const update = (list: string[]): string[] => {
    current = list;
    wanted = new Map();
    for (const f of list) {
      const dir = dirname(f);
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(f));
    }
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    const anew = new Set<string>();
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      // Some platforms give no name: then any change in the folder counts.
      const w = watchFolder(dir, dir, (name) => name === null || wanted.get(dir)?.has(name) === true, trigger);
      if (w) anew.add(dir);
      const watcher = w ?? awaitFolder(dir);
      if (watcher) watchers.set(dir, watcher);
    }
    return list.filter((f) => anew.has(dirname(f)));
  };
  /**
   * A folder not there yet (an output folder before its first generation, a $ref'd file's new folder):
   * its nearest existing ancestor is watched for the next step towards it. Once that appears, the
   * folder is watched again from there, and a run reads whatever was written meanwhile.
   */
  const awaitFolder = (dir: string): FSWatcher | undefined => {
    for (let child = dir, parent = dirname(dir); parent !== child; child = parent, parent = dirname(parent)) {
      if (!isFolder(parent)) continue;
      const next = basename(child);
      const appeared = () => {
        watchers.get(dir)?.close();
        watchers.delete(dir);
        update(current);
        trigger();
      };
      const w = watchFolder(parent, dir, (name) => name === null || name === next, appeared);
      // Made between the look and the watch: no event will say so.
      if (w && isFolder(child)) queueMicrotask(appeared);
      return w;
    }
    return undefined;
  };
  /** A watch on `folder`, kept as `dir`'s, calling `changed` for each event whose file name `counts`; undefined when it cannot be watched. */
  const watchFolder = (folder: string, dir: string, counts: (name: string | null) => boolean, changed: () => void): FSWatcher | undefined => {
    try {
      const w = watch(folder, (_event, name) => {
        if (counts(name === null ? null : String(name))) changed();
      });
      // A folder that disappears ends its watcher; the next update makes a new one.
      w.on("error", () => {
        w.close();
        if (watchers.get(dir) === w) watchers.delete(dir);
      });
      return w;
    } catch {
      // the folder is gone or unreadable: it is tried again after the next run
      return undefined;
    }
  };
  update(files);
  // `now`: the first run too, under the watch: a save while it reads the files runs it again (a
  // watch begun after it would miss that save, and the files would stay as the run read them).
  if (opts.now) void fire();
  // A save between the caller's read and the watch raised no event: the files tell.
  else if (opts.readBefore?.(files)) trigger();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** What a run read: the files to watch from then on, and whether any of `files` differs from what it read. */
export interface RunRead {
  files: string[];
  changed(files: string[]): boolean;
  /**
   * Run again at once: the run read a file while it was written. Its event may not come: the file
   * may be one the run found in a folder not watched yet, and the run that failed found nothing.
   */
  again?: boolean;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

function stampOf(path: string): string {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? `${st.size}:${st.mtimeMs}` : "-";
  } catch {
    return "?";
  }
}
