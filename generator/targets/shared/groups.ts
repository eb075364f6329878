/**
 * Resource groups as both targets lay them out: a tree (a dotted `x-speakeasy-group` nests, as
 * `sdk.beta.conversations`), top-level groups named first so that a nested group never takes a name
 * an unnested one had before nesting existed.
 */
import { pascalCase } from "../../ir/names.js";
import type { Group } from "../../ir/types.js";

/** The groups, top level first, then each deeper level (stable within a level): the order names are claimed in. */
export function byDepth(groups: Group[]): Group[] {
  return [...groups].sort((a, b) => a.path.length - b.path.length);
}

/**
 * Each group's class name: a top-level group's from its title (`ActorTokens`); a nested one's from
 * its last level (`Conversations`) while that is free, else from its whole path (`BetaConversations`).
 * `claim` resolves what is left (a numbered or suffixed name, by the target's rule).
 */
export function groupClassNames(groups: Group[], free: (name: string) => boolean, claim: (name: string) => string): Map<string, string> {
  const names = new Map<string, string>();
  for (const g of byDepth(groups)) {
    const whole = pascalCase(g.title) || "Resource";
    const last = pascalCase(g.path[g.path.length - 1] ?? "");
    names.set(g.name, claim(g.path.length > 1 && last && free(last) ? last : whole));
  }
  return names;
}

/** The last level of a group's path: its getter's and its files' stem. */
export function lastLevel(g: Group): string {
  return g.path[g.path.length - 1] ?? g.name;
}

/** A group's children, in the spec's order. */
export function childrenOf<G extends { ir: Group }>(groups: G[], parent: G): G[] {
  return groups.filter((g) => g.ir.parent === parent.ir.name);
}
