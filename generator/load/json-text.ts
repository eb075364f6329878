/**
 * JSON documents beyond `JSON.parse`: what a file that is not strict JSON holds (comments and trailing
 * commas, as JSON with comments allows), what is wrong with one that is not JSON at all (in JSON's
 * words, at its line:column and JSON pointer), and where a pointer's node starts, for diagnostics.
 *
 * jsonc-parser (VS Code's JSON scanner) does the scanning. Before it, a broken .json fell through to
 * the `yaml` package's document, which spent seconds on GitHub's 7 MB spec and then spoke YAML
 * ("Missing , between flow map items", "check the indentation").
 */
import { ParseErrorCode, SyntaxKind, createScanner, getLocation, parse, parseTree, type Node, type ParseError } from "jsonc-parser";

/** The text with a leading byte-order mark read as a space: the same length, so offsets hold. */
export function jsonBody(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** A position in the text (0-based offset) with what is wrong there. */
export interface JsonProblem {
  offset: number;
  message: string;
  hint: string;
  /** The path of the value being read at `offset`. */
  path: (string | number)[];
  /** Whether YAML's flow style may read what JSON does not here (unquoted or single-quoted text, YAML's escapes). */
  yamlMayRead?: boolean;
}

/** What JSON refuses and YAML's flow style may read; a missing comma, colon or bracket it refuses too. */
const YAML_MAY_READ = new Set<ParseErrorCode>([
  ParseErrorCode.InvalidSymbol,
  ParseErrorCode.PropertyNameExpected,
  ParseErrorCode.ValueExpected,
  ParseErrorCode.UnexpectedEndOfString,
  ParseErrorCode.InvalidCharacter,
  ParseErrorCode.InvalidEscapeCharacter,
  ParseErrorCode.InvalidNumberFormat,
]);

export type JsonReading = { data: unknown; lenient?: JsonProblem } | { problems: JsonProblem[] };

/** Problems closer than this many lines to the one before are taken as its consequences, not reported. */
const FOLLOW_ON_LINES = 3;
const MAX_PROBLEMS = 10;

/**
 * The text read as JSON with comments and trailing commas (after `JSON.parse` refused it), with where
 * it leaves strict JSON; else its problems. `jsonError` is `JSON.parse`'s, for the nesting too deep to
 * scan recursively, where it is the one position known.
 */
export function readJsonText(text: string, jsonError: unknown): JsonReading {
  // The data is JSON.parse's, of the text with its comments and trailing commas blanked: jsonc-parser's
  // own data would set an object's prototype from a "__proto__" key, where JSON.parse keeps the key.
  const strict = withoutLeniency(text);
  if (strict.first !== undefined) {
    try {
      const data: unknown = JSON.parse(strict.text);
      return {
        data,
        lenient: {
          offset: strict.first,
          message: "not strict JSON: read as JSON with comments and trailing commas",
          hint: "remove comments and trailing commas, so that every JSON parser reads the file",
          path: pathAt(text, strict.first),
        },
      };
    } catch (e) {
      jsonError = e;
    }
  }
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  // Nesting too deep for jsonc-parser's recursive parser (or, should it ever be, text it reads and JSON.parse
  // does not): JSON.parse's message and position.
  if (errors.length === 0) {
    const at = /at position (\d+)/.exec(String((jsonError as Error)?.message ?? ""));
    const offset = at ? Number(at[1]) : 0;
    const message = String((jsonError as Error)?.message ?? "not JSON").replace(/ in JSON at position \d+.*$/s, "");
    return { problems: [{ offset, message, hint: "fix the syntax at this position", path: [] }] };
  }
  return { problems: reported(text, errors) };
}

/**
 * The text with its comments and trailing commas blanked (line breaks kept, so positions hold), and
 * the offset of the first; `first` is undefined when it has none. One pass of jsonc-parser's scanner,
 * which does not recurse.
 */
export function withoutLeniency(text: string): { text: string; first?: number } {
  const blanks: [start: number, end: number][] = [];
  const scanner = createScanner(text, false);
  let comma = -1;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) blanks.push([start, start + scanner.getTokenLength()]);
    else if (token === SyntaxKind.CommaToken) comma = start;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      if (comma >= 0) blanks.push([comma, comma + 1]);
      comma = -1;
    } else if (token !== SyntaxKind.Trivia && token !== SyntaxKind.LineBreakTrivia) comma = -1;
  }
  if (blanks.length === 0) return { text };
  blanks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of blanks) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, " ");
    at = end;
  }
  return { text: out + text.slice(at), first: blanks[0]![0] };
}

