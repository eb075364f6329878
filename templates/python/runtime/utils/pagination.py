"""Pages of a paginated operation. A call returns its first page; `next()` requests the one after it
(through the same pipeline: retries, hooks, timeout) and returns None after the last; iterating a page
yields it and every page after it, and `items()` every item. Where the next page is comes from the API
description: an offset or page number that moves on, a cursor or URL the response names, or an RFC 8288
`Link: <...>; rel="next"` header. The next request is the previous one with the pagination inputs
changed, on the wire: the query pair, header or JSON body field of that name."""

import json
import re
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    FrozenSet,
    Generic,
    Iterator,
    List,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

import httpx

from ..models._errors import SDKError

T = TypeVar("T")

# A path into a JSON value: keys and indexes; -1 is the last item.
PagePath = Sequence[Union[str, int]]


class PageInput:
    """A request value that moves from page to page: its role, where it goes, and its default."""

    def __init__(
        self, role: str, location: str, name: str, default: Optional[float] = None
    ):
        self.role = role
        # "query", "header" or "body"; `name` is the wire name.
        self.location = location
        self.name = name
        self.default = default


class PageSpec:
    """How an operation pages (generated from the API description). Paths are into the wire JSON,
    except `items`, which is into the validated result (attribute names)."""

    def __init__(
        self,
        kind: str,
        inputs: Sequence[PageInput] = (),
        results: Optional[PagePath] = None,
        num_pages: Optional[PagePath] = None,
        next_cursor: Optional[PagePath] = None,
        next_url: Optional[PagePath] = None,
        has_more: Optional[PagePath] = None,
        items: Optional[PagePath] = None,
    ):
        self.kind = kind
        self.inputs = list(inputs)
        self.results = results
        self.num_pages = num_pages
        self.next_cursor = next_cursor
        self.next_url = next_url
        self.has_more = has_more
        self.items = items

    def input(self, role: str) -> Optional[PageInput]:
        return next((x for x in self.inputs if x.role == role), None)


class PageAt:
    """Where a page's request goes: the request (with its inputs), or a URL a response named, and the
    cursors and URLs already requested (a server that repeats one is stopped, not followed). `before`:
    where the request moves an offset or page number, the items (JSON) of the page before and how many
    pages in a row had them."""

    def __init__(
        self,
        request: Any,
        url: Optional[str],
        seen: FrozenSet[str],
        before: Optional[Tuple[str, int]] = None,
    ):
        self.request = request
        self.url = url
        self.seen = seen
        self.before = before


class _PageBase(Generic[T]):
    def __init__(self, result: T, response: httpx.Response, spec: PageSpec, at: PageAt):
        self.result = result
        self.raw_response = response
        self._spec = spec
        self._at = at

    def _following(self) -> Optional[PageAt]:
        return following(self._spec, self.raw_response, self._at)

    def _items(self) -> List[Any]:
        spec = self._spec
        if spec.items is not None:
            found = pick(self.result, spec.items, attributes=True)
        elif spec.results is not None:
            found = pick(_wire(self.raw_response), spec.results)
        else:
            found = None
        return list(found) if isinstance(found, list) else []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(result={self.result!r})"


class PageIterator(_PageBase[T]):
    """One page: `result` (the decoded body), `raw_response`, `next()`, iteration over pages, `items()`."""

    def __init__(
        self,
        result: T,
        response: httpx.Response,
        spec: PageSpec,
        at: PageAt,
        fetch: Callable[[PageAt], "PageIterator[T]"],
    ):
        super().__init__(result, response, spec, at)
        self._fetch = fetch

    def next(self) -> Optional["PageIterator[T]"]:
        """The page after this one, or None after the last; raises what the call itself would."""
        at = self._following()
        return None if at is None else self._fetch(at)

    def __iter__(self) -> Iterator["PageIterator[T]"]:
        page: Optional[PageIterator[T]] = self
        while page is not None:
            yield page
            page = page.next()

    def items(self) -> Iterator[Any]:
        """The items of this page and of every page after it."""
        for page in self:
            yield from page._items()


