/**
 * Where a node of a YAML file starts, from js-yaml's events (yaml-fast.ts reads the file through
 * them): a diagnostic's line and column without the `yaml` package's document, which keeps every
 * node's source range and took 2.4 s to build for GitHub's description as YAML (10 MB) against 0.3 s
 * for the events. The offsets are the document's: a quoted scalar at its quote, a block scalar at its
 * `|` or `>`, a block collection at its first entry. Where the events cannot say for certain (an
 * anchor, an empty value, a key that may read as a number or a boolean), the caller asks the `yaml`
 * package. A test holds the two to the same offsets for every node of every YAML spec here.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from "js-yaml";

const { DOCUMENT, SEQUENCE, MAPPING, SCALAR, POP } = EVENT_ID;
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED } = SCALAR_STYLE;

/** A text's events, and for each the index of the event after its node (a collection's, past its end). */
export interface YamlEvents {
  events: Event[];
  after: Int32Array;
}

/** The text's events, indexed; undefined when js-yaml does not read it. */
export function yamlEvents(text: string): YamlEvents | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  // One pass: a node's end is known at its POP, so that a lookup skips a sibling in one step.
  const after = new Int32Array(events.length + 1);
  const open: number[] = [];
  events.forEach((e, i) => {
    if (e.type === MAPPING || e.type === SEQUENCE || e.type === DOCUMENT) open.push(i);
    else if (e.type === POP) after[open.pop() ?? 0] = i + 1;
    if (e.type !== MAPPING && e.type !== SEQUENCE && e.type !== DOCUMENT) after[i] = i + 1;
  });
  return { events, after };
}

/**
 * The offset of the node at `path` (of its key, with `key`), or of its nearest existing ancestor, as
 * the `yaml` package's document gives it; undefined when the events cannot say for certain.
 */
export function eventOffset(text: string, { events, after }: YamlEvents, path: readonly (string | number)[], key = false): number | undefined {
  let i = events.findIndex((e) => e.type === DOCUMENT) + 1;
  if (i === 0 || i >= events.length) return undefined;
  let offset = nodeStart(text, events[i]);
  for (let s = 0; s < path.length && offset !== undefined; s++) {
    const e = events[i];
    if (e.type === MAPPING) {
      const found = entry(text, events, after, i, String(path[s]));
      if (found === undefined) return undefined;
      if (found < 0) return offset;
      const value = after[found]!;
      offset = nodeStart(text, events[s === path.length - 1 && key ? found : value]);
      i = value;
    } else if (e.type === SEQUENCE) {
      const n = Number(path[s]);
      if (!Number.isInteger(n) || n < 0) return offset;
      let j = i + 1;
      for (let c = 0; c < n && events[j].type !== POP; c++) j = after[j]!;
      if (events[j].type === POP) return offset;
      offset = nodeStart(text, events[j]);
      i = j;
    } else return offset;
  }
  return offset;
}

/**
 * The index of the key event named `name` in the mapping at `at`; -1 when it has none; undefined when
 * a key it has may read as another value (a number, a boolean) or is not a scalar.
 */
function entry(text: string, events: readonly Event[], after: Int32Array, at: number, name: string): number | undefined {
  let uncertain = false;
  for (let j = at + 1; events[j].type !== POP; j = after[after[j]!]!) {
    const k = events[j];
    if (k.type !== SCALAR) {
      uncertain = true;
      continue;
    }
    const written = getScalarValue(text, k);
    if (written === name) return j;
    if (k.style === PLAIN && MAY_NOT_BE_TEXT.test(written)) uncertain = true;
  }
  return uncertain ? undefined : -1;
}

/** A plain scalar that YAML's core schema may read as something else than its text (`1.0`, `0x1F`, `True`). */
const MAY_NOT_BE_TEXT = /^[-+.0-9]|^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/** Where the `yaml` package's document starts the node of event `e`; undefined where the events cannot say. */
function nodeStart(text: string, e: Event): number | undefined {
  if (e.type === MAPPING || e.type === SEQUENCE) return e.anchorStart === -1 && e.tagStart === -1 ? e.start : undefined;
  if (e.type !== SCALAR || e.anchorStart !== -1 || e.tagStart !== -1 || e.valueStart < 0) return undefined;
  if (e.style === PLAIN) return e.valueStart;
  if (e.style === SINGLE_QUOTED || e.style === DOUBLE_QUOTED) return e.valueStart - 1;
  // A block scalar's text starts on the line after its header (`|-`, `>+2 # comment`).
  const lineStart = text.lastIndexOf("\n", e.valueStart - 2) + 1;
  const header = /[|>][-+1-9]*[ \t]*(?:#.*)?\r?$/.exec(text.slice(lineStart, e.valueStart - 1));
  return header ? lineStart + header.index : undefined;
}
