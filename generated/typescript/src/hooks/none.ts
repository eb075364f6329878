/**
 * What lib/config.ts takes instead of hooks/hooks.ts when the SDK was generated while
 * `registration.ts` registered no hook: no code that runs hooks, and no HTTPClient, in any bundle.
 * `registration.ts` is still called, so that a hook registered since then fails loudly, saying what
 * to do, instead of being skipped.
 */
import type { InstalledHooks } from "../lib/sdks.js";
import { initHooks } from "./registration.js";
import type { Hooks } from "./types.js";

const refuse = (): never => {
  throw new Error(
    "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
  );
};

const REFUSING: Hooks = {
  registerSDKInitHook: refuse,
  registerBeforeCreateRequestHook: refuse,
  registerBeforeRequestHook: refuse,
  registerAfterSuccessHook: refuse,
  registerAfterErrorHook: refuse,
};

/** `SDKDefaults.hooks` of an SDK generated without hooks: never any. */
export function noHooks(): InstalledHooks | undefined {
  initHooks(REFUSING);
  return undefined;
}
