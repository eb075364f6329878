/**
 * Base class of every error that carries an HTTP response. Fields are `declare`d and set in the
 * constructor: the compiled class then holds no field list of its own (a smaller bundle).
 */
export class APIError extends Error {
  /** HTTP status code of the response. */
  declare readonly statusCode: number;
  /** Response headers. */
  declare readonly headers: Headers;
  /** The response body as text. */
  declare readonly body: string;
  /** Value of the Content-Type header ("" when absent). */
  declare readonly contentType: string;
  /** The raw response; its body has already been read. */
  declare readonly rawResponse: Response;

  constructor(message: string, response: Response, body: string) {
    super(message);
    this.name = "APIError";
    this.statusCode = response.status;
    this.headers = response.headers;
    this.body = body;
    this.contentType = response.headers.get("content-type") ?? "";
    this.rawResponse = response;
  }

  /** "API error occurred: Status 404 Content-Type application/json: {…}" (`lead` first). */
  static describe(
    response: Response,
    body: string,
    lead = "API error occurred",
  ): string {
    const type = response.headers.get("content-type") ?? "(none)";
    const preview = body.length > 0 ? `: ${body.slice(0, 200)}` : "";
    return `${lead}: Status ${response.status} Content-Type ${type}${preview}`;
  }
}
