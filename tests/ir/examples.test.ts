// Example values (generator/ir/examples.ts): what the docs, the tests and the mock's answers show.
import { describe, expect, it } from "vitest";
import { Examples, plainValue } from "../../generator/ir/examples.js";
import type { TypeRef } from "../../generator/ir/types.js";
import { apiOf } from "../helpers/doc.js";

const api = apiOf({
  components: {
    schemas: {
      Deep: { type: "object", required: ["next", "n"], properties: { n: { type: "integer" }, next: { $ref: "#/components/schemas/Deep" } } },
    },
  },
});

describe("Examples", () => {
  it.each<[string, TypeRef, unknown, unknown]>([
    ["a date-time the spec gives", { kind: "primitive", type: "string", format: "date-time" }, "2007-10-29T02:42:39.000-07:00", "2007-10-29T02:42:39.000-07:00"],
    ["a date-time that is not one (GitHub's, quotes included) gives way", { kind: "primitive", type: "string", format: "date-time" }, '"2007-10-29T02:42:39.000-07:00"', "2025-01-01T00:00:00Z"],
    ["a date that is not one gives way", { kind: "primitive", type: "string", format: "date" }, "29/10/2007", "2025-01-01"],
    ["a string of another format stays", { kind: "primitive", type: "string", format: "uri" }, "not a uri", "not a uri"],
  ])("%s", (_, type, given, want) => {
    expect(plainValue(new Examples(api).of(type, given))).toBe(want);
  });

  it("past the depth limit a required scalar keeps a value; the object stops as null", () => {
    let v = plainValue(new Examples(api).of({ kind: "ref", model: "Deep" })) as Record<string, unknown>;
    let levels = 0;
    while (v.next && typeof v.next === "object") {
      expect(v.n).toBe(0);
      v = v.next as Record<string, unknown>;
      levels++;
    }
    expect(levels).toBeGreaterThan(2);
    expect(v.n).toBe(0);
    expect(v.next).toBeNull();
  });

  it("limits: the mock's answers nest deeper than the docs' examples", () => {
    const depth = (limits?: { depth: number; values: number }) => {
      let v = plainValue(new Examples(api, { limits }).of({ kind: "ref", model: "Deep" })) as Record<string, unknown>;
      let n = 0;
      for (; v.next; n++) v = v.next as Record<string, unknown>;
      return n;
    };
    expect(depth({ depth: 32, values: 20_000 })).toBeGreaterThan(depth());
  });
});
