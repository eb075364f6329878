/**
 * OpenAPI Overlay 1.0 and 1.1 (https://spec.openapis.org/overlay/v1.1.0): ordered actions, each
 * selecting nodes of the document by a JSONPath (RFC 9535) target and updating them (deep merge),
 * copying another node of the document into them (1.1's `copy`), or removing them. JSONPath is
 * json-p3's (see jsonpath.ts), a complete RFC 9535 implementation that reports each match's location.
 *
 * Merging:
 * - 1.0 overlays merge as Speakeasy's implementation does, which the overlays users bring were
 *   written against: objects merge key by key, recursively; an array takes the update's items
 *   appended; anything else is replaced.
 * - 1.1 overlays merge as 1.1 says: objects into objects, arrays concatenated, primitives over
 *   primitives; any other pair (an object over an array, a list over a string) is an error at the
 *   action, never a silent replacement.
 */
import { SpecError, pointerOf, type Diagnostic } from "../diagnostics.js";
import { JSONPathError, PropertyNameSelectorError, compilePath, type CompiledPath } from "./jsonpath.js";
import { SourceFile } from "./source.js";
import { MAX_DEPTH } from "./validate.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

interface Action {
  index: number;
  target: CompiledPath;
  update?: unknown;
  copy?: CompiledPath;
  remove: boolean;
}

export interface Overlay {
  file: SourceFile;
  /** The minor version: 0 or 1. */
  minor: number;
  actions: Action[];
}

type Report = (at: (string | number)[], message: string, hint: string) => void;

/** Reads and checks an overlay file; every problem is an error at its position. */
export function readOverlay(path: string): Overlay {
  const file = SourceFile.read(path);
  const errors: Diagnostic[] = [];
  const err: Report = (at, message, hint) => {
    const pos = file.locate(at);
    errors.push({ severity: "error", file: file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(at), message, hint });
  };
  const data = file.data;
  if (!isObj(data)) {
    err([], "an overlay must be a map with `overlay`, `info` and `actions`", "see https://spec.openapis.org/overlay/v1.1.0");
    throw new SpecError(errors);
  }
  const version = typeof data.overlay === "string" ? /^1\.([01])\.\d+$/.exec(data.overlay) : null;
  if (!version) {
    err(
      ["overlay"],
      data.overlay === undefined ? "missing `overlay` (the Overlay Specification version)" : `unsupported overlay version ${JSON.stringify(data.overlay)}`,
      "write `overlay: 1.1.0` (or 1.0.0)",
    );
  }
  const minor = version ? Number(version[1]) : 1;
  if (!isObj(data.info) || typeof data.info.title !== "string" || typeof data.info.version !== "string") {
    err(["info"], "`info` needs a `title` and a `version` (strings)", "add `info: { title: ..., version: ... }`");
  }
  const actions: Action[] = [];
  if (!Array.isArray(data.actions) || data.actions.length === 0)
    err(["actions"], "`actions` must be a list of at least one action", "add `actions:` with `target` and `update`, `copy` or `remove: true` entries");
  else data.actions.forEach((raw, index) => checkAction(raw, index, minor, err, actions));
  if (errors.length) throw new SpecError(errors);
  return { file, minor, actions };
}

function checkAction(raw: unknown, index: number, minor: number, err: Report, out: Action[]): void {
  const at = ["actions", index];
  if (!isObj(raw)) return err(at, "an action must be a map", "write `- target: $.paths` with `update:`, `copy:` or `remove: true`");
  if (typeof raw.target !== "string" || !raw.target.startsWith("$")) return err([...at, "target"], "an action needs a `target`: a JSONPath starting with `$`", 'e.g. target: $.paths["/users"].get');
  const target = compiled(raw.target, [...at, "target"], err);
  if (!target) return;
  if (raw.remove !== undefined && typeof raw.remove !== "boolean") return err([...at, "remove"], "`remove` must be true or false", "write `remove: true`");
  let copy: CompiledPath | undefined;
  if (raw.copy !== undefined) {
    if (minor === 0) return err([...at, "copy"], "`copy` is an Overlay 1.1 field; this overlay says 1.0", "write `overlay: 1.1.0` at the top");
    if (typeof raw.copy !== "string" || !raw.copy.startsWith("$"))
      return err([...at, "copy"], "`copy` must be a JSONPath starting with `$` that selects the node to copy", "e.g. copy: $.paths['/items']");
    if (raw.update !== undefined) return err(at, "an action has `update` or `copy`, not both", "split it into two actions");
    copy = compiled(raw.copy, [...at, "copy"], err);
    if (!copy) return;
  }
  if (raw.remove !== true && raw.update === undefined && copy === undefined)
    return err(at, "an action needs `update`, `copy` or `remove: true`", "add what to merge into the target, a `copy` source, or `remove: true`");
  if (depthOf(raw.update) > MAX_DEPTH) return err([...at, "update"], `this update nests more than ${MAX_DEPTH} levels deep`, "flatten it: an update holds what to merge, and specs nest less");
  out.push({ index, target, update: raw.update, copy, remove: raw.remove === true });
}

