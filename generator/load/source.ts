/**
 * One input file: its parsed data, plus line:column lookup for any JSON pointer in it.
 * JSON is parsed with JSON.parse (fast on 13 MB specs), YAML by js-yaml where it reads the text as the
 * `yaml` package does (yaml-fast.ts); the `yaml` document with source ranges is built only when a
 * diagnostic needs a position, or for YAML the fast reading leaves to it.
 */
import { createHash, type Hash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync, type Stats } from "node:fs";
import { relative } from "node:path";
import { LineCounter, isAlias, isMap, isSeq, parseDocument, visit, type Document, type Node } from "yaml";
import { SpecError, pointerOf, type Diagnostic } from "../diagnostics.js";
import { repairQuotedIndent } from "./yaml-lenient.js";
import { fastYaml } from "./yaml-fast.js";
import { eventOffset, yamlEvents, type YamlEvents } from "./yaml-locate.js";
import { digestOf } from "../write/stat-index.js";
import { jsonBody, jsonOffset, jsonTree, readJsonText, type JsonProblem } from "./json-text.js";
import { deepFreeze, kept, reparse, shared, type JsonRead } from "./json-delta.js";
import type { SourceReads } from "./source-reads.js";
import { findNodeAtOffset, getNodePath, type Node as JsonNode } from "jsonc-parser";

/** The largest input file read: eight times GitHub's 13 MB description. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;
/** How many nodes YAML aliases may expand to in one document (the `yaml` package's resource guard). */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * A file that changed while it was read. Under --watch it is not reported: the change that made it
 * raises a file event of its own, and the run that follows reads the file whole.
 */
export class ReadWhileWritten extends SpecError {}

export class SourceFile {
  private doc: Document | undefined;
  private lines: LineCounter | undefined;
  /** Whether the text was read as JSON (positions then come from JSON's syntax tree, `tree`). */
  private json = false;
  /** Whether JSON.parse read the text as it is (not as JSON with comments): then a later save may be read from this one's data (json-delta.ts). */
  private strictJson = false;
  /** null once the tree turned out too deep to build. */
  private tree: JsonNode | null | undefined;
  /** Whether js-yaml read the text (yaml-fast.ts), whose events then place diagnostics (null: they could not be read again). */
  private fast = false;
  private events: YamlEvents | null | undefined;
  /** What loading forgave (YAML that only a strict 1.2 reading rejects), each at its position. */
  readonly warnings: Diagnostic[] = [];
  /**
   * A file read from disk: its bytes' digests, taken as it was read (generate.ts's, and the
   * up-to-date check's, which hashes the bytes too). Hashing the decoded text encodes it again: 54
   * against 7 ms for GitHub's 13 MB description, twice a run.
   */
  bytes: { sha1: string; sha256: Hash } | undefined;
  /**
   * Throws ReadWhileWritten when the file read from disk is no longer as it was read (its size or
   * mtime changed): asked again once a run is about to write what it made of the file.
   */
  assertAsRead: () => void = nothingToCheck;

  private constructor(
    readonly path: string,
    /** The text, or the bytes it is decoded from once something asks for it (a file read from the last read's data). */
    private source: string | Buffer,
    private _data: unknown,
  ) {}

  /** The file's data (frozen when shared with the last read under --watch). */
  get data(): unknown {
    return this._data;
  }

  /** The file's text (a diagnostic's position needs it). */
  get text(): string {
    if (typeof this.source !== "string") this.source = this.source.toString("utf8");
    return this.source;
  }

  /** Path as shown to users: relative to the working directory when that is shorter. */
  get displayPath(): string {
    const rel = relative(process.cwd(), this.path);
    return rel && !rel.startsWith("..") ? rel : this.path;
  }

