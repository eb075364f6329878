/**
 * fast-check arbitraries for hostile OpenAPI documents: every string field the IR carries gets text
 * that tries to end a comment, a string, a docstring or a template and run code (a canary call), and
 * names collide with keywords, globals, the SDK's own members and each other.
 */
import fc from "fast-check";

/** Payloads that call the canary if they ever run: TypeScript's, then Python's. */
export const CANARY_PAYLOADS = [
  '*/ (globalThis as any).CANARY?.("ts-jsdoc"); /*',
  '"; (globalThis as any).CANARY?.("ts-dq"); "',
  "'; (globalThis as any).CANARY?.(\"ts-sq\"); '",
  '`; (globalThis as any).CANARY?.("ts-tpl"); `',
  '${(globalThis as any).CANARY?.("ts-sub")}',
  '\u2028(globalThis as any).CANARY?.("ts-ls");//',
  '\n (globalThis as any).CANARY?.("ts-nl");//',
  '\\"; (globalThis as any).CANARY?.("ts-bs"); //',
  '"""; __import__("builtins").CANARY("py-doc") #',
  '\'\'\'; __import__("builtins").CANARY("py-sq") #',
  '"; __import__("builtins").CANARY("py-dq") #',
  '{__import__("builtins").CANARY("py-fstr")}',
  '\n__import__("builtins").CANARY("py-nl")\n',
  '\\\n__import__("builtins").CANARY("py-cont")',
];

/** Text that breaks formats without running anything. */
const BREAKERS = [
  "*/15 * * * *",
  "**/*.ts",
  "NUL\u0000byte",
  "\u202eevil\u202c",
  "\ud800",
  "ends with \\",
  'ends with "',
  "| pipe |",
  "```\n# fence",
  "<script>alert(1)</script>",
  "[x](javascript:alert(1))",
  "--> <!--",
  "{{mustache}}",
  "\r\n\r",
  "emoji 😀 ✓",
  "",
  " ",
];

/**
 * The docs site's own syntax (VitePress's markdown-it and its plugins): containers that could close the
 * page's v-pre, Vue interpolation, attrs, includes and snippet imports of local files, code-span tricks.
 * SITE_CANARY marks what must never reach a page as live markup.
 */
export const SITE_CANARY = "SITECANARY";
export const SITE_PAYLOADS = [
  "::::\n{{ [].constructor.constructor('globalThis.SITECANARY=1')() }}",
  ":::::::::\n\n{{ SITECANARY }}",
  "::: danger <img src=x onerror=SITECANARY>\nx\n:::",
  "![l](x.png){onerror=SITECANARY}",
  "paragraph {onmouseover=SITECANARY}",
  "<!--@include: /etc/hostname-->",
  "<!--  @include: ../../../../etc/hostname  -->",
  "<<< /etc/hostname",
  "\\`<img src=x onerror=SITECANARY>`",
  "`a\nb` <img src=x onerror=SITECANARY> `",
  "~~~\n<iframe srcdoc=SITECANARY>\n~~~",
  "``` code span ```\n<img src=x onerror=SITECANARY>",
  "<p>\n`<img src=x onerror=SITECANARY>`",
  "`a\n-b ` <img src=x onerror=SITECANARY> `",
  "- a\n  ```\n<img src=x onerror=SITECANARY>",
  "</script><script>SITECANARY</script>",
];

/** Names that collide with keywords, globals, runtime members, module names, and each other. */
export const HOSTILE_NAMES = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "then",
  "default",
  "class",
  "delete",
  "new",
  "Promise",
  "Error",
  "Result",
  "SDK",
  "SDKCore",
  "Request",
  "Response",
  "URL",
  "Headers",
  "Object",
  "None",
  "True",
  "self",
  "import",
  "async",
  "await",
  "lambda",
  "models",
  "utils",
  "config",
  "sdk",
  "close",
  "additional_properties",
  "from_wire",
  "to_wire",
  "_options",
  "_defaults",
  "_client",
  "serverURL",
  "server_url",
  "retryConfig",
  "retry_config",
  "request",
  "options",
  "client",
  "body",
  "headers",
  "name",
  "type",
  "con",
  "aux",
  "nul",
  "1st",
  "-",
  "a b",
  "a-b",
  "A_B",
  "aB",
  "AB",
  "ab",
  "über",
  "名前",
  "a".repeat(300),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CANARY_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...SITE_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKERS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...CANARY_PAYLOADS, ...BREAKERS, "*", "/", "`", "$", "{", "}", '"', "'", "\\", "\n", "#", "<", "|"), { minLength: 1, maxLength: 5 }).map((a) => a.join("")),
  },
);

const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ -]{0,12}$/) },
  { weight: 1, arbitrary: text.filter((s) => s.length > 0) },
);

