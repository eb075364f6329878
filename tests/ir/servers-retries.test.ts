// Server Objects and x-speakeasy-retries → the IR's servers and retry policy.
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics.js";
import { apiOf } from "../helpers/doc.js";

describe("servers", () => {
  it("keeps each URL template with its variables' defaults, enums and descriptions", () => {
    const api = apiOf({ servers: [{ url: "https://{region}.api.example.com/v1", variables: { region: { default: "us", enum: ["us", "eu"], description: "Where." } } }, { url: "http://localhost" }] });
    expect(api.servers).toEqual([
      { url: "https://{region}.api.example.com/v1", description: undefined, variables: [{ name: "region", default: "us", enum: ["us", "eu"], description: "Where." }] },
      { url: "http://localhost", description: undefined, variables: [] },
    ]);
  });
});

describe("x-speakeasy-retries", () => {
  it.each([
    ["absent: no policy", undefined, undefined],
    [
      "defaults as Speakeasy's",
      { strategy: "backoff" },
      { strategy: "backoff", backoff: { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 }, statusCodes: ["5XX"], retryConnectionErrors: true },
    ],
    [
      "as declared, status codes upper-cased",
      { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 20, exponent: 2, maxElapsedTime: 30 }, statusCodes: ["5xx", 429], retryConnectionErrors: false },
      { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 20, exponent: 2, maxElapsedTime: 30 }, statusCodes: ["5XX", "429"], retryConnectionErrors: false },
    ],
  ] as const)("%s", (_name, given, want) => {
    expect(apiOf(given === undefined ? {} : { "x-speakeasy-retries": given }).retries).toEqual(want);
  });

  it("a negative interval is an error at its position", () => {
    try {
      apiOf({ "x-speakeasy-retries": { strategy: "backoff", backoff: { maxInterval: -1 } } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      expect((e as SpecError).diagnostics.map((d) => `${d.pointer}: ${d.message}`)).toEqual(["#/x-speakeasy-retries/backoff/maxInterval: maxInterval must be a non-negative number of milliseconds"]);
    }
  });
});
