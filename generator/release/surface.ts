/**
 * The public surface of a generated SDK, in the target's own terms: what users call and import.
 * Each target describes it (targets/<t>/surface.ts); the lock records it; classify.ts compares two.
 * Descriptions and examples are kept as short digests: they only tell whether the docs changed.
 */
import { forEachRef } from "../ir/walk.js";
import { sha256Hex } from "../write/stat-index.js";
import type { Api, Model, TypeRef } from "../ir/types.js";

/** Flags are recorded only when set, and the wire name only when it differs: GitHub's lock is megabytes. */
export interface FieldSurface {
  /** The name users write (`userId`, `user_id`). */
  name: string;
  /** The name on the wire (JSON key, parameter name), when it is not `name`. */
  wire?: string;
  /** The type as the target spells it, without top-level nullability. */
  type: string;
  required?: true;
  nullable?: true;
  deprecated?: true;
  /** Digest of the description and example. */
  doc?: string;
}

export interface MethodSurface {
  operationId: string;
  /** `POST /users/{user_id}` */
  http: string;
  args: FieldSurface[];
  /** Arguments passed by position (then their order is part of the signature). */
  positional?: true;
  returns: string;
  /** Error classes the method throws for the API's declared errors. */
  errors: string[];
  /** Models the arguments name (sent) and the results and errors name (received), directly. */
  sends: string[];
  receives: string[];
  deprecated?: true;
  doc?: string;
  /** Docs page and anchor, relative to the output folder. */
  link: string;
}

export interface ModelSurface {
  kind: "object" | "enum" | "alias" | "error";
  /** Whether users send it, receive it (both when the spec does not tell). */
  sends: boolean;
  receives: boolean;
  fields?: FieldSurface[];
  /** Enum members: the name users write and the value on the wire. */
  values?: { name: string; value: string | number }[];
  /** Enums that keep values the SDK does not know (adding one breaks nobody). */
  open?: true;
  /** Alias models: the aliased type. */
  type?: string;
  /** Models this one names directly. */
  refs: string[];
  deprecated?: true;
  doc?: string;
  link?: string;
}

export interface Surface {
  target: string;
  /** The spec's `info.version` (the SDK reports it in its user agent) and a digest of its title and description. */
  apiVersion: string;
  about?: string;
  methods: Record<string, MethodSurface>;
  models: Record<string, ModelSurface>;
  /** Client options that carry credentials, with the kind of credential. */
  security: Record<string, string>;
  servers: string[];
  /** Digest of the retry policy the SDK applies by default. */
  retries: string;
}

/** A field's entry, in the compact form the lock keeps. */
export function fieldSurface(f: { name: string; wire: string; type: string; required: boolean; nullable: boolean; deprecated?: boolean; doc?: unknown[] }): FieldSurface {
  return {
    name: f.name,
    ...(f.wire !== f.name ? { wire: f.wire } : {}),
    type: f.type,
    ...(f.required ? { required: true as const } : {}),
    ...(f.nullable ? { nullable: true as const } : {}),
    ...(f.deprecated ? { deprecated: true as const } : {}),
    ...docOf(...(f.doc ?? [])),
  };
}

/** A short digest of docs text (descriptions, examples); undefined when there is none. */
export function docDigest(...parts: unknown[]): string | undefined {
  if (parts.every((p) => p === undefined || p === null || p === "")) return undefined;
  return sha256Hex(JSON.stringify(parts)).slice(0, 10);
}

/** `{ doc }` with the digest of the parts, or nothing when there is no docs text. */
export function docOf(...parts: unknown[]): { doc?: string } {
  const d = docDigest(...parts);
  return d ? { doc: d } : {};
}

/** The parts of a surface every target records the same way. */
export function apiSurface(api: Api): Pick<Surface, "apiVersion" | "about" | "servers" | "retries"> {
  return { apiVersion: api.info.version, ...aboutOf(api), servers: api.servers.map((s) => s.url), retries: docDigest(api.retries) ?? "" };
}

function aboutOf(api: Api): { about?: string } {
  const d = docDigest(api.info.title, api.info.description);
  return d ? { about: d } : {};
}

/** IR model names a type names directly (through arrays, maps and unions, not through other models). */
export function refsOf(t: TypeRef | undefined, out = new Set<string>()): Set<string> {
  forEachRef(t, (model) => out.add(model));
  return out;
}

/**
 * Who uses a model: an operation's request model is only sent; one the spec uses neither way (an
 * unused component) counts as both.
 */
export function usageOf(m: Model): { sends: boolean; receives: boolean } {
  if (m.kind === "object" && m.request) return { sends: true, receives: false };
  const u = m.usage;
  return { sends: u ? u.request || !u.response : true, receives: u ? u.response || !u.request : true };
}

/** Another name a model is exported by (Speakeasy's name for an inline schema): added, renamed or dropped like any symbol. */
export function aliasSurface(m: Model, symbol: string, link: string): ModelSurface {
  return { kind: "alias", ...usageOf(m), type: symbol, refs: [symbol], link };
}

/**
 * `baseErrorName`'s export: the base error class under another name (added, renamed or dropped like
 * any symbol). No link: the base error has no docs page of its own, and the README is not a page of
 * the docs site, where the changelog is published too.
 */
export function baseErrorSurface(): ModelSurface {
  return { kind: "alias", sends: false, receives: true, type: "APIError", refs: [] };
}

/** Keys sorted, so the same surface always serializes to the same bytes. */
export function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[k] = v;
  return out;
}

/** The type without its top-level nullability (recorded separately as `nullable`). */
export function nonNull(t: TypeRef): TypeRef {
  return "nullable" in t && t.nullable ? ({ ...t, nullable: false } as TypeRef) : t;
}
