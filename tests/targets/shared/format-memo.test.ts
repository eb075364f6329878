// FormatMemo (--watch): a file takes the last run's formatted text only when it printed exactly the
// same text at the same path, with the same hint; only the last run's files are kept.
import { describe, expect, it } from "vitest";
import { FormatMemo, recalled } from "../../../generator/targets/shared/format-memo.js";

interface Case {
  name: string;
  /** What the last run formatted: path, raw text, formatted text, hint. */
  last: [string, string, string, boolean][];
  /** What this run printed, and its hint. */
  now: [string, string, boolean];
  want: string | undefined;
}

const CASES: Case[] = [
  { name: "the same text at the same path", last: [["a.ts", "x", "X", false]], now: ["a.ts", "x", false], want: "X" },
  { name: "another text at that path", last: [["a.ts", "x", "X", false]], now: ["a.ts", "y", false], want: undefined },
  { name: "the same text at another path", last: [["a.ts", "x", "X", false]], now: ["b.ts", "x", false], want: undefined },
  { name: "the same text, another hint", last: [["a.ts", "x", "X", true]], now: ["a.ts", "x", false], want: undefined },
  { name: "the same text and hint", last: [["a.ts", "x", "X", true]], now: ["a.ts", "x", true], want: "X" },
  { name: "a text that differs in one trailing byte", last: [["a.ts", "x\n", "X", false]], now: ["a.ts", "x", false], want: undefined },
  { name: "nothing formatted last run", last: [], now: ["a.ts", "x", false], want: undefined },
];

describe("FormatMemo", () => {
  it.each(CASES)("$name", ({ last, now, want }) => {
    const memo = new FormatMemo();
    memo.startRun();
    for (const [path, raw, formatted, hint] of last) memo.remember(path, raw, formatted, hint);
    memo.startRun();
    expect(memo.recall(now[0], now[1], now[2])).toBe(want);
  });

  it("keeps only the last run's files: one not printed again is forgotten", () => {
    const memo = new FormatMemo();
    memo.startRun();
    memo.remember("a.ts", "a", "A");
    memo.remember("b.ts", "b", "B");
    memo.startRun();
    expect(memo.recall("a.ts", "a")).toBe("A");
    memo.startRun();
    expect(memo.recall("a.ts", "a")).toBe("A");
    expect(memo.recall("b.ts", "b")).toBeUndefined();
  });

  it("has a file take the formatted text, or leaves it as it is", () => {
    const memo = new FormatMemo();
    memo.startRun();
    memo.remember("a.ts", "a", "A");
    memo.startRun();
    const hit = { path: "a.ts", content: "a" };
    const miss = { path: "a.ts", content: "changed" };
    expect([recalled(hit, memo), hit.content]).toEqual([true, "A"]);
    expect([recalled(miss, memo), miss.content]).toEqual([false, "changed"]);
    expect([recalled(miss, undefined), miss.content]).toEqual([false, "changed"]);
  });
});
