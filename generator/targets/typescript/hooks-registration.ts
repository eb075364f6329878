/**
 * Whether the SDK's `src/hooks/registration.ts` registers hooks. It is the user's file (generated
 * once); while it is as generated, the SDK is generated without the code that runs hooks
 * (lib/config.ts takes hooks/none.ts), so a bundle holds neither it nor the HTTPClient. Anything
 * else in its code (a hook, a helper called, another import) counts as registering: only the
 * default, comments and spacing aside, leaves the hooks out.
 */

/** Where the user's hook registration lies in a TypeScript SDK. */
export const REGISTRATION_FILE = "src/hooks/registration.ts";

/**
 * The generated default, once comments and white space are gone: the import of `Hooks` (as a type
 * or not), and an `initHooks` whose body is empty or only `void hooks;`.
 */
const DEFAULT_CODE = /^import(?:type)?\{Hooks\}from(["'])\.\/types(?:\.js)?\1;?exportfunctioninitHooks\((\w+):Hooks\)(?::void)?\{(?:void\2;?)?\}$/;

/** `text`: the file as it is now; undefined when there is none yet (the default will be written). */
export function registersHooks(text: string | undefined): boolean {
  if (text === undefined) return false;
  const code = withoutComments(text);
  return code === undefined || !DEFAULT_CODE.test(code.replace(/\s+/g, ""));
}

/**
 * `text` without its comments; strings and template literals are kept as they are. Undefined when
 * it cannot tell (a `/` that may start a regular expression): such a file is not the default anyway.
 */
export function withoutComments(text: string): string | undefined {
  let out = "";
  for (let i = 0; i < text.length;) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) return undefined;
      out += " ";
      i = end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      const end = closingQuote(text, i);
      if (end === -1) return undefined;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === "/") {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index of the quote closing the string that opens at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
    else if (text[i] === "\n" && quote !== "`") return -1;
  }
  return -1;
}
