// Run under a file size limit (off-heap.test.ts): moves texts out until the spill file cannot grow,
// then reports what reads back. Argument: the folder to spill into.
import { OffHeapTexts } from "../../generator/targets/shared/off-heap.js";
import type { OutputFile } from "../../generator/write/write.js";

const out = new OffHeapTexts(process.argv[2], 0);
// 1 KiB texts: 64 fit under the 64 KiB limit; the 65th write fails.
const files = Array.from({ length: 100 }, (_, i): OutputFile => ({ path: `f${i}.md`, content: `${i}:`.padEnd(1023, "x") + "\n" }));
const texts = files.map((f) => f.content);
for (const f of files) out.move(f);
const lock: OutputFile = { path: "lock.json", content: "" };
const spilled = out.spill(lock, ["a", "b"]);
const stashed = out.stash(["a", "b"]);
process.stdout.write(
  JSON.stringify({
    firstReadBack: files[0].content === texts[0],
    movedBeforeFull: out.moved.files,
    lastInMemory: files[99].packed === undefined,
    spilledAfterFull: spilled,
    stashedAfterFull: stashed !== undefined,
    allReadBack: files.every((f, i) => f.content === texts[i]),
  }),
);
