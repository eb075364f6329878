/**
 * OpenAPI document (already validated) → IR. One builder per OpenAPI object kind, each in its own file
 * (servers, security, paths and operations, parameters, request bodies, responses, schemas), sharing
 * one explicit BuildContext; then passes over the result (usage, error models, links).
 */
import type { Resolver } from "../load/document.js";
import { isObj, rootLoc, str, type BuildContext, type Obj } from "./context.js";
import { rewriteLinks, vendorOrigin } from "./links.js";
import { buildOperations } from "./operations.js";
import { retriesOf } from "./retries.js";
import { SchemaConverter } from "./schema.js";
import { buildSecuritySchemes, securityOf, sendable } from "./security.js";
import { droppedDefault, typedDefaults } from "./defaults.js";
import { buildServers } from "./servers.js";
import type { Api } from "./types.js";
import { markErrorModels, markUsage } from "./usage.js";
import { buildGlobals } from "./globals.js";

export { encodingOf, isJSON } from "./content.js";

/** `tally`: told how far the build is, in the document's component schemas and paths. */
export function buildApi(resolver: Resolver, version: "3.0" | "3.1", tally?: (done: number, total: number) => void): Api {
  const doc = resolver.root.data as Obj;
  const schemas = new SchemaConverter(resolver);
  schemas.reserveComponents();
  const count = (o: unknown) => (isObj(o) ? Object.keys(o).length : 0);
  const total = count(isObj(doc.components) ? doc.components.schemas : undefined) + count(doc.paths);
  let done = 0;
  const tick = tally && (() => tally(++done, total));
  schemas.buildComponents(tick);
  const ctx: BuildContext = { resolver, doc, schemas, warnings: [], globals: [] };

  const securitySchemes = buildSecuritySchemes(ctx);
  ctx.globals = buildGlobals(ctx, securitySchemes);
  const security = sendable(securityOf(doc.security) ?? [], securitySchemes);
  const { operations, groups } = buildOperations(ctx, security, tick);
  for (const op of operations) op.security = sendable(op.security, securitySchemes);
  // Once per place: a shared parameter's default is every operation's.
  const warned = new Set<string>();
  typedDefaults({ models: [...schemas.models.values()], operations }, (holder, value, wanted) => {
    const loc = schemas.defaultsAt.get(holder);
    const key = loc && `${loc.file.path}#${loc.path.join("/")}`;
    if (loc && !warned.has(key!)) (warned.add(key!), ctx.warnings.push(droppedDefault(resolver, loc, value, wanted)));
  });
  markUsage(schemas, operations);
  markErrorModels(schemas, operations);

  const info = doc.info as Obj;
  const api: Api = {
    openapi: version,
    info: { title: String(info.title), version: String(info.version), description: str(info.description) },
    servers: buildServers(doc),
    security,
    securitySchemes,
    globals: ctx.globals,
    retries: retriesOf(resolver, doc["x-speakeasy-retries"], rootLoc(ctx, "x-speakeasy-retries")),
    groups,
    operations,
    models: [...schemas.models.values()],
    warnings: [...schemas.warnings, ...ctx.warnings],
  };
  rewriteLinks(api, vendorOrigin(doc));
  return api;
}
