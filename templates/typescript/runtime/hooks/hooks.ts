/** The hooks one client runs: those `registration.ts` registers, in order. */
import { initHooks } from "./registration.js";
import type {
  AfterErrorContext,
  AfterErrorHook,
  AfterSuccessContext,
  AfterSuccessHook,
  BeforeCreateRequestContext,
  BeforeCreateRequestHook,
  BeforeRequestContext,
  BeforeRequestHook,
  Hooks,
  RequestInput,
  SDKInitHook,
  SDKInitOptions,
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

  sdkInit(opts: SDKInitOptions): SDKInitOptions {
    return this.sdkInitHooks.reduce((o, hook) => hook.sdkInit(o), opts);
  }

  beforeCreateRequest(
    hookCtx: BeforeCreateRequestContext,
    input: RequestInput,
  ): RequestInput {
    return this.beforeCreateRequestHooks.reduce(
      (i, hook) => hook.beforeCreateRequest(hookCtx, i),
      input,
    );
  }

  async beforeRequest(
    hookCtx: BeforeRequestContext,
    request: Request,
  ): Promise<Request> {
    let req = request;
    for (const hook of this.beforeRequestHooks)
      req = await hook.beforeRequest(hookCtx, req);
    return req;
  }

  async afterSuccess(
    hookCtx: AfterSuccessContext,
    response: Response,
  ): Promise<Response> {
    let res = response;
    for (const hook of this.afterSuccessHooks)
      res = await hook.afterSuccess(hookCtx, res);
    return res;
  }

  async afterError(
    hookCtx: AfterErrorContext,
    response: Response | null,
    error: unknown,
  ): Promise<{ response: Response | null; error: unknown }> {
    let out = { response, error };
    for (const hook of this.afterErrorHooks)
      out = await hook.afterError(hookCtx, out.response, out.error);
    return out;
  }
}