class AsyncPageIterator(_PageBase[T]):
    """A page of an async call: `await page.next()`, `async for page in ...`, `async for item in page.items()`."""

    def __init__(
        self,
        result: T,
        response: httpx.Response,
        spec: PageSpec,
        at: PageAt,
        fetch: Callable[[PageAt], Awaitable["AsyncPageIterator[T]"]],
    ):
        super().__init__(result, response, spec, at)
        self._fetch = fetch

    async def next(self) -> Optional["AsyncPageIterator[T]"]:
        at = self._following()
        return None if at is None else await self._fetch(at)

    async def __aiter__(self) -> AsyncIterator["AsyncPageIterator[T]"]:
        page: Optional[AsyncPageIterator[T]] = self
        while page is not None:
            yield page
            page = await page.next()

    async def items(self) -> AsyncIterator[Any]:
        async for page in self:
            for item in page._items():
                yield item


def following(spec: PageSpec, res: httpx.Response, at: PageAt) -> Optional[PageAt]:
    """Where the page after `res` is, or None when `res` is the last."""
    wire = _wire(res) if spec.kind != "link" or spec.results is not None else None
    count: Optional[int] = None
    if spec.results is not None:
        results = pick(wire, spec.results)
        count = len(results) if isinstance(results, list) else 0
        # An empty page is the last.
        if count == 0:
            return None
    if spec.has_more is not None and pick(wire, spec.has_more) is False:
        return None
    limit = input_value(spec, at.request, "limit")
    if limit is not None and count is not None and count < limit:
        return None
    if spec.kind == "offsetLimit":
        items = pick(wire, spec.results) if spec.results is not None else wire
        before = _unmoved(items, at, res)
        return _next_offset(
            spec, wire, at, count if count is not None else limit, before
        )
    if spec.kind == "cursor":
        cursor_input = spec.input("cursor")
        cursor = pick(wire, spec.next_cursor) if spec.next_cursor is not None else None
        if cursor_input is None or cursor is None or cursor == "":
            return None
        key = "cursor " + json.dumps(cursor, sort_keys=True, default=str)
        return _visit(
            at, key, res, with_input(at.request, cursor_input, cursor), at.url
        )
    if spec.kind == "url":
        url = pick(wire, spec.next_url) if spec.next_url is not None else None
        return _visit_url(at, url, res) if isinstance(url, str) and url else None
    link = next_link(res.headers.get("link"))
    return _visit_url(at, link, res) if link else None


def _next_offset(
    spec: PageSpec,
    wire: Any,
    at: PageAt,
    step: Optional[float],
    before: Tuple[str, int],
) -> Optional[PageAt]:
    page = spec.input("page")
    if page is not None:
        current = input_value(spec, at.request, "page")
        current = 1 if current is None else current
        pages = pick(wire, spec.num_pages) if spec.num_pages is not None else None
        if isinstance(pages, (int, float)) and not isinstance(pages, bool):
            if current >= pages:
                return None
        return PageAt(
            with_input(at.request, page, current + 1), at.url, at.seen, before
        )
    offset = spec.input("offset")
    if offset is None or not step:
        return None
    current = input_value(spec, at.request, "offset") or 0
    return PageAt(
        with_input(at.request, offset, current + step), at.url, at.seen, before
    )


# Full pages in a row with the same items before pagination stops: an offset or page number that the
# server does not read would otherwise bring the same page forever. Not 2: a mock server that repeats
# its example items, or a collection of look-alike items, may send a page's twin.
_SAME_PAGES = 5


def _unmoved(items: Any, at: PageAt, res: httpx.Response) -> Tuple[str, int]:
    """This page's items as JSON, and how many pages in a row had them; raises at _SAME_PAGES."""
    key = json.dumps(items, sort_keys=True, default=str)
    pages = at.before[1] + 1 if at.before is not None and at.before[0] == key else 1
    if pages >= _SAME_PAGES:
        raise SDKError(
            f"Pagination stopped: the server sent the same page {pages} times (it may not read the offset or page parameter)",
            res.status_code,
            res.headers,
            res.text,
            res,
        )
    return key, pages


