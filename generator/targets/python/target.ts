/** The Python target: a package on httpx and pydantic v2, call-compatible with Speakeasy's, formatted by ruff's formatter. */
import { runPythonTests } from "./run-tests.js";
import { splitTop } from "../../release/types.js";
import type { Target } from "../target.js";
import { emitPython } from "./emit.js";
import { formatPython } from "./format.js";
import { PY_KEYWORDS, planPython, type PyPlan } from "./plan.js";
import { pythonSurface } from "./surface.js";
import { pep440 } from "./version.js";

const isName = (value: string) => /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value) && !PY_KEYWORDS.has(value);
/** A package name: a name, or dotted names (`acme.sdk`: the SDK inside the namespace package `acme`, as PEP 420 has it). */
const isPackageName = (value: string) => value.length <= 200 && value.split(".").every(isName);

/** The members of a union type; `Optional[X]` is X's members and None, as a member of a union too. */
function unionMembers(t: string): string[] {
  if (t.startsWith("Optional[") && t.endsWith("]")) return [...unionMembers(t.slice(9, -1)), "None"];
  const members = t.startsWith("Union[") && t.endsWith("]") ? splitTop(t.slice(6, -1), ",") : [];
  return members.length > 1 ? members.flatMap(unionMembers) : [t];
}

export const python: Target<PyPlan> = {
  name: "python",
  keywords: PY_KEYWORDS,
  typeRules: {
    members: unionMembers,
    none: "None",
    containers: [
      ["List[", "]"],
      ["Dict[str, ", "]"],
    ],
    // Python's `int` is a `float`, and `bool` an `int`.
    widenings: [
      ["int", "float"],
      ["bool", "int"],
    ],
  },
  settingProblem(key, value) {
    if (key === "version") {
      return pep440(value) === undefined ? `"${value}" has no PEP 440 form for pyproject.toml: write a pre-release as -alpha.N, -beta.N, -rc.N or -dev.N (1.2.0-beta.1 becomes 1.2.0b1)` : undefined;
    }
    if (key === "packageName" ? isPackageName(value) : isName(value)) return undefined;
    return key === "packageName"
      ? `"${value}" is not a Python package name (letters, digits and _, not starting with a digit, not a keyword; dots between names for a namespace package, e.g. acme.sdk)`
      : `"${value}" is not a class name (letters, digits and _, not starting with a digit, not a keyword)`;
  },
  packageNameFrom: (stem) => stem.toLowerCase().replace(/[^a-z0-9]+/g, "_"),
  plan: planPython,
  surface: pythonSurface,
  emit: emitPython,
  format: async (emitted, memo) => {
    await emitted.formatting;
    await formatPython(emitted.files, emitted.preformatted, memo?.format);
  },
  runTests: runPythonTests,
};
