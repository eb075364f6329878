/**
 * A regeneration as a release: the new surface against the lock's decides the semver bump; the
 * version goes into the package, and an entry into CHANGELOG.md.
 */
import inc from "semver/functions/inc.js";
import major from "semver/functions/major.js";
import { bumpOf, diffSurfaces, type Bump, type Change } from "./classify.js";
import type { LockFile, LockHead } from "./lock.js";
import type { Surface } from "./surface.js";
import type { TypeRules } from "./types.js";

export interface Release {
  /** The SDK version this generation writes. */
  version: string;
  bump: Bump;
  changes: Change[];
  /** The SDK surface this generation records in the lock (a huge generation's, moved out of memory once the release is decided). */
  surface: Surface | MovedSurface;
  /**
   * The lock of the previous generation, if there was one (a huge generation's without its surface,
   * once compared: see movedOut in generate.ts).
   */
  previous?: LockHead;
  /** Why the version is what it is, for the changelog and the CLI. */
  reason: "first" | "bump" | "config" | "unchanged" | "held" | "code";
}

/** Text kept out of memory (off-heap.ts `stash`), read back as it was written: as bytes, a buffer at a time, or as text. */
export interface TextOutside {
  bytes(): Iterable<Uint8Array>;
  text(): Iterable<string>;
}

/** A surface moved out of memory: its entry in the lock (lock.ts surfacePieces), and its size for the changelog. */
export interface MovedSurface {
  entry: TextOutside;
  methods: number;
  models: number;
}

/**
 * The config's version is where versioning starts; while it stays as the lock recorded it, each
 * generation bumps from the last released version. A version the user sets wins.
 */
export function planRelease(configVersion: string, surface: Surface, previous: LockFile | undefined, rules: TypeRules): Release {
  if (!previous) return { version: configVersion, bump: "none", changes: [], surface, reason: "first" };
  const changes = diffSurfaces(previous.surface, surface, rules);
  const bump = bumpOf(changes);
  if (configVersion !== previous.configVersion) return { version: configVersion, bump, changes, surface, previous, reason: "config" };
  if (bump === "none") return { version: previous.version, bump, changes, surface, previous, reason: "unchanged" };
  return { version: bumpVersion(previous.version, bump), bump, changes, surface, previous, reason: "bump" };
}

/**
 * A release with no change to the surface, whose code (`code`, see LockFile.code) differs from what
 * the last generation wrote: a patch, so that a package's version never stands for two contents.
 * Anything else is returned as it is.
 */
export function codeRelease(release: Release, code: string): Release {
  const previous = release.previous;
  if (release.reason !== "unchanged" || !previous?.code || previous.code === code) return release;
  return { ...release, version: bumpVersion(previous.version, "patch"), bump: "patch", reason: "code" };
}

/** The next version; below 1.0.0 a breaking change bumps the minor and anything else the patch. */
export function bumpVersion(version: string, bump: Exclude<Bump, "none">): string {
  const initial = major(version) === 0;
  const level = initial ? (bump === "major" ? "minor" : "patch") : bump;
  return inc(version, level) ?? version;
}

/** The date of a release: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC). */
export function releaseDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const d = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return d.toISOString().slice(0, 10);
}
