/** The Python target: IR → a dependency-free Python 3.9+ package and Speakeasy-shaped docs. */
import { Examples, type Example } from "../../ir/examples.js";
import { constantCase } from "../../ir/names.js";
import type { Api, Encoding, Field, Operation, SecurityScheme, TypeRef } from "../../ir/types.js";
import { VERSION } from "../../paths.js";
import { engineFor } from "../../render/engine.js";
import { mdCell, pyString } from "../../render/escape.js";
import { exampleCell, trimNewlines } from "../../render/markdown.js";
import { pythonHelpers } from "./helpers.js";
import type { PyArg, PyValue } from "./literals.js";
import { runtimeFiles } from "../shared/runtime-files.js";
import type { OutputFile } from "../../write/write.js";
import { pyCodec, pyEnumMember, pyIdent, planPython, pyType, type PyModelPlan, type PyPlan, type PyType } from "./plan.js";

export interface PythonOptions {
  packageName: string;
  sdkClass: string;
  version: string;
  idempotencyHeader?: string;
}

export async function generatePython(api: Api, opts: PythonOptions): Promise<OutputFile[]> {
  const engine = await engineFor("python", pythonHelpers);
  const p = planPython(api, opts);
  const examples = new Examples(api);
  const pkg = `src/${p.packageName}`;
  const out: OutputFile[] = [];
  // Handlebars indents blank lines inside indented partials: no trailing whitespace in Python output.
  const emit = (path: string, template: string, view: unknown) => out.push({ path, content: engine.render(template, view).replace(/[ \t]+$/gm, "") });
  const doc = (path: string, template: string, view: unknown) => out.push({ path: `docs/${path}`, content: trimNewlines(engine.render(template, view)) });

  out.push(...runtimeFiles("python", pkg));
  out.push({ path: `${pkg}/py.typed`, content: "" });

  for (const m of p.modelList) {
    emit(`${pkg}/models/${m.module}.py`, "src/model.py.hbs", modelView(p, m));
    doc(m.doc, "docs/model.md.hbs", modelDoc(p, m));
  }
  emit(`${pkg}/models/__init__.py`, "src/models__init__.py.hbs", {
    // Sorted by module, so the order of building models never shows in the output.
    models: p.modelList.map((m) => ({ module: m.module, classList: (m.errorClass ? [m.name, m.errorClass] : [m.name]).join(", ") })).sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0)),
    allNames: p.modelList.flatMap((m) => (m.errorClass ? [m.name, m.errorClass] : [m.name])).sort(),
  });

  const clientVar = p.sdkClass.toLowerCase() === p.sdkClass ? "sdk" : pyIdent(p.sdkClass);
  const authOptions = api.securitySchemes
    .filter((s) => api.security.some((alt) => alt.includes(s.name)))
    .slice(0, 1)
    .map((s) => ({ name: p.securityArgs.get(s.name)!, value: CREDENTIALS[s.kind].placeholder }));

  for (const g of p.groups) {
    emit(`${pkg}/${g.module}.py`, "src/resource.py.hbs", {
      className: g.className,
      doc: api.groups.find((x) => x.name === g.name)?.description ?? "",
      methods: g.operations.map((op) => methodView(p, op)),
    });
    doc(g.doc, "docs/group.md.hbs", {
      title: g.title,
      attr: g.attr,
      packageName: p.packageName,
      sdkClass: p.sdkClass,
      clientVar,
      authOptions,
      operations: g.operations.map((op) => operationDoc(p, g.attr, op, examples)),
    });
  }
  const serverEnv = `${constantCase(p.sdkClass)}_SERVER_URL`;
  emit(`${pkg}/sdk.py`, "src/sdk.py.hbs", {
    sdkClass: p.sdkClass,
    title: api.info.title,
    clientVar,
    firstGroup: p.groups[0]?.attr ?? "",
    serverEnv,
    groups: p.groups,
    securityOptions: api.securitySchemes.map((s) => ({ name: p.securityArgs.get(s.name)!, typeExpr: CREDENTIALS[s.kind].type })),
  });
  const servers = api.servers.length ? api.servers.map((s) => s.variables.reduce((url, v) => url.split(`{${v.name}}`).join(v.default), s.url)) : ["/"];
  emit(`${pkg}/config.py`, "src/config.py.hbs", {
    servers: api.servers.length ? api.servers.map((s) => s.url) : ["/"],
    serverDefaults: api.servers.length ? api.servers.map((s) => s.variables.map((v) => ({ name: v.name, value: v.default }))) : [[]],
    serverEnv,
    security: api.securitySchemes.map((s) => ({ name: s.name, kind: s.kind, option: p.securityArgs.get(s.name)!, where: s.kind === "apiKey" ? s.in : null, param: s.kind === "apiKey" ? s.param : null, tokenUrl: s.kind === "clientCredentials" ? s.tokenUrl : null, scopes: s.kind === "clientCredentials" ? s.scopes : [] })),
    retry: api.retries?.strategy === "backoff" ? { ...api.retries.backoff, retryConnectionErrors: api.retries.retryConnectionErrors } : null,
    retryCodes: api.retries?.statusCodes ?? ["5XX"],
    idempotencyHeader: opts.idempotencyHeader ?? null,
    version: p.version,
    docVersion: api.info.version,
    userAgent: `${p.packageName}/${p.version} (specsmith ${VERSION}; python; api ${api.info.version})`,
  });
  emit(`${pkg}/__init__.py`, "src/init.py.hbs", { sdkClass: p.sdkClass, version: p.version });
  emit("pyproject.toml", "pyproject.toml.hbs", { distName: p.packageName.replace(/_/g, "-"), version: p.version, description: `Python SDK for the ${api.info.title}`, packageName: p.packageName });
  doc("models/utils/retryconfig.md", "docs/retryconfig.md.hbs", retryDocs());

  const firstOp = p.groups[0]?.operations[0];
  out.push({
    path: "README.md",
    content: trimNewlines(engine
      .render("README.md.hbs", {
        packageName: p.packageName,
        distName: p.packageName.replace(/_/g, "-"),
        title: api.info.title,
        docVersion: api.info.version,
        sdkClass: p.sdkClass,
        clientVar,
        authOptions,
        serverEnv,
        defaultServer: servers[0],
        example: firstOp ? operationDoc(p, p.groups[0].attr, firstOp, examples) : null,
        groups: p.groups.map((g) => ({ attr: g.attr, doc: `docs/${g.doc}`, operations: g.operations.map((o) => ({ name: p.methodNames.get(o)!, summary: o.summary ?? o.method, anchor: p.methodNames.get(o)! })) })),
        errorClasses: p.modelList.filter((m) => m.errorClass).map((m) => ({ name: m.errorClass, doc: `docs/${m.doc}` })),
        retry: api.retries?.strategy === "backoff" ? api.retries : null,
        idempotencyHeader: opts.idempotencyHeader ?? null,
      })),
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What each kind of security scheme takes as a client argument. */
const CREDENTIALS: Record<SecurityScheme["kind"], { type: string; placeholder: unknown }> = {
  bearer: { type: "Union[str, Callable[[], str]]", placeholder: "<YOUR_BEARER_TOKEN_HERE>" },
  basic: { type: "Dict[str, str]", placeholder: { username: "<YOUR_USERNAME_HERE>", password: "<YOUR_PASSWORD_HERE>" } },
  apiKey: { type: "Union[str, Callable[[], str]]", placeholder: "<YOUR_API_KEY_HERE>" },
  clientCredentials: { type: "Dict[str, str]", placeholder: { client_id: "<YOUR_CLIENT_ID_HERE>", client_secret: "<YOUR_CLIENT_SECRET_HERE>" } },
};

/** The annotation and codec of a type, seen from the model module `from` (or the SDK, when null). */
function typeIn(p: PyPlan, t: TypeRef, from: PyModelPlan | null, imports?: Map<string, string>, lazy?: Set<string>) {
  const qualify = (m: PyModelPlan) => {
    if (from === null) return `models.${m.name}`;
    if (m !== from) imports?.set(m.name, m.module);
    return m.name;
  };
  const ref = (m: PyModelPlan) => {
    if (from === null) return `models.${m.name}`;
    if (m === from) return m.name;
    lazy?.add(m.module);
    return `_${m.module}.${m.name}`;
  };
  return { type: pyType(p, t, qualify), codec: pyCodec(p, t, ref) };
}

function modelView(p: PyPlan, m: PyModelPlan) {
  const imports = new Map<string, string>();
  const lazy = new Set<string>();
  const ir = m.ir;
  const base = {
    kind: ir.kind,
    name: m.name,
    errorClass: m.errorClass,
    doc: ir.description ?? "",
    errorDoc: ir.description ?? ir.responseDescription ?? "",
    members: [] as { key: string; value: string | number }[],
    base: "str",
    aliasType: null as PyType | null,
    fields: [] as unknown[],
    extra: false,
    typeImports: [] as { module: string; name: string }[],
    lazyModules: [] as { module: string }[],
  };
  if (ir.kind === "enum") {
    base.base = ir.type === "string" ? "str" : ir.type === "integer" ? "int" : "float";
    base.members = ir.members.map((x) => ({ key: pyEnumMember(x.name), value: x.value }));
  } else if (ir.kind === "alias") {
    // An alias is evaluated when its module loads: it names classes as forward references.
    base.aliasType = pyType(p, ir.type, (x) => {
      imports.set(x.name, x.module);
      return pyString(x.name);
    });
  } else {
    base.extra = !!ir.additional;
    base.fields = ir.fields.map((f) => {
      const { type, codec } = typeIn(p, f.type, m, imports, lazy);
      // Users may pass a dict where a model is expected, and a plain string for an enum.
      const argType = acceptsDict(p, f.type) ? { kind: "union", name: null, items: null, values: null, variants: [type, { kind: "name", name: "Dict[str, Any]", items: null, values: null, variants: null, nullable: false }], nullable: false } : type;
      // Optional fields read None when absent; the template writes `Optional[...] = None` for their arguments.
      // Decoding requires what responses carry (not write-only fields); building requires what requests carry (not read-only ones).
      const decodeRequired = f.required && !(f.writeOnly && ir.usage?.response);
      const argRequired = f.required && !(f.readOnly && ir.usage?.request);
      return { name: m.fieldNames.get(f)!, wire: f.wireName, required: argRequired, decodeRequired, readOnly: f.readOnly, type: argRequired && decodeRequired ? type : { ...type, nullable: true }, argType: argRequired ? argType : { ...argType, nullable: false }, codec, doc: f.description ?? "" };
    });
  }
  base.typeImports = [...imports.entries()].map(([name, module]) => ({ name, module })).sort((a, b) => (a.module < b.module ? -1 : 1));
  base.lazyModules = [...lazy].sort().map((module) => ({ module }));
  return base;
}

function acceptsDict(p: PyPlan, t: TypeRef): boolean {
  return t.kind === "ref" && p.models.get(t.model)!.ir.kind === "object";
}

const ENCODERS: Record<Encoding, string> = { json: "json_body", form: "form_body", multipart: "multipart_body", text: "text_body", binary: "bytes" };

function methodView(p: PyPlan, op: Operation) {
  const names = p.paramNames.get(op)!;
  const params: { name: string; type: PyType; required: boolean }[] = op.params.map((x) => ({ name: names.get(`${x.in}:${x.wireName}`)!, type: typeIn(p, x.type, null).type, required: x.required }));
  let body = null;
  if (op.body) {
    const { type, codec } = typeIn(p, op.body.type, null);
    const name = names.get("body")!;
    const argType: PyType = acceptsDict(p, op.body.type) ? { kind: "union", name: null, items: null, values: null, variants: [type, { kind: "name", name: "Dict[str, Any]", items: null, values: null, variants: null, nullable: false }], nullable: false } : type;
    params.push({ name, type: argType, required: op.request?.wrapsBody ? true : op.body.required });
    const wire = op.body.encoding === "json" || op.body.encoding === "form" || op.body.encoding === "multipart";
    body = { expr: name, codec, wire, encoder: ENCODERS[op.body.encoding], multipart: op.body.encoding === "multipart", contentType: op.body.contentType, optional: !(op.request?.wrapsBody || op.body.required) };
  }
  params.sort((a, b) => Number(b.required) - Number(a.required));
  // Literal text (raw; the template escapes it) and the variables of path parameters.
  const pathParts = op.path
    .split(/(\{[^}]+\})/)
    .filter(Boolean)
    .map((x) => (/^\{[^}]+\}$/.test(x) && names.has(`path:${x.slice(1, -1)}`) ? { text: null, param: names.get(`path:${x.slice(1, -1)}`)! } : { text: x, param: null }));
  const success = op.success.map((r) => {
    if (r.encoding === "json" && r.type) return { kind: "json", statuses: [r.status], codec: typeIn(p, r.type, null).codec };
    return { kind: r.encoding === "text" ? "text" : r.encoding ? "binary" : "empty", statuses: [r.status], codec: null };
  });
  const first = op.success[0];
  const returns: PyType = first?.encoding === "json" && first.type ? typeIn(p, first.type, null).type : { kind: "name", name: first?.encoding === "text" ? "str" : first?.encoding ? "bytes" : "None", items: null, values: null, variants: null, nullable: false };
  const errors = op.errors.flatMap((e) => {
    const m = p.models.get(e.model)!;
    return m.errorClass ? [{ statuses: e.statuses, errorClass: m.errorClass, dataClass: m.name }] : [];
  });
  const doc = [op.summary, op.description !== op.summary ? op.description : undefined].filter((x) => x?.trim()).join("\n\n");
  return {
    name: p.methodNames.get(op)!,
    doc,
    params,
    returns,
    httpMethod: op.httpMethod.toUpperCase(),
    pathParts,
    pathIsTemplate: pathParts.some((x) => x.param !== null),
    accept: [...new Set(op.success.map((r) => r.contentType).filter(Boolean))].join(", ") || (op.errors.length ? "application/json" : "*/*"),
    security: op.security.filter((alt) => alt.every((n) => p.api.securitySchemes.some((s) => s.name === n))),
    query: [
      ...op.fixedQuery.map(([k, v]) => ({ name: k, expr: null, value: v, style: "form", explode: true })),
      ...op.params.filter((x) => x.in === "query").map((x) => ({ name: x.wireName, expr: names.get(`query:${x.wireName}`)!, value: null, style: x.style, explode: x.explode })),
    ],
    headers: op.params.filter((x) => x.in === "header").map((x) => ({ name: x.wireName, expr: names.get(`header:${x.wireName}`)! })),
    cookies: op.params.filter((x) => x.in === "cookie").map((x) => ({ name: x.wireName, expr: names.get(`cookie:${x.wireName}`)! })),
    hasHeaders: op.params.some((x) => x.in === "header" || x.in === "cookie"),
    idempotencyHeader: op.params.find((x) => x.in === "header" && /^idempotency-key$/i.test(x.wireName))?.wireName ?? null,
    body,
    success,
    errors,
  };
}

