// Defaults read as their fields' types (generator/ir/defaults.ts): given/want.
import { describe, expect, it } from "vitest";
import { typedDefault } from "../../generator/ir/defaults.js";
import type { Model, TypeRef } from "../../generator/ir/types.js";
import { apiOf, model, schemasApi } from "../helpers/doc.js";

const prim = (type: "string" | "integer" | "number" | "boolean" | "unknown", nullable = false): TypeRef => ({ kind: "primitive", type, ...(nullable ? { nullable } : {}) });
const models = new Map<string, Model>([
  [
    "Level",
    {
      kind: "enum",
      name: "Level",
      place: "components",
      type: "integer",
      members: [
        { name: "One", value: 1 },
        { name: "Two", value: 2 },
      ],
      deprecated: false,
      source: "#",
    } as Model,
  ],
  ["Flag", { kind: "alias", name: "Flag", place: "components", type: prim("boolean"), deprecated: false, source: "#" } as Model],
]);

describe("a default as its field's type reads it", () => {
  it.each([
    ["a boolean", true, prim("boolean"), true],
    ["a boolean written as a string (BeezUP's)", "false", prim("boolean"), false],
    ["a boolean in capitals", " True ", prim("boolean"), true],
    ["a boolean that is no boolean: left out", "no", prim("boolean"), undefined],
    ["an integer", 3, prim("integer"), 3],
    ["an integer written as a string", "1", prim("integer"), 1],
    ["a fraction for an integer: left out", 1.5, prim("integer"), undefined],
    ["a number written as a string", "-2.5e3", prim("number"), -2500],
    ["text for a number: left out", "many", prim("number"), undefined],
    ["a string", "x", prim("string"), "x"],
    ["a number for a string: its text", 10, prim("string"), "10"],
    ["an object for a string: left out", { a: 1 }, prim("string"), undefined],
    ["null for a nullable field", null, prim("string", true), null],
    ["null for a field that is not nullable: left out", null, prim("string"), undefined],
    ["an enum's value", 2, { kind: "ref", model: "Level" }, 2],
    ["an enum's value written as a string", "1", { kind: "ref", model: "Level" }, 1],
    ["no value of the enum: left out", 3, { kind: "ref", model: "Level" }, undefined],
    ["an alias reads as what it names", "true", { kind: "ref", model: "Flag" }, true],
    ["a literal", "a", { kind: "literal", value: "a" }, "a"],
    ["an object default stays as written", { a: 1 }, { kind: "map", values: prim("integer") }, { a: 1 }],
    ["unknown stays as written", "anything", prim("unknown"), "anything"],
    ["a date-time", "2024-01-02T03:04:05Z", { kind: "primitive", type: "string", format: "date-time" }, "2024-01-02T03:04:05Z"],
    ["a date-time default that is no date (a Python repr): left out", "<function datetime.now at 0x7f57>", { kind: "primitive", type: "string", format: "date-time" }, undefined],
    ["a date", "2024-01-02", { kind: "primitive", type: "string", format: "date" }, "2024-01-02"],
  ] as [string, unknown, TypeRef, unknown][])("%s", (_name, value, type, want) => {
    expect(typedDefault(value, type, models)).toEqual(want);
  });

  it("the IR's fields and parameters carry typed defaults", () => {
    const api = schemasApi({
      Prop: {
        type: "object",
        properties: { readOnly: { type: "boolean", default: "false" }, max: { type: "integer", default: "1" }, odd: { type: "integer", default: "lots" } },
      },
    });
    const fields = Object.fromEntries((model(api, "Prop") as { fields: { wireName: string; default?: unknown }[] }).fields.map((f) => [f.wireName, f.default]));
    expect(fields).toEqual({ readOnly: false, max: 1, odd: undefined });
  });
});

describe("a default left out is a warning where the spec wrote it", () => {
  const warnings = (api: { warnings: { severity: string; pointer: string; message: string; hint?: string }[] }) =>
    api.warnings.filter((w) => w.message.includes("the default")).map((w) => ({ severity: w.severity, pointer: w.pointer, message: w.message, hint: w.hint }));

  it("fields: on the property, or on the schema its $ref names; one read as its type is no warning", () => {
    const api = schemasApi({
      Status: { type: "string", enum: ["draft", "published"] },
      Stamp: { type: "string", format: "date-time", default: "<function datetime.now at 0x7f>" },
      Thing: {
        type: "object",
        properties: {
          kept: { type: "boolean", default: "false" },
          state: { allOf: [{ $ref: "#/components/schemas/Status" }], default: "archived" },
          max: { type: "integer", default: "inf" },
          at: { $ref: "#/components/schemas/Stamp" },
        },
      },
    });
    expect(warnings(api)).toEqual([
      {
        severity: "warning",
        pointer: "#/components/schemas/Thing/properties/state/default",
        message: 'the default "archived" is not one of "draft", "published": the SDKs leave it out',
        hint: 'write the default as one of "draft", "published", or remove it',
      },
      {
        severity: "warning",
        pointer: "#/components/schemas/Thing/properties/max/default",
        message: 'the default "inf" is not an integer: the SDKs leave it out',
        hint: "write the default as an integer, or remove it",
      },
      {
        severity: "warning",
        pointer: "#/components/schemas/Stamp/default",
        message: 'the default "<function datetime.now at 0x7f>" is not a date-time string: the SDKs leave it out',
        hint: "write the default as a date-time string, or remove it",
      },
    ]);
  });

  it("a shared parameter's default: one warning, though every operation has the parameter", () => {
    const limit = { name: "limit", in: "query", schema: { type: "integer", default: null } };
    const op = (id: string) => ({ get: { operationId: id, parameters: [{ $ref: "#/components/parameters/Limit" }], responses: { "200": { description: "ok" } } } });
    const api = apiOf({ paths: { "/a": op("listA"), "/b": op("listB") }, components: { parameters: { Limit: limit } } });
    expect(warnings(api)).toEqual([
      {
        severity: "warning",
        pointer: "#/components/parameters/Limit/schema/default",
        message: "the default null is not an integer: the SDKs leave it out",
        hint: "write the default as an integer, or remove it",
      },
    ]);
  });
});
