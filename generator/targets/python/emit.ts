/** The Python target's files, from its plan: one step per kind of output, each adding to one Emission. */
import { RuffFormatter } from "./format.js";
import type { Keys } from "../shared/derivation.js";
import { derive, deriveText, keep, type WatchMemo } from "../shared/render-memo.js";
import type { OutputFile } from "../../write/write.js";
import { Examples } from "../../ir/examples.js";
import { constantCase } from "../../ir/names.js";
import type { SecurityScheme } from "../../ir/types.js";
import { VERSION } from "../../paths.js";
import { engineFor, type Engine } from "../../render/engine.js";
import { childrenOf } from "../shared/groups.js";
import { trimLineEnds, trimNewlines } from "../../render/markdown.js";
import { backoffPolicy, credentialPlaceholder, exampleSchemes } from "../shared/security.js";
import { defaultServerUrls, serverTemplates, serverVariableDefaults } from "../shared/servers.js";
import { runtimeFiles } from "../shared/runtime-files.js";
import { errorCases, mockInputsFile } from "../shared/tests.js";
import type { Emitted, Tally } from "../target.js";
import { fileDoc, modelDoc, operationDoc, retryDocs } from "./docs.js";
import { plainValue } from "../../ir/examples.js";
import { pythonHelpers } from "./helpers.js";
import { methodView } from "./methods.js";
import { modelView } from "./models.js";
import { streamsOnly } from "../../ir/responses.js";
import type { PyGroupPlan, PyMethodPlan, PyPlan } from "./plan.js";
import { pep440 } from "./version.js";
import { pyAnnotation } from "./types.js";
import { MODELS_INDEX_IMPORTS, RESOURCE_MODEL_IMPORTS, importNames, sortedImportNames } from "./runtime.js";
import { fromImport, tupleEntry, widthIsLength } from "./layout.js";
import { pyString } from "../../render/escape.js";

/** What each kind of security scheme takes as a client argument. */
const CREDENTIAL_TYPES: Record<SecurityScheme["kind"], string> = {
  bearer: "Union[str, Callable[[], str]]",
  basic: "Dict[str, str]",
  apiKey: "Union[str, Callable[[], str]]",
  clientCredentials: "Dict[str, str]",
};
const placeholder = (kind: SecurityScheme["kind"]) => credentialPlaceholder(kind, (part) => (part === "clientId" ? "client_id" : part === "clientSecret" ? "client_secret" : part));

