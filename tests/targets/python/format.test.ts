// Python modules are formatted by ruff's formatter: on a worker thread for a big SDK once enough
// modules need it, else by the format step on the main thread. Either way every module ends as ruff
// prints it, and a regeneration that renders only a few modules of a big SDK starts no worker.
import { describe, expect, it } from "vitest";
import { formatPython, RuffFormatter, WORKER_AFTER, WORKER_FROM } from "../../../generator/targets/python/format.js";
import type { OutputFile } from "../../../generator/write/write.js";

/** A module ruff changes (its quotes and spacing), and what ruff makes of it. */
const module = (i: number): OutputFile => ({ path: `src/pkg/m${i}.py`, content: `x_${i} = {'a':1}\n` });
const formatted = (i: number) => `x_${i} = {"a": 1}\n`;

/** Hands `count` modules to a formatter for an SDK of `modules`, as the rendering does; then the format step. */
async function run(modules: number, count: number) {
  const formatter = new RuffFormatter(modules);
  const files = Array.from({ length: count }, (_, i) => module(i));
  const taken = new Set(files.filter((f) => formatter.start(f)).map((f) => f.path));
  await formatter.done();
  await formatPython(files, taken);
  return { taken: taken.size, files };
}

describe("RuffFormatter", () => {
  const cases = [
    { given: "a small SDK", modules: WORKER_FROM - 1, count: 100, wantTaken: 0 },
    { given: "a big SDK rendering a few modules again (a --watch save)", modules: 10_000, count: 3, wantTaken: 0 },
    { given: "a big SDK rendering exactly as many as the main thread formats", modules: 10_000, count: WORKER_AFTER, wantTaken: 0 },
    { given: "a big SDK rendering more", modules: 10_000, count: WORKER_AFTER + 40, wantTaken: 40 },
  ];
  for (const c of cases) {
    it(`${c.given}: the worker takes ${c.wantTaken} of ${c.count}, and every module ends as ruff prints it`, async () => {
      const { taken, files } = await run(c.modules, c.count);
      expect(taken).toBe(c.wantTaken);
      expect(files.map((f) => f.content)).toEqual(files.map((_, i) => formatted(i)));
    });
  }

  it("takes no file but Python modules", () => {
    const formatter = new RuffFormatter(10_000);
    for (let i = 0; i <= WORKER_AFTER; i++) formatter.start(module(i));
    expect(formatter.start({ path: "docs/models/m.md", content: "# M\n" })).toBe(false);
    formatter.abort();
  });
});
