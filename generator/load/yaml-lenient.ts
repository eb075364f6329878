/**
 * YAML that only a strict YAML 1.2 reading rejects. Speakeasy's loader and PyYAML accept a multi-line
 * quoted scalar whose continuation lines (its closing quote, say) sit left of the key that owns it;
 * YAML 1.2 requires them indented, and the `yaml` package rejects the file. Real specs have this
 * (Mistral's OCR example closes five markdown strings with a `'` at column 1), so when a strict parse
 * fails we indent those lines and parse again. The caller keeps the repair only if the repaired text
 * parses cleanly, and warns at each line it moved.
 */

export interface IndentRepair {
  text: string;
  /** 1-based numbers of the lines that were indented. */
  lines: number[];
}

/** The text with under-indented continuation lines of quoted scalars indented; undefined if none. */
export function repairQuotedIndent(text: string): IndentRepair | undefined {
  const lines = text.split(/(?<=\n)/);
  const moved: number[] = [];
  let open: { quote: string; minIndent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (open) {
      const indent = /^[ ]*/.exec(line)![0].length;
      if (line.trim() !== "" && indent < open.minIndent) {
        lines[i] = " ".repeat(open.minIndent - indent) + line;
        moved.push(i + 1);
      }
      if (scanQuoted(line, 0, open.quote)) open = undefined;
      continue;
    }
    const start = quotedValueStart(line);
    if (start === undefined) continue;
    if (!scanQuoted(line, start.at + 1, start.quote)) open = { quote: start.quote, minIndent: start.ownerIndent + 1 };
  }
  return moved.length === 0 ? undefined : { text: lines.join(""), lines: moved };
}

/** Where a line's value opens with a quote (`key: '…`, `- '…`, `- key: "…`), and the owner's column. */
function quotedValueStart(line: string): { at: number; quote: string; ownerIndent: number } | undefined {
  const m = /^([ ]*)((?:- +)*)((?:[^\s'"#:][^:#]*?|'[^']*'|"[^"]*"):[ ]+)?(['"])/.exec(line);
  if (!m || (!m[2] && !m[3])) return undefined;
  const ownerIndent = m[1].length + m[2].length;
  return { at: m[0].length - 1, quote: m[4], ownerIndent };
}

/** Whether the quoted scalar that is open at `from` closes on this line. */
function scanQuoted(line: string, from: number, quote: string): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === "\\") {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && line[i + 1] === "'") {
      i++;
      continue;
    }
    return true;
  }
  return false;
}
