/**
 * Pages of a paginated operation. A call returns its first page; `next()` requests the one after it
 * (through the same pipeline: retries, hooks, timeout), and the page is an async iterable of itself
 * and the pages after it. Where the next page is, and whether there is one, comes from the API
 * description's pagination: an offset or page number that moves on, a cursor or URL the response
 * names, or an RFC 8288 `Link: <…>; rel="next"` header.
 */
import { SDKError } from "../models/errors/sdkerror.js";
import { OK, type Result } from "../types/result.js";
import { parseJSON } from "./decode.js";
import type { HTTPRequest, HTTPResponse } from "./sdks.js";
import { validated, type Check } from "./validate.js";

/** A path into a JSON value: keys and indexes; -1 is the last item. */
export type PagePath = readonly (string | number)[];

/** How an operation pages: generated from the API description. */
export type PageSpec = {
  kind: "offsetLimit" | "cursor" | "url" | "link";
  /** Request values that move from page to page; `path` is where they sit in the request argument. */
  inputs: readonly {
    role: "offset" | "page" | "limit" | "cursor";
    path: readonly string[];
    default?: number;
  }[];
  /** Paths into the wire JSON. */
  results?: PagePath;
  numPages?: PagePath;
  nextCursor?: PagePath;
  nextUrl?: PagePath;
  hasMore?: PagePath;
  /** Where the items are in the decoded result (for `items()`). */
  items?: PagePath;
};

/** One page: its decoded result, its response, the way to the next page, and iteration. */
export type PageIterator<T, I = unknown> = {
  /** The page's decoded response body. */
  readonly result: T;
  /** The HTTP response the page came in (status, headers). */
  readonly response: Response;
  /** The page after this one, or null after the last; throws what the call itself would return. */
  next(): Promise<PageIterator<T, I> | null>;
  /** This page and every page after it, one at a time. */
  [Symbol.asyncIterator](): AsyncIterableIterator<PageIterator<T, I>>;
  /** The items of this page and of every page after it. */
  items(): AsyncIterableIterator<I>;
};

/** Where a page's request goes: its argument, or the URL a response named, and what came before. */
export type PageAt<R> = {
  request: R;
  url?: string;
  /** Cursors and URLs already requested: a server that repeats one is stopped, not followed. */
  seen: ReadonlySet<string>;
  /** Where the request moves an offset or page number: the items (JSON) of the page before, and how many pages in a row had them. */
  before?: { items: string; pages: number };
};

/** Requests the page at `at` (the operation's own function). */
export type PageFetch<R, T, I> = (
  at: PageAt<R>,
) => Promise<Result<PageIterator<T, I>, unknown>>;

/** Where the first page of a call is: the call's own argument. */
export function firstPage<R>(request: R): PageAt<R> {
  return { request, seen: new Set() };
}

/** The request of a page that a response named by URL: that URL, with nothing else in the query. */
export function atPageURL(
  req: HTTPRequest,
  url: string | undefined,
): HTTPRequest {
  return url === undefined ? req : { ...req, url, query: undefined };
}

/** The page a response is: its body parsed and mapped, and how to reach the next one. */
export function decodePage<T, I, R>(
  res: HTTPResponse,
  fromWire: Check<T>,
  spec: PageSpec,
  at: PageAt<R>,
  fetchPage: PageFetch<R, T, I>,
): Result<PageIterator<T, I>, SDKError> {
  const wire = parseJSON(res);
  if (!wire.ok) return wire;
  const value = validated(wire.value, fromWire, res.response, res.body);
  if (!value.ok) return value;
  return OK(new PageOf(value.value, wire.value, res, spec, at, fetchPage));
}

class PageOf<T, I, R> implements PageIterator<T, I> {
  readonly response: Response;

  constructor(
    readonly result: T,
    private readonly wire: unknown,
    private readonly res: HTTPResponse,
    private readonly spec: PageSpec,
    private readonly at: PageAt<R>,
    private readonly fetchPage: PageFetch<R, T, I>,
  ) {
    this.response = res.response;
  }

  async next(): Promise<PageIterator<T, I> | null> {
    const at = following(this.spec, this.wire, this.res, this.at);
    if (!at) return null;
    const r = await this.fetchPage(at);
    if (!r.ok) throw r.error;
    return r.value;
  }

  async *[Symbol.asyncIterator](): AsyncIterableIterator<PageIterator<T, I>> {
    for (let p: PageIterator<T, I> | null = this; p; p = await p.next())
      yield p;
  }

  async *items(): AsyncIterableIterator<I> {
    for await (const page of this) {
      const list = pick((page as PageOf<T, I, R>).itemSource(), []);
      if (Array.isArray(list)) yield* list as I[];
    }
  }

  private itemSource(): unknown {
    const { items, results } = this.spec;
    if (items) return pick(this.result, items);
    return results ? pick(this.wire, results) : undefined;
  }
}

