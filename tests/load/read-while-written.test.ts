// A spec saved while it is read (an editor's save; a --watch run that began at the save's first byte)
// is told apart from a broken one: it is a ReadWhileWritten, which --watch does not report (the save
// raises an event of its own, and the next run reads the file whole), found before the slow reading
// that reports where a broken file breaks.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics.js";
import { generateAll } from "../../generator/generate.js";
import { ReadWhileWritten, SourceFile } from "../../generator/load/source.js";
import { tempDir } from "../helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const WHOLE = JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a": { get: { responses: { 200: { description: "ok" } } } } } });
const changed = () => {
  throw new ReadWhileWritten([{ severity: "error", file: "x", line: 0, column: 0, pointer: "#", message: "changed", hint: "" }]);
};

describe("SourceFile.parse asks whether the file is still the text read, before a slow reading", () => {
  const cases: { given: string; path: string; text: string; unchanged: () => void; want: "read" | "changed" | "broken" }[] = [
    { given: "a whole JSON file, changed since", path: "/spec.json", text: WHOLE, unchanged: changed, want: "read" },
    { given: "half a JSON file, changed since", path: "/spec.json", text: WHOLE.slice(0, 40), unchanged: changed, want: "changed" },
    { given: "half a JSON file, not changed since", path: "/spec.json", text: WHOLE.slice(0, 40), unchanged: () => {}, want: "broken" },
    { given: "a whole YAML file, changed since", path: "/spec.yaml", text: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", unchanged: changed, want: "read" },
    { given: "half a YAML file js-yaml refuses, changed since", path: "/spec.yaml", text: "openapi: 3.1.0\ninfo: {title: t, vers", unchanged: changed, want: "changed" },
    { given: "half a YAML file js-yaml refuses, not changed since", path: "/spec.yaml", text: "openapi: 3.1.0\ninfo: {title: t, vers", unchanged: () => {}, want: "broken" },
  ];
  for (const c of cases) {
    it(`${c.given}: ${c.want}`, () => {
      let got: "read" | "changed" | "broken";
      try {
        SourceFile.parse(c.path, c.text, c.unchanged);
        got = "read";
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        got = e instanceof ReadWhileWritten ? "changed" : "broken";
      }
      expect(got).toBe(c.want);
    });
  }
});

describe("SourceFile.read of a file another process is writing", () => {
  it("reads it whole, or says it changed while it was read: never a prefix as the file", async () => {
    dir = tempDir();
    const path = join(dir, "spec.json");
    // 2 MB: a read takes long enough for the writer to append during it. Spaces after the JSON keep
    // every whole reading valid, so anything but a document or ReadWhileWritten is a failure.
    writeFileSync(path, WHOLE.replace('"t"', JSON.stringify("t".repeat(2_000_000))));
    const writer = spawn(process.execPath, ["-e", `const fs = require("fs"); const fd = fs.openSync(${JSON.stringify(path)}, "a"); fs.writeSync(1, "go\\n"); for (;;) fs.writeSync(fd, " ");`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout!.once("data", () => resolve());
        writer.once("exit", (code) => reject(new Error(`the writer exited (${code})`)));
      });
      let read = 0;
      let told = 0;
      for (let i = 0; i < 400 && told < 5; i++) {
        try {
          const file = SourceFile.read(path);
          expect((file.data as { openapi: string }).openapi).toBe("3.1.0");
          read++;
        } catch (e) {
          if (!(e instanceof ReadWhileWritten)) throw e;
          expect(e.diagnostics[0]!.message).toBe(`${path} changed while it was being read`);
          told++;
        }
      }
      expect(told, `${read} readings whole`).toBeGreaterThan(0);
    } finally {
      writer.kill("SIGKILL");
    }
  });
});

describe("a generation whose spec changed while it ran", () => {
  // A YAML file read while its save had written only the first operations reads as a smaller API:
  // what the run made of it must not be written over the SDK.
  const YAML = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'200': {description: ok}}\n";
  const targets = (dir: string) => [{ name: "typescript", out: join(dir, "ts"), packageName: "t", sdkClass: "T", version: "0.1.0" }];

  it("fails as a read while written once the spec changed after it was loaded; nothing is written", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    writeFileSync(spec, YAML);
    const run = generateAll(spec, targets(dir), {
      // Told when the target is made, before the run ends: the save's second half lands now.
      staged: () => appendFileSync(spec, "  /b:\n    get:\n      operationId: getB\n      responses: {'200': {description: ok}}\n"),
    });
    await expect(run).rejects.toBeInstanceOf(ReadWhileWritten);
    expect(existsSync(join(dir, "ts"))).toBe(false);
  });

  it("ends as usual when the spec stayed as it was read", async () => {
    dir = tempDir();
    const spec = join(dir, "spec.yaml");
    writeFileSync(spec, YAML);
    const [result] = await generateAll(spec, targets(dir), { staged: () => undefined });
    expect(result.files.map((f) => f.path)).toContain("src/funcs/aGetA.ts");
  });
});
