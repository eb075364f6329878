/**
 * The hooks one client runs: those `registration.ts` registers, in order. The request pipeline
 * (lib/sdks.ts) runs each list itself, and skips a hook point whose list is empty.
 */
import { initHooks } from "./registration.js";
import type {
  AfterErrorHook,
  AfterSuccessHook,
  BeforeCreateRequestHook,
  BeforeRequestHook,
  Hooks,
  SDKInitHook,
} from "./types.js";

export class SDKHooks implements Hooks {
  sdkInitHooks: SDKInitHook[] = [];
  beforeCreateRequestHooks: BeforeCreateRequestHook[] = [];
  beforeRequestHooks: BeforeRequestHook[] = [];
  afterSuccessHooks: AfterSuccessHook[] = [];
  afterErrorHooks: AfterErrorHook[] = [];

  constructor() {
    initHooks(this);
  }

  registerSDKInitHook(hook: SDKInitHook): void {
    this.sdkInitHooks.push(hook);
  }
  registerBeforeCreateRequestHook(hook: BeforeCreateRequestHook): void {
    this.beforeCreateRequestHooks.push(hook);
  }
  registerBeforeRequestHook(hook: BeforeRequestHook): void {
    this.beforeRequestHooks.push(hook);
  }
  registerAfterSuccessHook(hook: AfterSuccessHook): void {
    this.afterSuccessHooks.push(hook);
  }
  registerAfterErrorHook(hook: AfterErrorHook): void {
    this.afterErrorHooks.push(hook);
  }
}
