// Downloads a big file through a generated TypeScript SDK, to disk, and reports the process's peak
// resident memory above what it held before the download (tests/event-streams.test.ts, the bench).
// Usage: tsx download-rss.ts SDK_INDEX SERVER_URL OUT_FILE
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";

const [index, serverURL, outFile] = process.argv.slice(2);
const m = await import(pathToFileURL(index).href);
const sdk = new m.SDK({ apiKey: "k", serverURL });
// A first small download loads fetch's machinery: the baseline is taken after it.
await new Response(await sdk.files.downloadFile({ name: "small.bin" })).arrayBuffer();
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
// Garbage (chunks already written) is collected as it would be under memory pressure, so that the
// peak measures what the download holds, not how lazily V8 frees external buffers.
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
  global.gc?.();
}, 20);
const started = performance.now();
const stream: ReadableStream<Uint8Array> = await sdk.files.downloadFile({ name: "big.bin" });
await pipeline(Readable.fromWeb(stream as never), createWriteStream(outFile));
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const { size } = await stat(outFile);
process.stdout.write(JSON.stringify({ size, peakAboveMB: (peak - before) / 1048576, ms: performance.now() - started }) + "\n");
