/** The request pipeline shared by every operation: URL, headers, auth, timeout, retries, errors. */
import {
  ConnectionError,
  HTTPClientError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  UnexpectedClientError,
} from "../models/errors/httpclienterrors.js";
import { ERR, OK, type Result } from "../types/result.js";
import type { HTTPClient } from "./http.js";
import { RedirectError, fetchFollowingRedirects } from "./redirects.js";
import {
  retry,
  type Attempt,
  type RetryConfig,
  type RetryDecision,
} from "./retries.js";
import {
  applySecurity,
  usableRequirement,
  type SecurityScheme,
} from "./security.js";

/** Options every SDK client accepts (the generated SDKOptions add the API's credentials). */
export type ClientOptions = {
  /** Overrides the API's default server URL. */
  serverURL?: string;
  /** Which of the API's servers to use (index into ServerList); the first by default. */
  serverIdx?: number;
  /** Values for the chosen server's `{variables}`; each defaults to the API description's default. */
  serverVariables?: Record<string, string>;
  /** Default retry policy of this client; per-call `retries` overrides it. */
  retryConfig?: RetryConfig;
  /** Per-attempt timeout in milliseconds; 0 or undefined means none. */
  timeoutMs?: number;
  /** Sends every request: a fetch wrapper with hooks of its own (lib/http.ts). */
  httpClient?: HTTPClient;
  /** Gets a line per request and per response: method, URL without its query, status. */
  debugLogger?: Logger;
  /** Headers sent with every request of this client (a call's fetchOptions.headers win). */
  headers?: Record<string, string>;
};

/** What `debugLogger` needs; `console` is one. */
export type Logger = { log: (...args: unknown[]) => void };

/** Options of one call. */
export type RequestOptions = {
  /** Overrides the retry policy for this call, e.g. `{ strategy: "none" }`. */
  retries?: RetryConfig;
  /** Status codes that are retried for this call, e.g. ["429", "5XX"]. */
  retryCodes?: string[];
  /** Per-attempt timeout in milliseconds for this call. */
  timeoutMs?: number;
  /** Overrides the server URL for this call. */
  serverURL?: string;
  /**
   * Passed to `fetch`: extra headers, a `signal` to abort (also during a wait between retries), and
   * the like. Redirects are followed by the SDK, which drops credentials on the way to another
   * origin; a `redirect` option here hands them back to fetch.
   */
  fetchOptions?: Omit<RequestInit, "method" | "body">;
};

/** Facts about the API baked in at generation time. */
export type SDKDefaults = {
  /** Server URL templates, and the default values of their `{variables}`. */
  servers: readonly string[];
  serverDefaults: readonly Readonly<Record<string, string>>[];
  retryConfig: RetryConfig;
  retryCodes: string[];
  /** Sent with a fresh key on every POST and PATCH (the same key on each retry of a call). */
  idempotency?: Idempotency;
  /** "clerk-backend-api/0.1.0 (specsmith 0.1.0; typescript; api 2026-05-12)" */
  userAgent: string;
  /**
   * Installs the hooks registration.ts registers on a new client: hooks/hooks.ts `installHooks`, or
   * hooks/none.ts `noHooks` in an SDK generated while registration.ts registered none.
   */
  hooks: (
    options: ClientOptions,
    defaults: SDKDefaults,
  ) => InstalledHooks | undefined;
};

/** What registered hooks make of a new client: the hooks, and what its SDK-init hooks chose. */
export type InstalledHooks = {
  hooks: HookRunner;
  httpClient: HTTPClient | undefined;
  baseURL: string | undefined;
};

/** The request of a call as it will go out; before-create-request hooks may change it. */
export type Outgoing = {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | undefined;
};

