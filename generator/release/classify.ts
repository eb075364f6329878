/**
 * Compares two SDK surfaces of one target and classifies each difference: breaking, added, changed
 * or docs only. A change to a model breaks code by the way it is used: code that sends the model
 * breaks when it must send more or other values; code that receives it breaks when it may get
 * fewer, more or other values. The rules are the tables below.
 */
import type { FieldSurface, MethodSurface, ModelSurface, Surface } from "./surface.js";
import { compareTypes, type TypeChange, type TypeRules } from "./types.js";

export type Section = "breaking" | "added" | "changed" | "docs";
export type Bump = "major" | "minor" | "patch" | "none";

export interface Change {
  kind: "added" | "removed" | "changed";
  breaking: boolean;
  /** Where the change is listed in a changelog. */
  section: Section;
  /** The name as users write it: `clerk.users.update`, `UpdateUserRequestBody.publicMetadata`. */
  symbol: string;
  operationId?: string;
  detail: string;
  /** Docs page of the symbol (relative to the output folder), when it still has one. */
  link?: string;
}

/** One difference, with whether it breaks code that sends the symbol and code that receives it. */
interface Finding {
  kind: Change["kind"];
  detail: string;
  send: boolean;
  receive: boolean;
  docs?: boolean;
}

type Rule = { send: boolean; receive: boolean; detail: string };

/** How a change to a field (or argument) breaks code that sends it and code that receives it. */
export const FIELD_RULES = {
  removed: { send: true, receive: true, detail: "removed" },
  addedRequired: { send: true, receive: false, detail: "added, required" },
  addedOptional: { send: false, receive: false, detail: "added, optional" },
  madeRequired: { send: true, receive: false, detail: "now required" },
  madeOptional: { send: false, receive: true, detail: "now optional" },
  madeNullable: { send: false, receive: true, detail: "now nullable" },
  madeNonNullable: { send: true, receive: false, detail: "no longer nullable" },
  wireRenamed: { send: false, receive: false, detail: "wire name changed" },
  deprecated: { send: false, receive: false, detail: "deprecated" },
  undeprecated: { send: false, receive: false, detail: "no longer deprecated" },
} satisfies Record<string, Rule>;

/** How a change of type breaks code that sends values of it and code that receives them. */
export const TYPE_CHANGE_RULES: Record<Exclude<TypeChange, "same">, Omit<Rule, "detail">> = {
  wider: { send: false, receive: true },
  narrower: { send: true, receive: false },
  different: { send: true, receive: true },
};

/** Enum members, keyed by their wire value. */
export const ENUM_RULES = {
  removed: { send: true, receive: true, detail: "value removed" },
  renamed: { send: true, receive: true, detail: "member renamed" },
  addedClosed: { send: false, receive: true, detail: "value added (the enum is closed: older SDKs reject it)" },
  addedOpen: { send: false, receive: false, detail: "value added" },
} satisfies Record<string, Rule>;

/** The changes from `prev` to `next`, judged by the target's type rules. */
export function diffSurfaces(prev: Surface, next: Surface, rules: TypeRules): Change[] {
  const changes: Change[] = [];
  const modelFindings = new Map<string, { symbol: string; f: Finding }[]>();
  for (const name of union(Object.keys(prev.models), Object.keys(next.models))) {
    const a = prev.models[name];
    const b = next.models[name];
    // Most models of a regeneration are as they were: a walk that allocates nothing says so before
    // the comparison proper (GitHub's 8,416 models: about 150 ms of a one-operation edit's run).
    const found = a && b ? (sameJson(a, b) ? [] : compareModel(rules, name, a, b)) : [{ symbol: name, f: a ? removal(a.kind === "error" ? "error class removed" : "removed") : addition() }];
    if (found.length === 0) continue;
    modelFindings.set(name, found);
    const m = (b ?? a)!;
    for (const { symbol, f } of found) changes.push(toChange(symbol, f, (m.sends && f.send) || (m.receives && f.receive), b?.link));
  }
  const reach = reachability(prev, next, [...modelFindings.keys()]);
  const renamed = new Map(Object.entries(next.methods).map(([s, m]) => [m.operationId, s]));
  for (const name of union(Object.keys(prev.methods), Object.keys(next.methods))) {
    const a = prev.methods[name];
    const b = next.methods[name];
    if (!b) {
      const to = renamed.get(a!.operationId);
      changes.push({ ...toChange(name, removal(to && !prev.methods[to] ? `renamed to ${to}` : "removed"), true), operationId: a!.operationId });
      continue;
    }
    if (!a) {
      changes.push({ ...toChange(name, addition(), false, b.link), operationId: b.operationId });
      continue;
    }
    // (A method as it was changes only through the models it reaches.)
    const c = modelFindings.size === 0 && sameJson(a, b) ? undefined : compareMethod(rules, a, b, reach, modelFindings);
    if (c) changes.push({ ...c, symbol: name, operationId: b.operationId, link: b.link });
  }
  changes.push(...compareClient(prev, next));
  return changes;
}

