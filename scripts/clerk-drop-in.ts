/**
 * `npm run clerk-drop-in -- <clerk-sdk-python checkout>`: Clerk's own hand-written Python code in our
 * Python SDK, as Clerk's build has it. Generates the SDK from Clerk's previous API version with
 * Clerk's three overlays, drops in Clerk's before-request hook, its hook registration,
 * `authenticate_request` / `verify_token` and their tests (from the checkout's HEAD), makes the one
 * hand edit Clerk's package needs (exporting authenticate_request from the package root), moves to
 * the current API version, and runs Clerk's tests with pytest.
 *
 * Not part of `npm test`: Clerk's code is not ours to commit, and CI cannot download it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipIndexArgs } from "../tests/helpers/python.js";
import { BIN, SHARED } from "../tests/helpers/paths.js";

const repo = process.argv[2];
if (!repo) {
  process.stderr.write("usage: npm run clerk-drop-in -- <path to a clerk/clerk-sdk-python git checkout>\n");
  process.exit(2);
}
const HAND_WRITTEN = /^(src\/clerk_backend_api\/security\/.*\.py|src\/clerk_backend_api\/_hooks\/(clerk_before_request_hook|registration)\.py|tests\/.*\.py)$/;

const dir = mkdtempSync(join(tmpdir(), "clerk-drop-in-"));
const overlays = ["openapi-specs/fixes.yml", "clerk-sdk-python/fixes.yaml", "clerk-sdk-python/examples.yaml"].map((f) => join(SHARED, "specs", "clerk-overlays", f));
const config = (spec: string) =>
  writeFileSync(
    join(dir, "specsmith.yaml"),
    `spec: ${spec}\noverlays:\n${overlays.map((o) => `  - ${o}\n`).join("")}targets:\n  python:\n    out: sdk\n    packageName: clerk_backend_api\n    sdkClass: Clerk\n    version: 6.0.0\n`,
  );
const generate = () => {
  const r = spawnSync(process.execPath, [BIN, "generate", "--config", "specsmith.yaml"], { cwd: dir, encoding: "utf8" });
  process.stdout.write(
    r.stdout
      .split("\n")
      .filter((l) => !l.includes("left alone"))
      .join("\n"),
  );
  if (r.status !== 0) throw new Error(`specsmith generate exited ${r.status}:\n${r.stderr.slice(-2000)}`);
};

config(join(SHARED, "specs", "clerk-bapi-2025-11-10.yaml"));
generate();
const files = execFileSync("git", ["-C", repo, "ls-tree", "-r", "--name-only", "HEAD"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => HAND_WRITTEN.test(f));
for (const f of files) {
  const to = join(dir, "sdk", f);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, execFileSync("git", ["-C", repo, "show", `HEAD:${f}`]));
}
process.stdout.write(`dropped in ${files.length} hand-written files: ${files.join(", ")}\n`);
appendFileSync(
  join(dir, "sdk/src/clerk_backend_api/__init__.py"),
  "\n# Clerk's: request authentication from the package root.\nfrom .security import authenticate_request, authenticate_request_async  # noqa: E402,F401\n",
);

config(join(SHARED, "specs", "clerk-bapi.yaml"));
generate();

const venv = join(dir, "venv");
execFileSync("python3", ["-m", "venv", venv]);
const py = join(venv, "bin", "python");
execFileSync(py, ["-m", "pip", "install", "--quiet", ...pipIndexArgs(), "httpx", "httpcore", "pydantic", "typing-extensions", "pyjwt", "cryptography", "pytest", "pytest-asyncio"], {
  stdio: "inherit",
});
const r = spawnSync(py, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], { cwd: join(dir, "sdk"), encoding: "utf8", env: { ...process.env, PYTHONPATH: join(dir, "sdk", "src") } });
process.stdout.write(r.stdout.split("\n").slice(-3).join("\n") + "\n");
process.stdout.write(`(in ${dir})\n`);
process.exit(r.status ?? 1);
