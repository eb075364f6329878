/**
 * TypeScript output, byte for byte as prettier (3.x, default options) prints it, without running
 * prettier:
 * - a file whose lines all fit in 80 columns is already what prettier prints: the templates write each
 *   statement as prettier keeps a short one (the tests check every emitted file with prettier);
 * - a file whose longer lines all have a shape `layout.ts` knows (import lists, function headers,
 *   calls, arrow functions: 96 % of such files on GitHub's SDK, 93 % on Microsoft Graph's) gets
 *   prettier's layout from it, printed line by line without parsing: what oxfmt cost on those files
 *   was most of the fresh generation's idle time;
 * - any other file with a longer line goes through oxfmt, oxc's prettier-compatible formatter (native,
 *   about 30 times faster than prettier on our output, and equal to it on it but for one construct);
 * - that construct is a union that overflows its line but fits on the next: prettier moves it there
 *   whole, oxfmt breaks it one member a line. The planner knows where its unions are and how wide
 *   they print (`unions.ts`) and marks those few files; in them, each union oxfmt broke after a
 *   member's or alias's `:`/`=` is joined again onto one line when it fits there (`joinMovedUnions`).
 *   That line scan replaced prettier for those files: prettier took 0.8 s for GitHub's 60 such files
 *   and 12 s for Microsoft Graph's 1,153.
 */
import type { OffHeapTexts } from "../shared/off-heap.js";
import type { OutputFile } from "../../write/write.js";
import { recalled, type FormatMemo } from "../shared/format-memo.js";
import { composesFunctions, layOut, mayBeWide, PRINT_WIDTH } from "./layout.js";

export { PRINT_WIDTH };

/**
 * Whether a line of code (not of a comment: prettier never rewraps those) is wider than 80 columns. A
 * scan of line lengths (it runs over every emitted byte, and most files have no such line), and one
 * regex test for characters whose width may differ (mayBeWide: about 1.5 ms for GitHub's 23 MB).
 */
