// Given/want tables for Speakeasy's names of inline schemas (generator/targets/shared/aliases.ts): the
// candidates a place in the document gives, and the names a whole spec's inline schemas end up with.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadApi } from "../../../generator/api.js";
import type { Api } from "../../../generator/ir/types.js";
import { aliasRecord, inlineAliases, pathCandidates, speakeasyName } from "../../../generator/targets/shared/aliases.js";
import { apiOf } from "../../helpers/doc.js";
import { SHARED } from "../../helpers/paths.js";

describe("pathCandidates: shortest first, then ever more context", () => {
  it.each([
    [
      "a component's nested property",
      ["CommissionCreatedEvent"],
      [{ prop: "data" }, { prop: "customer" }],
      false,
      undefined,
      ["Customer", "CommissionCreatedEventCustomer", "CommissionCreatedEventDataCustomer"],
    ],
    ["in an operation's response body", ["ListEvents", "ResponseBody"], [{ prop: "click" }], false, undefined, ["Click", "ResponseBodyClick", "ListEventsResponseBodyClick"]],
    ["an operation's body itself", ["CreateLink", "RequestBody"], [], false, undefined, ["RequestBody", "CreateLinkRequestBody"]],
    ["a union's members: number words, then the union's name and number", ["LinkWebhookEvent"], [{ prop: "event" }, { member: 1 }], false, undefined, ["Two", "Event2", "LinkWebhookEventEvent2"]],
    ["2025: an array's items in the singular", ["Policy"], [{ prop: "rules", items: true }], true, undefined, ["Rule", "PolicyRule"]],
    ["before 2025: as the property says", ["Link"], [{ prop: "testVariants", items: true }], false, undefined, ["TestVariants", "LinkTestVariants"]],
    [
      "a property of a union's member: the union's property first, then the ancestors, the member's number last",
      ["PartnerEnrolledEvent"],
      [{ prop: "data" }, { prop: "referralFormData" }, { prop: "fields", items: true }, { member: 4 }, { prop: "type" }],
      false,
      undefined,
      [
        "Type",
        "FieldsType",
        "PartnerEnrolledEventFieldsType",
        "PartnerEnrolledEventFieldsDataType",
        "PartnerEnrolledEventFieldsDataReferralFormDataType",
        "PartnerEnrolledEventFieldsDataReferralFormData5Type",
      ],
    ],
    [
      "deeper in an operation's body: the operationId alone first",
      ["BulkUpdateLinks", "RequestBody"],
      [{ prop: "data" }, { prop: "testVariants", items: true }],
      false,
      undefined,
      ["TestVariants", "BulkUpdateLinksTestVariants", "RequestBodyTestVariants", "BulkUpdateLinksRequestBodyTestVariants", "BulkUpdateLinksRequestBodyDataTestVariants"],
    ],
    [
      "2025: a member with a const value is named by it",
      ["ChatToolChoice"],
      [{ member: 0 }],
      true,
      "auto",
      ["ChatToolChoiceAuto", "ChatToolChoiceAuto1", "ChatToolChoiceAuto2", "ChatToolChoiceAuto3", "ChatToolChoiceAuto4", "ChatToolChoiceAuto5"],
    ],
    [
      "2025: a member of a property, after the property first, then its whole context (OpenRouter's ModeAuto, EasyInputMessageRoleUser)",
      ["EasyInputMessage"],
      [{ prop: "role" }, { member: 0 }],
      true,
      "user",
      ["RoleUser", "EasyInputMessageRoleUser", "EasyInputMessageRoleUser1", "EasyInputMessageRoleUser2", "EasyInputMessageRoleUser3", "EasyInputMessageRoleUser4", "EasyInputMessageRoleUser5"],
    ],
  ] as const)("%s", (_name, root, segments, feb2025, value, want) => {
    expect(pathCandidates([...root], [...segments], feb2025, value)).toEqual(want);
  });
});

describe("pathCandidates, 2025: values and enum members", () => {
  it("a value's initialisms in capitals (OpenRouter's PDFParserEnginePDFText, OutputWebSearchServerToolItemTypeURL)", () => {
    expect(pathCandidates(["PDFParserEngine"], [{ member: 1 }], true, "pdf-text")[0]).toBe("PDFParserEnginePDFText");
    expect(pathCandidates(["OutputWebSearchServerToolItem"], [{ prop: "type" }], true, "url")).toContain("OutputWebSearchServerToolItemTypeURL");
  });

  it("a union member that is an enum of several values is the union's Enum, before its number", () => {
    expect(pathCandidates(["PDFParserEngine"], [{ member: 0 }], true, undefined, true).slice(0, 3)).toEqual(["PDFParserEngineEnum", "One", "PDFParserEngine1"]);
    expect(pathCandidates(["PDFParserEngine"], [{ member: 0 }], false, undefined, true).slice(0, 2)).toEqual(["One", "PDFParserEngine1"]);
  });
});

