"""The request pipeline shared by every operation, on httpx: URL, headers, auth, body, a deadline for
each attempt as a whole, retries, redirects that keep credentials at their origin, and typed results."""

import asyncio
import json
import logging
import threading
import uuid
import weakref
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import httpx
import pydantic

from .._hooks import (
    AfterErrorContext,
    AfterSuccessContext,
    BeforeRequestContext,
    HookContext,
    SDKHooks,
)
from ..models._base import UNSET, validate, validate_json
from ..models._errors import (
    ConnectionError,
    HTTPClientError,
    RequestTimeoutError,
    ResponseValidationError,
    SDKError,
)
from .deadline import Deadline, deadline_transport
from .encoding import body_content, check_headers, latin1_headers
from .retries import (
    RetryConfig,
    Retryable,
    match_status_code,
    parse_retry_after,
    retry,
    retry_async,
)
from .event_streams import EventStream, EventStreamAsync
from .pagination import AsyncPageIterator, PageIterator, PageAt, PageSpec
from .security import SecurityScheme, apply_security, usable_requirement

# Methods that may be repeated without a second effect (RFC 9110 section 9.2.2).
_IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"}
_MAX_REDIRECTS = 20


class Request:
    """One HTTP call as an operation describes it, and what its responses become.

    `body` is (encoding, value) with encoding json, form, multipart, text or bytes. `results` lists
    (kind, statuses, type) with kind json, events (type: an EventShape), text, binary or empty;
    `errors` lists (statuses, exception class, payload type) for the declared JSON error responses."""

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        accept: str,
        security: Sequence[Sequence[SecurityScheme]] = (),
        query: Optional[List[Tuple[str, str]]] = None,
        headers: Optional[Dict[str, str]] = None,
        body: Optional[Tuple[str, Any]] = None,
        content_type: Optional[str] = None,
        idempotency_header: Optional[str] = None,
        results: Sequence[Tuple[str, Sequence[str], Any]] = (),
        errors: Sequence[Tuple[Sequence[str], Any, Any]] = (),
        stream: bool = False,
    ):
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.accept = accept
        self.security = security
        self.query = query or []
        self.headers = headers or {}
        self.body = body
        self.content_type = content_type
        self.idempotency_header = idempotency_header
        self.results = results
        self.errors = errors
        # The success body may be streamed (events): such an answer is handed over unread, and the
        # timeout then bounds each wait for the next chunk.
        self.stream = stream
        # An absolute URL to request instead of the server URL, path and query (a next page a
        # response named).
        self.url: Optional[str] = None

    def copy(self) -> "Request":
        """A shallow copy (for the next page's request)."""
        other = Request.__new__(Request)
        other.__dict__.update(self.__dict__)
        return other


class _Prepared:
    """A request made concrete for one call: what every attempt sends, and the call's policy."""

    def __init__(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        content: Dict[str, Any],
        credentials: List[str],
        policy: Optional[RetryConfig],
        timeout_ms: Optional[float],
        repeatable: bool,
        where: str,
        hook_ctx: Callable[[], HookContext],
        stream: bool = False,
        ascii_headers: bool = True,
    ):
        self.stream = stream
        # Every header value is ASCII: httpx can encode them (redirects only drop headers).
        self.ascii_headers = ascii_headers
        self._hook_ctx = hook_ctx
        self._made: Optional[HookContext] = None
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content
        self.credentials = credentials
        self.policy = policy
        self.timeout_ms = timeout_ms
        self.repeatable = repeatable
        self.where = where

    @property
    def hook_ctx(self) -> HookContext:
        """What hooks are told of the call: made when the first hook runs (most calls have none)."""
        if self._made is None:
            self._made = self._hook_ctx()
        return self._made


