/**
 * Speakeasy-compatible names for inline enums and objects, exported as aliases beside our own names.
 *
 * Our IR names an inline schema after its parent (`GetApiKeysIncludeInvalid`); Speakeasy names it
 * by the shortest free name in a chain of candidates (`IncludeInvalid`, then `QueryParamStatus`,
 * then `ListInvitationsQueryParamStatus`), first come first served. Users' code and Speakeasy's
 * snippets write enum members by those names (`clerk_backend_api.IncludeInvalid.FALSE`,
 * `components.AccessLevel.Read`), so both SDKs also answer to them. Our own names stay the documented ones: the docs reproduce
 * Speakeasy's pages, whose inline schemas carry parent names. This approximates Speakeasy's name
 * resolution from its output; it is not its algorithm.
 */
import pluralize from "pluralize";
import { byText, pascalCase, words } from "../../ir/names.js";
import type { Api, Field, Model, Operation, TypeRef } from "../../ir/types.js";
import { forEachRef } from "../../ir/walk.js";

const LOCATION = { query: "QueryParam", path: "PathParam", header: "Header", cookie: "Cookie" } as const;

/** Where Speakeasy exports a model: its namespace (`components.X`, `operations.X`, `errors.X`). */
export type Namespace = "components" | "operations" | "errors";

/** Each alias: its name, the canonical model name it stands for, and the namespace Speakeasy has it in. */
export type Aliases = { name: string; model: string; namespace: Namespace }[];

/**
 * Alias → the canonical model name it stands for. `taken` says which names are already classes (in
 * a namespace). `perNamespace`: names need only be unique within their namespace (TypeScript's
 * `components`, `operations`, `errors`, as Speakeasy's); else across all (Python's one `models`).
 */
