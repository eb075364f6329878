// Table-driven tests of the runtime shipped into every SDK and of the generator's helpers.
import { describe, expect, it } from "vitest";
import { matchStatusCode, parseRetryAfter, retry, type Attempt } from "../templates/typescript/runtime/lib/retries.js";
import { appendQuery, encodePath, headerValue } from "../templates/typescript/runtime/lib/url.js";
import { extraProps, isJSONContentType } from "../templates/typescript/runtime/lib/decode.js";
import { camelCase, NameScope, pascalCase, snakeCase, words } from "../generator/ir/names.js";
import { mdTable } from "../generator/render/markdown.js";
import { tsLiteral } from "../generator/targets/typescript/literals.js";

describe("matchStatusCode", () => {
  it.each([
    [503, ["5XX"], true],
    [499, ["5XX"], false],
    [404, ["404"], true],
    [404, ["4xx"], true],
    [200, ["default"], true],
    [201, ["200", "202"], false],
  ] as const)("%i in %j → %s", (status, codes, expected) => {
    expect(matchStatusCode(status, [...codes])).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    [null, undefined],
    ["", undefined],
    ["soon", undefined],
    // Not a wait the server could mean: the backoff decides (Date.parse would read "-5" as a year).
    ["-5", undefined],
    ["1e999", undefined],
    ["9".repeat(400), undefined],
    ["5.", undefined],
  ] as const)("%j → %j ms", (value, expected) => {
    expect(parseRetryAfter(value)).toBe(expected);
  });

  it("reads an HTTP date as the time left until it", () => {
    const ms = parseRetryAfter(new Date(Date.now() + 5000).toUTCString())!;
    expect(ms).toBeGreaterThan(3000);
    expect(ms).toBeLessThanOrEqual(5000);
    // A date already past is no wait at all: absent, so the backoff decides.
    expect(parseRetryAfter(new Date(Date.now() - 5000).toUTCString())).toBeUndefined();
  });
});

