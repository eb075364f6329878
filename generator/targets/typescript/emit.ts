/** The TypeScript target's files, from its plan: one step per kind of output, each adding to one Emission. */
import { posix } from "node:path";
import { EagerFormatter } from "./format.js";
import type { Keys } from "../shared/derivation.js";
import { derive, deriveText, keep, type WatchMemo } from "../shared/render-memo.js";
import type { OutputFile } from "../../write/write.js";
import type { ModelDirs } from "./model-paths.js";
import { BACKOFF_FIELDS } from "../shared/docs.js";
import { SCHEME_KINDS, backoffPolicy, credentialPlaceholder, exampleSchemes } from "../shared/security.js";
import { defaultServerUrls, serverTemplates, serverVariableDefaults } from "../shared/servers.js";
import { childrenOf } from "../shared/groups.js";
import { runtimeFiles } from "../shared/runtime-files.js";
import { errorCases, mockInputsFile } from "../shared/tests.js";
import { Examples } from "../../ir/examples.js";
import type { SecurityScheme } from "../../ir/types.js";
import { VERSION } from "../../paths.js";
import { engineFor, type Engine } from "../../render/engine.js";
import { mdCell, mdCode, tsString } from "../../render/escape.js";
import { trimNewlines } from "../../render/markdown.js";
import type { Emitted, Tally } from "../target.js";
import { modelDoc, operationDoc, toTsValue, type OperationDoc } from "./docs.js";
import { mentions } from "./literals.js";
import { typescriptHelpers } from "./helpers.js";
import { streamsOnly } from "../../ir/responses.js";
import { funcMovesUnion, funcView, resourceMovesUnion, resourceView, resultType, type FuncView } from "./funcs.js";
import { docLines, modelMovesUnion, modelView } from "./models.js";
import { Imports, TypeWriter, importPath, propKey, type OperationPlan, type Plan } from "./plan.js";
import { ERROR_MODULES } from "./runtime.js";
import { literalUnion, renameType, typeText } from "./types.js";
import { unionMovesWhole } from "./unions.js";

/** What each kind of security scheme takes as an SDK option. */
const CREDENTIAL_TYPES: Record<SecurityScheme["kind"], string> = { bearer: "Credential", basic: "BasicCredential", apiKey: "Credential", clientCredentials: "ClientCredentials" };
const placeholder = (kind: SecurityScheme["kind"]) => credentialPlaceholder(kind, (part) => (part === "clientId" ? "clientID" : part === "clientSecret" ? "clientSecret" : part));

