/** A semver version in the form Python packaging takes (PEP 440): pre-releases and local versions mapped. */

const PRE: Record<string, string> = { alpha: "a", a: "a", beta: "b", b: "b", rc: "rc", c: "rc", dev: ".dev" };

/** `1.2.0` → `1.2.0`, `1.2.0-beta.1` → `1.2.0b1`, `1.2.0-rc` → `1.2.0rc0`, `1.2.0+build.5` → `1.2.0+build.5`; undefined when there is no such form. */
export function pep440(version: string): string | undefined {
  const m = /^(\d+\.\d+\.\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version);
  if (!m) return undefined;
  const [, release, pre, build] = m;
  let out = release;
  if (pre !== undefined) {
    const p = /^(alpha|beta|rc|dev|a|b|c)(?:[.-]?(\d+))?$/i.exec(pre);
    if (!p) return undefined;
    out += `${PRE[p[1].toLowerCase()]}${Number(p[2] ?? 0)}`;
  }
  // A local version label: alphanumerics separated by dots.
  if (build !== undefined) out += `+${build.replace(/-/g, ".").toLowerCase()}`;
  return out;
}
