// The specs of ../shared/specs/features (public Speakeasy SDKs' pagination and server-sent events):
// Mistral's and Speakeasy's suite generate in both languages and type-check, the docs examples of
// their paginated and streaming operations type-check (TypeScript) and run against a local server
// (Python); OpenRouter's loads and reads as it should (its 3,600-file SDK is left to the corpus-style
// runs, for the suite's time); and Mistral's own
// documented usage of its streams runs unchanged in both languages against a local server (but for
// the server URL, and in TypeScript where the package is imported from).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, type ServerResponse } from "node:http";
import { build } from "esbuild";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApi } from "../generator/api.js";
import { createMockServer } from "../generator/mock/server.js";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT, SHARED, listFiles } from "./helpers/paths.js";
import { PYTHON } from "./helpers/python.js";
import { run } from "./helpers/spawn.js";
import { TestServer } from "./helpers/server.js";
import { tscAsync } from "./helpers/tsc.js";

const FEATURES = join(SHARED, "specs", "features");
const OUT = join(ROOT, ".tmp", "features");
const SPECS = [
  { name: "mistral", spec: "mistral-2.0.openapi.yaml", sdkClass: "Mistral", ts: "@mistralai/mistralai", py: "mistralai.client" as string | null },
  { name: "speakeasy-test-suite", spec: "speakeasy-test-suite.pagination-sse.openapi.yaml", sdkClass: "SDK", ts: "openapi", py: "sdk" },
];

/** Pages of the generated docs that hold a `for await` or `with res as` / `res.next()` example. */
function streamingPages(dir: string, marker: RegExp): string[] {
  return listFiles(join(dir, "docs", "sdks"))
    .map((p) => join(dir, "docs", "sdks", p))
    .filter((p) => marker.test(readFileSync(p, "utf8")));
}

