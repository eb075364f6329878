/** The Python side of a paginated operation: the PageSpec its method passes to the runtime (utils/pagination.py). */
import type { Operation, PagePath, Pagination } from "../../ir/types.js";
import { followWirePath } from "../../ir/walk.js";
import { pyString } from "../../render/escape.js";
import { wellFormed } from "./literals.js";
import type { PyModelPlan } from "./plan.js";

/** `_PageSpec("cursor", [_PageInput("cursor", "query", "cursor")], next_cursor=["next"], items=[...])`. */
export function pageSpecCode(models: ReadonlyMap<string, PyModelPlan>, op: Operation, pagination: Pagination): string {
  const inputs = pagination.inputs.map((x) => {
    const param = x.in === "param" ? op.params.find((p) => p.wireName === x.wire) : undefined;
    const location = x.in === "body" ? "body" : param?.in === "header" ? "header" : "query";
    const args = [pyString(x.role), pyString(location), pyString(wellFormed(x.wire)), ...(x.default !== undefined ? [String(x.default)] : [])];
    return `_PageInput(${args.join(", ")})`;
  });
  const ok = op.success.find((r) => r.encoding === "json");
  // Where the items are in the validated result: the same path, fields by their attribute names.
  const items = pagination.results
    ? followWirePath(
        (name) => models.get(name)?.ir,
        ok?.type,
        pagination.results,
        (f, m) => models.get(m.name)!.fieldNames.get(f)!,
      )?.path
    : undefined;
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
