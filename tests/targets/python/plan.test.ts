// Given/want tables for the Python planner: method arguments as Speakeasy's SDKs take them
// (flattenRequests, maxMethodParams 20), names clear of keywords, builtins and each other, resource
// classes clear of models, Speakeasy's short names for inline enums; and the shared Accept header.
import { describe, expect, it } from "vitest";
import type { Api } from "../../../generator/ir/types.js";
import { loadApi } from "../../../generator/api.js";
import { docType } from "../../../generator/targets/python/docs.js";
import { planPython } from "../../../generator/targets/python/plan.js";
import { pyAnnotation } from "../../../generator/targets/python/types.js";
import { acceptHeader } from "../../../generator/targets/shared/http.js";
/** An API from paths (and component schemas), through the real loader, in memory. */
function api(name: string, paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): Api {
  return loadApi({ path: `memory/${name}.json`, document: { openapi: "3.0.3", info: { title: "T", version: "1" }, paths, components: { schemas } } }).api;
}

const ok = { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } } };
const query = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: "query", schema: { type: "string" }, ...extra });
const path = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const json = (schema: unknown, required?: boolean) => ({ ...(required === undefined ? {} : { required }), content: { "application/json": { schema } } });
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, ...(required.length ? { required } : {}) });
const str = { type: "string" };

/** The first method of the first group: its name, argument names in order, and shape. */
function firstMethod(a: Api) {
  const m = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" }).groups[0].operations[0];
  return { name: m.method, args: m.args.map((x) => `${x.name}:${x.source}${x.required ? "!" : ""}`), shape: m.shape };
}

describe("python method arguments", () => {
  const many = Array.from({ length: 21 }, (_, i) => query(`f${i + 1}`));
  const cases: [string, Record<string, unknown>, ReturnType<typeof firstMethod>][] = [
    [
      "parameters, required ones first",
      { get: { operationId: "Get", parameters: [query("limit"), path("user_id")], responses: ok } },
      { name: "get", args: ["user_id:param!", "limit:param"], shape: "flat" },
    ],
    [
      "an optional body alone is `request`",
      { post: { operationId: "Create", requestBody: json(object({ a: str }, ["a"])), responses: ok } },
      { name: "create", args: ["request:body"], shape: "flat" },
    ],
    [
      "a required body's fields, required first",
      { post: { operationId: "Create", requestBody: json(object({ type: str, name: str, subject: str }, ["name", "subject"]), true), responses: ok } },
      { name: "create", args: ["name:field!", "subject:field!", "type_:field"], shape: "flat" },
    ],
    [
      "parameters, then an optional body's fields",
      { patch: { operationId: "Update", parameters: [path("id")], requestBody: json(object({ verified: { type: "boolean", nullable: true } })), responses: ok } },
      { name: "update", args: ["id:param!", "verified:field"], shape: "flat" },
    ],
    ["more than 20 parameters: one `request`", { get: { operationId: "List", parameters: many, responses: ok } }, { name: "list", args: ["request:request"], shape: "request" }],
    [
      "x-speakeasy-max-method-params: 1 with two parameters: one `request`",
      { get: { operationId: "Get", "x-speakeasy-max-method-params": 1, parameters: [query("limit"), path("user_id")], responses: ok } },
      { name: "get", args: ["request:request!"], shape: "request" },
    ],
    [
      "x-speakeasy-max-method-params: 2 with two parameters: still flat",
      { get: { operationId: "Get", "x-speakeasy-max-method-params": 2, parameters: [query("limit"), path("user_id")], responses: ok } },
      { name: "get", args: ["user_id:param!", "limit:param"], shape: "flat" },
    ],
    [
      "x-speakeasy-max-method-params that is not a whole number is ignored",
      { get: { operationId: "Get", "x-speakeasy-max-method-params": "1", parameters: [query("limit"), path("user_id")], responses: ok } },
      { name: "get", args: ["user_id:param!", "limit:param"], shape: "flat" },
    ],
    [
      "20 parameters and a body: still flat",
      { post: { operationId: "Send", parameters: many.slice(0, 19), requestBody: json(object({ x: str }), true), responses: ok } },
      { name: "send", args: [...many.slice(0, 19).map((p) => `${p.name}:param`), "x:field"], shape: "flat" },
    ],
    [
      "an array body with parameters is `request_body`",
      { post: { operationId: "Bulk", parameters: [path("id")], requestBody: json({ type: "array", items: str }, true), responses: ok } },
      { name: "bulk", args: ["id:param!", "request_body:body!"], shape: "flat" },
    ],
    [
      "an array body alone is `request`",
      { post: { operationId: "Bulk", requestBody: json({ type: "array", items: str }, true), responses: ok } },
      { name: "bulk", args: ["request:body!"], shape: "flat" },
    ],
    [
      "a body field named like a parameter",
      { post: { operationId: "Move", parameters: [path("user_id")], requestBody: json(object({ user_id: str }), true), responses: ok } },
      { name: "move", args: ["user_id:param!", "user_id2:field"], shape: "flat" },
    ],
    [
      "builtins and annotation names take `_`; id and object do not",
      { get: { operationId: "Find", parameters: [query("type"), query("format"), query("id"), query("object"), query("date")], responses: ok } },
      { name: "find", args: ["type_:param", "format_:param", "id:param", "object:param", "date_:param"], shape: "flat" },
    ],
    [
      "read-only fields are not arguments",
      { post: { operationId: "Make", requestBody: json(object({ id: { type: "string", readOnly: true }, name: str }), true), responses: ok } },
      { name: "make", args: ["name:field"], shape: "flat" },
    ],
  ];
  it.each(cases)("%s", (name, item, want) => {
    // The path holds exactly the operation's path parameters.
    const op = Object.values(item)[0] as { parameters?: { name: string; in: string }[] };
    const key =
      "/things" +
      (op.parameters ?? [])
        .filter((x) => x.in === "path")
        .map((x) => `/{${x.name}}`)
        .join("");
    expect(firstMethod(api(name.replace(/\W+/g, "-"), { [key]: item }))).toEqual(want);
  });
});