export function inlineAliases(
  api: Api,
  taken: (name: string, namespace: Namespace) => boolean,
  opts: { perNamespace?: boolean; feb2025?: boolean; reserved?: (name: string) => boolean; held?: Readonly<Record<string, string>> } = {},
): Aliases {
  const perNamespace = opts.perNamespace ?? false;
  // A name the language reserves takes Speakeasy's `T` suffix (`FileT`, `ErrorT`).
  const spelled = (c: string) => (opts.reserved?.(c) ? `${c}T` : c);
  const models = new Map(api.models.map((m) => [m.name, m]));
  const aliases: Aliases = [];
  const named = new Set<string>();
  const claimed = new Set<string>();
  // TypeScript's exports are case-sensitive (AABenchmarkEntry beside our AaBenchmarkEntry); Python's one namespace is kept case-blind.
  const key = (c: string, ns: Namespace) => (perNamespace ? `${ns}:${c}` : c.toLowerCase());
  // The aliases the last generation gave (aliasRecord) are kept for their models, while those models
  // are there and the names free: usable by them alone, wherever the rules below reach them (so the
  // aliases come in the order they always did); any the rules no longer reach are added at the end.
  // A schema added elsewhere, which would come first in Speakeasy's order, takes another name.
  const keptFor = new Map<string, { name: string; model: Model; namespace: Namespace }>();
  for (const kept of heldAliases(api, models, opts.held)) {
    const k = key(kept.name, kept.namespace);
    if (kept.name !== "" && !taken(kept.name, kept.namespace) && !keptFor.has(k)) keptFor.set(k, kept);
  }
  /** Whether `model` may take `c`: nobody has it, and it is kept for nobody, or for that model. */
  const usable = (c: string, ns: Namespace, model?: Model) => {
    if (c === "" || taken(c, ns)) return false;
    const k = key(c, ns);
    if (claimed.has(k)) return false;
    const kept = keptFor.size > 0 ? keptFor.get(k) : undefined;
    return kept === undefined || kept.model === model;
  };
  const take = (name: string, model: Model, namespace: Namespace) => {
    claimed.add(key(name, namespace));
    named.add(model.name);
    // The model's own name in its own namespace needs no alias; in another one it does (TypeScript).
    if (name !== model.name || (perNamespace && namespace !== model.place)) aliases.push({ name, model: model.name, namespace });
  };
  // The first rules may give a model more than one name (a component's enum, and the operation's).
  // `candidates` made only for a type that is an inline model (few are, of every field and parameter).
  const claim = (t: TypeRef, candidates: () => string[]) => {
    const e = inlineModel(models, t);
    if (!e) return;
    const name = candidates()
      .map(spelled)
      .find((c) => c !== e.name && usable(c, e.place, e));
    if (name) take(name, e, e.place);
  };
  // A component schema by its key as the spec writes it (`AABenchmarkEntry`, `BYOKKey`), where ours
  // is Pascal-cased (`AaBenchmarkEntry`): Speakeasy keeps the key's casing. Case-sensitive namespaces only.
  if (perNamespace)
    for (const m of api.models) {
      const key = isComponentSchema(m) ? unescapeToken(m.source.slice(COMPONENT_SCHEMAS.length)) : undefined;
      const name = key === undefined ? undefined : spelled(speakeasyName(key));
      if (name && name !== m.name && usable(name, m.place, m)) take(name, m, m.place);
    }
  // A field's or parameter's own name for what types it; 2025: an array's items in the singular (`rules`: `Rule`).
  const own = (wireName: string, t: TypeRef) => pascalCase(opts.feb2025 && t.kind === "array" ? pluralize.singular(wireName) : wireName);
  // Inline enums of component schemas come first, as Speakeasy's names show (`Status` is taken
  // before the first operation's `status` parameter, which becomes `QueryParamStatus`), in the
  // order the operations reach them (see reachOrder).
  const order = reachOrder(api, models);
  // (2025: they are named with the others below, where a name two want goes to neither.)
  if (!opts.feb2025)
    for (const m of order) {
      if (m.kind === "object" && m.place === "components") for (const f of m.fields) claim(f.type, () => [own(f.wireName, f.type)]);
    }
  // Deprecated operations claim after the others: Speakeasy's Clerk SDK gives `Provider` to the
  // enterprise connections' enum and `CreateSAMLConnectionRequestBodyProvider` to the deprecated
  // SAML endpoint's, which comes first in the spec.
  for (const op of [...api.operations.filter((o) => !o.deprecated), ...api.operations.filter((o) => o.deprecated)]) {
    // Speakeasy keeps the operationId's own casing in the names it derives (`CreateSAMLConnection…`).
    const id = speakeasyOperationId(op);
    for (const p of op.params)
      claim(p.type, () => {
        const prop = own(p.wireName, p.type);
        return [prop, LOCATION[p.in] + prop, id + LOCATION[p.in] + prop];
      });
    const body = op.body?.type.kind === "ref" ? models.get(op.body.type.model) : undefined;
    // An inline body is Speakeasy's `<operationId>RequestBody`; its fields' enums are named after it.
    const inlineBody = body !== undefined && !isComponentSchema(body);
    if (body?.kind === "object")
      for (const f of body.fields as Field[])
        claim(f.type, () => {
          const prop = own(f.wireName, f.type);
          return [prop, ...(inlineBody ? [id + "RequestBody" + prop] : []), id + prop];
        });
  }
  // Every other inline schema, nested at any depth, in the order the operations reach them: named by
  // its place in the document (see pathCandidates). Its own name ends the search when it comes first.
  const context = new DocumentContext(api, opts.feb2025 ?? false);
  const placed: { m: Model; namespace: Namespace; candidates: string[] }[] = [];
  for (const m of order) {
    if (named.has(m.name) || isComponentSchema(m) || !isInline(m)) continue;
    const where = context.locate(m);
    if (where) placed.push({ m, namespace: where.namespace, candidates: where.candidates.map(spelled) });
  }
  // Before 2025 the first schema to want a name takes it; from 2025 a name two want goes to neither,
  // and a component that inherits another's inline schemas (allOf) has them under its own names too.
  if (opts.feb2025) for (const { m, namespace, name } of escalated([...placed, ...inherited(api, models, context, spelled)], usable, key)) take(name, m, namespace);
  else
    for (const { m, namespace, candidates } of placed) {
      const name = candidates.find((c) => c === m.name || usable(c, namespace, m));
      if (name) take(name, m, namespace);
    }
  for (const [k, { name, model, namespace }] of keptFor) if (!claimed.has(k)) take(name, model, namespace);
  return aliases;
}

/**
 * The aliases of `held` (an aliasRecord: `namespace:Name` → its model's placeKey, as Api.names has it) whose
 * models are still there, in the record's order.
 */
function heldAliases(api: Api, models: Map<string, Model>, held: Readonly<Record<string, string>> | undefined): { name: string; model: Model; namespace: Namespace }[] {
  if (!held) return [];
  const byKey = new Map(Object.entries(api.names?.models ?? {}).map(([name, k]) => [k, name]));
  return Object.entries(held).flatMap(([alias, modelKey]) => {
    const [namespace, name = ""] = alias.split(":");
    const model = models.get(byKey.get(modelKey) ?? "");
    return model && NAMESPACES.has(namespace) && /^[A-Z]\w*$/.test(name) ? [{ name, model, namespace: namespace as Namespace }] : [];
  });
}

