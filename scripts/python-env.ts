/**
 * `npm run python-env`: creates .tmp/venv with the generated Python SDKs' dependencies (httpx,
 * pydantic) and mypy, from pip's configured index. npm test does the same on its own; CI runs this first so
 * that a missing package fails early, with pip's message, and mypy's cache is filled with the
 * standard library, httpx and pydantic before the suites' mypy runs start side by side.
 */
import { PYTHON, REQUIREMENTS, TOOLS, ensureVenv, warmMypyCache } from "../tests/helpers/python.js";

try {
  ensureVenv();
  warmMypyCache();
  process.stdout.write(`python-env: ${PYTHON} has ${[...REQUIREMENTS, ...TOOLS].join(", ")}\n`);
} catch (e) {
  process.stderr.write(`python-env: ${(e as Error).message}\n`);
  process.exit(1);
}
