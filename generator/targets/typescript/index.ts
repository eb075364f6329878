/** The TypeScript target: IR → SDK sources, package files and docs. */
import { BACKOFF_FIELDS, CREDENTIAL_PLACEHOLDERS } from "../shared/docs.js";
import { defaultServerUrls, serverTemplates, serverVariableDefaults } from "../shared/servers.js";
import { Examples } from "../../ir/examples.js";
import { camelCase } from "../../ir/names.js";
import type { Api, SecurityScheme } from "../../ir/types.js";
import { VERSION } from "../../paths.js";
import { engineFor } from "../../render/engine.js";
import { mdCell, mdCode, tsString } from "../../render/escape.js";
import { trimNewlines } from "../../render/markdown.js";
import { modelDoc, operationDoc, type OperationDoc } from "./docs.js";
import { runtimeFiles } from "../shared/runtime-files.js";
import { formatLongLines } from "./format.js";
import { typescriptHelpers } from "./helpers.js";
import { funcView, resourceView, type FuncView } from "./funcs.js";
import { docLines, modelView } from "./models.js";
import { Imports, TypeWriter, plan, propKey, type OperationPlan } from "./plan.js";
import type { OutputFile } from "../../write/write.js";
import type { CodeSample } from "../../docs/code-samples.js";

export interface TypeScriptOptions {
  packageName: string;
  sdkClass: string;
  version: string;
  idempotencyHeader?: string;
}

