// Security Scheme Objects → the IR's schemes (generator/ir/security.ts): kinds and client option names.
import { describe, expect, it } from "vitest";
import { apiOf } from "../helpers/doc.js";

const schemes = (securitySchemes: Record<string, unknown>) => apiOf({ components: { securitySchemes } });

describe("security schemes", () => {
  it.each([
    ["http bearer", { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } }, "bearerAuth: bearer"],
    ["http basic (scheme is case-insensitive)", { basic: { type: "http", scheme: "Basic" } }, "basic: basic"],
    ["an API key in a header", { api_key: { type: "apiKey", in: "header", name: "X-API-Key" } }, "apiKey: apiKey header X-API-Key"],
    ["an API key in the query", { key: { type: "apiKey", in: "query", name: "key" } }, "key: apiKey query key"],
    ["OAuth2 client credentials", { oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://x/token", scopes: { read: "" } } } } }, "oauth: clientCredentials https://x/token read"],
    ["other OAuth2 flows take a ready token", { oauth: { type: "oauth2", flows: { implicit: { authorizationUrl: "https://x", scopes: {} } } } }, "oauth: bearer"],
    ["OpenID Connect takes a ready token", { oidc: { type: "openIdConnect", openIdConnectUrl: "https://x" } }, "oidc: bearer"],
    [
      "an option that would clash with a client option or an Object member is renamed",
      { timeoutMs: { type: "http", scheme: "bearer" }, constructor: { type: "http", scheme: "bearer" } },
      "timeoutMs2: bearer|constructor2: bearer",
    ],
  ] as const)("%s", (_name, given, want) => {
    const api = schemes(given);
    const text = api.securitySchemes.map(
      (s) => `${s.option}: ${s.kind}${s.kind === "apiKey" ? ` ${s.in} ${s.param}` : ""}${s.kind === "clientCredentials" ? ` ${s.tokenUrl} ${s.scopes.join(",")}` : ""}`,
    );
    expect(text.join("|")).toBe(want);
  });

  it.each([
    ["http negotiate (Kerberos)", { type: "http", scheme: "negotiate" }, 'security scheme "http negotiate" is not supported: the SDK sends no credentials for it'],
    ["http digest", { type: "http", scheme: "Digest" }, 'security scheme "http digest" is not supported: the SDK sends no credentials for it'],
    ["an unknown type", { type: "x-custom" }, 'security scheme "x-custom" is not supported: the SDK sends no credentials for it'],
  ])("%s is a warning at its position, and sends nothing; the rest of the API is generated", (_name, scheme, warning) => {
    const api = schemes({ basic: { type: "http", scheme: "basic" }, other: scheme });
    expect(api.securitySchemes.map((s) => s.name)).toEqual(["basic"]);
    expect(api.warnings.map((w) => `${w.severity} ${w.pointer}: ${w.message}`)).toEqual([`warning #/components/securitySchemes/other: ${warning}`]);
  });

  it("each requirement keeps the schemes the SDK sends: an alternative left with none is dropped, an empty one ({}) kept", () => {
    const op = (operationId: string, security: object[]) => ({ get: { operationId, security, responses: { "204": { description: "ok" } } } });
    const api = apiOf({
      security: [{ mtls: [], key: [] }],
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" }, mtls: { type: "mutualTLS" }, kerberos: { type: "http", scheme: "negotiate" } } },
      paths: {
        "/inherits": op("inherits", undefined as unknown as object[]),
        "/only": op("only", [{ kerberos: [] }]),
        "/either": op("either", [{ kerberos: [] }, { key: [] }]),
        "/optional": op("optional", [{ kerberos: [] }, {}]),
        "/unknown": op("unknown", [{ key: [], typo: [] }]),
      },
    });
    expect(api.security).toEqual([["key"]]);
    expect(Object.fromEntries(api.operations.map((o) => [o.path, o.security]))).toEqual({
      "/inherits": [["key"]],
      "/only": [],
      "/either": [["key"]],
      "/optional": [[]],
      "/unknown": [["key"]],
    });
  });

  it("mutualTLS is a warning at its position, and sends nothing", () => {
    const api = schemes({ mtls: { type: "mutualTLS" } });
    expect(api.securitySchemes).toEqual([]);
    expect(api.warnings.map((w) => `${w.pointer}: ${w.message}`)).toContain("#/components/securitySchemes/mtls: security scheme mutualTLS is not sent by the SDK");
  });
});
