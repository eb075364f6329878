/** What both targets derive alike from the API's security schemes. */
import type { Api, SecurityScheme } from "../../ir/types.js";
import { CREDENTIAL_PLACEHOLDERS } from "./docs.js";

/** Each kind of scheme as docs describe it; targets add their own type names. */
export const SCHEME_KINDS: Record<SecurityScheme["kind"], { doc: string; scheme: string }> = {
  bearer: { doc: "Bearer token.", scheme: "HTTP Bearer" },
  basic: { doc: "Username and password.", scheme: "HTTP Basic" },
  apiKey: { doc: "API key.", scheme: "API key" },
  clientCredentials: { doc: "OAuth2 client ID and secret; the SDK fetches and caches access tokens.", scheme: "OAuth2 client credentials" },
};

/**
 * The placeholder credential a usage example passes for a scheme; `key` spells the target's names of
 * the parts of a composite credential (username/password, client id/secret).
 */
export function credentialPlaceholder(kind: SecurityScheme["kind"], key: (part: "username" | "password" | "clientId" | "clientSecret") => string): unknown {
  switch (kind) {
    case "bearer":
      return CREDENTIAL_PLACEHOLDERS.bearer;
    case "apiKey":
      return CREDENTIAL_PLACEHOLDERS.apiKey;
    case "basic":
      return { [key("username")]: CREDENTIAL_PLACEHOLDERS.username, [key("password")]: CREDENTIAL_PLACEHOLDERS.password };
    case "clientCredentials":
      return { [key("clientId")]: CREDENTIAL_PLACEHOLDERS.clientId, [key("clientSecret")]: CREDENTIAL_PLACEHOLDERS.clientSecret };
  }
}

/** The schemes usage examples authenticate with: the first one the API's default security names. */
export function exampleSchemes(api: Api): SecurityScheme[] {
  return api.securitySchemes.filter((s) => api.security.some((alt) => alt.includes(s.name))).slice(0, 1);
}

/** The retry policy docs and config show, when the API asks for backoff (`x-speakeasy-retries`). */
export function backoffPolicy(api: Api) {
  return api.retries && api.retries.strategy === "backoff" ? { ...api.retries.backoff, retryConnectionErrors: api.retries.retryConnectionErrors } : null;
}
