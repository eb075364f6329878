/**
 * Redirects, followed by the SDK rather than by fetch: fetch forwards every header but
 * `Authorization` to wherever a server redirects, API keys and cookies included. Here a redirect to
 * another origin (scheme, host or port) drops every credential the SDK set, for the rest of the chain.
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

/** Why a redirect was not followed. */
export class RedirectError extends Error {
  override name = "RedirectError";
}

/**
 * `fetch` with redirects followed by hand. `credentials` are the (lower-case) names of headers that
 * carry secrets; they never cross to another origin.
 */
export async function fetchFollowingRedirects(
  url: string,
  init: RequestInit,
  credentials: readonly string[],
  fetcher: (input: string, init: RequestInit) => Promise<Response> = (i, o) =>
    fetch(i, o),
): Promise<Response> {
  // A string until a redirect: fetch parses the URL itself, and most calls are never redirected.
  let current = url;
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body;
  // The caller's headers until a redirect: copied then, as credentials may be dropped from them.
  let headers = init.headers;
  for (let hop = 0; ; hop++) {
    const response = await fetcher(current, {
      ...init,
      method,
      body,
      headers,
      redirect: "manual",
    });
    if (response.type === "opaqueredirect") {
      throw new RedirectError(
        'The server redirected, and this runtime\'s fetch hides where to: set fetchOptions.redirect to "follow"',
      );
    }
    const location = REDIRECTS.has(response.status)
      ? response.headers.get("location")
      : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) {
      throw new RedirectError(`More than ${MAX_REDIRECTS} redirects`);
    }
    const own = new Headers(headers);
    headers = own;
    const from = new URL(current);
    const next = new URL(location, from);
    if (next.protocol !== "https:" && next.protocol !== "http:") {
      throw new RedirectError(`Refused a redirect to a ${next.protocol} URL`);
    }
    if (next.origin !== from.origin) {
      for (const name of credentials) own.delete(name);
    }
    // 303, and 301/302 after a POST, turn into a GET without a body (as browsers and fetch do).
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) &&
        method === "POST")
    ) {
      if (method !== "HEAD") method = "GET";
      body = undefined;
      own.delete("content-type");
      own.delete("content-length");
    }
    current = next.href;
  }
}
