import { APIError } from "./apierror.js";

/** A response the API description does not declare, or one that could not be decoded. */
export class SDKError extends APIError {
  constructor(message: string, response: Response, body: string) {
    super(APIError.describe(response, body, message), response, body);
    this.name = "SDKError";
  }
}
