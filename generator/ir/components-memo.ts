/**
 * `generate --watch`: the models of the spec's component schemas, kept from one save to the next.
 * A save that did not touch `components` leaves it the same (frozen) object (json-delta.ts), and
 * building the component schemas is a function of that object, of the names the lock holds, and of
 * whatever the schemas' `$ref`s lead to. When those refs all lead inside `components` and the build
 * warned of nothing (a warning's line and column come from the whole text), the next build with the
 * same `components` and held names takes a copy of what this one made (SchemaConverter
 * restoreComponents) instead of building the schemas again: GitHub's 150 ms of a save's IR, for an
 * edit to an operation.
 */
import type { Resolver } from "../load/document.js";
import type { NameRecord } from "./names.js";
import type { ComponentsState, SchemaConverter } from "./schema.js";

export class ComponentsMemo {
  private last: { components: object; held: NameRecord | undefined; heldText: string; state: ComponentsState } | undefined;
  /** How the last build's components were made: taken from the memo, or built (tests read it). */
  lastBuild: "recalled" | "built" | undefined;

  /** The components' state when `components` and `held` are what the kept state was made from. */
  recall(components: unknown, held: NameRecord | undefined): ComponentsState | undefined {
    const last = this.last;
    // Two targets' held names are merged anew each run (release/lock.ts heldNames): the same names, another object.
    const hit = last !== undefined && last.components === components && (last.held === held || last.heldText === JSON.stringify(held ?? null));
    this.lastBuild = hit ? "recalled" : "built";
    return hit ? last.state : undefined;
  }

  /**
   * Builds the components with `build`, and keeps what they made for the next save when nothing they
   * read can change without `components` changing.
   */
  build(components: unknown, held: NameRecord | undefined, resolver: Resolver, schemas: SchemaConverter, build: () => void): void {
    let outside = false;
    const root = resolver.root;
    resolver.observe = (loc) => {
      if (loc.file !== root || loc.path[0] !== "components") outside = true;
    };
    try {
      build();
    } finally {
      resolver.observe = undefined;
    }
    const keep = !outside && schemas.warnings.length === 0 && components !== null && typeof components === "object" && Object.isFrozen(components);
    this.last = keep ? { components, held, heldText: JSON.stringify(held ?? null), state: schemas.componentsState() } : undefined;
  }
}