/** A non-empty path segment: hostile text but no `/`, `{`, `}`, `?` or `#` (those shape the path). */
const segment = fc.oneof(
  fc.constantFrom("users", "v1", "`tick`", "$x", "$(y)", 'a"b', "it's", "back\\slash", "%25", "ü"),
  text.map((s) => s.replace(/[/{}?#\s]/g, "") || "x"),
);

export interface FuzzSpec {
  doc: Record<string, unknown>;
  operations: number;
}

/** A whole document: servers, tags, schemas, operations, parameters, bodies, responses, security. */
export const specArbitrary: fc.Arbitrary<FuzzSpec> = fc
  .record({
    title: text,
    version: text,
    description: text,
    servers: fc.array(fc.record({ url: text, description: text, variable: name, default: text, enum: fc.array(text, { maxLength: 2 }) }), { minLength: 0, maxLength: 2 }),
    tags: fc.array(fc.record({ name, description: text }), { minLength: 1, maxLength: 3 }),
    schemas: fc.uniqueArray(
      fc.record({
        name,
        description: text,
        props: fc.uniqueArray(
          fc.record({ name, description: text, default: text, example: text, kind: fc.constantFrom("string", "enum", "ref", "array", "integer", "object", "map", "union", "nullable", "const") }),
          { selector: (p) => p.name, minLength: 1, maxLength: 5 },
        ),
        kind: fc.constantFrom("object", "object", "object", "enum", "allOf", "oneOf"),
        discriminator: name,
        enumValues: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }),
      }),
      { selector: (s) => s.name, minLength: 1, maxLength: 3 },
    ),
    operations: fc.array(
      fc.record({
        segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
        param: fc.option(name, { nil: undefined }),
        method: fc.constantFrom("get", "post", "put", "delete", "patch"),
        operationId: fc.option(name, { nil: undefined }),
        nameOverride: fc.option(name, { nil: undefined }),
        group: fc.option(name, { nil: undefined }),
        tag: fc.nat(2),
        summary: text,
        description: text,
        query: fc.option(fc.record({ name, description: text, example: text }), { nil: undefined }),
        header: fc.option(fc.record({ name, description: text }), { nil: undefined }),
        body: fc.boolean(),
        contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/octet-stream", 'application/vnd.x+json; x="a\\"b"'),
        status: fc.constantFrom("200", "201", "204", "2XX", "default"),
        errorStatus: fc.constantFrom("400", "4XX", "5XX"),
        responseDescription: text,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    security: fc.uniqueArray(fc.record({ name, kind: fc.constantFrom("bearer", "header", "query", "cookie", "basic", "oauth"), param: name, description: text, tokenUrl: text }), {
      selector: (s) => s.name,
      maxLength: 2,
    }),
    retryCodes: fc.array(text, { maxLength: 2 }),
  })
  .map(buildDoc);

// JSON pointer escapes, then `%` (the resolver decodes percent-escapes); other characters stay raw.
const ref = (schema: string) => ({ $ref: "#/components/schemas/" + schema.replace(/~/g, "~0").replace(/\//g, "~1").replace(/%/g, "%25") });

/** Sets `key` as an own property (`obj["__proto__"] = v` would set the prototype instead). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function buildDoc(r: any): FuzzSpec {
  const schemas: Record<string, unknown> = {};
  const names: string[] = r.schemas.map((s: any) => s.name);
  for (const s of r.schemas) {
    const next = ref(names[(names.indexOf(s.name) + 1) % names.length]);
    const properties: Record<string, unknown> = {};
    for (const p of s.props) {
      const base = { description: p.description };
      if (p.kind === "string") put(properties, p.name, { ...base, type: "string", default: p.default, example: p.example });
      else if (p.kind === "integer") put(properties, p.name, { ...base, type: "integer", default: 3 });
      else if (p.kind === "enum") put(properties, p.name, { ...base, type: "string", enum: s.enumValues, default: s.enumValues[0] });
      else if (p.kind === "array") put(properties, p.name, { ...base, type: "array", items: { type: "string", enum: s.enumValues } });
      else if (p.kind === "object")
        put(properties, p.name, { ...base, type: "object", properties: Object.defineProperty({}, p.default, { value: { type: "string", description: p.example }, enumerable: true }) });
      else if (p.kind === "map") put(properties, p.name, { ...base, type: "object", additionalProperties: next });
      else if (p.kind === "union") put(properties, p.name, { ...base, oneOf: [next, { type: "string", enum: s.enumValues }, { type: "integer" }] });
      else if (p.kind === "nullable") put(properties, p.name, { ...base, type: ["string", "null"], example: null });
      else if (p.kind === "const") put(properties, p.name, { ...base, const: p.default });
      else put(properties, p.name, { ...base, ...next });
    }
    const object = { type: "object", description: s.description, required: [s.props[0].name], properties };
    if (s.kind === "enum") put(schemas, s.name, { type: "string", description: s.description, enum: s.enumValues });
    else if (s.kind === "allOf") put(schemas, s.name, { description: s.description, allOf: [next, object] });
    else if (s.kind === "oneOf") {
      const tag = s.discriminator;
      const variant = (v: string) => ({
        type: "object",
        required: [tag],
        properties: Object.defineProperty({ extra: { type: "string" } }, tag, { value: { type: "string", enum: [v] }, enumerable: true }),
      });
      put(schemas, s.name, { description: s.description, oneOf: s.enumValues.slice(0, 2).map(variant), discriminator: { propertyName: tag } });
    } else put(schemas, s.name, object);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  r.operations.forEach((o: any, i: number) => {
    const paramName = o.param ? o.param.replace(/[{}]/g, "") || "id" : undefined;
    const path = "/" + [...o.segments, `op${i}`].join("/") + (paramName ? `/{${paramName}}` : "");
    const parameters: unknown[] = [];
    if (paramName) parameters.push({ name: paramName, in: "path", required: true, description: o.summary, schema: { type: "string" } });
    if (o.query) parameters.push({ name: o.query.name, in: "query", description: o.query.description, example: o.query.example, schema: { type: "string" } });
    if (o.header) parameters.push({ name: o.header.name, in: "header", description: o.header.description, schema: { type: "string" } });
    const schema = ref(names[i % names.length]);
    const op: Record<string, unknown> = {
      tags: [r.tags[o.tag % r.tags.length].name],
      summary: o.summary,
      description: o.description,
      parameters,
      responses: {
        [o.status]: o.status === "204" ? { description: o.responseDescription } : { description: o.responseDescription, content: { "application/json": { schema } } },
        [o.errorStatus]: { description: "error", content: { "application/json": { schema } } },
      },
    };
    if (o.operationId !== undefined) op.operationId = o.operationId;
    if (o.nameOverride !== undefined) op["x-speakeasy-name-override"] = o.nameOverride;
    if (o.group !== undefined) op["x-speakeasy-group"] = o.group;
    if (o.body && o.method !== "get" && o.method !== "delete")
      op.requestBody = {
        required: true,
        description: o.description,
        content: {
          [o.contentType]: {
            schema:
              o.contentType === "text/plain"
                ? { type: "string" }
                : o.contentType === "application/octet-stream"
                  ? { type: "string", format: "binary" }
                  : o.contentType === "multipart/form-data"
                    ? { type: "object", properties: Object.defineProperty({ file: { type: "string", format: "binary" } }, o.summary || "x", { value: { type: "string" }, enumerable: true }) }
                    : schema,
          },
        },
      };
    if (!Object.prototype.hasOwnProperty.call(paths, path)) put(paths, path, {});
    paths[path][o.method] = op;
  });
  const securitySchemes: Record<string, unknown> = {};
  for (const s of r.security) {
    if (s.kind === "bearer") put(securitySchemes, s.name, { type: "http", scheme: "bearer", description: s.description });
    else if (s.kind === "basic") put(securitySchemes, s.name, { type: "http", scheme: "basic", description: s.description });
    else if (s.kind === "oauth")
      put(securitySchemes, s.name, { type: "oauth2", description: s.description, flows: { clientCredentials: { tokenUrl: s.tokenUrl, scopes: { [s.param]: s.description } } } });
    else put(securitySchemes, s.name, { type: "apiKey", in: s.kind, name: s.param, description: s.description });
  }
  const doc: Record<string, unknown> = {
    openapi: "3.1.0",
    info: { title: r.title, version: r.version, description: r.description },
    servers: r.servers.map((s: any) => ({
      url: `${s.url}{${s.variable.replace(/[{}]/g, "") || "v"}}`,
      description: s.description,
      variables: { [s.variable.replace(/[{}]/g, "") || "v"]: { default: s.default, enum: s.enum.length ? [s.default, ...s.enum] : undefined, description: s.description } },
    })),
    tags: r.tags.map((t: any) => ({ name: t.name, description: t.description })),
    paths,
    components: { schemas, securitySchemes },
    security: r.security.length ? [Object.defineProperty({}, r.security[0].name, { value: [], enumerable: true })] : [],
    "x-speakeasy-retries": {
      strategy: "backoff",
      backoff: { initialInterval: 1, maxInterval: 2, exponent: 1.5, maxElapsedTime: 10 },
      statusCodes: ["5XX", ...r.retryCodes],
      retryConnectionErrors: true,
    },
  };
  const operations = Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0);
  return { doc, operations };
}
