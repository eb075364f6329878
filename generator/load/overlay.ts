/**
 * OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): ordered actions, each selecting
 * nodes of the document by a JSONPath (RFC 9535) target and updating (deep merge) or removing them.
 * JSONPath is json-p3's, a complete RFC 9535 implementation that reports each match's location.
 *
 * Merging follows Speakeasy's implementation, which the overlays users bring were written against:
 * objects merge key by key, recursively; an array takes the update's items appended; anything else
 * is replaced.
 */
import { JSONPathError, JSONPathEnvironment } from "json-p3";
import { SpecError, pointerOf, type Diagnostic } from "../diagnostics.js";
import { SafeMatch, SafeSearch } from "./jsonpath-regex.js";
import { SourceFile } from "./source.js";
import { MAX_DEPTH } from "./validate.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Strict RFC 9535: no extensions a target could come to rely on. Descendant queries (`$..x`) may go
 * as deep as a document may nest (the loader's limit); match() and search() run on a linear-time
 * regex engine.
 */
const JSONPATH = new JSONPathEnvironment({ strict: true, maxRecursionDepth: MAX_DEPTH + 1 });
JSONPATH.functionRegister.set("match", new SafeMatch());
JSONPATH.functionRegister.set("search", new SafeSearch());

interface Action {
  index: number;
  target: string;
  update?: unknown;
  remove: boolean;
}

/** Reads and checks an overlay file; every problem is an error at its position. */
export function readOverlay(path: string): { file: SourceFile; actions: Action[] } {
  const file = SourceFile.read(path);
  const errors: Diagnostic[] = [];
  const err = (at: (string | number)[], message: string, hint: string) => {
    const pos = file.locate(at);
    errors.push({ severity: "error", file: file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(at), message, hint });
  };
  const data = file.data;
  if (!isObj(data)) {
    err([], "an overlay must be a map with `overlay`, `info` and `actions`", "see https://spec.openapis.org/overlay/v1.0.0");
    throw new SpecError(errors);
  }
  if (typeof data.overlay !== "string" || !/^1\.0\.\d+$/.test(data.overlay)) {
    err(["overlay"], data.overlay === undefined ? "missing `overlay` (the Overlay Specification version)" : `unsupported overlay version ${JSON.stringify(data.overlay)}`, "write `overlay: 1.0.0`");
  }
  if (!isObj(data.info) || typeof data.info.title !== "string" || typeof data.info.version !== "string") {
    err(["info"], "`info` needs a `title` and a `version` (strings)", "add `info: { title: ..., version: ... }`");
  }
  const actions: Action[] = [];
  if (!Array.isArray(data.actions) || data.actions.length === 0)
    err(["actions"], "`actions` must be a list of at least one action", "add `actions:` with `target` and `update` or `remove: true` entries");
  else data.actions.forEach((raw, index) => checkAction(raw, index, err, actions));
  if (errors.length) throw new SpecError(errors);
  return { file, actions };
}

function checkAction(raw: unknown, index: number, err: (at: (string | number)[], message: string, hint: string) => void, out: Action[]): void {
  const at = ["actions", index];
  if (!isObj(raw)) return err(at, "an action must be a map", "write `- target: $.paths` with `update:` or `remove: true`");
  if (typeof raw.target !== "string" || !raw.target.startsWith("$")) return err([...at, "target"], "an action needs a `target`: a JSONPath starting with `$`", 'e.g. target: $.paths["/users"].get');
  try {
    JSONPATH.compile(raw.target);
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e;
    return err(
      [...at, "target"],
      `invalid JSONPath ${JSON.stringify(raw.target)}: ${e.message.replace(/ \('.*$/, "")}`,
      "JSONPath as RFC 9535 defines it: $.a.b, $['a b'], $.a[*], $..c, $.a[?@.x == 1]",
    );
  }
  if (raw.remove !== undefined && typeof raw.remove !== "boolean") return err([...at, "remove"], "`remove` must be true or false", "write `remove: true`");
  if (raw.remove !== true && raw.update === undefined) return err(at, "an action needs `update` or `remove: true`", "add what to merge into the target, or `remove: true`");
  if (depthOf(raw.update) > MAX_DEPTH) return err([...at, "update"], `this update nests more than ${MAX_DEPTH} levels deep`, "flatten it: an update holds what to merge, and specs nest less");
  out.push({ index, target: raw.target, update: raw.update, remove: raw.remove === true });
}

/**
 * Applies an overlay's actions to `doc` in place, in order. A target that matches nothing is a
 * warning (the spec may have moved on); removing the root is an error.
 */
export function applyOverlay(doc: Obj, overlay: { file: SourceFile; actions: Action[] }): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const unmatched: Action[] = [];
  const at = (a: Action) => {
    const pos = overlay.file.locate(["actions", a.index, "target"]);
    return { file: overlay.file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(["actions", a.index, "target"]) };
  };
  const fail = (a: Action, message: string, hint: string, key: "target" | "update" = "target"): never => {
    const pos = overlay.file.locate(["actions", a.index, key]);
    throw new SpecError([{ severity: "error", file: overlay.file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(["actions", a.index, key]), message, hint }]);
  };
  for (const a of overlay.actions) {
    let locations: (string | number)[][];
    try {
      locations = JSONPATH.query(a.target, doc as never).locations();
    } catch (e) {
      if (!(e instanceof JSONPathError)) throw e;
      return fail(
        a,
        `the target ${a.target} cannot be evaluated on this document: ${e.message.replace(/ \('.*$/, "")}`,
        "use a target that names the path, not a descent (`..`) through deeply nested schemas",
      );
    }
    if (locations.length === 0) {
      unmatched.push(a);
      continue;
    }
    if (a.remove) {
      if (locations.some((l) => l.length === 0))
        throw new SpecError([{ severity: "error", ...at(a), message: "this action removes the whole document", hint: "target the part to remove, e.g. $.paths['/old']" }]);
      // From the last match to the first, so array indices of the matches still to remove stay valid.
      for (const loc of [...locations].sort(compareLocations).reverse()) removeAt(doc, loc);
    } else {
      for (const loc of locations) {
        const node = getAt(doc, loc);
        // A scalar cannot merge into an object (Speakeasy would replace it; the root cannot be): say so.
        if (isObj(node) && !isObj(a.update))
          fail(
            a,
            `this update is ${a.update === null ? "null" : Array.isArray(a.update) ? "a list" : `a ${typeof a.update}`}, but the target selects ${loc.length === 0 ? "the document itself" : `an object (at ${pointerOf(loc)})`}`,
            "give `update` a map of the keys to set, or target the field to replace",
            "update",
          );
        setAt(doc, loc, merge(node, a.update));
      }
    }
  }
  // Each target that matches nothing, up to a screenful; then how many more.
  for (const a of unmatched.slice(0, MAX_UNMATCHED)) {
    warnings.push({
      severity: "warning",
      ...at(a),
      message: `the target ${a.target} matches nothing in the document, so this action does nothing`,
      hint: "check the path against the spec (names are case-sensitive), or delete the action",
    });
  }
  if (unmatched.length > MAX_UNMATCHED) {
    const rest = unmatched.slice(MAX_UNMATCHED);
    warnings.push({
      severity: "warning",
      ...at(rest[0]),
      message: `${rest.length} more targets of this overlay match nothing (actions ${rest.map((a) => a.index).join(", ")})`,
      hint: "`specsmith overlay apply` shows the document they apply to",
    });
  }
  return warnings;
}

