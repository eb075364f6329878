// Edits of an OpenAPI document of every kind (text, types, names, operations added, moved and
// removed, servers, title), each found generically in whatever spec it is given: the series the
// tests of derived files (watch-memo, regenerate-derived) generate after, comparing with a fresh
// generation.
export type Obj = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "patch"];

export const operations = (d: Obj): Obj[] => Object.values(d.paths as Obj).flatMap((item: Obj) => METHODS.filter((m) => item[m]).map((m) => item[m]));

/** A component schema other schemas refer to (with properties): an edit of it reaches further than itself. */
function sharedSchema(d: Obj): string {
  const schemas = d.components.schemas as Obj;
  const text = JSON.stringify(schemas);
  const name = Object.keys(schemas).find((n) => schemas[n].properties && Object.keys(schemas[n].properties).length > 1 && text.split(`"#/components/schemas/${n}"`).length > 2);
  if (!name) throw new Error("no component schema that others refer to");
  return name;
}

/** A component schema an operation's JSON body is (its examples show its required fields in usage snippets). */
function bodySchema(d: Obj): string {
  for (const op of operations(d)) {
    const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref as string | undefined;
    const name = ref?.replace("#/components/schemas/", "");
    if (name && d.components.schemas[name]?.properties) return name;
  }
  throw new Error("no operation with a component schema as its JSON body");
}

function firstEnum(d: Obj): Obj {
  const found = JSON.stringify(d.components.schemas).match(/"enum":\["[^"]*"/);
  if (!found) throw new Error("no string enum");
  let hit: Obj | undefined;
  const walk = (v: unknown) => {
    if (hit || v === null || typeof v !== "object") return;
    if (Array.isArray((v as Obj).enum) && typeof (v as Obj).enum[0] === "string") hit = v as Obj;
    else for (const x of Object.values(v as Obj)) walk(x);
  };
  walk(d.components.schemas);
  return hit!;
}

/** Each edit applies to the spec as the edits before it left it. */
export const EDITS: [string, (d: Obj) => void][] = [
  ["an operation's description", (d) => (operations(d)[0].description = `${operations(d)[0].description ?? ""} (edited)`)],
  [
    "a shared schema's descriptions",
    (d) => {
      const s = d.components.schemas[sharedSchema(d)];
      s.description = "Edited.";
      const first = Object.values(s.properties as Obj)[0] as Obj;
      first.description = "An edited property.";
    },
  ],
  ["a property added to a shared schema", (d) => (d.components.schemas[sharedSchema(d)].properties.addedByTheTest = { type: "string", example: "added" })],
  [
    "a required property added to a request body's schema",
    (d) => {
      const s = d.components.schemas[bodySchema(d)];
      s.properties.requiredByTheTest = { type: "string", example: "required" };
      s.required = [...(s.required ?? []), "requiredByTheTest"];
    },
  ],
  [
    "a property's type and example",
    (d) => {
      const p = d.components.schemas[bodySchema(d)].properties.requiredByTheTest;
      p.type = "integer";
      p.example = 42;
    },
  ],
  ["an enum's values", (d) => firstEnum(d).enum.push("added_by_the_test")],
  [
    "a shared schema renamed",
    (d) => {
      const from = sharedSchema(d);
      const text = JSON.stringify(d).split(`"#/components/schemas/${from}"`).join(`"#/components/schemas/${from}Renamed"`);
      const next = JSON.parse(text);
      next.components.schemas[`${from}Renamed`] = next.components.schemas[from];
      delete next.components.schemas[from];
      Object.assign(d, next);
      for (const k of Object.keys(d.components.schemas)) if (!(k in next.components.schemas)) delete d.components.schemas[k];
    },
  ],
  [
    "an operation added",
    (d) => {
      const op = structuredClone(operations(d)[0]);
      op.operationId = "addedByTheTest";
      d.paths["/added-by-the-test"] = { get: op };
    },
  ],
  [
    "an operation moved to a new resource",
    (d) => {
      const op = operations(d)[1];
      op.tags = ["Moved By The Test"];
      delete op["x-speakeasy-group"];
    },
  ],
  [
    "an operation removed",
    (d) => {
      const paths = Object.keys(d.paths);
      delete d.paths[paths[paths.length - 2]];
    },
  ],
  ["the servers", (d) => (d.servers = [{ url: "https://edited.example.com/v9" }])],
  ["the API's title", (d) => (d.info.title = `${d.info.title} Edited`)],
  ["the API's version", (d) => (d.info.version = `${d.info.version}-edited`)],
  ["the API's description", (d) => (d.info.description = `${d.info.description ?? ""} (edited)`)],
  [
    "a security scheme's description",
    (d) => {
      for (const s of Object.values((d.components.securitySchemes ?? {}) as Obj)) s.description = `${s.description ?? ""} (edited)`;
    },
  ],
];
