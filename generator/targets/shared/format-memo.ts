/**
 * What `generate --watch` keeps of each formatted file from one run to the next: the text the
 * formatter was given, and what it printed. A save that changes one operation prints almost every
 * file as the run before did; those files take their formatted text from here instead of going
 * through the formatter again (on GitHub's TypeScript SDK, oxfmt's share of a run). A file counts as
 * the same only when its printed text is equal to the byte, so what is written never depends on the
 * memo; a plain `generate` runs without one.
 */
import type { OutputFile } from "../../write/write.js";

export class FormatMemo {
  /** The last run's entries (read), and this run's (written): only one run's files stay in memory. */
  private previous = new Map<string, Entry>();
  private current = new Map<string, Entry>();

  /** A new run: what the last one formatted can be recalled, and only what this one formats is kept. */
  startRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /**
   * The formatted text of `path` when the last run formatted exactly `raw` there (with the same
   * `hint`, a target's own flag on how it formats the file); else undefined.
   */
  recall(path: string, raw: string, hint = false): string | undefined {
    const e = this.previous.get(path);
    if (e === undefined || e.raw !== raw || e.hint !== hint) return undefined;
    this.current.set(path, e);
    return e.formatted;
  }

  remember(path: string, raw: string, formatted: string, hint = false): void {
    this.current.set(path, { raw, formatted, hint });
  }
}

interface Entry {
  raw: string;
  formatted: string;
  hint: boolean;
}

/** Whether `f` took its formatted text from `memo` (the same text formatted by the last run). */
export function recalled(f: OutputFile, memo: FormatMemo | undefined, hint = false): boolean {
  const known = memo?.recall(f.path, f.content, hint);
  if (known === undefined) return false;
  f.content = known;
  return true;
}
