// Stripe's API description (one of the largest there are): the Python SDK passes every real-world check.
import { it } from "vitest";
import { checkPython } from "./checks.js";

it("python: generates, imports whole, type-checks under mypy --strict, ruff-clean and ruff-formatted", async () => {
  await checkPython("real-world/stripe.json");
}, 600_000);
