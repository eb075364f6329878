/** Applies the credentials an operation needs to an outgoing request. */
import { InvalidRequestError } from "../models/errors/httpclienterrors.js";

/** A secret the SDK can read when a request is made: the value, or a function returning it. */
export type Credential = string | (() => string | Promise<string>);

export type BasicCredential =
  | { username: string; password: string }
  | (() =>
      | { username: string; password: string }
      | Promise<{ username: string; password: string }>);

/** An OAuth2 client's credentials: the SDK exchanges them for access tokens. */
export type ClientCredentials = { clientID: string; clientSecret: string };

/** How one security scheme of the API travels on a request; `option` is the SDK option holding it. */
export type SecurityScheme =
  | {
      kind: "clientCredentials";
      option: string;
      tokenURL: string;
      scopes: readonly string[];
    }
  | { kind: "bearer"; option: string }
  | { kind: "basic"; option: string }
  | {
      kind: "apiKey";
      option: string;
      in: "header" | "query" | "cookie";
      param: string;
    };

/**
 * Applies the first requirement (a set of schemes that must all be present) whose credentials are
 * configured. An empty requirement list, or a requirement with no schemes, needs no credentials.
 * Returns the (lower-case) names of the headers that now carry a credential.
 */
/** The first requirement whose credentials are all set (what a call is secured with). */
export function usableRequirement(
  requirements: SecurityScheme[][],
  options: Readonly<Record<string, unknown>>,
): SecurityScheme[] | undefined {
  const own = (name: string) =>
    Object.prototype.hasOwnProperty.call(options, name);
  return requirements.find((req) =>
    req.every(
      (s) =>
        own(s.option) && options[s.option] != null && options[s.option] !== "",
    ),
  );
}

export async function applySecurity(
  requirements: SecurityScheme[][],
  options: Readonly<Record<string, unknown>>,
  headers: Headers,
  query: URLSearchParams,
  serverURL: string,
): Promise<string[]> {
  const usable = usableRequirement(requirements, options);
  if (!usable) return [];
  const cookies: string[] = [];
  const carriers: string[] = [];
  for (const scheme of usable) {
    const raw = options[scheme.option];
    const value = typeof raw === "function" ? await raw() : raw;
    checkCredential(scheme.option, value);
    switch (scheme.kind) {
      case "bearer": {
        const token = String(value);
        headers.set(
          "Authorization",
          /^bearer /i.test(token) ? token : `Bearer ${token}`,
        );
        break;
      }
      case "basic": {
        const { username, password } = value as {
          username: string;
          password: string;
        };
        headers.set(
          "Authorization",
          `Basic ${base64(`${username}:${password}`)}`,
        );
        break;
      }
      case "clientCredentials": {
        const token = await accessToken(
          value as ClientCredentials,
          new URL(scheme.tokenURL, serverURL + "/").href,
          scheme.scopes,
        );
        headers.set("Authorization", `Bearer ${token}`);
        break;
      }
      case "apiKey":
        if (scheme.in === "header") {
          headers.set(scheme.param, String(value));
          carriers.push(scheme.param.toLowerCase());
        } else if (scheme.in === "query")
          query.set(scheme.param, String(value));
        else
          cookies.push(`${scheme.param}=${encodeURIComponent(String(value))}`);
        break;
    }
  }
  if (cookies.length > 0) {
    const existing = headers.get("Cookie");
    headers.set("Cookie", [existing, ...cookies].filter(Boolean).join("; "));
  }
  return carriers;
}

/**
 * A credential must fit in a header: CR or LF would split it, NUL or characters beyond Latin-1
 * are refused by fetch, whose message would quote the secret. The refusal here names only the option.
 */
function checkCredential(option: string, value: unknown): void {
  const parts =
    value !== null && typeof value === "object"
      ? Object.values(value as Record<string, unknown>)
      : [value];
  for (const part of parts) {
    if (/[^\t\x20-\x7e\x80-\xff]/.test(String(part))) {
      throw new InvalidRequestError(
        `The ${option} credential holds a character a header cannot carry (CR, LF, NUL or beyond Latin-1); it was not sent`,
      );
    }
  }
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Access tokens by client and token URL, until shortly before they expire. */
const tokens = new Map<string, { token: string; expires: number }>();

/** RFC 6749 section 4.4: client credentials in HTTP Basic auth, the grant in a form body. */
async function accessToken(
  credentials: ClientCredentials,
  tokenURL: string,
  scopes: readonly string[],
): Promise<string> {
  const key = `${tokenURL} ${credentials.clientID} ${scopes.join(" ")}`;
  const cached = tokens.get(key);
  if (cached && cached.expires > Date.now()) return cached.token;
  const body = new URLSearchParams({ grant_type: "client_credentials" });
  if (scopes.length > 0) body.set("scope", scopes.join(" "));
  const basic = `${encodeURIComponent(credentials.clientID)}:${encodeURIComponent(credentials.clientSecret)}`;
  const res = await fetch(tokenURL, {
    method: "POST",
    headers: {
      Authorization: `Basic ${base64(basic)}`,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body,
  });
  if (!res.ok) {
    throw new Error(`The token endpoint answered ${res.status}`);
  }
  const payload = (await res.json()) as {
    access_token?: string;
    expires_in?: number;
  };
  if (typeof payload.access_token !== "string") {
    throw new Error("The token endpoint sent no access_token");
  }
  // A minute early, so a token never expires on its way to the API.
  const lifetime = (payload.expires_in ?? 3600) * 1000 - 60000;
  tokens.set(key, {
    token: payload.access_token,
    expires: Date.now() + lifetime,
  });
  return payload.access_token;
}
