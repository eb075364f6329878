import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registersHooks, withoutComments } from "../../../generator/targets/typescript/hooks-registration.js";
import { ROOT } from "../../helpers/paths.js";

const DEFAULT = readFileSync(join(ROOT, "templates/typescript/runtime/hooks/registration.ts"), "utf8");

describe("registersHooks: whether the user's registration.ts is anything but the generated default", () => {
  it.each<[string, string | undefined, boolean]>([
    ["no file yet (the default will be written)", undefined, false],
    ["the default as generated", DEFAULT, false],
    ["the default without its comments, spaced otherwise", 'import type {Hooks} from "./types.js"\nexport function initHooks(hooks: Hooks): void { void hooks }\n', false],
    ["an empty body, a value import, single quotes, no return type", "import { Hooks } from './types';\nexport function initHooks(h: Hooks) {}\n", false],
    ["a hook in a comment only", `${DEFAULT}\n// hooks.registerBeforeRequestHook(new Tracing());\n/* hooks.registerAfterErrorHook(x) */\n`, false],
    ["a registered hook", DEFAULT.replace("void hooks;", "hooks.registerBeforeRequestHook(new Tracing());"), true],
    ["a helper that registers them", DEFAULT.replace("void hooks;", "registerAll(hooks);"), true],
    ["another import", `import { Tracing } from "./tracing.js";\n${DEFAULT}`, true],
    ["the function renamed", DEFAULT.replace("function initHooks", "function initHooks2"), true],
    ["an unclosed comment", `${DEFAULT}\n/* `, true],
    ["a regular expression", DEFAULT.replace("void hooks;", "void /x/.test(String(hooks));"), true],
    ["an empty file (the import is gone)", "", true],
    ['a file that is not text (read as "")', "", true],
  ])("%s", (_, text, want) => {
    expect(registersHooks(text)).toBe(want);
  });

  it("the default template is the one generation writes, and counts as registering none", () => {
    expect(DEFAULT).toContain("export function initHooks(hooks: Hooks): void");
    expect(registersHooks(DEFAULT)).toBe(false);
  });
});

describe("withoutComments", () => {
  it.each<[string, string | undefined]>([
    ["a // b\nc", "a \nc"],
    ["a /* b */ c", "a   c"],
    ['"// not a comment" x', '"// not a comment" x'],
    ["'/* kept */'", "'/* kept */'"],
    ["`a ${b} // c`", "`a ${b} // c`"],
    ['"a \\" // b"', '"a \\" // b"'],
    ["a / b", undefined],
    ['"unclosed\n"', undefined],
  ])("%j", (given, want) => {
    expect(withoutComments(given)).toBe(want);
  });
});
