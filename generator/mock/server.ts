/**
 * `specsmith mock`: an HTTP server made from the spec's IR, for an SDK's tests and examples to call
 * without the real API. Each request goes through named steps:
 *   route (method and path template) → credentials (one of the operation's security alternatives)
 *   → parameters (required path, query, header, cookie) → body (presence, content type, JSON, schema)
 *   → answer (the first success response, its value built from the spec's examples: the same values
 *   the docs' usage examples use, deterministic per operation; a paginated operation serves three
 *   pages by its own rules (pages.ts); an event stream sends the example event twice, then the
 *   sentinel).
 * What does not match is answered with a problem document (RFC 9457): 404/405 for no such
 * operation, 401 without credentials, 400 for a missing parameter, a wrong content type or bad JSON,
 * 422 where the body does not fit its schema (each problem with its JSON pointer). A request with
 * `Prefer: code=N` (Prism's convention) gets the operation's declared N answer; a POST to an OAuth2
 * client-credentials token URL gets a token. Every request is
 * logged on one line. Nothing a client sends can make it throw: a failure of its own is a 500 problem.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Examples, plainValue } from "../ir/examples.js";
import type { Api, EventStreamSpec, Model, Operation, Pagination, Response, SecurityScheme, TypeRef } from "../ir/types.js";
import { streamsOnly } from "../ir/responses.js";
import { encodingOf } from "../ir/content.js";
import { pageOf, typeAt, type PageRequest } from "./pages.js";
import { validateValue, type Problem } from "./validate.js";

/** What the token endpoint answers (RFC 6749 §5.1): a bearer token for an hour. */
const MOCK_TOKEN = { access_token: "mock-access-token", token_type: "Bearer", expires_in: 3600 };

/** A larger body is refused (413) before it is read whole. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface MockOptions {
  /** One line per request (default: nothing). */
  log?: (line: string) => void;
}

interface Route {
  op: Operation;
  pattern: RegExp;
  params: string[];
}

/** What a step answers when the request does not match: the status and the problem document. */
class Mismatch {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Problem[],
  ) {}
}

export function createMockServer(api: Api, opts: MockOptions = {}): Server {
  const mock = new Mock(api);
  return createServer((req, res) => {
    const started = performance.now();
    mock.handle(req, res).then(
      (label) => opts.log?.(`${req.method} ${req.url} → ${res.statusCode}${label ? ` ${label}` : ""} (${Math.round(performance.now() - started)} ms)`),
      () => opts.log?.(`${req.method} ${req.url} → ${res.statusCode}`),
    );
  });
}

class Mock {
  private readonly routes: Route[];
  private readonly models: Map<string, Model>;
  private readonly schemes: Map<string, SecurityScheme>;
  private readonly examples: Examples;
  /** Path prefixes of the spec's servers (`/v1`): a client whose server URL keeps them is served too. */
  private readonly prefixes: string[];

  constructor(api: Api) {
    // A concrete path wins over a template that also matches it (`/links/bulk` before `/links/{id}`), as OpenAPI says.
    this.routes = api.operations.map(routeOf).sort((a, b) => bySpecificity(a.op.path, b.op.path));
    this.models = new Map(api.models.map((m) => [m.name, m]));
    this.schemes = new Map(api.securitySchemes.map((s) => [s.name, s]));
    // Answers show optional fields too (and an item in each array), as a real server would fill them.
    // A server's answer is whole: deeper and larger than a docs example (GitHub's pull request nests 12 levels).
    this.examples = new Examples(api, { optional: true, limits: { depth: 32, values: 20_000 } });
    this.prefixes = [...new Set(api.servers.map((s) => pathOf(s.url)).filter((p) => p !== ""))];
  }

  /** Answers one request; resolves to the operation it matched (for the log line). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
    let op: Operation | undefined;
    try {
      const url = requestUrl(req.url, req.headers.host);
      if (this.isTokenRequest(req.method ?? "GET", url.pathname)) {
        await readBody(req);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(MOCK_TOKEN));
        return "token";
      }
      const route = this.route(req.method ?? "GET", url.pathname);
      op = route.op;
      this.credentials(op, req, url);
      this.parameters(op, req, url, route);
      const bytes = await readBody(req);
      // Speakeasy's streaming twins share a method and path: `stream: true` is the streaming one's,
      // and the body is checked against the twin it asks for.
      op = this.twinFor(route, asksToStream(bytes, req.headers["content-type"] ?? ""), req.headers["content-type"] ?? "") ?? op;
      const body = this.body(op, req, bytes);
      const code = preferredStatus(req);
      if (code === undefined) this.answer(op, res, { url, body });
      else this.answerWith(op, res, code, { url, body });
    } catch (e) {
      const m = e instanceof Mismatch ? e : new Mismatch(500, "Mock server error", e instanceof Error ? e.message : String(e));
      problem(res, m);
      req.resume();
    }
    return op?.specOperationId;
  }

  /**
   * A POST to an OAuth2 client-credentials scheme's token URL (its path, with or without the
   * servers' prefix): the SDKs fetch their token here before calling an operation that needs it.
   */
  private isTokenRequest(method: string, pathname: string): boolean {
    if (method.toUpperCase() !== "POST") return false;
    const paths = [pathname, ...this.prefixes.filter((p) => pathname.startsWith(p + "/")).map((p) => pathname.slice(p.length))];
    return [...this.schemes.values()].some((s) => s.kind === "clientCredentials" && paths.includes(pathOf(new URL(s.tokenUrl, "http://mock/").href) || "/"));
  }

