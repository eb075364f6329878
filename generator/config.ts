/** spec/specsmith.yaml: which spec to read and which targets to generate where. */
import { dirname, resolve } from "node:path";
import { SpecError, UsageError, pointerOf, type Diagnostic } from "./diagnostics.js";
import { pascalCase } from "./ir/names.js";
import { SourceFile } from "./load/source.js";
import { PY_KEYWORDS } from "./targets/python/plan.js";
import { isWithin } from "./write/paths.js";

export const TARGETS = ["typescript", "python"] as const;
export type TargetName = (typeof TARGETS)[number];

export interface TargetConfig {
  name: TargetName;
  out: string;
  packageName: string;
  sdkClass: string;
  version: string;
  /**
   * A header (e.g. Idempotency-Key) the SDK sends with a fresh key on every POST and PATCH, the same
   * key on each retry of one call, so a retried request cannot take effect twice (as Stainless does).
   */
  idempotencyHeader?: string;
}

export interface Config {
  spec: string;
  /** OpenAPI Overlays applied to the spec, in order (paths resolved). */
  overlays: string[];
  /** Where each generation writes the code-samples overlay (x-codeSamples for API-reference tools). */
  codeSamples?: string;
  targets: TargetConfig[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

const TS_RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with implements interface let package private protected public static yield any boolean number string symbol undefined never unknown object".split(
    " ",
  ),
);

/** Why `value` cannot be the `key` setting of target `name`, or undefined if it can. */
export function targetSettingProblem(name: TargetName, key: "packageName" | "sdkClass" | "version", value: string): string | undefined {
  switch (key) {
    case "packageName":
      if (name === "python") {
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value) || PY_KEYWORDS.has(value)) return `"${value}" is not a Python package name (letters, digits and _, not starting with a digit, not a keyword)`;
      } else if (value.length > 214 || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(value)) {
        return `"${value}" is not an npm package name (lower-case letters, digits, - . _ ~, optionally @scope/)`;
      }
      return undefined;
    case "sdkClass":
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value) || PY_KEYWORDS.has(value) || TS_RESERVED.has(value))
        return `"${value}" is not a class name (letters, digits and _, not starting with a digit, not a keyword)`;
      return undefined;
    case "version":
      if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(value)) return `"${value}" is not a semantic version like 1.2.3`;
      return undefined;
  }
}

/** Pairs of targets whose output folders are the same or nested: one would delete the other's files. */
export function overlappingTargets(targets: TargetConfig[]): [TargetConfig, TargetConfig][] {
  const pairs: [TargetConfig, TargetConfig][] = [];
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      if (isWithin(targets[i].out, targets[j].out) || isWithin(targets[j].out, targets[i].out)) pairs.push([targets[i], targets[j]]);
    }
  }
  return pairs;
}

