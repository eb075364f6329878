// What a run tells its user: progress on a terminal (and only there), a one-line summary, nothing but
// warnings with --quiet, one JSON object with --json.
import { spawnSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TargetConfig } from "../generator/config.js";
import { generateAll } from "../generator/generate.js";
import { terminalProgress, timingProgress, type Progress } from "../generator/progress.js";
import { CLI, specsmith } from "./helpers/cli.js";
import { SPEC, tempDir } from "./helpers/paths.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("specsmith-progress-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function args(name: string, ...extra: string[]): string[] {
  const spec = join(dir, `${name}.yaml`);
  copyFileSync(SPEC, spec);
  return ["generate", "--spec", spec, "--out", join(dir, name), ...extra];
}

describe("timingProgress (SPECSMITH_TIMINGS=1)", () => {
  it("prints each step's wall time and the memory resident at its end when the next starts, and the last at the end", () => {
    let t = 0;
    const out: string[] = [];
    let rss = 50 * 1048576;
    const p = timingProgress(
      { write: (s: string) => out.push(s) },
      () => t,
      () => rss,
    );
    p.phase("loading the spec");
    t = 120.4;
    p.phase("planning typescript");
    p.step(1, 2);
    t = 150;
    rss = 80.6 * 1048576;
    p.end();
    p.end();
    expect(out.join("")).toBe("specsmith: loading the spec: 120 ms, 50 MB resident\nspecsmith: planning typescript: 30 ms, 81 MB resident\n");
  });

  it("a real run prints its steps on stderr, even without a terminal", () => {
    const r = spawnSync(process.execPath, [CLI, ...args("timings", "--quiet")], { encoding: "utf8", env: { ...process.env, SPECSMITH_TIMINGS: "1" } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^specsmith: loading the spec: \d+ ms, \d+ MB resident\nspecsmith: building the API model: \d+ ms, \d+ MB resident\nspecsmith: planning typescript: \d+ ms, \d+ MB resident\n[\s\S]*specsmith: writing typescript: \d+ ms, \d+ MB resident\n$/,
    );
  });
});

describe("terminalProgress", () => {
  const fake = () => {
    let t = 0;
    const out: string[] = [];
    const p = terminalProgress({ write: (s: string) => out.push(s), columns: 60 }, 500, () => t);
    return { p, out, at: (ms: number) => (t = ms) };
  };

  it("stays silent for a short run", () => {
    const { p, out, at } = fake();
    p.phase("loading the spec");
    at(300);
    p.phase("writing typescript");
    p.step(10, 10);
    p.end();
    expect(out).toEqual([]);
  });

  it("shows a long run's step in one line rewritten in place, throttled, and clears it at the end", () => {
    const { p, out, at } = fake();
    at(600);
    p.phase("rendering typescript");
    p.phase("writing typescript");
    at(610);
    p.step(256, 17_880);
    at(700);
    p.step(512, 17_880);
    p.step(17_880, 17_880);
    p.end();
    expect(out).toEqual([
      "\r\x1b[Kspecsmith: rendering typescript (0.6 s)",
      "\r\x1b[Kspecsmith: writing typescript (0.6 s)",
      // 610 ms: within 80 ms of the last line, not drawn; 700 ms: drawn; the last step always.
      "\r\x1b[Kspecsmith: writing typescript 512/17,880 (0.7 s)",
      "\r\x1b[Kspecsmith: writing typescript 17,880/17,880 (0.7 s)",
      "\r\x1b[K",
    ]);
    expect(out.every((line) => line.length - "\r\x1b[K".length <= 59)).toBe(true);
  });
});

describe("terminalProgress: shares and widths", () => {
  it("shows a rendering's share in per cent, throttled like the steps", () => {
    let t = 0;
    const out: string[] = [];
    const p = terminalProgress({ write: (s: string) => out.push(s), columns: 60 }, 500, () => t);
    t = 600;
    p.phase("rendering typescript");
    t = 650;
    p.share(100, 3_000);
    t = 700;
    p.share(1_350, 3_000);
    t = 900;
    p.share(3_000, 3_000);
    p.phase("formatting typescript");
    expect(out).toEqual([
      "\r\x1b[Kspecsmith: rendering typescript (0.6 s)",
      "\r\x1b[Kspecsmith: rendering typescript 45 % (0.7 s)",
      "\r\x1b[Kspecsmith: rendering typescript 100 % (0.9 s)",
      "\r\x1b[Kspecsmith: formatting typescript (0.9 s)",
    ]);
  });

  it("a terminal that gives no width (0 columns) counts as 80 wide: the line is whole", () => {
    const out: string[] = [];
    let t = 0;
    const p = terminalProgress({ write: (s: string) => out.push(s), columns: 0 }, 0, () => t);
    t = 1500;
    p.phase("planning typescript");
    expect(out).toEqual(["\r\x1b[Kspecsmith: planning typescript (1.5 s)"]);
  });
});

describe("a generation's rendering progress", () => {
  it("the IR's build, then each target's rendering, tell their share as they go, up to the whole of it", async () => {
    const shares: [string, number, number][] = [];
    let phase = "";
    const progress: Progress = { phase: (p) => (phase = p), step() {}, share: (d, t) => shares.push([phase, d, t]), end() {} };
    const out = join(dir, "shares");
    await generateAll(
      SPEC,
      [
        { name: "typescript", out: join(out, "ts"), packageName: "p", sdkClass: "P", version: "0.1.0" } as TargetConfig,
        { name: "python", out: join(out, "py"), packageName: "p", sdkClass: "P", version: "0.1.0" } as TargetConfig,
      ],
      { progress, release: false },
    );
    for (const phase of ["building the API model", "rendering typescript", "rendering python"]) {
      const mine = shares.filter(([p]) => p === phase);
      expect(mine.length, phase).toBeGreaterThan(3);
      const total = mine[0][2];
      expect(mine.every(([, d, t], i) => t === total && d > 0 && (i === 0 || d > mine[i - 1][1]))).toBe(true);
      expect(mine.at(-1)![1]).toBe(total);
    }
  });
});

describe("generate's output", () => {
  it("on a terminal: the steps, then the line cleared and the summary", () => {
    // A pseudo-terminal (Python's pty module) around the CLI: stderr is a TTY there.
    const r = spawnSync("python3", ["-c", "import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)", process.execPath, CLI, ...args("tty")], {
      encoding: "utf8",
      env: { ...process.env, SPECSMITH_PROGRESS_DELAY_MS: "0" },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    for (const step of ["loading the spec", "building the API model", "planning typescript", "versioning typescript", "rendering typescript", "formatting typescript", "writing typescript"])
      expect(r.stdout).toContain(`specsmith: ${step}`);
    expect(r.stdout).toMatch(/writing typescript \d+\/\d+/);
    // The progress line is cleared before the run's lines (the release, then the summary) are printed.
    expect(r.stdout).toMatch(/\r\x1b\[K(\r\n|\n)?specsmith: typescript [\d.]+: first generation[^\r\n]*\r?\nspecsmith: generated typescript/);
  });

  it("without a terminal: no progress at all", () => {
    const r = specsmith(args("pipe"), undefined, { env: { SPECSMITH_PROGRESS_DELAY_MS: "0" } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("specsmith: generated typescript");
    expect(r.stdout).not.toContain("\x1b[K");
  });

  it("--quiet prints nothing on success", () => {
    const r = specsmith(args("quiet", "--quiet"));
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("--json: one object per run with the files, the release and whether anything was to do", () => {
    const a = args("json", "--json");
    const first = specsmith(a);
    expect(first.code, first.stderr).toBe(0);
    const s = JSON.parse(first.stdout);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    expect(s).toMatchObject({
      upToDate: false,
      targets: [{ name: "typescript", out: join(dir, "json"), removed: 0, merged: [], conflicts: [], release: { reason: "first", previous: null, version: "0.1.0" } }],
    });
    expect(s.targets[0].written).toBe(s.targets[0].files);
    const again = JSON.parse(specsmith(a).stdout);
    expect(again).toMatchObject({ upToDate: true, targets: [{ name: "typescript", release: { version: "0.1.0", reason: "up to date" } }] });
    const check = specsmith([...a, "--check"]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).upToDate).toBe(true);
  });

  it("--json does not go with --watch", () => {
    const r = specsmith(args("json-watch", "--json", "--watch"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--json prints one run's summary; it does not go with --watch");
  });
});