/** A target or copy source, compiled; undefined (and an error reported) when it is not JSONPath. */
function compiled(text: string, at: (string | number)[], err: Report): CompiledPath | undefined {
  try {
    return compilePath(text);
  } catch (e) {
    if (e instanceof PropertyNameSelectorError) {
      err(at, `${JSON.stringify(text)}: ${e.message}`, "to select members by name, filter on `@~` (Speakeasy's extension): $.paths[?@~ == '/pets']");
      return undefined;
    }
    if (!(e instanceof JSONPathError)) throw e;
    err(at, `invalid JSONPath ${JSON.stringify(text)}: ${e.message.replace(/ \('.*$/, "")}`, "JSONPath as RFC 9535 defines it: $.a.b, $['a b'], $.a[*], $..c, $.a[?@.x == 1]");
    return undefined;
  }
}

/** Where an action's field is, and how to stop generation with an error there. */
class ActionSite {
  constructor(private readonly overlay: Overlay) {}
  at(a: Action, key: "target" | "update" | "copy" = "target"): Omit<Diagnostic, "severity" | "message" | "hint"> {
    const pos = this.overlay.file.locate(["actions", a.index, key]);
    return { file: this.overlay.file.displayPath, line: pos.line, column: pos.column, pointer: pointerOf(["actions", a.index, key]) };
  }
  fail(a: Action, message: string, hint: string, key: "target" | "update" | "copy" = "target"): never {
    throw new SpecError([{ severity: "error", ...this.at(a, key), message, hint }]);
  }
}

/**
 * Applies an overlay's actions to `doc` in place, in order. A target that matches nothing is a
 * warning (the spec may have moved on); removing the root is an error.
 */
export function applyOverlay(doc: Obj, overlay: Overlay): Diagnostic[] {
  const site = new ActionSite(overlay);
  const warnings: Diagnostic[] = [];
  const unmatched: Action[] = [];
  for (const a of overlay.actions) {
    for (const [key, path] of [
      ["target", a.target],
      ["copy", a.copy],
    ] as const) {
      if (path?.memberNames)
        warnings.push({
          severity: "warning",
          ...site.at(a, key),
          message: `\`@~\` (a member's name) is Speakeasy's JSONPath extension, not RFC 9535: specsmith and Speakeasy read ${path.text}, other overlay tools refuse it`,
          hint: "keep it for overlays written for Speakeasy; for others, name the members: $.paths['/a', '/b']",
        });
    }
    const locations = select(doc, a.target, a, site, "target");
    if (locations.length === 0) unmatched.push(a);
    else if (a.remove) removeAll(doc, locations, a, site);
    else mergeAll(doc, locations, a.copy ? copySource(doc, a, site) : a.update, overlay.minor, a, site);
  }
  return [...warnings, ...unmatchedWarnings(unmatched, site)];
}

/** The locations a path selects in the document as it is now. */
function select(doc: Obj, path: CompiledPath, a: Action, site: ActionSite, key: "target" | "copy"): (string | number)[][] {
  try {
    return path.path.query(doc as never).locations();
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e;
    return site.fail(
      a,
      `the ${key} ${path.text} cannot be evaluated on this document: ${e.message.replace(/ \('.*$/, "")}`,
      "use a path that names the node, not a descent (`..`) through deeply nested schemas",
      key,
    );
  }
}

