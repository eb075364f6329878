// The docs site's HTTP view: each operation as a curl command (generator/docs/curl.ts), its values
// from the spec's examples, spec text always inside shell quotes.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlSamples } from "../../generator/docs/curl.js";
import { apiOf } from "../helpers/doc.js";

const api = apiOf({
  servers: [{ url: "https://{region}.example.com/v1/", variables: { region: { default: "eu" } } }],
  security: [{ bearerAuth: [] }],
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "header", name: "X-Key" } },
    schemas: { Pet: { type: "object", required: ["name", "tags"], properties: { name: { type: "string", example: "it's Rex; $(rm -rf /)" }, tags: { type: "array", items: { type: "string" } } } } },
  },
  paths: {
    "/pets/{petId}": {
      put: {
        operationId: "updatePet",
        parameters: [
          { name: "petId", in: "path", required: true, schema: { type: "string", example: "a b/c" } },
          { name: "dry", in: "query", required: true, schema: { type: "boolean", example: true } },
          { name: "page", in: "query", schema: { type: "integer" } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
        responses: { "204": { description: "ok" } },
      },
    },
    "/ping": { get: { operationId: "ping", security: [{ key: [] }], responses: { "204": { description: "ok" } } } },
  },
});

describe("curl samples", () => {
  const [update, ping] = curlSamples(api);

  it("fills the server, path and required query from the examples, with the credentials as a placeholder and the body as JSON", () => {
    expect(update).toMatchObject({ operationId: "updatePet", lang: "bash", label: "curl" });
    expect(update.source).toBe(
      [
        "curl -X PUT 'https://eu.example.com/v1/pets/a%20b%2Fc?dry=true' \\",
        "  -H 'Authorization: Bearer <YOUR_BEARER_AUTH>' \\",
        "  -H 'Content-Type: application/json' \\",
        // (Arrays in usage examples are empty, as the SDKs' snippets show them.)
        `  -d '{\n  "name": "it'\\''s Rex; $(rm -rf /)",\n  "tags": []\n}'`,
      ].join("\n"),
    );
    expect(ping.source).toBe("curl -X GET https://eu.example.com/v1/ping \\\n  -H 'X-Key: <YOUR_KEY>'");
  });

  it("is one shell command whose words are what the spec says (a real shell parses it)", () => {
    // The shell prints each word of the command on a line of its own instead of running curl.
    const r = spawnSync("sh", ["-c", `set -- ${update.source.replace(/^curl /, "")}; for w; do printf '%s\\n--\\n' "$w"; done`], { encoding: "utf8" });
    const words = r.stdout.split("\n--\n").filter(Boolean);
    expect(words.slice(0, 2)).toEqual(["-X", "PUT"]);
    expect(JSON.parse(words.at(-1)!)).toEqual({ name: "it's Rex; $(rm -rf /)", tags: [] });
  });
});