class _Pool:
    """The httpx clients: created on first use and reused (one connection pool each). Clients the user
    passed in stay theirs: closing the SDK leaves them open."""

    def __init__(
        self, client: Optional[httpx.Client], async_client: Optional[httpx.AsyncClient]
    ):
        self.client = client
        self.async_client = async_client
        self.owns_client = client is None
        self.owns_async_client = async_client is None
        # Threads sharing one SDK object share one pool: the first call creates it, once.
        self.lock = threading.Lock()

    def sync(self) -> httpx.Client:
        client = self.client
        if client is not None:
            return client
        with self.lock:
            if self.client is None:
                self.client = httpx.Client(
                    transport=deadline_transport(), follow_redirects=False, timeout=None
                )
            return self.client

    def async_(self) -> httpx.AsyncClient:
        if self.async_client is None:
            self.async_client = httpx.AsyncClient(follow_redirects=False, timeout=None)
        return self.async_client

    def close(self) -> None:
        with self.lock:
            client, self.client = (
                (self.client, None) if self.owns_client else (None, self.client)
            )
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        if self.owns_async_client and self.async_client is not None:
            await self.async_client.aclose()
            self.async_client = None


class Client:
    """What every operation needs from the SDK object: options, the API's defaults, and the httpx
    clients (created on first use and reused: one connection pool per client)."""

    def __init__(
        self,
        options: Dict[str, Any],
        server_url: str,
        retry_config: Optional[RetryConfig],
        retry_codes: List[str],
        user_agent: str,
        idempotency_header: Optional[str] = None,
        client: Optional[httpx.Client] = None,
        async_client: Optional[httpx.AsyncClient] = None,
        debug_logger: Optional[logging.Logger] = None,
    ):
        self.options = options
        self.server_url = server_url
        self.retry_config = retry_config
        self.retry_codes = retry_codes
        self.user_agent = user_agent
        self.idempotency_header = idempotency_header
        self.logger = debug_logger
        self.pool = _Pool(client, async_client)
        # Resource objects share this Client, not the SDK object: once none is left, neither is the pool.
        weakref.finalize(self, self.pool.close)
        # The hooks registration.py registers; SDK-init hooks may change the base URL and the client.
        self.hooks = SDKHooks()
        if self.hooks.sdk_init_hooks:
            base = self.options.get("server_url") or self.server_url
            mine = self.pool.sync()
            base, chosen = self.hooks.sdk_init(base, mine)
            self.options["server_url"] = base
            if chosen is not mine:
                mine.close()
                self.pool.client, self.pool.owns_client = chosen, False

    def http_client(self) -> httpx.Client:
        return self.pool.sync()

    def async_http_client(self) -> httpx.AsyncClient:
        return self.pool.async_()

    def close(self) -> None:
        self.pool.close()

    async def aclose(self) -> None:
        self.pool.close()
        await self.pool.aclose()

    # --- calls ---

    def call(
        self,
        req: Request,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> Any:
        res = self.send(req, retries, server_url, timeout_ms, http_headers)
        return self._result(req, res)

    def call_page(
        self,
        req: Request,
        spec: PageSpec,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> PageIterator[Any]:
        """The first page of a paginated operation; each next page goes through this pipeline too."""

        def fetch(at: PageAt) -> PageIterator[Any]:
            page_req = at.request if at.url is None else _at_url(at.request, at.url)
            res = self.send(page_req, retries, server_url, timeout_ms, http_headers)
            return PageIterator(self._result(req, res), res, spec, at, fetch)

        return fetch(PageAt(req, None, frozenset()))

    async def call_page_async(
        self,
        req: Request,
        spec: PageSpec,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> AsyncPageIterator[Any]:
        async def fetch(at: PageAt) -> AsyncPageIterator[Any]:
            page_req = at.request if at.url is None else _at_url(at.request, at.url)
            res = await self.send_async(
                page_req, retries, server_url, timeout_ms, http_headers
            )
            return AsyncPageIterator(self._result(req, res), res, spec, at, fetch)

        return await fetch(PageAt(req, None, frozenset()))

    def send(
        self,
        req: Request,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> httpx.Response:
        """The final response of a call, its body read: attempts under the retry policy, hooks run."""
        p = self._prepare(req, retries, server_url, timeout_ms, http_headers)
        client = self.http_client()

        def attempt() -> httpx.Response:
            deadline = Deadline(p.timeout_ms)
            try:
                with deadline.active():
                    res = self._follow(p, client, deadline)
                    if not _streams(req, res):
                        res.read()
            except httpx.HTTPError as e:
                raise self._after_failure(p, self._failure(p, e, deadline)) from e
            return self._check_retry(self._after_response(req, p, res))

        return self._after_success(req, p, retry(attempt, p.policy))

    async def call_async(
        self,
        req: Request,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> Any:
        res = await self.send_async(req, retries, server_url, timeout_ms, http_headers)
        return self._result(req, res, asynchronous=True)

    async def send_async(
        self,
        req: Request,
        retries: Any = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[float] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> httpx.Response:
        p = self._prepare(req, retries, server_url, timeout_ms, http_headers)
        client = self.async_http_client()

        async def attempt() -> httpx.Response:
            deadline = Deadline(p.timeout_ms)

            async def run() -> httpx.Response:
                res = await self._follow_async(p, client)
                if not _streams(req, res):
                    await res.aread()
                return res

            try:
                res = (
                    await asyncio.wait_for(run(), deadline.remaining())
                    if p.timeout_ms
                    else await run()
                )
            except asyncio.TimeoutError as e:
                deadline.expired = True
                raise self._after_failure(p, self._failure(p, e, deadline)) from e
            except httpx.HTTPError as e:
                raise self._after_failure(p, self._failure(p, e, deadline)) from e
            return self._check_retry(self._after_response(req, p, res))

        return self._after_success(req, p, await retry_async(attempt, p.policy))

    # --- the steps ---

    def _prepare(
        self,
        req: Request,
        retries: Any,
        server_url: Optional[str],
        timeout_ms: Optional[float],
        http_headers: Optional[Mapping[str, str]],
    ) -> _Prepared:
        base = (server_url or self.options.get("server_url") or self.server_url).rstrip(
            "/"
        )
        query = list(req.query)
        headers = {"Accept": req.accept, "User-Agent": self.user_agent}
        content = body_content(req.body)
        if req.content_type and req.body is not None and req.body[0] != "multipart":
            headers["Content-Type"] = req.content_type
        if "headers" in content:
            headers.update(content.pop("headers"))
        headers.update(req.headers)
        credentials = apply_security(req.security, self.options, headers, query, base)
        key_header = req.idempotency_header or (
            None if req.method in _IDEMPOTENT else self.idempotency_header
        )
        if key_header and key_header.lower() not in {k.lower() for k in headers}:
            headers[key_header] = str(uuid.uuid4())
        for name, value in (http_headers or {}).items():
            headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
            headers[name] = value
        ascii_headers = check_headers(headers, credentials)
        target = req.url if req.url is not None else base + req.path
        url = (
            str(httpx.URL(target).copy_merge_params(tuple(query))) if query else target
        )
        policy = (
            retries
            if retries is not UNSET and retries is not None
            else (self.options.get("retry_config") or self.retry_config)
        )
        if not isinstance(content.get("content", b""), (bytes, str)):
            # A streamed body (a file, chunks) is read as it is sent: nothing is left to send again.
            policy = RetryConfig("none")
        timeout = (
            timeout_ms if timeout_ms is not None else self.options.get("timeout_ms")
        )
        # A request with an effect is repeated after a connection error only if it cannot have
        # reached the server, or it carries an idempotency key.
        return _Prepared(
            req.method,
            url,
            headers,
            content,
            credentials,
            policy,
            timeout,
            req.method in _IDEMPOTENT or bool(key_header),
            f"{req.method} {target.split('?', 1)[0]}",
            lambda: HookContext(
                self,
                base,
                req.operation_id,
                _scopes(req),
                _security_source(req, self.options),
            ),
            req.stream,
            ascii_headers,
        )

    def _build(
        self,
        client: Union[httpx.Client, httpx.AsyncClient],
        p: _Prepared,
        method: str,
        url: str,
        headers: Dict[str, str],
        with_body: bool,
        deadline: Deadline,
    ) -> httpx.Request:
        request = client.build_request(
            method,
            url,
            headers=headers if p.ascii_headers else latin1_headers(headers),
            **(p.content if with_body else {}),
        )
        request.extensions["timeout"] = deadline.timeouts(
            request.extensions.get("timeout"),
            idle=p.timeout_ms if p.stream else None,
        )
        if self.logger is not None:
            # Without the query string: an API key may travel in it.
            self.logger.debug("Request: %s %s", method, url.split("?", 1)[0])
        return request

    def _follow(
        self, p: _Prepared, client: httpx.Client, deadline: Deadline
    ) -> httpx.Response:
        method, url, headers, with_body = p.method, p.url, p.headers, True
        for hop in range(_MAX_REDIRECTS + 1):
            request = self._build(client, p, method, url, headers, with_body, deadline)
            res = client.send(
                self._before_request(p, request) if hop == 0 else request,
                stream=True,
                follow_redirects=False,
            )
            nxt = _redirect(res, method, url, headers, with_body, p.credentials)
            if nxt is None:
                return res
            res.close()
            method, url, headers, with_body = nxt
        raise ConnectionError(f"Too many redirects: {p.where}")

    async def _follow_async(
        self, p: _Prepared, client: httpx.AsyncClient
    ) -> httpx.Response:
        method, url, headers, with_body = p.method, p.url, p.headers, True
        # asyncio.wait_for bounds async attempts: their requests keep the client's own timeouts.
        deadline = Deadline(None)
        for hop in range(_MAX_REDIRECTS + 1):
            request = self._build(client, p, method, url, headers, with_body, deadline)
            res = await client.send(
                self._before_request(p, request) if hop == 0 else request,
                stream=True,
                follow_redirects=False,
            )
            nxt = _redirect(res, method, url, headers, with_body, p.credentials)
            if nxt is None:
                return res
            await res.aclose()
            method, url, headers, with_body = nxt
        raise ConnectionError(f"Too many redirects: {p.where}")

    # --- hooks (registration.py) ---

    def _before_request(self, p: _Prepared, request: httpx.Request) -> httpx.Request:
        """Before-request hooks see each attempt's request (not the hops of a redirect)."""
        return (
            self.hooks.before_request(BeforeRequestContext(p.hook_ctx), request)
            if self.hooks.before_request_hooks
            else request
        )

    def _after_response(
        self, req: Request, p: _Prepared, res: httpx.Response
    ) -> httpx.Response:
        """After-error hooks see each attempt's error response (4XX, 5XX, or a declared error) and
        may replace it or raise instead."""
        if not self.hooks.after_error_hooks or not _is_error(req, res):
            return res
        replaced, error = self.hooks.after_error(
            AfterErrorContext(p.hook_ctx), res, None
        )
        if error is not None:
            raise error
        return replaced if replaced is not None else res

    def _after_failure(self, p: _Prepared, failure: BaseException) -> BaseException:
        """After-error hooks see an attempt that got no response; their error is raised instead
        (still retried as the original would be)."""
        if not self.hooks.after_error_hooks:
            return failure
        cause = failure.outcome if isinstance(failure, Retryable) else failure
        _, error = self.hooks.after_error(
            AfterErrorContext(p.hook_ctx),
            None,
            cause if isinstance(cause, Exception) else None,
        )
        if error is None or error is cause:
            return failure
        return Retryable(error) if isinstance(failure, Retryable) else error

    def _after_success(
        self, req: Request, p: _Prepared, res: httpx.Response
    ) -> httpx.Response:
        """After-success hooks see the final response of a call that succeeded."""
        if not self.hooks.after_success_hooks or _is_error(req, res):
            return res
        return self.hooks.after_success(AfterSuccessContext(p.hook_ctx), res)

    def _failure(
        self, p: _Prepared, e: BaseException, deadline: Deadline
    ) -> BaseException:
        """The error an attempt that got no response raises: a timeout, or a connection error that is
        retried when it is safe to (see _Prepared.repeatable)."""
        if deadline.expired or isinstance(
            e, (httpx.TimeoutException, asyncio.TimeoutError)
        ):
            return RequestTimeoutError(
                f"Request timed out after {p.timeout_ms:g} ms: {p.where}"
                if p.timeout_ms
                else f"Request timed out: {p.where}",
                e,
            )
        err = ConnectionError(
            f"Unable to make request: {p.where}: {type(e).__name__}: {e}", e
        )
        retry_connection_errors = (
            p.policy.retry_connection_errors
            if isinstance(p.policy, RetryConfig)
            else False
        )
        if retry_connection_errors and (
            p.repeatable or isinstance(e, httpx.ConnectError)
        ):
            return Retryable(err)
        return err

    def _check_retry(self, res: httpx.Response) -> httpx.Response:
        if self.logger is not None:
            self.logger.debug(
                "Response: %s %s", res.status_code, res.headers.get("content-type", "")
            )
        if match_status_code(res.status_code, self.retry_codes):
            raise Retryable(res, parse_retry_after(res.headers.get("retry-after")))
        return res

    def _result(
        self, req: Request, res: httpx.Response, asynchronous: bool = False
    ) -> Any:
        """The declared result of `res`, or the declared error it raises, or an SDKError."""
        # httpx scans every header on each lookup: the media type is looked up once.
        media = str(res.headers.get("content-type", ""))
        for kind, statuses, typ in req.results:
            if not match_status_code(res.status_code, statuses):
                continue
            if kind == "events" and _is_event_stream(res):
                where = f"{req.method} {res.request.url.copy_with(query=None)}"
                stream = EventStreamAsync if asynchronous else EventStream
                return stream(res, typ, where, self)
            if kind == "json" and _is_json_media(media):
                return _decode(res, typ, media)
            if kind == "text":
                return res.text
            if kind == "binary":
                # Unread when streamed: the caller reads it (`iter_bytes()`) and closes it. The
                # SDK's client, whose pool holds the connection, lives as long as the response.
                res.extensions["specsmith_client"] = self
                return res
            if kind == "empty":
                return None
        for statuses, error_class, data_type in req.errors:
            if _is_json_media(media) and match_status_code(res.status_code, statuses):
                raise error_class(
                    _decode(res, data_type, media),
                    res.status_code,
                    res.headers,
                    res.text,
                    res,
                )
        raise unexpected(res)


def _at_url(req: Request, url: str) -> Request:
    """The request of a page a response named by URL: that URL, with nothing else in the query."""
    copy = req.copy()
    copy.url, copy.query = url, []
    return copy


def _redirect(
    res: httpx.Response,
    method: str,
    url: str,
    headers: Dict[str, str],
    with_body: bool,
    credentials: List[str],
) -> Optional[Tuple[str, str, Dict[str, str], bool]]:
    """The next request of a redirect, or None. Credentials (Authorization, API-key headers, cookies)
    are dropped once a redirect leaves the origin, for the rest of the chain."""
    if res.status_code not in (301, 302, 303, 307, 308):
        return None
    location = res.headers.get("location")
    if not location:
        return None
    target = httpx.URL(url).join(location)
    keep_method = res.status_code in (307, 308)
    new_headers = dict(headers)
    if not keep_method:
        method, with_body = ("GET" if method != "HEAD" else method), False
        new_headers = {
            k: v
            for k, v in new_headers.items()
            if k.lower() not in ("content-type", "content-length")
        }
    if _origin(target) != _origin(httpx.URL(url)):
        # Once dropped, they stay dropped: later hops start from these headers.
        carried = {c.lower() for c in credentials}
        new_headers = {k: v for k, v in new_headers.items() if k.lower() not in carried}
    return method, str(target), new_headers, with_body


def _is_error(req: Request, res: httpx.Response) -> bool:
    """A 4XX or 5XX, or a status the operation declares an error."""
    return res.status_code >= 400 or any(
        match_status_code(res.status_code, statuses) for statuses, _, _ in req.errors
    )


def _scopes(req: Request) -> Optional[List[str]]:
    scopes = [s for alt in req.security for scheme in alt for s in scheme.scopes]
    return scopes or None


def _security_source(req: Request, options: Mapping[str, Any]) -> Any:
    """The credential option of the security requirement the call uses."""
    usable = usable_requirement(req.security, options)
    return options.get(usable[0].option) if usable else None


def _origin(url: httpx.URL) -> Tuple[str, str, Optional[int]]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host.lower(), url.port or default)


def _is_event_stream(res: httpx.Response) -> bool:
    t = str(res.headers.get("content-type", "")).split(";")[0].strip().lower()
    return t == "text/event-stream"


def _streams(req: Request, res: httpx.Response) -> bool:
    """Whether `res` is a success the call hands over unread (an event stream, a download)."""
    if not req.stream or not 200 <= res.status_code < 300:
        return False
    for kind, statuses, _ in req.results:
        if not match_status_code(res.status_code, statuses):
            continue
        if kind == "events" and _is_event_stream(res):
            return True
        if kind == "binary" and not _is_json(res):
            return True
    return False


def _is_json(res: httpx.Response) -> bool:
    return _is_json_media(str(res.headers.get("content-type", "")))


def _is_json_media(media: str) -> bool:
    t = media.split(";")[0].strip().lower()
    return t == "application/json" or (
        t.startswith("application/") and t.endswith("+json")
    )


def _json_text(res: httpx.Response, media: str) -> Union[bytes, str]:
    """The body for json.loads: its bytes, which it reads as UTF-8 (or UTF-16/32 by their BOM)
    without httpx's charset lookup; decoded text when the media type names another charset."""
    if "charset" in media.lower() and (res.charset_encoding or "").lower().replace(
        "-", ""
    ) not in ("", "utf8"):
        return res.text
    return res.content


def _decode(res: httpx.Response, typ: Any, media: Optional[str] = None) -> Any:
    """The JSON body as `typ`; a body that is not JSON or not that shape raises ResponseValidationError.
    `media`: the Content-Type, when the caller has it."""
    if media is None:
        media = str(res.headers.get("content-type", ""))
    body = _json_text(res, media)
    try:
        # pydantic reads the JSON itself, in one pass with no Python objects in between. What its
        # reader refuses (nesting deeper than 200, NaN, a byte order mark) takes Python's below.
        return validate_json(typ, body)
    except pydantic.ValidationError as e:
        if not any(x["type"] == "json_invalid" for x in e.errors()):
            raise _unreadable(
                res, "Response body does not match the API description", e
            ) from e
    try:
        data = json.loads(body)
        # Kept for pagination, which reads its cursors and counts from the same body.
        res.extensions["specsmith_json"] = data
    except (ValueError, RecursionError) as e:
        # RecursionError: JSON nested deeper than Python's stack allows.
        raise _unreadable(
            res,
            "Response body is not valid JSON"
            if isinstance(e, ValueError)
            else "Response body nests too deeply to read",
            e,
        ) from e
    try:
        return validate(typ, data)
    except (
        ValueError,
        RecursionError,
    ) as e:  # pydantic.ValidationError is a ValueError
        raise _unreadable(
            res, "Response body does not match the API description", e
        ) from e


def _unreadable(
    res: httpx.Response, message: str, cause: BaseException
) -> ResponseValidationError:
    return ResponseValidationError(
        message, res.status_code, res.headers, res.text, res, cause
    )


def unexpected(res: httpx.Response) -> SDKError:
    message = "API error occurred" if res.status_code >= 400 else "Unexpected response"
    return SDKError(message, res.status_code, res.headers, res.text, res)


__all__ = ["Client", "HTTPClientError", "Request", "SecurityScheme", "unexpected"]


def or_option(value: Any, client: "Client", name: str) -> Any:
    """A global parameter's value (x-speakeasy-globals): the call's own, else the client option's."""
    return client.options.get(name) if value is None or value is UNSET else value
