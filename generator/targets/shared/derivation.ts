/**
 * What each per-model, per-operation and per-resource file of a plan is derived from, as one key: a
 * file whose key is the last rendering's is not printed again (render-memo.ts: the last save of a
 * watch, or the pristine pack of the last generation, which records the keys).
 *
 * A key covers everything the file's view may read:
 * - the plan's global part: every plan field but its models, operations and groups (names of the
 *   client, namespaces, ...), and the API's servers, security, globals and retries (not its `info`
 *   nor its security schemes' descriptions, which only files printed on every run read), nor the
 *   lists only files keyed by their own view read (VIEW_KEYED);
 * - the entity's own IR and plan entry (its names, file, page), and for an operation its resource's
 *   IR and plan entry but their list of operations (a snippet reaches the method through the
 *   resource's accessors);
 * - the same of every model its types reach, transitively (a field's type is spelled by the
 *   referenced model's planned name, its example built from that model's fields);
 * - a salt: the build of specsmith (code, templates, dependencies) and the target's settings.
 * Models reach each other in cycles, so a model's reach is keyed per strongly connected component of
 * the reference graph (Tarjan), each component's key made from its members' and its successors'.
 * Keys are content digests: equal keys mean equal inputs, whatever happened between two runs.
 *
 * The version a generation releases is no input: no derived file prints it (package.json, the
 * config and the README do, and they are printed on every run), so that a patch release, rendered
 * again under its new version, takes every derived file from the first rendering.
 */
import { digestOf } from "../../write/stat-index.js";
import type { GroupPlanBase, OperationPlanBase, PlanBase } from "../target.js";
import { childrenOf } from "./groups.js";

/** The key of each kind of derived file (see Derivations). */
export interface Keys {
  /** The files derived from one model (its module, its docs page), by IR name. */
  model(name: string): string;
  /** The files derived from one operation (its function, its usage snippet). */
  operation(op: OperationPlanBase): string;
  /** The files derived from one resource: itself, its operations, the resources it holds. */
  group(g: GroupPlanBase): string;
  /**
   * A file made from its view alone (`json`: the view as JSON), such as a models index: cheaper to
   * key by the view than to print when the file is large (the view holds names only).
   */
  view(json: string): string;
}

/**
 * Within one generation, rendered twice (a patch release, under its new version): the plan is the
 * same, so every derived file is too. No such key is ever recorded.
 */
export const SAME_KEY = "";
export const SAME_PLAN: Keys = { model: () => SAME_KEY, operation: () => SAME_KEY, group: () => SAME_KEY, view: () => SAME_KEY };

/**
 * What the last save's keys were made from (--watch keeps one per output folder): each model's and
 * operation's JSON with the key and the model names made from it, and the models' reach keys. A save
 * that leaves an entity's JSON as it was takes its key from here (no scan for names, no digest);
 * one that leaves every model's key as it was takes the reach keys too (no Tarjan over GitHub's
 * 8,416 models). Equal texts mean equal inputs, so a key never depends on the memo.
 */
export class DerivationMemo {
  models = new Map<string, Own>();
  operations = new Map<string, Own>();
  reach: { own: Map<string, string>; keys: Map<string, string> } | undefined;
}

/** An entity's own part of its key: its IR's and plan entry's JSON, their digest, the model names the IR holds (sorted). */
interface Own {
  ir: string;
  plan: string;
  key: string;
  names: string[];
}

export class Derivations implements Keys {
  private readonly global: string;
  /** Each model's key: its reach's content (by IR name). */
  private readonly models: Map<string, string>;
  private readonly operations = new Map<OperationPlanBase, string>();
  private readonly groups = new Map<GroupPlanBase, string>();
  /** Each resource's own plan entry (without its operations), and each operation's resource. */
  private readonly groupOwn = new Map<GroupPlanBase, string>();
  private readonly groupOf = new Map<OperationPlanBase, GroupPlanBase>();
  /** The last save's operations (memo), and this one's as their keys are asked for (none kept without a memo). */
  private readonly lastOps: Map<string, Own> | undefined;
  private readonly ops: Map<string, Own> | undefined;

