/** The Python side of a paginated operation: the PageSpec its method passes to the runtime (utils/pagination.py). */
import type { Operation, PagePath, Pagination, TypeRef } from "../../ir/types.js";
import { pyString } from "../../render/escape.js";
import { wellFormed } from "./literals.js";
import type { PyModelPlan } from "./plan.js";

/** The operation's pagination, when its one success response is the JSON page the runtime reads. */
export function pageable(op: Operation): Pagination | undefined {
  return op.pagination && op.success.length === 1 && op.success[0].encoding === "json" && op.success[0].type ? op.pagination : undefined;
}

/** `_PageSpec("cursor", [_PageInput("cursor", "query", "cursor")], next_cursor=["next"], items=[...])`. */
export function pageSpecCode(models: ReadonlyMap<string, PyModelPlan>, op: Operation, pagination: Pagination): string {
  const inputs = pagination.inputs.map((x) => {
    const param = x.in === "param" ? op.params.find((p) => p.wireName === x.wire) : undefined;
    const location = x.in === "body" ? "body" : param?.in === "header" ? "header" : "query";
    const args = [pyString(x.role), pyString(location), pyString(wellFormed(x.wire)), ...(x.default !== undefined ? [String(x.default)] : [])];
    return `_PageInput(${args.join(", ")})`;
  });
  const ok = op.success.find((r) => r.encoding === "json");
  const items = pagination.results ? attributePath(models, ok?.type, pagination.results) : undefined;
  const named: [string, PagePath | undefined][] = [
    ["results", pagination.results],
    ["num_pages", pagination.numPages],
    ["next_cursor", pagination.nextCursor],
    ["next_url", pagination.nextUrl],
    ["has_more", pagination.hasMore],
    ["items", items],
  ];
  const rest = named.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${pathCode(v!)}`);
  return `_PageSpec(${[pyString(pagination.kind), `[${inputs.join(", ")}]`, ...rest].join(", ")})`;
}

function pathCode(path: PagePath): string {
  return `[${path.map((s) => (typeof s === "number" ? String(s) : pyString(wellFormed(s)))).join(", ")}]`;
}

/** A wire path as the validated result's attribute path, if every step is a known field. */
function attributePath(models: ReadonlyMap<string, PyModelPlan>, t: TypeRef | undefined, path: PagePath): PagePath | undefined {
  const out: (string | number)[] = [];
  let cur = t;
  for (const seg of path) {
    for (let i = 0; i < 20 && cur?.kind === "ref"; i++) {
      const alias = models.get(cur.model)?.ir;
      if (alias?.kind !== "alias") break;
      cur = alias.type;
    }
    if (typeof seg === "number") {
      if (cur?.kind !== "array") return undefined;
      out.push(seg);
      cur = cur.items;
      continue;
    }
    const m = cur?.kind === "ref" ? models.get(cur.model) : undefined;
    const f = m?.ir.kind === "object" ? m.ir.fields.find((x) => x.wireName === seg) : undefined;
    if (!m || !f) return undefined;
    out.push(m.fieldNames.get(f)!);
    cur = f.type;
  }
  return out;
}
