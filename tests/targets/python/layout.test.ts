// The statements models/__init__.py prints in ruff's layout (layout.ts), so that the module is not
// formatted: each table case, and hundreds of random ones around the 88-column limit, are exactly
// what ruff's formatter (the same WebAssembly build generation uses) leaves unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format } from "@wasm-fmt/ruff_fmt";
import { fromImport, tupleEntry, widthIsLength } from "../../../generator/targets/python/layout.js";

/** A module holding `imports` under `if TYPE_CHECKING:` and `entries` in a dict, as models/__init__.py does. */
function moduleOf(imports: string[], entries: string[]): string {
  return ["from typing import TYPE_CHECKING, Dict, Tuple", "", "if TYPE_CHECKING:", ...imports, "", "_MODULES: Dict[str, Tuple[str, str]] = {", ...entries, "}", ""].join("\n");
}

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

const ruff = (text: string) => format(text, "models/__init__.py", { line_width: 88 });

describe("Python layouts as ruff prints them", () => {
  const cases: [string, string, string][] = [
    ["a short import on one line", fromImport("    ", ".user", ["User", "UserTypedDict"]), "    from .user import User, UserTypedDict"],
    [
      "a long import, one name a line",
      fromImport("    ", ".createactortokenrequestbody", ["CreateActorTokenRequestBody", "CreateActorTokenRequestBodyTypedDict"]),
      "    from .createactortokenrequestbody import (\n        CreateActorTokenRequestBody,\n        CreateActorTokenRequestBodyTypedDict,\n    )",
    ],
    ["an alias", fromImport("    ", ".a", ["B as C"]), "    from .a import B as C"],
    ["a short entry on one line", tupleEntry("    ", '"User"', ['"user"', '"User"']), '    "User": ("user", "User"),'],
    [
      "a long entry, one item a line",
      tupleEntry("    ", '"CreateActorTokenRequestBodyTypedDict"', ['"createactortokenrequestbody"', '"CreateActorTokenRequestBodyTypedDict"']),
      '    "CreateActorTokenRequestBodyTypedDict": (\n        "createactortokenrequestbody",\n        "CreateActorTokenRequestBodyTypedDict",\n    ),',
    ],
    ["a top-level import", fromImport("", "._base", ["UNSET", "BaseModel"]), "from ._base import UNSET, BaseModel"],
  ];
  it.each(cases)("%s", (_what, got, want) => {
    expect(got).toBe(want);
  });

  it("lines of exactly 88 columns stay whole; 89 are split (checked by ruff)", () => {
    const name = (n: number) => "N" + "a".repeat(n - 1);
    const at88 = fromImport("    ", ".m", [name(88 - "    from .m import ".length)]);
    const at89 = fromImport("    ", ".m", [name(89 - "    from .m import ".length)]);
    expect(at88.split("\n")).toHaveLength(1);
    expect(at88).toHaveLength(88);
    expect(at89.split("\n")).toHaveLength(3);
    const text = moduleOf([at88, at89], ['    "A": ("a", "A"),']);
    expect(ruff(text)).toBe(text);
  });

  it("random names, modules and aliases: ruff leaves the module as laid out", () => {
    // Names the planner can make: never one of Python's keywords (`from .if import None` is not Python).
    const usable = (name: string) => !KEYWORDS.has(name);
    const ident = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Z][A-Za-z0-9_]{${min},${max}}$`)).filter(usable);
    const mod = fc.stringMatching(/^[a-z][a-z0-9_]{0,70}$/).filter(usable);
    const importArb = fc.oneof(
      fc.tuple(mod, fc.array(ident(0, 60), { minLength: 1, maxLength: 4 })).map(([m, names]) => fromImport("    ", `.${m}`, names)),
      fc.tuple(mod, ident(0, 40), ident(0, 40)).map(([m, a, b]) => fromImport("    ", `.${m}`, [`${a} as ${b}`])),
    );
    const entryArb = fc.tuple(ident(0, 70), mod, ident(0, 70)).map(([n, m, a]) => tupleEntry("    ", `"${n}"`, [`"${m}"`, `"${a}"`]));
    fc.assert(
      fc.property(fc.array(importArb, { minLength: 1, maxLength: 6 }), fc.array(entryArb, { minLength: 1, maxLength: 6 }), (imports, entries) => {
        const text = moduleOf(imports, entries);
        expect(ruff(text)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("text ruff measures otherwise (not ASCII) stays on one line, for ruff to format", () => {
    const line = fromImport("    ", ".m", ["Ünïcödé" + "x".repeat(90)]);
    expect(line.split("\n")).toHaveLength(1);
    expect(widthIsLength(line)).toBe(false);
    expect(widthIsLength("    from .m import A\n    )")).toBe(true);
  });
});
