/**
 * Hook types, shaped like Speakeasy's: a context per call, and one interface per hook point.
 * Register hooks in `registration.ts` (yours: generated once, never overwritten).
 */
import type { HTTPClient } from "../lib/http.js";
import type { RetryConfig } from "../lib/retries.js";

export type Awaitable<T> = T | Promise<T>;

/** What a hook knows of the call. */
export type HookContext = {
  baseURL: string;
  operationID: string;
  oAuth2Scopes: string[] | null;
  /** The value of the credential option that secures the call, if one is set. */
  securitySource?: unknown;
  retryConfig: RetryConfig;
  /** The client's options. */
  options: Readonly<Record<string, unknown>>;
};

export type SDKInitOptions = { baseURL: URL | null; client: HTTPClient };

/** Where the request is about to be made, and with what, before the Request object exists. */
export type RequestInput = { url: URL; options: RequestInit };

export type BeforeCreateRequestContext = HookContext;
export type BeforeRequestContext = HookContext;
export type AfterSuccessContext = HookContext;
export type AfterErrorContext = HookContext;

export interface SDKInitHook {
  /** Runs once, when the client is made: may change its base URL or its HTTP client. */
  sdkInit: (opts: SDKInitOptions) => SDKInitOptions;
}

export interface BeforeCreateRequestHook {
  /** Runs once per call, before its request is created. */
  beforeCreateRequest: (
    hookCtx: BeforeCreateRequestContext,
    input: RequestInput,
  ) => RequestInput;
}

export interface BeforeRequestHook {
  /** Runs before each attempt is sent (retries too); returns the request to send, or throws. */
  beforeRequest: (
    hookCtx: BeforeRequestContext,
    request: Request,
  ) => Awaitable<Request>;
}

export interface AfterSuccessHook {
  /** Runs once on the final successful response; returns the response to use, or throws. */
  afterSuccess: (
    hookCtx: AfterSuccessContext,
    response: Response,
  ) => Awaitable<Response>;
}

export interface AfterErrorHook {
  /**
   * Runs after each attempt that failed: with its error response (4XX, 5XX), or with the error that
   * left no response. Returns what to go on with: an error is returned to the caller instead.
   */
  afterError: (
    hookCtx: AfterErrorContext,
    response: Response | null,
    error: unknown,
  ) => Awaitable<{ response: Response | null; error: unknown }>;
}

export interface Hooks {
  registerSDKInitHook(hook: SDKInitHook): void;
  registerBeforeCreateRequestHook(hook: BeforeCreateRequestHook): void;
  registerBeforeRequestHook(hook: BeforeRequestHook): void;
  registerAfterSuccessHook(hook: AfterSuccessHook): void;
  registerAfterErrorHook(hook: AfterErrorHook): void;
}
