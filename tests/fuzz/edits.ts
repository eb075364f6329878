/**
 * Random edits of a valid spec, as a maintainer makes them between two generations: a text appended
 * to, a flag flipped, a number changed, a member deleted, copied or renamed, an array's item removed,
 * doubled or the array reversed; and edits that move names about (operationIds that collide, paths,
 * schemas or operations swapped so that names are claimed in another order, schemas added under names
 * an inline model or a case-variant would take, tags and name overrides changed). Many edits leave a
 * valid spec; the caller skips those a generation refuses. Each edit is applied in place and
 * described, reproducibly from a seed.
 */
import { paths } from "./mutations.js";

type Obj = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "patch"];

/** A source of choices: a number in [0, 1) per call. */
type Random = () => number;

/**
 * `count` edits, each as the random choices that make it (see `applyEdit`): uniform, from mulberry32
 * (fast-check's arbitraries lean to their bounds, and every edit would pick the document's first node).
 */
export function editSamples(seed: number, count: number): number[][] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Array.from({ length: 12 }, next));
}

/** Applies one edit, made from `choices`, to `doc`; returns what it did. */
export function applyEdit(doc: Obj, choices: number[]): string {
  let i = 0;
  const rnd: Random = () => choices[i++ % choices.length];
  return rnd() < 0.35 ? naming(doc, rnd) : leaf(doc, rnd);
}

const pick = <T>(rnd: Random, xs: T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];

/** One node of the document, anywhere, edited as its kind allows. */
function leaf(doc: Obj, rnd: Random): string {
  const path = pick(rnd, paths(doc))!;
  let parent: any = doc;
  for (const s of path.slice(0, -1)) parent = parent[s];
  const key = path[path.length - 1];
  const v = parent[key];
  const where = `/${path.join("/")}`;
  if (typeof v === "string") return ((parent[key] = v + (rnd() < 0.5 ? "Edited" : " edited")), `${where}: text appended`);
  if (typeof v === "boolean") return ((parent[key] = !v), `${where}: flipped`);
  if (typeof v === "number") return ((parent[key] = v + 1), `${where}: plus one`);
  if (Array.isArray(v)) {
    const r = rnd();
    if (v.length > 1 && r < 0.4) return (v.splice(Math.floor(rnd() * v.length), 1), `${where}: an item removed`);
    if (v.length > 0 && r < 0.7) return (v.push(structuredClone(pick(rnd, v))), `${where}: an item doubled`);
    return (v.reverse(), `${where}: reversed`);
  }
  if (v && typeof v === "object") {
    const k = pick(rnd, Object.keys(v));
    if (k === undefined) return `${where}: nothing`;
    const r = rnd();
    if (r < 0.35) return (delete v[k], `${where}: ${k} deleted`);
    if (r < 0.7) return ((v[`${k}Fz`] = structuredClone(v[k])), `${where}: ${k} copied as ${k}Fz`);
    const value = v[k];
    delete v[k];
    v[`${k}Rn`] = value;
    return `${where}: ${k} renamed ${k}Rn`;
  }
  return `${where}: nothing`;
}

const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");

/** Swaps two members of `o` (by position), so that its order changes. */
function swap(o: Obj | undefined, rnd: Random): boolean {
  const e = Object.entries(o ?? {});
  if (!o || e.length < 2) return false;
  const [a, b] = [Math.floor(rnd() * e.length), Math.floor(rnd() * e.length)];
  [e[a], e[b]] = [e[b], e[a]];
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of e) o[k] = v;
  return true;
}

/** An edit that moves names about: what first-come naming and name collisions depend on. */
function naming(doc: Obj, rnd: Random): string {
  const ops = Object.entries((doc.paths ?? {}) as Obj).flatMap(([path, item]) => METHODS.filter((m) => item?.[m]).map((method) => ({ path, method, op: item[method] as Obj })));
  const schemas: Obj = (doc.components ??= {}).schemas ?? (doc.components.schemas = {});
  const [a, b] = [pick(rnd, ops), pick(rnd, ops)];
  const named = (o: { path: string; method: string }) => `${o.method} ${o.path}`;
  switch (Math.floor(rnd() * 9)) {
    case 0:
      if (!a || !b || a === b) break;
      a.op.operationId = b.op.operationId ?? "collides";
      return `${named(a)}: operationId set to ${named(b)}'s`;
    case 1:
      if (swap(doc.paths, rnd)) return "two paths swapped";
      break;
    case 2:
      if (swap(schemas, rnd)) return "two schemas swapped";
      break;
    case 3: {
      if (!a) break;
      const name = pascal(a.op.operationId ?? "x") + pick(rnd, ["Request", "Response", "RequestBody", "QueryParamStatus", "Status", "Type", "Data", "Object"]);
      schemas[name] = { type: "object", properties: { id: { type: "string" } } };
      return `schema ${name} added`;
    }
    case 4: {
      const k = pick(rnd, Object.keys(schemas));
      if (k === undefined) break;
      const name = pick(rnd, [k.toLowerCase(), k.toUpperCase(), `${k}2`, k.replace(/^./, (c) => c.toLowerCase())])!;
      schemas[name] = structuredClone(schemas[k]);
      return `schema ${k} copied as ${name}`;
    }
    case 5:
      if (!a) break;
      a.op.tags = [pick(rnd, ["Renamed Tag", ...((b?.op.tags as string[] | undefined) ?? ["x"])])];
      delete a.op["x-speakeasy-group"];
      return `${named(a)}: tags set to ${a.op.tags}`;
    case 6:
      if (!a) break;
      a.op["x-speakeasy-name-override"] = pick(rnd, ["list", "create", "get", (b?.op["x-speakeasy-name-override"] as string | undefined) ?? "renamed"]);
      return `${named(a)}: method name set to ${a.op["x-speakeasy-name-override"]}`;
    case 7: {
      const k = pick(rnd, Object.keys(schemas));
      if (k === undefined || typeof schemas[k] !== "object" || schemas[k] === null) break;
      schemas[k]["x-speakeasy-name-override"] = pick(rnd, ["Renamed", ...Object.keys(schemas)]);
      return `schema ${k}: name set to ${schemas[k]["x-speakeasy-name-override"]}`;
    }
    default: {
      if (!a || !b || a === b) break;
      const taken = (doc.paths as Obj)[a.path][a.method];
      (doc.paths as Obj)[a.path][a.method] = (doc.paths as Obj)[b.path][b.method];
      (doc.paths as Obj)[b.path][b.method] = taken;
      return `${named(a)} and ${named(b)} swapped`;
    }
  }
  return "nothing";
}