/**
 * Whether two values print the same JSON, but for the order of keys: a surface read from the lock
 * has no key whose value is undefined, one made from the plan may.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    keys++;
    if (!Object.hasOwn(y, k) || !sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) keys--;
  return keys === 0;
}

export function bumpOf(changes: Change[]): Bump {
  if (changes.some((c) => c.breaking)) return "major";
  if (changes.some((c) => c.section === "added")) return "minor";
  return changes.length > 0 ? "patch" : "none";
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

const removal = (detail: string): Finding => ({ kind: "removed", detail, send: true, receive: true });
const addition = (detail = "added"): Finding => ({ kind: "added", detail, send: false, receive: false });

function toChange(symbol: string, f: Finding, breaking: boolean, link?: string): Change {
  const section: Section = breaking ? "breaking" : f.kind === "added" ? "added" : f.docs ? "docs" : "changed";
  return { kind: f.kind, breaking, section, symbol, detail: f.detail, ...(link ? { link } : {}) };
}

/** Differences in one field or argument, merged into one finding (or none). */
function compareField(rules: TypeRules, a: FieldSurface | undefined, b: FieldSurface | undefined): Finding | undefined {
  if (!a) return { ...(b!.required ? FIELD_RULES.addedRequired : FIELD_RULES.addedOptional), kind: "added" };
  if (!b) return { ...FIELD_RULES.removed, kind: "removed" };
  const hits: Rule[] = [];
  if (!!a.required !== !!b.required) hits.push(b.required ? FIELD_RULES.madeRequired : FIELD_RULES.madeOptional);
  if (!!a.nullable !== !!b.nullable) hits.push(b.nullable ? FIELD_RULES.madeNullable : FIELD_RULES.madeNonNullable);
  const t = compareTypes(rules, a.type, b.type, !!a.nullable && !!b.nullable);
  if (t !== "same") hits.push({ ...TYPE_CHANGE_RULES[t], detail: `type ${a.type} → ${b.type}${t === "different" ? "" : ` (${t})`}` });
  else if (a.type !== b.type) hits.push({ send: false, receive: false, detail: `type ${a.type} → ${b.type}` });
  const wire = (f: FieldSurface) => f.wire ?? f.name;
  if (wire(a) !== wire(b)) hits.push({ ...FIELD_RULES.wireRenamed, detail: `wire name ${wire(a)} → ${wire(b)}` });
  if (!!a.deprecated !== !!b.deprecated) hits.push(b.deprecated ? FIELD_RULES.deprecated : FIELD_RULES.undeprecated);
  if (hits.length === 0) return a.doc !== b.doc ? { kind: "changed", detail: "description or example changed", send: false, receive: false, docs: true } : undefined;
  return { kind: "changed", detail: hits.map((h) => h.detail).join("; "), send: hits.some((h) => h.send), receive: hits.some((h) => h.receive) };
}