const NAMESPACES = new Set<string>(["components", "operations", "errors"]);

/**
 * What the next generation keeps of `aliases` (inlineAliases' `held`): each alias as
 * `namespace:Name`, with its model's placeKey (as Api.names has it).
 */
export function aliasRecord(api: Api, aliases: Aliases): Record<string, string> {
  // Looked up in place: a map of every model's key (Microsoft Graph's 54,000) cost more than the lookups.
  const keys = api.names?.models ?? {};
  const out: Record<string, string> = {};
  for (const a of aliases) {
    const k = Object.hasOwn(keys, a.model) ? keys[a.model] : undefined;
    if (k !== undefined) out[`${a.namespace}:${a.name}`] = k;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => byText(a, b)));
}

/**
 * The inline schemas a component has from another through allOf (`OutputMessageItem`: allOf
 * `OutputMessage`), located as if they were its own: Speakeasy's 2025 names give the copy a type of
 * its own (`OutputMessageItemStatusCompleted` beside `OutputMessageStatusCompleted`); here it is
 * one more name for the same model. Found by place: the component's property whose type reaches an
 * inline schema another component owns at the same property path.
 */
function inherited(api: Api, models: Map<string, Model>, context: DocumentContext, spelled: (c: string) => string): { m: Model; namespace: Namespace; candidates: string[] }[] {
  const out: { m: Model; namespace: Namespace; candidates: string[] }[] = [];
  for (const c of api.models) {
    if (c.kind !== "object" || !isComponentSchema(c)) continue;
    for (const f of c.fields) {
      const prefix = `/properties/${f.wireName.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      const seen = new Set<string>();
      const visit = (t: TypeRef | undefined) =>
        forEachRef(t, (name) => {
          const m = models.get(name);
          if (!m || seen.has(name) || isComponentSchema(m)) return;
          seen.add(name);
          const owner = /^(#\/components\/schemas\/[^/]+)(\/.*)$/.exec(m.source);
          if (!owner || owner[1] === c.source || !owner[2].startsWith(prefix)) return;
          const where = context.locate(m, c.source + owner[2]);
          if (where && isInline(m)) out.push({ m, namespace: where.namespace, candidates: where.candidates.map(spelled) });
          if (m.kind === "object") m.fields.forEach((x) => visit(x.type));
        });
      visit(f.type);
    }
  }
  return out;
}

/**
 * Names for schemas that each have a list of candidates, as Speakeasy's 2025 name resolution gives
 * them (`nameResolutionFeb2025`; Mistral's and OpenRouter's SDKs show it): a name two of them would
 * take goes to neither; both move on to their next candidates (`RoleUser` of four message
 * schemas becomes `EasyInputMessageRoleUser`, `InputMessageItemRoleUser`, …), while a name only one
 * wants is its own (`ModeAuto`). A schema's own name ends its search and wins a tie.
 */
function escalated<T extends { m: Model; namespace: Namespace; candidates: string[] }>(
  placed: T[],
  usableBy: (c: string, ns: Namespace, model: Model) => boolean,
  key: (c: string, ns: Namespace) => string,
): (T & { name: string })[] {
  const at = placed.map(() => 0);
  const usable = (i: number, k: number) => {
    const c = placed[i].candidates[k];
    return c === placed[i].m.name || usableBy(c, placed[i].namespace, placed[i].m);
  };
  for (let moved = true; moved;) {
    moved = false;
    const wanted = new Map<string, number[]>();
    placed.forEach((x, i) => {
      while (at[i] < x.candidates.length && !usable(i, at[i])) at[i]++;
      if (at[i] >= x.candidates.length) return;
      const k = key(x.candidates[at[i]], x.namespace);
      const rivals = wanted.get(k);
      if (rivals) rivals.push(i);
      else wanted.set(k, [i]);
    });
    for (const rivals of wanted.values()) {
      if (rivals.length < 2) continue;
      const owner = rivals.find((i) => placed[i].candidates[at[i]] === placed[i].m.name);
      for (const i of rivals) if (i !== owner) at[i]++;
      moved = true;
    }
  }
  return placed.flatMap((x, i) => (at[i] < x.candidates.length ? [{ ...x, name: x.candidates[at[i]] }] : []));
}

/** An operation's id as Speakeasy's names start with it: the spec's own casing (`CreateSAMLConnection`), first letter up. */
export function speakeasyOperationId(op: Operation): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(op.specOperationId) ? op.specOperationId[0].toUpperCase() + op.specOperationId.slice(1) : pascalCase(op.operationId);
}

/** Speakeasy's name for a spec key: the key itself, first letter upper-cased, when it is an identifier; else Pascal case. */
export function speakeasyName(key: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key[0].toUpperCase() + key.slice(1) : pascalCase(key);
}

/** Initialisms Speakeasy's 2025 names write in capitals when they come from a value (`PDFText`, `TypeURL`, `JSONSchema`). */
const INITIALISMS = new Set(["json", "pdf", "url"]);

/** A const value as the end of a name: Pascal case, its initialisms in capitals (`pdf-text`: `PDFText`). */
function valueName(value: string): string {
  const out = words(value)
    .map((w) => (INITIALISMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

const NUMBERS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];

/**
 * Speakeasy's candidate names for an inline schema from where it sits in the document, shortest
 * first: the property's own name, then prefixed by ever more of its context (`Customer`,
 * `CommissionCreatedEventCustomer`, `CommissionCreatedEventDataCustomer`; in an operation's body
 * `Click`, `ResponseBodyClick`, `ListEventsResponseBodyClick`, …). A union's anonymous members
 * are `One`, `Two`, … then `<Union>1`, `<Union>2`, ….
 */
export function pathCandidates(root: string[], segments: Segment[], feb2025 = false, value?: string, enumMember = false): string[] {
  const suffixes = (stem: string) => root.map((_, k) => root.slice(root.length - 1 - k).join("") + stem);
  const last = segments[segments.length - 1];
  // An operation's body itself: `RequestBody`, then `<operationId>RequestBody`.
  if (!last) return suffixes("");
  // 2025: an array's items take the property's name in the singular (`rules`: `Rule`).
  const props = segments.flatMap((s) => ("prop" in s ? [pascalCase(feb2025 && s.items ? pluralize.singular(s.prop) : s.prop)] : []));
  // 2025: a union member with a const value, and a property's one-value enum, are named by the value
  // after the property (`ThinkingEnabled`, `ModeAuto`, `TypeWebSearch20250305`), else after their
  // whole context (`EasyInputMessageRoleUser`, `EasyInputMessageTypeMessage`, `ChatToolChoiceAuto`).
  if (feb2025 && value !== undefined) {
    const byValue = root.join("") + props.join("") + valueName(value);
    const short = props.length ? [props[props.length - 1] + valueName(value)] : [];
    return [...new Set([...short, byValue, ...[1, 2, 3, 4, 5].map((n) => `${byValue}${n}`)])].filter((c) => /^[A-Z]/.test(c));
  }
  // 2025: a union's member that is an enum of several values is the union's `Enum`
  // (`PDFParserEngineEnum`), before the numbered names.
  const enums = feb2025 && enumMember ? [...(props.length ? [props[props.length - 1] + "Enum"] : []), root.join("") + props.join("") + "Enum"] : [];
  const parent = segments[segments.length - 2];
  // A property of a union's member is named after the union's property first, then the ancestors
  // from the top, the member's number last (Dub's `FieldsType`, `PartnerEnrolledEventFieldsType`,
  // `PartnerEnrolledEventFieldsDataType`, … `PartnerEnrolledEventFieldsDataReferralFormData5Type`).
  if ("prop" in last && parent && "member" in parent) {
    const name = props[props.length - 1];
    const union = props[props.length - 2];
    const above = props.slice(0, -2);
    if (union) {
      const chain = [name, union + name, root[0] + union + name, ...above.map((_, k) => root[0] + union + above.slice(0, k + 1).join("") + name)];
      chain.push(root[0] + union + above.join("") + String(parent.member + 1) + name);
      return [...new Set(chain)].filter((c) => /^[A-Z]/.test(c));
    }
  }
  const own = "prop" in last ? [props[props.length - 1]] : [...enums, NUMBERS[last.member] ?? "", `${props[props.length - 1] ?? root[root.length - 1]}${last.member + 1}`];
  const stem = own[own.length - 1];
  // The properties between the root and the schema (the last one is in its stem: `Customer`, `Fields1`).
  const middle = props.slice(0, -1);
  const out = [...own];
  // Deeper in an operation's body, the operationId alone comes first (Dub's `BulkUpdateLinksTestVariants`).
  if (root.length > 1 && middle.length > 0) out.push(root[0] + stem);
  out.push(...suffixes(stem));
  if (middle.length) out.push(root.join("") + middle.join("") + stem);
  return out.filter((c) => /^[A-Z]/.test(c));
}

/** A naming step of a JSON pointer: a property (`items`: its array's items), or a union's member. */
type Segment = { prop: string; items?: boolean } | { member: number };

/** Reads a model's JSON pointer: the context Speakeasy names it by, and the namespace it lands in. */
class DocumentContext {
  /** By JSON pointer; more than one where a body of several encodings gives a method each. */
  private readonly operations = new Map<string, Operation[]>();
  private readonly responses = new Map<string, string>();
  private readonly models: Map<string, Model>;
  private readonly bySource: Map<string, Model>;

  constructor(
    api: Api,
    private readonly feb2025: boolean,
  ) {
    this.models = new Map(api.models.map((m) => [m.name, m]));
    this.bySource = new Map(api.models.map((m) => [m.source, m]));
    for (const op of api.operations) this.operations.set(op.source, [...(this.operations.get(op.source) ?? []), op]);
    // A shared response's own model: its name is the root of what nests in it.
    for (const m of api.models) {
      const r = /^(#\/components\/responses\/[^/]+)\/content\/[^/]+\/schema$/.exec(m.source);
      if (r) this.responses.set(r[1], m.name);
    }
  }

  /** `source`: where to name it from, when not its own place (a copy of it in another component). */
  locate(m: Model, source = m.source): { candidates: string[]; namespace: Namespace } | undefined {
    const raw = source.replace(/^#\//, "").split("/");
    const parts = source.includes("~") ? raw.map(unescapeToken) : raw;
    const at = this.root(parts, raw);
    if (!at) return undefined;
    if (at.root[at.root.length - 1] === "Request") return { candidates: [at.root.join("")], namespace: at.namespace };
    const segments = pathSegments(parts.slice(at.consumed));
    if (!segments) return undefined;
    // A union's member is named by its const value (its own, or its const field's); a property's
    // one-value enum only when the property is optional or sits in a union's member.
    const last = segments[segments.length - 1];
    const byValue = last && ("member" in last || (m.kind === "enum" && (segments.some((x) => "member" in x) || !this.requiredAt(source))));
    const value = byValue ? constValue(m, this.models) : undefined;
    const enumMember = !!last && "member" in last && m.kind === "enum" && m.members.length > 1;
    return { candidates: pathCandidates(at.root, segments, this.feb2025, value, enumMember), namespace: at.namespace };
  }

  /** Whether the property at `source` (`…/properties/<name>`) is required in its object. */
  private requiredAt(source: string): boolean {
    const at = /^(.*)\/properties\/([^/]+)$/.exec(source);
    const owner = at ? this.bySource.get(at[1]) : undefined;
    const name = at ? unescapeToken(at[2]) : undefined;
    return owner?.kind === "object" && owner.fields.some((f) => f.wireName === name && f.required);
  }

  /** `parts`: the pointer's tokens, `raw` the same as the pointer writes them (`~1` for `/`). */
  private root(parts: string[], raw: string[]): { root: string[]; consumed: number; namespace: Namespace } | undefined {
    if (parts[0] === "components" && parts[1] === "schemas") return { root: [speakeasyName(parts[2])], consumed: 3, namespace: "components" };
    if (parts[0] === "components" && parts[1] === "responses" && parts[3] === "content" && parts[5] === "schema") {
      const name = this.responses.get(`#/components/responses/${raw[2]}`);
      return name ? { root: [name], consumed: 6, namespace: "errors" } : undefined;
    }
    if (parts[0] !== "paths") return undefined;
    const ops = this.operations.get(`#/paths/${raw[1]}/${raw[2]}`) ?? [];
    // A schema of one of the body's media types belongs to that media type's method.
    const op = (parts[3] === "requestBody" ? ops.find((o) => o.body?.contentType === parts[5]) : undefined) ?? ops[0];
    if (!op) return undefined;
    const id = speakeasyOperationId(op);
    // The operation's own request model (its parameters and body): `<operationId>Request`.
    if (parts.length === 3) return { root: [id, "Request"], consumed: 3, namespace: "operations" };
    if (parts[3] === "requestBody" && parts[4] === "content" && parts[6] === "schema") return { root: [id, "RequestBody"], consumed: 7, namespace: "operations" };
    if (parts[3] === "responses" && parts[5] === "content" && parts[7] === "schema") {
      const error = /^[45]/.test(parts[4]) || parts[4] === "default";
      // An inline error payload itself keeps our name; what nests in it is named after the operation.
      if (error && parts.length === 8) return undefined;
      // 2025: a success body is `<operationId>Response` itself, unless that name is a wrapper's: a
      // page's (`{ result }`), or the union of several success bodies.
      const wrapped = !!op.pagination || op.success.filter((r) => r.type).length > 1;
      const name = error ? "" : this.feb2025 && parts.length === 8 && !wrapped ? "Response" : "ResponseBody";
      return { root: [id, name].filter(Boolean), consumed: 8, namespace: error ? "errors" : "operations" };
    }
    return undefined;
  }
}

