/**
 * YAML read fast: js-yaml's event parser (js-yaml 5, YAML 1.2's core schema) builds the data about
 * seven times sooner than the `yaml` package's document (GitHub's description as YAML, 10 MB: 0.3 s
 * against 2.4 s; Clerk's: 27 against 184 ms), which keeps every node's source range and is only
 * needed for positions. So a YAML file is read here first, and by the `yaml` package (source.ts) when
 * a diagnostic asks for a position, or when the text is one the two could read differently:
 * - anything js-yaml refuses: its syntax errors, duplicate keys, nesting deeper than 100, a document
 *   that is empty or is several (the `yaml` package then says what is wrong, where, or reads it);
 * - directives (`%YAML 1.1` changes what scalars mean), tags (`!!float 1`, custom ones), aliases
 *   (the `yaml` package's reading guards against cycles and alias bombs);
 * - a mapping key that is null (`null:`, `~:`, an empty key), which the two turn into different
 *   property names, and a number too large for a double (`1e400`), which they read differently;
 * - text that YAML 1.2 rejects but that Speakeasy and PyYAML read (yaml-lenient.ts): js-yaml refuses
 *   it too (a test holds it to that), and the `yaml` package's reading repairs it and says where.
 * Tests compare both readings on every YAML spec here and on generated documents.
 */
import { constructFromEvents, parseEvents, type Event } from "js-yaml";

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const PLAIN = 1;

/** The text's data as the `yaml` package reads it, when js-yaml reads it the same; else undefined. */
export function fastYaml(text: string): { data: unknown } | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  if (!plainDocument(events, text)) return undefined;
  try {
    const docs = constructFromEvents(events, { source: text, maxAliases: 0 });
    return docs.length === 1 ? { data: docs[0] } : undefined;
  } catch {
    return undefined;
  }
}

/** One document without directives, tags, aliases or null keys. */
function plainDocument(events: Event[], text: string): boolean {
  let documents = 0;
  // Per open node: a mapping's count of nodes so far (even: the next one is a key), -1 for a sequence, -2 for the document.
  const open: number[] = [];
  for (const e of events) {
    const parent = open.length - 1;
    const isKey = parent >= 0 && open[parent] >= 0 && open[parent] % 2 === 0;
    switch (e.type) {
      case DOCUMENT:
        if (++documents > 1 || e.directives.length > 0) return false;
        open.push(-2);
        break;
      case ALIAS:
        return false;
      case SCALAR:
        if (e.tagStart !== -1) return false;
        if (e.style === PLAIN && !sameScalar(text, e.valueStart, e.valueEnd, isKey)) return false;
        if (parent >= 0 && open[parent] >= 0) open[parent]++;
        break;
      case SEQUENCE:
      case MAPPING:
        if (e.tagStart !== -1) return false;
        open.push(e.type === MAPPING ? 0 : -1);
        break;
      case POP:
        // A collection (or the document) ends: it counts as one node of a mapping around it.
        if (open.length > 0) open.pop();
        if (open.length > 0 && open[open.length - 1] >= 0) open[open.length - 1]++;
        break;
    }
  }
  return documents === 1;
}

/** How YAML 1.2's core schema writes null (a key of these is null, and named differently by the two). */
const NULL = new Set(["", "~", "null", "Null", "NULL"]);
/** A float with an exponent, as the core schema writes one. */
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;

/** Whether both read a plain scalar alike: not a null key, nor a float beyond a double's range (js-yaml keeps its text, the `yaml` package reads Infinity). */
function sameScalar(text: string, start: number, end: number, isKey: boolean): boolean {
  const c = text.charCodeAt(start);
  // Only a scalar that starts like a number, or a key that may be null, is looked at: most are words.
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (!numeric && !(isKey && end - start <= 4)) return true;
  const s = text.slice(start, end);
  if (isKey && NULL.has(s)) return false;
  return !(numeric && EXPONENT.test(s) && !Number.isFinite(Number(s)));
}