  /**
   * Of operations with the same method and path (Speakeasy's `chat` and `stream_chat`), the one this
   * body asks for: with `stream: true`, one that answers an event stream; else one that answers JSON.
   */
  private twinFor(route: Route, streams: boolean, contentType: string): Operation | undefined {
    const twins = this.routes.filter((r) => r !== route && r.pattern.source === route.pattern.source && r.op.httpMethod === route.op.httpMethod).map((r) => r.op);
    if (twins.length === 0) return undefined;
    // A body of several encodings is a method each (`createTranscriptionMultipart`): the one sent.
    const encoding = contentType ? encodingOf(contentType) : undefined;
    const sent = (o: Operation) => !o.body || !encoding || encodingOf(o.body.contentType) === encoding;
    const fits = (o: Operation) => sent(o) && (streams ? o.success.some((r) => r.events) : !streamsOnly(o.success));
    return fits(route.op) ? undefined : twins.find(fits);
  }

  /** The operation for this method and path (with or without the servers' path prefix). */
  private route(method: string, pathname: string): Route & { values: string[] } {
    const paths = [pathname, ...this.prefixes.filter((p) => pathname.startsWith(p + "/")).map((p) => pathname.slice(p.length))];
    let allowed: string[] = [];
    for (const path of paths) {
      for (const r of this.routes) {
        const m = r.pattern.exec(path);
        if (!m) continue;
        if (r.op.httpMethod.toUpperCase() === method.toUpperCase()) return { ...r, values: m.slice(1) };
        allowed = [...allowed, r.op.httpMethod.toUpperCase()];
      }
    }
    if (allowed.length > 0) throw new Mismatch(405, "Method not allowed", `${method} is not an operation of ${pathname}; it takes ${allowed.join(", ")}`);
    throw new Mismatch(404, "No such operation", `the spec has no operation at ${pathname}`);
  }

  /** One of the operation's security alternatives is present (a value of any kind: this is a mock). */
  private credentials(op: Operation, req: IncomingMessage, url: URL): void {
    if (op.security.length === 0 || op.security.some((alt) => alt.length === 0)) return;
    const has = (s: SecurityScheme): boolean => {
      const auth = req.headers.authorization ?? "";
      switch (s.kind) {
        case "bearer":
        case "clientCredentials":
          return /^Bearer\s+\S/i.test(auth);
        case "basic":
          return /^Basic\s+\S/i.test(auth);
        case "apiKey":
          if (s.in === "header") return typeof req.headers[s.param.toLowerCase()] === "string";
          if (s.in === "query") return url.searchParams.has(s.param);
          return cookies(req).has(s.param);
      }
    };
    if (
      op.security.some((alt) =>
        alt.every((name) => {
          const s = this.schemes.get(name);
          return s !== undefined && has(s);
        }),
      )
    )
      return;
    const wanted = op.security.map((alt) => alt.map((n) => describeScheme(this.schemes.get(n))).join(" and ")).join("; or ");
    throw new Mismatch(401, "Unauthorized", `${op.specOperationId} needs credentials: ${wanted}`);
  }

  /** Every required parameter is there. */
  private parameters(op: Operation, req: IncomingMessage, url: URL, route: Route & { values: string[] }): void {
    const missing: Problem[] = [];
    for (const p of op.params) {
      if (!p.required || p.global) continue;
      const present =
        p.in === "path"
          ? route.values[route.params.indexOf(p.wireName)] !== undefined
          : p.in === "query"
            ? url.searchParams.has(p.wireName) || [...url.searchParams.keys()].some((k) => k.startsWith(`${p.wireName}[`))
            : p.in === "header"
              ? req.headers[p.wireName.toLowerCase()] !== undefined
              : cookies(req).has(p.wireName);
      if (!present) missing.push({ pointer: `${p.in}/${p.wireName}`, message: `the required ${p.in} parameter ${p.wireName} is missing` });
    }
    for (const [i, value] of route.values.entries()) {
      try {
        decodeURIComponent(value);
      } catch {
        missing.push({ pointer: `path/${route.params[i]}`, message: "is not valid percent-encoding" });
      }
    }
    if (missing.length > 0) throw new Mismatch(400, "Bad request", missing.map((m) => m.message).join("; "), missing);
  }