describe("python maxMethodParams (the target's option)", () => {
  it("sets where methods stop taking arguments; an operation's extension still wins", () => {
    const a = api("max-option", {
      "/things/{id}": { get: { operationId: "Get", parameters: [path("id"), query("q")], responses: ok } },
      "/other/{id}": { get: { operationId: "Other", "x-speakeasy-max-method-params": 5, parameters: [path("id"), query("q")], responses: ok } },
    });
    const shapes = (max: number) => planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1", maxMethodParams: max }).groups.flatMap((g) => g.operations.map((m) => m.shape));
    expect(shapes(1)).toEqual(["request", "flat"]);
    expect(shapes(2)).toEqual(["flat", "flat"]);
  });
});

describe("python names", () => {
  it("a method's _async twin never meets another operation's name", () => {
    const a = api("async-twins", { "/m": { post: { operationId: "merge", tags: ["pulls"], responses: ok } }, "/n": { post: { operationId: "merge_async", tags: ["pulls"], responses: ok } } });
    expect(planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" }).groups[0].operations.map((m) => m.method)).toEqual(["merge", "merge_async2"]);
  });

  it("a resource class that would clash with a model takes the SDK suffix, and so does its docs folder", () => {
    const a = api(
      "domains",
      {
        "/domains": {
          get: { operationId: "ListDomains", tags: ["Domains"], responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Domains" } } } } } },
        },
      },
      { Domains: object({ data: { type: "array", items: str } }) },
    );
    const g = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" }).groups[0];
    expect([g.className, g.doc]).toEqual(["DomainsSDK", "sdks/domainssdk/README.md"]);
  });

  it("inline enums and objects also get Speakeasy's shortest free name: components first, then operations in order", () => {
    const status = (values: string[]) => ({ name: "status", in: "query", schema: { type: "string", enum: values } });
    const a = api(
      "enum-aliases",
      {
        "/sessions": { get: { operationId: "GetSessionList", parameters: [status(["active"])], responses: ok } },
        "/invitations": {
          get: { operationId: "ListInvitations", parameters: [status(["pending"]), { name: "include_invalid", in: "query", schema: { type: "string", enum: ["true", "false"] } }], responses: ok },
        },
        "/tasks": { post: { operationId: "CreateAgentTask", requestBody: json(object({ on_behalf_of: object({ user_id: str }) }), true), responses: ok } },
      },
      { Token: object({ status: { type: "string", enum: ["pending", "revoked"] } }) },
    );
    const aliases = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" }).aliases.map((x) => `${x.name}=${x.attr}`);
    expect(aliases).toEqual([
      "Status=TokenStatus",
      "QueryParamStatus=GetSessionListStatus",
      "ListInvitationsQueryParamStatus=ListInvitationsStatus",
      "IncludeInvalid=ListInvitationsIncludeInvalid",
      "OnBehalfOf=CreateAgentTaskOnBehalfOf",
      "OnBehalfOfTypedDict=CreateAgentTaskOnBehalfOfTypedDict",
      // Inline bodies: `RequestBody` / `ResponseBody` for the first, then `<operationId>ResponseBody`.
      "ResponseBody=GetSessionListResponse",
      "ResponseBodyTypedDict=GetSessionListResponseTypedDict",
      "ListInvitationsResponseBody=ListInvitationsResponse",
      "ListInvitationsResponseBodyTypedDict=ListInvitationsResponseTypedDict",
      "RequestBody=CreateAgentTaskRequestBody",
      "RequestBodyTypedDict=CreateAgentTaskRequestBodyTypedDict",
      "CreateAgentTaskResponseBody=CreateAgentTaskResponse",
      "CreateAgentTaskResponseBodyTypedDict=CreateAgentTaskResponseTypedDict",
    ]);
  });

  it("an enum value of symbols alone is named by them, as Speakeasy does", () => {
    const a = api("symbols", { "/x": { get: { operationId: "X", parameters: [{ name: "permissions", in: "query", schema: { type: "string", enum: ["*", "read"] } }], responses: ok } } });
    const p = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" });
    const e = p.modelList.find((m) => m.ir.kind === "enum")!;
    expect(e.memberNames).toEqual(["WILDCARD_", "READ"]);
  });

  it("a member the spec names keeps that name, symbols or not (x-speakeasy-enums, x-enumNames)", () => {
    const param = (name: string, schema: object) => ({ name, in: "query", schema });
    const a = api("named-members", {
      "/x": {
        get: {
          operationId: "X",
          parameters: [
            param("scope", { type: "string", enum: ["*", "read"], "x-speakeasy-enums": ["all", "readOnly"] }),
            param("level", { type: "integer", enum: [0, 1], "x-enumNames": ["Low", "High"] }),
            param("colour", { type: "string", enum: ["красный", "日本", "+"] }),
            // A given name that makes no identifier leaves the member named by its value, symbols included.
            param("mode", { type: "string", enum: ["*", "x"], "x-speakeasy-enums": ["日本", "Ex"] }),
          ],
          responses: ok,
        },
      },
    });
    const p = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" });
    const members = (param: string) => p.modelList.find((m) => m.ir.kind === "enum" && m.name.toLowerCase().endsWith(param))!.memberNames;
    expect(members("scope")).toEqual(["ALL", "READ_ONLY"]);
    expect(members("level")).toEqual(["LOW", "HIGH"]);
    expect(members("colour")).toEqual(["KRASNYY", "U65E5_U672C", "PLUS_"]);
    expect(members("mode")).toEqual(["WILDCARD_", "EX"]);
  });
});

describe("the docs' Type column", () => {
  it("an alias that names itself (a JSON value's union of its own lists and maps) is shown by its name where it recurs", () => {
    const json = {
      anyOf: [{ type: "string" }, { type: "array", items: { $ref: "#/components/schemas/JsonValue" } }, { type: "object", additionalProperties: { $ref: "#/components/schemas/JsonValue" } }],
    };
    const a = api(
      "recursive-alias",
      { "/x": { get: { operationId: "X", responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Doc" } } } } } } } },
      {
        JsonValue: json,
        Doc: { type: "object", properties: { value: { $ref: "#/components/schemas/JsonValue" } } },
      },
    );
    const p = planPython(a, { packageName: "pkg", sdkClass: "SDK", version: "1" });
    expect(docType(p, { kind: "ref", model: "JsonValue" }, true, 1)).toBe("*str \\| List[*models.JsonValue*] \\| Dict[str, *models.JsonValue*]*");
  });
});

describe("the Accept header both SDKs send", () => {
  const media = (t: string) => ({ description: "x", content: { [t]: { schema: str } } });
  const cases: [string, Record<string, unknown>, string][] = [
    ["JSON", { "200": media("application/json") }, "application/json"],
    ["text success, JSON error", { "200": media("text/plain"), "404": { description: "no", content: { "application/json": { schema: object({ m: str }) } } } }, "text/plain, application/json"],
    ["two success types", { "200": media("application/json"), "206": media("application/octet-stream") }, "application/json, application/octet-stream"],
    ["no content", { "204": { description: "gone" } }, "*/*"],
  ];
  it.each(cases)("%s", (name, responses, want) => {
    const a = api(`accept-${name.replace(/\W+/g, "-")}`, { "/x": { get: { operationId: "X", responses } } });
    expect(acceptHeader(a.operations[0])).toBe(want);
  });
});

describe("python nested groups", () => {
  const ok = { responses: { "204": { description: "done" } } };
  it("a nested group is an attribute of its parent's object; its class and module take its last level, or its whole path when that is taken", () => {
    const p = planPython(
      api("nested", {
        "/agents": { get: { ...ok, operationId: "list", tags: ["agents"] } },
        "/beta/agents": { get: { ...ok, operationId: "list", tags: ["beta.agents"] } },
        "/beta/conversations": { get: { ...ok, operationId: "start_stream", tags: ["beta.conversations"] } },
      }),
      { packageName: "pkg", sdkClass: "SDK", version: "1.0.0" },
    );
    expect(p.groups.map((g) => [g.access, g.accessor, g.className, g.module, g.doc])).toEqual([
      ["agents", "agents", "Agents", "agents", "sdks/agents/README.md"],
      ["beta", "beta", "Beta", "beta", "sdks/beta/README.md"],
      ["beta.agents", "agents", "BetaAgents", "betaagents", "sdks/betaagents/README.md"],
      ["beta.conversations", "conversations", "Conversations", "conversations", "sdks/conversations/README.md"],
    ]);
  });
});

describe("python const annotations", () => {
  it.each([
    ["a string", "chat.completion", 'Literal["chat.completion"]'],
    ["a boolean", true, "Literal[True]"],
    ["an integer", 3, "Literal[3]"],
    ["a float (Literal takes none)", 1.5, "float"],
    ["a string with a lone surrogate (pydantic cannot build it)", "\ud800", "str"],
  ] as const)("%s", (_name, value, want) => {
    const p = planPython(api("consts", {}), { packageName: "pkg", sdkClass: "SDK", version: "1" });
    expect(pyAnnotation({ p, form: "model", qualify: (_m, n) => n }, { kind: "literal", value })).toBe(want);
  });
});

describe("python planner: Speakeasy's baseErrorName", () => {
  const a = (): Api => api("base-error", {}, { ClerkError: { type: "object", properties: { message: { type: "string" } } } });
  it("exports APIError under the name as well, lazily like the models", () => {
    const p = planPython(a(), { packageName: "pkg", sdkClass: "SDK", version: "1", baseErrorName: "ClerkBaseError" });
    expect(p.baseError).toBe("ClerkBaseError");
    expect(p.aliases).toContainEqual({ name: "ClerkBaseError", module: "_errors", attr: "APIError" });
  });
  it.each(["ClerkError", "SDKError"])("%s (a model's or the runtime's name) is refused, naming the option", (baseErrorName) => {
    expect(() => planPython(a(), { packageName: "pkg", sdkClass: "SDK", version: "1", baseErrorName })).toThrow(/targets\.python\.baseErrorName: "\w+" is already a name/);
  });
});
