/** Applies the credentials an operation needs to an outgoing request. */

/** A secret the SDK can read when a request is made: the value, or a function returning it. */
export type Credential = string | (() => string | Promise<string>);

export type BasicCredential =
  | { username: string; password: string }
  | (() =>
      | { username: string; password: string }
      | Promise<{ username: string; password: string }>);

/** How one security scheme of the API travels on a request; `option` is the SDK option holding it. */
export type SecurityScheme =
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
 */
export async function applySecurity(
  requirements: SecurityScheme[][],
  options: Readonly<Record<string, unknown>>,
  headers: Headers,
  query: URLSearchParams,
): Promise<void> {
  const usable = requirements.find((req) =>
    req.every((s) => options[s.option] != null && options[s.option] !== ""),
  );
  if (!usable) return;
  const cookies: string[] = [];
  for (const scheme of usable) {
    const raw = options[scheme.option];
    const value = typeof raw === "function" ? await raw() : raw;
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
      case "apiKey":
        if (scheme.in === "header") headers.set(scheme.param, String(value));
        else if (scheme.in === "query") query.set(scheme.param, String(value));
        else
          cookies.push(`${scheme.param}=${encodeURIComponent(String(value))}`);
        break;
    }
  }
  if (cookies.length > 0) {
    const existing = headers.get("Cookie");
    headers.set("Cookie", [existing, ...cookies].filter(Boolean).join("; "));
  }
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
