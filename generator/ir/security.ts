/** `components.securitySchemes` and `security` requirements → the IR's security schemes and requirements. */
import type { Loc } from "../load/document.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import { NameScope, camelCase } from "./names.js";
import type { SecurityScheme } from "./types.js";

/** A `security` list: alternatives, each the names of the schemes it needs together. */
export function securityOf(v: unknown): string[][] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObj).map((req) => Object.keys(req));
}

/**
 * A `security` list as the SDK can send it: each alternative without the schemes it does not send
 * (mutualTLS, challenge schemes: the caller provides those), so that an API key required beside a
 * client certificate is still sent. An alternative left with none is dropped, unless it named none to
 * begin with (`{}`: credentials are optional), for it is not a way to call without credentials.
 */
export function sendable(security: string[][], schemes: readonly SecurityScheme[]): string[][] {
  const known = new Set(schemes.map((s) => s.name));
  return security.flatMap((alt) => {
    const kept = alt.filter((name) => known.has(name));
    return kept.length > 0 || alt.length === 0 ? [kept] : [];
  });
}

export function buildSecuritySchemes(ctx: BuildContext): SecurityScheme[] {
  const { resolver, doc, warnings } = ctx;
  const comps = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const out: SecurityScheme[] = [];
  // Each scheme's credential is a client option: clear of the other options and of each other.
  // Names every object inherits are out too: the SDK reads options["constructor"] as a credential otherwise.
  const options = new NameScope(["serverURL", "serverIdx", "serverVariables", "retryConfig", "timeoutMs", "httpClient", "debugLogger", "headers", ...Object.getOwnPropertyNames(Object.prototype)]);
  for (const [name, raw] of Object.entries(comps)) {
    const loc: Loc = { file: resolver.root, path: ["components", "securitySchemes", name] };
    const s = resolver.deref<Obj>(raw, loc).value;
    if (!isObj(s)) continue;
    const option = options.claim(camelCase(name) || "auth");
    const description = str(s.description);
    const scheme = String(s.scheme ?? "").toLowerCase();
    if (s.type === "http" && scheme === "bearer") out.push({ name, kind: "bearer", option, description, format: str(s.bearerFormat) });
    else if (s.type === "http" && scheme === "basic") out.push({ name, kind: "basic", option, description });
    else if (s.type === "apiKey") {
      const where = s.in === "query" || s.in === "cookie" ? s.in : "header";
      out.push({ name, kind: "apiKey", option, in: where, param: String(s.name ?? name), description });
    } else if (s.type === "oauth2" && isObj(s.flows) && isObj(s.flows.clientCredentials) && typeof s.flows.clientCredentials.tokenUrl === "string") {
      const flow = s.flows.clientCredentials;
      out.push({ name, kind: "clientCredentials", option, tokenUrl: flow.tokenUrl as string, scopes: isObj(flow.scopes) ? Object.keys(flow.scopes) : [], description });
    } else if (s.type === "oauth2" || s.type === "openIdConnect") {
      // The SDK takes a ready access token; token acquisition flows are not generated (yet).
      out.push({ name, kind: "bearer", option, description });
    } else if (s.type === "mutualTLS") {
      // Client certificates live below HTTP: the SDK cannot send them, the caller's fetch (dispatcher, agent) can.
      warnings.push(
        resolver.diagnostic(
          loc,
          "security scheme mutualTLS is not sent by the SDK",
          "configure the client certificate on the HTTP client (a custom fetch or agent); operations that require only this scheme are sent without credentials",
          { severity: "warning" },
        ),
      );
    } else {
      // Challenge schemes (http negotiate, digest) and unknown types: one scheme the SDK cannot send
      // does not keep the rest of the API from being generated (Apache Airflow's offers Kerberos
      // beside basic and OpenID Connect).
      warnings.push(
        resolver.diagnostic(
          loc,
          `security scheme "${String(s.type)}${scheme ? ` ${scheme}` : ""}" is not supported: the SDK sends no credentials for it`,
          "operations that accept only this scheme are sent without credentials (set the header through the call's headers, or a hook); an http scheme with a static credential can be described as http bearer or apiKey",
          { severity: "warning" },
        ),
      );
    }
  }
  return out;
}
