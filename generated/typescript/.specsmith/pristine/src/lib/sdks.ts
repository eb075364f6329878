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
import { RedirectError, fetchFollowingRedirects } from "./redirects.js";
import { retry, type Attempt, type RetryConfig } from "./retries.js";
import { applySecurity, type SecurityScheme } from "./security.js";

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
};

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
  idempotencyHeader?: string;
  metadata: {
    packageName: string;
    sdkVersion: string;
    genVersion: string;
    openapiDocVersion: string;
  };
};

export class ClientSDK<O extends ClientOptions = ClientOptions> {
  /** @internal */
  readonly _options: O;
  /** @internal */
  readonly _defaults: SDKDefaults;

  constructor(options: O, defaults: SDKDefaults) {
    this._options = options;
    this._defaults = defaults;
  }
}

/** One HTTP call, as an operation describes it. */
export type HTTPRequest = {
  method: string;
  /** Path with parameters already substituted and encoded. */
  path: string;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  body?: BodyInit;
  /** Content-Type; left out for multipart bodies, whose boundary fetch sets. */
  contentType?: string;
  accept: string;
  security: SecurityScheme[][];
  /** The operation declares this idempotency header: a call sends one key on every attempt. */
  idempotencyHeader?: string;
};

/** A response with its body read: as bytes, and as text. */
export type HTTPResponse = {
  response: Response;
  body: string;
  bytes: Uint8Array;
};

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
 * header value with CR or LF, say) is an InvalidRequestError before anything goes out.
 */
