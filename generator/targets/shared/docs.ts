/** What both targets' docs and snippets show alike. */

/** The placeholders usage snippets show for credentials, whatever a target calls the option. */
export const CREDENTIAL_PLACEHOLDERS = {
  bearer: "<YOUR_BEARER_TOKEN_HERE>",
  apiKey: "<YOUR_API_KEY_HERE>",
  username: "<YOUR_USERNAME_HERE>",
  password: "<YOUR_PASSWORD_HERE>",
  clientId: "<YOUR_CLIENT_ID_HERE>",
  clientSecret: "<YOUR_CLIENT_SECRET_HERE>",
} as const;

/** The backoff strategy's fields as the RetryConfig docs list them; targets spell the names. */
export const BACKOFF_FIELDS = [
  { name: "initialInterval", description: "The initial interval in milliseconds.", example: "500", integer: true },
  { name: "maxInterval", description: "The maximum interval in milliseconds.", example: "60000", integer: true },
  { name: "exponent", description: "The exponent to use for the backoff.", example: "1.5", integer: false },
  { name: "maxElapsedTime", description: "The maximum elapsed time in milliseconds.", example: "300000", integer: true },
] as const;