export function loadConfig(path: string): Config {
  const file = SourceFile.read(resolve(path));
  const base = dirname(file.path);
  const errors: Diagnostic[] = [];
  const err = (p: (string | number)[], message: string, hint: string) => {
    const pos = file.locate(p);
    errors.push({ severity: "error", file: file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(p), message, hint });
  };
  const data = file.data;
  if (!isObj(data))
    throw new SpecError([{ severity: "error", file: file.displayPath, line: 1, column: 1, pointer: "#", message: "the configuration is not a map", hint: "write `spec:` and `targets:` keys" }]);
  if (typeof data.spec !== "string") err([], "missing `spec`", "set `spec:` to the OpenAPI document's path, relative to this file");
  const overlays = Array.isArray(data.overlays) ? data.overlays : data.overlays === undefined ? [] : undefined;
  if (!overlays || overlays.some((o) => typeof o !== "string" || o === ""))
    err(["overlays"], "`overlays` must be a list of overlay file paths", "e.g. overlays: [overlays/examples.yaml, overlays/fixes.yaml], relative to this file");
  const targets: TargetConfig[] = [];
  if (!isObj(data.targets)) err([], "missing `targets`", "add `targets:` with a `typescript:` or `python:` entry");
  else {
    for (const [name, raw] of Object.entries(data.targets)) {
      if (!(TARGETS as readonly string[]).includes(name)) {
        err(["targets", name], `unknown target "${name}"`, `targets are: ${TARGETS.join(", ")}`);
        continue;
      }
      const t = isObj(raw) ? raw : {};
      for (const key of ["out", "packageName", "sdkClass"]) {
        if (typeof t[key] !== "string" || t[key] === "") err(["targets", name], `target ${name} needs \`${key}\``, `add \`${key}:\` under targets.${name}`);
      }
      if (t.idempotencyHeader !== undefined && (typeof t.idempotencyHeader !== "string" || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(t.idempotencyHeader))) {
        err(["targets", name, "idempotencyHeader"], "`idempotencyHeader` must be a header name", "e.g. idempotencyHeader: Idempotency-Key");
      }
      for (const key of ["packageName", "sdkClass", "version"] as const) {
        if (typeof t[key] !== "string" || t[key] === "") continue;
        const problem = targetSettingProblem(name as TargetName, key, t[key] as string);
        if (problem) err(["targets", name, key], problem, `change targets.${name}.${key}`);
      }
      targets.push({
        name: name as TargetName,
        out: resolve(base, String(t.out ?? "")),
        packageName: String(t.packageName ?? ""),
        sdkClass: String(t.sdkClass ?? ""),
        version: typeof t.version === "string" ? t.version : "0.1.0",
        ...(typeof t.idempotencyHeader === "string" ? { idempotencyHeader: t.idempotencyHeader } : {}),
      });
    }
  }
  const samples = typeof data.codeSamples === "string" ? resolve(base, data.codeSamples) : undefined;
  const holder = samples ? targets.find((t) => isWithin(t.out, samples)) : undefined;
  if (holder)
    err(
      ["codeSamples"],
      `the code-samples overlay would be written inside the ${holder.name} target's folder (${holder.out})`,
      "write it beside the SDK folders, e.g. ../generated/code-samples.overlay.yaml",
    );
  for (const [a, b] of overlappingTargets(targets)) {
    err(
      ["targets", b.name, "out"],
      `targets ${a.name} and ${b.name} write into overlapping folders (${a.out} and ${b.out}), so each run would delete the other's files`,
      "give each target its own folder, neither inside the other",
    );
  }
  if (errors.length) throw new SpecError(errors);
  return {
    spec: resolve(base, data.spec as string),
    overlays: (overlays as string[]).map((o) => resolve(base, o)),
    ...(typeof data.codeSamples === "string" ? { codeSamples: resolve(base, data.codeSamples) } : {}),
    targets,
  };
}

/**
 * A target for a spec given on the command line: package and class names from the flags, else from
 * the spec's file name (`clerk-bapi.yaml`: `clerk-bapi` / `clerk_bapi`, class `ClerkBapi`).
 */
export function derivedTarget(name: TargetName, spec: string, out: string, flags: { packageName?: string; sdkClass?: string }): TargetConfig {
  const stem = spec.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, "");
  const derived = name === "python" ? stem.toLowerCase().replace(/[^a-z0-9]+/g, "_") : stem.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  const target: TargetConfig = {
    name,
    out,
    packageName: flags.packageName ?? (targetSettingProblem(name, "packageName", derived) ? "sdk" : derived),
    sdkClass: flags.sdkClass ?? (targetSettingProblem(name, "sdkClass", pascalCase(stem)) ? "SDK" : pascalCase(stem)),
    version: "0.1.0",
  };
  for (const key of ["packageName", "sdkClass"] as const) {
    const problem = targetSettingProblem(name, key, target[key]);
    if (problem) throw new UsageError(`--${key === "packageName" ? "package-name" : "sdk-class"}: ${problem}`);
  }
  return target;
}
