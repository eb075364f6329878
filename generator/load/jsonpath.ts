/**
 * The JSONPath of overlay targets and copy sources: RFC 9535 as json-p3 implements it, strictly (no
 * extension a target could come to rely on), with match() and search() on a linear-time regex engine.
 *
 * One extension is read because overlays written for Speakeasy use it: `@~` in a filter is the name
 * of the member being tested (`$.paths[?@~ == '/pets']`, `$.paths[?match(@~, '^/internal')]`), as
 * Speakeasy's JSONPath reads it. json-p3 spells the same thing `#` in its non-standard mode; a target
 * is translated only when the rest of it is strict RFC 9535, so `@~` is the one extension let in.
 * A `~` elsewhere (Speakeasy's trailing `~` selects names, which an action cannot update or remove)
 * is an error.
 */
import { JSONPathError, JSONPathEnvironment, type JSONPathQuery } from "json-p3";
import { SafeMatch, SafeSearch } from "./jsonpath-regex.js";
import { MAX_DEPTH } from "./validate.js";

/** Descendant queries (`$..x`) may go as deep as a document may nest (the loader's limit). */
function environment(strict: boolean): JSONPathEnvironment {
  const env = new JSONPathEnvironment({ strict, maxRecursionDepth: MAX_DEPTH + 1 });
  env.functionRegister.set("match", new SafeMatch());
  env.functionRegister.set("search", new SafeSearch());
  return env;
}
const STRICT = environment(true);
const WITH_MEMBER_NAME = environment(false);

export interface CompiledPath {
  /** As the overlay wrote it. */
  text: string;
  path: JSONPathQuery;
  /** Whether it uses Speakeasy's `@~` (a warning says so: other tools refuse it). */
  memberNames: boolean;
}

/** A `~` the overlay cannot mean: a trailing name selector, or `~` after something other than `@`. */
export class PropertyNameSelectorError extends Error {}

export { JSONPathError };

/** Compiles a target or copy source; throws JSONPathError or PropertyNameSelectorError. */
export function compilePath(text: string): CompiledPath {
  const tildes = tildesOutsideStrings(text);
  if (tildes.length === 0) return { text, path: STRICT.compile(text), memberNames: false };
  if (tildes.some((i) => text[i - 1] !== "@")) {
    throw new PropertyNameSelectorError("a `~` outside a filter's `@~` selects property names, which an action cannot update, copy or remove");
  }
  // Checked as strict RFC 9535 with `@` in place of `@~` (the same place in the grammar), then
  // evaluated as json-p3's `#`.
  STRICT.compile(replaceAt(text, tildes, ""));
  return { text, path: WITH_MEMBER_NAME.compile(replaceAt(text, tildes, "", "#")), memberNames: true };
}

/** Positions of `~` that are not inside a string literal ('…' or "…", with backslash escapes). */
function tildesOutsideStrings(text: string): number[] {
  const at: number[] = [];
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "~") at.push(i);
  }
  return at;
}

/** The text with each `~` at `tildes` dropped, and its `@` replaced by `at` when given. */
function replaceAt(text: string, tildes: number[], tilde: string, at?: string): string {
  let out = "";
  let from = 0;
  for (const i of tildes) {
    out += text.slice(from, at === undefined ? i : i - 1) + (at ?? "") + tilde;
    from = i + 1;
  }
  return out + text.slice(from);
}
