/** Errors raised when no HTTP response was received. */

/** Base class of every error where the request did not get a response. */
export class HTTPClientError extends Error {
  override name = "HTTPClientError";
}

/** The server could not be reached (DNS, refused or reset connection, TLS). */
export class ConnectionError extends HTTPClientError {
  override name = "ConnectionError";
}

/** The request took longer than `timeoutMs`. */
export class RequestTimeoutError extends HTTPClientError {
  override name = "RequestTimeoutError";
}

/** The caller aborted the request through `fetchOptions.signal`. */
export class RequestAbortedError extends HTTPClientError {
  override name = "RequestAbortedError";
}

/**
 * The arguments cannot make a request: a path value of "", "." or ".." (it would reach another
 * endpoint), a header value with CR or LF, a value that cannot be encoded. Nothing was sent.
 */
export class InvalidRequestError extends HTTPClientError {
  override name = "InvalidRequestError";
}

/** The request could not be built or sent for another reason, e.g. an invalid URL. */
export class UnexpectedClientError extends HTTPClientError {
  override name = "UnexpectedClientError";
}
