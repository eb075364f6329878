/**
 * The run lock: one specsmith run writes an output folder at a time. The lock file also journals the
 * temporary files a run is about to create, so the next run can clean up after one that was killed.
 */
import { linkSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { MAX_STATE_BYTES, readText } from "./read.js";
import { removableUnder } from "./paths.js";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK = ".specsmith.lock";

interface LockData {
  pid: number;
  host: string;
  started: string;
  /** Temporary files (relative paths) this run may have created and not yet renamed. */
  temps: string[];
}

export class LockHeldError extends Error {
  override name = "LockHeldError";
}

export interface Lock {
  /** Records the temporary files about to be created (before creating them). */
  journal(temps: string[]): void;
  release(): void;
}

/**
 * Takes the lock of `root`. A lock left by a process that no longer runs on this machine is stale:
 * its journaled temporary files are removed and the lock is taken over.
 */
export function acquireLock(root: string): Lock {
  const path = join(root, LOCK);
  const mine: LockData = { pid: process.pid, host: hostname(), started: new Date().toISOString(), temps: [] };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole, then linked into place: link fails if a lock exists, so no run sees half a lock.
    const tmp = `${path}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(mine));
    try {
      linkSync(tmp, path);
      return lockHandle(path, mine);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
    const other = readLock(path);
    if (!other || isAlive(other)) throw held(root, other);
    takeOver(root, path, other);
  }
  throw held(root, readLock(path));
}

/** Moves a stale lock aside (so two runs cannot both take it over), then removes what its run left. */
function takeOver(root: string, path: string, stale: LockData): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another run moved it first
  }
  const moved = readLock(aside);
  if (!moved || moved.pid !== stale.pid || moved.started !== stale.started) {
    // A live run's fresh lock was moved: put it back.
    try {
      linkSync(aside, path);
    } catch {
      // someone holds the lock again; the next attempt reports it
    }
  } else {
    // Paths read from a file: only safe ones, with no symlink on the way, are removed.
    for (const t of stale.temps) if (typeof t === "string" && removableUnder(root, t)) rmSync(join(root, t), { force: true });
  }
  rmSync(aside, { force: true });
}

function lockHandle(path: string, data: LockData): Lock {
  return {
    journal(temps) {
      data.temps = temps;
      const tmp = `${path}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, path);
    },
    release() {
      rmSync(path, { force: true });
    },
  };
}

function readLock(path: string): LockData | undefined {
  try {
    const text = readText(path, MAX_STATE_BYTES);
    if (text === undefined) return undefined;
    const data = JSON.parse(text) as LockData;
    if (typeof data.pid !== "number" || !Array.isArray(data.temps)) return undefined;
    // Journaled names are ours (hidden temp files); anything else in a lock file is not trusted.
    data.temps = data.temps.filter((t) => typeof t === "string" && /(^|\/)\.[^/]+\.specsmith-tmp-\d+$/.test(t) && !t.split("/").includes(".."));
    return data;
  } catch {
    return undefined;
  }
}

/** Whether the locking process still runs; a lock from another machine is assumed live. */
function isAlive(data: LockData): boolean {
  if (data.host !== hostname()) return true;
  if (data.pid === process.pid) return false;
  return processAlive(data.pid);
}

/** Whether a process of this machine runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function held(root: string, other: LockData | undefined): LockHeldError {
  const who = other ? `specsmith (pid ${other.pid} on ${other.host}, since ${other.started})` : "another specsmith run";
  return new LockHeldError(`${root}: ${who} is writing this folder.\n` + `  hint: wait for it to finish; if no such run exists, delete ${join(root, LOCK)}`);
}
