/**
 * The HTTP view of each operation, for the docs site's third tab beside the SDKs' snippets: a curl
 * command with the method, the first server's URL, the path and required query parameters filled
 * with the spec's examples, the credentials as placeholders and the example body as JSON. Every
 * value from the spec reaches the command through the shell escapers.
 */
import { Examples, plainValue } from "../ir/examples.js";
import type { Api, Operation, SecurityScheme, Server } from "../ir/types.js";
import { shellQuoted, shellWord } from "../render/escape.js";
import type { CodeSample } from "./code-samples.js";

export function curlSamples(api: Api): CodeSample[] {
  const examples = new Examples(api);
  const server = serverUrl(api.servers[0]);
  const schemes = new Map(api.securitySchemes.map((s) => [s.name, s]));
  return api.operations.map((op) => ({
    operationId: op.specOperationId,
    pointer: op.source,
    lang: "bash",
    label: "curl",
    source: curlCommand(
      op,
      server,
      examples,
      (op.security[0] ?? []).flatMap((n) => schemes.get(n) ?? []),
    ),
  }));
}

function curlCommand(op: Operation, server: string, examples: Examples, security: SecurityScheme[]): string {
  const value = (p: Operation["params"][number]) => plainValue(examples.of(p.type, p.example ?? p.default));
  let path = op.path;
  for (const p of op.params.filter((p) => p.in === "path")) path = path.split(`{${p.wireName}}`).join(encodeURIComponent(String(value(p))));
  const query = new URLSearchParams(op.fixedQuery);
  for (const p of op.params.filter((p) => p.in === "query" && p.required)) query.append(p.wireName, queryValue(value(p)));
  const headers: string[] = [];
  const auth: string[] = [];
  for (const s of security) {
    if (s.kind === "bearer" || s.kind === "clientCredentials") headers.push(`Authorization: Bearer <YOUR_${tokenName(s)}>`);
    else if (s.kind === "basic") auth.push("-u", "'<USERNAME>:<PASSWORD>'");
    else if (s.in === "header") headers.push(`${s.param}: <YOUR_${tokenName(s)}>`);
    else if (s.in === "query") query.append(s.param, `<YOUR_${tokenName(s)}>`);
    else headers.push(`Cookie: ${s.param}=<YOUR_${tokenName(s)}>`);
  }
  for (const p of op.params.filter((p) => p.in === "header" && p.required)) headers.push(`${p.wireName}: ${queryValue(value(p))}`);
  const search = query.toString();
  const lines = [`curl -X ${op.httpMethod.toUpperCase()} ${shellWord(server + path + (search ? `?${search}` : ""))}`];
  if (auth.length) lines.push(`  ${auth.join(" ")}`);
  for (const h of headers) lines.push(`  -H ${shellWord(h)}`);
  if (op.body && /json/i.test(op.body.contentType)) {
    lines.push(`  -H ${shellWord(`Content-Type: ${op.body.contentType}`)}`);
    lines.push(`  -d ${shellQuoted(JSON.stringify(plainValue(examples.of(op.body.type)), null, 2))}`);
  } else if (op.body) lines.push(`  -H ${shellWord(`Content-Type: ${op.body.contentType}`)}`, `  --data-binary @body`);
  return lines.join(" \\\n");
}

function queryValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** A server's URL with its variables' defaults. */
function serverUrl(server: Server | undefined): string {
  if (!server) return "http://localhost";
  let url = server.url;
  for (const v of server.variables) url = url.split(`{${v.name}}`).join(v.default);
  return url.replace(/\/$/, "");
}

/** `<YOUR_BEARER_AUTH>` from the scheme's option name (an identifier). */
function tokenName(s: SecurityScheme): string {
  return s.option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