/** One generation's output in the making: the plan, the renderer, and what has been emitted so far. */
class Emission {
  readonly emitted: Emitted = { files: [], samples: [], preformatted: new Set<string>(), formatHints: new Set<string>() };
  /** The package's folder under src/ (`acme/sdk` for `acme.sdk`), and that folder with src/. */
  readonly packageDir: string;
  readonly pkg: string;
  /** The distribution's name on PyPI: `clerk-backend-api`, `acme-sdk`. */
  readonly distName: string;
  readonly examples: Examples;
  readonly serverEnv: string;
  /** --watch: what each per-model and per-resource file is derived from. */
  readonly keys: Keys | undefined;
  /** How far the rendering is (`tick`): each model, and each operation (as its resource is printed). */
  private done = 0;
  private readonly total: number;
  constructor(
    readonly p: PyPlan,
    readonly engine: Engine,
    private readonly formatter: RuffFormatter,
    readonly memo: WatchMemo | undefined,
    private readonly tally: Tally | undefined,
  ) {
    this.keys = memo?.keys(p);
    this.total = p.modelList.length + p.groups.reduce((n, g) => n + g.operations.length, 0);
    // A dotted name (`acme.sdk`) is a folder per part; `acme` is a namespace package, with no __init__.py.
    this.packageDir = p.packageName.split(".").join("/");
    this.pkg = `src/${this.packageDir}`;
    this.distName = p.packageName.replace(/[._]/g, "-");
    this.examples = new Examples(p.api, { optional: true });
    this.serverEnv = `${constantCase(p.sdkClass)}_SERVER_URL`;
  }
  /**
   * A Python source file, handed to ruff's formatter (on its worker) as soon as it is printed;
   * `laidOut`: printed as ruff prints it already (layout.ts), it is not formatted.
   */
  py(path: string, template: string, view: unknown, laidOut = false): OutputFile {
    // Handlebars indents the blank lines of indented partials: no trailing whitespace, docstrings included.
    const file = { path, content: trimLineEnds(this.engine.render(template, view)) };
    this.emitted.files.push(file);
    if (laidOut) this.memo?.offHeap?.move(file);
    if (laidOut || this.formatter.start(file)) (this.emitted.preformatted as Set<string>).add(path);
    return file;
  }
  /** A module derived from `key` (render-memo.ts): its view is built only when it is printed. */
  derivedPy(key: string | undefined, path: string, template: string, view: () => unknown, laidOut = false): void {
    const known = derive(this.memo, key, path, () => this.py(path, template, view(), laidOut));
    if (known) keep(this.emitted, known);
  }
  /** A module derived from `key` whose view says whether it is printed as ruff prints it (`laidOut`). */
  derivedLaidOut(key: string | undefined, path: string, template: string, view: () => { laidOut: boolean }): void {
    const known = derive(this.memo, key, path, () => {
      const v = view();
      return this.py(path, template, v, v.laidOut);
    });
    if (known) keep(this.emitted, known);
  }
  /** A docs page derived from `key` (render-memo.ts). */
  derivedDoc(key: string | undefined, path: string, template: string, view: () => unknown): void {
    const known = derive(this.memo, key, `docs/${path}`, () => this.doc(path, template, view()));
    if (known) keep(this.emitted, known);
  }
  /** `n` more units of the rendering done. */
  tick(n = 1): void {
    this.done += n;
    this.tally?.(this.done, this.total);
  }
  /** Lets the formatter's answers in, and waits while it is far behind (RuffFormatter.breathe). */
  breathe(): Promise<void> {
    return this.formatter.breathe();
  }
  doc(path: string, template: string, view: unknown): OutputFile {
    const file = { path: `docs/${path}`, content: trimNewlines(this.engine.render(template, view)) };
    this.emitted.files.push(file);
    this.memo?.offHeap?.move(file);
    return file;
  }
  get authOptions() {
    return exampleSchemes(this.p.api).map((s) => ({ name: this.p.securityArgs.get(s.name)!, value: placeholder(s.kind) }));
  }
  /** What a usage example passes to the client: the global parameters (an example of each, as Speakeasy's snippets show them), then the credentials. */
  get clientOptions() {
    const globals = this.p.api.globals.map((g) => ({ name: this.p.securityArgs.get(`global:${g.option}`)!, value: plainValue(this.examples.of(g.type)) }));
    return [...globals, ...this.authOptions];
  }
}

export async function emitPython(p: PyPlan, version: string, memo?: WatchMemo, tally?: Tally): Promise<Emitted> {
  // The package's version as Python packaging writes it (config and release versions are checked to have one).
  const formatter = new RuffFormatter(p.modelList.length + p.api.operations.length, memo?.format, memo?.offHeap);
  const e = new Emission({ ...p, version: pep440(version) ?? version }, await engineFor("python", pythonHelpers), formatter, memo, tally);
  const runtime = runtimeFiles("python", e.pkg);
  // The runtime is kept ruff-formatted in the repository: the formatter passes it by.
  for (const f of runtime) (e.emitted.preformatted as Set<string>).add(f.path);
  e.emitted.files.push(...runtime, { path: `${e.pkg}/py.typed`, content: "" });
  try {
    await emitModels(e);
    const opDocs = await emitResources(e);
    emitClient(e);
    emitPackage(e);
    emitReadme(e);
    if (p.tests) emitTests(e, opDocs);
  } catch (err) {
    formatter.abort();
    throw err;
  }
  e.emitted.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  e.emitted.formatting = formatter.done();
  return e.emitted;
}