// ---- docs ----

const RETRIES_ROW = ["`retries`", "[Optional[utils.RetryConfig]](../../models/utils/retryconfig.md)", ":heavy_minus_sign:", "Configuration to override the default retry behavior of the client."];

/** The Type column of a Python docs table, seen from a page at `depth` folders under docs/. */
function docType(p: PyPlan, t: TypeRef, required: boolean, depth: number): string {
  const up = "../".repeat(depth);
  const inner = (x: TypeRef): { text: string; link: string | null } => {
    switch (x.kind) {
      case "primitive":
        if (x.type === "string" && x.format === "binary") return { text: "bytes", link: null };
        return { text: { string: "str", integer: "int", number: "float", boolean: "bool", unknown: "Any" }[x.type], link: null };
      case "literal":
        return { text: typeof x.value === "string" ? "str" : typeof x.value === "boolean" ? "bool" : "float", link: null };
      case "null":
        return { text: "None", link: null };
      case "ref": {
        const m = p.models.get(x.model)!;
        if (m.ir.kind === "alias") return inner(m.ir.type);
        return { text: `models.${m.errorClass ?? m.name}`, link: `${up}${m.doc}` };
      }
      case "array": {
        const i = inner(x.items);
        return { text: `List[${i.link ? `[${i.text}](${i.link})` : `*${i.text}*`}]`, link: null };
      }
      case "map": {
        const i = inner(x.values);
        return { text: `Dict[str, ${i.link ? `[${i.text}](${i.link})` : `*${i.text}*`}]`, link: null };
      }
      case "union":
        return { text: x.variants.map((v) => inner(v).text).join(" \\| "), link: null };
    }
  };
  const { text, link } = inner(t);
  const optional = !required || ("nullable" in t && !!t.nullable);
  if (link) return `[${optional ? `Optional[${text}]` : text}](${link})`;
  if (t.kind === "array" || t.kind === "map") return optional ? `Optional[${text}]` : text;
  return `*${optional ? `Optional[${text}]` : text}*`;
}