describe.each(SPECS)("features spec $name", ({ name, spec, sdkClass, ts, py }) => {
  const tsOut = join(OUT, `${name}-ts`);
  const pyOut = join(OUT, `${name}-py`);
  beforeAll(async () => {
    rmSync(tsOut, { recursive: true, force: true });
    rmSync(pyOut, { recursive: true, force: true });
    const results = await generateAll(join(FEATURES, spec), [
      { name: "typescript", out: tsOut, packageName: ts, sdkClass, version: "1.0.0" },
      ...(py ? [{ name: "python", out: pyOut, packageName: py, sdkClass, version: "1.0.0" }] : []),
    ]);
    writeOutput(tsOut, results[0].files);
    if (py) writeOutput(pyOut, results[1].files);
  }, 180_000);

  it("TypeScript: the SDK and the examples of its paginated and streaming operations type-check under --strict", async () => {
    const pages = streamingPages(tsOut, /for await \(const (page|event) of result\)/);
    expect(pages.length).toBeGreaterThan(0);
    const dir = join(OUT, `${name}-ts-docs`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let n = 0;
    for (const page of pages) {
      for (const m of readFileSync(page, "utf8").matchAll(/```typescript\n([\s\S]*?)```/g)) writeFileSync(join(dir, `example_${n++}.ts`), m[1] + "\nexport {};\n");
    }
    const src = join(tsOut, "src");
    const paths = { [ts]: [join(src, "index.ts")], [`${ts}/core`]: [join(src, "core.ts")], [`${ts}/funcs/*`]: [join(src, "funcs/*.ts")] };
    const options = { strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM"], types: [], skipLibCheck: true, paths };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, include: ["*.ts"] }));
    const [sdk, docs] = await Promise.all([tscAsync(["-p", tsOut, "--noEmit"]), tscAsync(["-p", dir])]);
    expect(sdk.output).toBe("");
    expect(docs.output).toBe("");
  }, 180_000);

  it.runIf(py)(
    "Python: the examples of its paginated and streaming operations run and send their request",
    () => {
      const pages = streamingPages(pyOut, /with res as event_stream:|res = res\.next\(\)/);
      expect(pages.length).toBeGreaterThan(0);
      // The environment variable the SDK reads its server URL from (OPEN_ROUTER_SERVER_URL, ...).
      const env = /SERVER_URL_ENV = "(\w+)"/.exec(readFileSync(join(pyOut, "src", ...py!.split("."), "config.py"), "utf8"))![1];
      const r = spawnSync(PYTHON, [join(ROOT, "tests/python/run_snippets.py"), join(pyOut, "src"), env, ...pages], { encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 });
      const report = JSON.parse(r.stdout.trim().split("\n").pop()!) as { total: number; results: { ok: boolean; operation: string; error: string }[] };
      expect(report.results.filter((x) => !x.ok)).toEqual([]);
      expect(report.total).toBeGreaterThan(0);
    },
    600_000,
  );
});

describe("features spec openrouter", () => {
  // Its Anthropic messages operation is x-speakeasy-ignore: out of the SDKs, as out of Speakeasy's.
  it("loads (a discriminator mapping's extension key is not a mapping) and reads its 20 paginations and 5 JSON-or-stream operations", () => {
    const { api } = loadApi(join(FEATURES, "openrouter-1.2.54.openapi.yaml"));
    const kinds = api.operations.flatMap((o) => (o.pagination ? [o.pagination.kind] : []));
    expect(kinds.filter((k) => k === "offsetLimit").length).toBe(19);
    expect(kinds.filter((k) => k === "cursor").length).toBe(1);
    const both = api.operations.filter((o) => o.success.some((r) => r.events) && o.success.some((r) => r.encoding === "json"));
    expect(both.length).toBe(5);
    expect(both.every((o) => o.success.find((r) => r.events)?.events?.sentinel === "[DONE]")).toBe(true);
  });
});

/**
 * OpenRouter's documented usage (../shared/reference/speakeasy-streaming-pagination/openrouter.md),
 * run against `specsmith mock` of the same spec, whose pages follow each operation's pagination.
 * Changed only in where the SDK is imported from and the server URL; in Python also in two header
 * arguments' names, which the reference's Python SDK took from another overlay (see the reference).
 */
describe("OpenRouter's documented usage, in both languages, against the mock server", () => {
  const tsOut = join(OUT, "openrouter-ts");
  const pyOut = join(OUT, "openrouter-py");
  const reference = readFileSync(join(SHARED, "reference", "speakeasy-streaming-pagination", "openrouter.md"), "utf8");
  const block = (section: string, lang: string) => new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(reference.split(`## ${section}\n`)[1])![1];
  let base = "";
  let close = () => {};
  const seen: string[] = [];
  /** An event stream to answer the next chat completion with, whatever it asks for. */
  let streamChat: string | null = null;

  beforeAll(async () => {
    const spec = join(FEATURES, "openrouter-1.2.54.openapi.yaml");
    for (const dir of [tsOut, pyOut]) rmSync(dir, { recursive: true, force: true });
    const results = await generateAll(spec, [
      { name: "typescript", out: tsOut, packageName: "@openrouter/sdk", sdkClass: "OpenRouter", version: "1.0.0" },
      { name: "python", out: pyOut, packageName: "openrouter", sdkClass: "OpenRouter", version: "1.0.0" },
    ]);
    writeOutput(tsOut, results[0].files);
    writeOutput(pyOut, results[1].files);
    const mock = createMockServer(loadApi(spec).api);
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (streamChat !== null && req.url?.endsWith("/chat/completions")) {
        req.resume();
        res.writeHead(200, { "content-type": "text/event-stream" }).end(streamChat);
      } else mock.emit("request", req, res);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  }, 180_000);
  afterAll(() => close());

  /** The SDK built into one module, as a published package is compiled (tsx would transform 3,600 files per run). */
  let bundle = "";
  const runTs = async (name: string, code: string) => {
    if (!bundle) {
      bundle = join(OUT, "openrouter-sdk.mjs");
      await build({ entryPoints: [join(tsOut, "src", "index.ts")], bundle: true, format: "esm", platform: "node", target: "node20", outfile: bundle, logLevel: "error" });
    }
    const script = code.replace('from "@openrouter/sdk"', `from ${JSON.stringify(bundle)}`).replace("new OpenRouter({", `new OpenRouter({\n  serverURL: ${JSON.stringify(base)},`);
    const file = join(OUT, `openrouter-${name}.ts`);
    writeFileSync(file, script);
    seen.length = 0;
    return run(join(ROOT, "node_modules", ".bin", "tsx"), [file], { env: { ...process.env, OPENROUTER_API_KEY: "key" }, timeoutMs: 120_000 });
  };

  it.each([
    ["files.list (cursor)", "files", 3],
    ["models.list (offsetLimit)", "models", 4],
    ["embeddings.listModels (offsetLimit)", "embeddings/models", 4],
    ["README: Pagination (TypeScript)", "byok", 4],
  ] as const)(
    "TypeScript: %s walks the mock's three pages and stops",
    async (section, path, requests) => {
      const r = await runTs(path.replace("/", "-"), block(section, "typescript"));
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      // Each page is printed (its `result` first); an offset walk ends on the empty page after the third.
      expect(seen.length).toBe(requests);
      expect(seen.every((s) => s.startsWith(`GET /${path}`))).toBe(true);
      expect(r.stdout.match(/^ {2}result: /gm)?.length).toBe(requests);
    },
    120_000,
  );

  it("TypeScript: chat.send (no stream field) prints the JSON result", async () => {
    const r = await runTs("chat", block("chat.send (JSON or event stream)", "typescript"));
    expect(r.stderr).toBe("");
    expect(seen).toEqual(["POST /chat/completions"]);
    expect(r.stdout).toMatch(/choices: \[/);
  }, 120_000);

  const runPy = async (name: string, code: string) => {
    const env = /SERVER_URL_ENV = "(\w+)"/.exec(readFileSync(join(pyOut, "src", "openrouter", "config.py"), "utf8"))![1];
    const script = code.replace("x_open_router_title=", "app_title=").replace("x_open_router_categories=", "app_categories=");
    const file = join(OUT, `openrouter-${name}.py`);
    writeFileSync(file, script);
    seen.length = 0;
    return run(PYTHON, [file], { env: { ...process.env, OPENROUTER_API_KEY: "key", [env]: base, PYTHONPATH: join(pyOut, "src"), PYTHONDONTWRITEBYTECODE: "1" }, timeoutMs: 120_000 });
  };

  it("Python: files.list walks the pages with res.next() until None", async () => {
    const r = await runPy("files", block("files.list (cursor)", "python"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(seen).toEqual(["GET /files", "GET /files?cursor=page-2", "GET /files?cursor=page-3"]);
  }, 120_000);

  it("Python: chat.send, read as an event stream (as documented, even with stream=False), prints each event", async () => {
    // The documented usage reads the answer as a stream: the server streams (the mock's own events).
    const mockStream = await fetch(`${base}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer key" },
      body: JSON.stringify({ messages: [{ role: "user", content: "hi" }], stream: true }),
    });
    expect(mockStream.headers.get("content-type")).toBe("text/event-stream");
    streamChat = await mockStream.text();
    try {
      const r = await runPy("chat", block("chat.send (JSON or event stream)", "python"));
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(seen).toEqual(["POST /chat/completions"]);
      // The mock's two events, not the sentinel.
      expect(r.stdout.trim().split("\n")).toHaveLength(2);
      expect(r.stdout).not.toContain("DONE");
    } finally {
      streamChat = null;
    }
  }, 120_000);
});

describe("Mistral's documented usage of its streams, in both languages", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server.close());

  const reference = readFileSync(join(SHARED, "reference", "speakeasy-streaming-pagination", "mistral.md"), "utf8");
  /** Each documented stream: its request path, the events the server sends, and how each prints (console.log / print). */
  const SECTIONS = [
    { section: "chat.stream", path: "/v1/chat/completions", kind: "chunk" },
    { section: "fim.stream", path: "/v1/fim/completions", kind: "chunk" },
    { section: "agents.stream", path: "/v1/agents/completions", kind: "chunk" },
    // A nested group (tag `beta.conversations`): reached as mistral.beta.conversations.
    { section: "beta.conversations.start_stream", path: "/v1/conversations", kind: "conversation" },
  ] as const;
  const events = (kind: "chunk" | "conversation") =>
    kind === "chunk"
      ? ["Claude", " Monet"]
          .map(
            (delta) =>
              `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", model: "mistral-large-latest", choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] })}\n\n`,
          )
          .join("") + "data: [DONE]\n\n"
      : ["conv-1", "conv-2"].map((id) => `event: conversation.response.started\ndata: ${JSON.stringify({ type: "conversation.response.started", conversation_id: id })}\n\n`).join("");
  const sseServer = (kind: "chunk" | "conversation") =>
    server.reply(async (_req, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(events(kind));
    });
  const block = (section: string, lang: "typescript" | "python") => new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(reference.split(`## ${section}\n`)[1])![1];
  /** The SDK built into one module, as a published package is compiled: tsx would transform its whole source tree again for each snippet (3 CPU-s a run). */
  let bundle: Promise<string> | undefined;
  const mistralBundle = () =>
    (bundle ??= (async () => {
      const file = join(OUT, "mistral-sdk.mjs");
      await build({ entryPoints: [join(OUT, "mistral-ts", "src", "index.ts")], bundle: true, format: "esm", platform: "node", target: "node20", outfile: file, logLevel: "error" });
      return file;
    })());
  const checkRequest = (path: string) => {
    const [req] = server.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe(path);
    expect(req.headers.authorization).toBe("Bearer key");
    expect(req.headers.accept).toMatch(/^text\/event-stream\b/);
    expect(JSON.parse(req.body).stream).toBe(true);
  };

  it.each(SECTIONS)(
    "TypeScript: $section runs unchanged and prints each event (not the sentinel)",
    async ({ section, path, kind }) => {
      sseServer(kind);
      // Server URL aside (the reference talks to Mistral's), and the package imported from its build.
      const script = block(section, "typescript")
        .replace('from "@mistralai/mistralai"', `from ${JSON.stringify(await mistralBundle())}`)
        .replace("new Mistral({", `new Mistral({\n  serverURL: ${JSON.stringify(server.url)},`);
      const file = join(OUT, `mistral-${section.replace(/\./g, "-")}.ts`);
      writeFileSync(file, script);
      const r = await run(join(ROOT, "node_modules", ".bin", "tsx"), [file], { env: { ...process.env, MISTRAL_API_KEY: "key" }, timeoutMs: 60_000 });
      expect(r.stderr).toBe("");
      // console.log prints each event (nested objects abbreviated): two, and not the sentinel.
      if (kind === "chunk") expect(r.stdout.match(/object: 'chat\.completion\.chunk'/g)?.length).toBe(2);
      else expect([...r.stdout.matchAll(/conversationId: '(conv-\d)'/g)].map((m) => m[1])).toEqual(["conv-1", "conv-2"]);
      expect(r.stdout).not.toContain("DONE");
      checkRequest(path);
    },
    60_000,
  );

  it.each(SECTIONS)(
    "Python: $section runs unchanged and prints each event (not the sentinel)",
    async ({ section, path, kind }) => {
      sseServer(kind);
      // The server URL from the SDK's environment variable. The package is `mistralai.client`, as
      // Mistral's gen.yaml names its module (a namespace package `mistralai`).
      const script = block(section, "python");
      const file = join(OUT, `mistral-${section.replace(/\./g, "-")}.py`);
      writeFileSync(file, script);
      const env = { ...process.env, MISTRAL_API_KEY: "key", MISTRAL_SERVER_URL: server.url, PYTHONPATH: join(OUT, "mistral-py", "src"), PYTHONDONTWRITEBYTECODE: "1" };
      const r = await run(PYTHON, [file], { env, timeoutMs: 60_000 });
      expect(r.stderr).toBe("");
      if (kind === "chunk") expect(r.stdout.match(/object='chat\.completion\.chunk'/g)?.length).toBe(2);
      else expect([...r.stdout.matchAll(/conversation_id='(conv-\d)'/g)].map((m) => m[1])).toEqual(["conv-1", "conv-2"]);
      expect(r.stdout).not.toContain("DONE");
      checkRequest(path);
    },
    60_000,
  );
});
