/**
 * `specsmith init`: writes a specsmith.yaml for a spec, and with `--from-speakeasy` carries a
 * Speakeasy gen.yaml's settings over (the SDK class, per language the package, version,
 * maxMethodParams and baseErrorName). Every other gen.yaml setting is listed in the config as a
 * comment: built in (specsmith already behaves so) or not carried over. Nothing but the config file
 * is written, and an existing one is never replaced.
 */
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { Document } from "yaml";
import { derivedTarget, isBaseErrorName, isMaxMethodParams, targetSettingProblem } from "./config.js";
import { SpecError, UsageError, pointerOf, type Diagnostic } from "./diagnostics.js";
import { SourceFile } from "./load/source.js";
import { TARGETS, findTarget, targetNames } from "./targets/registry.js";
import { pascalCase } from "./ir/names.js";
import { writeFileAtomic } from "./write/file.js";

export interface InitFlags {
  spec?: string;
  config: string;
  fromSpeakeasy?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** gen.yaml settings that are specsmith's own behaviour when they have this value. */
const BUILT_IN: Record<string, unknown> = {
  "generation.maintainOpenAPIOrder": true,
  "python.asyncMode": "both",
  "python.flattenRequests": true,
  "python.flatteningOrder": "parameters-first",
  "python.methodArguments": "infer-optional-args",
  "python.responseFormat": "flat",
  "python.enumFormat": "enum",
  "python.defaultErrorName": "SDKError",
  "python.methodTimeoutArgument": "timeout-ms",
  "python.methodTimeoutUnits": "milliseconds",
  "python.inputTypedDictSuffix": "TypedDict",
  // Hand edits are merged into every regeneration, in any file (not only in marked regions).
  "python.enableCustomCodeRegions": true,
  "python.flattenGlobalSecurity": true,
  "python.clientServerStatusCodesAsErrors": true,
  "typescript.enableCustomCodeRegions": true,
  "typescript.flattenGlobalSecurity": true,
  "typescript.clientServerStatusCodesAsErrors": true,
  "typescript.defaultErrorName": "SDKError",
  "typescript.responseFormat": "flat",
};

/** gen.yaml settings carried into the config (per language section). */
const CARRIED = ["packageName", "moduleName", "version", "maxMethodParams", "baseErrorName"];

interface Carried {
  targets: Record<string, Obj>;
  /** "key: value" lines for the config's comment, sorted. */
  builtIn: string[];
  notCarried: string[];
}

export function runInit(flags: InitFlags, say: (text: string) => void): number {
  if (!flags.spec) throw new UsageError("init needs --spec <file>: the OpenAPI document the SDKs are generated from");
  const spec = resolve(flags.spec);
  if (!existsSync(spec)) throw new UsageError(`--spec ${flags.spec}: no such file`);
  const config = resolve(flags.config);
  if (existsSync(config)) throw new UsageError(`${flags.config} exists already; init never replaces a config (remove it, or pass --config <another file>)`);
  const carried = flags.fromSpeakeasy ? fromGenYaml(flags.fromSpeakeasy, spec) : defaultTargets(spec);
  const base = dirname(config);
  const doc = new Document({
    spec: relative(base, spec).split("\\").join("/"),
    targets: carried.targets,
  });
  doc.commentBefore = [
    " specsmith generation config: paths are relative to this file.",
    ...(flags.fromSpeakeasy ? [` Settings carried over from ${relative(base, resolve(flags.fromSpeakeasy)).split("\\").join("/")}.`] : []),
  ].join("\n");
  const notes = [
    ...(carried.builtIn.length ? [" gen.yaml settings specsmith follows already:", ...carried.builtIn.map((l) => `   ${l}`)] : []),
    ...(carried.notCarried.length ? [" gen.yaml settings not carried over (specsmith has no such option):", ...carried.notCarried.map((l) => `   ${l}`)] : []),
  ];
  if (notes.length) doc.comment = notes.join("\n");
  writeFileAtomic(config, doc.toString({ lineWidth: 0 }));
  say(`specsmith: wrote ${flags.config} (targets: ${Object.keys(carried.targets).join(", ")}); run \`specsmith generate --config ${flags.config}\`\n`);
  return 0;
}

/** Both targets, named from the spec's file name, each in a folder of its own. */
function defaultTargets(spec: string): Carried {
  const targets: Record<string, Obj> = {};
  for (const name of targetNames(TARGETS)) {
    const t = derivedTarget(name, spec, `sdks/${name}`, {});
    targets[name] = { out: `sdks/${name}`, packageName: t.packageName, sdkClass: t.sdkClass, version: t.version };
  }
  return { targets, builtIn: [], notCarried: [] };
}

/** The targets a Speakeasy gen.yaml configures, with its settings checked where they sit in it. */
function fromGenYaml(path: string, spec: string): Carried {
  const file = SourceFile.read(resolve(path));
  const errors: Diagnostic[] = [];
  const err = (p: string[], message: string, hint: string) => {
    const pos = file.locate(p);
    errors.push({ severity: "error", file: file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(p), message, hint });
  };
  const data = file.data;
  if (!isObj(data))
    throw new SpecError([{ severity: "error", file: file.displayPath, line: 1, column: 1, pointer: "#", message: "gen.yaml is not a map", hint: "pass Speakeasy's .speakeasy/gen.yaml" }]);
  const generation = isObj(data.generation) ? data.generation : {};
  const languages = targetNames(TARGETS).filter((name) => isObj(data[name]));
  if (languages.length === 0) {
    const others = Object.keys(data).filter((k) => k !== "configVersion" && k !== "generation");
    throw new UsageError(`${path} configures no language specsmith generates (${others.length ? `it has ${others.join(", ")}; ` : ""}specsmith's targets are ${targetNames(TARGETS).join(", ")})`);
  }
  const targets: Record<string, Obj> = {};
  const builtIn: string[] = [];
  const notCarried: string[] = [];
  const note = (key: string, value: unknown) => (key in BUILT_IN && sameValue(BUILT_IN[key], value) ? builtIn : notCarried).push(`${safeKey(key)}: ${oneLine(value)}`);
  // generation.tests.generateTests is our `tests: true` (a test per operation, run against the mock).
  const tests = isObj(generation.tests) && generation.tests.generateTests === true;
  // generation.fixes.nameResolutionFeb2025 decides the Speakeasy names of inline schemas (our aliases).
  const nameResolutionFeb2025 = isObj(generation.fixes) && generation.fixes.nameResolutionFeb2025 === true;
  // generation.fixes.sharedErrorComponentsApr2025 decides the names of error classes.
  const sharedErrorComponentsApr2025 = isObj(generation.fixes) && generation.fixes.sharedErrorComponentsApr2025 === true;
  for (const [key, value] of Object.entries(generation)) if (key !== "sdkClassName" && !(key === "tests" && tests)) note(`generation.${key}`, value);
  for (const name of languages) {
    const section = data[name] as Obj;
    const derived = derivedTarget(name, spec, `sdks/${name}`, {});
    const sdkClass = typeof generation.sdkClassName === "string" ? speakeasyClassName(generation.sdkClassName) : derived.sdkClass;
    const t: Obj = { out: `sdks/${name}`, packageName: packageNameOf(name, section) ?? derived.packageName, sdkClass, version: typeof section.version === "string" ? section.version : "0.1.0" };
    if (typeof section.maxMethodParams === "number") t.maxMethodParams = section.maxMethodParams;
    if (typeof section.baseErrorName === "string" && section.baseErrorName !== "") t.baseErrorName = section.baseErrorName;
    if (tests) t.tests = true;
    if (nameResolutionFeb2025) t.nameResolutionFeb2025 = true;
    if (sharedErrorComponentsApr2025) t.sharedErrorComponentsApr2025 = true;
    const modelPaths = name === "typescript" ? modelPathsOf(section.imports) : undefined;
    if (modelPaths && Object.keys(modelPaths).length) {
      const problem = findTarget(TARGETS, name)?.settings?.modelPaths?.problem(modelPaths);
      if (problem) err([name, "imports", "paths"], problem, "fix imports.paths in gen.yaml, or modelPaths in the written config after init");
      else t.modelPaths = modelPaths;
    }
    const where = (key: string): string[] =>
      key === "sdkClass"
        ? typeof generation.sdkClassName === "string"
          ? ["generation", "sdkClassName"]
          : []
        : [name, key === "packageName" && typeof section.moduleName === "string" && section.moduleName ? "moduleName" : key];
    for (const key of ["packageName", "sdkClass", "version"] as const) {
      const problem = targetSettingProblem(name, key, String(t[key]));
      if (problem) err(where(key), problem, `fix it in gen.yaml, or in the written config after init`);
    }
    // The config's own checks: what init writes, `generate` loads.
    if (t.maxMethodParams !== undefined && !isMaxMethodParams(t.maxMethodParams)) err([name, "maxMethodParams"], "`maxMethodParams` must be a whole number from 0 to 100", "fix it in gen.yaml");
    if (t.baseErrorName !== undefined && !isBaseErrorName(t.baseErrorName)) err([name, "baseErrorName"], "`baseErrorName` must be a class name", "e.g. ClerkBaseError");
    for (const [key, value] of Object.entries(section)) if (!CARRIED.includes(key) && !(key === "imports" && modelPaths && importsCarried(value))) note(`${name}.${key}`, value);
    targets[name] = t;
  }
  if (errors.length) throw new SpecError(errors);
  return { targets, builtIn: builtIn.sort(), notCarried: notCarried.sort() };
}

/**
 * Speakeasy's TypeScript `imports.paths` as our `modelPaths`: `shared` is where the components
 * live, `operations` the operations' models; each only when it is not the default.
 */
function modelPathsOf(imports: unknown): Record<string, string> | undefined {
  if (!isObj(imports) || !isObj(imports.paths)) return undefined;
  const out: Record<string, string> = {};
  const { shared, operations } = imports.paths;
  if (typeof shared === "string" && shared !== SPEAKEASY_PATHS.shared) out.components = shared;
  if (typeof operations === "string" && operations !== SPEAKEASY_PATHS.operations) out.operations = operations;
  return out;
}

/** Whether `modelPaths` says all that gen.yaml's `imports` says (errors where ours are; callbacks and webhooks have no models here). */
function importsCarried(imports: unknown): boolean {
  if (!isObj(imports) || !isObj(imports.paths)) return false;
  const errors = imports.paths.errors;
  return (imports.option === undefined || imports.option === "openapi") && (errors === undefined || errors === SPEAKEASY_PATHS.errors);
}

/** Speakeasy's default `imports.paths`, which are ours too. */
const SPEAKEASY_PATHS = { shared: "models/components", operations: "models/operations", errors: "models/errors" };

/**
 * The class Speakeasy generates for `sdkClassName`: its first letter upper-cased (`dub` is `Dub`,
 * `SDK` stays `SDK`), or Pascal case when it is no identifier (`my-api` is `MyApi`).
 */
export function speakeasyClassName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : pascalCase(name);
}

/**
 * Our package name from a gen.yaml language section. Python's is the import package: Speakeasy's
 * `moduleName`, else its distribution name with `-` as `_` (clerk-backend-api: clerk_backend_api).
 */
function packageNameOf(target: string, section: Obj): string | undefined {
  if (target === "python") {
    if (typeof section.moduleName === "string" && section.moduleName !== "") return section.moduleName;
    return typeof section.packageName === "string" && section.packageName !== "" ? section.packageName.replace(/-/g, "_") : undefined;
  }
  return typeof section.packageName === "string" && section.packageName !== "" ? section.packageName : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A gen.yaml key as comment text: as it is when it is a plain dotted name, else quoted as JSON. */
function safeKey(key: string): string {
  return /^[\w.$-]+$/.test(key) ? key : JSON.stringify(key);
}

/** A gen.yaml value as one line of a YAML comment: JSON, so no newline or comment text can break out. */
function oneLine(value: unknown): string {
  const text = JSON.stringify(value) ?? "null";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