function reported(text: string, errors: ParseError[]): JsonProblem[] {
  const out: JsonProblem[] = [];
  let lastLine = -Infinity;
  let line = 1;
  let scanned = 0;
  for (const e of errors) {
    // Lines counted incrementally: errors come in text order.
    for (let i = text.indexOf("\n", scanned); i !== -1 && i < e.offset; i = text.indexOf("\n", i + 1)) {
      line++;
      scanned = i + 1;
    }
    const follows = line - lastLine <= FOLLOW_ON_LINES;
    lastLine = line;
    if (follows) continue;
    out.push({ offset: e.offset, ...explain(e.error), path: pathAt(text, e.offset), yamlMayRead: YAML_MAY_READ.has(e.error) });
    if (out.length === MAX_PROBLEMS) break;
  }
  return out;
}

function pathAt(text: string, offset: number): (string | number)[] {
  try {
    const at = getLocation(text, offset);
    // At a property's name not yet read, the path ends in "" (the name to come): its object is the place.
    return at.isAtPropertyKey && at.path.at(-1) === "" ? at.path.slice(0, -1) : at.path;
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
}

/** jsonc-parser's error code in words, with how to fix it. */
export function explain(code: ParseErrorCode): { message: string; hint: string } {
  switch (code) {
    case ParseErrorCode.CommaExpected:
      return { message: "a comma is missing before this", hint: "separate an object's members, and an array's items, with commas" };
    case ParseErrorCode.ColonExpected:
      return { message: "a colon is missing after this property's name", hint: 'write each member as "name": value' };
    case ParseErrorCode.PropertyNameExpected:
      return { message: "a property name in double quotes was expected", hint: 'JSON quotes every property name in double quotes: "name": value' };
    case ParseErrorCode.ValueExpected:
      return { message: "a value was expected", hint: "a value is a string in double quotes, a number, true, false, null, an object or an array" };
    case ParseErrorCode.CloseBraceExpected:
      return { message: "the object is not closed: } was expected", hint: "close the object with }, or add the comma that is missing before its next member" };
    case ParseErrorCode.CloseBracketExpected:
      return { message: "the array is not closed: ] was expected", hint: "close the array with ], or add the comma that is missing before its next item" };
    case ParseErrorCode.EndOfFileExpected:
      return { message: "more text follows the end of the document", hint: "a JSON file holds one value: remove what follows it" };
    case ParseErrorCode.UnexpectedEndOfString:
      return { message: "the string is not closed", hint: 'close it with "; a line break inside a string is written \\n' };
    case ParseErrorCode.InvalidCharacter:
      return { message: "a control character inside a string", hint: "write it escaped: \\n, \\t, or \\u followed by four hex digits" };
    case ParseErrorCode.InvalidEscapeCharacter:
      return { message: "an escape sequence JSON does not have", hint: 'the escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits' };
    case ParseErrorCode.InvalidUnicode:
      return { message: "a \\u escape without four hex digits", hint: "write \\u followed by exactly four hex digits" };
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return { message: "a malformed number", hint: "write numbers as JSON does: 12, -3.5, 1e9 (no leading zeros, no trailing dot, no NaN)" };
    case ParseErrorCode.UnexpectedEndOfComment:
      return { message: "the comment is not closed", hint: "close it with */" };
    default:
      return { message: "unexpected text", hint: "JSON values are strings in double quotes, numbers, true, false, null, objects and arrays" };
  }
}

/** A JSON text's syntax tree, for positions; undefined when it nests too deep to build recursively. */
export function jsonTree(text: string): Node | undefined {
  try {
    return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * The offset of the node at `path` (or of its key), or of its nearest existing ancestor. Where a key
 * repeats, the last one counts, as it does in `JSON.parse`'s data.
 */
export function jsonOffset(root: Node, path: readonly (string | number)[], key: boolean): number {
  let node: Node | undefined = root;
  let offset = root.offset;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (node.type === "object") {
      const members: Node[] = node.children ?? [];
      let member: Node | undefined;
      for (let m = members.length - 1; m >= 0 && !member; m--) if (members[m]!.children?.[0]?.value === String(seg)) member = members[m];
      if (!member) break;
      const value = member.children?.[1];
      offset = (i === path.length - 1 && key ? member.offset : (value?.offset ?? member.offset)) ?? offset;
      node = value;
    } else if (node.type === "array") {
      const item: Node | undefined = node.children?.[Number(seg)];
      if (!item) break;
      offset = item.offset;
      node = item;
    } else break;
  }
  return offset;
}