  /**
   * `reads`: the bytes this run read of the file already, if it is still as they were; and (--watch)
   * the last read of each JSON file, from which a new one is made by parsing only what an edit
   * changed (json-delta.ts), and which gets this read (unless `share` is false: the data is to be
   * changed, as overlays change the spec's).
   */
  static read(path: string, displayFrom?: { file: string; pointer: string; line: number; column: number }, reads?: SourceReads, share = true): SourceFile {
    const fail = (message: string, hint: string) =>
      new SpecError([
        {
          severity: "error",
          file: displayFrom?.file ?? path,
          line: displayFrom?.line ?? 0,
          column: displayFrom?.column ?? 0,
          pointer: displayFrom?.pointer ?? "#",
          message,
          hint: displayFrom ? `${hint}; a $ref's file path is relative to the referring document` : hint,
        },
      ]);
    let bytes: Buffer;
    let sha1: string | undefined;
    let st: Stats;
    try {
      // A device or a pipe could be read forever: only regular files of a bounded size are read.
      st = statSync(path);
      if (!st.isFile()) throw fail(`cannot read ${path}: it is ${st.isDirectory() ? "a folder" : "not a regular file (a device, pipe or socket)"}`, "point at an OpenAPI document saved as a file");
      if (st.size > MAX_FILE_BYTES)
        throw fail(`cannot read ${path}: it is ${Math.round(st.size / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit`, "split the document into files joined by $ref");
      // The bytes, then their text: Node 20's readFileSync(path, "utf8") took 100 ms for GitHub's
      // 7 MB spec (140 bytes of it beyond ASCII), reading and decoding apart 80 ms; the same text.
      const early = reads?.take(path, st);
      sha1 = early?.sha1;
      bytes = early?.bytes ?? readFileSync(path);
    } catch (e) {
      if (e instanceof SpecError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      const reason =
        code === "ENOENT" ? "file not found" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENAMETOOLONG" ? "the path is too long" : ((e as Error).message ?? String(e));
      throw fail(`cannot read ${path}: ${reason}`, code === "EACCES" || code === "EPERM" ? "check the file's permissions and those of its folders" : "check the path");
    }
    // A file saved while it was read (an editor's save, a --watch run that began at its first byte)
    // reads as a prefix, or as a mix of two versions: told apart by its size and mtime, right after
    // reading and again before a slow reading (JSON's report of where it breaks costs most of a
    // second on GitHub's description, spent on a file that is only half there).
    const unchanged = asReadCheck(path, st.mtimeMs, bytes.length, () => fail(`${path} changed while it was being read`, "it is being written: run again once it is saved").diagnostics);
    unchanged();
    const last = share ? reads?.last : undefined;
    const again = SourceFile.again(path, bytes, last);
    const file = again ?? SourceFile.parse(path, bytes.toString("utf8"), unchanged);
    if (last && !again) {
      // Read whole: what is equal to the last read's data is taken from it (json-delta.ts shared).
      // A next save starts from this one only as JSON.parse read it, without duplicate keys (kept);
      // else (YAML, JSON with comments) it is read whole too, and shares what is equal.
      const previous = last.get(path);
      const data = previous && file.data !== undefined ? shared(previous.data, file.data) : file.data;
      const read = data === undefined ? undefined : file.strictJson ? kept(bytes, data) : { bytes, data: deepFreeze(data) };
      file._data = read?.data ?? data;
      if (read) last.set(path, read);
      else last.delete(path);
    }
    file.assertAsRead = unchanged;
    file.bytes = { sha1: sha1 ?? digestOf(bytes), sha256: createHash("sha256").update(bytes) };
    if (!isUtf8(bytes)) file.warnings.push(file.notUtf8(bytes));
    return file;
  }

  /** The file now `bytes`, from its last read in `reads` (json-delta.ts); undefined when it must be read whole. */
  private static again(path: string, bytes: Buffer, reads: Map<string, JsonRead> | undefined): SourceFile | undefined {
    const last = reads?.get(path);
    const read = last && reparse(last, bytes);
    if (!read) return undefined;
    const file = new SourceFile(path, bytes, read.data);
    file.json = true;
    reads!.set(path, { bytes, data: read.data, json: true });
    return file;
  }

  /**
   * A file that is not UTF-8 (Latin-1, Windows-1252) reads with U+FFFD for each byte that is not:
   * in names, descriptions and enum values. Said once, at the first such byte.
   */
  private notUtf8(bytes: Buffer): Diagnostic {
    const at = firstInvalidUtf8(bytes);
    const offset = bytes.subarray(0, at).toString("utf8").length;
    const pos = this.lineCounter().linePos(offset);
    return {
      severity: "warning",
      file: this.displayPath,
      line: pos.line,
      column: pos.col,
      pointer: this.pointerAtOffset(offset),
      message: `the file is not UTF-8: byte 0x${bytes[at].toString(16).padStart(2, "0")} here (and any like it) reads as the replacement character U+FFFD`,
      hint: "save the file as UTF-8 (OpenAPI documents are UTF-8); a Latin-1 or Windows-1252 editor setting writes such bytes",
    };
  }

  /** The JSON pointer of the value at a text offset (for a diagnostic that has only the offset). */
  private pointerAtOffset(offset: number): string {
    if (this.json) {
      const tree = jsonTree(jsonBody(this.text));
      const node = tree && findNodeAtOffset(tree, offset, true);
      return node ? pointerOf(getNodePath(node)) : "#";
    }
    const doc = this.doc ?? parseDocument(this.text, { uniqueKeys: false, prettyErrors: false });
    return pointerAt(doc, offset);
  }

  /** `unchanged`: throws when the file is no longer the text given (asked before a slow reading). */
  static parse(path: string, text: string, unchanged: () => void = nothingToCheck): SourceFile {
    // The text stays as read (its digest is its bytes', which the up-to-date check hashes); JSON reads
    // it with a byte-order mark as a space, which JSON.parse and jsonc-parser refuse.
    const body = jsonBody(text);
    const trimmed = body.trimStart();
    const named = /\.json$/i.test(path);
    if (named || trimmed.startsWith("{")) {
      try {
        const file = new SourceFile(path, text, JSON.parse(body));
        file.json = true;
        file.strictJson = true;
        return file;
      } catch (e) {
        // A .json that looks like JSON is read as JSON with comments, or its problems reported in JSON's
        // words. Anything else (YAML in a .json, or a YAML file in flow style) is YAML's to read.
        if (named && (trimmed.startsWith("{") || trimmed.startsWith("["))) {
          unchanged();
          return SourceFile.fromJsonText(path, text, e);
        }
      }
    }
    // Most YAML reads as fast as JSON does; the `yaml` package's document only where it must (yaml-fast.ts).
    const fast = fastYaml(text);
    if (fast) {
      const file = new SourceFile(path, text, fast.data);
      file.fast = true;
      return file;
    }
    unchanged();
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const file = new SourceFile(path, text, undefined);
    file.doc = doc;
    file.lines = lines;
    if (doc.errors.length > 0) {
      const lenient = SourceFile.repaired(path, text);
      if (lenient) return lenient;
      throw new SpecError(
        doc.errors.map((err): Diagnostic => {
          const pos = lines.linePos(err.pos[0]);
          return {
            severity: "error",
            file: file.displayPath,
            line: pos.line,
            column: pos.col,
            pointer: pointerAt(doc, err.pos[0]),
            message: `invalid ${/\.json$/i.test(path) ? "JSON" : "YAML"}: ${err.message.split("\n")[0]}`,
            hint: yamlHint(err.code),
          };
        }),
      );
    }
    return new SourceFile(path, text, toData(file, doc, lines));
  }

  /**
   * A .json that JSON.parse refused: JSON with comments and trailing commas is read, with a warning;
   * so is what YAML's flow style reads (unquoted or single-quoted names), as it always was; anything
   * else is reported where it breaks, in JSON's words (json-text.ts).
   */
  private static fromJsonText(path: string, text: string, jsonError: unknown): SourceFile {
    const reading = readJsonText(jsonBody(text), jsonError);
    const file = (data: unknown) => {
      const read = new SourceFile(path, text, data);
      read.json = "data" in reading;
      return read;
    };
    if ("data" in reading) {
      const read = file(reading.data);
      if (reading.lenient) read.warnings.push(read.problem("warning", reading.lenient));
      return read;
    }
    // (Not tried where YAML would refuse the text too: it costs half a second on a 7 MB spec.)
    const yaml = reading.problems[0]?.yamlMayRead ? fastYaml(text) : undefined;
    if (yaml) {
      const read = file(yaml.data);
      const first = reading.problems[0]!;
      read.warnings.push(
        read.problem("warning", {
          ...first,
          message: `not JSON (${first.message}): read as YAML`,
          hint: "quote property names and strings in double quotes, so that every JSON parser reads the file",
        }),
      );
      return read;
    }
    const broken = file(undefined);
    throw new SpecError(reading.problems.map((p) => broken.problem("error", { ...p, message: `invalid JSON: ${p.message}` })));
  }

  /** A diagnostic at a JSON text's offset. */
  private problem(severity: Diagnostic["severity"], p: JsonProblem): Diagnostic {
    const pos = this.lineCounter().linePos(p.offset);
    return { severity, file: this.displayPath, line: pos.line, column: pos.col, pointer: pointerOf(p.path), message: p.message, hint: p.hint };
  }

  /** Line starts of the text, counted once (the `yaml` package's counter, filled without its parser). */
  private lineCounter(): LineCounter {
    if (!this.lines) {
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
      this.lines = lines;
    }
    return this.lines;
  }

  /**
   * The file read as Speakeasy and PyYAML read it, when the only problem is a multi-line quoted
   * scalar indented left of its key; positions stay right, since only leading spaces are added.
   */
  private static repaired(path: string, text: string): SourceFile | undefined {
    const repair = repairQuotedIndent(text);
    if (!repair) return undefined;
    const lines = new LineCounter();
    const doc = parseDocument(repair.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    const file = new SourceFile(path, repair.text, toData(new SourceFile(path, repair.text, undefined), doc, lines));
    file.doc = doc;
    file.lines = lines;
    for (const line of repair.lines) {
      file.warnings.push({
        severity: "warning",
        file: file.displayPath,
        line,
        column: 1,
        pointer: pointerAt(doc, lines.lineStarts[line - 1] ?? 0),
        message: "a multi-line quoted string continues left of its key's indentation (YAML 1.2 rejects this; read as PyYAML reads it)",
        hint: "indent the string's continuation lines, including the one with the closing quote, past its key",
      });
    }
    return file;
  }

  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], key = false): { line: number; column: number } {
    if (this.json) {
      // JSON's syntax tree is built in a fraction of the time the `yaml` package's document takes.
      this.tree ??= jsonTree(jsonBody(this.text)) ?? null;
      if (this.tree) {
        const pos = this.lineCounter().linePos(jsonOffset(this.tree, path, key));
        return { line: pos.line, column: pos.col };
      }
    }
    // YAML read through js-yaml's events: them again, unless they cannot say (yaml-locate.ts).
    if (this.fast && !this.doc) {
      this.events ??= yamlEvents(this.text) ?? null;
      const offset = this.events ? eventOffset(this.text, this.events, path, key) : undefined;
      if (offset !== undefined) {
        const pos = this.lineCounter().linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    if (!this.doc) {
      const lines = new LineCounter();
      this.doc = parseDocument(this.text, { lineCounter: lines });
      this.lines = lines;
    }
    const pos = this.lines!.linePos(documentOffset(this.doc, path, key));
    return { line: pos.line, column: pos.col };
  }
}

/** The offset of the node at `path` in a `yaml` document (of its key, with `key`), or of its nearest existing ancestor. */
export function documentOffset(doc: Document, path: readonly (string | number)[], key = false): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const last = i === path.length - 1;
      offset = (last && key ? keyNode?.range?.[0] : (valueNode?.range?.[0] ?? keyNode?.range?.[0])) ?? offset;
      node = valueNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

/**
 * The document as plain data. An alias inside the node it names would make the data cyclic, and an
 * "alias bomb" would expand to billions of nodes: both are refused with the alias's position.
 */
function toData(file: SourceFile, doc: Document, lines: LineCounter): unknown {
  let problem: { node: Node; message: string; hint: string } | undefined;
  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      if (target && path.includes(target as never)) {
        problem = {
          node: alias as unknown as Node,
          message: `the alias *${alias.source} refers to a node that contains it, so the document would never end`,
          hint: "write the repeated part out, or move it into a component and use $ref",
        };
        return visit.BREAK;
      }
    },
  });
  if (!problem) {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      if (!(e instanceof ReferenceError)) throw e;
      visit(doc, {
        Alias(_key, alias) {
          problem = {
            node: alias as unknown as Node,
            message: `YAML aliases here expand to more than ${MAX_ALIAS_COUNT} nodes (a resource-exhaustion pattern)`,
            hint: "use $ref to share schemas instead of YAML anchors and aliases",
          };
          return visit.BREAK;
        },
      });
      problem ??= { node: doc.contents as Node, message: (e as Error).message, hint: "use $ref instead of YAML aliases" };
    }
  }
  const pos = lines.linePos(problem.node.range?.[0] ?? 0);
  throw new SpecError([
    { severity: "error", file: file.displayPath, line: pos.line, column: pos.col, pointer: pointerAt(doc, problem.node.range?.[0] ?? 0), message: problem.message, hint: problem.hint },
  ]);
}