/** How the pipeline runs hooks (hooks/hooks.ts `SDKHooks`): the hooks of each call. */
export interface HookRunner {
  /**
   * The hook points of one call, made against `baseURL` with the security requirement `usable` (its
   * first credential is what hooks see as the security source) and the retry policy `retryConfig`.
   */
  forCall(
    baseURL: string,
    req: HTTPRequest,
    usable: SecurityScheme[] | undefined,
    retryConfig: RetryConfig,
    options: ClientOptions,
  ): CallHooks;
}

/** A call's hook points, in the order the pipeline reaches them (one object: smaller bundles). */
export interface CallHooks {
  /** Before-create-request hooks, once per call: they may change where it goes and what it sends. */
  beforeCreateRequest(out: Outgoing): void;
  /** One attempt through the before-request and after-error hooks; `send` sends it. */
  attempt(
    target: string,
    init: RequestInit,
    send: (target: string, init: RequestInit) => Promise<Attempt>,
  ): Promise<Attempt>;
  /** The call's final response: after-success hooks see it unless its status is an error's. */
  afterSuccess(response: Response): Promise<Response>;
}

// Fields are `declare`d and set in the constructor: the compiled class holds no field list of its own.
export class ClientSDK<O extends ClientOptions = ClientOptions> {
  /** @internal */
  declare readonly _options: O;
  /** @internal */
  declare readonly _defaults: SDKDefaults;
  /** @internal The hooks hooks/registration.ts registers, if it registers any. */
  declare readonly _hooks: HookRunner | undefined;
  /** @internal What requests go through: the httpClient option, or what an SDK-init hook chose. */
  declare readonly _httpClient: HTTPClient | undefined;
  /** @internal The base URL an SDK-init hook chose. */
  declare readonly _baseURL: string | undefined;

  /** `parent`: the client a resource belongs to, whose hooks and HTTP client it shares. */
  constructor(options: O, defaults: SDKDefaults, parent?: ClientSDK) {
    this._options = options;
    this._defaults = defaults;
    if (parent) {
      this._hooks = parent._hooks;
      this._httpClient = parent._httpClient;
      this._baseURL = parent._baseURL;
      return;
    }
    const installed = defaults.hooks(options, defaults);
    this._hooks = installed?.hooks;
    this._httpClient = installed ? installed.httpClient : options.httpClient;
    this._baseURL = installed?.baseURL;
  }
}

/** One HTTP call, as an operation describes it. */
export type HTTPRequest = {
  /** The operation's id in the API description (hooks see it). */
  operationID?: string;
  method: string;
  /** Path with parameters already substituted and encoded. */
  path: string;
  /** An absolute URL to request instead of the server URL and path (a next page a response named). */
  url?: string;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  body?: BodyInit;
  /** Content-Type; left out for multipart bodies, whose boundary fetch sets. */
  contentType?: string;
  accept: string;
  security: SecurityScheme[][];
  /** The operation declares an idempotency header: a call sends one key on every attempt. */
  idempotency?: Idempotency;
  /**
   * The success body is streamed (events, downloads): the final response goes through this guard
   * (lib/streamed.ts `streamed`, imported only by the operations that stream), which hands a 2XX
   * answer that is not JSON over unread as `stream`: the timeout then bounds each wait for the next
   * chunk, and the caller's signal still aborts it. Any other answer is read whole.
   */
  stream?: (
    call: StreamingCall,
    response: Response,
  ) => ReadableStream<Uint8Array> | undefined;
};

/**
 * An idempotency header and where its keys come from (lib/idempotency.ts `idempotencyKey`, imported
 * only by SDKs and operations that send one).
 */
export type Idempotency = { header: string; key: () => string };

/**
 * The state of one attempt: its abort controller (only when a timeout or the caller's signal can end
 * it: fetch wires up any signal it is given, at a cost on every request) and its timer.
 */
type Attempting = {
  controller?: AbortController;
  timer?: Timer;
  timedOut: boolean;
};

