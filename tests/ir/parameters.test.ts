// Parameter Objects → the IR's parameters (generator/ir/parameters.ts).
import { describe, expect, it } from "vitest";
import { operationApi, show } from "../helpers/doc.js";

type P = Record<string, unknown>;
const param = (p: P) => ({ schema: { type: "string" }, ...p });

describe("parameters", () => {
  it.each([
    ["a path parameter: simple style, required", param({ name: "pet_id", in: "path", required: true }), "petId(pet_id) path required string simple explode=false"],
    ["a query parameter: form style, exploded", param({ name: "limit", in: "query", schema: { type: "integer" } }), "limit(limit) query optional integer form explode=true"],
    ["a header parameter", param({ name: "X-Request-Id", in: "header" }), "xRequestId(X-Request-Id) header optional string simple explode=false"],
    ["a cookie parameter", param({ name: "session", in: "cookie" }), "session(session) cookie optional string form explode=true"],
    [
      "explode and style as declared",
      param({ name: "ids", in: "query", style: "pipeDelimited", explode: false, schema: { type: "array", items: { type: "string" } } }),
      "ids(ids) query optional string[] pipeDelimited explode=false",
    ],
    [
      "a parameter by `content` takes its media type's schema",
      { name: "filter", in: "query", content: { "application/json": { schema: { type: "integer" } } } },
      "filter(filter) query optional integer form explode=true",
    ],
  ] as const)("%s", (_name, p, want) => {
    const [x] = operationApi({ parameters: [p] }, { path: (p as { in?: string }).in === "path" ? "/pets/{pet_id}" : "/pets" }).operations[0].params;
    expect(`${x.name}(${x.wireName}) ${x.in} ${x.required ? "required" : "optional"} ${show(x.type)} ${x.style} explode=${x.explode}`).toBe(want);
  });

  it("names that collide once cased are Speakeasy's: the location, then a number from the second on", () => {
    const api = operationApi({ parameters: [param({ name: "frontendApi", in: "query" }), param({ name: "frontend_api", in: "query" }), param({ name: "domain", in: "query" })] });
    expect(api.operations[0].params.map((p) => p.name)).toEqual(["frontendApiQueryParameter", "frontendApiQueryParameter1", "domain"]);
  });

  it("operation-level parameters override path-item ones of the same name and location", () => {
    const api = operationApi(
      { parameters: [param({ name: "q", in: "query", description: "op" })] },
      { item: { parameters: [param({ name: "q", in: "query", description: "item" }), param({ name: "q", in: "header" })] } },
    );
    expect(api.operations[0].params.map((p) => `${p.in}:${p.wireName}:${p.description ?? ""}`)).toEqual(["query:q:op", "header:q:"]);
  });

  it("examples: the parameter's, its schema's, else the first of `examples`", () => {
    const api = operationApi({
      parameters: [
        param({ name: "a", in: "query", example: "x" }),
        param({ name: "b", in: "query", schema: { type: "string", example: "y" } }),
        param({ name: "c", in: "query", examples: { first: { value: "z" }, second: { value: "w" } } }),
      ],
    });
    expect(api.operations[0].params.map((p) => p.example)).toEqual(["x", "y", "z"]);
  });

  it("names that clash after camelCase are kept apart by their locations", () => {
    const api = operationApi({ parameters: [param({ name: "page_size", in: "query" }), param({ name: "pageSize", in: "header" })] });
    expect(api.operations[0].params.map((p) => p.name)).toEqual(["pageSizeQueryParameter", "pageSizeHeaderParameter"]);
  });
});
