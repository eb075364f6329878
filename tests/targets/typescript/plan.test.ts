// Given/want tables for the TypeScript planner (generator/targets/typescript/plan.ts): every symbol's
// name and file, decided once, clear of the runtime's names, of globals and of each other.
import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPath, plan } from "../../../generator/targets/typescript/plan.js";
import { apiOf, schemasApi } from "../../helpers/doc.js";

const opts = { packageName: "pkg", sdkClass: "Acme", version: "1.0.0" };

describe("typescript planner: models", () => {
  it.each([
    ["a model keeps its name; its file is its lower-cased name", { Pet: { type: "object", properties: { id: { type: "string" } } } }, "Pet", "Pet models/components/pet.ts"],
    [
      "a runtime symbol's name is taken: the model (and its file) gets a suffix",
      { Result: { type: "object", properties: { id: { type: "string" } } } },
      "Result",
      "ResultModel models/components/resultmodel.ts",
    ],
    ["so is a global's", { Promise: { type: "object", properties: { id: { type: "string" } } } }, "Promise", "PromiseModel models/components/promisemodel.ts"],
    [
      "and an error class the errors namespace exports",
      { InvalidRequestError: { type: "object", properties: { id: { type: "string" } } } },
      "InvalidRequestError",
      "InvalidRequestErrorModel models/components/invalidrequesterrormodel.ts",
    ],
    ["the SDK class's own name", { Acme: { type: "object", properties: { id: { type: "string" } } } }, "Acme", "AcmeModel models/components/acmemodel.ts"],
    ["a device name gets a safe file", { Con: { type: "object", properties: { id: { type: "string" } } } }, "Con", "Con models/components/con_.ts"],
  ] as const)("%s", (_name, schemas, irName, want) => {
    const p = plan(schemasApi(schemas), opts);
    const m = p.models.get(irName)!;
    expect(`${m.name} ${m.file}`).toBe(want);
  });

  it.each([
    ["default folders", undefined, "models/components/pet.ts models/components/index.ts"],
    ["components moved (Speakeasy's imports.paths.shared: models)", { components: "models" }, "models/pet.ts models/index.ts"],
    ["deeper", { components: "api/types" }, "api/types/pet.ts api/types/index.ts"],
  ] as const)("modelPaths: %s", (_name, modelPaths, want) => {
    const p = plan(schemasApi({ Pet: { type: "object", properties: { id: { type: "string" } } } }), { ...opts, ...(modelPaths ? { modelPaths } : {}) });
    expect(`${p.models.get("Pet")!.file} ${p.modelDirs.components}/index.ts`).toBe(want);
  });

  it("Speakeasy's <operationId>Globals: the global parameters an operation has, picked from its request model", () => {
    const tenant = { name: "X-Tenant", in: "header", schema: { type: "string" } };
    const api = apiOf({
      components: { parameters: { Tenant: tenant } },
      "x-speakeasy-globals": { parameters: [{ $ref: "#/components/parameters/Tenant" }] },
      paths: {
        "/byok": {
          get: {
            operationId: "listBYOKKeys",
            parameters: [{ $ref: "#/components/parameters/Tenant" }, { name: "limit", in: "query", schema: { type: "integer" } }],
            responses: { "204": { description: "ok" } },
          },
        },
        "/plain": { get: { operationId: "plain", parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }], responses: { "204": { description: "ok" } } } },
      },
    });
    const p = plan(api, opts);
    expect(p.globalsTypes.map((g) => `${g.name} ${g.file} Pick<${g.request.name}, ${g.keys.join("|")}>`)).toEqual([
      "ListBYOKKeysGlobals models/operations/listbyokkeysglobals.ts Pick<ListByokKeysRequest, xTenant>",
    ]);
  });

  it("Speakeasy's <operationId>Response of each paginated operation: a page's { result }, the body's own model imported under another name when it has the same", () => {
    const page = (id: string, schema: object) => ({
      get: {
        operationId: id,
        parameters: [{ name: "offset", in: "query", schema: { type: "integer" } }],
        "x-speakeasy-pagination": { type: "offsetLimit", inputs: [{ name: "offset", in: "parameters", type: "offset" }], outputs: { results: "$.data" } },
        responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
      },
    });
    const list = { type: "object", properties: { data: { type: "array", items: { type: "string" } } } };
    const api = apiOf({
      components: { schemas: { ListPresetsResponse: list, PresetList: list } },
      paths: {
        "/presets": page("listPresets", { $ref: "#/components/schemas/ListPresetsResponse" }),
        "/keys": page("listBYOKKeys", { $ref: "#/components/schemas/PresetList" }),
        "/plain": { get: { operationId: "plain", responses: { "200": { description: "ok", content: { "application/json": { schema: list } } } } } },
      },
    });
    const p = plan(api, opts);
    expect(p.pageTypes.map((t) => `${t.name} ${t.file} ${t.bodyAlias}`)).toEqual([
      "ListPresetsResponse models/operations/listpresetsresponse2.ts ListPresetsResponseBody",
      "ListBYOKKeysResponse models/operations/listbyokkeysresponse.ts null",
    ]);
  });

  it("a schema named Index does not take its folder's index module", () => {
    const p = plan(schemasApi({ Index: { type: "object", properties: { id: { type: "string" } } } }), opts);
    expect(p.models.get("Index")!.file).not.toBe("models/components/index.ts");
  });

  it("an error payload is a data type with an error class of the schema's name", () => {
    const api = apiOf({
      components: { schemas: { Oops: { type: "object", properties: { message: { type: "string" } } } } },
      paths: {
        "/a": {
          get: { operationId: "a", responses: { "204": { description: "ok" }, "400": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/Oops" } } } } } },
        },
      },
    });
    const m = plan(api, opts).models.get("Oops")!;
    expect([m.name, m.errorClass, m.file, m.doc]).toEqual(["OopsData", "Oops", "models/errors/oops.ts", "models/errors/oops.md"]);
  });

  it("an error class is also exported under its schema key's casing (Speakeasy's HTTPValidationError), where only the case differs", () => {
    const api = apiOf({
      components: { schemas: { HTTPValidationError: { type: "object", properties: { detail: { type: "string" } } } } },
      paths: {
        "/a": {
          get: {
            operationId: "a",
            responses: { "204": { description: "ok" }, "422": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } } },
          },
        },
      },
    });
    const p = plan(api, opts);
    expect(p.aliases.map((a) => `${a.namespace}.${a.name} ${a.model.errorClass} ${a.from}`)).toEqual(["errors.HTTPValidationError HttpValidationError ./httpvalidationerror.js"]);
  });

  it.each([
    // The spec's own schema of the payload type's name keeps it; the payload type takes the next.
    ["BadRequestResponse", ["BadRequestResponseErrorData"], "BadRequestResponseErrorData2 BadRequestResponseError models/errors/badrequestresponseerror.ts; BadRequestResponseErrorData"],
    ["HTTPValidationError", [], "HttpValidationErrorData HttpValidationError models/errors/httpvalidationerror.ts"],
  ] as const)("sharedErrorComponentsApr2025: the error class of %s is named as Speakeasy's fix names it", (schema, others, want) => {
    const body = { type: "object", properties: { message: { type: "string" } } };
    const json = (name: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${name}` } } });
    const api = apiOf({
      components: { schemas: Object.fromEntries([schema, ...others].map((n) => [n, body])) },
      paths: {
        "/a": { get: { operationId: "a", responses: { "400": { description: "bad", content: json(schema) }, ...(others.length ? { "200": { description: "ok", content: json(others[0]) } } : {}) } } },
      },
    });
    const p = plan(api, { ...opts, sharedErrorComponentsApr2025: true });
    const of = (name: string) => p.modelList.find((x) => x.ir.source === `#/components/schemas/${name}`)!;
    const m = of(schema);
    expect([`${m.name} ${m.errorClass} ${m.file}`, ...others.map((o) => of(o).name)].join("; ")).toBe(want);
  });
});

