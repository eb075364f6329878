// Schema Objects → models and type references (generator/ir/schema.ts), as given/want tables.
import { describe, expect, it } from "vitest";
import { model, schemasApi, showModel } from "../helpers/doc.js";

type Case = [name: string, schemas: Record<string, unknown>, want: Record<string, string>, openapi?: string];

const CASES: Case[] = [
  [
    "an object: required, optional, nullable (3.1 type list), camelCase names for snake_case wire names",
    { Pet: { type: "object", required: ["pet_id"], properties: { pet_id: { type: "integer", format: "int64" }, name: { type: ["string", "null"] } } } },
    { Pet: "object { petId(pet_id): int64 integer; name?: string? }" },
  ],
  [
    "x-speakeasy-name-override on a property renames the field, not the wire name (Mistral's input → inputs)",
    { Req: { type: "object", properties: { input: { type: "string", "x-speakeasy-name-override": "inputs" }, bytes: { type: "integer", "x-speakeasy-name-override": "size_bytes" } } } },
    { Req: "object { inputs(input)?: string; sizeBytes(bytes)?: integer }" },
  ],
  [
    "x-speakeasy-ignore on a property leaves the field out",
    { User: { type: "object", properties: { id: { type: "string" }, internal: { type: "string", "x-speakeasy-ignore": true } } } },
    { User: "object { id?: string }" },
  ],
  ["an object: nullable in 3.0", { Pet: { type: "object", properties: { name: { type: "string", nullable: true } } } }, { Pet: "object { name?: string? }" }, "3.0.3"],
  [
    "readOnly and writeOnly fields",
    { User: { type: "object", properties: { id: { type: "string", readOnly: true }, password: { type: "string", writeOnly: true } } } },
    { User: "object { id?: string ro; password?: string wo }" },
  ],
  ["a string enum", { Status: { type: "string", enum: ["active", "in-review"] } }, { Status: 'enum string Active="active" InReview="in-review"' }],
  ["an integer enum: members named by value", { Level: { type: "integer", enum: [1, 2] } }, { Level: "enum integer Value1=1 Value2=2" }],
  [
    "enum values in other alphabets: accents dropped, Cyrillic and Greek romanized, symbols named, other scripts by code point",
    { Colour: { type: "string", enum: ["café", "красный", "Ελλάδα", "日本", "*", "+-", ""] } },
    { Colour: 'enum string Cafe="café" Krasnyy="красный" Ellada="Ελλάδα" U65e5U672c="日本" Wildcard="*" PlusMinus="+-" Empty=""' },
  ],
  [
    "members the spec names: x-speakeasy-enums as a list or a map, x-enum-varnames, x-enumNames; the rest by value",
    {
      Listed: { type: "integer", enum: [1, 2, 3], "x-speakeasy-enums": ["NOT_STARTED", "IN_PROGRESS"] },
      Mapped: { type: "integer", enum: [1, 2], "x-speakeasy-enums": { 1: "low", 2: "high" } },
      Varnames: { type: "string", enum: ["a", null, "b"], nullable: true, "x-enum-varnames": ["Alpha", null, "Beta"] },
      Nswag: { type: "integer", enum: [0, 1], "x-enumNames": ["Active", 7] },
    },
    {
      Listed: "enum integer NotStarted=1 InProgress=2 Value3=3",
      Mapped: "enum integer Low=1 High=2",
      Varnames: 'enum string Alpha="a" Beta="b"',
      Nswag: "enum integer Active=0 Value1=1",
    },
    "3.0.3",
  ],
  ["an array is an alias", { Pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } }, Pet: { type: "object", properties: { id: { type: "string" } } } }, { Pets: "alias Pet[]" }],
  ["a map: an object of additionalProperties alone is an alias of a map", { Scores: { type: "object", additionalProperties: { type: "number" } } }, { Scores: "alias {string: number}" }],
  [
    "an object with properties and additionalProperties keeps both",
    { Tags: { type: "object", properties: { id: { type: "string" } }, additionalProperties: { type: "string" } } },
    { Tags: "object { id?: string; [k]: string }" },
  ],
  [
    "anyOf members that only require fields constrain the object; they do not type it (Clerk's CreateSAMLConnection body)",
    { Conn: { type: "object", required: ["name"], properties: { name: { type: "string" }, domain: { type: "string" } }, anyOf: [{ required: ["name"] }, { required: ["domain"] }] } },
    { Conn: "object { name: string; domain?: string }" },
  ],
  [
    "so does a oneOf of constraints, inline too",
    { Holder: { type: "object", properties: { conn: { type: "object", properties: { a: { type: "string" } }, oneOf: [{ required: ["a"], description: "x" }, { not: { required: ["a"] } }] } } } },
    { Holder: "object { conn?: HolderConn }", HolderConn: "object { a?: string }" },
  ],
  ["an anyOf member with a type of its own still makes a union", { Id: { anyOf: [{ type: "string" }, { required: ["x"] }] } }, { Id: "alias (string | unknown)" }],
  [
    "a union of nullable members is nullable once; its members are not (Microsoft Graph's anyOf)",
    {
      B: { type: "object", nullable: true, properties: { x: { type: "string" } } },
      A: {
        type: "object",
        properties: {
          either: {
            anyOf: [
              { type: "string", nullable: true },
              { type: "integer", nullable: true },
            ],
          },
          same: { anyOf: [{ type: "string", nullable: true }, { type: "string" }] },
          ref: { anyOf: [{ $ref: "#/components/schemas/B" }, { type: "number", nullable: true }] },
          plain: { anyOf: [{ type: "string" }, { type: "integer" }] },
        },
      },
    },
    { A: "object { either?: (string | integer)?; same?: string?; ref?: (B | number)?; plain?: (string | integer) }" },
    "3.0.3",
  ],
  [
    "an inline object is named after where it appears",
    { Token: { type: "object", properties: { actor: { type: "object", properties: { sub: { type: "string" } } } } } },
    { Token: "object { actor?: TokenActor }", TokenActor: "object { sub?: string }" },
  ],
  [
    "oneOf with a discriminator is a union by that property",
    {
      Shape: { oneOf: [{ $ref: "#/components/schemas/Circle" }, { $ref: "#/components/schemas/Square" }], discriminator: { propertyName: "kind" } },
      Circle: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, r: { type: "number" } } },
      Square: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, side: { type: "number" } } },
    },
    { Shape: "alias (Circle | Square) by kind" },
  ],
  ["const is a literal", { Kind: { const: "circle" } }, { Kind: 'alias "circle"' }],
  [
    "allOf merges the fields of its parts",
    {
      Named: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      Dog: { allOf: [{ $ref: "#/components/schemas/Named" }, { type: "object", properties: { barks: { type: "boolean" } } }] },
    },
    { Dog: "object { name: string; barks?: boolean }" },
  ],
];