export function hasLongLine(s: string, width = PRINT_WIDTH): boolean {
  // A character prettier may count two columns wide (or none): a line of more than half the width
  // with one is taken for long, and the formatter, which measures as prettier does, decides.
  const wide = mayBeWide(s);
  for (let start = 0; start < s.length;) {
    const end = s.indexOf("\n", start);
    const length = (end < 0 ? s.length : end) - start;
    if ((length > width || (wide && length > width / 2 && mayBeWide(s.slice(start, end < 0 ? s.length : end)))) && !isComment(s, start)) return true;
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}

/**
 * Whether prettier would print the file otherwise than as written: a line wider than 80 columns, or
 * a short one whose call it breaks all the same (layout.ts composesFunctions; only lines with `=>`).
 */
export function needsFormat(s: string): boolean {
  if (hasLongLine(s)) return true;
  for (let i = s.indexOf("=>"); i !== -1; i = s.indexOf("=>", i + 2)) {
    const start = s.lastIndexOf("\n", i) + 1;
    const end = s.indexOf("\n", i);
    if (!isComment(s, start) && composesFunctions(s.slice(start, end < 0 ? s.length : end))) return true;
    if (end < 0) break;
    // The next search starts on the next line.
    i = end - 1;
  }
  return false;
}

/** A line whose first non-blank character starts or continues a comment (`*`, `/**`, `//`). */
function isComment(s: string, start: number): boolean {
  let i = start;
  while (s[i] === " ") i++;
  return s[i] === "*" || (s[i] === "/" && (s[i + 1] === "*" || s[i + 1] === "/"));
}

/** oxfmt calls in flight at once: its native work runs on libuv's 4 threads; more only costs memory. */
const OXFMT_CONCURRENCY = 4;

type OxfmtFormat = (typeof import("oxfmt"))["format"];

/**
 * Files handed to oxfmt at once while the rendering runs: as many as its threads format at a time
 * (each call holds its own buffers; more in flight only costs memory). The rendering yields now and
 * then (`Emission.breathe`) so that a finished call can start the next.
 */
const EAGER_IN_FLIGHT = OXFMT_CONCURRENCY;

/**
 * Formats files while the rest is still being rendered: each file with a long line goes to oxfmt the
 * moment it is printed. oxfmt's work runs on libuv's threads, so it overlaps the rendering, which
 * keeps the main thread busy (on GitHub's SDK the formatting step all but disappears). `done()`
 * resolves once every file started so far is formatted; a file oxfmt cannot parse fails it.
 */
export class EagerFormatter {
  private readonly pending: Promise<void>[] = [];
  /** Files whose unions oxfmt broke are joined again where prettier keeps them whole. */
  private readonly joined = new Set<OutputFile>();
  /** Files past the in-flight bound: started as others finish (once the rendering yields), from `nextWaiting` on. */
  private readonly waiting: OutputFile[] = [];
  private nextWaiting = 0;
  private inFlight = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly format: OxfmtFormat,
    private readonly memo: FormatMemo | undefined,
    private readonly offHeap: OffHeapTexts | undefined,
  ) {}

  /**
   * oxfmt loaded and its native bindings warm, so that a call starts its work at once (not after an
   * await). `memo`: what the last run of a --watch formatted; `offHeap`: where a finished file's
   * text may go (off-heap.ts).
   */
  static async create(memo?: FormatMemo, offHeap?: OffHeapTexts): Promise<EagerFormatter> {
    const { format } = await import("oxfmt");
    await format("warm-up.ts", "export {};\n", { printWidth: PRINT_WIDTH });
    return new EagerFormatter(format, memo, offHeap);
  }

  /**
   * Starts formatting `file` if it needs it; returns whether it did (the format step then passes it by).
   * `movesUnion`: the planner found a union prettier moves whole in it (see joinMovedUnions).
   */
  start(file: OutputFile, movesUnion = false): boolean {
    if (!file.path.endsWith(".ts") || !needsFormat(file.content)) return false;
    const known = this.memo?.recall(file.path, file.content, movesUnion);
    if (known !== undefined) {
      file.content = known;
      this.offHeap?.move(file);
      return true;
    }
    const laid = layOut(file.content);
    if (laid !== undefined) {
      file.content = laid;
      this.offHeap?.move(file);
      return true;
    }
    if (movesUnion) this.joined.add(file);
    if (this.inFlight < EAGER_IN_FLIGHT) this.run(file);
    else this.waiting.push(file);
    return true;
  }

  private run(file: OutputFile): void {
    this.inFlight++;
    const raw = file.content;
    this.pending.push(
      this.format(file.path, raw, { printWidth: PRINT_WIDTH }).then(
        (r) => {
          if (r.errors.length) this.failure ??= new Error(`oxfmt could not parse the emitted ${file.path}: ${r.errors[0].message}`);
          else {
            const movesUnion = this.joined.has(file);
            file.content = asPrettierPrints(r.code, movesUnion);
            this.memo?.remember(file.path, raw, file.content, movesUnion);
            this.offHeap?.move(file);
          }
          this.next();
        },
        (e: unknown) => {
          this.failure ??= e instanceof Error ? e : new Error(String(e));
          this.next();
        },
      ),
    );
  }

  private next(): void {
    this.inFlight--;
    // An index, not shift(): thousands of files may wait, and each shift would move them all.
    if (this.nextWaiting < this.waiting.length) this.run(this.waiting[this.nextWaiting++]);
  }

  /** Whether files wait for oxfmt (the rendering should yield, so that finished calls start them). */
  get backlog(): boolean {
    return this.nextWaiting < this.waiting.length;
  }

  async done(): Promise<void> {
    // Each finished task starts a waiting one, so the list of pending ones grows until all are done.
    for (let settled = 0; settled < this.pending.length;) {
      const batch = this.pending.slice(settled);
      await Promise.all(batch);
      settled += batch.length;
    }
    if (this.failure) throw this.failure;
  }
}