export async function send(
  client: ClientSDK,
  req: HTTPRequest,
  options?: RequestOptions,
): Promise<Result<HTTPResponse, HTTPClientError>> {
  let prepared: Prepared;
  try {
    prepared = await prepare(client, req, options);
  } catch (err) {
    return ERR(asClientError(err));
  }
  const { url, headers, where, credentials, idempotent, signal, fetchOptions } =
    prepared;
  const timeoutMs = options?.timeoutMs ?? client._options.timeoutMs ?? 0;
  const policy =
    options?.retries ??
    client._options.retryConfig ??
    client._defaults.retryConfig;
  const manualRedirects = fetchOptions.redirect === undefined;

  let current: {
    controller: AbortController;
    timer?: Timer;
    timedOut: boolean;
  };
  const cleanup = () => {
    if (current?.timer !== undefined) clearTimeout(current.timer);
    signal?.removeEventListener("abort", onAbort);
  };
  const onAbort = () => current?.controller.abort(signal?.reason);
  if (signal?.aborted) {
    return ERR(new RequestAbortedError(`Request aborted: ${where}`));
  }
  signal?.addEventListener("abort", onAbort, { once: true });

  const classify = (err: unknown): HTTPClientError => {
    if (current?.timedOut) {
      return new RequestTimeoutError(
        `Request timed out after ${timeoutMs} ms: ${where}`,
        { cause: err },
      );
    }
    if (signal?.aborted) {
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
  };

  const attempt = async (): Promise<Attempt> => {
    if (current?.timer !== undefined) clearTimeout(current.timer);
    current = { controller: new AbortController(), timedOut: false };
    const mine = current;
    if (timeoutMs > 0) {
      mine.timer = setTimeout(() => {
        mine.timedOut = true;
        mine.controller.abort();
      }, timeoutMs);
    }
    const init: RequestInit = {
      ...fetchOptions,
      method: req.method,
      headers,
      body: req.body,
      signal: mine.controller.signal,
    };
    try {
      const response = manualRedirects
        ? await fetchFollowingRedirects(url, init, credentials)
        : await fetch(url, init);
      return { response };
    } catch (error) {
      return { error: classify(error) };
    }
  };

  try {
    const outcome = await retry(attempt, policy, {
      statusCodes: options?.retryCodes ?? client._defaults.retryCodes,
      // A request with an effect is repeated after a connection error only if it cannot have
      // reached the server, or it carries an idempotency key.
      isRetryableError: (err) =>
        err instanceof ConnectionError &&
        !(err.cause instanceof RedirectError) &&
        (idempotent || NOT_SENT.has(errorCode(err.cause) ?? "")),
      signal,
    });
    if (!outcome.response) {
      return ERR(
        outcome.error instanceof HTTPClientError
          ? outcome.error
          : classify(outcome.error),
      );
    }
    // The body is read under the same timeout as the attempt that produced it.
    const bytes = new Uint8Array(await outcome.response.arrayBuffer());
    const body = new TextDecoder().decode(bytes);
    return OK({ response: outcome.response, body, bytes });
  } catch (err) {
    return ERR(classify(err));
  } finally {
    cleanup();
  }
}

type Prepared = {
  url: string;
  headers: Headers;
  /** "POST https://api.example.com/users": for messages (never the query, which may hold a key). */
  where: string;
  /** Header names that carry credentials: dropped on a redirect to another origin. */
  credentials: string[];
  /** Whether repeating the request cannot repeat its effect (an idempotent method, or a key). */
  idempotent: boolean;
  signal: AbortSignal | null | undefined;
  fetchOptions: Omit<RequestInit, "method" | "body" | "headers" | "signal">;
};

/** Builds the URL and headers, with credentials; throws InvalidRequestError for what cannot be sent. */
async function prepare(
  client: ClientSDK,
  req: HTTPRequest,
  options: RequestOptions | undefined,
): Promise<Prepared> {
  const base = (
    options?.serverURL ??
    client._options.serverURL ??
    serverURL(client._defaults, client._options)
  ).replace(/\/+$/, "");
  const where = `${req.method} ${base}${req.path}`;
  const query = new URLSearchParams(req.query);
  const headers = new Headers();
  setHeader(headers, "Accept", req.accept);
  if (req.contentType) setHeader(headers, "Content-Type", req.contentType);
  setHeader(headers, "User-Agent", userAgent(client._defaults.metadata));
  for (const [k, v] of Object.entries(req.headers ?? {}))
    setHeader(headers, k, v);
  let credentials: string[];
  try {
    credentials = await applySecurity(
      req.security,
      client._options,
      headers,
      query,
      base,
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
  const {
    headers: extra,
    signal,
    ...fetchOptions
  } = options?.fetchOptions ?? {};
  try {
    new Headers(extra).forEach((v, k) => headers.set(k, v));
  } catch {
    throw new InvalidRequestError(
      "fetchOptions.headers holds a header that cannot be sent (CR, LF or NUL in a value, or an invalid name)",
    );
  }
  const keyHeader =
    req.idempotencyHeader ??
    (IDEMPOTENT.has(req.method)
      ? undefined
      : client._defaults.idempotencyHeader);
  if (keyHeader && !headers.has(keyHeader))
    headers.set(keyHeader, newIdempotencyKey());
  const qs = query.toString();
  return {
    url: `${base}${req.path}${qs ? `?${qs}` : ""}`,
    headers,
    where,
    credentials: [
      "authorization",
      "proxy-authorization",
      "cookie",
      ...credentials,
    ],
    idempotent:
      IDEMPOTENT.has(req.method) ||
      (keyHeader !== undefined && headers.has(keyHeader)),
    signal,
    fetchOptions,
  };
}

/** Sets a header; a value a header cannot carry is refused without echoing it (it may be a secret). */
function setHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    throw new InvalidRequestError(
      `The ${name} header cannot be sent: its name is not a header name, or its value holds CR, LF, NUL or a character beyond Latin-1`,
    );
  }
}

/** What a standalone function returns when its arguments cannot be turned into a request. */
export function invalidRequest(err: unknown): HTTPClientError {
  if (err instanceof HTTPClientError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new InvalidRequestError(`The arguments cannot be sent: ${reason}`, {
    cause: err,
  });
}

function asClientError(err: unknown): HTTPClientError {
  if (err instanceof HTTPClientError) return err;
  return new UnexpectedClientError(
    `Unexpected error: ${err instanceof Error ? err.message : String(err)}`,
    { cause: err },
  );
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

/** A fresh idempotency key: a random UUID. */
function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 16).toString(16),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

type Timer = ReturnType<typeof setTimeout>;

/** The chosen server's URL with its `{variables}` filled in. */
function serverURL(defaults: SDKDefaults, options: ClientOptions): string {
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

/** "clerk-backend-api/0.1.0 (specsmith 0.1.0; typescript; api 2026-05-12)" */
function userAgent(m: SDKDefaults["metadata"]): string {
  return `${m.packageName}/${m.sdkVersion} (specsmith ${m.genVersion}; typescript; api ${m.openapiDocVersion})`;
}