/** The JSON pointer of the innermost node around `offset` (for syntax errors, as far as it parsed). */
function pointerAt(doc: Document, offset: number): string {
  const path: (string | number)[] = [];
  let node = doc.contents as Node | null;
  const within = (n: Node | null | undefined) => !!n?.range && n.range[0] <= offset && offset <= n.range[2];
  while (node) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.value as Node) || within(p.key as Node));
      if (!pair) break;
      path.push(String((pair.key as { value?: unknown })?.value ?? pair.key));
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(it as Node));
      if (i < 0) break;
      path.push(i);
      node = node.items[i] as Node;
    } else break;
  }
  return pointerOf(path);
}

function yamlHint(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "remove or rename one of the duplicated keys";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return "check the indentation and quoting on this line and the one before it";
    case "BLOCK_AS_IMPLICIT_KEY":
      return "a key may not span lines; check for a missing ':' or wrong indentation";
    default:
      return "fix the syntax at this position; YAML is indentation-sensitive and quotes must be closed";
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (the bytes are known not to be UTF-8). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

/** The check of a file not read from disk (a spec given in memory). */
const nothingToCheck = (): void => {};

/**
 * A check that throws ReadWhileWritten once the file at `path` no longer has the size read
 * (`length`) and the mtime it had before. It holds numbers only: a run keeps it to its end, and
 * must not keep the file's bytes with it (Microsoft Graph's are 47 MB).
 */
function asReadCheck(path: string, mtimeMs: number, length: number, error: () => Diagnostic[]): () => void {
  return () => {
    let now: Stats | undefined;
    try {
      now = statSync(path);
    } catch {
      // gone: not as read
    }
    if (now?.size !== length || now.mtimeMs !== mtimeMs) throw new ReadWhileWritten(error());
  };
}
