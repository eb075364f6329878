/**
 * The escapers: one per output context. Spec text is untrusted; it reaches generated files only
 * through the function for the place it lands in, so no text can end a comment, a string or a
 * docstring early, run as code, or smuggle markup into the docs. Each function is total: any string
 * in, a valid fragment of its context out.
 *
 * Besides the syntax of each context, three classes of characters are never written raw:
 * - control characters (a NUL breaks Python files; escape sequences rewrite terminals);
 * - bidirectional overrides and isolates, which make code read differently from how it runs
 *   ("Trojan Source", CVE-2021-42574);
 * - lone surrogates, which cannot be written as UTF-8.
 */
import { readsInert, type MarkdownPlace } from "./markdown-inert.js";

/** Line terminators of JavaScript (and Unicode's); Python and markdown only know the first three. */
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/;
/** Characters never written raw into code, comments or docs (tab and line breaks are handled apart). */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Splits text at every line terminator any of our contexts knows. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** Text for a comment: invisible characters become visible `\u{..}` notation, tabs stay. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** One line of text: every line terminator becomes a space. */
function oneLine(text: string): string {
  return text.split(LINE_BREAK).join(" ");
}

// ── TypeScript ────────────────────────────────────────────────────────────────────────────────

/**
 * A string literal, quoted as prettier quotes it (double quotes unless the value holds more double
 * than single quotes), so the output is prettier-clean as written.
 */
export function tsString(value: string): string {
  // Most strings need no escape at all: checked in one native scan (this runs for every literal).
  if (!NEEDS_ESCAPE.test(value)) return '"' + value + '"';
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  return quote + escapeChars(value, quote) + quote;
}

/** Characters that a quoted literal, comment or markdown line may not hold as they are. */
const NEEDS_ESCAPE = /["'`\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;

/** Every character escapeChars writes otherwise (besides the quote): one search, no backtracking. */
const ESCAPED = /[\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Escapes for the inside of a quoted literal (JavaScript and Python agree on these). */
function escapeChars(value: string, quote: string): string {
  // Most values (names, paths, plain descriptions) hold none of these: returned as they are, not
  // copied a character at a time.
  if (!ESCAPED.test(value) && !value.includes(quote)) return value;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    if (c === "\\") out += "\\\\";
    else if (c === quote) out += "\\" + quote;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      out += c + value[++i]; // a surrogate pair: one character outside the BMP
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff) || isBidi(code) || code === 0xfeff) {
      out += "\\u" + code.toString(16).padStart(4, "0");
    } else out += c;
  }
  return out;
}

const isBidi = (code: number) => code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