describe("typescript planner: operations and groups", () => {
  const ok = { responses: { "204": { description: "ok" } } };
  const api = apiOf({
    paths: {
      "/users": { get: { ...ok, operationId: "listUsers", tags: ["users"] }, post: { ...ok, operationId: "constructor", tags: ["users"] } },
      "/sdk": { get: { ...ok, operationId: "ping", tags: ["sdk"] } },
    },
  });
  const p = plan(api, opts);

  it("functions are named group + method, each in its own file", () => {
    expect(p.operations.map((o) => `${o.func} ${o.file}`)).toEqual(["usersListUsers funcs/usersListUsers.ts", "usersConstructor funcs/usersConstructor.ts", "sdkPing funcs/sdkPing.ts"]);
  });

  it("methods and accessors stay clear of the client class's own members", () => {
    expect(p.operations.map((o) => o.method)).toEqual(["listUsers", "constructor2", "ping"]);
  });

  it("a group named sdk gets another file than the SDK class's", () => {
    expect(p.groups.map((g) => `${g.accessor} ${g.className} ${g.file} ${g.doc}`)).toEqual(["users Users sdk/users.ts sdks/users/README.md", "sdk Sdk sdk/sdk2.ts sdks/sdk/README.md"]);
  });

  it("the plan speaks the contract's words: accessor, operations, method, clientVar", () => {
    expect([p.clientVar, p.groups[0].operations[0].method, p.coreClass]).toEqual(["acme", "listUsers", "AcmeCore"]);
  });
});