  /**
   * `salt`: what else every file is made from (the build of specsmith, the target's configuration).
   * `memo`: what the last save's keys were made from, given this one's for the next.
   */
  constructor(
    private readonly plan: PlanBase,
    private readonly salt = "",
    memo?: DerivationMemo,
  ) {
    this.global = digest(salt, globalJson(plan));
    const own = new Map<string, string>();
    const refs = new Map<string, string[]>();
    // What the next save's keys are made from: kept only for a memo (a plain run would hold every
    // entity's JSON until its files are written).
    const models = memo ? new Map<string, Own>() : undefined;
    for (const m of plan.modelList) {
      const name = m.ir.name;
      const o = ownOf(memo?.models.get(name), m.ir, m);
      models?.set(name, o);
      own.set(name, o.key);
      refs.set(
        name,
        o.names.filter((n) => n !== name),
      );
    }
    const last = memo?.reach;
    this.models = last && sameEntries(last.own, own) ? last.keys : reachKeys(own, refs);
    for (const g of plan.groups) {
      // Without its list of operations (in the IR and in the plan): an operation's files read their
      // resource's names and pages, not its siblings, and the resource's key holds each operation's.
      // With it, adding one operation to GitHub's `repos` printed its 200 others' files again.
      this.groupOwn.set(g, digest(irJson({ ...g.ir, operations: undefined }, new Set()), planJson({ ...g, operations: undefined })));
      for (const op of g.operations) this.groupOf.set(op, g);
    }
    this.lastOps = memo?.operations;
    this.ops = memo ? new Map() : undefined;
    if (memo) {
      memo.models = models!;
      memo.reach = { own, keys: this.models };
      memo.operations = this.ops!;
    }
  }

  model(name: string): string {
    return digest(this.global, this.models.get(name) ?? "");
  }

  operation(op: OperationPlanBase): string {
    let key = this.operations.get(op);
    if (key === undefined) {
      const id = op.ir.operationId;
      const own = ownOf(this.lastOps?.get(id), op.ir, op);
      this.ops?.set(id, own);
      const group = this.groupOf.get(op);
      key = digest(this.global, own.key, group ? this.groupOwn.get(group)! : "", ...own.names.map((n) => this.models.get(n) ?? n));
      this.operations.set(op, key);
    }
    return key;
  }

  view(json: string): string {
    return digest(this.salt, json);
  }

  group(g: GroupPlanBase): string {
    let key = this.groups.get(g);
    if (key === undefined) {
      const own = (x: GroupPlanBase) => this.groupOwn.get(x)!;
      key = digest(this.global, own(g), ...childrenOf(this.plan.groups, g).map(own), ...g.operations.map((op) => this.operation(op)));
      this.groups.set(g, key);
    }
    return key;
  }
}

/**
 * What every file may read: the plan without its entities (nor the version), the API without its
 * entities nor its `info`. Only files printed on every run read `info` (the README, the client class,
 * the config's user agent, package metadata), and a spec's release changes it every time: with it
 * here, each `info.version` bump printed every model and function again. Nor the names the lock
 * records (the entities hold them; a file prints none of the records).
 */
function globalJson(plan: PlanBase): string {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plan)) if (!ENTITIES.has(k) && !VIEW_KEYED.has(k) && k !== "version" && k !== "names") rest[k] = v;
  const { models: _m, operations: _o, groups: _g, warnings: _w, info: _i, names: _n, held: _h, securitySchemes, ...api } = plan.api;
  // A scheme's description is printed by the config module and the README alone, printed on every
  // run; its kind and options are read everywhere (a function's credentials, a snippet's client).
  const schemes = securitySchemes.map(({ description: _d, ...scheme }) => scheme);
  return planJson({ rest, api: { ...api, securitySchemes: schemes } });
}

/** The plan's (and the API's) collections of entities, each keyed on its own. */
const ENTITIES = new Set(["api", "models", "modelList", "operations", "groups"]);

/**
 * Plan fields that grow and shrink with the API's operations and schemas, and that only files keyed
 * by their own view (`Keys.view`) or printed on every run read: Speakeasy's alias names (the models
 * indexes), TypeScript's `<operationId>Globals` and `<operationId>Response` types (their own modules,
 * and the operations index) and its namespaces with an index (the indexes, the entry point and
 * package.json). In the global part, adding one paginated operation or one inline schema printed
 * every file again (GitHub's 18,000); their keys need not hold them.
 */
const VIEW_KEYED = new Set(["aliases", "globalsTypes", "pageTypes", "namespaces"]);

/** `ir` and its plan `entry` as an Own: the last save's `last` when both print as they did. */
function ownOf(last: Own | undefined, ir: unknown, entry: unknown): Own {
  const irText = JSON.stringify(ir);
  const planText = planJson(entry);
  if (last !== undefined && last.ir === irText && last.plan === planText) return last;
  const names = new Set<string>();
  modelNames(irText, names);
  return { ir: irText, plan: planText, key: digest(irText, planText), names: [...names].sort() };
}

function sameEntries(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of b) if (a.get(k) !== v) return false;
  return true;
}

