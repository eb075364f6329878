/** Retry policy and the backoff loop. Times are in milliseconds. */

export type BackoffStrategy = {
  initialInterval: number;
  maxInterval: number;
  exponent: number;
  maxElapsedTime: number;
};

export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      backoff?: BackoffStrategy;
      retryConnectionErrors?: boolean;
    };

const defaultBackoff: BackoffStrategy = {
  initialInterval: 500,
  maxInterval: 60000,
  exponent: 1.5,
  maxElapsedTime: 3600000,
};

/**
 * What one attempt produced: a response to judge, or a thrown error (`hooked`: one a user's hook
 * threw or chose, which reaches the caller as it is).
 */
export type Attempt =
  | { response: Response; error?: never; hooked?: never }
  | { error: unknown; response?: never; hooked?: boolean };

export type RetryDecision = {
  /** Status codes that are retried, like "503" or "5XX". */
  statusCodes: string[];
  /** Whether a thrown error (the request never got a response) may be retried. */
  isRetryableError: (err: unknown) => boolean;
  /** Aborting it ends the wait between attempts at once. */
  signal?: AbortSignal | null;
};

/**
 * Runs `attempt` until it yields a response that is not retryable, an error that is not retryable,
 * or the policy gives up; returns the last outcome. A `Retry-After` header on a retryable response
 * sets the next wait (capped by maxInterval); otherwise the wait grows exponentially with jitter.
 */
export async function retry(
  attempt: () => Promise<Attempt>,
  config: RetryConfig,
  decision: RetryDecision,
): Promise<Attempt> {
  if (config.strategy !== "backoff") return attempt();
  const backoff = config.backoff ?? defaultBackoff;
  const retryConnectionErrors = config.retryConnectionErrors ?? true;
  const start = Date.now();
  for (let n = 0; ; n++) {
    const outcome = await attempt();
    let retryAfter: number | undefined;
    if (outcome.response) {
      if (!matchStatusCode(outcome.response.status, decision.statusCodes)) {
        return outcome;
      }
      retryAfter = parseRetryAfter(outcome.response.headers.get("retry-after"));
    } else if (
      !retryConnectionErrors ||
      !decision.isRetryableError(outcome.error)
    ) {
      return outcome;
    }
    const elapsed = Date.now() - start;
    const wait = Math.min(
      retryAfter ?? jittered(backoff.initialInterval * backoff.exponent ** n),
      backoff.maxInterval,
    );
    if (elapsed + wait > backoff.maxElapsedTime) return outcome;
    // Free the connection before waiting; the body of a retried response is never read.
    await outcome.response?.body?.cancel().catch(() => {});
    if (!(await sleep(wait, decision.signal))) {
      return { error: decision.signal?.reason ?? new Error("aborted") };
    }
  }
}

/** True if `status` matches one of the codes: exact ("404"), a range ("5XX"), or "default". */
export function matchStatusCode(status: number, codes: string[]): boolean {
  const s = String(status);
  return codes.some((c) => {
    const code = c.toUpperCase();
    if (code === "DEFAULT") return true;
    if (/^[1-5]XX$/.test(code)) return s[0] === code[0];
    return code === s;
  });
}

/** Seconds or an HTTP date, per RFC 9110 §10.2.3; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.round(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Only an HTTP date (it has a weekday and a month): Date.parse also reads "-5" as a year.
  if (!/[A-Za-z]/.test(v)) return undefined;
  const date = Date.parse(v);
  if (Number.isNaN(date) || date <= Date.now()) return undefined;
  return date - Date.now();
}

function jittered(ms: number): number {
  return ms * (0.75 + Math.random() * 0.5);
}

/** Waits `ms`; resolves false at once if `signal` is (or becomes) aborted. */
function sleep(ms: number, signal?: AbortSignal | null): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