describe("typescript planner: nested groups", () => {
  const ok = { responses: { "204": { description: "done" } } };
  const nested = apiOf({
    paths: {
      "/agents": { get: { ...ok, operationId: "list", tags: ["agents"] } },
      "/beta/agents": { get: { ...ok, operationId: "list", tags: ["beta.agents"] } },
      "/beta/conversations": { get: { ...ok, operationId: "list", tags: ["beta.conversations"] }, post: { ...ok, operationId: "conversations", tags: ["beta"] } },
    },
  });

  it("a nested group is reached through its parent; its class and files take its last level, or its whole path when that is taken", () => {
    const p = plan(nested, opts);
    expect(p.groups.map((g) => [g.access, g.accessor, g.className, g.file, g.doc])).toEqual([
      ["agents", "agents", "Agents", "sdk/agents.ts", "sdks/agents/README.md"],
      ["beta", "beta", "Beta", "sdk/beta.ts", "sdks/beta/README.md"],
      ["beta.agents", "agents", "BetaAgents", "sdk/betaagents.ts", "sdks/betaagents/README.md"],
      // The parent's own method `conversations` keeps its name: the getter takes another.
      ["beta.conversations2", "conversations2", "Conversations", "sdk/conversations.ts", "sdks/conversations/README.md"],
    ]);
    expect(p.operations.map((o) => o.func)).toEqual(["agentsList", "betaAgentsList", "betaConversationsList", "betaConversations"]);
  });
});

describe("typescript planner: positional arguments (maxMethodParams)", () => {
  const ok = { responses: { "204": { description: "done" } } };
  const api = (ext: Record<string, unknown>) =>
    apiOf({
      paths: {
        "/tags/{id}": {
          patch: {
            ...ok,
            operationId: "update",
            tags: ["tags"],
            ...ext,
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "string" } },
              { name: "dryRun", in: "query", schema: { type: "boolean" } },
              { name: "X-Org", in: "header", required: true, schema: { type: "string" } },
            ],
            requestBody: { content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } },
          },
        },
      },
    });
  const args = (p: ReturnType<typeof plan>) => p.operations[0].positional?.map((a) => `${a.name}:${a.presence}`) ?? null;

  it.each([
    ["no limit: one request object (TypeScript's default is 0)", {}, undefined, null],
    ["the extension allows all four", { "x-speakeasy-max-method-params": 4 }, undefined, ["id:required", "dryRun:undefined", "xOrg:required", "requestBody:optional"]],
    ["the target's option", {}, 4, ["id:required", "dryRun:undefined", "xOrg:required", "requestBody:optional"]],
    ["fewer allowed than there are: the request object", { "x-speakeasy-max-method-params": 3 }, undefined, null],
    ["the extension wins over the option", { "x-speakeasy-max-method-params": 0 }, 10, null],
  ] as const)("%s", (_name, ext, max, want) => {
    expect(args(plan(api(ext), { ...opts, ...(max === undefined ? {} : { maxMethodParams: max }) }))).toEqual(want);
  });
});

describe("typescript planner: Speakeasy's names for inline schemas (aliases)", () => {
  it("exports an inline enum by its shortest free name beside ours, never over a model's name", () => {
    const p = plan(
      schemasApi({
        Folder: { type: "object", properties: { access_level: { type: "string", enum: ["read", "write"] }, color: { type: "string", enum: ["red"] } } },
        Color: { type: "object", properties: { hex: { type: "string" } } },
      }),
      opts,
    );
    expect(p.aliases.map((a) => `${a.name} = ${a.model.name}`)).toEqual(["AccessLevel = FolderAccessLevel"]);
  });
});

describe("typescript planner: Speakeasy's baseErrorName", () => {
  const schemas = { ClerkError: { type: "object", properties: { message: { type: "string" } } } };
  it.each([
    ["unset: APIError alone", undefined, null],
    ["a free name: APIError is also exported under it", "ClerkBaseError", "ClerkBaseError"],
    ["APIError itself: nothing to add", "APIError", null],
  ] as const)("%s", (_name, baseErrorName, want) => {
    expect(plan(schemasApi(schemas), { ...opts, ...(baseErrorName ? { baseErrorName } : {}) }).baseError).toBe(want);
  });
  it.each([
    ["a model's name", "ClerkError"],
    ["a runtime symbol's", "SDKError"],
  ])("%s is refused, naming the option", (_name, baseErrorName) => {
    expect(() => plan(schemasApi(schemas), { ...opts, baseErrorName })).toThrow(/targets\.typescript\.baseErrorName: "\w+" is already a name/);
  });
});

describe("importPath", () => {
  it.each([
    ["src/funcs", "src/models/components/user.ts", "../models/components/user.js"],
    ["src/models/components", "src/models/components/user.ts", "./user.js"],
    ["src/models/components", "src/models/operations/list.ts", "../operations/list.js"],
    ["src", "src/models/components/index.ts", "./models/components/index.js"],
    ["src/sdk/users/emails", "src/lib/sdks.ts", "../../../lib/sdks.js"],
    ["src/a/b", "src/a.ts", "../../a.js"],
    // Not plain: Node's own relative.
    ["src/./funcs", "src/models/../lib/sdks.ts", "../lib/sdks.js"],
  ])("from %s to %s: %s", (dir, file, want) => {
    expect(importPath(dir, file)).toBe(want);
  });

  it("is what posix.relative makes of any two plain paths", () => {
    const segment = fc.constantFrom("src", "models", "components", "a", "b", "x.ts", "m");
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));
    fc.assert(
      fc.property(path, path, (dir, file) => {
        const rel = posix.relative(dir, file).replace(/\.ts$/, ".js");
        expect(importPath(dir, file)).toBe(rel.startsWith(".") ? rel : `./${rel}`);
      }),
      { numRuns: 2000 },
    );
  });
});
