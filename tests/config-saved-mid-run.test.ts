// A config saved while a one-off generation runs (the spec's case is tests/load/read-while-written):
// what the run made from the config as it read it is not written. Run as the CLI, which reads it.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { finished, startSpecsmith } from "./helpers/cli.js";
import { SHARED, tempDir } from "./helpers/paths.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("a generation whose config changed while it ran", () => {
  // A config saved during a run may name other targets, folders or settings: what the run made from
  // the config as it read it is not written, as for the spec.
  const config = (sdkClass: string) => `spec: ${join(SHARED, "specs", "real-world", "twilio.json")}\ntargets:\n  typescript:\n    out: ts\n    packageName: twilio-sdk\n    sdkClass: ${sdkClass}\n`;

  it("fails, saying the config changed while it was read, and writes nothing", async () => {
    const folder = (dir = tempDir());
    const path = join(folder, "specsmith.yaml");
    writeFileSync(path, config("Twilio"));
    // Timings say when each step ends: once the API model is built, the config was read long ago,
    // and planning, rendering and writing Twilio's 1,500 files are still to come.
    const child = startSpecsmith(["generate", "--config", path], folder, { SPECSMITH_TIMINGS: "1" });
    let saved = false;
    child.stderr?.on("data", (d: Buffer) => {
      if (!saved && /building the API model/.test(d.toString())) {
        saved = true;
        writeFileSync(path, config("Renamed"));
      }
    });
    const r = await finished(child);
    expect(saved).toBe(true);
    expect(r.stderr).toContain(`${path} changed while it was being read`);
    expect(r.code).toBe(1);
    expect(existsSync(join(folder, "ts"))).toBe(false);
  });
});
