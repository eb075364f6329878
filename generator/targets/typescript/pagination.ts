/** The TypeScript side of a paginated operation: its page spec (lib/pagination.ts) and its item type. */
import type { Model, Operation, PagePath, Pagination, TypeRef } from "../../ir/types.js";

type Models = ReadonlyMap<string, { ir: Model }>;
import { tsInlineLiteral } from "./literals.js";

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
  const items = pagination.results ? propertyPath(models, ok?.type, pagination.results) : undefined;
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

/** A wire path as the decoded value's property path (fields renamed to camelCase), if every step is a known field. */
function propertyPath(models: Models, t: TypeRef | undefined, path: PagePath): PagePath | undefined {
  const out: (string | number)[] = [];
  let cur = t;
  for (const seg of path) {
    cur = unalias(models, cur);
    if (typeof seg === "number") {
      if (cur?.kind !== "array") return undefined;
      out.push(seg);
      cur = cur.items;
      continue;
    }
    const m = cur?.kind === "ref" ? models.get(cur.model)?.ir : undefined;
    const f = m?.kind === "object" ? m.fields.find((x) => x.wireName === seg) : undefined;
    if (!f) return undefined;
    out.push(f.name);
    cur = f.type;
  }
  return out;
}

function unalias(models: Models, t: TypeRef | undefined): TypeRef | undefined {
  for (let i = 0; i < 20 && t?.kind === "ref"; i++) {
    const m: Model | undefined = models.get(t.model)?.ir;
    if (m?.kind !== "alias") return t;
    t = m.type;
  }
  return t;
}
