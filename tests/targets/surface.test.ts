// The SDK surface each target records for the lock and `diff` (generator/targets/*/surface.ts), from
// the same plan the code comes from: symbols as users write them, in each language's types.
import { describe, expect, it } from "vitest";
import { python } from "../../generator/targets/python/target.js";
import { typescript } from "../../generator/targets/typescript/target.js";
import { apiOf } from "../helpers/doc.js";

const api = apiOf({
  components: {
    schemas: {
      User: { type: "object", required: ["user_id"], properties: { user_id: { type: "integer" }, nick_name: { type: ["string", "null"] }, role: { type: "string", enum: ["admin", "member"] } } },
      Oops: { type: "object", properties: { message: { type: "string" } } },
    },
  },
  paths: {
    "/users/{user_id}": {
      get: {
        operationId: "getUser",
        tags: ["users"],
        parameters: [{ name: "user_id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } },
          "404": { description: "no", content: { "application/json": { schema: { $ref: "#/components/schemas/Oops" } } } },
        },
      },
    },
  },
});
const opts = { packageName: "acme", sdkClass: "Acme", version: "1.0.0" };

describe("SDK surfaces", () => {
  it.each([
    ["typescript", typescript, "acme.users.getUser", "User", "userId:number! nickName:string|null? role:UserRole?"],
    ["python", python, "acme.users.get_user", "User", "user_id:int! nick_name:str|null? role:UserRole?"],
  ] as const)("%s: methods and models under the names users write", (_name, target, method, modelName, fields) => {
    const s = (target as typeof typescript).surface((target as typeof typescript).plan(api, opts));
    expect(Object.keys(s.methods)).toEqual([method]);
    expect(s.methods[method].errors).toEqual(["Oops"]);
    const m = s.models[modelName];
    expect(m.fields!.map((f) => `${f.name}:${f.type}${f.nullable ? "|null" : ""}${f.required ? "!" : "?"}`).join(" ")).toBe(fields);
    expect([m.sends, m.receives]).toEqual([false, true]);
  });

  it.each([
    ["typescript", typescript],
    ["python", python],
  ] as const)("%s: baseErrorName's export is a symbol of its own (adding it is an `added` change)", (_name, target) => {
    const t = target as typeof typescript;
    const s = t.surface(t.plan(api, { ...opts, baseErrorName: "AcmeBaseError" }));
    expect(s.models.AcmeBaseError).toMatchObject({ kind: "alias", type: "APIError", receives: true, sends: false });
    expect(t.surface(t.plan(api, opts)).models.AcmeBaseError).toBeUndefined();
  });
});