/** What a streamed body's guard needs of its call: the attempt's timer, and the call's errors and cleanup. */
export type StreamingCall = {
  readonly current: Attempting | undefined;
  readonly timeoutMs: number;
  cleanup(): void;
  classify(err: unknown): HTTPClientError;
};

/** A response with its body read (as bytes, and as text), or handed over unread as `stream`. */
export type HTTPResponse = {
  response: Response;
  body: string;
  bytes: Uint8Array;
  stream?: ReadableStream<Uint8Array>;
};

/**
 * A browser's fetch (a page's or a web worker's) answers `redirect: "manual"` with an opaque response
 * that hides where the redirect goes. There fetch follows redirects itself, and drops the
 * Authorization header on the way to another origin, as the Fetch standard says. A page has a
 * `document`, a web worker `importScripts`; servers' runtimes (Node, Deno, Bun, Cloudflare's) have
 * neither, and keep the SDK's own redirects, which drop every credential.
 */
const HIDES_REDIRECTS =
  typeof document !== "undefined" ||
  typeof (globalThis as { importScripts?: unknown }).importScripts ===
    "function";

/** Methods that may be repeated without a second effect (RFC 9110 section 9.2.2). */
const IDEMPOTENT = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "PUT",
  "DELETE",
  "TRACE",
]);
/** Connection errors that happen before a request leaves: retrying them cannot repeat its effect. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Sends `req` with auth, timeout and retries; never throws. An argument that cannot be sent (a
 * header value with CR or LF, say) is an InvalidRequestError before anything goes out. The steps:
 * build the call (URL, headers, credentials, before-create-request hooks), attempt it under the
 * retry policy (each attempt: before-request hooks, fetch, after-error hooks), decode the outcome
 * (after-success hooks, the body read under the attempt's timeout).
 */
export async function send(
  client: ClientSDK,
  req: HTTPRequest,
  options?: RequestOptions,
): Promise<Result<HTTPResponse, HTTPClientError>> {
  let call: Call;
  try {
    call = await Call.build(client, req, options);
  } catch (err) {
    return ERR(asClientError(err));
  }
  return call.run(req.stream);
}

/** One call of `send`: what it sends, and the state of its current attempt. */
class Call implements StreamingCall, RetryDecision {
  current: Attempting | undefined;
  readonly timeoutMs: number;
  // What only the call itself reads is #private: a bundler shortens those names, not others.
  readonly #client: ClientSDK;
  readonly #options: RequestOptions | undefined;
  /** The base URL the call is made against (for error messages; hooks see it too). */
  readonly #base: string;
  /** The call's hook points; only when hooks are registered. */
  readonly #hooks: CallHooks | undefined;
  readonly #policy: RetryConfig;
  /** The request as the operation made it: its method and URL name the call in error messages. */
  readonly #req: HTTPRequest;
  /** The security requirement the call is made with (the first whose credentials are all set). */
  readonly #usable: SecurityScheme[] | undefined;
  /** Header names that carry credentials: dropped on a redirect to another origin. */
  readonly #credentials = ["authorization", "proxy-authorization", "cookie"];
  /** Whether repeating the request cannot repeat its effect (an idempotent method, or a key). */
  #idempotent = false;
  readonly #out: Outgoing;
  /** The body went to the caller unread: its stream cleans up when it ends. */
  #handedOver = false;
  /** Set while the caller's signal is listened to. */
  #onAbort: (() => void) | undefined;

