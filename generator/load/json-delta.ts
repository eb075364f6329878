/**
 * A JSON file saved again after an edit (`generate --watch`): its new data made from the last read's,
 * parsing only the innermost object or array around the bytes that changed. Decoding and parsing
 * GitHub's 13 MB description whole takes 150–200 ms a save, and makes a whole new document for the
 * garbage collector to move; an edit to one operation's description parses that operation.
 *
 * The result is what JSON.parse of the new text gives, or undefined (the caller parses the text whole):
 * - the new bytes are the old ones with one range replaced. Take the innermost container C (object
 *   or array) of the old text whose opening bracket comes before that range and whose closing one
 *   after it: the new text has both where the old one had them (the closing one shifted);
 * - when the new text between them parses as one value X, the new text is the old text's prefix, a
 *   value, and the old text's suffix, so it is valid JSON and parses as the old data with C's value
 *   replaced by X. Offsets are bytes: slices start and end at ASCII brackets, where UTF-8 decoding
 *   of a slice and of the whole agree (U+FFFD replacements included);
 * - JSON.parse keeps the last of duplicate keys, so a key path names one value only where no object
 *   has a key twice: a kept read has none (keysUnique), and neither may X.
 * The last read's data is not touched: the objects and arrays from the root to C are copied, and all
 * else is shared with it (and frozen, so that no later step can change what two reads share).
 */

/**
 * A file's bytes and its data, frozen. `json`: the data is JSON.parse's of the bytes, with no
 * duplicate keys (see `kept`), so that a next read may start from it (`reparse`); else (YAML, JSON
 * with comments) a next read is parsed whole and only shares what is equal (`shared`).
 */
export interface JsonRead {
  readonly bytes: Buffer;
  readonly data: unknown;
  readonly json?: boolean;
}

/** `--watch`: each JSON file's last read, by path, for the next read to parse only what changed. */
export type JsonReads = Map<string, JsonRead>;

/** A new read of a file: its data, and where the edit was (undefined when the bytes are the same). */
export interface Reparsed {
  data: unknown;
  at?: (string | number)[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The new data of `last`'s file, now `bytes`, from the last data; undefined when the text must be parsed whole. */
export function reparse(last: JsonRead, bytes: Buffer): Reparsed | undefined {
  if (!last.json) return undefined;
  const old = last.bytes;
  const from = firstDifference(old, bytes);
  if (from === old.length && from === bytes.length) return { data: last.data };
  const same = commonSuffix(old, bytes, Math.min(old.length, bytes.length) - from);
  const found = enclosing(old, from, old.length - same);
  if (!found) return undefined;
  const end = found.end + bytes.length - old.length + 1;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8", found.start, end));
  } catch {
    // The edit left the text broken (or nested too deep to parse): the whole reading says where.
    return undefined;
  }
  if (colonsOutsideStrings(bytes, found.start, end) !== keysIn(value)) return undefined;
  const at = found.path.map((seg) => (typeof seg === "number" ? seg : (JSON.parse(old.toString("utf8", seg[0], seg[1])) as string)));
  const data = replaced(last.data, at, 0, deepFreeze(value));
  return data === MISSING ? undefined : { data, at };
}

/**
 * `data`, JSON.parse's of `bytes`, as a read kept for the next one to start from: frozen, when it has
 * no duplicate keys (each key of the text is an own property of the data; a duplicate's earlier
 * value is gone); undefined when it has some.
 */
export function kept(bytes: Buffer, data: unknown): JsonRead | undefined {
  if (colonsOutsideStrings(bytes, 0, bytes.length) !== keysIn(data)) return undefined;
  return { bytes, data: deepFreeze(data), json: true };
}

/**
 * `now`, a whole new reading of a file, with every part equal to the last reading's (`last`) taken
 * from it, frozen: what a save did not change is the same objects, as `reparse` leaves it (the IR's
 * memos see identity). Plain objects and arrays only; anything else (a YAML timestamp's Date) is new.
 */
export function shared(last: unknown, now: unknown): unknown {
  return deepFreeze(sharedWith(last, now));
}

function sharedWith(last: unknown, now: unknown): unknown {
  if (Object.is(last, now) || now === null || typeof now !== "object" || last === null || typeof last !== "object") return now;
  if (Array.isArray(now)) {
    if (!Array.isArray(last)) return now;
    let same = last.length === now.length;
    const out = now.map((item, i) => {
      const x = i < last.length ? sharedWith(last[i], item) : item;
      if (!Object.is(x, last[i])) same = false;
      return x;
    });
    return same ? last : out;
  }
  if (!plain(now) || !plain(last) || Array.isArray(last)) return now;
  const keys = Object.keys(now);
  const lastKeys = Object.keys(last);
  let same = keys.length === lastKeys.length;
  const out: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    const before = Object.hasOwn(last, key) ? (last as Record<string, unknown>)[key] : MISSING;
    const x = before === MISSING ? (now as Record<string, unknown>)[key] : sharedWith(before, (now as Record<string, unknown>)[key]);
    if (lastKeys[i] !== key || !Object.is(x, before)) same = false;
    // As JSON.parse defines a "__proto__" key: an own property, not the prototype.
    Object.defineProperty(out, key, { value: x, writable: true, enumerable: true, configurable: true });
  });
  return same ? last : out;
}

