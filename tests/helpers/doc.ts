// In-memory OpenAPI documents for the unit tier: no file is written, the loader takes the document.
import { loadApi } from "../../generator/api.js";
import type { Api, Model, TypeRef } from "../../generator/ir/types.js";
import type { NameRecord } from "../../generator/ir/names.js";

type Obj = Record<string, unknown>;

/** The IR of a document made of `parts` over a minimal valid 3.1 document (`held`: see buildApi). */
export function apiOf(parts: Obj = {}, openapi = "3.1.0", held?: NameRecord): Api {
  const document = { openapi, info: { title: "Test API", version: "1.0.0" }, paths: {}, ...parts };
  return loadApi({ path: "memory/spec.json", document }, [], undefined, held).api;
}

/** The IR of a document with these component schemas, and one operation returning each. */
export function schemasApi(schemas: Obj, openapi = "3.1.0"): Api {
  const paths: Obj = {};
  for (const name of Object.keys(schemas)) {
    paths[`/things/${name.toLowerCase()}`] = {
      get: { operationId: `get${name}`, tags: ["things"], responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } } } },
    };
  }
  return apiOf({ paths, components: { schemas } }, openapi);
}

/** A document with one operation (`op`, at POST /things unless `path`/`method` say otherwise). */
export function operationApi(op: Obj, opts: { path?: string; method?: string; components?: Obj; item?: Obj } = {}): Api {
  const operation = { operationId: "doThing", responses: { "204": { description: "done" } }, ...op };
  return apiOf({ paths: { [opts.path ?? "/things"]: { ...opts.item, [opts.method ?? "post"]: operation } }, ...(opts.components ? { components: opts.components } : {}) });
}

/** A type in a compact notation: `string`, `int64 integer`, `Pet`, `Pet[]`, `{string: Pet}`, `A | B`, `?` for nullable. */
export function show(t: TypeRef | undefined): string {
  if (!t) return "-";
  const n = t.nullable ? "?" : "";
  switch (t.kind) {
    case "primitive":
      return `${t.format ? `${t.format} ` : ""}${t.type}${n}`;
    case "ref":
      return `${t.model}${n}`;
    case "array":
      return `${show(t.items)}[]${n}`;
    case "map":
      return `{string: ${show(t.values)}}${n}`;
    case "literal":
      return `${JSON.stringify(t.value)}${n}`;
    case "union":
      return `(${t.variants.map(show).join(" | ")})${n}${t.discriminator ? ` by ${t.discriminator.property}` : ""}`;
    case "null":
      return "null";
  }
}

/** A model in a compact notation: its kind and what it holds. */
export function showModel(m: Model | undefined): string {
  if (!m) return "missing";
  switch (m.kind) {
    case "object":
      return `object { ${m.fields.map((f) => `${f.name}${f.wireName !== f.name ? `(${f.wireName})` : ""}${f.required ? "" : "?"}: ${show(f.type)}${f.readOnly ? " ro" : ""}${f.writeOnly ? " wo" : ""}`).join("; ")}${m.additional ? `; [k]: ${show(m.additional)}` : ""} }`;
    case "enum":
      return `enum ${m.type} ${m.members.map((x) => `${x.name}=${JSON.stringify(x.value)}`).join(" ")}${m.open ? " open" : ""}`;
    case "alias":
      return `alias ${show(m.type)}`;
  }
}

export const model = (api: Api, name: string) => api.models.find((m) => m.name === name);
