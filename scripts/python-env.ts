/**
 * `npm run python-env`: creates .tmp/venv with the generated Python SDKs' dependencies (httpx,
 * pydantic) from pip's configured index. npm test does the same on its own; CI runs this first so
 * that a missing package fails early, with pip's message.
 */
import { PYTHON, REQUIREMENTS, ensureVenv } from "../tests/helpers/python.js";

try {
  ensureVenv();
  process.stdout.write(`python-env: ${PYTHON} has ${REQUIREMENTS.join(", ")}\n`);
} catch (e) {
  process.stderr.write(`python-env: ${(e as Error).message}\n`);
  process.exit(1);
}
