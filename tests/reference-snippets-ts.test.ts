// Call compatibility with Speakeasy's TypeScript SDKs: the documented usage of three public
// Speakeasy-generated SDKs (Dub, Mistral, OpenRouter; extracted in tests/reference-snippets/, each
// snippet kept only if it type-checks against Speakeasy's own SDK) type-checks against ours,
// generated from the same spec with the config `specsmith init --from-speakeasy` writes from their
// gen.yaml; and every snippet that calls an operation runs against `specsmith mock` of that spec,
// sending the method and path its page documents.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { loadApi } from "../generator/api.js";
import { loadConfig } from "../generator/config.js";
import { createMockServer } from "../generator/mock/server.js";
import { generateAll } from "../generator/generate.js";
import { runInit } from "../generator/init.js";
import { writeOutput } from "../generator/write/write.js";
import { ROOT } from "./helpers/paths.js";
import { REFERENCE_SDKS, snippetErrors, writeSnippetProject, type ReferenceSdk, type ReferenceSnippet } from "./helpers/reference-sdks.js";
import { run } from "./helpers/spawn.js";
import { tscAsync } from "./helpers/tsc.js";

const OUT = join(ROOT, ".tmp", "reference-snippets-ts");

/** Our SDK for a reference: the config init writes from its gen.yaml, then a generation with it. */
async function generateOurs(ref: ReferenceSdk, dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, "specsmith.yaml");
  runInit({ spec: ref.spec, config: configPath, fromSpeakeasy: ref.genYaml }, () => {});
  const config = loadConfig(configPath);
  const ts = config.targets.filter((t) => t.name === "typescript").map((t) => ({ ...t, tests: false }));
  const [result] = await generateAll(config.spec, ts);
  writeOutput(result.target.out, result.files);
  return result.target.out;
}

/**
 * tsconfig `paths` for the package, from our package.json's `exports` (each subpath to its source
 * instead of its build), so a snippet resolves only what the published package exports.
 */
function exportPaths(sdk: string, packageName: string): Record<string, string[]> {
  const exports = JSON.parse(readFileSync(join(sdk, "package.json"), "utf8")).exports as Record<string, string | { types: string }>;
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const types = typeof target === "string" ? target : target.types;
    if (!types.endsWith(".d.ts")) continue;
    paths[packageName + subpath.slice(1)] = [join(sdk, types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts"))];
  }
  return paths;
}

/** The snippets that do not type-check against our SDK, with their first error. */
async function typeErrors(snippets: ReferenceSnippet[], sdk: string, packageName: string, dir: string): Promise<Map<number, string>> {
  writeSnippetProject(snippets, dir, exportPaths(sdk, packageName));
  const r = await tscAsync(["-p", dir]);
  const errors = snippetErrors(r.output);
  // Diagnostics outside the snippets (our SDK's own sources) fail the check as a whole.
  expect(r.output.split("\n").filter((l) => /error TS/.test(l) && !/(^|\/)s\d+\.ts\(/.test(l))).toEqual([]);
  return errors;
}

/** A documented path template as a pattern over the request's path (the server's base path may come first). */
function pathPattern(template: string): RegExp {
  const escaped = template
    // Speakeasy tells an operation's twins apart by a fragment (`/v1/conversations#stream`); it is not sent.
    .replace(/#.*$/, "")
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\\?\{[^}]+\\?\}/g, "[^/]+");
  return new RegExp(`${escaped}$`);
}

/** Bundles the snippets (the SDK resolved through the check's tsconfig paths) and runs them against the spec's mock. */
async function runSnippets(ref: ReferenceSdk, ids: number[], checkDir: string, dir: string): Promise<{ sent: Map<number, string[]>; failures: Record<string, string> }> {
  const outdir = join(dir, "run");
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: ids.map((i) => join(checkDir, `s${i}.ts`)),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    tsconfig: join(checkDir, "tsconfig.json"),
    logLevel: "error",
  });
  const manifest = join(dir, "run-manifest.json");
  writeFileSync(manifest, JSON.stringify(ids.map((i) => ({ id: String(i), file: join(outdir, `s${i}.js`) }))));
  const mock = createMockServer(loadApi(ref.spec).api);
  const sent = new Map<number, string[]>();
  const server = createServer((req, res) => {
    const id = Number(req.headers["x-snippet"]);
    sent.set(id, [...(sent.get(id) ?? []), `${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`]);
    mock.emit("request", req, res);
  });
  // Idle connections are kept for the whole run: closed by the server after its default 5 s, one
  // could be reused by fetch just as it closes (a snippet that waits), and reset (ECONNRESET).
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = { ...process.env, MISTRAL_API_KEY: "key", OPENROUTER_API_KEY: "key", DUB_API_KEY: "key" };
    // Upload snippets read `example.file` from where they run.
    writeFileSync(join(dir, "example.file"), "an example upload\n");
    const r = await run(process.execPath, [join(ROOT, "tests", "helpers", "run-ts-snippets.mjs"), base, manifest], { cwd: dir, env, timeoutMs: 600_000 });
    const report = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as { failures?: Record<string, string> };
    if (!report.failures) throw new Error(`the snippet runner failed: ${r.stderr.slice(0, 2000)}`);
    return { sent, failures: report.failures };
  } finally {
    server.close();
  }
}

