// Runs bundled TypeScript usage snippets one after another in this process, each against the server
// at BASE instead of the one it names (fetch's origin is rewritten, nothing else): the "server URL
// aside" of running a reference's documented usage. A snippet calls `run()` without awaiting it, so
// one counts as done when no request has been in flight for a moment; its failures are what it
// throws (an unhandled rejection) and what it prints as failed (a standalone function's `res.ok`
// false branch). Every request carries `x-snippet: <id>` for the server to attribute it.
//
//   node run-ts-snippets.mjs <base URL> <manifest.json: [{ id, file }]>   → one JSON line on stdout
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [base, manifest] = process.argv.slice(2);
const snippets = JSON.parse(readFileSync(manifest, "utf8"));
const origin = new URL(base);

let current = "";
let inFlight = 0;
let lastActivity = 0;
const failures = new Map();
const fail = (id, why) => failures.get(id) ?? failures.set(id, String(why).split("\n")[0].slice(0, 300));

const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  url.protocol = origin.protocol;
  url.host = origin.host;
  const headers = new Headers(request.headers);
  headers.set("x-snippet", current);
  inFlight++;
  lastActivity = performance.now();
  try {
    return await realFetch(new Request(url, { method: request.method, headers, body: request.body, redirect: request.redirect, signal: request.signal, duplex: "half" }));
  } finally {
    inFlight--;
    lastActivity = performance.now();
  }
};

process.on("unhandledRejection", (e) => fail(current, e instanceof Error ? `${e.name}: ${e.message}` : e));
const print = console.log;
console.log = (...args) => {
  if (typeof args[0] === "string" && / failed:$/.test(args[0])) fail(current, `${args[0]} ${args[1] instanceof Error ? args[1].message : JSON.stringify(args[1])}`);
};
console.error = console.warn = () => {};

const settled = async () => {
  const started = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 10));
    const idle = inFlight === 0 && performance.now() - lastActivity > 60;
    if (idle || performance.now() - started > 10_000) return;
  }
};

for (const { id, file } of snippets) {
  current = id;
  lastActivity = performance.now();
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    fail(id, e instanceof Error ? `${e.name}: ${e.message}` : e);
  }
  await settled();
}
print(JSON.stringify({ failures: Object.fromEntries(failures) }));
process.exit(0);
