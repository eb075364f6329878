/**
 * The mock's pages: a paginated operation serves a collection of three pages by the operation's own
 * pagination rules, so that an SDK's page iterator walks them and stops, as against the real API.
 *
 * The collection repeats the example's items (the spec's example page, or one built from the
 * schema). A page holds the `limit` the request asks for, else as many items as the example page.
 *   - offset / limit: items [offset, offset + limit); past the end, an empty page.
 *   - page / limit: page n (the spec's default page is the first, else 1).
 *   - cursor: no cursor is the first page; the response's next cursor (`page-2`, `page-3`) names the
 *     next; the last page has none (or, read from the items, its own, which leads to an empty page).
 *   - url and Link: the next page's URL is this request's with `mock_page=N`; the last has none.
 * A `has_more`-style flag and a page count, where the operation reads them, say the same.
 */
import type { Model, Pagination, PagePath, TypeRef } from "../ir/types.js";

/** Pages in the collection. */
const PAGES = 3;
/** The query parameter the mock's own next-page URLs carry. */
const PAGE_PARAM = "mock_page";

export interface PageRequest {
  url: URL;
  /** The parsed JSON body, when there is one. */
  body: unknown;
}

export interface Page {
  body: unknown;
  headers: Record<string, string>;
}

/**
 * One page of `example` (a response body holding one page's items), for this request. An example
 * page with no items takes `item()` (one built from the item's schema, if it can be found) as its item.
 */
export function pageOf(p: Pagination, example: unknown, req: PageRequest, item: () => unknown): Page {
  // No results path and an array answer: the answer is the page's items (Dub's `nextCursor: $[-1].id`).
  const results = p.results ?? (Array.isArray(example) ? [] : undefined);
  const given = results ? getPath(example, results) : undefined;
  const items = Array.isArray(given) && given.length === 0 ? [item()].filter((x) => x !== undefined) : given;
  if (!Array.isArray(items) || items.length === 0) return { body: example, headers: {} };
  const input = (role: "offset" | "page" | "limit" | "cursor") => {
    const i = p.inputs.find((x) => x.role === role);
    if (!i) return undefined;
    const v = i.in === "param" ? req.url.searchParams.get(i.wire) : isRecord(req.body) ? req.body[i.wire] : undefined;
    return v === null || v === undefined ? i.default : v;
  };
  const size = clamp(Number(input("limit") ?? items.length), 1, 1000);
  const index = pageIndex(p, input, size, req.url);
  const start = index.offset ?? index.page * size;
  const total = PAGES * size;
  // Each item its own copy: a cursor written into one (Stripe's is the last item's id) stays on this page.
  const slice = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, k) => structuredClone(items[(start + k) % items.length]));
  const more = start + size < total;
  const next = index.offset === undefined ? index.page + 1 : undefined;
  let body = setPath(example, results!, slice);
  const headers: Record<string, string> = {};
  // A cursor read from the items (`data[-1].id`) is an item's field: written where there is a next
  // page, left as it is on the last (has_more says it is the last); a cursor of its own is null there.
  const fromItems = p.nextCursor !== undefined && results !== undefined && results.every((k, i) => p.nextCursor![i] === k);
  if (p.nextCursor && (more || !fromItems)) body = setPath(body, p.nextCursor, more && next !== undefined ? cursorValue(getPath(example, p.nextCursor), next) : null);
  if (p.hasMore) body = setPath(body, p.hasMore, more);
  if (p.numPages) body = setPath(body, p.numPages, PAGES);
  if (p.kind === "url" && p.nextUrl) body = setPath(body, p.nextUrl, more ? nextUrl(req.url, index.page + 1) : null);
  if (p.kind === "link" && more) headers.link = `<${nextUrl(req.url, index.page + 1)}>; rel="next"`;
  return { body, headers };
}

