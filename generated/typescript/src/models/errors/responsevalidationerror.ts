import { SDKError } from "./sdkerror.js";

/**
 * A response whose body does not have the shape the API description declares: `path` is where the
 * first difference is (`$.data[0].created_at`), `rawValue` the body as parsed.
 */
export class ResponseValidationError extends SDKError {
  /** Where the body first differs from its declared type, as a JSONPath (`$` is the body). */
  declare readonly path: string;
  /** What the API description declares there. */
  declare readonly expected: string;
  /** The body as parsed from JSON, before validation. */
  declare readonly rawValue: unknown;

  constructor(
    failure: { path: string; expected: string; message: string },
    rawValue: unknown,
    response: Response,
    body: string,
  ) {
    super(`Response validation failed at ${failure.message}`, response, body);
    this.name = "ResponseValidationError";
    this.path = failure.path;
    this.expected = failure.expected;
    this.rawValue = rawValue;
  }
}