def _visit(
    at: PageAt, key: str, res: httpx.Response, request: Any, url: Optional[str]
) -> PageAt:
    if key in at.seen:
        raise SDKError(
            f"Pagination stopped: the server named the same next page twice ({key})",
            res.status_code,
            res.headers,
            res.text,
            res,
        )
    return PageAt(request, url, at.seen | {key})


def _visit_url(at: PageAt, url: str, res: httpx.Response) -> PageAt:
    """A next page named by URL: resolved against the response's URL, and only at its origin
    (the request carries credentials)."""
    base = res.request.url if _has_request(res) else httpx.URL(at.url or "")
    try:
        target = base.join(url)
    except (httpx.InvalidURL, ValueError) as e:
        raise SDKError(
            f"Pagination stopped: the next page's URL is not a URL: {url!r}",
            res.status_code,
            res.headers,
            res.text,
            res,
        ) from e
    if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
        raise SDKError(
            f"Pagination stopped: the next page is at another origin ({target.scheme}://{target.host})",
            res.status_code,
            res.headers,
            res.text,
            res,
        )
    return _visit(at, f"URL {target}", res, at.request, str(target))


def _has_request(res: httpx.Response) -> bool:
    try:
        return res.request is not None
    except RuntimeError:  # a response built without a request (a hook's)
        return False


_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_REL = re.compile(r';\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))', re.IGNORECASE)


def next_link(header: Optional[str]) -> Optional[str]:
    """The rel="next" target of an RFC 8288 Link header."""
    for m in _LINK.finditer(header or ""):
        rel = _REL.search(m.group(2) or "")
        rels = ((rel.group(1) or rel.group(2)) if rel else "").lower().split()
        if "next" in rels:
            return m.group(1)
    return None


def input_value(spec: PageSpec, request: Any, role: str) -> Optional[float]:
    """The number an input has in `request` (a `utils.http.Request`), else its default."""
    inp = spec.input(role)
    if inp is None:
        return None
    value = _current(request, inp)
    if isinstance(value, str):
        try:
            value = float(value) if "." in value else int(value)
        except ValueError:
            value = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return inp.default


def _current(request: Any, inp: PageInput) -> Any:
    if inp.location == "query":
        found = [v for k, v in request.query if k == inp.name]
        return found[-1] if found else None
    if inp.location == "header":
        return request.headers.get(inp.name)
    body = request.body[1] if request.body is not None else None
    return body.get(inp.name) if isinstance(body, dict) else None


def with_input(request: Any, inp: PageInput, value: Any) -> Any:
    """A copy of `request` (a `utils.http.Request`) with the input set to `value`."""
    copy = request.copy()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if inp.location == "query":
        copy.query = [(k, v) for k, v in request.query if k != inp.name]
        copy.query.append((inp.name, _text(value)))
    elif inp.location == "header":
        copy.headers = {**request.headers, inp.name: _text(value)}
    else:
        encoding, body = request.body if request.body is not None else ("json", {})
        copy.body = (
            encoding,
            {**(body if isinstance(body, dict) else {}), inp.name: value},
        )
    return copy


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def pick(value: Any, path: PagePath, attributes: bool = False) -> Any:
    """The value at `path`, or None; with `attributes`, keys are attribute names of models."""
    cur = value
    for seg in path:
        if isinstance(seg, int):
            if not isinstance(cur, list) or not -len(cur) <= seg < len(cur):
                return None
            cur = cur[seg]
        elif isinstance(cur, dict):
            cur = cur.get(seg)
        elif attributes and cur is not None:
            cur = getattr(cur, seg, None)
        else:
            return None
    return cur


def _wire(res: httpx.Response) -> Any:
    if "specsmith_json" in res.extensions:
        return res.extensions["specsmith_json"]
    try:
        return json.loads(res.text)
    except (ValueError, RecursionError):
        return None


__all__ = [
    "AsyncPageIterator",
    "PageIterator",
    "PageAt",
    "PageInput",
    "PageSpec",
]
