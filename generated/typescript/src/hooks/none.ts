/**
 * What lib/config.ts takes instead of hooks/hooks.ts when the SDK was generated while
 * `registration.ts` registered no hook: no code that runs hooks, and no HTTPClient, in any bundle.
 * `registration.ts` is still called, so that a hook registered since then fails loudly, saying what
 * to do, instead of being skipped.
 */
import type { InstalledHooks } from "../lib/sdks.js";
import { initHooks } from "./registration.js";

/** `SDKDefaults.hooks` of an SDK generated without hooks: never any. */
export function noHooks(): InstalledHooks | undefined {
  // Each refusal is written out inside the call, the message too: a bundler drops a call to the
  // empty initHooks with its argument, but keeps whatever the argument names from outside the call.
  initHooks({
    registerSDKInitHook: () => {
      throw new Error(
        "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
      );
    },
    registerBeforeCreateRequestHook: () => {
      throw new Error(
        "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
      );
    },
    registerBeforeRequestHook: () => {
      throw new Error(
        "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
      );
    },
    registerAfterSuccessHook: () => {
      throw new Error(
        "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
      );
    },
    registerAfterErrorHook: () => {
      throw new Error(
        "src/hooks/registration.ts registers a hook, but the SDK was generated while it registered none: generate it again",
      );
    },
  });
  return undefined;
}
