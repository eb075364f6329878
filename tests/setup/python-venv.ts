// vitest globalSetup: the Python environment exists before any suite runs Python (once per run).
import { ensureVenv } from "../helpers/python.js";

export default function setup(): void {
  ensureVenv();
}