describe("retry", () => {
  const res = (status: number, headers: Record<string, string> = {}) => ({ response: new Response("", { status, headers }) });
  const policy = { strategy: "backoff" as const, backoff: { initialInterval: 1, maxInterval: 5, exponent: 2, maxElapsedTime: 1000 } };

  it("stops at the first non-retryable outcome", async () => {
    const outcomes: Attempt[] = [res(500), res(502), res(200), res(500)];
    let n = 0;
    const last = await retry(async () => outcomes[n++], policy, { statusCodes: ["5XX"], isRetryableError: () => true });
    expect(last.response?.status).toBe(200);
    expect(n).toBe(3);
  });

  it("does not retry errors that are not retryable, or anything with strategy none", async () => {
    let n = 0;
    await retry(async () => (n++, { error: new Error("x") }), policy, { statusCodes: ["5XX"], isRetryableError: () => false });
    expect(n).toBe(1);
    n = 0;
    await retry(async () => (n++, res(500)), { strategy: "none" }, { statusCodes: ["5XX"], isRetryableError: () => true });
    expect(n).toBe(1);
  });

  it("caps a Retry-After wait at maxInterval", async () => {
    let n = 0;
    const started = Date.now();
    await retry(async () => (n++ === 0 ? res(503, { "retry-after": "30" }) : res(200)), policy, { statusCodes: ["503"], isRetryableError: () => false });
    expect(n).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("url serialization", () => {
  it.each([
    ["a/b", "a%2Fb"],
    ["a b?c#d", "a%20b%3Fc%23d"],
    [42, "42"],
    ["é", "%C3%A9"],
  ] as const)("encodePath(%j) → %s", (value, expected) => {
    expect(encodePath(value)).toBe(expected);
  });

  it.each([
    [{ name: "q", value: ["a", "b"] }, "q=a&q=b"],
    [{ name: "q", value: ["a", "b"], explode: false }, "q=a%2Cb"],
    [{ name: "q", value: ["a", "b"], style: "spaceDelimited" as const }, "q=a+b"],
    [{ name: "q", value: ["a", "b"], style: "pipeDelimited" as const }, "q=a%7Cb"],
    [{ name: "f", value: { a: 1, b: "x" }, style: "deepObject" as const }, "f%5Ba%5D=1&f%5Bb%5D=x"],
    [{ name: "f", value: { a: 1, b: "x" } }, "a=1&b=x"],
    [{ name: "f", value: { a: 1, b: "x" }, explode: false }, "f=a%2C1%2Cb%2Cx"],
    [{ name: "n", value: undefined }, ""],
    [{ name: "n", value: null }, "n=null"],
    [{ name: "d", value: new Date("2025-01-02T03:04:05Z") }, "d=2025-01-02T03%3A04%3A05.000Z"],
  ])("appendQuery(%j) → %s", (param, expected) => {
    const q = new URLSearchParams();
    appendQuery(q, [param]);
    expect(q.toString()).toBe(expected);
  });

  it.each([
    [["a", "b"], "a,b"],
    [{ x: 1, y: 2 }, "x,1,y,2"],
    [true, "true"],
  ])("headerValue(%j) → %s", (value, expected) => {
    expect(headerValue(value)).toBe(expected);
  });
});

describe("decode helpers", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["application/problem+json", true],
    ["application/jsonp", false],
    ["text/plain", false],
    [null, false],
  ] as const)("isJSONContentType(%j) → %s", (type, expected) => {
    expect(isJSONContentType(type)).toBe(expected);
  });

  it("extraProps keeps only undeclared properties", () => {
    expect(extraProps({ sub: 1, role: "a", "x-y": 2 }, ["sub"])).toEqual({ role: "a", "x-y": 2 });
  });
});

describe("names", () => {
  it.each([
    ["CreateActorToken", ["create", "actor", "token"], "CreateActorToken", "createActorToken", "create_actor_token"],
    ["actor_token_id", ["actor", "token", "id"], "ActorTokenId", "actorTokenId", "actor_token_id"],
    ["X-Request-ID", ["x", "request", "id"], "XRequestId", "xRequestId", "x_request_id"],
    ["HTTPValidationError", ["http", "validation", "error"], "HttpValidationError", "httpValidationError", "http_validation_error"],
    ["2fa code", ["2fa", "code"], "_2faCode", "_2faCode", "_2fa_code"],
    // Other alphabets: accents go, Cyrillic and Greek are romanized, a run of capitals stays one word.
    ["Résumé número", ["resume", "numero"], "ResumeNumero", "resumeNumero", "resume_numero"],
    ["Straße Łódź Øresund", ["strasse", "lodz", "oresund"], "StrasseLodzOresund", "strasseLodzOresund", "strasse_lodz_oresund"],
    ["объём_ЖКХ", ["obyom", "zhkkh"], "ObyomZhkkh", "obyomZhkkh", "obyom_zhkkh"],
    ["Ελλάδα", ["ellada"], "Ellada", "ellada", "ellada"],
    ["日本", [], "", "", ""],
  ])("%s", (input, w, pascal, camel, snake) => {
    expect(words(input)).toEqual(w);
    expect(pascalCase(input)).toBe(pascal);
    expect(camelCase(input)).toBe(camel);
    expect(snakeCase(input)).toBe(snake);
  });

  it("NameScope hands out clash-free names, case-insensitively", () => {
    const s = new NameScope(["Promise"]);
    expect([s.claim("Pet"), s.claim("pet"), s.claim("Pet"), s.claim("Promise")]).toEqual(["Pet", "pet2", "Pet3", "Promise2"]);
  });
});

describe("markdown and literals", () => {
  it("mdTable pads every column to the longest cell", () => {
    expect(mdTable(["A", "Bb"], [["ccc", "d\ne"]])).toBe(["| A       | Bb      |", "| ------- | ------- |", "| ccc     | d<br/>e |"].join("\n"));
  });

  it("mdTable 'source' measures multi-line cells before <br/>, as the Speakeasy reference does", () => {
    expect(mdTable(["A"], [["x\ny"]], "source")).toBe(["| A   |", "| --- |", "| x<br/>y |"].join("\n"));
  });

  it("tsLiteral writes objects expanded, quoting only keys that need it", () => {
    expect(tsLiteral({ a: 1, b: [], c: { d: "x" } }, 0)).toBe('{\n  a: 1,\n  b: [],\n  c: {\n    d: "x",\n  },\n}');
    expect(tsLiteral({ a: 1, "x-y": 2, número: 3 }, 0)).toBe('{\n  a: 1,\n  "x-y": 2,\n  número: 3,\n}');
  });
});