/**
 * Formats the emitted `.ts` files that need it, in place. `movesUnion`: paths whose unions prettier
 * moves whole (joinMovedUnions); `skip`: paths already formatted (the runtime's, and those formatted
 * while the rest was rendered); `memo`: what the last run of a --watch formatted.
 */
export async function formatTypeScript(files: OutputFile[], movesUnion: ReadonlySet<string>, skip: ReadonlySet<string>, memo?: FormatMemo): Promise<void> {
  const long = files.filter((f) => f.path.endsWith(".ts") && !skip.has(f.path) && needsFormat(f.content) && !recalled(f, memo, movesUnion.has(f.path)) && !laidOut(f));
  if (long.length === 0) return;
  const { format } = await import("oxfmt");
  let next = 0;
  const worker = async () => {
    while (next < long.length) {
      const f = long[next++];
      const raw = f.content;
      const r = await format(f.path, raw, { printWidth: PRINT_WIDTH });
      // The templates print valid TypeScript; a parse error here is a bug in them, not in the spec.
      if (r.errors.length) throw new Error(`oxfmt could not parse the emitted ${f.path}: ${r.errors[0].message}`);
      const moves = movesUnion.has(f.path);
      f.content = asPrettierPrints(r.code, moves);
      memo?.remember(f.path, raw, f.content, moves);
    }
  };
  await Promise.all(Array.from({ length: OXFMT_CONCURRENCY }, worker));
}

/** Whether `f`'s long lines all have a shape whose prettier layout is known (then it is laid out). */
function laidOut(f: OutputFile): boolean {
  const laid = layOut(f.content);
  if (laid === undefined) return false;
  f.content = laid;
  return true;
}

/** oxfmt's output mended where it differs from prettier's: unions moved whole (`movesUnion`), returned members. */
function asPrettierPrints(code: string, movesUnion: boolean): string {
  return breakReturnedMembers(movesUnion ? joinMovedUnions(code) : code);
}

/**
 * oxfmt's second difference from prettier: `return this.#member;` too wide for its line. prettier
 * breaks the member chain after `this` and indents the member two columns (a resource getter of the
 * SDK class with a long name, Azure SQL's); oxfmt leaves the line as it is.
 */
export function breakReturnedMembers(code: string): string {
  if (!code.includes("return this.")) return code;
  return code.replace(RETURNED_MEMBER, (line, indent: string, member: string) => (line.length > PRINT_WIDTH ? `${indent}return this\n${indent}  ${member};` : line));
}

const RETURNED_MEMBER = /^( *)return this(\.#?[A-Za-z_$][\w$]*);$/gm;

/**
 * oxfmt's output with each union it broke one member a line, right after a member's, parameter's or
 * alias's `:` or `=`, joined again on the next line when it fits there in 80 columns: prettier's
 * layout (printUnionType: `indent([softline, group(members)])`). A union that does not fit there
 * stays broken, as prettier breaks it too, and so does one with a member printed over several lines.
 * Only files the planner marks (unions.ts) are scanned.
 */
export function joinMovedUnions(code: string): string {
  const lines = code.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const last = lines[i].charCodeAt(lines[i].length - 1);
    if (last !== 58 /* : */ && last !== 61 /* = */) continue;
    const indent = /^( *)\| /.exec(lines[i + 1] ?? "")?.[1];
    if (indent === undefined) continue;
    const members: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j].startsWith(`${indent}| `)) members.push(lines[j++].slice(indent.length + 2));
    // A member printed over several lines (an object type) continues deeper: that union stays broken.
    if (j < lines.length && lines[j].length - lines[j].trimStart().length >= indent.length) continue;
    const joined = `${indent}${members.join(" | ")}`;
    if (members.length < 2 || joined.length > PRINT_WIDTH) continue;
    out.push(joined);
    i = j - 1;
  }
  return out.join("\n");
}
