/**
 * Loads an OpenAPI document and every file its `$ref`s reach, and resolves references.
 * References stay in the data (the IR turns named component refs into model references);
 * `Resolver.deref` follows them on demand. Cycles are fine: nothing is inlined here.
 */
import { dirname, resolve as resolvePath } from "node:path";
import { SpecError, decodePercent, parsePointer, pointerOf, type Diagnostic } from "../diagnostics.js";
import type { SourceReads } from "./source-reads.js";
import { SourceFile } from "./source.js";

/** A place in the loaded documents. */
export interface Loc {
  file: SourceFile;
  path: (string | number)[];
}

export interface Resolved<T = unknown> {
  value: T;
  loc: Loc;
}

export class Resolver {
  private readonly files = new Map<string, SourceFile>();
  /**
   * Each `$ref` string's target, by the file it is written in: the IR follows the same few thousand
   * refs hundreds of thousands of times (GitHub's spec), and the documents do not change while it does.
   * A target's path is frozen, as every caller shares it.
   */
  private readonly targets = new Map<SourceFile, Map<string, Resolved>>();
  /** Told where each `$ref` followed leads, while set (the IR's components memo watches what they read). */
  observe: ((loc: Loc) => void) | undefined;

  /** `reads`: what the run read of its files already, for the files $refs reach (see SourceFile.read). */
  constructor(
    readonly root: SourceFile,
    private readonly reads?: SourceReads,
  ) {
    this.files.set(root.path, root);
  }

  /** All files loaded so far (root first). */
  get sources(): SourceFile[] {
    return [...this.files.values()];
  }

  diagnostic(loc: Loc, message: string, hint?: string, opts: { key?: boolean; severity?: "error" | "warning" } = {}): Diagnostic {
    const pos = loc.file.locate(loc.path, opts.key);
    return {
      severity: opts.severity ?? "error",
      file: loc.file.displayPath,
      line: pos.line,
      column: pos.column,
      pointer: pointerOf(loc.path),
      message,
      hint,
    };
  }

  /** Follows `$ref` chains starting at `value` (found at `loc`); returns the final target. */
  deref<T = unknown>(value: unknown, loc: Loc): Resolved<T> {
    let cur: Resolved = { value, loc };
    if (!isRef(value)) return cur as Resolved<T>;
    // A chain that comes back to a $ref object it followed goes round for ever: the same object in the
    // same file names the same target (a YAML alias puts one object in two places, but one file).
    const seen = new Set<object>();
    while (isRef(cur.value)) {
      if (seen.has(cur.value)) {
        throw new SpecError([this.diagnostic(cur.loc, "$ref cycle that never reaches a value", "point one of these $refs at a real schema")]);
      }
      seen.add(cur.value);
      cur = this.target(cur.value.$ref, { file: cur.loc.file, path: [...cur.loc.path, "$ref"] });
    }
    return cur as Resolved<T>;
  }

  /** Resolves one `$ref` string written at `at` (the location of the `$ref` key's value). */
  target(ref: string, at: Loc): Resolved {
    let known = this.targets.get(at.file);
    if (!known) this.targets.set(at.file, (known = new Map()));
    const hit = known.get(ref);
    if (hit) {
      this.observe?.(hit.loc);
      return { value: hit.value, loc: { file: hit.loc.file, path: hit.loc.path } };
    }
    const found = this.lookUp(ref, at);
    Object.freeze(found.loc.path);
    known.set(ref, found);
    this.observe?.(found.loc);
    return { value: found.value, loc: { file: found.loc.file, path: found.loc.path } };
  }

  private lookUp(ref: string, at: Loc): Resolved {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash);
    const badEscape = /%(?![0-9A-Fa-f]{2})/.exec(ref);
    if (badEscape) {
      throw new SpecError([
        this.diagnostic(at, `$ref "${ref}" has a malformed percent-escape at character ${badEscape.index + 1}`, "write % as %25; other escapes are % and two hex digits, like %7B for {"),
      ]);
    }
    let file = at.file;
    if (filePart !== "") {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filePart)) {
        throw new SpecError([this.diagnostic(at, `remote $ref "${ref}" is not supported`, "download the document and refer to it by a relative file path")]);
      }
      const abs = resolvePath(dirname(at.file.path), decodePercent(filePart));
      file = this.files.get(abs) ?? this.load(abs, at);
    }
    let path: string[];
    try {
      path = parsePointer(pointer);
    } catch {
      throw new SpecError([this.diagnostic(at, `malformed JSON pointer in $ref "${ref}"`, "write the pointer as #/components/schemas/Name")]);
    }
    let value: unknown = file.data;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, seg)) {
        value = (value as Record<string, unknown>)[seg];
      } else {
        const found = pointerOf(path.slice(0, i));
        const near = value !== null && typeof value === "object" ? nearest(seg, Object.keys(value)) : undefined;
        throw new SpecError([
          this.diagnostic(
            at,
            `$ref "${ref}" does not resolve: ${file === at.file ? "" : file.displayPath}${found} has no "${seg}"`,
            near ? `did you mean "${pointerOf(path.slice(0, i))}/${near}"?` : `define ${pointerOf(path)} or fix the reference`,
          ),
        ]);
      }
    }
    return { value, loc: { file, path } };
  }

  private load(abs: string, at: Loc): SourceFile {
    const pos = at.file.locate(at.path);
    const file = SourceFile.read(abs, { file: at.file.displayPath, pointer: pointerOf(at.path), line: pos.line, column: pos.column }, this.reads);
    this.files.set(abs, file);
    return file;
  }
}

export function isRef(v: unknown): v is { $ref: string } {
  return v !== null && typeof v === "object" && typeof (v as { $ref?: unknown }).$ref === "string";
}

/** The closest candidate by edit distance, if it is close enough to be a plausible typo. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