/** A JSON pointer's token as the key it stands for (`~1` is `/`, `~0` is `~`). */
function unescapeToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

/** The naming steps of a pointer's tail: properties and union members; array items and allOf parts add none. */
function pathSegments(parts: string[]): Segment[] | undefined {
  const out: Segment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === "properties" && i + 1 < parts.length) out.push({ prop: parts[++i], ...(parts[i + 1] === "items" ? { items: true } : {}) });
    else if ((p === "anyOf" || p === "oneOf") && i + 1 < parts.length) out.push({ member: Number(parts[++i]) });
    else if (p === "allOf") i++;
    else if (p !== "items" && p !== "additionalProperties") return undefined;
  }
  return out;
}

/** The inline enum or object a field or parameter is typed by (directly or as array items), if any. */
function inlineModel(models: Map<string, Model>, t: TypeRef): Model | undefined {
  const target = t.kind === "array" ? t.items : t;
  if (target.kind !== "ref") return undefined;
  const m = models.get(target.model);
  return m !== undefined && isInline(m) ? m : undefined;
}

/** An enum or (not free-form) object schema inline in another or in an operation. */
function isInline(m: Model): boolean {
  return (m.kind === "enum" || (m.kind === "object" && !m.freeForm)) && !isComponentSchema(m);
}

