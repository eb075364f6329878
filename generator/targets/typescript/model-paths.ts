/**
 * Where the models live under src/: `models/components` and `models/operations` unless the target's
 * `modelPaths` moves them, as Speakeasy's `imports.paths` does (`shared: models` makes the
 * components' import path `pkg/models`). The errors stay in `models/errors`, beside the runtime's
 * error classes.
 */
import type { ModelPaths, TargetSetting } from "../target.js";

export type ModelDirs = Record<"components" | "operations" | "errors", string>;

export const DEFAULT_MODEL_DIRS: ModelDirs = { components: "models/components", operations: "models/operations", errors: "models/errors" };

/** Folders and modules of src/ a models folder may neither be nor lie inside. */
const RUNTIME = ["lib", "funcs", "sdk", "hooks", "types", "models/errors", "index", "core"];

export function modelDirs(paths: ModelPaths | undefined): ModelDirs {
  return { ...DEFAULT_MODEL_DIRS, ...paths };
}

export const modelPathsSetting: TargetSetting = {
  example: "modelPaths: { components: models, operations: models/operations }",
  problem(value) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return "`modelPaths` must be a map with `components` and/or `operations`";
    for (const [key, path] of Object.entries(value)) {
      if (key !== "components" && key !== "operations") return `\`modelPaths\` has no \`${key}\` (it takes components and operations; errors stay in models/errors)`;
      if (typeof path !== "string" || !/^[a-z][a-z0-9_-]*(\/[a-z][a-z0-9_-]*)*$/.test(path))
        return `\`modelPaths.${key}\` must be a folder under src/: lower-case names joined by /, like models/${key}`;
      const clash = RUNTIME.find((r) => path === r || path.startsWith(r + "/"));
      if (clash) return `\`modelPaths.${key}\` cannot be ${path}: src/${clash} holds the SDK's own code`;
    }
    const dirs = modelDirs(value as ModelPaths);
    if (dirs.components === dirs.operations) return "`modelPaths.components` and `modelPaths.operations` must be different folders";
    return undefined;
  },
};
