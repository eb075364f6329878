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
import { pascalCase } from "../../ir/names.js";
import type { Api, Field, Model, TypeRef } from "../../ir/types.js";

const LOCATION = { query: "QueryParam", path: "PathParam", header: "Header", cookie: "Cookie" } as const;

/** Alias → the canonical model name it stands for. `taken` says which names are already classes. */
export function inlineAliases(api: Api, taken: (name: string) => boolean): Map<string, string> {
  const models = new Map(api.models.map((m) => [m.name, m]));
  const aliases = new Map<string, string>();
  const claimed = new Set<string>();
  const claim = (t: TypeRef, candidates: string[]) => {
    const e = inlineModel(models, t);
    if (!e) return;
    const name = candidates.find((c) => c !== "" && c !== e.name && !taken(c) && !claimed.has(c.toLowerCase()));
    if (!name) return;
    claimed.add(name.toLowerCase());
    aliases.set(name, e.name);
  };
  // Inline enums of component schemas come first, as Speakeasy's names show (`Status` is taken
  // before the first operation's `status` parameter, which becomes `QueryParamStatus`).
  for (const m of api.models) {
    if (m.kind === "object" && m.place === "components") for (const f of m.fields) claim(f.type, [pascalCase(f.wireName)]);
  }
  // Deprecated operations claim after the others: Speakeasy's Clerk SDK gives `Provider` to the
  // enterprise connections' enum and `CreateSAMLConnectionRequestBodyProvider` to the deprecated
  // SAML endpoint's, which comes first in the spec.
  for (const op of [...api.operations.filter((o) => !o.deprecated), ...api.operations.filter((o) => o.deprecated)]) {
    // Speakeasy keeps the operationId's own casing in the names it derives (`CreateSAMLConnection…`).
    const id = /^[A-Za-z][A-Za-z0-9]*$/.test(op.specOperationId) ? op.specOperationId[0].toUpperCase() + op.specOperationId.slice(1) : pascalCase(op.operationId);
    for (const p of op.params) {
      const prop = pascalCase(p.wireName);
      claim(p.type, [prop, LOCATION[p.in] + prop, id + LOCATION[p.in] + prop]);
    }
    const body = op.body?.type.kind === "ref" ? models.get(op.body.type.model) : undefined;
    // An inline body is Speakeasy's `<operationId>RequestBody`; its fields' enums are named after it.
    const inlineBody = body !== undefined && !isComponentSchema(body);
    if (body?.kind === "object")
      for (const f of body.fields as Field[]) {
        const prop = pascalCase(f.wireName);
        claim(f.type, [prop, ...(inlineBody ? [id + "RequestBody" + prop] : []), id + prop]);
      }
  }
  return aliases;
}

/** The inline enum or object a field or parameter is typed by (directly or as array items), if any. */
function inlineModel(models: Map<string, Model>, t: TypeRef): Model | undefined {
  const target = t.kind === "array" ? t.items : t;
  if (target.kind !== "ref") return undefined;
  const m = models.get(target.model);
  const inline = m !== undefined && !isComponentSchema(m);
  return inline && (m.kind === "enum" || (m.kind === "object" && !m.freeForm)) ? m : undefined;
}

/** A model of its own component schema (not one inline in another, or in an operation). */
function isComponentSchema(m: Model): boolean {
  return /^#\/components\/schemas\/[^/]+$/.test(m.source);
}