/** Type-checks every snippet against our SDK for `ref`; writes the errors beside; returns them. */
async function checkTypes(ref: ReferenceSdk, snippets: ReferenceSnippet[], sdk: string, dir: string): Promise<Map<number, string>> {
  const errors = await typeErrors(snippets, sdk, ref.packageName, join(dir, "check"));
  const report = [...errors].map(([i, e]) => `${snippets[i].page}: ${e}`);
  writeFileSync(join(dir, "type-errors.txt"), report.join("\n") + "\n");
  expect(snippets.length).toBeGreaterThan(100);
  const rate = (snippets.length - errors.size) / snippets.length;
  expect({ passed: snippets.length - errors.size, total: snippets.length, rate, first: report.slice(0, 10) }).toMatchObject({ rate: expect.toSatisfy((r: number) => r >= ref.floor) });
  return errors;
}

/** Runs the operation snippets that type-check; each must send its documented request and run to its end. */
async function checkRuns(ref: ReferenceSdk, snippets: ReferenceSnippet[], errors: Map<number, string>, dir: string): Promise<void> {
  const ids = snippets.flatMap((s, i) => (s.method && s.path && !errors.has(i) ? [i] : []));
  expect(ids.length).toBeGreaterThan(40);
  const { sent, failures } = await runSnippets(ref, ids, join(dir, "check"), dir);
  const wrong = ids.flatMap((i) => {
    const want = snippets[i];
    const ok = (sent.get(i) ?? []).some((r) => r.startsWith(`${want.method} `) && pathPattern(want.path!).test(r.slice(want.method!.length + 1)));
    return ok ? [] : [`${want.page} ${want.operationId}: wanted ${want.method} ${want.path}, sent ${JSON.stringify(sent.get(i) ?? [])}${failures[i] ? ` (${failures[i]})` : ""}`];
  });
  const failed = Object.entries(failures).map(([i, f]) => `${snippets[Number(i)].page} ${snippets[Number(i)].operationId}: ${f}`);
  writeFileSync(join(dir, "run-report.txt"), [...wrong, "", ...failed].join("\n") + "\n");
  expect(wrong).toEqual([]);
  // And each ran to its end: nothing thrown, no standalone function's `failed:` branch taken.
  expect(failed).toEqual([]);
}

// The three run side by side: most of a run is waiting on the local server.
describe("Speakeasy's documented TypeScript usage against our SDKs", () => {
  it.concurrent.each(REFERENCE_SDKS)(
    "$name: at least $floor of the snippets that type-check against Speakeasy's SDK type-check against ours; every one of them that calls an operation runs to its end against specsmith mock, sending the documented method and path",
    async (ref) => {
      const dir = join(OUT, ref.name);
      const snippets = JSON.parse(readFileSync(join(ROOT, "tests", "reference-snippets", ref.name, "snippets.json"), "utf8")) as ReferenceSnippet[];
      const sdk = await generateOurs(ref, join(dir, "project"));
      const errors = await checkTypes(ref, snippets, sdk, dir);
      await checkRuns(ref, snippets, errors, dir);
    },
    900_000,
  );
});
