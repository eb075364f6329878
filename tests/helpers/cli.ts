import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { BIN, ROOT } from "./paths.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI under test: the built one, or another build's (SPECSMITH_BIN) to compare against. */
export const CLI = process.env.SPECSMITH_BIN ?? BIN;

/** Runs the built CLI (`npm test` builds first) as a real process. */
export function specsmith(args: string[], cwd = ROOT, opts: { asUnprivileged?: boolean; timeoutMs?: number; env?: Record<string, string> } = {}): CliResult {
  const [cmd, argv] = command(args, opts.asUnprivileged);
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, ...opts.env } });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** Starts the CLI without waiting for it. */
export function startSpecsmith(args: string[], cwd = ROOT, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
}

/** The exit code and output of a started CLI. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr })));
}

/** Root ignores file permissions: permission cases run the CLI as `nobody` when the tests run as root. */
export const RUNS_AS_ROOT = process.getuid?.() === 0;

function command(args: string[], unprivileged = false): [string, string[]] {
  if (unprivileged && RUNS_AS_ROOT) return ["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args]];
  return [process.execPath, [CLI, ...args]];
}

/**
 * Stops a started CLI and waits for it to end. A watcher finishes the write it is in before it exits,
 * so removing its output folder right after `kill()` races its last files (ENOTEMPTY in rmdir).
 */
export async function stopped(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await ended;
}