describe("speakeasyName: a spec key as Speakeasy names its class", () => {
  it.each([
    ["AABenchmarkEntry", "AABenchmarkEntry"],
    ["user", "User"],
    ["BYOKKey", "BYOKKey"],
    ["my-schema", "MySchema"],
  ])("%s → %s", (key, want) => expect(speakeasyName(key)).toBe(want));
});

describe("inlineAliases over a document", () => {
  const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  const api = apiOf({
    components: {
      schemas: {
        AABenchmarkEntry: obj({ id: { type: "string" } }),
        Event: obj({ data: obj({ customer: obj({ id: { type: "string" } }) }) }),
        Other: obj({ data: obj({ customer: obj({ name: { type: "string" } }) }) }),
      },
      responses: { Conflict: { description: "conflict", ...json(obj({ error: obj({ code: { type: "string", enum: ["conflict"] } }) })) } },
    },
    paths: {
      "/events": {
        get: {
          operationId: "listEvents",
          responses: { "200": { description: "ok", ...json(obj({ click: obj({ id: { type: "string" } }) })) }, "409": { $ref: "#/components/responses/Conflict" } },
        },
      },
    },
  });
  const names = (perNamespace: boolean) => inlineAliases(api, () => false, { perNamespace }).map((a) => `${a.namespace}.${a.name}=${a.model}`);

  it("TypeScript (names unique per namespace, case-sensitive): the key's casing, nested names, an error's nested schemas in errors", () => {
    expect(names(true)).toEqual([
      "components.AABenchmarkEntry=AaBenchmarkEntry",
      "components.Data=EventData",
      "components.Customer=EventDataCustomer",
      // Then in the order the operations reach the schemas, those no operation reaches last: Other's
      // data is OtherData already (`Data` is taken), its customer OtherCustomer.
      "operations.ResponseBody=ListEventsResponse",
      "operations.Click=ListEventsClick",
      // A shared error response's nested schemas, in errors (`Error` is free in that namespace).
      "errors.Error=ConflictError",
      "errors.Code=ConflictErrorCode",
      "components.OtherCustomer=OtherDataCustomer",
    ]);
  });

  it("Python (one namespace): no casing aliases; names unique across all", () => {
    expect(names(false).filter((n) => n.includes("AABenchmark"))).toEqual([]);
    expect(new Set(names(false).map((n) => n.split("=")[0].split(".")[1].toLowerCase())).size).toBe(names(false).length);
  });
});

describe("inlineAliases with nameResolutionFeb2025: a name two schemas want goes to neither", () => {
  const member = (value: string) => ({ type: "string", enum: [value] });
  const roles = { anyOf: [member("user"), member("system")] };
  const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
  const api = apiOf({
    components: {
      schemas: {
        EasyInputMessage: obj({ role: roles }),
        InputMessageItem: obj({ role: roles }),
        ToolChoiceAllowed: obj({ mode: { anyOf: [member("auto"), member("required")] } }),
      },
    },
    paths: {},
  });
  const names = (feb2025: boolean) => inlineAliases(api, () => false, { perNamespace: true, feb2025 }).map((a) => a.name);

  it("2025: RoleUser is wanted twice, so each takes its whole context; ModeAuto once, so it is its own", () => {
    expect(names(true)).toEqual(
      expect.arrayContaining(["EasyInputMessageRoleUser", "InputMessageItemRoleUser", "EasyInputMessageRoleSystem", "InputMessageItemRoleSystem", "ModeAuto", "ModeRequired"]),
    );
    expect(names(true)).not.toContain("RoleUser");
  });

  it("before 2025: the first to want a name takes it (the members are One, Two; the next union's Role1, Role2)", () => {
    expect(names(false)).toEqual(["One", "Two", "Role1", "Role2", "Mode1", "Mode2"]);
  });
});

