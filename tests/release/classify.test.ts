/**
 * Given a change to a spec, want the changes each SDK reports: `section kind symbol` per change,
 * in the target's own names, and the semver bump. The same spec change can break one SDK and not
 * the other (an integer that becomes a number is the same TypeScript type but another Python one).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { python } from "../../generator/targets/python/target.js";
import { typescript } from "../../generator/targets/typescript/target.js";
import { loadApi } from "../../generator/api.js";
import { bumpOf, diffSurfaces, sameJson, type Bump } from "../../generator/release/classify.js";
import type { Surface } from "../../generator/release/surface.js";
import { baseSpec, type Obj } from "./base-spec.js";

interface Case {
  name: string;
  change: (spec: Obj) => void;
  typescript: string[];
  python: string[];
  /** One bump for both targets, or one each. */
  bump: Bump | { typescript: Bump; python: Bump };
}

const schemas = (s: Obj) => s.components.schemas;
const json = (schema: unknown) => ({ "application/json": { schema } });
const userMethods = (section: string, ts: boolean) => (ts ? ["createUser", "getUser", "listUsers"] : ["create_user", "get_user", "list_users"]).map((m) => `${section} changed shop.users.${m}`);

const CASES: Case[] = [
  { name: "nothing changes", change: () => {}, typescript: [], python: [], bump: "none" },
  { name: "an x-extension the SDK ignores is added", change: (s) => (s.paths["/users"].get["x-internal"] = true), typescript: [], python: [], bump: "none" },
  {
    name: "an operation's summary changes",
    change: (s) => (s.paths["/users/{id}"].get.summary = "Fetch a user"),
    typescript: ["docs changed shop.users.getUser"],
    python: ["docs changed shop.users.get_user"],
    bump: "patch",
  },
  {
    name: "a response field's description changes",
    change: (s) => (schemas(s).User.properties.email.description = "Where we send mail."),
    typescript: ["docs changed User.email"],
    python: ["docs changed User.email"],
    bump: "patch",
  },
  {
    name: "a request field gets an example (Python shows it on the argument too)",
    change: (s) => (schemas(s).NewUser.properties.name.example = "Ada"),
    typescript: ["docs changed NewUser.name"],
    python: ["docs changed NewUser.name", "docs changed shop.users.create_user"],
    bump: "patch",
  },
  {
    name: "the API's description changes",
    change: (s) => (s.info.description = "The shop's API."),
    typescript: ["docs changed API description"],
    python: ["docs changed API description"],
    bump: "patch",
  },
  { name: "the API's version changes", change: (s) => (s.info.version = "1.1"), typescript: ["changed changed API version"], python: ["changed changed API version"], bump: "patch" },
  {
    name: "an operation is added, with a new model",
    change: (s) => {
      s.paths["/users/{id}/sessions"] = {
        get: {
          operationId: "listSessions",
          tags: ["users"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: json({ type: "array", items: { $ref: "#/components/schemas/Session" } }) } },
        },
      };
      schemas(s).Session = { type: "object", properties: { id: { type: "string" } } };
    },
    typescript: ["added added shop.users.listSessions", "added added Session", "added added ListSessionsRequest"],
    python: ["added added shop.users.list_sessions", "added added Session", "added added ListSessionsRequest"],
    bump: "minor",
  },
  {
    name: "an operation is removed",
    change: (s) => delete s.paths["/users/{id}"].delete,
    typescript: ["breaking removed shop.users.deleteUser", "breaking removed DeleteUserRequest"],
    python: ["breaking removed shop.users.delete_user", "breaking removed DeleteUserRequest"],
    bump: "major",
  },
  {
    name: "a method is renamed",
    change: (s) => (s.paths["/users/{id}"].get["x-speakeasy-name-override"] = "fetch"),
    typescript: ["breaking removed shop.users.getUser", "added added shop.users.fetch"],
    python: ["breaking removed shop.users.get_user", "added added shop.users.fetch"],
    bump: "major",
  },
  {
    name: "a model is renamed",
    change: (s) => {
      schemas(s).Purchase = schemas(s).Order;
      delete schemas(s).Order;
      s.paths["/orders/{id}"].get.responses["200"].content = json({ $ref: "#/components/schemas/Purchase" });
    },
    typescript: ["breaking removed Order", "added added Purchase", "breaking changed shop.orders.getOrder"],
    python: ["breaking removed Order", "added added Purchase", "breaking changed shop.orders.get_order"],
    bump: "major",
  },
  {
    name: "a request field is removed",
    change: (s) => delete schemas(s).NewUser.properties.email,
    typescript: ["breaking removed NewUser.email", "breaking changed shop.users.createUser"],
    python: ["breaking removed NewUser.email", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "an optional request field is added",
    change: (s) => (schemas(s).NewUser.properties.phone = { type: "string" }),
    typescript: ["added added NewUser.phone", "added changed shop.users.createUser"],
    python: ["added added NewUser.phone", "added changed shop.users.create_user"],
    bump: "minor",
  },
  {
    name: "a required request field is added",
    change: (s) => {
      schemas(s).NewUser.properties.phone = { type: "string" };
      schemas(s).NewUser.required.push("phone");
    },
    typescript: ["breaking added NewUser.phone", "breaking changed shop.users.createUser"],
    python: ["breaking added NewUser.phone", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "a request field becomes required",
    change: (s) => schemas(s).NewUser.required.push("email"),
    typescript: ["breaking changed NewUser.email", "breaking changed shop.users.createUser"],
    python: ["breaking changed NewUser.email", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "a required request field becomes optional",
    change: (s) => (schemas(s).NewUser.required = []),
    typescript: ["changed changed NewUser.name", "changed changed shop.users.createUser"],
    python: ["changed changed NewUser.name", "changed changed shop.users.create_user"],
    bump: "patch",
  },
  {
    name: "a request field's type narrows",
    change: (s) => (schemas(s).NewUser.properties.nickname = { type: "string" }),
    typescript: ["breaking changed NewUser.nickname", "breaking changed shop.users.createUser"],
    python: ["breaking changed NewUser.nickname", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "a request field's type widens",
    change: (s) => (schemas(s).NewUser.properties.name = { oneOf: [{ type: "string" }, { type: "integer" }] }),
    typescript: ["changed changed NewUser.name", "changed changed shop.users.createUser"],
    python: ["changed changed NewUser.name", "changed changed shop.users.create_user"],
    bump: "patch",
  },
  {
    name: "a query parameter's integer becomes a number (one TypeScript type; Python's int widens to float)",
    change: (s) => (s.paths["/users"].get.parameters[0].schema = { type: "number" }),
    typescript: [],
    python: ["changed changed ListUsersRequest.limit", "changed changed shop.users.list_users"],
    bump: { typescript: "none", python: "patch" },
  },
  {
    name: "a response field's integer becomes a number (Python callers may now get floats)",
    change: (s) => (schemas(s).Order.properties.amount = { type: "number" }),
    typescript: [],
    python: ["breaking changed Order.amount", "breaking changed shop.orders.get_order"],
    bump: { typescript: "none", python: "major" },
  },
  {
    name: "a response field is removed",
    change: (s) => delete schemas(s).User.properties.email,
    typescript: ["breaking removed User.email", ...userMethods("breaking", true)],
    python: ["breaking removed User.email", ...userMethods("breaking", false)],
    bump: "major",
  },
  {
    name: "a required response field becomes optional",
    change: (s) => (schemas(s).User.required = ["id"]),
    typescript: ["breaking changed User.name", ...userMethods("breaking", true)],
    python: ["breaking changed User.name", ...userMethods("breaking", false)],
    bump: "major",
  },
  {
    name: "a response field becomes nullable",
    change: (s) => (schemas(s).Order.properties.amount = { type: ["integer", "null"] }),
    typescript: ["breaking changed Order.amount", "breaking changed shop.orders.getOrder"],
    python: ["breaking changed Order.amount", "breaking changed shop.orders.get_order"],
    bump: "major",
  },
  {
    // TypeScript's argument accepts null too: nothing breaks. Python takes a body it may send as null
    // as `request=` rather than flattened keyword arguments: callers break, and diff says so.
    name: "a request body becomes nullable",
    change: (s) => (s.paths["/users"].post.requestBody.content["application/json"].schema = { anyOf: [{ $ref: "#/components/schemas/NewUser" }, { type: "null" }] }),
    typescript: ["changed changed shop.users.createUser"],
    python: ["breaking changed shop.users.create_user"],
    bump: { typescript: "patch", python: "major" },
  },
  {
    name: "a response field stops being nullable",
    change: (s) => (schemas(s).Order.properties.note = { type: "string" }),
    typescript: ["changed changed Order.note", "changed changed shop.orders.getOrder"],
    python: ["changed changed Order.note", "changed changed shop.orders.get_order"],
    bump: "patch",
  },
  {
    name: "an optional response field becomes required",
    change: (s) => schemas(s).User.required.push("email"),
    typescript: ["changed changed User.email", ...userMethods("changed", true)],
    python: ["changed changed User.email", ...userMethods("changed", false)],
    bump: "patch",
  },
  {
    name: "a response field is added",
    change: (s) => (schemas(s).User.properties.phone = { type: "string" }),
    typescript: ["added added User.phone", ...userMethods("added", true)],
    python: ["added added User.phone", ...userMethods("added", false)],
    bump: "minor",
  },
  {
    name: "a response field's type widens",
    change: (s) => (schemas(s).User.properties.id = { oneOf: [{ type: "string" }, { type: "integer" }] }),
    typescript: ["breaking changed User.id", ...userMethods("breaking", true)],
    python: ["breaking changed User.id", ...userMethods("breaking", false)],
    bump: "major",
  },
  {
    name: "a response field's type narrows",
    change: (s) => (schemas(s).User.properties.tag = { type: "string" }),
    typescript: ["changed changed User.tag", ...userMethods("changed", true)],
    python: ["changed changed User.tag", ...userMethods("changed", false)],
    bump: "patch",
  },
  {
    name: "a value is removed from a sent enum",
    change: (s) => (schemas(s).Role.enum = ["admin"]),
    typescript: ["breaking removed Role.Member", "breaking changed shop.users.createUser"],
    python: ["breaking removed Role.MEMBER", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "a value is added to a sent enum",
    change: (s) => schemas(s).Role.enum.push("owner"),
    typescript: ["added added Role.Owner", "added changed shop.users.createUser"],
    python: ["added added Role.OWNER", "added changed shop.users.create_user"],
    bump: "minor",
  },
  {
    name: "a value is added to a received closed enum",
    change: (s) => schemas(s).OrderStatus.enum.push("refunded"),
    typescript: ["breaking added OrderStatus.Refunded", "breaking changed shop.orders.getOrder"],
    python: ["breaking added OrderStatus.REFUNDED", "breaking changed shop.orders.get_order"],
    bump: "major",
  },
  {
    name: "a value is added to a received open enum (TypeScript's enums are closed unions; Python keeps unknown values)",
    change: (s) => schemas(s).UserStatus.enum.push("pending"),
    typescript: ["breaking added UserStatus.Pending", ...userMethods("breaking", true)],
    python: ["added added UserStatus.PENDING", ...userMethods("added", false)],
    bump: { typescript: "major", python: "minor" },
  },
  {
    name: "a sent enum's value is renamed",
    change: (s) => (schemas(s).Role.enum = ["administrator", "member"]),
    typescript: ["breaking removed Role.Admin", "added added Role.Administrator", "breaking changed shop.users.createUser"],
    python: ["breaking removed Role.ADMIN", "added added Role.ADMINISTRATOR", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    // Python writes a string alias as `str` where it is used, so the field's annotation changes too.
    name: "a model changes kind (an enum becomes a plain string)",
    change: (s) => (schemas(s).Role = { type: "string" }),
    typescript: ["breaking changed Role", "breaking changed shop.users.createUser"],
    python: ["breaking changed Role", "breaking changed NewUser.role", "breaking changed shop.users.create_user"],
    bump: "major",
  },
  {
    name: "a query parameter becomes required",
    change: (s) => (s.paths["/users"].get.parameters[0].required = true),
    typescript: ["breaking changed ListUsersRequest.limit", "breaking changed shop.users.listUsers"],
    python: ["breaking changed ListUsersRequest.limit", "breaking changed shop.users.list_users"],
    bump: "major",
  },
  {
    name: "an optional query parameter is added",
    change: (s) => s.paths["/users"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
    typescript: ["added added ListUsersRequest.q", "added changed shop.users.listUsers"],
    python: ["added added ListUsersRequest.q", "added changed shop.users.list_users"],
    bump: "minor",
  },
  {
    name: "a required query parameter is added",
    change: (s) => s.paths["/users"].get.parameters.push({ name: "q", in: "query", required: true, schema: { type: "string" } }),
    typescript: ["breaking added ListUsersRequest.q", "breaking changed shop.users.listUsers"],
    python: ["breaking added ListUsersRequest.q", "breaking changed shop.users.list_users"],
    bump: "major",
  },
  {
    name: "a query parameter is removed",
    change: (s) => s.paths["/users"].get.parameters.shift(),
    typescript: ["breaking removed ListUsersRequest.limit", "breaking changed shop.users.listUsers"],
    python: ["breaking removed ListUsersRequest.limit", "breaking changed shop.users.list_users"],
    bump: "major",
  },
  {
    name: "a parameter's wire name changes but not its SDK name",
    change: (s) => (s.paths["/users"].get.parameters[1].name = "pageSize"),
    typescript: ["changed changed ListUsersRequest.pageSize", "changed changed shop.users.listUsers"],
    python: ["changed changed ListUsersRequest.page_size", "changed changed shop.users.list_users"],
    bump: "patch",
  },
  {
    name: "an operation's path changes",
    change: (s) => {
      s.paths["/purchases/{id}"] = s.paths["/orders/{id}"];
      delete s.paths["/orders/{id}"];
    },
    typescript: ["changed changed shop.orders.getOrder"],
    python: ["changed changed shop.orders.get_order"],
    bump: "patch",
  },
  {
    name: "an operation is deprecated",
    change: (s) => (s.paths["/users/{id}"].delete.deprecated = true),
    typescript: ["changed changed shop.users.deleteUser"],
    python: ["changed changed shop.users.delete_user"],
    bump: "patch",
  },
  {
    name: "a model is deprecated",
    change: (s) => (schemas(s).Order.deprecated = true),
    typescript: ["changed changed Order", "changed changed shop.orders.getOrder"],
    python: ["changed changed Order", "changed changed shop.orders.get_order"],
    bump: "patch",
  },
  { name: "the server URL changes", change: (s) => (s.servers = [{ url: "https://api.shop.test/v2" }]), typescript: ["changed changed servers"], python: ["changed changed servers"], bump: "patch" },
  {
    name: "a security scheme is added",
    change: (s) => (s.components.securitySchemes.api_key = { type: "apiKey", in: "header", name: "X-Key" }),
    typescript: ["added added security option apiKey"],
    python: ["added added security option api_key"],
    bump: "minor",
  },
  {
    name: "a security scheme is replaced",
    change: (s) => {
      s.components.securitySchemes = { token: { type: "http", scheme: "bearer" } };
      s.security = [{ token: [] }];
    },
    typescript: ["breaking removed security option bearer", "added added security option token"],
    python: ["breaking removed security option bearer", "added added security option token"],
    bump: "major",
  },
  {
    name: "the retry policy changes",
    change: (s) => (s["x-speakeasy-retries"].backoff.maxElapsedTime = 60000),
    typescript: ["changed changed retries"],
    python: ["changed changed retries"],
    bump: "patch",
  },
  {
    name: "an error response with a new model is added",
    change: (s) => {
      s.paths["/orders/{id}"].get.responses["404"] = { description: "Not found", content: json({ $ref: "#/components/schemas/NotFound" }) };
      schemas(s).NotFound = { type: "object", properties: { message: { type: "string" }, orderId: { type: "string" } } };
    },
    typescript: ["added added NotFound", "changed changed shop.orders.getOrder"],
    python: ["added added NotFound", "changed changed shop.orders.get_order"],
    bump: "minor",
  },
  {
    name: "a 21st parameter makes the Python method take one request argument",
    change: (s) => {
      for (let i = 1; i <= 18; i++) s.paths["/users"].get.parameters.push({ name: `p${i}`, in: "query", schema: { type: "string" } });
    },
    typescript: [...Array.from({ length: 18 }, (_, i) => `added added ListUsersRequest.p${i + 1}`), "added changed shop.users.listUsers"],
    python: [...Array.from({ length: 18 }, (_, i) => `added added ListUsersRequest.p${i + 1}`), "breaking changed shop.users.list_users"],
    bump: { typescript: "minor", python: "major" },
  },
];

const dir = mkdtempSync(join(tmpdir(), "specsmith-classify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = { packageName: "shop", sdkClass: "Shop", version: "1.0.0" };

function surfaces(spec: Obj, name: string): Record<"typescript" | "python", Surface> {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(spec));
  const { api } = loadApi(path);
  return { typescript: typescript.surface(typescript.plan(api, opts)), python: python.surface(python.plan(api, opts)) };
}

const base = surfaces(baseSpec(), "base");

describe("spec change → SDK changes, per target", () => {
  it("has at least 40 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  CASES.forEach((c, i) => {
    const spec = baseSpec();
    c.change(spec);
    for (const target of ["typescript", "python"] as const) {
      it(`${target}: ${c.name}`, () => {
        const changes = diffSurfaces(base[target], surfaces(spec, `case${i}`)[target], { typescript, python }[target].typeRules);
        expect(changes.map((x) => `${x.section} ${x.kind} ${x.symbol}`).sort()).toEqual([...c[target]].sort());
        expect(bumpOf(changes)).toBe(typeof c.bump === "string" ? c.bump : c.bump[target]);
        // Every breaking change is listed as breaking, and nothing else is.
        for (const x of changes) expect(x.breaking).toBe(x.section === "breaking");
      });
    }
  });
});

describe("positional signatures", () => {
  // Both SDKs take keyword or object arguments today, so no spec change reorders a signature; the rule
  // is there for a target whose methods take arguments by position.
  it("a reordered positional signature is breaking; the same reorder of keyword arguments is not", () => {
    const method = (args: string[], positional: boolean) => ({
      operationId: "op",
      http: "GET /x",
      args: args.map((name) => ({ name, type: "str" })),
      ...(positional ? { positional: true as const } : {}),
      returns: "None",
      errors: [],
      sends: [],
      receives: [],
      link: "docs/x.md#op",
    });
    const surface = (args: string[], positional: boolean): Surface => ({ ...base.python, methods: { "shop.x.op": method(args, positional) } });
    const reorder = (positional: boolean) => diffSurfaces(surface(["a", "b"], positional), surface(["b", "a"], positional), python.typeRules);
    expect(reorder(true).map((c) => [c.section, c.detail])).toEqual([["breaking", "arguments reordered"]]);
    expect(reorder(false)).toEqual([]);
  });
});

// diffSurfaces passes by an entity whose surface prints as it did (sameJson) before comparing it.
describe("sameJson", () => {
  it.each([
    ["the same primitives", 1, 1, true],
    ["another primitive", "a", "b", false],
    ["keys in another order", { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ["a key whose value is undefined, against none (as the lock reads it)", { a: 1, deprecated: undefined }, { a: 1 }, true],
    ["a key only one has", { a: 1 }, { a: 1, b: 2 }, false],
    ["null against absent", { a: null }, {}, false],
    ["an array against an object with its indexes", [1], { 0: 1 }, false],
    ["arrays of another length", [1, 2], [1], false],
    ["a nested difference", { f: [{ name: "x", type: "string" }] }, { f: [{ name: "x", type: "number" }] }, false],
  ])("%s", (_what, a, b, want) => {
    expect(sameJson(a, b)).toBe(want);
    expect(sameJson(b, a)).toBe(want);
  });
});
