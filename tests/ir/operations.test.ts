// Paths and Operation Objects → operations and groups (generator/ir/operations.ts): ids, groups, method names.
import { describe, expect, it } from "vitest";
import { apiOf } from "../helpers/doc.js";

const ok = { responses: { "204": { description: "done" } } };

describe("operations", () => {
  it("an extension among the paths is no path (Apicurio's x-codegen-contextRoot): read, not refused", () => {
    const op = { get: { operationId: "listThings", responses: { "200": { description: "ok" } } } };
    const api = apiOf({ paths: { "x-codegen-contextRoot": "/apis/registry/v2", "x-item": op, "/things": op } });
    expect(api.operations.map((o) => `${o.httpMethod} ${o.path}`)).toEqual(["get /things"]);
    expect(() => apiOf({ paths: { things: op } })).toThrow(/path "things" does not start with "\/"/);
  });

  it("x-speakeasy-ignore leaves an operation out (and a group it alone had)", () => {
    const api = apiOf({
      paths: {
        "/users": { get: { operationId: "listUsers", tags: ["users"], ...ok }, post: { operationId: "createUser", tags: ["users"], "x-speakeasy-ignore": true, ...ok } },
        "/internal": { get: { operationId: "debug", tags: ["internal"], "x-speakeasy-ignore": true, ...ok } },
      },
    });
    expect(api.operations.map((o) => o.operationId)).toEqual(["ListUsers"]);
    expect(api.groups.map((g) => g.name)).toEqual(["users"]);
  });

  it.each([
    [
      "the group is the first tag; the method strips the group's words from the id",
      "/actor_tokens",
      { operationId: "ActorTokensCreate", tags: ["Actor Tokens"] },
      "ActorTokensCreate actorTokens.create",
    ],
    ["x-speakeasy-group wins over tags", "/users", { operationId: "listUsers", tags: ["Users"], "x-speakeasy-group": "admins" }, "ListUsers admins.listUsers"],
    ["x-speakeasy-name-override names the method", "/users", { operationId: "users_list_all", tags: ["users"], "x-speakeasy-name-override": "list" }, "UsersListAll users.list"],
    ["no tag: the path's first word is the group", "/pets/{id}", { operationId: "getPet" }, "GetPet pets.getPet"],
    ["no operationId: one from the method and path", "/pets/{id}", { tags: ["pets"] }, "GetPetsById pets.getPetsById"],
    ["an id that is only the group's words is not stripped to nothing", "/users", { operationId: "users", tags: ["users"] }, "Users users.users"],
    // As Speakeasy's: an identifier keeps its casing, its first word lowered.
    [
      "an id's acronyms stay (OpenRouter's exchangeAuthCodeForAPIKey)",
      "/auth/keys",
      { operationId: "exchangeAuthCodeForAPIKey", tags: ["OAuth"] },
      "ExchangeAuthCodeForApiKey oAuth.exchangeAuthCodeForAPIKey",
    ],
    ["a leading acronym is the first word, lowered", "/keys", { operationId: "STTRequestCreate", tags: ["audio"] }, "SttRequestCreate audio.sttRequestCreate"],
  ] as const)("%s", (_name, path, op, want) => {
    const params = path.includes("{id}") ? { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] } : {};
    const api = apiOf({ paths: { [path]: { get: { ...ok, ...params, ...op } } } });
    const o = api.operations[0];
    expect(`${o.operationId} ${o.group}.${o.method}`).toBe(want);
    expect(api.groups.map((g) => g.name)).toEqual([o.group]);
  });

  it.each([
    ["x-speakeasy-group", { "x-speakeasy-group": "beta.conversations" }],
    ["a tag", { tags: ["beta.conversations"] }],
  ] as const)("a dot in %s nests the group, under a parent made for it when the spec has none", (_name, where) => {
    const api = apiOf({ paths: { "/chat": { get: { ...ok, operationId: "chat", tags: ["chat"] } }, "/conversations": { get: { ...ok, operationId: "list", ...where } } } });
    expect(api.operations[1].group).toBe("betaConversations");
    expect(api.groups.map((g) => [g.name, g.title, g.path.join("."), g.parent ?? null, g.operations.length])).toEqual([
      ["chat", "Chat", "chat", null, 1],
      ["beta", "Beta", "beta", null, 0],
      ["betaConversations", "Beta.Conversations", "beta.conversations", "beta", 1],
    ]);
  });

  it("a nested group's parent is the spec's own group of that name when there is one, and levels go deeper", () => {
    const api = apiOf({
      paths: {
        "/a": { get: { ...ok, operationId: "deep", "x-speakeasy-group": "beta.conversations.entries" } },
        "/b": { get: { ...ok, operationId: "status", tags: ["beta"] } },
      },
    });
    expect(api.groups.map((g) => [g.name, g.path.join("."), g.parent ?? null, g.operations.length])).toEqual([
      ["beta", "beta", null, 1],
      ["betaConversations", "beta.conversations", "beta", 0],
      ["betaConversationsEntries", "beta.conversations.entries", "betaConversations", 1],
    ]);
  });

  it("ids are unique in the API and method names in their group", () => {
    const api = apiOf({
      paths: {
        "/a": { get: { ...ok, operationId: "list", tags: ["x"] }, post: { ...ok, operationId: "list_", tags: ["x"] } },
        "/b": { get: { ...ok, operationId: "List", tags: ["y"] } },
      },
    });
    expect(api.operations.map((o) => `${o.operationId} ${o.group}.${o.method}`)).toEqual(["List x.list", "List2 x.list2", "List3 y.list"]);
  });

  it("a tag's description describes the group; fixed query parameters in the path are kept apart", () => {
    const api = apiOf({ tags: [{ name: "pets", description: "Pets of the store." }], paths: { "/pets?kind=dog": { get: { ...ok, operationId: "dogs", tags: ["pets"] } } } });
    expect(api.groups[0].description).toBe("Pets of the store.");
    expect([api.operations[0].path, api.operations[0].fixedQuery]).toEqual(["/pets", [["kind", "dog"]]]);
  });

  it("security: the operation's requirements, else the document's", () => {
    const api = apiOf({
      security: [{ key: [] }],
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" }, bearer: { type: "http", scheme: "bearer" } } },
      paths: { "/a": { get: { ...ok, operationId: "a" }, post: { ...ok, operationId: "b", security: [{ bearer: [] }, {}] } } },
    });
    expect(api.operations.map((o) => o.security)).toEqual([[["key"]], [["bearer"], []]]);
  });

  it("each operation records its JSON pointer in the spec", () => {
    const api = apiOf({ paths: { "/a/{b}": { put: { ...ok, operationId: "x", parameters: [{ name: "b", in: "path", required: true, schema: { type: "string" } }] } } } });
    expect(api.operations[0].source).toBe("#/paths/~1a~1{b}/put");
  });
});