  /** The body: there when required, of the operation's content type, and (JSON) fitting its schema; its value when JSON. */
  private body(op: Operation, req: IncomingMessage, bytes: Buffer): unknown {
    if (!op.body) return undefined;
    if (bytes.length === 0) {
      // An empty form is a form with no fields (a call that sets none of its optional fields sends one).
      if (op.body.required && !/^application\/x-www-form-urlencoded\b/i.test(op.body.contentType))
        throw new Mismatch(400, "Bad request", `${op.specOperationId} takes a ${op.body.contentType} body, and the request has none`);
      return undefined;
    }
    const sent = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (!sameMediaType(sent, op.body.contentType)) {
      throw new Mismatch(400, "Bad request", `the body is ${sent ? `"${sent}"` : "of no content type"}; ${op.specOperationId} takes ${op.body.contentType}`);
    }
    if (!isJson(op.body.contentType)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new Mismatch(400, "Bad request", "the body is not valid JSON");
    }
    const problems = validateValue(value, op.body.type, this.models);
    if (problems.length > 0) throw new Mismatch(422, "Unprocessable content", `the body does not fit ${op.specOperationId}'s schema`, problems);
    return value;
  }

  /**
   * The answer a `Prefer: code=N` asks for: the success response of that status, else the error
   * model declared for it (an example of it); a status the operation does not declare gets a
   * problem document (what an SDK sees from an error it has no model for).
   */
  private answerWith(op: Operation, res: ServerResponse, code: number, req: PageRequest): void {
    const success = op.success.find((r) => covers(r.status, code) && r.status !== "default");
    if (success) return this.answer({ ...op, success: [success] }, res, req);
    const exact = op.errors.find((e) => e.statuses.includes(String(code)));
    const error = exact ?? op.errors.find((e) => e.statuses.some((s) => covers(s, code)));
    if (!error) throw new Mismatch(code, "Mock error", `${op.specOperationId} declares no ${code} response: this is what a client gets for one`);
    const value = plainValue(this.examples.of({ kind: "ref", model: error.model }));
    const type = error.contentType || "application/json";
    res.writeHead(code, { "content-type": type }).end(isJson(type) ? JSON.stringify(value) : typeof value === "string" ? value : "mock error\n");
  }

  /** One item of a page whose example holds none, built from the item's schema. */
  private itemOf(p: Pagination, type: TypeRef, value: unknown): unknown {
    const list = p.itemType ? { kind: "array" as const, items: p.itemType } : p.results ? typeAt(type, p.results, value, this.models) : undefined;
    return list?.kind === "array" ? plainValue(this.examples.of(list.items)) : undefined;
  }

  /**
   * The first success response (the event stream when the request asks for one: `stream: true`),
   * with a value built from the spec's examples; a paginated operation's page by its rules.
   */
  private answer(op: Operation, res: ServerResponse, req: PageRequest): void {
    const r = chosenSuccess(op.success, req.body);
    const status = r ? statusOf(r.status) : 204;
    if (!r?.type || status === 204 || status === 205) {
      res.writeHead(status).end();
      return;
    }
    const value = plainValue(this.examples.of(r.type));
    if (r.events) {
      res.writeHead(status, { "content-type": "text/event-stream" }).end(eventStream(value, r.events));
      return;
    }
    const type = r.contentType ?? "application/json";
    if (isJson(type)) {
      const page = op.pagination ? pageOf(op.pagination, value, req, () => this.itemOf(op.pagination!, r.type!, value)) : { body: value, headers: {} };
      res.writeHead(status, { "content-type": type, ...page.headers }).end(JSON.stringify(page.body));
    } else res.writeHead(status, { "content-type": type }).end(typeof value === "string" ? value : "mock body\n");
  }
}

/**
 * Prism's convention for tests of error handling: `Prefer: code=404` asks for the operation's
 * declared 404 answer (after the request passed every check).
 */
function preferredStatus(req: IncomingMessage): number | undefined {
  const m = /(?:^|[,;\s])code=([1-5]\d\d)(?![\d])/.exec(String(req.headers.prefer ?? ""));
  return m ? Number(m[1]) : undefined;
}

/** Whether a declared status (`404`, `4XX`, `default`) covers `code`. */
function covers(declared: string, code: number): boolean {
  if (declared === "default") return code >= 400;
  return /^\dXX$/i.test(declared) ? Number(declared[0]) === Math.floor(code / 100) : Number(declared) === code;
}

