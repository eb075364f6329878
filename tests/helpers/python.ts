// The Python the generated SDKs run on in tests: a virtual environment under .tmp/ with the SDK's
// dependencies (httpx, pydantic), created once and reused while its requirements stay the same.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./paths.js";
import { run } from "./spawn.js";

export const VENV = join(ROOT, ".tmp", "venv");
export const PYTHON = join(VENV, "bin", "python");
/** What a generated pyproject.toml depends on, at the versions it allows. */
export const REQUIREMENTS = ["httpcore>=1.0.9,<2", "httpx>=0.28.1,<1", "pydantic>=2.11.2,<3", "typing-extensions>=4.12.2"];
/** What the tests use on top: mypy, to type-check every generated SDK under --strict, and ruff's
 * pyflakes and bugbear rules (undefined or unused names, likely bugs); pytest and pytest-asyncio, to run
 * the SDKs' generated tests. */
export const TOOLS = ["mypy>=1.10", "ruff>=0.5", "pytest>=8", "pytest-asyncio>=0.23"];
const MARKER = join(VENV, "specsmith-requirements.json");

/** Local package indexes pip is configured with (this machine's stand-in for PyPI). */
function localIndexes(): string[] {
  const r = spawnSync("python3", ["-m", "pip", "config", "list"], { encoding: "utf8" });
  const urls = [...(r.stdout ?? "").matchAll(/index-url='([^']+)'/g)].flatMap((m) => m[1].split(/\s+/));
  return urls.filter((u) => u.startsWith("file:") && existsSync(u.replace(/^file:\/\//, "")));
}

/** pip's arguments for the local indexes (none when pip has no local index configured). */
export function pipIndexArgs(): string[] {
  const [index, ...extra] = localIndexes();
  return index ? ["--index-url", index, ...extra.flatMap((u) => ["--extra-index-url", u])] : [];
}

/** Creates or refreshes the environment; throws with pip's own words when a package cannot be had. */
export function ensureVenv(): void {
  const want = JSON.stringify([...REQUIREMENTS, ...TOOLS]);
  if (existsSync(PYTHON) && existsSync(MARKER) && readFileSync(MARKER, "utf8") === want) return;
  rmSync(VENV, { recursive: true, force: true });
  const venv = spawnSync("python3", ["-m", "venv", VENV], { encoding: "utf8" });
  if (venv.status !== 0) throw new Error(`python3 -m venv failed (Debian/Ubuntu: apt-get install -y python3-venv):\n${venv.stderr}`);
  const index = localIndexes()[0];
  const pip = spawnSync(PYTHON, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...pipIndexArgs(), ...REQUIREMENTS, ...TOOLS], { encoding: "utf8", timeout: 300_000 });
  if (pip.status !== 0) {
    rmSync(VENV, { recursive: true, force: true });
    throw new Error(`The Python SDK tests need ${[...REQUIREMENTS, ...TOOLS].join(", ")}; pip could not install them${index ? ` from ${index}` : ""}:\n${pip.stderr}`);
  }
  writeFileSync(MARKER, want);
}

/** Runs tests/python/check_sdk.py on a generated SDK: every module imports, every model and signature resolves. */
export function checkPythonSdk(src: string, pkg: string): { errors: string[]; models: number; methods: number; stderr: string } {
  const r = spawnSync(PYTHON, [join(ROOT, "tests/python/check_sdk.py"), src, pkg], { encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  const last = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  try {
    return { ...(JSON.parse(last) as { errors: string[]; models: number; methods: number }), stderr: r.stderr ?? "" };
  } catch {
    return { errors: [`check_sdk.py failed (exit ${r.status}): ${(r.stderr ?? "").slice(-3000)}`], models: 0, methods: 0, stderr: r.stderr ?? "" };
  }
}

/**
 * mypy's cache, shared by the suite's runs: the standard library, pydantic and httpx are analysed once
 * per machine rather than once per run (about 6 s each). Modules are keyed by their source's hash, so a
 * package name two SDKs share is re-checked for each.
 */
const MYPY_CACHE = join(ROOT, ".tmp", "mypy-cache");

/** `mypy --strict` over generated packages (each `src` folder holding one); "" when they type-check. */
export function mypyStrict(packages: { src: string; name: string }[]): string {
  const r = spawnSync(PYTHON, ["-m", "mypy", "--strict", `--cache-dir=${MYPY_CACHE}`, ...packages.flatMap((p) => ["-p", p.name])], {
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 1 << 26,
    env: { ...process.env, MYPYPATH: packages.map((p) => p.src).join(":") },
  });
  return r.status === 0 ? "" : `${r.stdout}${r.stderr}`.slice(-5000);
}

/**
 * Fills mypy's cache with what every generated SDK imports (the standard library, httpx, pydantic):
 * done once before the suites, so that the mypy runs they start side by side do not each analyse
 * the same modules cold (about 2 s each). The cache then holds only third-party and stdlib modules.
 */
export function warmMypyCache(): void {
  const dir = mkdtempSync(join(tmpdir(), "specsmith-mypy-warm-"));
  try {
    mkdirSync(join(dir, "warm"));
    const modules = [
      "asyncio",
      "codecs",
      "contextlib",
      "dataclasses",
      "datetime",
      "email.utils",
      "enum",
      "httpcore",
      "httpx",
      "importlib",
      "json",
      "logging",
      "math",
      "os",
      "pydantic",
      "pydantic_core",
      "random",
      "re",
      "socket",
      "threading",
      "time",
      "typing",
      "typing_extensions",
      "urllib.parse",
      "uuid",
      "weakref",
    ];
    writeFileSync(join(dir, "warm", "__init__.py"), modules.map((m) => `import ${m}\n`).join(""));
    mypyStrict([{ src: dir, name: "warm" }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ruff check` with pyflakes (F), syntax (E9) and bugbear (B) rules over generated SDKs; "" when clean. */
export function ruffCheck(dirs: string[]): string {
  const r = spawnSync(PYTHON, ["-m", "ruff", "check", "--select", "F,E9,B", "--no-cache", "--output-format", "concise", ...dirs], { encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 });
  return r.status === 0 ? "" : `${r.stdout}${r.stderr}`.slice(-5000);
}

/** `ruff format --check` over the Python files of generated SDKs (the docs' snippets are not Python files); "" when clean. */
export function ruffFormatCheck(dirs: string[]): string {
  const r = spawnSync(PYTHON, ["-m", "ruff", "format", "--check", "--no-cache", "--exclude", "*.md", ...dirs], { encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 });
  return r.status === 0 ? "" : `${r.stdout}${r.stderr}`.slice(-5000);
}

/** checkPythonSdk, without blocking the test's worker. */
export async function checkPythonSdkAsync(src: string, pkg: string): Promise<{ errors: string[]; models: number; methods: number }> {
  const r = await run(PYTHON, [join(ROOT, "tests/python/check_sdk.py"), src, pkg], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as { errors: string[]; models: number; methods: number };
  } catch {
    return { errors: [`check_sdk.py failed (exit ${r.code}): ${r.stderr.slice(-3000)}`], models: 0, methods: 0 };
  }
}

/** mypyStrict, without blocking the test's worker. */
export async function mypyStrictAsync(packages: { src: string; name: string }[]): Promise<string> {
  const r = await run(PYTHON, ["-m", "mypy", "--strict", `--cache-dir=${MYPY_CACHE}`, ...packages.flatMap((p) => ["-p", p.name])], {
    env: { ...process.env, MYPYPATH: packages.map((p) => p.src).join(":") },
  });
  return r.code === 0 ? "" : `${r.stdout}${r.stderr}`.slice(-5000);
}

/** checkPythonSdk for several SDKs (distinct package names) in one Python process. */
export function checkPythonSdks(packages: { src: string; name: string }[]): { name: string; errors: string[] }[] {
  const r = spawnSync(PYTHON, [join(ROOT, "tests/python/check_sdk.py"), ...packages.flatMap((p) => [p.src, p.name])], {
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 1 << 26,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const lines = (r.stdout ?? "")
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"));
  return packages.map((p, i) => {
    try {
      return { name: p.name, errors: (JSON.parse(lines[i]) as { errors: string[] }).errors };
    } catch {
      return { name: p.name, errors: [`check_sdk.py failed (exit ${r.status}): ${(r.stderr ?? "").slice(-3000)}`] };
    }
  });
}

/**
 * Generates a fixture's Python SDK into .tmp/<name> and runs one of tests/python's check scripts
 * with it (and tests/python's helpers) on the path: its stdout and stderr.
 */
export async function runFixtureCheck(fixture: string, packageName: string, script: string, name: string): Promise<{ stdout: string; stderr: string }> {
  const { generateAll } = await import("../../generator/generate.js");
  const { writeOutput } = await import("../../generator/write/write.js");
  const out = join(ROOT, ".tmp", name);
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(join(ROOT, "tests", "fixtures", fixture, "spec.yaml"), [{ name: "python", out, packageName, sdkClass: "SDK", version: "1.0.0" }]);
  writeOutput(out, r.files);
  const py = spawnSync(PYTHON, [join(ROOT, "tests", "python", script)], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, PYTHONPATH: [join(out, "src"), join(ROOT, "tests", "python")].join(":"), PYTHONDONTWRITEBYTECODE: "1" },
  });
  return { stdout: py.stdout ?? "", stderr: py.stderr ?? "" };
}