function modelDoc(p: PyPlan, m: PyModelPlan) {
  const ir = m.ir;
  const title = m.errorClass ?? m.name;
  const description = (ir.description ?? ir.responseDescription ?? "").replace(/\s+$/, "");
  if (ir.kind === "enum") {
    return { title, description, kind: "enum", table: { headers: ["Name", "Value"], rows: ir.members.map((x) => ["`" + pyEnumMember(x.name) + "`", mdCell(String(x.value))]) } };
  }
  if (ir.kind === "alias") {
    return { title, description, kind: "alias", table: { headers: ["Field", "Type", "Required", "Description"], rows: [] } };
  }
  const rows: string[][] = ir.fields.map((f: Field) => [
    "`" + m.fieldNames.get(f)! + "`",
    docType(p, f.type, f.required, 1),
    f.required ? ":heavy_check_mark:" : ":heavy_minus_sign:",
    f.description ? mdCell(f.description) : "N/A",
    exampleCell(f.example),
  ]);
  // Extra properties are kept in `additional_properties`; their example is the object's own.
  const extraExample = ir.additional && ir.fields.length > 0 ? ir.example : undefined;
  if (ir.additional && ir.fields.length > 0) rows.push(["`additional_properties`", "Dict[str, *Any*]", ":heavy_minus_sign:", "N/A", exampleCell(extraExample)]);
  const withExample = rows.some((r) => r[4] !== "");
  return {
    title,
    description,
    kind: "object",
    table: { headers: ["Field", "Type", "Required", "Description", ...(withExample ? ["Example"] : [])], rows: rows.map((r) => (withExample ? r : r.slice(0, 4))) },
  };
}