describe("schemas → models", () => {
  it.each(CASES)("%s", (_name, schemas, want, openapi) => {
    const api = schemasApi(schemas, openapi);
    for (const [name, shape] of Object.entries(want)) expect(showModel(model(api, name)), name).toBe(shape);
  });
});

describe("discriminator mappings", () => {
  it("an extension key among the mapping entries is a setting, not a value (OpenRouter's x-speakeasy-unknown-values)", () => {
    const api = schemasApi({
      Shape: {
        oneOf: [{ $ref: "#/components/schemas/Circle" }, { $ref: "#/components/schemas/Square" }],
        discriminator: { propertyName: "kind", mapping: { circle: "#/components/schemas/Circle", square: "Square", "x-speakeasy-unknown-values": "allow" } },
      },
      Circle: { type: "object", properties: { kind: { type: "string" } } },
      Square: { type: "object", properties: { kind: { type: "string" } } },
    });
    const shape = model(api, "Shape");
    const type = shape?.kind === "alias" ? shape.type : undefined;
    expect(type?.kind === "union" ? type.discriminator?.mapping : undefined).toEqual([
      { value: "circle", model: "Circle" },
      { value: "square", model: "Square" },
    ]);
  });
});

describe("enum member names the spec gives and cannot be used", () => {
  it("a list of another length, and a name that makes no identifier, are warnings at the extension", () => {
    const api = schemasApi(
      {
        Listed: { type: "integer", enum: [1, 2, 3], "x-speakeasy-enums": ["NOT_STARTED", "IN_PROGRESS"] },
        Long: { type: "string", enum: ["a"], "x-enum-varnames": ["Alpha", "Beta"] },
        Script: { type: "string", enum: ["x", "y"], "x-enumNames": ["日本", "Why"] },
        // One name per value, null's too: nothing to say.
        Varnames: { type: "string", enum: ["a", null, "b"], nullable: true, "x-enum-varnames": ["Alpha", null, "Beta"] },
        Mapped: { type: "integer", enum: [1, 2], "x-speakeasy-enums": { 1: "low" } },
      },
      "3.0.3",
    );
    expect(api.warnings.map((w) => [w.pointer, w.message])).toEqual([
      ["#/components/schemas/Listed/x-speakeasy-enums", "x-speakeasy-enums has 2 names for the enum's 3 values: the others are named from their values"],
      ["#/components/schemas/Long/x-enum-varnames", "x-enum-varnames has 2 names for the enum's 1 value: the last ones are not used"],
      ["#/components/schemas/Script/x-enumNames", 'x-enumNames names the value "x" "日本", which makes no identifier: the member is named from its value'],
    ]);
    expect(api.warnings.every((w) => w.severity === "warning" && w.hint)).toBe(true);
  });
});
