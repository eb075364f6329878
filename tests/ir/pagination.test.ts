// x-speakeasy-pagination and the conventions recognised without it (generator/ir/pagination.ts), and
// text/event-stream responses (generator/ir/responses.ts): given/want tables.
import { describe, expect, it } from "vitest";
import { parsePagePath } from "../../generator/ir/pagination.js";
import { apiOf } from "../helpers/doc.js";

describe("JSONPath outputs", () => {
  it.each([
    ["$", []],
    ["$.data", ["data"]],
    ["$.pageInfo.next", ["pageInfo", "next"]],
    ["$.resultArray[(@.length-1)]", ["resultArray", -1]],
    ["$['a b'][0]", ["a b", 0]],
    ['$["x"][-1].id', ["x", -1, "id"]],
    ["$..id", null],
    ["$.items[*]", null],
    ["data", null],
  ] as const)("%s", (text, want) => {
    expect(parsePagePath(text)).toEqual(want);
  });
});

const list = (schema: object, headers?: object) => ({ "200": { description: "ok", ...(headers ? { headers } : {}), content: { "application/json": { schema } } } });
const arrayOf = { type: "array", items: { type: "object", properties: { id: { type: "string" } } } };
const q = (name: string, type = "string") => ({ name, in: "query", schema: { type } });

describe("pagination", () => {
  it.each([
    [
      "offsetLimit from the extension, with a default",
      {
        parameters: [q("offset", "integer"), { ...q("limit", "integer"), schema: { type: "integer", default: 20 } }],
        responses: list({ type: "object", properties: { data: arrayOf } }),
        "x-speakeasy-pagination": {
          type: "offsetLimit",
          inputs: [
            { name: "offset", in: "parameters", type: "offset" },
            { name: "limit", in: "parameters", type: "limit" },
          ],
          outputs: { results: "$.data" },
        },
      },
      {
        kind: "offsetLimit",
        inputs: [
          { role: "offset", in: "param", wire: "offset", name: "offset" },
          { role: "limit", in: "param", wire: "limit", name: "limit", default: 20 },
        ],
        results: ["data"],
        from: "extension",
      },
    ],
    [
      "cursor in the body",
      {
        requestBody: { content: { "application/json": { schema: { type: "object", properties: { page_token: { type: "string" } } } } } },
        responses: list({ type: "object", properties: { next: { type: "string" } } }),
        "x-speakeasy-pagination": { type: "cursor", inputs: [{ name: "page_token", in: "requestBody", type: "cursor" }], outputs: { nextCursor: "$.next" } },
      },
      { kind: "cursor", inputs: [{ role: "cursor", in: "body", wire: "page_token", name: "pageToken" }], nextCursor: ["next"], from: "extension" },
    ],
    [
      "url",
      { responses: list({ type: "object", properties: { next: { type: "string" } } }), "x-speakeasy-pagination": { type: "url", outputs: { nextUrl: "$.next" } } },
      { kind: "url", inputs: [], nextUrl: ["next"], from: "extension" },
    ],
    ["a declared Link header (GitHub)", { responses: list(arrayOf, { Link: { schema: { type: "string" } } }) }, { kind: "link", inputs: [], results: [], from: "convention" }],
    ["per_page (GitHub)", { parameters: [q("per_page", "integer")], responses: list(arrayOf) }, { kind: "link", inputs: [], results: [], from: "convention" }],
    [
      "has_more + starting_after (Stripe)",
      { parameters: [q("starting_after"), q("limit", "integer")], responses: list({ type: "object", properties: { data: arrayOf, has_more: { type: "boolean" } } }) },
      {
        kind: "cursor",
        inputs: [
          { role: "cursor", in: "param", wire: "starting_after", name: "startingAfter" },
          { role: "limit", in: "param", wire: "limit", name: "limit" },
        ],
        results: ["data"],
        nextCursor: ["data", -1, "id"],
        hasMore: ["has_more"],
        from: "convention",
      },
    ],
    [
      "next_page_uri (Twilio)",
      { responses: list({ type: "object", properties: { calls: arrayOf, next_page_uri: { type: "string" } } }) },
      { kind: "url", inputs: [], nextUrl: ["next_page_uri"], results: ["calls"], from: "convention" },
    ],
    ["bare offset + limit: not paged (Speakeasy does not, and Clerk's users expect the list)", { parameters: [q("offset", "integer"), q("limit", "integer")], responses: list(arrayOf) }, undefined],
  ] as const)("%s", (_name, op, want) => {
    const api = apiOf({ paths: { "/things": { get: { operationId: "listThings", ...op } } } });
    const { itemType: _item, ...pagination } = api.operations[0].pagination ?? ({} as { itemType?: unknown });
    expect(api.operations[0].pagination ? pagination : undefined).toEqual(want);
  });

  it("an extension that cannot be followed is a located warning, and the operation is generated unpaged", () => {
    const api = apiOf({
      paths: {
        "/things": {
          get: {
            operationId: "listThings",
            responses: list(arrayOf),
            "x-speakeasy-pagination": { type: "cursor", inputs: [{ name: "nope", in: "parameters", type: "cursor" }], outputs: { nextCursor: "$.next" } },
          },
        },
      },
    });
    expect(api.operations[0].pagination).toBeUndefined();
    const w = api.warnings.find((x) => /pagination input "nope"/.test(x.message));
    expect(w?.pointer).toBe("#/paths/~1things/get/x-speakeasy-pagination/inputs/0/name");
  });
});

describe("event streams", () => {
  const event = (data: object) => ({ type: "object", required: ["data"], properties: { event: { type: "string" }, data } });
  it.each([
    [
      "Speakeasy's envelope with JSON data and a sentinel",
      { "text/event-stream": { "x-speakeasy-sse-sentinel": "[DONE]", schema: event({ type: "object", properties: { delta: { type: "string" } } }) } },
      { sentinel: "[DONE]", envelope: true, data: "json" },
      ["text/event-stream"],
    ],
    ["text data", { "text/event-stream": { schema: event({ type: "string" }) } }, { envelope: true, data: "text" }, ["text/event-stream"]],
    ["a bare schema is the data", { "text/event-stream": { schema: { type: "object", properties: { delta: { type: "string" } } } } }, { envelope: false, data: "json" }, ["text/event-stream"]],
    [
      "beside JSON: two answers for one status",
      { "application/json": { schema: { type: "object" } }, "text/event-stream": { schema: event({ type: "object" }) } },
      { envelope: true, data: "json" },
      ["text/event-stream", "application/json"],
    ],
  ] as const)("%s", (_name, content, want, types) => {
    const api = apiOf({ paths: { "/chat": { post: { operationId: "chat", responses: { "200": { description: "ok", content } } } } } });
    const op = api.operations[0];
    expect(op.success.map((r) => r.contentType)).toEqual(types);
    expect(op.success[0].events).toEqual(want);
  });

  it("a streaming twin's `stream: true` default is sent; a fragment in the path key is not", () => {
    const body = { content: { "application/json": { schema: { type: "object", properties: { stream: { type: "boolean", default: true } } } } } };
    const api = apiOf({
      paths: { "/chat#stream": { post: { operationId: "stream", requestBody: body, responses: { "200": { description: "ok", content: { "text/event-stream": { schema: { type: "string" } } } } } } } },
    });
    const op = api.operations[0];
    expect(op.path).toBe("/chat");
    const m = api.models.find((x) => op.body?.type.kind === "ref" && x.name === op.body.type.model);
    expect(m?.kind === "object" ? m.fields[0].sendDefault : undefined).toBe(true);
  });
});