/** A module and a docs page per model, and the lazy models/__init__.py. */
async function emitModels(e: Emission): Promise<void> {
  const { p, pkg } = e;
  for (const [i, m] of p.modelList.entries()) {
    if ((i & 15) === 15) await e.breathe();
    const key = e.keys?.model(m.ir.name);
    e.derivedPy(key, `${pkg}/models/${m.module}.py`, "src/model.py.hbs", () => modelView(p, m));
    e.derivedDoc(key, m.doc, "docs/model.md.hbs", () => modelDoc(p, m));
    e.tick();
  }
  // Every model's names: on GitHub's SDK a 7 MB module (Microsoft Graph's, 47 MB), keyed by the
  // names it lists, and laid out only when that key is new.
  e.derivedLaidOut(e.keys?.view(modelsIndexKey(p)), `${pkg}/models/__init__.py`, "src/models__init__.py.hbs", () => modelsIndex(p));
  e.doc("models/utils/retryconfig.md", "docs/retryconfig.md.hbs", retryDocs());
  if (p.api.operations.some((op) => op.body?.encoding === "multipart")) e.doc("models/file.md", "docs/model.md.hbs", fileDoc());
}

type OperationDoc = ReturnType<typeof operationDoc>;

/** A module per resource (sync and async methods), its docs page, and each operation's usage snippet. */
async function emitResources(e: Emission): Promise<OperationDocs> {
  const { p, pkg } = e;
  const common = { packageName: p.packageName, sdkClass: p.sdkClass, clientVar: p.clientVar, authOptions: e.authOptions, clientOptions: e.clientOptions };
  // Each operation's docs view, built when first asked for (a page, a snippet, a test).
  const opDocs = new Map<PyGroupPlan, OperationDoc[]>();
  const docsOf = (g: PyGroupPlan) => {
    let docs = opDocs.get(g);
    if (!docs) opDocs.set(g, (docs = g.operations.map((m) => operationDoc(p, g.access, m, e.examples))));
    return docs;
  };
  for (const g of p.groups) {
    await e.breathe();
    const key = e.keys?.group(g);
    e.derivedPy(key, `${pkg}/${g.module}.py`, "src/resource.py.hbs", () => ({
      className: g.className,
      doc: g.description ?? "",
      baseImports: importNames(RESOURCE_MODEL_IMPORTS.names),
      methods: g.operations.map((m) => methodView(p, m)),
      children: childrenOf(p.groups, g).map((c) => ({ attr: c.accessor, className: c.className, module: c.module })),
    }));
    // (A group that only holds others, such as `beta` of `beta.conversations`, has no page.)
    if (g.operations.length === 0) continue;
    e.derivedDoc(key, g.doc, "docs/group.md.hbs", () => ({ ...common, title: g.title, attr: g.access, operations: docsOf(g) }));
    g.operations.forEach((m, i) => {
      const source = deriveText(e.memo, e.keys?.operation(m), `${SAMPLE}${m.ir.specOperationId}`, () => trimNewlines(e.engine.render("docs/snippet.hbs", { ...common, op: docsOf(g)[i] })));
      e.emitted.samples.push({ operationId: m.ir.specOperationId, pointer: m.ir.source, lang: "python", label: "Python", source });
    });
    e.tick(g.operations.length);
  }
  return docsOf;
}

/** Each resource's operations' docs views (built when first asked for). */
type OperationDocs = (g: PyGroupPlan) => OperationDoc[];

/** Where the render memo keeps each operation's usage snippet (not a file: no path of the output starts so). */
const SAMPLE = "#sample/";

/**
 * `tests: true`: a pytest module per resource, a sync and an async test per operation (its docs
 * example against the mock) and one per declared error (the mock asked for that status must make
 * the call raise the error's class); the mock's inputs, the helper that starts it, the fixture.
 */