function compareFields(rules: TypeRules, a: FieldSurface[], b: FieldSurface[]): { name: string; f: Finding }[] {
  const before = new Map(a.map((f) => [f.name, f]));
  const after = new Map(b.map((f) => [f.name, f]));
  const out: { name: string; f: Finding }[] = [];
  for (const name of union([...before.keys()], [...after.keys()])) {
    const f = compareField(rules, before.get(name), after.get(name));
    if (f) out.push({ name, f });
  }
  return out;
}

function compareModel(rules: TypeRules, name: string, a: ModelSurface, b: ModelSurface): { symbol: string; f: Finding }[] {
  if (a.kind !== b.kind) return [{ symbol: name, f: { kind: "changed", detail: `was ${article(a.kind)}, now ${article(b.kind)}`, send: true, receive: true } }];
  const out = compareFields(rules, a.fields ?? [], b.fields ?? []).map(({ name: field, f }) => ({ symbol: `${name}.${field}`, f }));
  out.push(...compareValues(a, b).map(({ member, f }) => ({ symbol: `${name}.${member}`, f })));
  const whole: Rule[] = [];
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type) {
    const t = compareTypes(rules, a.type, b.type);
    whole.push(t === "same" ? { send: false, receive: false, detail: `type ${a.type} → ${b.type}` } : { ...TYPE_CHANGE_RULES[t], detail: `type ${a.type} → ${b.type}` });
  }
  if (!!a.deprecated !== !!b.deprecated) whole.push(b.deprecated ? FIELD_RULES.deprecated : FIELD_RULES.undeprecated);
  if (whole.length) out.push({ symbol: name, f: { kind: "changed", detail: whole.map((w) => w.detail).join("; "), send: whole.some((w) => w.send), receive: whole.some((w) => w.receive) } });
  else if (a.doc !== b.doc) out.push({ symbol: name, f: { kind: "changed", detail: "description or example changed", send: false, receive: false, docs: true } });
  return out;
}

function compareValues(a: ModelSurface, b: ModelSurface): { member: string; f: Finding }[] {
  const before = new Map((a.values ?? []).map((v) => [JSON.stringify(v.value), v]));
  const after = new Map((b.values ?? []).map((v) => [JSON.stringify(v.value), v]));
  const out: { member: string; f: Finding }[] = [];
  for (const [key, v] of before) {
    const w = after.get(key);
    if (!w) out.push({ member: v.name, f: { ...ENUM_RULES.removed, kind: "removed", detail: `value ${key} removed` } });
    else if (w.name !== v.name) out.push({ member: v.name, f: { ...ENUM_RULES.renamed, kind: "changed", detail: `renamed to ${w.name} (value ${key})` } });
  }
  for (const [key, w] of after) {
    if (before.has(key)) continue;
    const rule = b.open ? ENUM_RULES.addedOpen : ENUM_RULES.addedClosed;
    out.push({ member: w.name, f: { ...rule, kind: "added", detail: `${rule.detail}: ${key}` } });
  }
  return out;
}

function article(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** For each changed model: every model (itself included) from which it can be reached, before or after. */
function reachability(prev: Surface, next: Surface, changed: string[]): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  for (const s of [prev, next]) {
    for (const [name, m] of Object.entries(s.models)) {
      for (const r of m.refs) (users.get(r) ?? users.set(r, new Set()).get(r)!).add(name);
    }
  }
  const out = new Map<string, Set<string>>();
  for (const c of changed) {
    const seen = new Set([c]);
    const queue = [c];
    while (queue.length) for (const u of users.get(queue.pop()!) ?? []) if (!seen.has(u)) (seen.add(u), queue.push(u));
    out.set(c, seen);
  }
  return out;
}

