// Every markdown page both SDKs generate, rendered as VitePress and GitHub render it (markdown-it,
// HTML allowed), holds no markup of the spec's own: spec text that ends a table cell, opens an HTML
// block or pairs backticks otherwise than the escaper sits in server URLs, titles, descriptions,
// enum values and examples, wherever the templates print them (prose, headings, table cells).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, expect, it } from "vitest";
import { liveMarkup } from "../helpers/markup.js";
import { stringify } from "yaml";
import { generateAll } from "../../generator/generate.js";

const renderer = new MarkdownIt({ html: true });
const dir = mkdtempSync(join(tmpdir(), "specsmith-pages-escaping-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TAG = "<img src=x onerror=alert(1)>";
/** Each ends a table cell, opens an HTML block, or pairs backticks across a line that is no list item. */
const PAYLOADS = [`${TAG}|x`, `a|${TAG}`, `<p>\n\`${TAG}\``, `\`a\n-b \` ${TAG} \``, `- a\n  \`\`\`\n${TAG}`];

function spec(payload: string): object {
  return {
    openapi: "3.1.0",
    info: { title: payload, version: payload, description: payload },
    servers: [{ url: `https://api.example.com/${payload}`, description: payload }, { url: "https://b.example.com" }],
    tags: [{ name: "things", description: payload }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          tags: ["things"],
          summary: payload,
          description: payload,
          parameters: [{ name: "q", in: "query", description: payload, schema: { type: "string", example: payload } }],
          responses: { "200": { description: payload, content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
        },
      },
    },
    components: {
      schemas: { Thing: { type: "object", description: payload, properties: { kind: { type: "string", enum: [payload, "b"], description: payload } } } },
    },
  };
}

it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("spec text %s makes no live markup on any page, in either SDK", async (_name, payload) => {
  const file = join(dir, `spec-${PAYLOADS.indexOf(payload)}.yaml`);
  writeFileSync(file, stringify(spec(payload)));
  const results = await generateAll(file, [
    { name: "typescript", out: join(dir, "ts"), packageName: "things", sdkClass: "Things", version: "1.0.0" },
    { name: "python", out: join(dir, "py"), packageName: "things", sdkClass: "Things", version: "1.0.0" },
  ]);
  const pages = results.flatMap((r) => r.files.filter((f) => f.path.endsWith(".md")).map((f) => ({ path: `${r.target.name}/${f.path}`, html: renderer.render(f.content) })));
  expect(pages.length).toBeGreaterThan(4);
  expect(pages.filter((p) => liveMarkup(p.html).length > 0).map((p) => p.path)).toEqual([]);
});

it("the check finds the payloads live in raw text (it can fail)", () => {
  for (const p of PAYLOADS.slice(0, 2)) expect(liveMarkup(renderer.render(`| a | b |\n| - | - |\n| \`${p}\` | c |\n`))).not.toEqual([]);
});
