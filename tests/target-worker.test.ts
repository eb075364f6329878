// Targets after the first generated on worker threads (generator/target-worker.ts): the same bytes as
// one thread writes, fresh and after an edit, and what crosses between the threads. The CLI runs as
// installed (only the bundle starts workers); SPECSMITH_THREADS=2 asks for threads on any machine and
// any API, SPECSMITH_THREADS=1 for none.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError, UsageError, type Diagnostic } from "../generator/diagnostics.js";
import { asPacked } from "../generator/targets/shared/packed-file.js";
import { errorFromWire, errorToWire, fileFromWire, fileToWire } from "../generator/target-worker.js";
import { digestOf } from "../generator/write/stat-index.js";
import type { OutputFile } from "../generator/write/write.js";
import { specsmith } from "./helpers/cli.js";
import { SPEC, listFiles, tempDir } from "./helpers/paths.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("specsmith-threads-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project of its own with both targets (generated tests on: their mock's paths are relative to each SDK), generated with `threads`. */
function project(name: string, threads: string) {
  const root = join(dir, name);
  const spec = join(root, "spec.yaml");
  const config = join(root, "specsmith.yaml");
  mkdirSync(root, { recursive: true });
  copyFileSync(SPEC, spec);
  writeFileSync(
    config,
    [
      "spec: spec.yaml",
      "targets:",
      "  typescript:",
      "    out: ts",
      "    packageName: clerk-backend-api",
      "    sdkClass: Clerk",
      "    tests: true",
      "  python:",
      "    out: py",
      "    packageName: clerk_backend_api",
      "    sdkClass: Clerk",
      "    baseErrorName: ClerkBaseError",
      "    tests: true",
      "",
    ].join("\n"),
  );
  return { root, spec, config, threads };
}

const generate = (p: ReturnType<typeof project>, ...extra: string[]) => specsmith(["generate", "--config", p.config, ...extra], undefined, { env: { SPECSMITH_THREADS: p.threads } });

/** Every file of both SDKs with the digest of its bytes, but the stat index (file times: this machine's, not the generation's). */
function tree(p: ReturnType<typeof project>): Map<string, string> {
  return new Map(
    ["ts", "py"].flatMap((out) =>
      listFiles(join(p.root, out), (rel) => rel === ".specsmith/index.json").map((rel): [string, string] => [`${out}/${rel}`, digestOf(readFileSync(join(p.root, out, rel)))]),
    ),
  );
}

describe("targets on worker threads", () => {
  it("write what one thread writes, fresh and after an edit (unchanged files come back from the worker as the pack's bytes), and --check agrees", () => {
    const threaded = project("threaded", "2");
    const single = project("single", "1");
    for (const p of [threaded, single]) {
      const r = generate(p);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(tree(threaded).size).toBeGreaterThan(100);
    expect(tree(threaded)).toEqual(tree(single));

    // One operation's description edited: a patch release, a few files written, the rest recalled from each folder's pack.
    const lines: string[] = [];
    for (const p of [threaded, single]) {
      const text = readFileSync(p.spec, "utf8");
      const edited = text.replace(/(\n\s+description: )([A-Za-z][^\n:#]*)\n/, "$1$2 Edited.\n");
      expect(edited).not.toBe(text);
      writeFileSync(p.spec, edited);
      const r = generate(p);
      expect(r.code, r.stderr).toBe(0);
      lines.push(r.stdout.replace(/ in \d+ ms/, "").replaceAll(p.root, "<root>"));
    }
    expect(lines[0]).toMatch(/typescript 0\.1\.0 → 0\.1\.1/);
    expect(lines[0]).toMatch(/python 0\.1\.0 → 0\.1\.1/);
    expect(lines[0]).toBe(lines[1]);
    expect(tree(threaded)).toEqual(tree(single));

    const check = generate(threaded, "--check");
    expect(check.code, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it.each([
    ["2", true],
    ["1", false],
  ])(
    "SPECSMITH_THREADS=%s: each target's step timings print once (the second target planned, rendered and formatted on a worker thread: %s)",
    (threads, threaded) => {
      const where = threaded ? " on a worker thread" : "";
      const p = project(`timings-${threads}`, threads);
      const r = specsmith(["generate", "--config", p.config], undefined, { env: { SPECSMITH_THREADS: threads, SPECSMITH_TIMINGS: "1" } });
      expect(r.code, r.stderr).toBe(0);
      const line = (step: string, target: string, on: string) => new RegExp(`^specsmith: ${step} ${target}( \\([^)]*\\))?${on}: \\d+ ms, \\d+ MB resident$`, "gm");
      for (const step of ["planning", "versioning", "rendering", "formatting", "writing"]) {
        // The writing is the main thread's, for both.
        const on = step === "writing" ? "" : where;
        expect(r.stderr.match(line(step, "typescript", "")), `${step} typescript`).toHaveLength(1);
        expect(r.stderr.match(line(step, "python", on)), `${step} python${on}`).toHaveLength(1);
      }
      expect(r.stderr.match(/^specsmith: loading the spec: /gm)).toHaveLength(1);
    },
    60_000,
  );
});

describe("what crosses between the threads", () => {
  it("a file held as the pack's bytes crosses as them and reads as its text; another crosses with its own fields", () => {
    const text = "export const café = 1;\n";
    const bytes = new TextEncoder().encode(text);
    let decoded = 0;
    const packed = asPacked({ path: "src/a.ts", key: "k1", content: "" }, { bytes: () => bytes, size: bytes.length, digest: "d1", text: () => (decoded++, text) });
    const plain: OutputFile = { path: "README.md", content: "# Title\n", once: true, digest: "d2" };
    const [a, b] = structuredClone([packed, plain].map(fileToWire)).map(fileFromWire);
    expect(decoded).toBe(0);
    expect(a.packed).toEqual(bytes);
    expect({ path: a.path, key: a.key, digest: a.digest, content: a.content }).toEqual({ path: "src/a.ts", key: "k1", digest: "d1", content: text });
    expect(b).toEqual(plain);
    // A packed file whose content was replaced crosses as its new text, without the old digest or bytes.
    packed.content = "export const x = 2;\n";
    const [c] = structuredClone([packed].map(fileToWire)).map(fileFromWire);
    expect(c).toEqual({ path: "src/a.ts", key: "k1", content: "export const x = 2;\n" });
    expect(c.packed).toBeUndefined();
  });

  it("a SpecError keeps its diagnostics, a UsageError its class, another error its name and message", () => {
    const diagnostic: Diagnostic = { severity: "error", file: "spec.yaml", line: 3, column: 5, pointer: "#/paths", message: "is not an object", hint: "write a map" };
    const spec = errorFromWire(structuredClone(errorToWire(new SpecError([diagnostic]))));
    expect(spec).toBeInstanceOf(SpecError);
    expect((spec as SpecError).diagnostics).toEqual([diagnostic]);
    expect(spec.message).toBe(new SpecError([diagnostic]).message);
    const usage = errorFromWire(structuredClone(errorToWire(new UsageError("two targets write into overlapping folders"))));
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage.message).toBe("two targets write into overlapping folders");
    const other = new RangeError("too deep");
    const back = errorFromWire(structuredClone(errorToWire(other)));
    expect([back.name, back.message, back.stack]).toEqual(["RangeError", "too deep", other.stack]);
    expect(errorFromWire(structuredClone(errorToWire("a string"))).message).toBe("a string");
  });
});
