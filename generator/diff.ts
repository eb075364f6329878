/**
 * `specsmith diff OLD NEW`: the SDK changes between two versions of a spec, per target, in each
 * target's own names, and the semver bump they call for. Nothing is written.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { derivedTarget, loadConfig, type TargetConfig } from "./config.js";
import { TARGETS, findTarget, targetNames, type Registry } from "./targets/registry.js";
import { loadApi } from "./api.js";
import { bumpOf, diffSurfaces, type Bump, type Change } from "./release/classify.js";
import { heldNames, readLockFile } from "./release/lock.js";
import type { NameRecord } from "./ir/names.js";

export interface DiffFlags {
  overlay: string[];
  target?: string;
  json?: boolean;
  failOn?: "breaking";
  config: string;
  packageName?: string;
  sdkClass?: string;
}

export interface TargetDiff {
  target: string;
  bump: Bump;
  changes: Change[];
}

/** Exit code 4: `--fail-on breaking` found a breaking change. */
export const EXIT_BREAKING = 4;

/**
 * `held`: the names the configured SDKs' locks record (heldNames), so that both specs are named as
 * those SDKs name them: the old one as they are, the new one as a regeneration would name it.
 */
export function diffSpecs(
  oldSpec: string,
  newSpec: string,
  targets: Pick<TargetConfig, "name" | "packageName" | "sdkClass" | "version">[],
  overlays: string[] = [],
  registry: Registry = TARGETS,
  held?: NameRecord,
): TargetDiff[] {
  const before = loadApi(resolve(oldSpec), overlays, undefined, held).api;
  // Named as a regeneration would name it: keeping the names the old spec's generation gave.
  const after = loadApi(resolve(newSpec), overlays, undefined, before.names).api;
  return targets.map((t) => {
    const target = findTarget(registry, t.name)!;
    const old = target.plan(before, t);
    // The target's own names too (Speakeasy's aliases), as its lock would hold them.
    const planned = target.plan({ ...after, held: { ...before.held, ...before.names, ...old.names } }, t);
    const changes = diffSurfaces(target.surface(old), target.surface(planned), target.typeRules);
    return { target: t.name, bump: bumpOf(changes), changes };
  });
}

/**
 * The targets whose names the diff uses and the overlays it applies: the config's (when it exists),
 * with the flags' names winning and their overlays after the config's.
 */
function diffSetup(newSpec: string, flags: DiffFlags): { targets: TargetConfig[]; overlays: string[] } {
  const names = flags.target ? [flags.target] : undefined;
  const extra = flags.overlay.map((o) => resolve(o));
  if (existsSync(flags.config)) {
    const config = loadConfig(flags.config);
    const configured = config.targets.filter((t) => !names || names.includes(t.name));
    const wanted = names ?? configured.map((t) => t.name);
    const targets = wanted.map((name) => {
      const c = configured.find((t) => t.name === name);
      return c ? { ...c, packageName: flags.packageName ?? c.packageName, sdkClass: flags.sdkClass ?? c.sdkClass } : derivedTarget(name, resolve(newSpec), "", flags);
    });
    return { targets, overlays: [...config.overlays, ...extra] };
  }
  return { targets: (names ?? targetNames(TARGETS)).map((name) => derivedTarget(name, resolve(newSpec), "", flags)), overlays: extra };
}

export async function runDiff(oldSpec: string, newSpec: string, flags: DiffFlags, print: (text: string) => void): Promise<number> {
  const { targets, overlays } = diffSetup(newSpec, flags);
  // A configured SDK's folder (a derived target has none) names the specs as its lock does.
  const locks = targets.map((t) => (t.out ? readLockFile(t.out, t.name) : undefined));
  const results = diffSpecs(oldSpec, newSpec, targets, overlays, TARGETS, heldNames(locks));
  if (flags.json) {
    const json = results.map((r) => ({ target: r.target, bump: r.bump, changes: r.changes.map(({ link: _link, ...c }) => c) }));
    print(JSON.stringify(flags.target ? json[0] : json, null, 2) + "\n");
  } else {
    print(results.map(diffText).join("\n"));
  }
  return flags.failOn === "breaking" && results.some((r) => r.changes.some((c) => c.breaking)) ? EXIT_BREAKING : 0;
}

/** The changes of one target as lines a reviewer reads: section, kind, symbol (operationId), detail. */
export function diffText(r: TargetDiff): string {
  const count = (s: string) => r.changes.filter((c) => c.section === s).length;
  const head = `${r.target}: ${r.bump === "none" ? "no changes" : `${r.bump} (${count("breaking")} breaking, ${count("added")} added, ${count("changed")} changed, ${count("docs")} docs)`}`;
  const order = ["breaking", "added", "changed", "docs"];
  // Methods before models within each section.
  const rank = (c: Change) => order.indexOf(c.section) * 2 + (c.operationId === undefined ? 1 : 0);
  const sorted = [...r.changes].sort((a, b) => rank(a) - rank(b));
  const lines = sorted.map((c) => `  ${c.section.padEnd(8)} ${c.kind.padEnd(7)} ${c.symbol}${c.operationId ? ` (${c.operationId})` : ""}: ${c.detail}`);
  return [head, ...lines].join("\n") + "\n";
}
