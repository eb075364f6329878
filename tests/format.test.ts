// Every emitted .ts file is unchanged by prettier, and the runtime sources shipped into every SDK are too.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCheck } from "./helpers/format.js";
import { GENERATED_TS, ROOT, listFiles, read } from "./helpers/paths.js";
import { ruffFormatCheck } from "./helpers/python.js";

describe("formatting", () => {
  it("generated/typescript: every .ts file is prettier-clean", async () => {
    const files = listFiles(join(GENERATED_TS, "src")).map((p) => ({ path: p, content: read(join(GENERATED_TS, "src", p)) }));
    expect(files.length).toBeGreaterThan(20);
    expect(await formatCheck(files)).toEqual([]);
  });

  it("templates/typescript/runtime: every .ts file is prettier-clean", async () => {
    const dir = join(ROOT, "templates", "typescript", "runtime");
    const files = listFiles(dir).map((p) => ({ path: p, content: read(join(dir, p)) }));
    expect(await formatCheck(files)).toEqual([]);
  });
});

describe("the check itself", () => {
  it("flags a file prettier would change, whichever parser saw it first", async () => {
    const files = [
      { path: "a.ts", content: "export const a = 1;\n" },
      { path: "b.ts", content: "export const b  =  {x:1}\n" },
      { path: "c.ts", content: "export type C = { x: string }\n" },
    ];
    expect(await formatCheck(files)).toEqual(["b.ts", "c.ts"]);
  });
});

describe("python formatting", () => {
  it("generated/python and templates/python/runtime: every .py file is `ruff format`-clean", () => {
    expect(ruffFormatCheck([join(ROOT, "generated", "python", "src"), join(ROOT, "templates", "python", "runtime")])).toBe("");
  });
});
