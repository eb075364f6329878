/** spec/specsmith.yaml: which spec to read and which targets to generate where. */
import { dirname, resolve } from "node:path";
import { SpecError, pointerOf, type Diagnostic } from "./diagnostics.js";
import { SourceFile } from "./load/source.js";

export const TARGETS = ["typescript", "python"] as const;
export type TargetName = (typeof TARGETS)[number];

export interface TargetConfig {
  name: TargetName;
  out: string;
  packageName: string;
  sdkClass: string;
  version: string;
}

export interface Config {
  spec: string;
  targets: TargetConfig[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function loadConfig(path: string): Config {
  const file = SourceFile.read(resolve(path));
  const base = dirname(file.path);
  const errors: Diagnostic[] = [];
  const err = (p: (string | number)[], message: string, hint: string) => {
    const pos = file.locate(p);
    errors.push({ severity: "error", file: file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(p), message, hint });
  };
  const data = file.data;
  if (!isObj(data)) throw new SpecError([{ severity: "error", file: file.displayPath, line: 1, column: 1, pointer: "#", message: "the configuration is not a map", hint: "write `spec:` and `targets:` keys" }]);
  if (typeof data.spec !== "string") err([], "missing `spec`", "set `spec:` to the OpenAPI document's path, relative to this file");
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
      targets.push({
        name: name as TargetName,
        out: resolve(base, String(t.out ?? "")),
        packageName: String(t.packageName ?? ""),
        sdkClass: String(t.sdkClass ?? ""),
        version: typeof t.version === "string" ? t.version : "0.1.0",
      });
    }
  }
  if (errors.length) throw new SpecError(errors);
  return { spec: resolve(base, data.spec as string), targets };
}