const COMPONENT_SCHEMAS = "#/components/schemas/";

/** A model of its own component schema (not one inline in another, or in an operation). */
function isComponentSchema(m: Model): boolean {
  // Asked of every model several times a plan: no regex.
  return m.source.startsWith(COMPONENT_SCHEMAS) && m.source.length > COMPONENT_SCHEMAS.length && m.source.indexOf("/", COMPONENT_SCHEMAS.length) === -1;
}

/** A union member's const value: a one-value enum's, or an object's const (discriminating) string field's. */
function constValue(m: Model, models: Map<string, Model>): string | undefined {
  if (m.kind === "enum") return m.members.length === 1 ? String(m.members[0].value) : undefined;
  if (m.kind !== "object") return undefined;
  // A `type` field tells the members apart before any other (`type: bash_20250124` over `name: bash`).
  for (const f of [...m.fields.filter((x) => x.wireName === "type"), ...m.fields.filter((x) => x.wireName !== "type")]) {
    if (!f.required) continue;
    if (f.type.kind === "literal" && typeof f.type.value === "string") return f.type.value;
    const e = f.type.kind === "ref" ? models.get(f.type.model) : undefined;
    if (e?.kind === "enum" && e.members.length === 1 && typeof e.members[0].value === "string") return e.members[0].value;
  }
  return undefined;
}

/**
 * The models in the order the operations reach them (each operation's parameters, body, responses
 * and errors, in the spec's order; a model's fields before its siblings), then the ones no operation
 * reaches: the order Speakeasy's names show it naming inline schemas in (Dub's `LinkSchema`, used by
 * `/links`, takes `TestVariants` before the webhook event listed first among the components).
 */
function reachOrder(api: Api, models: Map<string, Model>): Model[] {
  const seen = new Set<string>();
  const out: Model[] = [];
  const visit = (t: TypeRef | undefined): void =>
    forEachRef(t, (name) => {
      const m = models.get(name);
      if (!m || seen.has(name)) return;
      seen.add(name);
      out.push(m);
      if (m.kind === "object") {
        for (const f of m.fields) visit(f.type);
        visit(m.additional);
      } else if (m.kind === "alias") visit(m.type);
    });
  for (const op of api.operations) {
    for (const p of op.params) visit(p.type);
    visit(op.body?.type);
    for (const r of op.success) visit(r.type);
    for (const e of op.errors) visit({ kind: "ref", model: e.model });
  }
  for (const m of api.models) if (!seen.has(m.name)) out.push(m);
  return out;
}