/** The value a 1.1 `copy` action merges: the one node its source selects, taken before any change. */
function copySource(doc: Obj, a: Action, site: ActionSite): unknown {
  const found = select(doc, a.copy!, a, site, "copy");
  if (found.length !== 1) site.fail(a, `the copy source ${a.copy!.text} selects ${found.length} nodes; it must select exactly one`, "name the one node to copy, e.g. $.paths['/items']", "copy");
  return structuredClone(getAt(doc, found[0]));
}

function removeAll(doc: Obj, locations: (string | number)[][], a: Action, site: ActionSite): void {
  if (locations.some((l) => l.length === 0)) site.fail(a, "this action removes the whole document", "target the part to remove, e.g. $.paths['/old']");
  // From the last match to the first, so array indices of the matches still to remove stay valid.
  for (const loc of [...locations].sort(compareLocations).reverse()) removeAt(doc, loc);
}

function mergeAll(doc: Obj, locations: (string | number)[][], value: unknown, minor: number, a: Action, site: ActionSite): void {
  const key = a.copy ? "copy" : "update";
  const nodes = locations.map((loc) => getAt(doc, loc));
  if (minor >= 1 && new Set(nodes.map(kindOf).map((k) => (k === "null" ? "primitive" : k))).size > 1)
    site.fail(
      a,
      "this target selects nodes of different kinds (objects, arrays, primitives); Overlay 1.1 updates one kind at a time",
      "narrow the target so that it selects only objects, only arrays or only values",
    );
  locations.forEach((loc, i) => {
    const node = nodes[i];
    // A scalar cannot merge into an object (Speakeasy would replace it; the root cannot be): say so.
    if (isObj(node) && !isObj(value))
      site.fail(
        a,
        `this ${key} is ${describe(value)}, but the target selects ${loc.length === 0 ? "the document itself" : `an object (at ${pointerOf(loc)})`}`,
        `give \`${key}\` a map of the keys to set, or target the field to replace`,
        key,
      );
    if (minor === 0) return setAt(doc, loc, merge(node, value));
    const conflict = mergeConflict(node, value, loc, true);
    if (conflict)
      site.fail(
        a,
        `this ${key} puts ${describe(conflict.value)} where the document has ${describe(conflict.node)} (at ${pointerOf(conflict.at)}); Overlay 1.1 merges objects into objects, arrays into arrays and values over values`,
        "remove the node first (an action with `remove: true`), then add the new value",
        key,
      );
    setAt(doc, loc, merge(node, value));
  });
}

/**
 * Where Overlay 1.1's merge of `value` into `node` meets a pair it does not allow, if anywhere. At
 * the selected node itself, an object or value may also be appended to an array.
 */
function mergeConflict(node: unknown, value: unknown, at: (string | number)[], top: boolean): { at: (string | number)[]; node: unknown; value: unknown } | undefined {
  const [n, v] = [kindOf(node), kindOf(value)];
  if (n === "array" && (v === "array" || top)) return undefined;
  if (n === "object" && v === "object") {
    for (const [k, child] of Object.entries(value as Obj)) {
      if (!Object.hasOwn(node as Obj, k)) continue;
      const inner = mergeConflict((node as Obj)[k], child, [...at, k], false);
      if (inner) return inner;
    }
    return undefined;
  }
  if ((n === "primitive" || n === "null") && (v === "primitive" || v === "null")) return undefined;
  return { at, node, value };
}

const kindOf = (v: unknown): "object" | "array" | "null" | "primitive" => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : "primitive");

const describe = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : `a ${typeof v}`);

/** Each target that matches nothing, up to a screenful; then how many more. */
function unmatchedWarnings(unmatched: Action[], site: ActionSite): Diagnostic[] {
  const warnings: Diagnostic[] = unmatched.slice(0, MAX_UNMATCHED).map((a) => ({
    severity: "warning",
    ...site.at(a),
    message: `the target ${a.target.text} matches nothing in the document, so this action does nothing`,
    hint: "check the path against the spec (names are case-sensitive), or delete the action",
  }));
  if (unmatched.length > MAX_UNMATCHED) {
    const rest = unmatched.slice(MAX_UNMATCHED);
    warnings.push({
      severity: "warning",
      ...site.at(rest[0]),
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