function pyValue(p: PyPlan, e: Example): PyValue {
  switch (e.kind) {
    case "scalar":
    case "raw":
      return { kind: "raw", value: e.value };
    case "array":
      return { kind: "raw", value: e.items.map((i) => plain(i)) };
    case "object": {
      const m = e.model ? p.models.get(e.model) : undefined;
      if (!m || m.ir.kind !== "object" || m.ir.freeForm) return { kind: "raw", value: plain(e) };
      const fields: PyArg[] = [];
      const extra: Record<string, unknown> = {};
      for (const f of e.fields) {
        if (f.field) fields.push({ name: m.fieldNames.get(f.field) ?? pyIdent(f.key), value: pyValue(p, f.value) });
        else extra[f.key] = plain(f.value);
      }
      return { kind: "model", cls: `${p.packageName}.${m.name}`, fields, extra: Object.keys(extra).length ? extra : null };
    }
  }
}

function plain(e: Example): unknown {
  switch (e.kind) {
    case "scalar":
    case "raw":
      return e.value;
    case "array":
      return e.items.map(plain);
    case "object":
      return Object.fromEntries(e.fields.map((f) => [f.key, plain(f.value)]));
  }
}

function operationDoc(p: PyPlan, attr: string, op: Operation, examples: Examples) {
  const names = p.paramNames.get(op)!;
  const args: PyArg[] = [];
  const rows: string[][] = [];
  for (const x of op.params.filter((x) => x.required)) {
    args.push({ name: names.get(`${x.in}:${x.wireName}`)!, value: pyValue(p, examples.of(x.type, x.example ?? x.default)) });
  }
  for (const x of op.params) {
    rows.push(["`" + names.get(`${x.in}:${x.wireName}`)! + "`", docType(p, x.type, x.required, 2), x.required ? ":heavy_check_mark:" : ":heavy_minus_sign:", x.description ? mdCell(x.description) : "N/A", exampleCell(x.example)]);
  }
  if (op.body) {
    const name = names.get("body")!;
    args.push({ name, value: pyValue(p, examples.of(op.body.type)) });
    const required = op.request?.wrapsBody ? true : op.body.required;
    rows.push(["`" + name + "`", docType(p, op.body.type, true, 2), required ? ":heavy_check_mark:" : ":heavy_minus_sign:", op.request?.wrapsBody ? "The request object to use for the request." : mdCell(op.body.description ?? "N/A"), ""]);
  }
  rows.push([...RETRIES_ROW, ""]);
  const withExample = rows.some((r) => r[4] !== "");
  const first = op.success.find((r) => r.type) ?? op.success[0];
  const response = first?.encoding === "json" && first.type ? docType(p, first.type, true, 2) : first?.encoding === "text" ? "str" : first?.encoding ? "bytes" : "None";
  const errRows = op.errors.flatMap((e) => {
    const m = p.models.get(e.model)!;
    return m.errorClass ? [[`models.${m.errorClass}`, mdCell(e.statuses.join(", ")), mdCell(e.contentType)]] : [];
  });
  errRows.push(["models.SDKError", "4XX, 5XX", "\\*/\\*"]);
  const name = p.methodNames.get(op)!;
  return {
    name,
    anchor: name,
    attr,
    summary: op.summary ?? name,
    description: op.description ?? op.summary ?? "",
    importsPackage: args.some((a) => a.value.kind === "model"),
    returnsValue: !!first?.type,
    args,
    params: { headers: ["Parameter", "Type", "Required", "Description", ...(withExample ? ["Example"] : [])], rows: rows.map((r) => (withExample ? r : r.slice(0, 4))) },
    response,
    errors: { headers: ["Error Type", "Status Code", "Content Type"], rows: errRows },
  };
}

function retryDocs() {
  return {
    retryFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: [
        ["`strategy`", "`*str*`", "The retry strategy to use.", "`backoff`"],
        ["`backoff`", "[BackoffStrategy](#backoffstrategy)", "Configuration for the backoff strategy.", ""],
        ["`retry_connection_errors`", "`*bool*`", "Whether to retry on connection errors.", "`true`"],
      ],
    },
    backoffFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: [
        ["`initial_interval`", "`*int*`", "The initial interval in milliseconds.", "`500`"],
        ["`max_interval`", "`*int*`", "The maximum interval in milliseconds.", "`60000`"],
        ["`exponent`", "`*float*`", "The exponent to use for the backoff.", "`1.5`"],
        ["`max_elapsed_time`", "`*int*`", "The maximum elapsed time in milliseconds.", "`300000`"],
      ],
    },
  };
}
