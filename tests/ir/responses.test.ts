// Response Objects → success responses and error uses (generator/ir/responses.ts).
import { describe, expect, it } from "vitest";
import { apiOf, model, operationApi, show, showModel } from "../helpers/doc.js";

const json = (schema: unknown, description = "d") => ({ description, content: { "application/json": { schema } } });
const err = { $ref: "#/components/schemas/Error" };
const components = { schemas: { Error: { type: "object", properties: { message: { type: "string" } } } } };

describe("responses", () => {
  it("success responses, sorted by status, typed by their encoding", () => {
    const op = operationApi({
      responses: {
        "202": { description: "text", content: { "text/csv": { schema: { type: "string" } } } },
        "200": json({ type: "object", properties: { id: { type: "string" } } }),
        "201": { description: "file", content: { "application/pdf": {} } },
        "204": { description: "empty" },
      },
    }).operations[0];
    expect(op.success.map((r) => `${r.status} ${r.encoding ?? "none"} ${show(r.type)}`)).toEqual(["200 json DoThingResponse", "201 binary binary string", "202 text string", "204 none -"]);
  });

  it.each([
    ["302 with a Location (GitHub's downloads)", { "302": { description: "Response", headers: { Location: { schema: { type: "string" } } } }, "410": json(err) }, ["200 binary binary string"]],
    ["307", { "307": { description: "moved" } }, ["200 binary binary string"]],
    ["a redirect beside a 200 stays out", { "200": json({ type: "string" }), "302": { description: "moved" } }, ["200 json string"]],
    ["304 Not Modified is no redirect", { "304": { description: "same" } }, []],
  ])("an operation that only redirects answers with what the location serves, a download: %s", (_, responses, want) => {
    expect(operationApi({ responses }, { components }).operations[0].success.map((r) => `${r.status} ${r.encoding ?? "none"} ${show(r.type)}`)).toEqual(want);
  });

  it("a reference to a schema that allows null itself is nullable (GitHub's auto-merge)", () => {
    const api = operationApi(
      { responses: { "200": json({ $ref: "#/components/schemas/Pull" }) } },
      {
        components: {
          schemas: {
            Pull: { type: "object", required: ["auto_merge", "state"], properties: { auto_merge: { $ref: "#/components/schemas/AutoMerge" }, state: { $ref: "#/components/schemas/State" } } },
            AutoMerge: { type: "object", nullable: true, properties: { method: { type: "string" } } },
            State: { type: ["string", "null"], enum: ["open", "closed", null] },
          },
        },
      },
    );
    expect(showModel(model(api, "Pull"))).toBe("object { autoMerge(auto_merge): AutoMerge?; state: State? }");
  });

  it("error responses with a JSON model are error uses, one per model with its statuses", () => {
    const api = operationApi(
      { responses: { "200": json({ type: "string" }), "400": json(err), "422": json(err), "5XX": json(err), default: json({ type: "object", properties: { x: { type: "string" } } }) } },
      { components },
    );
    const op = api.operations[0];
    expect(op.errors.map((e) => `${e.model} ${e.statuses.join(",")}`)).toEqual(["Error 400,422,5XX", "DoThingDefaultError default"]);
    expect(api.models.find((m) => m.name === "Error")?.place).toBe("errors");
  });

  it("a model used as an error and as a payload gets an error twin", () => {
    const api = operationApi({ responses: { "200": json(err), "400": json(err) } }, { components });
    expect(api.operations[0].errors.map((e) => e.model)).toEqual(["ErrorError"]);
    expect(api.models.filter((m) => m.name.startsWith("Error")).map((m) => `${m.name}:${m.place}`)).toEqual(["Error:components", "ErrorError:errors"]);
  });

  it("a model's first response description is kept for its docs", () => {
    const api = operationApi({ responses: { "200": json({ $ref: "#/components/schemas/Error" }, "The thing") } }, { components });
    expect(api.models.find((m) => m.name === "Error")?.responseDescription).toBe("The thing");
  });

  it("a shared error response names its inline model, so every operation throws the one error (Speakeasy's naming)", () => {
    const BadRequest = { description: "bad", content: { "application/json": { schema: { type: "object", properties: { detail: { type: "string" } } } } } };
    const responses = { "204": { description: "ok" }, "400": { $ref: "#/components/responses/BadRequest" } };
    const api = apiOf({
      paths: { "/a": { get: { operationId: "getLinks", responses } }, "/b": { post: { operationId: "createLink", responses } } },
      components: { responses: { BadRequest } },
    });
    expect(api.operations.map((o) => o.errors.map((e) => e.model).join())).toEqual(["BadRequest", "BadRequest"]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "on the response",
      { description: "bad", "x-speakeasy-name-override": "invalid_input", content: { "application/json": { schema: { type: "object", properties: { a: { type: "string" } } } } } },
      "InvalidInput",
    ],
    ["on its schema", json({ type: "object", "x-speakeasy-name-override": "Problem", properties: { a: { type: "string" } } }), "Problem"],
  ])("x-speakeasy-name-override %s names the error model", (_where, response, want) => {
    expect(operationApi({ responses: { "204": { description: "ok" }, "400": response } }).operations[0].errors.map((e) => e.model)).toEqual([want]);
  });

  it("x-speakeasy-name-override on a component schema and on an inline one names their models", () => {
    const api = operationApi(
      { responses: { "200": json({ $ref: "#/components/schemas/link_v2" }) } },
      {
        components: {
          schemas: { link_v2: { type: "object", "x-speakeasy-name-override": "Link", properties: { color: { type: "string", enum: ["red", "blue"], "x-speakeasy-name-override": "Color" } } } },
        },
      },
    );
    expect(api.operations[0].success.map((r) => show(r.type))).toEqual(["Link"]);
    expect(showModel(model(api, "Link"))).toBe("object { color?: Color }");
    expect(model(api, "Color")?.kind).toBe("enum");
  });
});
