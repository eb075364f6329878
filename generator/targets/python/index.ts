/** The Python target: IR → a Python 3.9+ package on httpx and pydantic v2, and Speakeasy-shaped docs. */
import { Examples } from "../../ir/examples.js";
import { constantCase } from "../../ir/names.js";
import type { Api, SecurityScheme } from "../../ir/types.js";
import { VERSION } from "../../paths.js";
import { engineFor } from "../../render/engine.js";
import { trimNewlines } from "../../render/markdown.js";
import { CREDENTIAL_PLACEHOLDERS } from "../shared/docs.js";
import { defaultServerUrls, serverTemplates, serverVariableDefaults } from "../shared/servers.js";
import { runtimeFiles } from "../shared/runtime-files.js";
import type { OutputFile } from "../../write/write.js";
import type { CodeSample } from "../../docs/code-samples.js";
import { fileDoc, modelDoc, operationDoc, retryDocs } from "./docs.js";
import { pythonHelpers } from "./helpers.js";
import { methodView } from "./methods.js";
import { modelView } from "./models.js";
import { planPython, pyIdent, type PyPlan } from "./plan.js";

export interface PythonOptions {
  packageName: string;
  sdkClass: string;
  version: string;
  idempotencyHeader?: string;
}

/** What each kind of security scheme takes as a client argument, and its placeholder in snippets. */
const CREDENTIALS: Record<SecurityScheme["kind"], { type: string; placeholder: unknown }> = {
  bearer: { type: "Union[str, Callable[[], str]]", placeholder: CREDENTIAL_PLACEHOLDERS.bearer },
  basic: { type: "Dict[str, str]", placeholder: { username: CREDENTIAL_PLACEHOLDERS.username, password: CREDENTIAL_PLACEHOLDERS.password } },
  apiKey: { type: "Union[str, Callable[[], str]]", placeholder: CREDENTIAL_PLACEHOLDERS.apiKey },
  clientCredentials: { type: "Dict[str, str]", placeholder: { client_id: CREDENTIAL_PLACEHOLDERS.clientId, client_secret: CREDENTIAL_PLACEHOLDERS.clientSecret } },
};

