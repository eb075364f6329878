// Request Body Objects → the IR's body (generator/ir/request-body.ts).
import { describe, expect, it } from "vitest";
import { operationApi, show } from "../helpers/doc.js";

const body = (content: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ requestBody: { content, ...extra } });
const obj = { schema: { type: "object", properties: { a: { type: "string" } } } };

describe("request bodies", () => {
  it.each([
    ["JSON: an inline object model named after the operation", body({ "application/json": obj }, { required: true }), "application/json json DoThingRequestBody required"],
    ["JSON preferred over other media types", body({ "application/xml": obj, "application/json": obj }), "application/json json DoThingRequestBody optional"],
    ["a +json media type is JSON", body({ "application/merge-patch+json": obj }), "application/merge-patch+json json DoThingRequestBody optional"],
    ["a form", body({ "application/x-www-form-urlencoded": obj }), "application/x-www-form-urlencoded form DoThingRequestBody optional"],
    ["multipart", body({ "multipart/form-data": obj }), "multipart/form-data multipart DoThingRequestBody optional"],
    ["text", body({ "text/plain": { schema: { type: "string" } } }), "text/plain text string optional"],
    ["a raw body is bytes whatever its schema", body({ "image/png": { schema: { type: "object" } } }), "image/png binary binary string optional"],
    ["JSON without a schema is unknown", body({ "application/json": {} }), "application/json json unknown optional"],
  ] as const)("%s", (_name, op, want) => {
    const b = operationApi(op).operations[0].body!;
    expect(`${b.contentType} ${b.encoding} ${show(b.type)} ${b.required ? "required" : "optional"}`).toBe(want);
  });

  it("an operation whose only input is its body takes the body as its request", () => {
    const op = operationApi(body({ "application/json": obj })).operations[0];
    expect([show(op.request?.type), op.request?.wrapsBody]).toEqual(["DoThingRequestBody", true]);
  });

  it("with parameters, a request model gathers them and the body", () => {
    const api = operationApi({ ...body({ "application/json": obj }, { required: true }), parameters: [{ name: "id", in: "query", schema: { type: "string" } }] });
    const op = api.operations[0];
    expect([show(op.request?.type), op.request?.wrapsBody, op.request?.required]).toEqual(["DoThingRequest", false, true]);
    const m = api.models.find((x) => x.name === "DoThingRequest")!;
    expect(m.kind === "object" && m.fields.map((f) => `${f.name}:${f.wireName}`)).toEqual(["id:id", "requestBody:"]);
  });

  it("a body of JSON and multipart: a method for each, the second named after the encoding as Speakeasy's are", () => {
    const op = { operationId: "createTranscriptions", "x-speakeasy-name-override": "createTranscription", ...body({ "application/json": obj, "multipart/form-data": obj, "application/xml": obj }) };
    const ops = operationApi(op).operations;
    expect(ops.map((o) => `${o.specOperationId} ${o.operationId} ${o.method} ${o.body?.contentType} ${show(o.body!.type)}`)).toEqual([
      "createTranscriptions CreateTranscriptions createTranscription application/json CreateTranscriptionsRequestBody",
      // XML is text: no method of its own.
      "createTranscriptions_multipart CreateTranscriptionsMultipart createTranscriptionMultipart multipart/form-data CreateTranscriptionsMultipartRequestBody",
    ]);
  });
});
