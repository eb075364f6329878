/**
 * One input file: its parsed data, plus line:column lookup for any JSON pointer in it.
 * JSON is parsed with JSON.parse (fast on 13 MB specs); the `yaml` CST with source ranges is built
 * only when a diagnostic needs a position, so the happy path never pays for it.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node } from "yaml";
import { SpecError, pointerOf, type Diagnostic } from "../diagnostics.js";

export class SourceFile {
  private doc: Document | undefined;
  private lines: LineCounter | undefined;

  private constructor(
    readonly path: string,
    readonly text: string,
    readonly data: unknown,
  ) {}

  /** Path as shown to users: relative to the working directory when that is shorter. */
  get displayPath(): string {
    const rel = relative(process.cwd(), this.path);
    return rel && !rel.startsWith("..") ? rel : this.path;
  }

  static read(path: string, displayFrom?: { file: string; pointer: string; line: number; column: number }): SourceFile {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message;
      throw new SpecError([
        {
          severity: "error",
          file: displayFrom?.file ?? path,
          line: displayFrom?.line ?? 0,
          column: displayFrom?.column ?? 0,
          pointer: displayFrom?.pointer ?? "#",
          message: `cannot read ${path}: ${reason}`,
          hint: displayFrom ? "check the $ref's file path; it is relative to the referring document" : "check the path",
        },
      ]);
    }
    return SourceFile.parse(path, text);
  }

  static parse(path: string, text: string): SourceFile {
    const trimmed = text.trimStart();
    if (/\.json$/i.test(path) || trimmed.startsWith("{")) {
      try {
        return new SourceFile(path, text, JSON.parse(text));
      } catch {
        // Not strict JSON (comments, trailing commas, or really YAML): fall through to the YAML parser,
        // which reports the position of the problem.
      }
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const file = new SourceFile(path, text, undefined);
    file.doc = doc;
    file.lines = lines;
    if (doc.errors.length > 0) {
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
    return new SourceFile(path, text, doc.toJS({ maxAliasCount: -1 }));
  }

  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], key = false): { line: number; column: number } {
    if (!this.doc) {
      const lines = new LineCounter();
      this.doc = parseDocument(this.text, { lineCounter: lines });
      this.lines = lines;
    }
    let node: Node | null | undefined = this.doc.contents as Node | null;
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
    const pos = this.lines!.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
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
