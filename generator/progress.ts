/**
 * What a long run is doing, on a terminal: one line on stderr, rewritten in place ("specsmith:
 * rendering typescript 45 %", "writing typescript 4,096/17,880"), shown only once the run has taken
 * longer than half a second and cleared when it ends. Nothing at all without a terminal (CI, a pipe),
 * with `--quiet` or with `--json`.
 */
export interface Progress {
  /** A new step: what the run does now. */
  phase(what: string): void;
  /** How far the current step is: `done` of `total` items (files written). */
  step(done: number, total: number): void;
  /**
   * How far the current step is, as a share: `done` of `total` units it counts in its own way (a
   * target's rendering counts its plan's models and operations, which are not its files).
   */
  share(done: number, total: number): void;
  /** The run is over: the line goes. */
  end(): void;
}

export const SILENT: Progress = { phase() {}, step() {}, share() {}, end() {} };

interface Terminal {
  write(text: string): unknown;
  columns?: number;
}

/**
 * Progress on `stream` (a TTY: writes to it are synchronous, so the line moves even while generation
 * keeps the event loop busy). `delayMs`: how long a run stays silent first.
 */
export function terminalProgress(stream: Terminal, delayMs = 500, now: () => number = () => performance.now()): Progress {
  const started = now();
  let what = "";
  // How far the step is, formatted only when the line is drawn (a rendering reports it thousands of times).
  let count: (() => string) | undefined;
  let shown = false;
  let last = -Infinity;
  const draw = (force: boolean) => {
    const t = now();
    if (t - started < delayMs || (!force && t - last < 80)) return;
    last = t;
    shown = true;
    const line = `specsmith: ${what}${count ? ` ${count()}` : ""} (${((t - started) / 1000).toFixed(1)} s)`;
    // A terminal that does not say how wide it is (0 columns: some pseudo-terminals) counts as 80 wide.
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 80) - 1)}`);
  };
  return {
    phase(next) {
      what = next;
      count = undefined;
      draw(true);
    },
    step(done, total) {
      count = () => `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
      draw(done === total);
    },
    share(done, total) {
      count = () => `${Math.floor((100 * Math.min(done, total)) / Math.max(total, 1))} %`;
      draw(false);
    },
    end() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}

/**
 * Each step's wall time, and the process's resident memory at its end, on `stream` as the run goes
 * (`SPECSMITH_TIMINGS=1`): what the bench and a profiling maintainer read to see where a generation
 * spends its time and memory.
 */
export function timingProgress(stream: Terminal, now: () => number = () => performance.now(), rss: () => number = () => process.memoryUsage.rss()): Progress {
  let what = "";
  let since = now();
  const close = () => {
    if (what) stream.write(`specsmith: ${what}: ${Math.round(now() - since)} ms, ${Math.round(rss() / 1048576)} MB resident\n`);
    what = "";
  };
  return {
    phase(next) {
      close();
      what = next;
      since = now();
    },
    step() {},
    share() {},
    end: close,
  };
}

/**
 * A run's progress as the CLI shows it: each step's timings with `SPECSMITH_TIMINGS=1`; else, on a
 * terminal (stderr a TTY) and unless `quiet`, the line terminalProgress draws; else nothing.
 */
export function cliProgress(quiet = false): Progress {
  if (process.env.SPECSMITH_TIMINGS) return timingProgress(process.stderr);
  return quiet || !process.stderr.isTTY ? SILENT : terminalProgress(process.stderr, Number(process.env.SPECSMITH_PROGRESS_DELAY_MS ?? 500));
}