/** The text between the backticks of a template literal (no substitution can be opened). */
export function tsTemplateText(text: string): string {
  return escapeChars(text, "`").replace(/\$\{/g, "\\${");
}

/** One line inside a `/** … *\/` comment: it cannot close the comment or break the line. */
export function jsdocLine(text: string): string {
  if (!NEEDS_ESCAPE.test(text) && !text.includes("*/") && !text.includes("\u0085")) return text;
  return visible(oneLine(text)).replace(/\*\//g, "*\\/");
}

/** The text after `// `: it cannot end the line (JavaScript ends lines at U+2028 too). */
export function tsLineComment(text: string): string {
  return visible(oneLine(text));
}

// ── Python ────────────────────────────────────────────────────────────────────────────────────

/** A string literal, double-quoted. */
export function pyString(value: string): string {
  return '"' + escapeChars(value, '"') + '"';
}

/**
 * The lines of a raw docstring (`r"""…"""`): no `"""` inside, and the last line cannot end in `"`
 * or a backslash (either would swallow the closing quotes). NUL bytes, which Python refuses in a
 * source file, and other invisible characters become visible notation.
 */
export function pyDocLines(text: string): string[] {
  const lines = splitLines(visible(text).replace(/"""/g, "'''")).map((l) => l.replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length > 0) lines[lines.length - 1] = lines[lines.length - 1].replace(/(["\\])$/, "$1 ");
  return lines;
}

/** The text after `# `. */
export function pyComment(text: string): string {
  return visible(oneLine(text));
}

// ── Shell ─────────────────────────────────────────────────────────────────────────────────────

/** One word of a POSIX shell command (an install line in a README): quoted unless plainly safe. */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9@%+=:,./_-]+$/.test(value)) return value;
  return "'" + visible(oneLine(value)).replace(/'/g, "'\\''") + "'";
}

/**
 * A POSIX shell word that may span lines (a curl command's JSON body): always single-quoted, a quote
 * inside closed, escaped and reopened; invisible characters shown as escapes (the JSON it carries has
 * escaped its own control characters already).
 */
export function shellQuoted(value: string): string {
  return "'" + visible(value).replace(/'/g, "'\\''") + "'";
}

/** A Python f-string's literal text (between replacement fields): braces doubled. */
export function pyFStringText(text: string): string {
  return escapeChars(text, '"').replace(/\{/g, "{{").replace(/\}/g, "}}");
}

// ── Data files ────────────────────────────────────────────────────────────────────────────────

/** A JSON string (package.json). */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** A TOML basic string (pyproject.toml): TOML has no escape for a lone surrogate, so it becomes U+FFFD. */
export function tomlString(value: string): string {
  const scalar = value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  return '"' + escapeChars(scalar, '"') + '"';
}

/** A TOML key: bare when TOML allows it (letters, digits, `_`, `-`), else a quoted string. */
export function tomlKey(value: string): string {
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : tomlString(value);
}

// ── Markdown ──────────────────────────────────────────────────────────────────────────────────

/** What makes md() look closer: `<`, backticks, tildes (fences), `](` (links), breaks and invisibles. */
const MARKDOWN_SPECIAL = /[<`~\]\n\r\u0085\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;

/**
 * HTML that descriptions may keep: plain formatting tags without attributes, and links whose only
 * attribute is an http(s), mailto or `//host` href (Stripe's descriptions are written in HTML; their
 * links to a path have become `<a>` by then, PATH_ANCHOR).
 */
const SAFE_TAG =
  /^(<\/?(b|i|em|strong|code|pre|p|br|ul|ol|li|sup|sub|kbd|blockquote|hr|h[1-6]|table|thead|tbody|tr|th|td|details|summary|a)\s*\/?>|<a\s+href="(https?:\/\/|mailto:|\/\/)[^"<>`]*"\s*>)/i;
/** Link targets that run script or carry content when clicked. */
const UNSAFE_LINK = /\]\(\s*<?\s*(?:javascript|vbscript|data|file)\s*:/gi;
/**
 * The `]` of a link whose target is a path or a fragment (`/apis/design`, `guide.md`, `#part`), not a
 * URL: its author wrote it for their own site, and in the SDK's docs it leads nowhere (a dead link
 * also fails a VitePress build). Escaped, the `]` closes no link: the text reads as written, target
 * and all. An empty target (the page itself) and `//host` stay links; an escaped `]` closes none
 * (a backslash before it would escape the backslash instead).
 */
const PATH_LINK = /(?<!(?:^|[^\\])(?:\\\\)*\\)\](?=\((?![ \t]*\)|[ \t]*<>)\s*(?!<?(?:[a-z][a-z0-9+.-]*:|\/\/)))/gi;
/** An HTML link to a path or a fragment (Stripe's `<a href="/docs/connect">`): kept as `<a>`, text without a target. */
const PATH_ANCHOR = /<a\s+href="(?:\/(?!\/)|#|\.)[^"<>`]*"\s*>/gi;
/** What may open a line before its block: indentation, and the markers of quotes and list items (`> - `). */
const CONTAINERS = String.raw`(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*`;
/**
 * The same in a link reference definition (`[id]: /path`): its `[` first on a line but for
 * indentation and the markers of the quotes and list items it may sit in (`> - [id]: /path`), its
 * label any text without unescaped brackets or a blank line. Matched where backslash escapes are
 * masked (escapeDefinitions) and code spans are not: a label ends at its first unescaped `]`,
 * backticks or not.
 */
const PATH_DEFINITION = new RegExp(String.raw`^(${CONTAINERS}\[(?:[^[\]\n]|\n(?![ \t]*(?:\n|$)))*)\](?=:(?!\s*<?(?:[a-z][a-z0-9+.-]*:|\/\/)))`, "gim");

/**
 * Markdown prose from a description (CommonMark, as OpenAPI allows): formatting and links stay;
 * raw HTML other than plain formatting tags is shown as text, and script links lose their target.
 * Code spans and fenced blocks are left as written, where the renderer reads them as md() does; text
 * it reads otherwise is shown plain (readsInert). `inline`: the text must stay on one line (headings,
 * list items).
 */
export function md(text: string, inline = false, fences = true): string {
  // Plain prose (no markup that could be HTML, code or a link target, no line breaks): as it is.
  if (!MARKDOWN_SPECIAL.test(text)) return inline ? text.trim() : text;
  const lines = splitLines(visible(text));
  const place: MarkdownPlace = inline ? "inline" : fences ? "block" : "cell";
  const out = place === "block" ? blocks(lines) : joined(lines, inline);
  // What the escaper left as written (code, escapes) or cannot see (definitions) is checked with
  // the renderer: where the two read the text's blocks or code spans apart, the text is shown plain.
  if (neutralise(out) === out && !out.includes("]:")) return out;
  return readsInert(out, place, (tag) => SAFE_TAG.test(tag), leadsSomewhere) ? out : plain(lines, inline);
}

/** Escaped prose as blocks: fences kept as written; HTML blocks and paragraphs neutralised. */
function blocks(lines: string[]): string {
  const out: string[] = [];
  for (const run of runs(lines)) {
    if (run.fence) out.push(...run.lines);
    // After the paragraphs' escapes, which may make a label (`[\\](#]: /x`); a definition's label
    // may run across lines that start blocks (`[a` then `1. b]: /x`).
    else out.push(...escapeDefinitions(paragraphs(run.lines).join("\n")).split("\n"));
  }
  return out.join("\n");
}

/**
 * Escaped prose that becomes one line (`inline`: a list item's, its lines joined) or one table cell
 * (its breaks made `<br/>`): one paragraph, its code spans found in it whole. A list item whose text
 * starts with a block-level tag is an HTML block, where backticks and backslashes protect nothing.
 */
function joined(lines: string[], inline: boolean): string {
  const text = lines.join("\n");
  const out = (inline && htmlBlockStart(text.trimStart().split("\n")[0]) ? neutralise(text) : prose(text)).split("\n");
  // The lines joined make one paragraph, in which a label may now run on (`[` and `(]: /x`).
  return inline ? escapeDefinitions(out.join(" ").trim()) : out.join("\n");
}

/** A link target that leads somewhere from the SDK's docs: a URL, `//host`, the page itself, or md()'s mark of a script link. */
function leadsSomewhere(href: string): boolean {
  return href === "" || href.startsWith("#unsafe-link-removed:") || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
}

/**
 * Text as plain as markdown shows it: no HTML, code, fence or link can start in it (`<` as an
 * entity, backticks, tildes and brackets escaped); emphasis and line breaks stay.
 */
function plain(lines: string[], inline: boolean): string {
  const out = lines.map((l) => l.replace(/[<`~[\]]/g, (c) => (c === "<" ? "&lt;" : "\\" + c)));
  return inline ? out.join(" ").trim() : out.join("\n");
}

/** A line of prose, or of an HTML block (`html`), where CommonMark reads neither code spans nor escapes. */
type ProseLine = { text: string; html: boolean };

/**
 * The lines of a description as runs of fenced blocks and of other lines (an unclosed fence closed:
 * it would swallow the rest of the page).
 *
 * A fence indented by one to three columns may be in a list item: its lines are code while they are
 * indented as much. A line indented less ends the item, or not (at the top level the fence runs on):
 * from there md() cannot tell code from prose, and takes every line after for prose.
 */
function runs(lines: string[]): ({ fence: true; lines: string[] } | { fence: false; lines: ProseLine[] })[] {
  const out: ({ fence: true; lines: string[] } | { fence: false; lines: ProseLine[] })[] = [];
  const pushProse = (text: string, html: boolean) => {
    const last = out.at(-1);
    if (last && !last.fence) last.lines.push({ text, html });
    else out.push({ fence: false, lines: [{ text, html }] });
  };
  let fence: { run: string; indent: number } | undefined;
  let uncertain = false;
  let html: "blank" | "pre" | undefined;
  for (const line of lines) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)/.exec(line);
    if (fence) {
      const closes = open && open[2][0] === fence.run[0] && open[2].length >= fence.run.length && open[3].trim() === "";
      if (closes || line.trim() === "" || indentOf(line) >= fence.indent) {
        (out.at(-1)!.lines as string[]).push(line);
        if (closes) fence = undefined;
        continue;
      }
      fence = undefined;
      uncertain = true;
    }
    // An HTML block runs to a blank line (to `</pre>` for a <pre>), fence lines and all.
    if (html === "blank" && line.trim() === "") html = undefined;
    html ??= htmlBlockStart(line);
    if (html) {
      pushProse(line, true);
      if (html === "pre" && /<\/pre>/i.test(line)) html = undefined;
      continue;
    }
    // (Nor where a backtick follows the backticks: "``` code ```" is a code span, CommonMark's
    // rule, and the lines after it prose, escaped.)
    if (open && !uncertain && (open[2][0] === "~" || !open[3].includes("`"))) {
      fence = { run: open[2], indent: open[1].length };
      out.push({ fence: true, lines: [line] });
      continue;
    }
    pushProse(line, false);
  }
  if (fence) (out.at(-1)!.lines as string[]).push(" ".repeat(fence.indent) + fence.run);
  return out;
}

/** The columns a line is indented by (a tab to the next multiple of four). */
function indentOf(line: string): number {
  let n = 0;
  for (const c of /^[ \t]*/.exec(line)![0]) n = c === "\t" ? n + 4 - (n % 4) : n + 1;
  return n;
}

/** A line that starts with a tag, in a quote or list item or not: the tag and the rest of the line. */
const HTML_LINE = new RegExp(String.raw`^${CONTAINERS}(<.*)$`);

/**
 * The HTML block a line starts, as CommonMark starts one, where a tag md() keeps (SAFE_TAG, or an
 * `<a>` once PATH_ANCHOR made it one) begins the line, in a quote or list item or not: a <pre> runs to
 * its `</pre>`; a block-level tag, or any tag alone on its line, to a blank line. (A tag alone may
 * not interrupt a paragraph; taken as a start all the same, it only costs escapes.)
 */
function htmlBlockStart(line: string): "blank" | "pre" | undefined {
  const m = HTML_LINE.exec(line);
  if (!m) return undefined;
  const rest = m[1].replace(PATH_ANCHOR, "<a>");
  if (!SAFE_TAG.test(rest)) return undefined;
  if (/^<pre(?=[\s>]|$)/i.test(rest)) return "pre";
  if (/^<\/?(?:p|ul|ol|li|blockquote|hr|h[1-6]|table|thead|tbody|tr|th|td|details|summary)(?=[\s/>]|$)/i.test(rest)) return "blank";
  return /^<[^<>]*>\s*$/.test(rest) ? "blank" : undefined;
}

/**
 * Lines neutralised a paragraph at a time (a code span may cross the breaks of a paragraph), and a
 * line of an HTML block as a whole: there a backtick or a backslash protects nothing.
 */
function paragraphs(lines: ProseLine[]): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...prose(paragraph.join("\n")).split("\n"));
    paragraph = [];
  };
  for (const { text: line, html } of lines) {
    if (html || line.trim() === "") {
      flush();
      out.push(html ? neutralise(line) : line);
      continue;
    }
    // A line that starts a block (heading, quote, list item, table row, HTML, rule) ends the
    // paragraph before it: no code span reaches across it. One that may be code (indented, or a
    // fence in a quote or list item) is a paragraph of its own: no span reaches into or out of it.
    // (Where the renderer pairs backticks otherwise all the same, md() checks with it: readsInert.)
    const maybeCode = MAYBE_CODE.test(line);
    if (maybeCode || BLOCK_START.test(line)) flush();
    paragraph.push(line);
    if (maybeCode) flush();
  }
  flush();
  return out;
}

const BLOCK_START = /^ {0,3}([#>*+=|<_-]|\d{1,9}[.)])/;
/**
 * A line CommonMark may read as code where md() would read prose: indented by four columns, or a
 * fence after the markers of a quote or list item (md() finds fences only outside them). Taking one
 * for code that is not costs nothing: its backticks are simply not trusted.
 */
const MAYBE_CODE = new RegExp(String.raw`^(?: {4}|\t| {0,3}\t)|^${CONTAINERS}(?:\x60{3,}|~{3,})`);

/**
 * Prose (a paragraph, line breaks kept): HTML and script links neutralised outside code spans, found
 * as CommonMark finds them: a backslash-escaped backtick opens nothing, and a span may cross lines.
 */
function prose(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\" && i + 1 < text.length && text[i + 1] !== "\n") {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text[i] === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = closingRun(text, i + run.length, run.length);
      if (end !== -1) {
        out += text.slice(i, end + run.length);
        i = end + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    let stop = i;
    while (stop < text.length && text[stop] !== "`" && text[stop] !== "\\") stop++;
    if (stop === i) stop++;
    out += neutralise(text.slice(i, stop));
    i = stop;
  }
  return out;
}

/**
 * Prose whose link reference definitions to a path (PATH_DEFINITION) have their label's `]` escaped:
 * no longer definitions, the lines read as written. Found on the text with its backslash escapes
 * masked (same length), so that `\\]` inside a label is seen as part of it; again until none is left,
 * as an escaped `]` lets a label run on to the next `]:`.
 */
function escapeDefinitions(text: string): string {
  if (!text.includes("]:")) return text;
  for (;;) {
    const masked = text.replace(/\\[\s\S]/g, "\u0001\u0001");
    let out = "";
    let from = 0;
    for (const m of masked.matchAll(PATH_DEFINITION)) {
      const at = m.index + m[1].length;
      out += text.slice(from, at) + "\\";
      from = at;
    }
    if (from === 0) return text;
    text = out + text.slice(from);
  }
}

/** Where the backtick run of exactly `n` that closes a code span starts, from `from`, or -1. */
function closingRun(text: string, from: number, n: number): number {
  for (let j = from; j < text.length;) {
    if (text[j] !== "`") {
      j++;
      continue;
    }
    let k = j;
    while (text[k] === "`") k++;
    if (k - j === n) return j;
    j = k;
  }
  return -1;
}

function neutralise(prose: string): string {
  const text = prose.replace(PATH_ANCHOR, "<a>");
  return text
    .replace(/<(?=[A-Za-z/!?])/g, (lt, offset: number) => (SAFE_TAG.test(text.slice(offset)) ? lt : "&lt;"))
    .replace(PATH_LINK, "\\]")
    .replace(UNSAFE_LINK, "](#unsafe-link-removed:");
}

/** A table cell: prose (line breaks kept: tables write them as `<br/>`), with every pipe escaped. */
export function mdCell(text: string): string {
  return md(text, false, false).replace(/\|/g, "\\|");
}

/**
 * Text that must read as plain words and never as markup or a link (the changelog's titles and
 * details): as it is when it is only words and punctuation no renderer acts on, else a code span
 * (GitHub links bare URLs in prose, and a backslash does not stop it; a code span does).
 */
export function mdPlain(text: string): string {
  const flat = oneLine(text).trim();
  return /^[\p{L}\p{N} ,;:()'’→-]*$/u.test(flat) ? flat : mdCode(flat);
}

/** An inline code span holding `text` exactly (a run of backticks inside needs a longer fence). */
export function mdCode(text: string): string {
  const flat = visible(oneLine(text));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** An inline code span in a table cell: a pipe, even in a code span, would end the cell (GFM), so it is escaped. */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, "\\|");
}

/** A value inside a double-quoted HTML attribute, itself inside an HTML comment (`<!-- … -->`). */
export function htmlAttr(text: string): string {
  return visible(oneLine(text)).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/--/g, "-&#45;");
}