  private constructor(
    client: ClientSDK,
    req: HTTPRequest,
    options: RequestOptions | undefined,
  ) {
    const opts = client._options;
    const base = (
      options?.serverURL ??
      client._baseURL ??
      opts.serverURL ??
      serverURL(client._defaults, opts)
    ).replace(/\/+$/, "");
    this.#client = client;
    this.#options = options;
    this.#req = req;
    this.#usable = usableRequirement(req.security, opts);
    this.#out = {
      url: "",
      method: req.method,
      headers: new Headers(),
      body: req.body,
    };
    this.timeoutMs = options?.timeoutMs ?? opts.timeoutMs ?? 0;
    // A streamed body is read as it is sent: there is nothing left to send again.
    this.#policy =
      req.body instanceof ReadableStream
        ? { strategy: "none" }
        : (options?.retries ??
          opts.retryConfig ??
          client._defaults.retryConfig);
    this.#base = base;
    this.#hooks = client._hooks?.forCall(
      base,
      req,
      this.#usable,
      this.#policy,
      opts,
    );
  }

  /** Step 1: the request as the API description and the options make it, then the hooks' changes. */
  static async build(
    client: ClientSDK,
    req: HTTPRequest,
    options: RequestOptions | undefined,
  ): Promise<Call> {
    const call = new Call(client, req, options);
    await call.#prepare(req);
    call.#hooks?.beforeCreateRequest(call.#out);
    return call;
  }

  get #signal(): AbortSignal | null | undefined {
    return this.#options?.fetchOptions?.signal;
  }

  /** The URL and headers, with credentials; throws InvalidRequestError for what cannot be sent. */
  async #prepare(req: HTTPRequest): Promise<void> {
    const client = this.#client;
    const base = this.#base;
    const headers = this.#out.headers;
    const query = new URLSearchParams(req.query);
    setHeader(headers, "Accept", req.accept);
    if (req.contentType) setHeader(headers, "Content-Type", req.contentType);
    setHeader(headers, "User-Agent", client._defaults.userAgent);
    for (const [k, v] of Object.entries(req.headers ?? {}))
      setHeader(headers, k, v);
    try {
      this.#credentials.push(
        ...(await applySecurity(
          this.#usable,
          client._options,
          headers,
          query,
          base,
        )),
      );
    } catch (err) {
      if (err instanceof InvalidRequestError) throw err;
      // The message is the credential function's or the token endpoint's, never a secret of ours.
      const reason = err instanceof Error ? `: ${err.message}` : "";
      throw new UnexpectedClientError(
        `Could not obtain the credentials${reason}`,
        { cause: err },
      );
    }
    for (const [k, v] of Object.entries(client._options.headers ?? {}))
      setHeader(headers, k, v);
    const extra = this.#options?.fetchOptions?.headers;
    try {
      if (extra) new Headers(extra).forEach((v, k) => headers.set(k, v));
    } catch {
      throw new InvalidRequestError(
        "fetchOptions.headers cannot be sent: a name is not a header name, or a value holds CR, LF, NUL or a character beyond Latin-1",
      );
    }
    const idempotent = IDEMPOTENT.has(req.method);
    const keyed =
      req.idempotency ??
      (idempotent ? undefined : client._defaults.idempotency);
    if (keyed && !headers.has(keyed.header))
      headers.set(keyed.header, keyed.key());
    this.#idempotent = idempotent || (!!keyed && headers.has(keyed.header));
    const qs = query.toString();
    this.#out.url = req.url
      ? withQuery(req.url, query)
      : `${base}${req.path}${qs ? `?${qs}` : ""}`;
  }

  /**
   * Steps 2 and 3, under the caller's abort signal, which ends the current attempt (and a wait
   * between attempts). The timer and the listener go when the call ends, or when the stream it
   * handed over does.
   */
  async run(
    stream?: HTTPRequest["stream"],
  ): Promise<Result<HTTPResponse, HTTPClientError>> {
    const signal = this.#signal;
    if (signal?.aborted) return ERR(this.classify(signal.reason));
    if (signal) {
      this.#onAbort = () => this.current?.controller?.abort(signal.reason);
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
    try {
      return await this.#decode(await this.#attemptWithRetries(), stream);
    } catch (err) {
      return ERR(this.classify(err));
    } finally {
      if (!this.#handedOver) this.cleanup();
    }
  }

  cleanup(): void {
    clearTimeout(this.current?.timer);
    if (this.#onAbort)
      this.#signal?.removeEventListener("abort", this.#onAbort);
  }

  /** Step 2: attempts under the retry policy (the call is the policy's RetryDecision). */
  #attemptWithRetries(): Promise<Attempt> {
    return retry(() => this.#attempt(), this.#policy, this);
  }

  get statusCodes(): string[] {
    return this.#options?.retryCodes ?? this.#client._defaults.retryCodes;
  }

  get signal(): AbortSignal | null | undefined {
    return this.#signal;
  }

  /**
   * A request with an effect is repeated after a connection error only if it cannot have reached
   * the server, or it carries an idempotency key.
   */
  isRetryableError(err: unknown): boolean {
    return (
      err instanceof ConnectionError &&
      !(err.cause instanceof RedirectError) &&
      (this.#idempotent || NOT_SENT.has(errorCode(err.cause) ?? ""))
    );
  }

  /** One attempt: fetch (following redirects), through the hooks if there are any. */
  #attempt(): Promise<Attempt> {
    const mine = this.#startAttempt();
    const out = this.#out;
    // fetchOptions' own headers and signal are overridden: the SDK's headers hold them already,
    // and the attempt's controller follows the caller's signal.
    const init: RequestInit = withDuplex({
      ...this.#options?.fetchOptions,
      method: out.method,
      headers: out.headers,
      body: out.body,
      signal: mine.controller?.signal,
    });
    const hooks = this.#hooks;
    const send = (target: string, i: RequestInit) => this.#send(target, i);
    return hooks ? hooks.attempt(out.url, init, send) : send(out.url, init);
  }

  /** Sends the attempt's request; a failure is the error the caller gets. */
  async #send(target: string, init: RequestInit): Promise<Attempt> {
    const log = this.#client._options.debugLogger;
    try {
      log?.log(`specsmith: request ${init.method} ${target.split("?")[0]}`);
      const response = await this.#fetch(target, init);
      log?.log(
        `specsmith: response ${response.status} ${response.headers.get("content-type") ?? ""}`,
      );
      return { response };
    } catch (error) {
      return {
        error: error instanceof HTTPClientError ? error : this.classify(error),
      };
    }
  }

  /** A fresh controller (and timeout) for the next attempt, when a timeout or the caller's signal can end it. */
  #startAttempt(): Attempting {
    clearTimeout(this.current?.timer);
    const timeoutMs = this.timeoutMs;
    const controller =
      timeoutMs > 0 || this.#signal ? new AbortController() : undefined;
    const mine: Attempting = { controller, timedOut: false };
    this.current = mine;
    if (controller && timeoutMs > 0) {
      mine.timer = setTimeout(() => {
        mine.timedOut = true;
        controller.abort();
      }, timeoutMs);
    }
    return mine;
  }

  /**
   * Through the httpClient option (or an SDK-init hook's), else fetch. Redirects are followed by the
   * SDK, except in a browser or where fetchOptions.redirect says how.
   */
  #fetch(target: string, init: RequestInit): Promise<Response> {
    const client = this.#client._httpClient;
    const fetcher = client
      ? (input: RequestInfo | URL, i?: RequestInit) =>
          client.request(new Request(input, withDuplex(i)))
      : fetch;
    return this.#options?.fetchOptions?.redirect === undefined &&
      !HIDES_REDIRECTS
      ? fetchFollowingRedirects(target, init, this.#credentials, fetcher)
      : fetcher(target, init);
  }

  /** Step 3: the final response (after-success hooks, its body read), or the error of the last attempt. */
  async #decode(
    outcome: Attempt,
    stream?: HTTPRequest["stream"],
  ): Promise<Result<HTTPResponse, HTTPClientError>> {
    if (!outcome.response) {
      const err = outcome.error;
      // An error a user's hook chose goes through as it is, though the Result's type says otherwise.
      return ERR(
        err instanceof HTTPClientError || outcome.hooked
          ? (err as HTTPClientError)
          : this.classify(err),
      );
    }
    let response = outcome.response;
    const hooks = this.#hooks;
    if (hooks) response = await hooks.afterSuccess(response);
    const body = stream?.(this, response);
    if (body) {
      this.#handedOver = true;
      return OK({ response, body: "", bytes: new Uint8Array(), stream: body });
    }
    // The body is read under the same timeout as the attempt that produced it.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = UTF8.decode(bytes);
    return OK({ response, body: text, bytes });
  }

  /** What went wrong, as the error the caller gets: timeout, abort, connection, or unexpected. */
  classify(err: unknown): HTTPClientError {
    const req = this.#req;
    // "POST https://api.example.com/users": never the query, which may hold a key.
    const where = `${req.method} ${req.url ? req.url.split("?")[0] : this.#base + req.path}`;
    if (this.current?.timedOut) {
      return new RequestTimeoutError(
        `Request timed out after ${this.timeoutMs} ms: ${where}`,
        { cause: err },
      );
    }
    if (this.#signal?.aborted) {
      return new RequestAbortedError(`Request aborted: ${where}`, {
        cause: err,
      });
    }
    if (err instanceof RedirectError) {
      return new ConnectionError(`${err.message}: ${where}`, { cause: err });
    }
    if (err instanceof TypeError) {
      const code = errorCode(err);
      return new ConnectionError(
        `Unable to make request: ${where}: ${err.message}${code ? ` (${code})` : ""}`,
        { cause: err },
      );
    }
    return new UnexpectedClientError(`Unexpected error: ${where}`, {
      cause: err,
    });
  }
}

