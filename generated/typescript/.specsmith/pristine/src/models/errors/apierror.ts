/** Base class of every error that carries an HTTP response. */
export class APIError extends Error {
  /** HTTP status code of the response. */
  readonly statusCode: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The response body as text. */
  readonly body: string;
  /** Value of the Content-Type header ("" when absent). */
  readonly contentType: string;
  /** The raw response; its body has already been read. */
  readonly rawResponse: Response;

  constructor(message: string, response: Response, body: string) {
    super(message);
    this.name = "APIError";
    this.statusCode = response.status;
    this.headers = response.headers;
    this.body = body;
    this.contentType = response.headers.get("content-type") ?? "";
    this.rawResponse = response;
  }

  /** "API error occurred: Status 404 Content-Type application/json: {…}" */
  static describe(response: Response, body: string): string {
    const type = response.headers.get("content-type") ?? "(none)";
    const preview = body.length > 0 ? `: ${body.slice(0, 200)}` : "";
    return `API error occurred: Status ${response.status} Content-Type ${type}${preview}`;
  }
}