/** Which page the request asks for: by offset (items skipped), or by page index from 0. */
function pageIndex(p: Pagination, input: (role: "offset" | "page" | "limit" | "cursor") => unknown, size: number, url: URL): { offset?: number; page: number } {
  if (p.kind === "url" || p.kind === "link") return { page: Math.max(0, Number(url.searchParams.get(PAGE_PARAM) ?? 0) || 0) };
  // A page number wins over an offset where a spec has both: the SDKs move the page number on.
  if (p.inputs.some((i) => i.role === "page")) {
    const first = p.inputs.find((i) => i.role === "page")?.default ?? 1;
    return { page: Math.max(0, (Math.floor(Number(input("page") ?? first)) || first) - first) };
  }
  if (p.inputs.some((i) => i.role === "offset")) {
    const offset = Math.max(0, Math.floor(Number(input("offset") ?? 0)) || 0);
    return { offset, page: Math.floor(offset / size) };
  }
  const cursor = input("cursor");
  const first = cursor === undefined || cursor === null || cursor === "" || cursor === p.inputs.find((i) => i.role === "cursor")?.default;
  const m = /^(?:page-)?(\d+)$/.exec(String(cursor ?? ""));
  // A cursor the mock never handed out (the last page's own item id) is past the end: an empty page.
  return { page: first ? 0 : m ? Math.max(0, Number(m[1]) - 1) : PAGES };
}

/** The cursor naming page index `next` (from 0): a number where the spec's is one, else `page-N`. */
function cursorValue(example: unknown, next: number): string | number {
  return typeof example === "number" ? next + 1 : `page-${next + 1}`;
}

function nextUrl(url: URL, page: number): string {
  const u = new URL(url.href);
  u.searchParams.set(PAGE_PARAM, String(page));
  return u.href;
}

/**
 * The type of what `path` reaches in a value of type `t` (through models, aliases, and the union
 * variant the value's discriminator names, else the first variant that has the path).
 */
export function typeAt(t: TypeRef, path: PagePath, value: unknown, models: Map<string, Model>): TypeRef | undefined {
  if (path.length === 0) return t;
  const [key, ...rest] = path;
  switch (t.kind) {
    case "ref": {
      const m = models.get(t.model);
      if (m?.kind === "alias") return typeAt(m.type, path, value, models);
      const f = m?.kind === "object" ? m.fields.find((x) => x.wireName === key) : undefined;
      return f ? typeAt(f.type, rest, isRecord(value) ? value[String(key)] : undefined, models) : undefined;
    }
    case "union": {
      const d = t.discriminator;
      const tag = d && isRecord(value) ? value[d.property] : undefined;
      const named = d?.mapping.find((x) => x.value === tag);
      for (const v of named ? [{ kind: "ref", model: named.model } as const] : t.variants) {
        const found = typeAt(v, path, value, models);
        if (found) return found;
      }
      return undefined;
    }
    case "array":
      return typeof key === "number" ? typeAt(t.items, rest, Array.isArray(value) ? value[key] : undefined, models) : undefined;
    default:
      return undefined;
  }
}

function getPath(value: unknown, path: PagePath): unknown {
  let v = value;
  for (const key of path) {
    if (Array.isArray(v) && typeof key === "number") v = v[key < 0 ? v.length + key : key];
    else if (isRecord(v) && typeof key === "string") v = v[key];
    else return undefined;
  }
  return v;
}

/** A copy of `value` with `path` set (objects made on the way; an array index that is not there is left alone). */
function setPath(value: unknown, path: PagePath, to: unknown): unknown {
  if (path.length === 0) return to;
  const [key, ...rest] = path;
  if (Array.isArray(value) && typeof key === "number") {
    const i = key < 0 ? value.length + key : key;
    if (i < 0 || i >= value.length) return value;
    return value.map((x, j) => (j === i ? setPath(x, rest, to) : x));
  }
  const base = isRecord(value) ? value : {};
  return { ...base, [String(key)]: setPath(base[String(key)], rest, to) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
}