/** `samples`, when given, receives each operation's usage snippet (for the code-samples overlay). */
export async function generatePython(api: Api, opts: PythonOptions, samples?: CodeSample[]): Promise<OutputFile[]> {
  const engine = await engineFor("python", pythonHelpers);
  const p = planPython(api, opts);
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
  emit(`${pkg}/models/__init__.py`, "src/models__init__.py.hbs", modelsIndex(p));

  const clientVar = p.sdkClass.toLowerCase() === p.sdkClass ? "sdk" : pyIdent(p.sdkClass);
  const authOptions = api.securitySchemes
    .filter((s) => api.security.some((alt) => alt.includes(s.name)))
    .slice(0, 1)
    .map((s) => ({ name: p.securityArgs.get(s.name)!, value: CREDENTIALS[s.kind].placeholder }));
  const examples = new Examples(api, { optional: true });
  for (const g of p.groups) {
    emit(`${pkg}/${g.module}.py`, "src/resource.py.hbs", {
      className: g.className,
      doc: api.groups.find((x) => x.name === g.name)?.description ?? "",
      methods: g.methods.map((m) => methodView(p, m)),
    });
    const operations = g.methods.map((m) => operationDoc(p, g.attr, m, examples));
    doc(g.doc, "docs/group.md.hbs", { title: g.title, attr: g.attr, packageName: p.packageName, sdkClass: p.sdkClass, clientVar, authOptions, operations });
    operations.forEach((op, i) => {
      const snippet = { op, packageName: p.packageName, sdkClass: p.sdkClass, clientVar, authOptions };
      samples?.push({ operationId: g.methods[i].op.operationId, pointer: g.methods[i].op.source, lang: "python", label: "Python", source: trimNewlines(engine.render("docs/snippet.hbs", snippet)) });
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
  emit(`${pkg}/config.py`, "src/config.py.hbs", configView(p, serverEnv, opts));
  emit(`${pkg}/__init__.py`, "src/init.py.hbs", { sdkClass: p.sdkClass, version: p.version, packageName: p.packageName });
  emit("pyproject.toml", "pyproject.toml.hbs", { distName: p.packageName.replace(/_/g, "-"), version: p.version, description: `Python SDK for the ${api.info.title}`, packageName: p.packageName });
  doc("models/utils/retryconfig.md", "docs/retryconfig.md.hbs", retryDocs());
  if (api.operations.some((op) => op.body?.encoding === "multipart")) doc("models/file.md", "docs/model.md.hbs", fileDoc());
  out.push({ path: "README.md", content: trimNewlines(engine.render("README.md.hbs", readmeView(p, clientVar, authOptions, serverEnv, examples, opts))) });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function modelsIndex(p: PyPlan) {
  const byModule = (a: { module: string }, b: { module: string }) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0);
  const namesOf = (m: PyPlan["modelList"][number]) => [m.name, ...(m.typedDict ? [m.typedDict] : []), ...(m.errorClass ? [m.errorClass] : [])];
  return {
    // Sorted by module, so the order of building models never shows in the output.
    models: p.modelList.map((m) => ({ module: m.module, classList: namesOf(m).join(", ") })).sort(byModule),
    names: [...p.modelList.flatMap((m) => namesOf(m).map((name) => ({ name, module: m.module, attr: name }))), ...p.aliases].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    aliases: [...p.aliases].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

function configView(p: PyPlan, serverEnv: string, opts: PythonOptions) {
  const api = p.api;
  return {
    servers: serverTemplates(api),
    serverDefaults: serverVariableDefaults(api),
    serverEnv,
    security: api.securitySchemes.map((s) => ({
      name: s.name,
      kind: s.kind,
      option: p.securityArgs.get(s.name)!,
      where: s.kind === "apiKey" ? s.in : null,
      param: s.kind === "apiKey" ? s.param : null,
      tokenUrl: s.kind === "clientCredentials" ? s.tokenUrl : null,
      scopes: s.kind === "clientCredentials" ? s.scopes : [],
    })),
    retry: api.retries?.strategy === "backoff" ? { ...api.retries.backoff, retryConnectionErrors: api.retries.retryConnectionErrors } : null,
    retryCodes: api.retries?.statusCodes ?? ["5XX"],
    idempotencyHeader: opts.idempotencyHeader ?? null,
    version: p.version,
    docVersion: api.info.version,
    userAgent: `${p.packageName}/${p.version} (specsmith ${VERSION}; python; api ${api.info.version})`,
  };
}

function readmeView(p: PyPlan, clientVar: string, authOptions: { name: string; value: unknown }[], serverEnv: string, examples: Examples, opts: PythonOptions) {
  const api = p.api;
  const first = p.groups[0]?.methods[0];
  const upload = p.groups.flatMap((g) => g.methods.map((m) => ({ g, m }))).find(({ m }) => m.op.body?.encoding === "multipart" && m.args.some((a) => a.source === "field"));
  const errorClasses = p.modelList.filter((m) => m.errorClass).map((m) => ({ name: m.errorClass, doc: `docs/${m.doc}` }));
  return {
    packageName: p.packageName,
    distName: p.packageName.replace(/_/g, "-"),
    title: api.info.title,
    docVersion: api.info.version,
    sdkClass: p.sdkClass,
    clientVar,
    authOptions,
    serverEnv,
    defaultServer: defaultServerUrls(api)[0],
    servers: defaultServerUrls(api).map((url, i) => ({ index: i, url })),
    example: first ? operationDoc(p, p.groups[0].attr, first, examples) : null,
    upload: upload ? operationDoc(p, upload.g.attr, upload.m, examples) : null,
    groups: p.groups.map((g) => ({ attr: g.attr, doc: `docs/${g.doc}`, operations: g.methods.map((m) => ({ name: m.name, summary: m.op.summary ?? m.op.method, anchor: m.name })) })),
    errorClasses,
    firstError: errorClasses[0]?.name ?? null,
    retry: api.retries?.strategy === "backoff" ? api.retries : null,
    idempotencyHeader: opts.idempotencyHeader ?? null,
  };
}
