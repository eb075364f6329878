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

/**
 * How one security scheme of the API travels on a request; `option` is the SDK option holding it, and
 * `apply` the function that puts it on the request (lib/config.ts imports only the ones the API uses,
 * so a bundle carries no OAuth2 code for an API that has only a bearer token).
 */
export type SecurityScheme =
  | {
      kind: "clientCredentials";
      option: string;
      tokenURL: string;
      scopes: readonly string[];
      apply: Applier;
    }
  | { kind: "bearer"; option: string; apply: Applier }
  | { kind: "basic"; option: string; apply: Applier }
  | {
      kind: "apiKey";
      option: string;
      in: "header" | "query" | "cookie";
      param: string;
      apply: Applier;
    };

/** What a scheme's credential goes on: the request's headers, query and cookies. */
export type Carrier = {
  headers: Headers;
  query: URLSearchParams;
  cookies: string[];
  /** Lower-case names of headers that carry a credential (dropped on a redirect to another origin). */
  carriers: string[];
  serverURL: string;
};

/** Puts one scheme's credential (already read and checked) on a request. */
export type Applier = (
  value: unknown,
  scheme: SecurityScheme,
  to: Carrier,
) => void | Promise<void>;

/** The first requirement whose credentials are all set (what a call is secured with). */
export function usableRequirement(
  requirements: SecurityScheme[][],
  options: Readonly<Record<string, unknown>>,
): SecurityScheme[] | undefined {
  const own = (name: string) => Object.hasOwn(options, name);
  return requirements.find((req) =>
    req.every(
      (s) =>
        own(s.option) && options[s.option] != null && options[s.option] !== "",
    ),
  );
}

/**
 * Applies a requirement (a set of schemes that must all be present: the one `usableRequirement`
 * chose, or none when no requirement has its credentials). A requirement with no schemes needs no
 * credentials. Returns the (lower-case) names of the headers that now carry a credential.
 */
export async function applySecurity(
  usable: readonly SecurityScheme[] | undefined,
  options: Readonly<Record<string, unknown>>,
  headers: Headers,
  query: URLSearchParams,
  serverURL: string,
): Promise<string[]> {
  if (!usable) return [];
  const to: Carrier = { headers, query, cookies: [], carriers: [], serverURL };
  for (const scheme of usable) {
    const raw = options[scheme.option];
    const value = typeof raw === "function" ? await raw() : raw;
    checkCredential(scheme.option, value);
    await scheme.apply(value, scheme, to);
  }
  if (to.cookies.length > 0) {
    const existing = headers.get("Cookie");
    headers.set("Cookie", [existing, ...to.cookies].filter(Boolean).join("; "));
  }
  return to.carriers;
}

/** `Authorization: Bearer <token>` (the prefix is added unless the token has it). */
export const bearer: Applier = (value, _scheme, to) => {
  const token = String(value);
  to.headers.set(
    "Authorization",
    /^bearer /i.test(token) ? token : `Bearer ${token}`,
  );
};

/** HTTP Basic auth from a username and password. */
export const basic: Applier = (value, _scheme, to) => {
  const { username, password } = value as BasicPair;
  to.headers.set("Authorization", `Basic ${base64(`${username}:${password}`)}`);
};
type BasicPair = { username: string; password: string };

/** An API key in a header, the query or a cookie. */
export const apiKey: Applier = (value, scheme, to) => {
  if (scheme.kind !== "apiKey") return;
  if (scheme.in === "header") {
    to.headers.set(scheme.param, String(value));
    to.carriers.push(scheme.param.toLowerCase());
  } else if (scheme.in === "query") to.query.set(scheme.param, String(value));
  else to.cookies.push(`${scheme.param}=${encodeURIComponent(String(value))}`);
};

/** OAuth2 client credentials, exchanged for an access token (cached until shortly before it expires). */
export const clientCredentials: Applier = async (value, scheme, to) => {
  if (scheme.kind !== "clientCredentials") return;
  const token = await accessToken(
    value as ClientCredentials,
    new URL(scheme.tokenURL, to.serverURL + "/").href,
    scheme.scopes,
  );
  to.headers.set("Authorization", `Bearer ${token}`);
};

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
        `The ${option} credential was not sent: it holds CR, LF, NUL or a character beyond Latin-1`,
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