/** Where the page after this one is, or null when this is the last. */
function following<R>(
  spec: PageSpec,
  wire: unknown,
  res: HTTPResponse,
  at: PageAt<R>,
): PageAt<R> | null {
  const results = spec.results ? pick(wire, spec.results) : undefined;
  const count = Array.isArray(results) ? results.length : undefined;
  // An empty page, or one with fewer items than asked for, is the last.
  if (spec.results && !count) return null;
  if (spec.hasMore && pick(wire, spec.hasMore) === false) return null;
  const limit = inputValue(spec, at.request, "limit");
  if (limit !== undefined && count !== undefined && count < limit) return null;
  switch (spec.kind) {
    case "offsetLimit":
      return nextOffset(
        spec,
        wire,
        at,
        count ?? limit,
        unmoved(results ?? wire, at, res),
      );
    case "cursor": {
      const input = spec.inputs.find((x) => x.role === "cursor");
      const cursor = spec.nextCursor ? pick(wire, spec.nextCursor) : undefined;
      if (!input || cursor === undefined || cursor === null || cursor === "")
        return null;
      return visit(at, `cursor ${JSON.stringify(cursor)}`, res, {
        request: withValue(at.request, input.path, cursor),
      });
    }
    case "url": {
      const url = spec.nextUrl ? pick(wire, spec.nextUrl) : undefined;
      return typeof url === "string" && url !== ""
        ? visitURL(at, url, res)
        : null;
    }
    case "link": {
      const url = nextLink(res.response.headers.get("link"));
      return url ? visitURL(at, url, res) : null;
    }
  }
}

function nextOffset<R>(
  spec: PageSpec,
  wire: unknown,
  at: PageAt<R>,
  step: number | undefined,
  before: PageAt<R>["before"],
): PageAt<R> | null {
  const page = spec.inputs.find((x) => x.role === "page");
  if (page) {
    const current = inputValue(spec, at.request, "page") ?? 1;
    const pages = spec.numPages ? pick(wire, spec.numPages) : undefined;
    if (typeof pages === "number" && current >= pages) return null;
    return {
      ...at,
      before,
      request: withValue(at.request, page.path, current + 1),
    };
  }
  const offset = spec.inputs.find((x) => x.role === "offset");
  if (!offset || !step) return null;
  const current = inputValue(spec, at.request, "offset") ?? 0;
  return {
    ...at,
    before,
    request: withValue(at.request, offset.path, current + step),
  };
}

/**
 * Full pages in a row with the same items before pagination stops: an offset or page number that the
 * server does not read would otherwise bring the same page forever. Not 2: a mock server that repeats
 * its example items, or a collection of look-alike items, may send a page's twin.
 */
const SAME_PAGES = 5;

/** This page's items as JSON, and how many pages in a row had them; throws at SAME_PAGES. */
function unmoved<R>(
  items: unknown,
  at: PageAt<R>,
  res: HTTPResponse,
): { items: string; pages: number } {
  const key = JSON.stringify(items) ?? "";
  const pages = key === at.before?.items ? at.before.pages + 1 : 1;
  if (pages >= SAME_PAGES) {
    throw new SDKError(
      `Pagination stopped: the server sent the same page ${pages} times (it may not read the offset or page parameter)`,
      res.response,
      res.body,
    );
  }
  return { items: key, pages };
}

/** The page at `next`, unless a page with that key was requested before in this chain. */
function visit<R>(
  at: PageAt<R>,
  key: string,
  res: HTTPResponse,
  next: Omit<PageAt<R>, "seen">,
): PageAt<R> {
  if (at.seen.has(key)) {
    throw new SDKError(
      `Pagination stopped: the server named the same next page twice (${key})`,
      res.response,
      res.body,
    );
  }
  return { ...next, seen: new Set([...at.seen, key]) };
}

/** A next page named by URL: resolved against the response's, and only at the same origin. */
function visitURL<R>(at: PageAt<R>, url: string, res: HTTPResponse): PageAt<R> {
  const base = res.response.url || at.url;
  let target: URL;
  try {
    target = base ? new URL(url, base) : new URL(url);
  } catch {
    throw new SDKError(
      `Pagination stopped: the next page's URL is not a URL: ${JSON.stringify(url)}`,
      res.response,
      res.body,
    );
  }
  // Credentials go with the request: a next page elsewhere is refused, not followed.
  if (base && new URL(base).origin !== target.origin) {
    throw new SDKError(
      `Pagination stopped: the next page is at another origin (${target.origin})`,
      res.response,
      res.body,
    );
  }
  const href = target.toString();
  return visit(at, `URL ${href}`, res, { request: at.request, url: href });
}

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const params = m[2] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rels.includes("next")) return m[1];
  }
  return undefined;
}

function inputValue(
  spec: PageSpec,
  request: unknown,
  role: "offset" | "page" | "limit",
): number | undefined {
  const input = spec.inputs.find((x) => x.role === role);
  if (!input) return undefined;
  const v = pick(request, input.path);
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : input.default;
}

/** The value at `path`, or undefined. */
export function pick(value: unknown, path: PagePath): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg < 0 ? cur.length + seg : seg];
    } else {
      if (!Object.hasOwn(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}

/** A copy of `value` with `path` set; the objects on the way are copied, never changed. */
function withValue<R>(value: R, path: readonly string[], v: unknown): R {
  if (path.length === 0) return v as R;
  const [head, ...rest] = path as [string, ...string[]];
  const obj =
    value !== null && typeof value === "object"
      ? (value as Record<string, unknown>)
      : {};
  const copy: Record<string, unknown> = { ...obj };
  Object.defineProperty(copy, head, {
    value: withValue(obj[head], rest, v),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy as R;
}