/** One generation's output in the making: the plan, the renderer, and what has been emitted so far. */
class Emission {
  readonly emitted: Emitted = { files: [], samples: [], preformatted: new Set<string>(), formatHints: new Set<string>() };
  readonly types: TypeWriter;
  readonly examples: Examples;
  /** --watch: what each per-model, per-operation and per-resource file is derived from. */
  readonly keys: Keys | undefined;
  /** How far the rendering is (`tick`): each model, each operation's function, each operation's docs. */
  private done = 0;
  private readonly total: number;
  constructor(
    readonly p: Plan,
    readonly engine: Engine,
    private readonly formatter: EagerFormatter,
    readonly memo: WatchMemo | undefined,
    private readonly tally: Tally | undefined,
  ) {
    this.types = new TypeWriter(p);
    this.examples = new Examples(p.api);
    this.keys = memo?.keys(p);
    this.total = p.modelList.length + p.operations.length + p.groups.reduce((n, g) => n + g.operations.length, 0);
  }
  /** `n` more units of the rendering done. */
  tick(n = 1): void {
    this.done += n;
    this.tally?.(this.done, this.total);
  }
  /** A source file derived from `key` (render-memo.ts): its view is built only when it is printed. */
  derivedSrc<V>(key: string | undefined, path: string, template: string, view: () => V, movesUnion: (v: V) => boolean): void {
    const known = derive(this.memo, key, `src/${path}`, () => {
      const v = view();
      return this.src(path, template, v, movesUnion(v));
    });
    if (known) keep(this.emitted, known);
  }
  /** A docs page derived from `key` (render-memo.ts). */
  derivedDoc(key: string | undefined, path: string, template: string, view: () => unknown): void {
    const known = derive(this.memo, key, `docs/${path}`, () => this.doc(path, template, view()));
    if (known) keep(this.emitted, known);
  }
  /**
   * A source file under src/, to oxfmt at once (beside the rendering of the rest) if it needs
   * formatting; `movesUnion`: it holds a union prettier moves whole (unions.ts).
   */
  src(path: string, template: string, view: unknown, movesUnion = false): OutputFile {
    const file = { path: `src/${path}`, content: this.engine.render(template, view) };
    this.emitted.files.push(file);
    if (movesUnion) (this.emitted.formatHints as Set<string>).add(file.path);
    const formatting = this.formatter.start(file, movesUnion);
    // A file with no line to format is finished: it may leave the heap (the format step passes it by).
    if (!formatting && this.memo?.offHeap) this.memo.offHeap.move(file);
    if (formatting || this.memo?.offHeap) (this.emitted.preformatted as Set<string>).add(file.path);
    return file;
  }
  /** Lets oxfmt's finished calls start the waiting files (the rendering otherwise holds the thread). */
  async breathe(): Promise<void> {
    if (this.formatter.backlog) await new Promise((r) => setImmediate(r));
  }
  doc(path: string, template: string, view: unknown): OutputFile {
    const file = { path: `docs/${path}`, content: trimNewlines(this.engine.render(template, view)) };
    this.emitted.files.push(file);
    this.memo?.offHeap?.move(file);
    return file;
  }
  file(path: string, template: string, view: unknown, trim = false): void {
    const text = this.engine.render(template, view);
    this.emitted.files.push({ path, content: trim ? trimNewlines(text) : text });
  }
  get authOptions() {
    return exampleSchemes(this.p.api).map((s) => ({ prop: propKey(s.option), placeholder: placeholder(s.kind) }));
  }
  /** What a usage example passes to the client: the global parameters (an example of each, as Speakeasy's snippets show them), then the credentials. */
  get clientOptions() {
    const globals = this.p.api.globals.map((g) => ({ prop: propKey(g.option), placeholder: toTsValue(this.examples.of(g.type)) }));
    return [...globals, ...this.authOptions];
  }
}

export async function emitTypeScript(p: Plan, version: string, memo?: WatchMemo, tally?: Tally): Promise<Emitted> {
  const formatter = await EagerFormatter.create(memo?.format, memo?.offHeap);
  const e = new Emission({ ...p, version }, await engineFor("typescript", typescriptHelpers), formatter, memo, tally);
  await emitModels(e);
  await emitOperations(e);
  emitClient(e);
  emitConfig(e);
  emitPackage(e);
  const docOf = await emitDocs(e);
  emitReadme(e, docOf);
  if (p.tests) emitTests(e, docOf);
  // Runtime: real, tested (and prettier-formatted) TypeScript, copied as it is.
  const runtime = runtimeFiles("typescript", "src");
  for (const f of runtime) (e.emitted.preformatted as Set<string>).add(f.path);
  e.emitted.files.push(...runtime);
  e.emitted.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  e.emitted.formatting = formatter.done();
  return e.emitted;
}

