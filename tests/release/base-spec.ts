/** A small API that the classification table changes one way at a time. */
export type Obj = Record<string, any>;

export function baseSpec(): Obj {
  const userRef = { $ref: "#/components/schemas/User" };
  const json = (schema: unknown) => ({ "application/json": { schema } });
  const errors = { "4XX": { description: "Error", content: json({ $ref: "#/components/schemas/ApiError" }) } };
  return {
    openapi: "3.1.0",
    info: { title: "Shop", version: "1.0", description: "The shop API." },
    servers: [{ url: "https://api.shop.test/v1" }],
    security: [{ bearer: [] }],
    "x-speakeasy-retries": { strategy: "backoff", backoff: { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 }, statusCodes: ["5XX"], retryConnectionErrors: true },
    paths: {
      "/users": {
        get: {
          operationId: "listUsers",
          tags: ["users"],
          summary: "List users",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer" } },
            { name: "page_size", in: "query", schema: { type: "integer" } },
            { name: "status", in: "query", schema: { $ref: "#/components/schemas/UserStatus" } },
          ],
          responses: { "200": { description: "OK", content: json({ $ref: "#/components/schemas/UserList" }) }, ...errors },
        },
        post: {
          operationId: "createUser",
          tags: ["users"],
          summary: "Create a user",
          requestBody: { required: true, content: json({ $ref: "#/components/schemas/NewUser" }) },
          responses: { "200": { description: "OK", content: json(userRef) }, ...errors },
        },
      },
      "/users/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { operationId: "getUser", tags: ["users"], summary: "Get a user", responses: { "200": { description: "OK", content: json(userRef) }, ...errors } },
        delete: { operationId: "deleteUser", tags: ["users"], summary: "Delete a user", responses: { "204": { description: "Deleted" }, ...errors } },
      },
      "/orders/{id}": {
        get: {
          operationId: "getOrder",
          tags: ["orders"],
          summary: "Get an order",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: json({ $ref: "#/components/schemas/Order" }) }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        User: {
          type: "object",
          required: ["id", "name"],
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            email: { type: "string", description: "Where we write." },
            tag: { oneOf: [{ type: "string" }, { type: "integer" }] },
            status: { $ref: "#/components/schemas/UserStatus" },
          },
        },
        UserList: { type: "object", required: ["data"], properties: { data: { type: "array", items: userRef } } },
        UserStatus: { type: "string", enum: ["active", "banned"], "x-speakeasy-unknown-values": "allow" },
        NewUser: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string" },
            email: { type: "string" },
            nickname: { oneOf: [{ type: "string" }, { type: "integer" }] },
            role: { $ref: "#/components/schemas/Role" },
          },
        },
        Role: { type: "string", enum: ["admin", "member"] },
        Order: {
          type: "object",
          required: ["id", "amount", "status"],
          properties: {
            id: { type: "string" },
            amount: { type: "integer" },
            status: { $ref: "#/components/schemas/OrderStatus" },
            note: { type: ["string", "null"] },
          },
        },
        OrderStatus: { type: "string", enum: ["open", "paid"] },
        ApiError: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
      },
    },
  };
}