const plain = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** The first offset where the two differ (the shorter one's length if one is the other's start). */
function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  let at = 0;
  // Compared natively a block at a time; the differing block byte by byte.
  for (let end = Math.min(n, BLOCK); at < n && a.compare(b, at, end, at, end) === 0; end = Math.min(n, end + BLOCK)) at = end;
  while (at < n && a[at] === b[at]) at++;
  return at;
}

/** How many bytes the two end with alike, at most `max`. */
function commonSuffix(a: Buffer, b: Buffer, max: number): number {
  let same = 0;
  for (let step = Math.min(max, BLOCK); same < max && a.compare(b, b.length - same - step, b.length - same, a.length - same - step, a.length - same) === 0; step = Math.min(max - same, BLOCK))
    same += step;
  while (same < max && a[a.length - same - 1] === b[b.length - same - 1]) same++;
  return same;
}

const BLOCK = 1 << 16;

/** A step of a path: an array index, or the byte range of an object key's JSON string. */
type Step = number | [start: number, end: number];

/**
 * The innermost container of the JSON text `text` opened before `from` and closed at or after `to`:
 * its brackets' offsets and the path to it. Undefined when that is the root (no gain in reparsing
 * it) or when there is none (the edit touches the text outside the root value).
 */
function enclosing(text: Buffer, from: number, to: number): { start: number; end: number; path: Step[] } | undefined {
  // The open containers: where each opened, whether it is an object, and the step to its child
  // being read (the last key's range, or the array index).
  const opened: number[] = [];
  const object: boolean[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  const index: number[] = [];
  let depth = 0;
  // In an object, after `{` or `,`: the next string is a key.
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === QUOTE) {
      const close = stringEnd(text, i);
      if (close < 0) return undefined;
      if (keyNext) {
        keyStart[depth - 1] = i;
        keyEnd[depth - 1] = close + 1;
        keyNext = false;
      }
      i = close;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      opened[depth] = i;
      object[depth] = c === OPEN_OBJECT;
      index[depth] = 0;
      depth++;
      keyNext = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth < 0) return undefined;
      if (i >= to && opened[depth] < from) {
        if (depth === 0) return undefined;
        const path: Step[] = [];
        for (let d = 0; d < depth; d++) path.push(object[d] ? [keyStart[d], keyEnd[d]] : index[d]);
        return { start: opened[depth], end: i, path };
      }
      keyNext = false;
    } else if (c === COMMA && depth > 0) {
      if (object[depth - 1]) keyNext = true;
      else index[depth - 1]++;
    }
  }
  return undefined;
}

/** The offset of the quote that ends the string opened at `open` (-1 if none does). */
function stringEnd(text: Buffer, open: number): number {
  for (let at = open + 1; ; at++) {
    at = text.indexOf(QUOTE, at);
    if (at < 0) return -1;
    let k = at - 1;
    while (text[k] === BACKSLASH) k--;
    // An even run of backslashes escapes itself, not the quote.
    if ((at - 1 - k) % 2 === 0) return at;
  }
}

/** How many colons `text[start, end)` has outside strings: in JSON, one per object member. */
function colonsOutsideStrings(text: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === COLON) n++;
  }
  return n;
}

/** How many own keys the objects in `value` have, all together (no recursion: the data may nest deeper than the stack). */
function keysIn(value: unknown): number {
  let n = 0;
  const stack: object[] = [];
  if (value !== null && typeof value === "object") stack.push(value);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) n += children.length;
    for (const child of children) if (child !== null && typeof child === "object") stack.push(child);
  }
  return n;
}

const MISSING = Symbol("missing");

/** `node` with the value at `path[i..]` replaced: the containers on the way copied, the rest shared. */
function replaced(node: unknown, path: (string | number)[], i: number, value: unknown): unknown {
  if (i === path.length) return value;
  const step = path[i];
  if (Array.isArray(node) && typeof step === "number" && step < node.length) {
    const child = replaced(node[step], path, i + 1, value);
    if (child === MISSING) return MISSING;
    const copy = node.slice();
    copy[step] = child;
    return Object.freeze(copy);
  }
  if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof step === "string" && Object.hasOwn(node, step)) {
    const child = replaced((node as Record<string, unknown>)[step], path, i + 1, value);
    if (child === MISSING) return MISSING;
    // A spread keeps the key order, and defines a "__proto__" key as JSON.parse does: as an own property.
    const copy = { ...node };
    Object.defineProperty(copy, step, { value: child, writable: true, enumerable: true, configurable: true });
    return Object.freeze(copy);
  }
  return MISSING;
}

/** `value` and everything in it, frozen: what a kept read holds, shared from one read to the next. */
export function deepFreeze<T>(value: T): T {
  const stack: object[] = [];
  if (value !== null && typeof value === "object") stack.push(value);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (child !== null && typeof child === "object") stack.push(child);
  }
  return value;
}