/** Models, each with its docs page, and one index per namespace. */
async function emitModels(e: Emission): Promise<void> {
  const { p } = e;
  const byPlace = new Map<string, string[]>([
    ["components", []],
    ["errors", ERROR_MODULES.map((m) => `./${m}.js`)],
    ["operations", []],
  ]);
  for (const [i, mp] of p.modelList.entries()) {
    if ((i & 7) === 7) await e.breathe();
    const key = e.keys?.model(mp.ir.name);
    e.derivedSrc(key, mp.file, "src/model.ts.hbs", () => modelView(p, mp, e.types), modelMovesUnion);
    byPlace.get(mp.ir.place)!.push("./" + mp.file.split("/").pop()!.replace(/\.ts$/, ".js"));
    e.derivedDoc(key, mp.doc, "docs/model.md.hbs", () => modelDoc(p, mp, e.examples));
    e.tick();
  }
  // Speakeasy's `<operationId>Globals`, each its own module beside the request model it picks from.
  // Both are keyed by their views, which hold all the files print (names, paths, a type's text).
  for (const g of p.globalsTypes) {
    const from = importPath(posix.dirname(g.file), g.request.file);
    const view = { name: g.name, className: g.request.name, from, keys: g.keys, operationId: g.operationId };
    e.derivedSrc(
      e.keys?.view(JSON.stringify(view)),
      g.file,
      "src/globals.ts.hbs",
      () => view,
      () => true,
    );
    byPlace.get("operations")!.push("./" + g.file.split("/").pop()!.replace(/\.ts$/, ".js"));
  }
  // Speakeasy's `<operationId>Response` of each paginated operation: what a page's `result` holds.
  for (const t of p.pageTypes) {
    const imports = new Imports(t.file);
    const type = resultType(t.operation.ir, e.types, (m, symbol) => imports.model(m, symbol === t.name && t.bodyAlias ? `${symbol} as ${t.bodyAlias}` : symbol));
    const view = { name: t.name, type: t.bodyAlias ? renameType(type, t.name, t.bodyAlias) : type, imports: imports.render(), operationId: t.operation.ir.specOperationId };
    e.derivedSrc(
      e.keys?.view(JSON.stringify(view)),
      t.file,
      "src/page-type.ts.hbs",
      () => view,
      () => true,
    );
    byPlace.get("operations")!.push("./" + t.file.split("/").pop()!.replace(/\.ts$/, ".js"));
  }
  for (const [place, exports] of byPlace) {
    const aliases = p.aliases
      .filter((a) => a.namespace === place)
      // An enum is a value and a type; an object model only a type (isolatedModules re-exports it as one).
      // An error class is a value (`instanceof`); its alias exports the class, not its payload type.
      .map((a) => ({ name: a.name, className: a.model.errorClass ?? a.model.name, typeOnly: !a.model.errorClass && a.model.ir.kind !== "enum", from: a.from }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (!p.namespaces.includes(place as keyof ModelDirs)) continue;
    if (place === "errors" && p.baseError) aliases.push({ name: p.baseError, className: "APIError", typeOnly: false, from: "./apierror.js" });
    const view = { exports: [...exports].sort(), aliases };
    e.derivedSrc(
      e.keys?.view(JSON.stringify(view)),
      `${p.modelDirs[place as keyof ModelDirs]}/index.ts`,
      "src/models-index.ts.hbs",
      () => view,
      () => false,
    );
  }
}

/** Standalone functions and the resource classes calling them. */
async function emitOperations(e: Emission): Promise<void> {
  const { p } = e;
  // Each function's view, built once: its file and its resource's class both read it.
  const funcs = new Map<OperationPlan, FuncView>();
  const viewOf = (op: OperationPlan) => {
    let view = funcs.get(op);
    if (!view) funcs.set(op, (view = funcView(p, op, e.types)));
    return view;
  };
  for (const [i, op] of p.operations.entries()) {
    if ((i & 7) === 7) await e.breathe();
    e.derivedSrc(e.keys?.operation(op), op.file, "src/func.ts.hbs", () => viewOf(op), funcMovesUnion);
    e.tick();
  }
  for (const g of p.groups) {
    e.derivedSrc(e.keys?.group(g), g.file, "src/resource.ts.hbs", () => resourceView(p, g, childrenOf(p.groups, g), viewOf, e.types), resourceMovesUnion);
  }
}

/** The SDK class, the core class and the package's entry point. */
function emitClient(e: Emission): void {
  const { p } = e;
  const sdkImports = new Imports("sdk/sdk.ts");
  sdkImports.add("core.ts", p.coreClass, false);
  const top = p.groups.filter((g) => !g.ir.parent);
  for (const g of top) sdkImports.add(g.file, g.className, false);
  const first = p.groups.find((g) => g.operations.length > 0);
  e.src("sdk/sdk.ts", "src/sdk.ts.hbs", {
    imports: sdkImports.render(),
    title: p.api.info.title,
    sdkClass: p.sdkClass,
    coreClass: p.coreClass,
    exampleAccess: first ? `${p.clientVar}.${first.access}.${first.operations[0].method}()` : "",
    groups: top.map((g) => ({ name: g.accessor, className: g.className, docLines: docLines(g.description ?? undefined) })),
  });
  e.src("core.ts", "src/core.ts.hbs", { coreClass: p.coreClass, packageName: p.packageName });
  e.src("index.ts", "src/index.ts.hbs", { sdkClass: p.sdkClass, coreClass: p.coreClass, hasOperations: p.namespaces.includes("operations"), dirs: p.modelDirs });
}

/** lib/config.ts: servers, security options, retries, the user agent. */
function emitConfig(e: Emission): void {
  const { p } = e;
  const configImports = new Imports("lib/config.ts");
  if (p.idempotencyHeader) configImports.runtime("idempotencyKey");
  configImports.runtime(p.hooks ? "installHooks" : "noHooks");
  const api = p.api;
  const variableNames = [...new Set(api.servers.flatMap((s) => s.variables.map((v) => v.name)))].sort();
  const variables = variableNames.map((name) => {
    const all = api.servers.flatMap((s) => s.variables.filter((v) => v.name === name));
    const enums = all.every((v) => v.enum && v.enum.length) ? [...new Set(all.flatMap((v) => v.enum!))] : null;
    return { key: propKey(name), type: enums ? literalUnion(enums.map(tsString)) : null, docLines: docLines(all.find((v) => v.description)?.description) };
  });
  const globalOptions = api.globals.map((g) => ({
    prop: propKey(g.option),
    type: e.types.type(g.type, false, (m, symbol) => configImports.model(m, symbol)),
    docLines: docLines(g.description ?? `Sent as the \`${g.wireName}\` ${g.in} parameter of every operation that has one, unless the call gives its own.`),
  }));
  // A member's union too wide for its line but not for the next: prettier moves it there whole (unions.ts).
  const movesUnion = variables.some((v) => v.type !== null && unionMovesWhole(4, `${v.key}?: `, v.type, ";")) || globalOptions.some((g) => unionMovesWhole(2, `${g.prop}?: `, g.type, ";"));
  e.src(
    "lib/config.ts",
    "src/config.ts.hbs",
    {
      // Docs show each server with its variables' defaults; the SDK keeps the templates (serverVariables fill them).
      servers: serverTemplates(api),
      serverDefaults: serverVariableDefaults(api).map((vs) => vs.map((v) => ({ key: propKey(v.name), value: v.value }))),
      variables: variables.map((v) => ({ key: v.key, typeExpr: v.type ? typeText(v.type) : "string", docLines: v.docLines })),
      defaultServerText: defaultServerUrls(api)[0],
      // The credential types the options name, and the scheme appliers SECURITY holds (values).
      credentialImports: [...[...new Set(api.securitySchemes.map((s) => CREDENTIAL_TYPES[s.kind]))].map((t) => `type ${t}`), ...new Set(api.securitySchemes.map((s) => s.kind))]
        .sort((a, b) => (a.replace(/^type /, "") < b.replace(/^type /, "") ? -1 : 1))
        .map((t) => `${t}, `)
        .join(""),
      // x-speakeasy-globals: options that fill the operations' parameters of the same name.
      globalOptions,
      imports: configImports.render(),
      securityOptions: api.securitySchemes.map((s) => ({ prop: propKey(s.option), typeExpr: CREDENTIAL_TYPES[s.kind], docLines: docLines(s.description ?? SCHEME_KINDS[s.kind].doc) })),
      security: api.securitySchemes.map((s) => ({
        key: propKey(s.option),
        kind: s.kind,
        // The lib/security.ts function of the same name.
        applier: s.kind,
        option: s.option,
        in: s.kind === "apiKey" ? s.in : null,
        param: s.kind === "apiKey" ? s.param : null,
        tokenURL: s.kind === "clientCredentials" ? s.tokenUrl : null,
        scopes: s.kind === "clientCredentials" ? s.scopes : [],
      })),
      packageName: p.packageName,
      version: p.version,
      docVersion: api.info.version,
      genVersion: VERSION,
      userAgent: `${p.packageName}/${p.version} (specsmith ${VERSION}; typescript; api ${api.info.version})`,
      retry: backoffPolicy(api),
      retryCodes: api.retries?.statusCodes ?? ["5XX"],
      idempotencyHeader: p.idempotencyHeader,
      hooksInstaller: p.hooks ? "installHooks" : "noHooks",
    },
    movesUnion,
  );
}

function emitPackage(e: Emission): void {
  const { p } = e;
  // Subpaths as Speakeasy's packages export them: each models namespace, and any module with or without `.js`.
  const modelNamespaces = p.namespaces.map((name) => ({ path: p.modelDirs[name] }));
  e.file("package.json", "package.json.hbs", {
    packageName: p.packageName,
    version: p.version,
    description: `TypeScript SDK for the ${p.api.info.title}`,
    modelNamespaces,
    tests: p.tests !== null,
    specsmithRange: `^${VERSION}`,
  });
  e.file("tsconfig.json", "tsconfig.json.hbs", {});
}

/** The names a generated test file declares or imports besides the SDK class. */
const TEST_LOCALS = new Set(["describe", "expect", "inject", "it", "errors", "drain", "clientOn", "RFCDate"]);

/**
 * `tests: true`: a vitest file per resource, a test per operation (its docs example against the
 * mock) and per declared error (the mock asked for that status must make the call throw the
 * error's class); the mock's inputs and the helper that starts it.
 */
function emitTests(e: Emission, docOf: OperationDocs): void {
  const { p } = e;
  e.emitted.files.push(mockInputsFile(p.tests!));
  const helpers = runtimeFiles("typescript", "tests", "testing");
  for (const f of helpers) (e.emitted.preformatted as Set<string>).add(f.path);
  e.emitted.files.push(...helpers);
  e.file("vitest.config.ts", "vitest.config.ts.hbs", {});
  // An SDK class named like one of the file's own names is imported under another.
  const sdkName = TEST_LOCALS.has(p.sdkClass) ? `${p.sdkClass}SDK` : p.sdkClass;
  for (const g of p.groups.filter((x) => x.operations.length > 0)) {
    const operations = g.operations.map((op) => ({
      name: op.ir.specOperationId,
      op: docOf(op),
      errors: errorCases(op.ir).flatMap((c) => {
        const cls = p.models.get(c.model)?.errorClass;
        return cls ? [{ name: `${op.ir.specOperationId}: ${c.status} throws ${cls}`, prefer: `code=${c.status}`, errorClass: cls }] : [];
      }),
    }));
    const file = g.file.replace(/^sdk\//, "tests/").replace(/\.ts$/, ".test.ts");
    // Each test as vitest reports it: the file, the describe block's title, the test's.
    for (const o of operations) for (const name of [o.name, ...o.errors.map((x) => x.name)]) (e.emitted.tests ??= []).push({ id: `${file} > ${g.title} > ${name}`, operation: o.name });
    e.file(file, "tests/group.test.ts.hbs", {
      title: g.title,
      group: g.access,
      sdkImport: sdkName === p.sdkClass ? p.sdkClass : `${p.sdkClass} as ${sdkName}`,
      sdkName,
      rfcDate: operations.some((o) => o.op.rfcDate),
      hasErrors: operations.some((o) => o.errors.length > 0),
      clientOptions: e.clientOptions,
      operations,
    });
  }
}

/** Each operation's docs view, built when first asked for (a page, a snippet, the README, a test). */
type OperationDocs = (op: OperationPlan) => OperationDoc;

/** A page per resource (and the usage snippets of its operations), and the RetryConfig page. */
async function emitDocs(e: Emission): Promise<OperationDocs> {
  const { p } = e;
  const common = { sdkClass: p.sdkClass, packageName: p.packageName, clientVar: p.clientVar, authOptions: e.authOptions, clientOptions: e.clientOptions };
  const groupOf = new Map(p.groups.flatMap((g) => g.operations.map((op) => [op, g] as const)));
  const opDocs = new Map<OperationPlan, OperationDoc & { anchor: string }>();
  const docOf = (op: OperationPlan) => {
    const known = opDocs.get(op);
    if (known) return known;
    const d = { ...operationDoc(p, groupOf.get(op)!, op, e.examples), anchor: op.method.toLowerCase() };
    opDocs.set(op, d);
    return d;
  };
  // (A group that only holds others, such as `beta` of `beta.conversations`, has no page.)
  for (const g of p.groups.filter((x) => x.operations.length > 0)) {
    await e.breathe();
    for (const op of g.operations) {
      const source = deriveText(e.memo, e.keys?.operation(op), `${SAMPLE}${op.ir.specOperationId}`, () =>
        trimNewlines(e.engine.render("docs/snippet.hbs", { ...common, op: docOf(op), group: g.access })),
      );
      e.emitted.samples.push({ operationId: op.ir.specOperationId, pointer: op.ir.source, lang: "typescript", label: "TypeScript", source });
      e.tick();
    }
    e.derivedDoc(e.keys?.group(g), g.doc, "docs/group.md.hbs", () => ({
      ...common,
      title: g.title,
      group: g.access,
      description: g.description,
      operations: g.operations.map(docOf),
      coreClass: p.coreClass,
    }));
  }
  e.doc("lib/utils/retryconfig.md", "docs/retryconfig.md.hbs", retryDocs());
  return docOf;
}

/** Where the render memo keeps each operation's usage snippet (not a file: no path of the output starts so). */
const SAMPLE = "#sample/";

function emitReadme(e: Emission, docOf: OperationDocs): void {
  const { p } = e;
  const api = p.api;
  const servers = defaultServerUrls(api);
  const firstGroup = p.groups.find((g) => g.operations.length > 0);
  const firstOp = firstGroup?.operations[0];
  const enumModel = p.modelList.find((m) => m.ir.kind === "enum");
  const errorClasses = p.modelList
    .filter((m) => m.errorClass)
    .map((m) => ({
      name: m.errorClass!,
      doc: `docs/${m.doc}`,
      statuses: [...new Set(p.operations.flatMap((o) => o.ir.errors.filter((x) => x.model === m.ir.name).flatMap((x) => x.statuses)))].join(", "),
    }));
  // The first operation of each kind the README shows: paginated, streaming events, downloading bytes.
  const ops = p.groups.flatMap((g) => g.operations.map((op) => ({ op, group: g.access })));
  const pick = (test: (ir: OperationPlan["ir"]) => boolean) => {
    const hit = ops.find((x) => test(x.op.ir));
    return hit ? { op: docOf(hit.op), group: hit.group, ir: hit.op.ir } : null;
  };
  e.file(
    "README.md",
    "README.md.hbs",
    {
      paged: pick((ir) => ir.pagination !== undefined),
      events: pick((ir) => streamsOnly(ir.success)),
      download: pick((ir) => ir.success.some((r) => r.encoding === "binary")),
      packageName: p.packageName,
      title: api.info.title,
      docVersion: api.info.version,
      summary: api.info.description ?? "",
      sdkClass: p.sdkClass,
      coreClass: p.coreClass,
      clientVar: p.clientVar,
      authOptions: e.authOptions,
      clientOptions: e.clientOptions,
      clientRFCDate: mentions(
        e.clientOptions.map((o) => o.placeholder),
        "RFCDate",
      ),
      firstOp: firstOp ? docOf(firstOp) : null,
      firstGroup: firstGroup?.access ?? "",
      securityTable: {
        headers: ["Name", "Type", "Scheme"],
        rows: api.securitySchemes.map((s) => [mdCell(mdCode(s.option)), CREDENTIAL_TYPES[s.kind], s.kind === "apiKey" ? `API key (${s.in} ${mdCell(mdCode(s.param))})` : SCHEME_KINDS[s.kind].scheme]),
      },
      securityPlural: api.securitySchemes.length > 1,
      groups: p.groups
        .filter((g) => g.operations.length > 0)
        .map((g) => ({
          name: g.access,
          doc: `docs/${g.doc}`,
          operations: g.operations.map((op) => ({ method: op.method, func: op.func, summary: op.ir.summary ?? op.method, anchor: op.method.toLowerCase() })),
        })),
      retry: backoffPolicy(api),
      retryCodesText: (api.retries?.statusCodes ?? []).join(", "),
      errorClasses,
      errorProps: ERROR_PROPS,
      defaultServer: servers[0],
      otherServers: servers.slice(1),
      idempotencyHeader: p.idempotencyHeader,
      enumExample: enumModel ? `${enumModel.name}.${(enumModel.ir as { members: { name: string }[] }).members[0].name}` : "Status.Active",
    },
    true,
  );
}

const ERROR_PROPS = {
  headers: ["Property", "Type", "Description"],
  rows: [
    ["`message`", "`string`", "Error message"],
    ["`statusCode`", "`number`", "HTTP response status code, e.g. `404`"],
    ["`headers`", "`Headers`", "HTTP response headers"],
    ["`body`", "`string`", "HTTP body, as text"],
    ["`rawResponse`", "`Response`", "Raw HTTP response"],
    ["`data$`", "`object`", "The decoded payload (on the API's declared errors)"],
  ],
};

function retryDocs() {
  return {
    retryFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: [
        ["`strategy`", '`"backoff" \\| "none"`', "The retry strategy to use.", '`"backoff"`'],
        ["`backoff`", "[BackoffStrategy](#backoffstrategy)", 'When strategy is "backoff", this configurates for the backoff parameters.', ""],
        ["`retryConnectionErrors`", "`*boolean*`", 'When strategy is "backoff", this determines whether or not to retry on connection errors.', "`true`"],
      ],
    },
    backoffFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: BACKOFF_FIELDS.map((f) => ["`" + f.name + "`", "`*number*`", f.description, "`" + f.example + "`"]),
    },
  };
}