/** `samples`, when given, receives each operation's usage snippet (for the code-samples overlay). */
export async function generateTypeScript(api: Api, opts: TypeScriptOptions, samples?: CodeSample[]): Promise<OutputFile[]> {
  const engine = await engineFor("typescript", typescriptHelpers);
  const p = plan(api, opts);
  const types = new TypeWriter(p);
  const examples = new Examples(api);
  const out: OutputFile[] = [];
  const src = (path: string, template: string, view: unknown) => out.push({ path: `src/${path}`, content: engine.render(template, view) });
  const doc = (path: string, template: string, view: unknown) => out.push({ path: `docs/${path}`, content: trimNewlines(engine.render(template, view)) });

  // Models, and one index per namespace.
  const byPlace = new Map<string, string[]>([
    ["components", []],
    ["errors", ["./apierror.js", "./httpclienterrors.js", "./sdkerror.js"]],
    ["operations", []],
  ]);
  for (const mp of p.modelList) {
    src(mp.file, "src/model.ts.hbs", modelView(p, mp, types));
    byPlace.get(mp.ir.place)!.push("./" + mp.file.split("/").pop()!.replace(/\.ts$/, ".js"));
    doc(mp.doc, "docs/model.md.hbs", modelDoc(p, mp, examples));
  }
  for (const [place, exports] of byPlace) {
    if (place === "operations" && exports.length === 0) continue;
    src(`models/${place}/index.ts`, "src/models-index.ts.hbs", { exports: [...exports].sort() });
  }

  // Operations: standalone functions, resource classes, the SDK class.
  const funcs = new Map<OperationPlan, FuncView>();
  for (const op of p.operations) {
    const view = funcView(p, op, types);
    funcs.set(op, view);
    src(op.file, "src/func.ts.hbs", view);
  }
  for (const g of p.groups) src(g.file, "src/resource.ts.hbs", resourceView(p, g, funcs, types));
  const sdkImports = new Imports("sdk/sdk.ts");
  sdkImports.add("core.ts", p.coreClass, false);
  for (const g of p.groups) sdkImports.add(g.file, g.className, false);
  const firstGroup = p.groups[0];
  src("sdk/sdk.ts", "src/sdk.ts.hbs", {
    imports: sdkImports.render(),
    title: api.info.title,
    sdkClass: p.sdkClass,
    coreClass: p.coreClass,
    exampleAccess: firstGroup ? `${camelCase(p.sdkClass)}.${firstGroup.name}.${firstGroup.operations[0]?.method ?? ""}()` : "",
    groups: p.groups.map((g) => ({ name: g.name, className: g.className, docLines: docLines(g.description ?? undefined) })),
  });
  src("core.ts", "src/core.ts.hbs", { coreClass: p.coreClass, packageName: p.packageName });
  src("index.ts", "src/index.ts.hbs", { sdkClass: p.sdkClass, coreClass: p.coreClass, hasOperations: byPlace.get("operations")!.length > 0 });

  // Docs show each server with its variables' defaults; the SDK keeps the templates (serverVariables fill them).
  const servers = defaultServerUrls(api);
  const templates = serverTemplates(api);
  const variableNames = [...new Set(api.servers.flatMap((s) => s.variables.map((v) => v.name)))].sort();
  src("lib/config.ts", "src/config.ts.hbs", {
    servers: templates,
    serversInline: `export const ServerList = [${templates.map(tsString).join(", ")}] as const;`.length <= 80,
    serverDefaults: serverVariableDefaults(api).map((vs) => vs.map((v) => ({ key: propKey(v.name), value: v.value }))),
    variables: variableNames.map((name) => {
      const all = api.servers.flatMap((s) => s.variables.filter((v) => v.name === name));
      const enums = all.every((v) => v.enum && v.enum.length) ? [...new Set(all.flatMap((v) => v.enum!))] : null;
      return { key: propKey(name), typeExpr: enums ? enums.map(tsString).join(" | ") : "string", docLines: docLines(all.find((v) => v.description)?.description) };
    }),
    defaultServerText: servers[0],
    credentialImports: [...new Set(api.securitySchemes.map((s) => CREDENTIALS[s.kind].type))]
      .sort()
      .map((t) => `${t}, `)
      .join(""),
    securityOptions: api.securitySchemes.map((s) => ({
      prop: propKey(s.option),
      typeExpr: CREDENTIALS[s.kind].type,
      docLines: docLines(s.description ?? CREDENTIALS[s.kind].doc),
    })),
    security: api.securitySchemes.map((s) => ({
      key: propKey(s.option),
      kind: s.kind,
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
    retry: api.retries && api.retries.strategy === "backoff" ? { ...api.retries.backoff, retryConnectionErrors: api.retries.retryConnectionErrors } : null,
    retryCodes: api.retries?.statusCodes ?? ["5XX"],
    idempotencyHeader: opts.idempotencyHeader ?? null,
  });

  // Package files.
  out.push({ path: "package.json", content: engine.render("package.json.hbs", { packageName: p.packageName, version: p.version, description: `TypeScript SDK for the ${api.info.title}` }) });
  out.push({ path: "tsconfig.json", content: engine.render("tsconfig.json.hbs", {}) });

  // Docs.
  const clientVar = camelCase(p.sdkClass) || "sdk";
  const authOptions = api.securitySchemes
    .filter((s) => api.security.some((alt) => alt.includes(s.name)))
    .slice(0, 1)
    .map((s) => ({ prop: propKey(s.option), placeholder: CREDENTIALS[s.kind].placeholder }));
  const opDocs = new Map<OperationPlan, OperationDoc>();
  for (const g of p.groups) {
    const ops = g.operations.map((op) => {
      const d = operationDoc(p, g, op, examples);
      opDocs.set(op, d);
      const snippet = { op: { ...d, anchor: op.method.toLowerCase() }, sdkClass: p.sdkClass, packageName: p.packageName, clientVar, authOptions, group: g.name };
      samples?.push({ operationId: op.ir.operationId, pointer: op.ir.source, lang: "typescript", label: "TypeScript", source: trimNewlines(engine.render("docs/snippet.hbs", snippet)) });
      return { ...d, anchor: op.method.toLowerCase() };
    });
    doc(g.doc, "docs/group.md.hbs", {
      title: g.title,
      group: g.name,
      description: g.description,
      operations: ops,
      sdkClass: p.sdkClass,
      coreClass: p.coreClass,
      packageName: p.packageName,
      clientVar,
      authOptions,
    });
  }
  doc("lib/utils/retryconfig.md", "docs/retryconfig.md.hbs", retryDocs());

  const errorClasses = p.modelList
    .filter((m) => m.errorClass)
    .map((m) => ({
      name: m.errorClass!,
      doc: `docs/${m.doc}`,
      statuses: [...new Set(p.operations.flatMap((o) => o.ir.errors.filter((e) => e.model === m.ir.name).flatMap((e) => e.statuses)))].join(", "),
    }));
  const firstOp = firstGroup?.operations[0];
  const enumModel = p.modelList.find((m) => m.ir.kind === "enum");
  out.push({
    path: "README.md",
    content: trimNewlines(
      engine.render("README.md.hbs", {
        packageName: p.packageName,
        title: api.info.title,
        docVersion: api.info.version,
        summary: api.info.description ?? "",
        sdkClass: p.sdkClass,
        coreClass: p.coreClass,
        clientVar,
        authOptions,
        firstOp: firstOp ? opDocs.get(firstOp)! : null,
        firstGroup: firstGroup?.name ?? "",
        securityTable: {
          headers: ["Name", "Type", "Scheme"],
          rows: api.securitySchemes.map((s) => [mdCell(mdCode(s.option)), CREDENTIALS[s.kind].type, s.kind === "apiKey" ? `API key (${s.in} ${mdCell(mdCode(s.param))})` : CREDENTIALS[s.kind].scheme]),
        },
        securityPlural: api.securitySchemes.length > 1,
        groups: p.groups.map((g) => ({
          name: g.name,
          doc: `docs/${g.doc}`,
          operations: g.operations.map((op) => ({ method: op.method, func: op.func, summary: op.ir.summary ?? op.method, anchor: op.method.toLowerCase() })),
        })),
        retry: api.retries && api.retries.strategy === "backoff" ? { ...api.retries.backoff, retryConnectionErrors: api.retries.retryConnectionErrors } : null,
        retryCodesText: (api.retries?.statusCodes ?? []).join(", "),
        errorClasses,
        errorProps: {
          headers: ["Property", "Type", "Description"],
          rows: [
            ["`message`", "`string`", "Error message"],
            ["`statusCode`", "`number`", "HTTP response status code, e.g. `404`"],
            ["`headers`", "`Headers`", "HTTP response headers"],
            ["`body`", "`string`", "HTTP body, as text"],
            ["`rawResponse`", "`Response`", "Raw HTTP response"],
            ["`data$`", "`object`", "The decoded payload (on the API's declared errors)"],
          ],
        },
        defaultServer: servers[0],
        otherServers: servers.slice(1),
        idempotencyHeader: opts.idempotencyHeader ?? null,
        enumExample: enumModel ? `${enumModel.name}.${(enumModel.ir as { members: { name: string }[] }).members[0].name}` : "Status.Active",
      }),
    ),
  });

  await formatLongLines(out);
  // Runtime: real, tested (and prettier-formatted) TypeScript, copied as it is.
  out.push(...runtimeFiles("typescript", "src"));
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What each kind of security scheme takes as an SDK option, and how the docs show it. */
const CREDENTIALS: Record<SecurityScheme["kind"], { type: string; placeholder: unknown; doc: string; scheme: string }> = {
  bearer: { type: "Credential", placeholder: CREDENTIAL_PLACEHOLDERS.bearer, doc: "Bearer token.", scheme: "HTTP Bearer" },
  basic: { type: "BasicCredential", placeholder: { username: CREDENTIAL_PLACEHOLDERS.username, password: CREDENTIAL_PLACEHOLDERS.password }, doc: "Username and password.", scheme: "HTTP Basic" },
  apiKey: { type: "Credential", placeholder: CREDENTIAL_PLACEHOLDERS.apiKey, doc: "API key.", scheme: "API key" },
  clientCredentials: {
    type: "ClientCredentials",
    placeholder: { clientID: CREDENTIAL_PLACEHOLDERS.clientId, clientSecret: CREDENTIAL_PLACEHOLDERS.clientSecret },
    doc: "OAuth2 client ID and secret; the SDK fetches and caches access tokens.",
    scheme: "OAuth2 client credentials",
  },
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