/** `url` with the query parameters credentials add. */
function withQuery(url: string, query: URLSearchParams): string {
  if (query.toString() === "") return url;
  const u = new URL(url);
  query.forEach((v, k) => u.searchParams.set(k, v));
  return u.toString();
}

/** Sets a header; a value a header cannot carry is refused without echoing it (it may be a secret). */
function setHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    throw new InvalidRequestError(
      `The ${name} header cannot be sent: a name is not a header name, or a value holds CR, LF, NUL or a character beyond Latin-1`,
    );
  }
}

/** A Request needs `duplex` to carry a stream body (Node's fetch). */
export function withDuplex(init: RequestInit | undefined): RequestInit {
  return init?.body instanceof ReadableStream
    ? ({ ...init, duplex: "half" } as RequestInit)
    : (init ?? {});
}

/** What a standalone function returns when its arguments cannot be turned into a request. */
export function invalidRequest(err: unknown): HTTPClientError {
  return asClientError(
    err,
    InvalidRequestError,
    "The arguments cannot be sent",
  );
}

function asClientError(
  err: unknown,
  Kind: typeof HTTPClientError = UnexpectedClientError,
  lead = "Unexpected error",
): HTTPClientError {
  if (err instanceof HTTPClientError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new Kind(`${lead}: ${reason}`, { cause: err });
}

/** The system error code behind a fetch failure (undici puts it on `cause`). */
function errorCode(err: unknown): string | undefined {
  for (
    let e = err, depth = 0;
    e && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

type Timer = ReturnType<typeof setTimeout>;

/** Decodes without keeping state between calls, so one serves every response. */
const UTF8 = new TextDecoder();

/** The chosen server's URL with its `{variables}` filled in. */
export function serverURL(
  defaults: SDKDefaults,
  options: ClientOptions,
): string {
  const idx = options.serverIdx ?? 0;
  const template = defaults.servers[idx] ?? defaults.servers[0] ?? "";
  const values = {
    ...defaults.serverDefaults[idx],
    ...options.serverVariables,
  };
  return template.replace(
    /\{([^}]+)\}/g,
    (all, name: string) => values[name] ?? all,
  );
}