/** A method's own differences, and those of the models its request and response reach, as one change. */
function compareMethod(
  rules: TypeRules,
  a: MethodSurface,
  b: MethodSurface,
  reach: Map<string, Set<string>>,
  models: Map<string, { symbol: string; f: Finding }[]>,
): Omit<Change, "symbol"> | undefined {
  const parts: { detail: string; breaking: boolean; docs?: boolean; added?: boolean }[] = [];
  for (const { name, f } of compareFields(rules, a.args, b.args)) parts.push({ detail: `argument ${name}: ${f.detail}`, breaking: f.send, docs: f.docs, added: f.kind === "added" });
  if (a.positional || b.positional) {
    const order = (m: MethodSurface) => m.args.map((x) => x.name).filter((n) => a.args.some((x) => x.name === n) && b.args.some((x) => x.name === n));
    if (order(a).join() !== order(b).join()) parts.push({ detail: "arguments reordered", breaking: true });
  }
  const t = compareTypes(rules, a.returns, b.returns);
  if (a.returns !== b.returns) parts.push({ detail: `returns ${b.returns} instead of ${a.returns}`, breaking: t !== "same" && TYPE_CHANGE_RULES[t].receive });
  if (a.errors.join() !== b.errors.join()) parts.push({ detail: `errors ${a.errors.join(", ") || "none"} → ${b.errors.join(", ") || "none"}`, breaking: false });
  if (a.http !== b.http) parts.push({ detail: `calls ${b.http} instead of ${a.http}`, breaking: false });
  if (!!a.deprecated !== !!b.deprecated) parts.push({ detail: b.deprecated ? "deprecated" : "no longer deprecated", breaking: false });
  for (const [model, found] of models) {
    const reached = reach.get(model)!;
    const sent = [...a.sends, ...b.sends].some((s) => reached.has(s));
    const received = [...a.receives, ...b.receives].some((s) => reached.has(s));
    for (const { symbol, f } of found) {
      if (f.docs) continue;
      if (sent) parts.push({ detail: `request: ${symbol} ${f.detail}`, breaking: f.send, added: f.kind === "added" });
      if (received) parts.push({ detail: `response: ${symbol} ${f.detail}`, breaking: f.receive, added: f.kind === "added" });
    }
  }
  if (parts.length === 0 && a.doc !== b.doc) parts.push({ detail: "description changed", breaking: false, docs: true });
  if (parts.length === 0) return undefined;
  const breaking = parts.some((p) => p.breaking);
  const shown = parts.every((p) => p.docs) ? parts : parts.filter((p) => !p.docs);
  // A method that only gained (optional arguments, fields) is a feature: listed as added, a minor release.
  const section: Section = breaking ? "breaking" : parts.every((p) => p.docs) ? "docs" : parts.every((p) => p.added || p.docs) ? "added" : "changed";
  return { kind: "changed", breaking, section, detail: shown.map((p) => p.detail).join("; ") };
}

/** Credentials, servers and the default retry policy: the client's own options. */
function compareClient(prev: Surface, next: Surface): Change[] {
  const out: Change[] = [];
  for (const option of union(Object.keys(prev.security), Object.keys(next.security))) {
    const a = prev.security[option];
    const b = next.security[option];
    if (a === b) continue;
    const symbol = `security option ${option}`;
    if (!b) out.push(toChange(symbol, removal("removed"), true));
    else if (!a) out.push(toChange(symbol, addition(`added (${b})`), false));
    else out.push(toChange(symbol, { kind: "changed", detail: `${a} → ${b}`, send: true, receive: true }, true));
  }
  if (prev.servers.join("\n") !== next.servers.join("\n"))
    out.push(toChange("servers", { kind: "changed", detail: `${prev.servers.join(", ") || "none"} → ${next.servers.join(", ") || "none"}`, send: false, receive: false }, false));
  if (prev.apiVersion !== next.apiVersion) out.push(toChange("API version", { kind: "changed", detail: `${prev.apiVersion} → ${next.apiVersion}`, send: false, receive: false }, false));
  if (prev.about !== next.about) out.push(toChange("API description", { kind: "changed", detail: "title or description changed", send: false, receive: false, docs: true }, false));
  if (prev.retries !== next.retries) out.push(toChange("retries", { kind: "changed", detail: "default retry policy changed", send: false, receive: false }, false));
  return out;
}
