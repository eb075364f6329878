/**
 * The targets specsmith generates, in the order they are listed and run. Adding a language is one line
 * here and a folder of its own; `generate`, `diff`, `config` and `docs` take a registry and never name
 * a target.
 */
import { python } from "./python/target.js";
import type { AnyTarget } from "./target.js";
import { typescript } from "./typescript/target.js";

export type Registry = readonly AnyTarget[];

export const TARGETS: Registry = [typescript, python];

/** The target called `name` in `registry`; undefined when there is none. */
export function findTarget(registry: Registry, name: string): AnyTarget | undefined {
  return registry.find((t) => t.name === name);
}

export function targetNames(registry: Registry): string[] {
  return registry.map((t) => t.name);
}