/** How deep a value nests (iteratively: the value may be deeper than the stack). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    max = Math.max(max, d + 1);
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** How many unmatched targets of one overlay are listed one by one. */
const MAX_UNMATCHED = 5;

/** Speakeasy's merge: objects key by key, arrays appended, scalars replaced (copies, never shared). */
export function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update]).map(copy)];
  if (isObj(target) && isObj(update)) {
    // Defined, never assigned: `__proto__`, `constructor` and `prototype` are keys like any other,
    // not a way to change what the node inherits.
    for (const [k, v] of Object.entries(update))
      Object.defineProperty(target, k, { value: Object.hasOwn(target, k) ? merge(target[k], v) : copy(v), enumerable: true, writable: true, configurable: true });
    return target;
  }
  return copy(update);
}

const copy = (v: unknown): unknown => (v === null || typeof v !== "object" ? v : structuredClone(v));

function getAt(doc: unknown, loc: (string | number)[]): unknown {
  let v = doc;
  for (const k of loc) v = (v as Obj)[k as string];
  return v;
}

function setAt(doc: Obj, loc: (string | number)[], value: unknown): void {
  if (loc.length === 0) return; // the root was merged in place
  (getAt(doc, loc.slice(0, -1)) as Obj)[loc[loc.length - 1] as string] = value;
}

function removeAt(doc: Obj, loc: (string | number)[]): void {
  const parent = getAt(doc, loc.slice(0, -1));
  const key = loc[loc.length - 1];
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Obj)[key as string];
}

/** Document order: by each step, numbers (indices) as numbers. */
function compareLocations(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === "number" && typeof b[i] === "number") return (a[i] as number) - (b[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}
