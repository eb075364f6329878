/** The request pipeline shared by every operation: URL, headers, auth, timeout, retries, errors. */
import {
  ConnectionError,
  HTTPClientError,
  RequestAbortedError,
  RequestTimeoutError,
  UnexpectedClientError,
} from "../models/errors/httpclienterrors.js";
import { ERR, OK, type Result } from "../types/result.js";
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
  /** Passed to `fetch`: extra headers, a `signal` to abort, and the like. */
  fetchOptions?: Omit<RequestInit, "method" | "body">;
};

/** Facts about the API baked in at generation time. */
export type SDKDefaults = {
  /** Server URL templates, and the default values of their `{variables}`. */
  servers: readonly string[];
  serverDefaults: readonly Readonly<Record<string, string>>[];
  retryConfig: RetryConfig;
  retryCodes: string[];
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
};

/** A response with its body read: as bytes, and as text. */
export type HTTPResponse = {
  response: Response;
  body: string;
  bytes: Uint8Array;
};

/** Sends `req` with auth, timeout and retries; never throws. */
export async function send(
  client: ClientSDK,
  req: HTTPRequest,
  options?: RequestOptions,
): Promise<Result<HTTPResponse, HTTPClientError>> {
  const base = (
    options?.serverURL ??
    client._options.serverURL ??
    serverURL(client._defaults, client._options)
  ).replace(/\/+$/, "");
  const query = new URLSearchParams(req.query);
  const headers = new Headers();
  headers.set("Accept", req.accept);
  if (req.contentType) headers.set("Content-Type", req.contentType);
  headers.set("User-Agent", userAgent(client._defaults.metadata));
  for (const [k, v] of Object.entries(req.headers ?? {})) headers.set(k, v);
  try {
    await applySecurity(req.security, client._options, headers, query, base);
  } catch (err) {
    const reason = err instanceof Error ? `: ${err.message}` : "";
    return ERR(
      new UnexpectedClientError(`Could not obtain the credentials${reason}`, {
        cause: err,
      }),
    );
  }
  const {
    headers: extraHeaders,
    signal,
    ...fetchOptions
  } = options?.fetchOptions ?? {};
  new Headers(extraHeaders).forEach((v, k) => headers.set(k, v));

  const qs = query.toString();
  const url = `${base}${req.path}${qs ? `?${qs}` : ""}`;
  const where = `${req.method} ${base}${req.path}`;
  const timeoutMs = options?.timeoutMs ?? client._options.timeoutMs ?? 0;
  const policy =
    options?.retries ??
    client._options.retryConfig ??
    client._defaults.retryConfig;

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
    if (current.timedOut) {
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
    if (err instanceof TypeError) {
      const code = (err.cause as { code?: unknown } | undefined)?.code;
      return new ConnectionError(
        `Unable to make request: ${where}: ${err.message}${typeof code === "string" ? ` (${code})` : ""}`,
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
    try {
      const response = await fetch(url, {
        ...fetchOptions,
        method: req.method,
        headers,
        body: req.body,
        signal: mine.controller.signal,
      });
      return { response };
    } catch (error) {
      return { error: classify(error) };
    }
  };

  try {
    const outcome = await retry(attempt, policy, {
      statusCodes: options?.retryCodes ?? client._defaults.retryCodes,
      isRetryableError: (err) => err instanceof ConnectionError,
    });
    if (!outcome.response) return ERR(outcome.error as HTTPClientError);
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
