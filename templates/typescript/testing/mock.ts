/**
 * The mock server this SDK's tests run against: `specsmith mock`, started from the spec and overlays
 * tests/mock.json names (paths relative to the SDK's folder), on a free port of 127.0.0.1. specsmith
 * is the CLI script SPECSMITH names, else the `specsmith` package installed in this folder or one
 * above it (as Node resolves packages).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface Mock {
  /** The server's URL, for the SDK's `serverURL`. */
  url: string;
  close(): Promise<void>;
}

export async function startMock(): Promise<Mock> {
  const inputs = JSON.parse(
    readFileSync(join(ROOT, "tests", "mock.json"), "utf8"),
  ) as { spec: string; overlays: string[] };
  const args = [
    "mock",
    resolve(ROOT, inputs.spec),
    "--port",
    "0",
    ...inputs.overlays.flatMap((o) => ["--overlay", resolve(ROOT, o)]),
  ];
  const child = spawn(process.execPath, [specsmithCli(), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let said = "";
  let errors = "";
  child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
  const url = await new Promise<string>((listening, failed) => {
    child.stdout.on("data", (d: Buffer) => {
      said += d.toString();
      const m = / at (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (m) listening(m[1]);
    });
    child.once("error", failed);
    child.once("exit", (code) =>
      failed(
        new Error(
          `specsmith mock stopped (exit code ${code}) before it listened:\n${errors}`,
        ),
      ),
    );
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    url,
    close: async () => {
      child.kill("SIGINT");
      await exited;
    },
  };
}

function specsmithCli(): string {
  if (process.env.SPECSMITH) return process.env.SPECSMITH;
  try {
    return createRequire(join(ROOT, "package.json")).resolve(
      "specsmith/bin/specsmith.js",
    );
  } catch {
    throw new Error(
      "These tests run `specsmith mock`: install specsmith (npm install -D specsmith), or set SPECSMITH to its CLI script.",
    );
  }
}

/**
 * What a call returned, read to its end: every page of a paginated list, every event of a stream,
 * every byte of a download (the mock serves each finitely).
 */
export async function drain<T>(result: T): Promise<T> {
  if (result instanceof ReadableStream) {
    const reader = result.getReader();
    while (!(await reader.read()).done);
  } else if (
    typeof result === "object" &&
    result !== null &&
    Symbol.asyncIterator in result
  ) {
    let n = 0;
    for await (const _ of result as AsyncIterable<unknown>) {
      // The mock serves a few pages and events: a result that goes on loops (fail, never hang).
      if (++n > MAX_ITEMS) {
        throw new Error(
          `the result went on past ${MAX_ITEMS} pages or events: the SDK or the mock loops`,
        );
      }
    }
  }
  return result;
}

const MAX_ITEMS = 1000;