/**
 * An IR entity as JSON; every model name a `model` key holds is collected into `names` (a type's
 * ref, an error's payload, a discriminator's mapping).
 */
function irJson(value: unknown, names: Set<string>): string {
  const text = JSON.stringify(value);
  modelNames(text, names);
  return text;
}

/** Every `"model":"…"` value in an IR entity's JSON, into `names`. */
function modelNames(text: string, names: Set<string>): void {
  // A superset of the names (an example's own "model" key too): an extra one only widens the key.
  for (const m of text.matchAll(MODEL_KEY)) names.add(m[1].includes("\\") ? (JSON.parse(`"${m[1]}"`) as string) : m[1]);
}

const MODEL_KEY = /"model":"((?:[^"\\]|\\.)*)"/g;

/**
 * A plan entry as JSON, without its IR (`ir`: keyed on its own), Maps and Sets as arrays (a Map keyed
 * by IR objects, such as fields, by its values alone: the keys are in the IR's JSON, in order).
 */
export function planJson(value: unknown): string {
  // Most entries hold names, paths and lists of names (a model's plan, Python's field and member
  // names): copied into plain JSON and printed without a replacer, which JSON.stringify would call
  // for every key and element (the same text).
  const plain = shallowPlain(value);
  if (plain !== undefined) return JSON.stringify(plain);
  return JSON.stringify(value, replacePlan);
}

function replacePlan(key: string, v: unknown): unknown {
  if (key === "ir") return undefined;
  if (v instanceof Map) return [...v].map(([k, x]) => (typeof k === "object" ? x : [k, x]));
  if (v instanceof Set) return [...v];
  return v;
}

/**
 * `value` (a plain object) as replacePlan would have JSON print it, when each of its values but its
 * `ir` is a primitive, or an array, Set or Map of primitives (a Map's keys may be objects, which it
 * drops); else undefined.
 */
function shallowPlain(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value) || Array.isArray(value) || value instanceof Map || value instanceof Set) return undefined;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === "ir") continue;
    const v = (value as Record<string, unknown>)[key];
    // (A function may be a toJSON, which JSON.stringify would call on the copy instead.)
    if (typeof v === "function") return undefined;
    if (!isObject(v)) out[key] = v;
    else if (Array.isArray(v) && v.every((x) => !isObject(x))) out[key] = v;
    else if (v instanceof Set && [...v].every((x) => !isObject(x))) out[key] = [...v];
    else if (v instanceof Map && [...v.values()].every((x) => !isObject(x))) out[key] = replacePlan(key, v);
    else return undefined;
  }
  return out;
}

const isObject = (v: unknown): v is object => v !== null && typeof v === "object";

function digest(...parts: string[]): string {
  return digestOf(parts.join("\0"));
}

/**
 * Each model's reach key: a digest of its strongly connected component's members' own keys and of
 * the keys of the components it refers to (which come first: see components).
 */
function reachKeys(own: Map<string, string>, refs: Map<string, string[]>): Map<string, string> {
  const key = new Map<string, string>();
  for (const members of components([...own.keys()], (n) => (refs.get(n) ?? []).filter((r) => own.has(r)))) {
    members.sort();
    const inside = new Set(members);
    const after = new Set<string>();
    for (const m of members) for (const n of refs.get(m)!) if (!inside.has(n) && key.has(n)) after.add(key.get(n)!);
    const k = digest(...members.map((m) => `${m}=${own.get(m)}`), ...[...after].sort());
    for (const m of members) key.set(m, k);
  }
  return key;
}

/**
 * The strongly connected components of a graph, each after every component it reaches (Tarjan,
 * iterative: a long chain of references must not overflow the stack).
 */
function components(nodes: string[], edges: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (n: string, work: { name: string; next: string[]; i: number }[]) => {
    index.set(n, index.size);
    low.set(n, index.get(n)!);
    stack.push(n);
    onStack.add(n);
    work.push({ name: n, next: edges(n), i: 0 });
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { name: string; next: string[]; i: number }[] = [];
    visit(root, work);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.i < top.next.length) {
        const n = top.next[top.i++];
        if (!index.has(n)) visit(n, work);
        else if (onStack.has(n)) low.set(top.name, Math.min(low.get(top.name)!, index.get(n)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(top.name)!));
      if (low.get(top.name) !== index.get(top.name)) continue;
      // top is its component's root: the component is on the stack down to it.
      const members: string[] = [];
      for (let m = stack.pop()!; ; m = stack.pop()!) {
        onStack.delete(m);
        members.push(m);
        if (m === top.name) break;
      }
      out.push(members);
    }
  }
  return out;
}
