import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths.js";

/** Debian's Chromium (playwright-core drives it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * .ci/run installs Chromium in the background: waits for that install if it is still going, then
 * throws (naming the fix) when there is no Chromium to drive.
 */
export async function chromiumInstalled(who: string): Promise<void> {
  const log = join(ROOT, ".tmp", "apt.log");
  const done = join(ROOT, ".tmp", "apt.done");
  if (!existsSync(CHROMIUM) && existsSync(log)) {
    for (let i = 0; i < 600 && !existsSync(done); i++) await new Promise((r) => setTimeout(r, 500));
    if (existsSync(done) && readFileSync(done, "utf8").trim() !== "0") throw new Error(`apt-get could not install chromium:\n${readFileSync(log, "utf8").slice(-3000)}`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: ${who} drives a real browser.\n  Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH). .ci/run does this.`);
  }
}
