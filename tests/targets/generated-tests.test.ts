// What the generated tests are made of, as tables: the error answers each operation's tests ask the
// mock for, pytest's JUnit report read back, and the spec examples `generate --test` reports as stale.
import { describe, expect, it } from "vitest";
import { exampleProblems } from "../../generator/mock/example-check.js";
import { junitResults } from "../../generator/targets/python/run-tests.js";
import { errorCases, mockInputsFile } from "../../generator/targets/shared/tests.js";
import { apiOf } from "../helpers/doc.js";

describe("errorCases", () => {
  const api = apiOf({
    paths: {
      "/a": {
        get: {
          operationId: "getA",
          responses: {
            "200": { description: "ok" },
            "404": { description: "x", content: { "application/json": { schema: { $ref: "#/components/schemas/NotFound" } } } },
            "5XX": { description: "x", content: { "application/json": { schema: { $ref: "#/components/schemas/Broken" } } } },
            default: { description: "x", content: { "application/json": { schema: { $ref: "#/components/schemas/Other" } } } },
          },
        },
      },
    },
    components: { schemas: { NotFound: { type: "object" }, Broken: { type: "object" }, Other: { type: "object" } } },
  });
  it("asks for each declared error: its status, a range's first, default's 500", () => {
    expect(errorCases(api.operations[0]).map((c) => [c.model, c.status])).toEqual([
      ["NotFound", "404"],
      ["Broken", "500"],
      ["Other", "500"],
    ]);
  });
});

describe("mockInputsFile", () => {
  it("is tests/mock.json with the spec and overlays relative to the SDK", () => {
    expect(mockInputsFile({ spec: "../../spec/api.yaml", overlays: ["../../spec/fix.yaml"] })).toEqual({
      path: "tests/mock.json",
      content: '{\n  "spec": "../../spec/api.yaml",\n  "overlays": [\n    "../../spec/fix.yaml"\n  ]\n}\n',
    });
  });
});

describe("junitResults (pytest's report)", () => {
  it.each([
    ["all passed", '<testsuite><testcase classname="tests.test_a" name="test_x" time="0.1" /><testcase classname="tests.test_a" name="test_y"></testcase></testsuite>', 2, []],
    [
      "a failure and an error, with escaped messages",
      '<testsuite><testcase classname="tests.test_a" name="test_x"><failure message="assert 1 == 2&#10;more">trace</failure></testcase><testcase classname="tests.test_b" name="test_y"><error message="&lt;boom&gt; &amp; more" /></testcase><testcase classname="tests.test_b" name="test_z"><skipped /></testcase></testsuite>',
      3,
      [
        { id: "tests.test_a::test_x", message: "assert 1 == 2" },
        { id: "tests.test_b::test_y", message: "<boom> & more" },
      ],
    ],
  ])("%s", (_, xml, total, failed) => {
    expect(junitResults(xml)).toEqual({ total, failed });
  });
});

describe("exampleProblems (the spec's examples against their schemas)", () => {
  const api = apiOf({
    paths: {
      "/pets": {
        post: {
          operationId: "createPet",
          parameters: [
            { name: "dry", in: "query", schema: { type: "boolean", example: "yes" } },
            { name: "trace", in: "header", schema: { type: "string", example: "t1" } },
          ],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["name", "kind"],
                  properties: { name: { type: "string" }, kind: { type: "string", enum: ["dog", "cat"], example: "fish" }, age: { type: "integer", example: 3 } },
                  example: { name: "Rex" },
                },
              },
            },
          },
          responses: { "204": { description: "ok" } },
        },
      },
    },
  });
  it("names each example that does not fit, with its place and pointer; fitting ones pass", () => {
    expect(exampleProblems(api)).toEqual([
      { operation: "createPet", where: "the query parameter dry", problems: [{ pointer: "/", message: "expected boolean, got string" }] },
      { operation: "createPet", where: "the request body (CreatePetRequestBody)", problems: [{ pointer: "/kind", message: "is required" }] },
      { operation: "createPet", where: "the request body's kind", problems: [{ pointer: "/", message: 'expected one of "dog", "cat"' }] },
    ]);
  });
});
