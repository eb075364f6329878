/**
 * The code that runs hooks: the hooks `registration.ts` registers, in order, at each hook point of
 * the request pipeline (lib/sdks.ts). An SDK generated while `registration.ts` registers no hook
 * does not import this module (lib/config.ts takes hooks/none.ts instead), so neither it nor the
 * HTTPClient it hands to SDK-init hooks is in a bundle that has no use for them.
 */
import { HTTPClient } from "../lib/http.js";
import type { RetryConfig, Attempt } from "../lib/retries.js";
import type {
  CallHooks,
  ClientOptions,
  HTTPRequest,
  HookRunner,
  InstalledHooks,
  Outgoing,
  SDKDefaults,
} from "../lib/sdks.js";
import type { SecurityScheme } from "../lib/security.js";
import { serverURL, withDuplex } from "../lib/sdks.js";
import { initHooks } from "./registration.js";
import type {
  AfterErrorHook,
  AfterSuccessHook,
  BeforeCreateRequestHook,
  BeforeRequestHook,
  HookContext,
  Hooks,
  RequestInput,
  SDKInitHook,
  SDKInitOptions,
} from "./types.js";

export class SDKHooks implements Hooks, HookRunner {
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

  /** Whether any hook is registered: a client with none runs the pipeline without them. */
  get empty(): boolean {
    return (
      this.sdkInitHooks.length +
        this.beforeCreateRequestHooks.length +
        this.beforeRequestHooks.length +
        this.afterSuccessHooks.length +
        this.afterErrorHooks.length ===
      0
    );
  }

  /** The hooks of one call, told its context: its base URL, operation, security source and retries. */
  forCall(
    baseURL: string,
    req: HTTPRequest,
    usable: SecurityScheme[] | undefined,
    retryConfig: RetryConfig,
    options: ClientOptions,
  ): CallHooks {
    const ctx: HookContext = {
      baseURL,
      operationID: req.operationID ?? "",
      oAuth2Scopes: null,
      // The credential of the requirement the call is made with.
      securitySource: usable?.[0]
        ? (options as Readonly<Record<string, unknown>>)[usable[0].option]
        : undefined,
      retryConfig,
      options,
    };
    return {
      beforeCreateRequest: (out) => this.beforeCreateRequest(ctx, out),
      attempt: (target, init, send) => this.attempt(ctx, target, init, send),
      afterSuccess: async (response) =>
        response.status < 400 ? this.afterSuccess(ctx, response) : response,
    };
  }

  /** Before-create-request hooks may move the call and change its headers and body, once per call. */
  beforeCreateRequest(ctx: HookContext, out: Outgoing): void {
    const hooks = this.beforeCreateRequestHooks;
    if (hooks.length === 0) return;
    let input: RequestInput = {
      url: new URL(out.url),
      options: { method: out.method, headers: out.headers, body: out.body },
    };
    for (const hook of hooks) input = hook.beforeCreateRequest(ctx, input);
    out.url = input.url.toString();
    out.method = input.options.method ?? out.method;
    out.body = input.options.body ?? undefined;
    new Headers(input.options.headers).forEach((v, k) => out.headers.set(k, v));
  }

  /**
   * One attempt through the hooks: before-request hooks see its request (the body stays the SDK's),
   * `send` sends it, after-error hooks see its error response or its error. A hook's own exception
   * is the hook's error: the caller gets it as it is, and it is never retried.
   */
  async attempt(
    ctx: HookContext,
    target: string,
    init: RequestInit,
    send: (target: string, init: RequestInit) => Promise<Attempt>,
  ): Promise<Attempt> {
    if (this.beforeRequestHooks.length > 0) {
      try {
        let request = new Request(target, withDuplex(init));
        for (const hook of this.beforeRequestHooks)
          request = await hook.beforeRequest(ctx, request);
        target = request.url;
        init = { ...init, method: request.method, headers: request.headers };
      } catch (err) {
        return { error: err, hooked: true };
      }
    }
    const outcome = await send(target, init);
    if (this.afterErrorHooks.length === 0) return outcome;
    if (!outcome.response) {
      const out = await this.afterError(ctx, null, outcome.error);
      return out.error && out.error !== outcome.error
        ? { error: out.error, hooked: true }
        : outcome;
    }
    if (outcome.response.status < 400) return outcome;
    // They may replace an error response, or fail the call.
    const out = await this.afterError(ctx, outcome.response, null);
    if (out.error) return { error: out.error, hooked: true };
    return { response: out.response ?? outcome.response };
  }

  /** After-success hooks in turn, on the final response of a call. */
  async afterSuccess(ctx: HookContext, response: Response): Promise<Response> {
    for (const hook of this.afterSuccessHooks)
      response = await hook.afterSuccess(ctx, response);
    return response;
  }

  /** After-error hooks in turn, each given what the one before returned. */
  async afterError(
    ctx: HookContext,
    response: Response | null,
    error: unknown,
  ): Promise<{ response: Response | null; error: unknown }> {
    let out = { response, error };
    for (const hook of this.afterErrorHooks)
      out = await hook.afterError(ctx, out.response, out.error);
    return out;
  }
}

/**
 * The hooks `registration.ts` registers, for a new client (`SDKDefaults.hooks`); undefined when it
 * registers none. SDK-init hooks run now, and may choose the client's HTTP client and base URL.
 */
export function installHooks(
  options: ClientOptions,
  defaults: SDKDefaults,
): InstalledHooks | undefined {
  const hooks = new SDKHooks();
  if (hooks.empty) return undefined;
  let httpClient = options.httpClient;
  let baseURL: string | undefined;
  if (hooks.sdkInitHooks.length > 0) {
    const base = options.serverURL ?? serverURL(defaults, options);
    let init: SDKInitOptions = {
      baseURL: URL.canParse(base) ? new URL(base) : null,
      client: httpClient ?? new HTTPClient(),
    };
    for (const hook of hooks.sdkInitHooks) init = hook.sdkInit(init);
    httpClient = init.client;
    baseURL = init.baseURL?.toString();
  }
  return { hooks, httpClient, baseURL };
}