describe("inlineAliases with nameResolutionFeb2025: what Speakeasy's 2025 names give an allOf copy and a response", () => {
  const status = {
    anyOf: [
      { type: "string", enum: ["completed"] },
      { type: "string", enum: ["failed"] },
    ],
  };
  const api = apiOf({
    components: {
      schemas: {
        OutputMessage: { type: "object", properties: { status } },
        OutputMessageItem: { allOf: [{ $ref: "#/components/schemas/OutputMessage" }, { type: "object", properties: {} }] },
      },
    },
    paths: {
      "/keys": {
        post: {
          operationId: "exchangeAuthCodeForAPIKey",
          responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { key: { type: "string" } } } } } } },
        },
        // A second operation wants `Response` too: neither takes it.
        get: {
          operationId: "listKeys",
          responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { keys: { type: "string" } } } } } } },
        },
      },
    },
  });
  const names = inlineAliases(api, () => false, { perNamespace: true, feb2025: true }).map((a) => `${a.namespace}.${a.name}`);

  it("a component that is another through allOf has the other's inline schemas under its own names too", () => {
    expect(names).toEqual(expect.arrayContaining(["components.OutputMessageStatusCompleted", "components.OutputMessageItemStatusCompleted"]));
  });

  it("an operation's one success body is <operationId>Response, in the operationId's casing", () => {
    // (ListKeysResponse is our own name already: no alias.)
    expect(names).toContain("operations.ExchangeAuthCodeForAPIKeyResponse");
    expect(names).not.toContain("operations.Response");
  });
});

describe("inlineAliases with the last generation's aliases (held: aliasRecord)", () => {
  const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
  const listing = (operationId: string) => ({
    operationId,
    parameters: [{ name: "status", in: "query", schema: { type: "string", enum: ["on", "off"] } }],
    responses: { "200": { description: "ok", content: { "application/json": { schema: obj({ id: { type: "string" } }) } } } },
  });
  const v1 = { paths: { "/b": { get: listing("listBees") } } };
  // An operation before it, whose status parameter and body want the same short names.
  const v2 = { paths: { "/a": { get: listing("listAnts") }, "/b": { get: listing("listBees") } } };
  const aliases = (api: Api, held?: Record<string, string>) => inlineAliases(api, () => false, { perNamespace: true, held }).map((a) => `${a.namespace}.${a.name}=${a.model}`);

  it("keeps each alias for the schema it named, in the order the rules reach it; the new schema takes the next name", () => {
    const before = apiOf(v1);
    const record = aliasRecord(
      before,
      inlineAliases(before, () => false, { perNamespace: true }),
    );
    expect(aliases(before)).toEqual(["operations.Status=ListBeesStatus", "operations.ResponseBody=ListBeesResponse"]);
    expect(aliases(apiOf(v2))).toEqual([
      "operations.Status=ListAntsStatus",
      "operations.QueryParamStatus=ListBeesStatus",
      "operations.ResponseBody=ListAntsResponse",
      "operations.ListBeesResponseBody=ListBeesResponse",
    ]);
    const after = apiOf(v2, "3.1.0", { ...before.names, aliases: record });
    expect(aliases(after, record)).toEqual([
      "operations.QueryParamStatus=ListAntsStatus",
      "operations.Status=ListBeesStatus",
      "operations.ListAntsResponseBody=ListAntsResponse",
      "operations.ResponseBody=ListBeesResponse",
    ]);
  });

  it("an alias whose schema is gone, or whose name the target now takes, is not kept", () => {
    const before = apiOf(v1);
    const record = aliasRecord(
      before,
      inlineAliases(before, () => false, { perNamespace: true }),
    );
    const gone = apiOf({ paths: { "/a": { get: listing("listAnts") } } }, "3.1.0", before.names);
    expect(aliases(gone, record)).toEqual(["operations.Status=ListAntsStatus", "operations.ResponseBody=ListAntsResponse"]);
    const same = apiOf(v1, "3.1.0", before.names);
    expect(inlineAliases(same, (name) => name === "Status", { perNamespace: true, held: record }).map((a) => a.name)).toEqual(["QueryParamStatus", "ResponseBody"]);
  });

  it.each(["clerk-bapi.yaml", "real-world/stripe.json"])("%s: its own record gives every alias again, in the same order", (spec) => {
    const path = join(SHARED, "specs", spec);
    const fresh = loadApi(path).api;
    for (const opts of [{ perNamespace: true }, { perNamespace: false }, { perNamespace: true, feb2025: true }]) {
      const first = inlineAliases(fresh, () => false, opts);
      const again = loadApi(path, [], undefined, fresh.names).api;
      expect(inlineAliases(again, () => false, { ...opts, held: aliasRecord(fresh, first) })).toEqual(first);
    }
  });
});
