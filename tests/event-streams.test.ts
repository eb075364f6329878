// Server-sent events and streamed downloads in the TypeScript SDK, over real HTTP: the event-stream
// format's edge cases (multi-line data, comments, CR/LF/CRLF, events and characters split across
// chunks), the sentinel, typed JSON data, closing the connection on abort and on leaving the loop,
// and a timeout that fires when the server stalls mid-stream.
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT } from "./helpers/paths.js";
import { runFixtureCheck } from "./helpers/python.js";
import { run } from "./helpers/spawn.js";
import { TestServer, json } from "./helpers/server.js";

let server: TestServer;
let m: Record<string, any>;
let errors: Record<string, any>;
beforeAll(async () => {
  server = await TestServer.start();
  const out = join(ROOT, ".tmp", "event-streams-ts");
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(join(ROOT, "tests", "fixtures", "server-sent-events", "spec.yaml"), [{ name: "typescript", out, packageName: "streams", sdkClass: "SDK", version: "1.0.0" }]);
  writeOutput(out, r.files);
  m = await import(pathToFileURL(join(out, "src", "index.ts")).href);
  errors = await import(pathToFileURL(join(out, "src", "models", "errors", "index.ts")).href);
});
afterAll(() => server.close());

const sdk = (extra: Record<string, unknown> = {}) => new m.SDK({ apiKey: "k", serverURL: server.url, retryConfig: { strategy: "none" }, ...extra });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers with an event stream written in the given chunks, `gap` ms apart; resolves `closed` when the client goes. */
function streamChunks(chunks: (string | Buffer)[], opts: { gap?: number; end?: boolean } = {}) {
  let closedBy: (v: boolean) => void = () => undefined;
  const closed = new Promise<boolean>((r) => (closedBy = r));
  server.reply(async (_req, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.flushHeaders();
    let finished = false;
    res.on("close", () => closedBy(!finished));
    for (const c of chunks) {
      if (res.destroyed) return;
      res.write(c);
      await sleep(opts.gap ?? 5);
    }
    if (opts.end !== false) {
      finished = true;
      res.end();
    }
  });
  return closed;
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

describe("server-sent events: TypeScript", () => {
  it("typed JSON data in Speakeasy's envelope; the sentinel ends the stream and is not surfaced", async () => {
    streamChunks([
      'id: 1\nevent: delta\ndata: {"delta":"Hel","finish_reason":null}\n\n',
      'id: 2\nevent: delta\ndata: {"delta":"lo","finish_reason":"stop"}\nretry: 3000\n\n',
      "data: [DONE]\n\n",
      'data: {"delta":"never read"}\n\n',
    ]);
    const stream = await sdk().chat.streamChat({ prompt: "hi", maxTokens: 5 });
    expect(stream).toBeInstanceOf(m.EventStream);
    const events = await collect(stream);
    expect(events).toEqual([
      { id: "1", event: "delta", data: { delta: "Hel", finishReason: null } },
      { id: "2", event: "delta", data: { delta: "lo", finishReason: "stop" }, retry: 3000 },
    ]);
    expect(JSON.parse(server.requests[0].body)).toEqual({ prompt: "hi", max_tokens: 5 });
    expect(server.requests[0].headers.accept).toBe("text/event-stream");
  });

  it("the format's edge cases: multi-line data, comments, CRLF / CR / LF, an event and a character split across chunks, a BOM, events without data", async () => {
    const euro = Buffer.from("data: price €5\n\n");
    const cut = euro.indexOf(0xe2) + 1; // inside the three bytes of "€"
    streamChunks([
      "\uFEFF: a comment, then a keep-alive\n\n",
      "event: line\ndata: first\ndata:  second\r\n\r\n",
      "event: heartbeat\n\n", // no data: not an event
      "data: carriage\r",
      "\rdata: split across",
      " chunks\n",
      "\n",
      euro.subarray(0, cut),
      euro.subarray(cut),
      "id: 7\ndata\n\n", // a field with no colon: empty data
      "data: not closed by a blank line",
    ]);
    const events = await collect(await sdk().logs.tailLogs());
    expect(events).toEqual([{ event: "line", data: "first\n second" }, { data: "carriage" }, { data: "split across chunks" }, { data: "price €5" }, { id: "7", data: "" }]);
  });

  it("leaving the loop early closes the connection (the server sees it close)", async () => {
    const closed = streamChunks(
      Array.from({ length: 200 }, (_, i) => `data: line ${i}\n\n`),
      { gap: 10 },
    );
    const seen: string[] = [];
    for await (const e of await sdk().logs.tailLogs()) {
      seen.push(e.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(["line 0", "line 1"]);
    expect(await closed).toBe(true);
  });

  it("aborting mid-stream (fetchOptions.signal) ends the loop with RequestAbortedError and closes the connection", async () => {
    const closed = streamChunks(
      Array.from({ length: 200 }, (_, i) => `data: line ${i}\n\n`),
      { gap: 10 },
    );
    const controller = new AbortController();
    const stream = await sdk().logs.tailLogs({ fetchOptions: { signal: controller.signal } });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const e of stream) {
        seen.push(e.data);
        if (seen.length === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.RequestAbortedError);
    expect(seen.length).toBe(3);
    expect(await closed).toBe(true);
  });

  it("a server that stalls mid-stream: the timeout (between chunks) fires", async () => {
    const closed = streamChunks(["data: one\n\n", "data: two\n\n"], { end: false });
    const stream = await sdk({ timeoutMs: 300 }).logs.tailLogs();
    const seen: string[] = [];
    const started = Date.now();
    const err = await (async () => {
      for await (const e of stream) seen.push(e.data);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.RequestTimeoutError);
    expect(seen).toEqual(["one", "two"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await closed).toBe(true);
  });

  it("a stream that keeps moving outlives the timeout: it bounds each wait, not the whole stream", async () => {
    streamChunks(
      Array.from({ length: 12 }, (_, i) => `data: ${i}\n\n`),
      { gap: 50 },
    );
    const events = await collect(await sdk({ timeoutMs: 250 }).logs.tailLogs());
    expect(events.length).toBe(12);
  });

  it("an event whose data does not match its schema is an SDKError with that data", async () => {
    streamChunks(['data: {"delta": 5}\n\n', "data: not json\n\n"]);
    const err = await collect(await sdk().chat.streamChat({ prompt: "x" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.SDKError);
  });

  it("one operation, two answers: JSON when the server sends JSON, an event stream when it streams", async () => {
    server.reply((_req, res) => json(res, 200, { text: "whole" }));
    expect(await sdk().chat.sendChat({ prompt: "p", stream: false })).toEqual({ text: "whole" });
    streamChunks(['data: {"delta":"a"}\n\n', "data: [DONE]\n\n"]);
    const r = await sdk().chat.sendChat({ prompt: "p", stream: true });
    expect(r).toBeInstanceOf(m.EventStream);
    expect(await collect(r)).toEqual([{ data: { delta: "a" } }]);
    expect(server.requests[0].headers.accept).toBe("text/event-stream, application/json");
  });

  it("an error status still reads its body and raises the error", async () => {
    server.reply((_req, res) => json(res, 500, { message: "down" }));
    await expect(sdk().logs.tailLogs()).rejects.toBeInstanceOf(errors.SDKError);
  });
});

describe("streamed downloads and uploads: TypeScript", () => {
  it("a 50 MB download reaches the disk as a stream: peak memory stays far below the body's size", async () => {
    const size = 50 * 1048576;
    const chunk = Buffer.alloc(1 << 16, 7);
    server.reply(async (req, res: ServerResponse) => {
      if (req.url.includes("small")) return void res.end("x");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) });
      for (let sent = 0; sent < size; sent += chunk.length) {
        if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    });
    const out = join(ROOT, ".tmp", "event-streams-ts-download.bin");
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const r = await run(tsx, [join(ROOT, "tests", "scripts", "download-rss.ts"), join(ROOT, ".tmp", "event-streams-ts", "src", "index.ts"), server.url, out], {
      timeoutMs: 120_000,
      env: { ...process.env, NODE_OPTIONS: "--expose-gc" },
    });
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as { size: number; peakAboveMB: number };
    expect(report.size).toBe(size);
    expect(statSync(out).size).toBe(size);
    rmSync(out);
    // Measured: about 30 MB streamed, whatever the size (27 MB for 200 MB); read whole, about 150 MB.
    expect(report.peakAboveMB).toBeLessThan(40);
  }, 120_000);

  it("an upload from a ReadableStream is sent as it is read, and not retried", async () => {
    server.reply((_req, res) => json(res, 200, {}));
    const parts = ["one ", "two ", "three"];
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const next = parts.shift();
        if (next === undefined) ctrl.close();
        else ctrl.enqueue(new TextEncoder().encode(next));
      },
    });
    await sdk({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1, exponent: 1, maxElapsedTime: 100 }, retryConnectionErrors: true } }).files.uploadFile({
      name: "a.txt",
      requestBody: body,
    });
    expect(server.requests[0].body).toBe("one two three");
    expect(server.requests[0].headers["content-type"]).toBe("application/octet-stream");
  });
});

describe("server-sent events: Python", () => {
  it("sync and async: `with res as event_stream`, the format's edge cases, the sentinel, closing on exit, the stall timeout, JSON-or-stream", async () => {
    const py = await runFixtureCheck("server-sent-events", "streams", "event_streams_check.py", "event-streams-py");
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
  });
});