function emitTests(e: Emission, docsOf: OperationDocs): void {
  const { p } = e;
  e.emitted.files.push(mockInputsFile(p.tests!));
  const helpers = runtimeFiles("python", "tests", "testing");
  for (const f of helpers) (e.emitted.preformatted as Set<string>).add(f.path);
  e.emitted.files.push(...helpers);
  for (const g of p.groups.filter((x) => x.operations.length > 0)) {
    const docs = docsOf(g);
    const operations = g.operations.map((m, i) => ({
      op: docs[i],
      errors: errorCases(m.ir).flatMap((c) => {
        const cls = p.models.get(c.model)?.errorClass;
        return cls ? [{ status: c.status, errorClass: cls }] : [];
      }),
    }));
    const module = `test_${g.module.replace(/\//g, "_")}`;
    // Each test as pytest's JUnit report names it: the module, the function.
    g.operations.forEach((m, i) => {
      const names = [m.method, `${m.method}_async`, ...operations[i].errors.map((x) => `${m.method}_error_${x.status}`)];
      for (const name of names) (e.emitted.tests ??= []).push({ id: `tests.${module}::test_${name}`, operation: m.ir.specOperationId });
    });
    e.py(`tests/${module}.py`, "tests/test_group.py.hbs", {
      title: g.title,
      packageName: p.packageName,
      sdkClass: p.sdkClass,
      clientVar: p.clientVar,
      clientOptions: e.clientOptions,
      importsPackage: docs.some((d) => d.importsPackage),
      importsParseDatetime: docs.some((d) => d.importsParseDatetime),
      hasErrors: operations.some((o) => o.errors.length > 0),
      operations,
    });
  }
}

/** sdk.py, config.py and the package's __init__.py. */
function emitClient(e: Emission): void {
  const { p, pkg } = e;
  e.py(`${pkg}/sdk.py`, "src/sdk.py.hbs", {
    sdkClass: p.sdkClass,
    title: p.api.info.title,
    clientVar: p.clientVar,
    firstGroup: p.groups.find((g) => !g.ir.parent)?.accessor ?? "",
    serverEnv: e.serverEnv,
    groups: p.groups.filter((g) => !g.ir.parent).map((g) => ({ attr: g.accessor, className: g.className, module: g.module })),
    securityOptions: p.api.securitySchemes.map((s) => ({ name: p.securityArgs.get(s.name)!, typeExpr: CREDENTIAL_TYPES[s.kind] })),
    // x-speakeasy-globals: arguments whose values fill the operations' parameters of the same name.
    globalOptions: p.api.globals.map((g) => ({
      name: p.securityArgs.get(`global:${g.option}`)!,
      typeExpr: g.type.kind === "primitive" ? pyAnnotation({ p, form: "input", qualify: (_m, name) => name }, g.type) : "Any",
    })),
  });
  e.py(`${pkg}/config.py`, "src/config.py.hbs", configView(e));
  e.py(`${pkg}/__init__.py`, "src/init.py.hbs", { sdkClass: p.sdkClass, version: p.version, packageName: p.packageName });
}

function emitPackage(e: Emission): void {
  const { p } = e;
  e.emitted.files.push({
    path: "pyproject.toml",
    content: e.engine.render("pyproject.toml.hbs", {
      distName: e.distName,
      version: p.version,
      description: `Python SDK for the ${p.api.info.title}`,
      packageName: p.packageName,
      tests: p.tests !== null,
    }),
  });
}

/** What models/__init__.py lists (each model's names and module, each alias), as its render key. */
function modelsIndexKey(p: PyPlan): string {
  return JSON.stringify([p.modelList.map((m) => [m.name, m.typedDict ?? "", m.errorClass ?? "", m.module]), p.aliases.map((a) => [a.name, a.module, a.attr])]);
}

/**
 * models/__init__.py's view: its import statements, `_MODULES` entries and `__all__` names, each
 * laid out as ruff prints it (layout.ts) and each block joined into one text. The module then needs
 * no formatting, and printing it is a few substitutions: statement by statement through the
 * template, Microsoft Graph's 47 MB took seconds. `laidOut` false when some line holds text whose
 * width ruff measures otherwise (ruff's formatter then formats the module).
 */
function modelsIndex(p: PyPlan) {
  const byModule = (a: { module: string }, b: { module: string }) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0);
  const namesOf = (m: PyPlan["modelList"][number]) => [m.name, ...(m.typedDict ? [m.typedDict] : []), ...(m.errorClass ? [m.errorClass] : [])];
  const names = [...p.modelList.flatMap((m) => namesOf(m).map((name) => ({ name, module: m.module, attr: name }))), ...p.aliases].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const blocks = {
    runtimeImports: MODELS_INDEX_IMPORTS.map((i) => fromImport("", `.${i.module.replace(/^models\//, "").replace(/\.py$/, "")}`, sortedImportNames(i.names))).join("\n"),
    // Sorted by module, so the order of building models never shows in the output.
    typeImports: [
      ...[...p.modelList].sort(byModule).map((m) => fromImport("    ", `.${m.module}`, namesOf(m))),
      ...[...p.aliases].sort((a, b) => (a.name < b.name ? -1 : 1)).map((a) => fromImport("    ", `.${a.module}`, [`${a.attr} as ${a.name}`])),
    ].join("\n"),
    modules: names.map((n) => tupleEntry("    ", pyString(n.name), [pyString(n.module), pyString(n.attr)])).join("\n"),
    names: names.map((n) => `    ${pyString(n.name)},`).join("\n"),
  };
  return { ...blocks, laidOut: Object.values(blocks).every(widthIsLength) };
}