/** The request target as a URL on the host it was sent to (a target of `//x` is a path here, not a host). */
function requestUrl(target: string | undefined, host: string | undefined): URL {
  const origin = host && /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i.test(host) ? host : "mock";
  try {
    return new URL(`http://${origin}${target?.startsWith("/") ? target : `/${target ?? ""}`}`);
  } catch {
    throw new Mismatch(400, "Bad request", "the request target is not a valid path");
  }
}

function routeOf(op: Operation): Route {
  const params: string[] = [];
  const source = op.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      params.push(m[1]);
      return "([^/]+)";
    })
    .join("");
  return { op, pattern: new RegExp(`^${source}/?$`), params };
}

function pathOf(serverUrl: string): string {
  try {
    return new URL(serverUrl.replace(/\{[^}]*\}/g, "x")).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Mismatch(413, "Content too large", `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB`));
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function cookies(req: IncomingMessage): Set<string> {
  return new Set(
    (req.headers.cookie ?? "")
      .split(";")
      .map((c) => c.split("=")[0].trim())
      .filter(Boolean),
  );
}

function sameMediaType(sent: string, declared: string): boolean {
  const want = declared.split(";")[0].trim().toLowerCase();
  if (sent === want) return true;
  // A range (`*/*`, `image/*`) takes any type it covers.
  const [type, sub] = want.split("/");
  return sub === "*" && (type === "*" || sent.startsWith(`${type}/`));
}

function isJson(contentType: string): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
}

function firstSuccess(responses: Response[]): Response | undefined {
  return [...responses].sort((a, b) => statusOf(a.status) - statusOf(b.status))[0];
}

/** Of an operation that answers JSON or an event stream, the stream when the body says `stream: true`. */
function chosenSuccess(responses: Response[], body: unknown): Response | undefined {
  const streams = typeof body === "object" && body !== null && (body as Record<string, unknown>).stream === true;
  return (streams ? responses.find((r) => r.events) : responses.find((r) => !r.events)) ?? firstSuccess(responses);
}

/**
 * Two events of the example (an envelope's `event`, `id` and `data` on their own lines; data as
 * JSON unless it is text), then the sentinel when the spec names one.
 */
function eventStream(value: unknown, spec: EventStreamSpec): string {
  const fields = spec.envelope && typeof value === "object" && value !== null ? (value as Record<string, unknown>) : { data: value };
  const line = (name: string, v: unknown) => {
    if (v === undefined || v === null) return "";
    const text = typeof v === "string" && (name !== "data" || spec.data !== "json") ? v : JSON.stringify(v);
    // A line break in text data continues it on another data line, as the SSE format has it.
    return text
      .split(/\r\n|\r|\n/)
      .map((l) => `${name}: ${l}\n`)
      .join("");
  };
  const event = line("event", fields.event) + line("id", fields.id) + line("data", fields.data) + "\n";
  return event + event + (spec.sentinel === undefined ? "" : `data: ${spec.sentinel}\n\n`);
}

function statusOf(status: string): number {
  const n = Number(status.replace(/XX$/i, "00"));
  return Number.isInteger(n) && n >= 200 && n < 600 ? n : 200;
}

function describeScheme(s: SecurityScheme | undefined): string {
  if (!s) return "credentials";
  switch (s.kind) {
    case "bearer":
    case "clientCredentials":
      return "an Authorization: Bearer header";
    case "basic":
      return "an Authorization: Basic header";
    case "apiKey":
      return s.in === "header" ? `a ${s.param} header` : s.in === "query" ? `a ${s.param} query parameter` : `a ${s.param} cookie`;
  }
}

/** An RFC 9457 problem document. */
function problem(res: ServerResponse, m: Mismatch): void {
  if (res.headersSent) return void res.end();
  const body = { type: "about:blank", title: m.title, status: m.status, detail: m.detail, ...(m.errors ? { errors: m.errors } : {}) };
  res.writeHead(m.status, { "content-type": "application/problem+json", connection: "close" }).end(JSON.stringify(body));
}

/**
 * Orders path templates so that, segment by segment, a literal comes before a template parameter
 * (`/links/bulk` before `/links/{linkId}`); otherwise they keep the spec's order.
 */
export function bySpecificity(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const at = as[i].includes("{");
    const bt = bs[i].includes("{");
    if (at !== bt) return at ? 1 : -1;
  }
  return 0;
}

/** Whether a body sets its `stream` field to true: in JSON, a form, or a multipart form (Mistral's streamed transcription). */
function asksToStream(bytes: Buffer, contentType: string): boolean {
  const text = bytes.toString("utf8");
  if (/^multipart\/form-data\b/i.test(contentType)) return /\bname="stream"\r\n(?:[^\r\n]+\r\n)*\r\ntrue\r\n/.test(text);
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return new URLSearchParams(text).get("stream") === "true";
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && (value as Record<string, unknown>).stream === true;
  } catch {
    return false;
  }
}
