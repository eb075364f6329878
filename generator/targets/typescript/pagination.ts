/** The TypeScript side of a paginated operation: its page spec (lib/pagination.ts) and its item type. */
import type { Model, Operation, Pagination, TypeRef } from "../../ir/types.js";
import { followWirePath } from "../../ir/walk.js";
import { tsInlineLiteral } from "./literals.js";

type Models = ReadonlyMap<string, { ir: Model }>;

/** The PageSpec literal a paginated function passes to decodePage; input paths name TypeScript properties. */
export function pageSpecLiteral(models: Models, op: Operation, pagination: Pagination): string {
  const req = op.request;
  const bodyField = req && !req.wrapsBody ? requestBodyField(models, req.type) : undefined;
  const inputs = pagination.inputs.map((x) => ({
    role: x.role,
    path: x.in === "param" ? [x.name] : req?.wrapsBody ? [x.name] : [bodyField ?? "requestBody", x.name],
    default: x.default,
  }));
  const ok = op.success.find((r) => r.encoding === "json");
  // Where the items are in the decoded value: the same path, fields by their TypeScript names.
  const items = pagination.results
    ? followWirePath(
        (name) => models.get(name)?.ir,
        ok?.type,
        pagination.results,
        (f) => f.name,
      )?.path
    : undefined;
  return tsInlineLiteral({
    kind: pagination.kind,
    inputs,
    results: pagination.results,
    numPages: pagination.numPages,
    nextCursor: pagination.nextCursor,
    nextUrl: pagination.nextUrl,
    hasMore: pagination.hasMore,
    items,
  });
}

function requestBodyField(models: Models, t: TypeRef): string | undefined {
  const m = t.kind === "ref" ? models.get(t.model)?.ir : undefined;
  return m?.kind === "object" ? m.fields.find((f) => f.wireName === "")?.name : undefined;
}