function configView(e: Emission) {
  const { p } = e;
  const api = p.api;
  return {
    servers: serverTemplates(api),
    serverDefaults: serverVariableDefaults(api),
    serverEnv: e.serverEnv,
    security: api.securitySchemes.map((s) => ({
      name: s.name,
      kind: s.kind,
      option: p.securityArgs.get(s.name)!,
      where: s.kind === "apiKey" ? s.in : null,
      param: s.kind === "apiKey" ? s.param : null,
      tokenUrl: s.kind === "clientCredentials" ? s.tokenUrl : null,
      scopes: s.kind === "clientCredentials" ? s.scopes : [],
    })),
    retry: backoffPolicy(api),
    retryCodes: api.retries?.statusCodes ?? ["5XX"],
    idempotencyHeader: p.idempotencyHeader,
    version: p.version,
    docVersion: api.info.version,
    userAgent: `${p.packageName}/${p.version} (specsmith ${VERSION}; python; api ${api.info.version})`,
  };
}

function emitReadme(e: Emission): void {
  const { p } = e;
  const api = p.api;
  const firstGroup = p.groups.find((g) => g.operations.length > 0);
  const first = firstGroup?.operations[0];
  const upload = p.groups.flatMap((g) => g.operations.map((m) => ({ g, m }))).find(({ m }) => m.ir.body?.encoding === "multipart" && m.args.some((a) => a.source === "field"));
  const errorClasses = p.modelList.filter((m) => m.errorClass).map((m) => ({ name: m.errorClass, doc: `docs/${m.doc}` }));
  // The first operation of each kind the README shows: paginated, streaming events, downloading bytes.
  const all = p.groups.flatMap((g) => g.operations.map((m) => ({ g, m })));
  const docOf = (x: { g: PyGroupPlan; m: PyMethodPlan } | undefined) => (x ? operationDoc(p, x.g.access, x.m, e.examples) : null);
  const view = {
    paged: docOf(all.find(({ m }) => m.ir.pagination)),
    events: docOf(all.find(({ m }) => streamsOnly(m.ir.success))),
    download: docOf(all.find(({ m }) => m.ir.success.some((r) => r.encoding === "binary"))),
    packageName: p.packageName,
    packageDir: e.packageDir,
    distName: e.distName,
    title: api.info.title,
    docVersion: api.info.version,
    sdkClass: p.sdkClass,
    clientVar: p.clientVar,
    authOptions: e.authOptions,
    clientOptions: e.clientOptions,
    serverEnv: e.serverEnv,
    defaultServer: defaultServerUrls(api)[0],
    servers: defaultServerUrls(api).map((url, i) => ({ index: i, url })),
    example: firstGroup && first ? operationDoc(p, firstGroup.access, first, e.examples) : null,
    upload: upload ? operationDoc(p, upload.g.access, upload.m, e.examples) : null,
    groups: p.groups
      .filter((g) => g.operations.length > 0)
      .map((g) => ({ attr: g.access, doc: `docs/${g.doc}`, operations: g.operations.map((m) => ({ name: m.method, summary: m.ir.summary ?? m.ir.method, anchor: m.method })) })),
    errorClasses,
    firstError: errorClasses[0]?.name ?? null,
    baseError: p.baseError ? `models.${p.baseError}` : null,
    retry: api.retries?.strategy === "backoff" ? api.retries : null,
    idempotencyHeader: p.idempotencyHeader,
  };
  e.emitted.files.push({ path: "README.md", content: trimNewlines(e.engine.render("README.md.hbs", view)) });
}
