/** spec/specsmith.yaml: which spec to read and which targets to generate where. */
import { dirname, resolve } from "node:path";
import valid from "semver/functions/valid.js";
import { SpecError, UsageError, pointerOf, type Diagnostic } from "./diagnostics.js";
import { pascalCase } from "./ir/names.js";
import { SourceFile } from "./load/source.js";
import { TARGETS, findTarget, targetNames, type Registry } from "./targets/registry.js";
import type { NamedSetting, TargetOptions } from "./targets/target.js";
import { isWithin } from "./write/paths.js";

/** One target of a generation: which one (its registry name), where it writes, and its options. */
export interface TargetConfig extends TargetOptions {
  name: string;
  out: string;
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

/** Why `value` cannot be the `key` setting of target `name`, or undefined if it can. */
export function targetSettingProblem(name: string, key: NamedSetting, value: string, registry: Registry = TARGETS): string | undefined {
  // A version is semver as npm's own parser reads it (strict: no leading zeros, no `v`), then what the target's ecosystem needs.
  if (key === "version" && valid(value) !== value) return `"${value}" is not a semantic version like 1.2.3 (no leading zeros; a pre-release like 1.2.3-beta.1)`;
  const target = findTarget(registry, name);
  return target ? target.settingProblem(key, value) : `unknown target "${name}"`;
}

/** `maxMethodParams`: a whole number from 0 to 100 (checked by the config and by `init`). */
export function isMaxMethodParams(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100;
}

/** `baseErrorName`: a class name in both languages (a capital letter first; not Python's None, True, False). */
export function isBaseErrorName(v: unknown): v is string {
  return typeof v === "string" && /^[A-Z][A-Za-z0-9_]*$/.test(v) && !["None", "True", "False"].includes(v);
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

export function loadConfig(path: string, registry: Registry = TARGETS): Config {
  return readConfig(path, registry).config;
}

/**
 * The config at `path`, and its check that the file is still as it was read (SourceFile.assertAsRead):
 * a run that generates from it asks again before it writes, as it asks the spec.
 */
export function readConfig(path: string, registry: Registry = TARGETS): { config: Config; assertAsRead: () => void } {
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
  const names = targetNames(registry);
  if (!isObj(data.targets)) err([], "missing `targets`", `add \`targets:\` with an entry for one of: ${names.join(", ")}`);
  else {
    for (const [name, raw] of Object.entries(data.targets)) {
      if (!findTarget(registry, name)) {
        err(["targets", name], `unknown target "${name}"`, `targets are: ${names.join(", ")}`);
        continue;
      }
      const t = isObj(raw) ? raw : {};
      for (const key of ["out", "packageName", "sdkClass"]) {
        if (typeof t[key] !== "string" || t[key] === "") err(["targets", name], `target ${name} needs \`${key}\``, `add \`${key}:\` under targets.${name}`);
      }
      if (t.idempotencyHeader !== undefined && (typeof t.idempotencyHeader !== "string" || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(t.idempotencyHeader))) {
        err(["targets", name, "idempotencyHeader"], "`idempotencyHeader` must be a header name", "e.g. idempotencyHeader: Idempotency-Key");
      }
      if (t.maxMethodParams !== undefined && !isMaxMethodParams(t.maxMethodParams)) {
        err(
          ["targets", name, "maxMethodParams"],
          "`maxMethodParams` must be a whole number from 0 to 100",
          "e.g. maxMethodParams: 4 (arguments up to 4 parameters, else one request object; 0: always the object)",
        );
      }
      if (t.baseErrorName !== undefined && !isBaseErrorName(t.baseErrorName)) {
        err(
          ["targets", name, "baseErrorName"],
          "`baseErrorName` must be a class name: a capital letter, then letters, digits or _",
          "e.g. baseErrorName: ClerkBaseError (Speakeasy's gen.yaml option of that name)",
        );
      }
      if (t.nameResolutionFeb2025 !== undefined && typeof t.nameResolutionFeb2025 !== "boolean") {
        err(["targets", name, "nameResolutionFeb2025"], "`nameResolutionFeb2025` must be true or false", "Speakeasy's gen.yaml fix of that name: true names inline schemas by its 2025 rules");
      }
      if (t.sharedErrorComponentsApr2025 !== undefined && typeof t.sharedErrorComponentsApr2025 !== "boolean") {
        err(
          ["targets", name, "sharedErrorComponentsApr2025"],
          "`sharedErrorComponentsApr2025` must be true or false",
          "Speakeasy's gen.yaml fix of that name: true names each error class after its schema with Error after it",
        );
      }
      if (t.tests !== undefined && typeof t.tests !== "boolean") {
        err(["targets", name, "tests"], "`tests` must be true or false", "tests: true generates a test per operation, run against `specsmith mock`");
      }
      if (t.version !== undefined && typeof t.version !== "string") {
        err(
          ["targets", name, "version"],
          `\`version\` must be a string, not a ${t.version === null ? "null" : typeof t.version}`,
          `quote it: version: "${String(t.version)}${/^\d+\.\d+$/.test(String(t.version)) ? ".0" : ""}"`,
        );
      }
      for (const key of ["packageName", "sdkClass", "version"] as const) {
        if (typeof t[key] !== "string" || (t[key] === "" && key !== "version")) continue;
        const problem = targetSettingProblem(name, key, t[key] as string, registry);
        if (problem) err(["targets", name, key], problem, `change targets.${name}.${key}`);
      }
      const own: Record<string, unknown> = {};
      for (const [key, setting] of Object.entries(findTarget(registry, name)!.settings ?? {})) {
        if (t[key] === undefined || !setting) continue;
        const problem = setting.problem(t[key]);
        if (problem) err(["targets", name, key], problem, `e.g. ${setting.example}`);
        else own[key] = t[key];
      }
      targets.push({
        name,
        out: resolve(base, String(t.out ?? "")),
        packageName: String(t.packageName ?? ""),
        sdkClass: String(t.sdkClass ?? ""),
        version: typeof t.version === "string" ? t.version : "0.1.0",
        ...(typeof t.idempotencyHeader === "string" ? { idempotencyHeader: t.idempotencyHeader } : {}),
        ...(typeof t.maxMethodParams === "number" ? { maxMethodParams: t.maxMethodParams } : {}),
        ...(typeof t.baseErrorName === "string" ? { baseErrorName: t.baseErrorName } : {}),
        ...(t.tests === true ? { tests: true } : {}),
        ...(t.nameResolutionFeb2025 === true ? { nameResolutionFeb2025: true } : {}),
        ...(t.sharedErrorComponentsApr2025 === true ? { sharedErrorComponentsApr2025: true } : {}),
        ...own,
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
  const config: Config = {
    spec: resolve(base, data.spec as string),
    overlays: (overlays as string[]).map((o) => resolve(base, o)),
    ...(typeof data.codeSamples === "string" ? { codeSamples: resolve(base, data.codeSamples) } : {}),
    targets,
  };
  return { config, assertAsRead: file.assertAsRead };
}

/**
 * A target for a spec given on the command line: package and class names from the flags, else from
 * the spec's file name (`clerk-bapi.yaml`: `clerk-bapi` / `clerk_bapi`, class `ClerkBapi`).
 */
export function derivedTarget(name: string, spec: string, out: string, flags: { packageName?: string; sdkClass?: string }, registry: Registry = TARGETS): TargetConfig {
  const target = findTarget(registry, name);
  if (!target) throw new UsageError(`unknown target "${name}" (targets are: ${targetNames(registry).join(", ")})`);
  const stem = spec.replace(/^.*[\\/]/, "").replace(/\.(ya?ml|json)$/i, "");
  const derived = target.packageNameFrom(stem);
  const config: TargetConfig = {
    name,
    out,
    packageName: flags.packageName ?? (target.settingProblem("packageName", derived) ? "sdk" : derived),
    sdkClass: flags.sdkClass ?? (target.settingProblem("sdkClass", pascalCase(stem)) ? "SDK" : pascalCase(stem)),
    version: "0.1.0",
  };
  for (const key of ["packageName", "sdkClass"] as const) {
    const problem = target.settingProblem(key, config[key]);
    if (problem) throw new UsageError(`--${key === "packageName" ? "package-name" : "sdk-class"}: ${problem}`);
  }
  return config;
}
