// Passes over the built IR (generator/ir/usage.ts): which models are sent and which received.
import { describe, expect, it } from "vitest";
import { apiOf } from "../helpers/doc.js";

describe("model usage", () => {
  it("marks models reached from bodies and parameters as sent, from responses as received, through nesting", () => {
    const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
    const api = apiOf({
      components: {
        schemas: {
          In: { type: "object", properties: { inner: ref("Inner") } },
          Inner: { type: "object", properties: { x: { type: "string" } } },
          Out: { type: "object", properties: { list: { type: "array", items: ref("Both") } } },
          Both: { type: "object", properties: { y: { type: "string" } } },
        },
      },
      paths: {
        "/a": {
          post: {
            operationId: "a",
            requestBody: { content: { "application/json": { schema: { oneOf: [ref("In"), ref("Both")] } } } },
            responses: { "200": { description: "ok", content: { "application/json": { schema: ref("Out") } } } },
          },
        },
      },
    });
    const usage = Object.fromEntries(
      api.models.filter((m) => ["In", "Inner", "Out", "Both"].includes(m.name)).map((m) => [m.name, `${m.usage?.request ? "sent" : ""}${m.usage?.response ? "received" : ""}`]),
    );
    expect(usage).toEqual({ In: "sent", Inner: "sent", Out: "received", Both: "sentreceived" });
  });
});
