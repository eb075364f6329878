/** The TypeScript target: a zero-dependency SDK on fetch, its docs, and its formatter (oxfmt, prettier where they differ). */
import { runTypeScriptTests } from "./run-tests.js";
import { splitTop } from "../../release/types.js";
import type { Target } from "../target.js";
import { emitTypeScript } from "./emit.js";
import { formatTypeScript } from "./format.js";
import { plan, type Plan } from "./plan.js";
import { typescriptSurface } from "./surface.js";
import { modelPathsSetting } from "./model-paths.js";

/** Words TypeScript reserves, and type names a class may not take. */
const KEYWORDS = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with implements interface let package private protected public static yield any boolean number string symbol undefined never unknown object".split(
    " ",
  ),
);

export const typescript: Target<Plan> = {
  name: "typescript",
  keywords: KEYWORDS,
  typeRules: {
    members: (t) => splitTop(t, " | "),
    none: "null",
    containers: [
      ["Array<", ">"],
      ["{ [k: string]: ", " }"],
    ],
    widenings: [],
  },
  settingProblem(key, value) {
    // npm takes every semver version.
    if (key === "version") return undefined;
    if (key === "packageName") {
      if (value.length > 214 || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(value))
        return `"${value}" is not an npm package name (lower-case letters, digits, - . _ ~, optionally @scope/)`;
      return undefined;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value) || KEYWORDS.has(value)) return `"${value}" is not a class name (letters, digits and _, not starting with a digit, not a keyword)`;
    return undefined;
  },
  settings: { modelPaths: modelPathsSetting },
  packageNameFrom: (stem) => stem.toLowerCase().replace(/[^a-z0-9-]+/g, "-"),
  plan,
  surface: typescriptSurface,
  emit: emitTypeScript,
  format: async (emitted, memo) => {
    await emitted.formatting;
    await formatTypeScript(emitted.files, emitted.formatHints, emitted.preformatted, memo?.format);
  },
  runTests: runTypeScriptTests,
};
