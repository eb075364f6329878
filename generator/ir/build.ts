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
import { NameBook, type NameRecord } from "./names.js";
import { buildGlobals } from "./globals.js";
import type { ComponentsMemo } from "./components-memo.js";

export { encodingOf, isJSON } from "./content.js";

const count = (o: unknown) => (isObj(o) ? Object.keys(o).length : 0);

/**
 * `tally`: told how far the build is, in the document's component schemas and paths. `held`: the
 * names the last generation gave (its lock's), kept where they still fit (NameScope). A held name
 * that made a new one take a number, and that nothing got back, is let go: the build runs again
 * without it, so a schema that is gone leaves no number behind. `memo` (--watch): the component
 * schemas' models, kept from the last save's first build (components-memo.ts).
 */
export function buildApi(resolver: Resolver, version: "3.0" | "3.1", tally?: (done: number, total: number) => void, held?: NameRecord, memo?: ComponentsMemo): Api {
  let book = new NameBook(held);
  let api = buildOnce(resolver, version, book, tally, memo && { memo, held });
  // Twice at most: the second build claims from the same places, so it lets go of nothing more.
  for (let again = 0, kept = book.withoutStale(); again < 2 && kept; again++, kept = book.withoutStale()) {
    book = new NameBook(kept);
    api = buildOnce(resolver, version, book);
  }
  if (held && Object.keys(held).length > 0) api.held = held;
  return api;
}

function buildOnce(resolver: Resolver, version: "3.0" | "3.1", book: NameBook, tally?: (done: number, total: number) => void, kept?: { memo: ComponentsMemo; held: NameRecord | undefined }): Api {
  const doc = resolver.root.data as Obj;
  const schemas = new SchemaConverter(resolver, book);
  const componentSchemas = count(isObj(doc.components) ? doc.components.schemas : undefined);
  const total = componentSchemas + count(doc.paths);
  let done = 0;
  const tick = tally && (() => tally(++done, total));
  const known = kept?.memo.recall(doc.components, kept.held);
  if (known) {
    schemas.restoreComponents(known);
    for (let i = 0; i < componentSchemas; i++) tick?.();
  } else {
    const build = () => {
      schemas.reserveComponents();
      schemas.buildComponents(tick);
    };
    if (kept) kept.memo.build(doc.components, kept.held, resolver, schemas, build);
    else build();
  }
  const ctx: BuildContext = { resolver, doc, schemas, book, warnings: [], globals: [] };

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
    names: book.record(),
  };
  rewriteLinks(api, vendorOrigin(doc));
  return api;
}
