// Specs nobody here wrote (../shared/specs), besides GitHub and Stripe (their own files, so that
// vitest spreads them over its workers): the whole Clerk API, Twilio, OpenAI, petstore.
import { describe, it } from "vitest";
import { checkPython, checkTypeScript } from "./checks.js";

describe.each(["clerk-bapi.yaml", "real-world/petstore-expanded.json", "real-world/openai.json", "real-world/twilio.json"])("%s", (spec) => {
  it("typescript: generates deterministically, type-checks, reaches every operation, links resolve, prettier-clean", () => checkTypeScript(spec, { twice: true }), 600_000);
  it("python: generates, imports whole, type-checks under mypy --strict, ruff-clean and ruff-formatted", () => checkPython(spec), 600_000);
});
