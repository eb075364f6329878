// Stripe's API description (one of the largest there are): the TypeScript SDK passes every real-world check.
import { it } from "vitest";
import { checkTypeScript } from "./checks.js";

it("typescript: generates, type-checks, reaches every operation, links resolve, prettier-clean", async () => {
  await checkTypeScript("real-world/stripe.json", { twice: false });
}, 600_000);
