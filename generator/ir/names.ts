/** Case conversion and clash-free naming, shared by the IR and every target's planner. */

/** Splits an identifier or phrase into lower-case words: "CreateActorToken" → create, actor, token. */
export function words(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function pascalCase(input: string): string {
  const out = words(input).map(cap).join("");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

export function camelCase(input: string): string {
  const ws = words(input);
  const out = ws.map((w, i) => (i === 0 ? w : cap(w))).join("");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

export function snakeCase(input: string): string {
  const out = words(input).join("_");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

export function constantCase(input: string): string {
  return snakeCase(input).toUpperCase();
}

/**
 * Hands out unique names: the first request for a name gets it, later ones get a numeric suffix.
 * Comparison is case-insensitive so names that differ only in case (which collide on
 * case-insensitive file systems, where each model gets a file) are kept apart.
 */
export class NameScope {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${wanted}${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
