"""The request pipeline shared by every operation: URL, headers, auth, timeout, retries, errors."""

import base64
import errno
import http.client
import json
import re
import socket
import threading
import time
import uuid
import urllib.error
import urllib.parse
import urllib.request
from enum import Enum
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ..models._errors import ConnectionError, HTTPClientError, InvalidRequestError, RequestTimeoutError, SDKError
from .retries import RetryConfig, Retryable, match_status_code, parse_retry_after, retry

Credential = Union[str, Callable[[], str]]


class SecurityScheme:
    """How one security scheme travels: kind "bearer", "basic", "apiKey" (in header/query/cookie),
    or "clientCredentials" (an OAuth2 token fetched from `token_url`)."""

    def __init__(self, kind: str, option: str, where: str = "header", param: str = "", token_url: str = "", scopes: Sequence[str] = ()):
        self.kind = kind
        self.option = option
        self.where = where
        self.param = param
        self.token_url = token_url
        self.scopes = list(scopes)


class Response:
    """A response with its body read."""

    def __init__(self, status: int, headers: Mapping[str, str], content: bytes):
        self.status_code = status
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.content = content
        self.text = content.decode("utf-8", errors="replace")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def is_json(self) -> bool:
        t = self.content_type.split(";")[0].strip().lower()
        return t == "application/json" or (t.startswith("application/") and t.endswith("+json"))

    def json(self) -> Any:
        try:
            return json.loads(self.text)
        except ValueError as e:
            raise SDKError("Response body is not valid JSON", self.status_code, self.headers, self.text) from e


class Request:
    """One HTTP call, as an operation describes it."""

    def __init__(
        self,
        method: str,
        path: str,
        accept: str,
        security: Sequence[Sequence[SecurityScheme]],
        query: Optional[List[Tuple[str, str]]] = None,
        headers: Optional[Dict[str, str]] = None,
        body: Optional[bytes] = None,
        content_type: Optional[str] = None,
        idempotency_header: Optional[str] = None,
    ):
        self.method = method
        self.path = path
        self.accept = accept
        self.security = security
        self.query = query or []
        self.headers = headers or {}
        self.body = body
        self.content_type = content_type
        self.idempotency_header = idempotency_header


# Methods that may be repeated without a second effect (RFC 9110 section 9.2.2).
_IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"}


class Client:
    """What every operation needs from the SDK object: options and the API's defaults."""

    def __init__(
        self,
        options: Dict[str, Any],
        server_url: str,
        retry_config: Optional[RetryConfig],
        retry_codes: List[str],
        user_agent: str,
        idempotency_header: Optional[str] = None,
    ):
        self.options = options
        self.server_url = server_url
        self.retry_config = retry_config
        self.retry_codes = retry_codes
        self.user_agent = user_agent
        self.idempotency_header = idempotency_header

    def send(
        self,
        req: Request,
        retries: Optional[RetryConfig] = None,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
    ) -> Response:
        """Sends `req` with auth, timeout and retries; raises HTTPClientError if no response came.

        The timeout is a deadline for each attempt as a whole (connecting, sending, reading the
        response), not a limit per socket operation that a slow server could renew byte by byte."""
        base = (server_url or self.options.get("server_url") or self.server_url).rstrip("/")
        query = list(req.query)
        headers = {"Accept": req.accept, "User-Agent": self.user_agent}
        if req.content_type:
            headers["Content-Type"] = req.content_type
        headers.update(req.headers)
        credentials = _apply_security(req.security, self.options, headers, query, base)
        key_header = req.idempotency_header or (None if req.method in _IDEMPOTENT else self.idempotency_header)
        if key_header and key_header.lower() not in {k.lower() for k in headers}:
            headers[key_header] = str(uuid.uuid4())
        for name, value in headers.items():
            _check_header(name, value, secret=name.lower() in credentials)
        url = base + req.path + ("?" + urllib.parse.urlencode(query) if query else "")
        where = f"{req.method} {base}{req.path}"
        timeout = timeout_ms if timeout_ms is not None else self.options.get("timeout_ms")
        policy = retries or self.options.get("retry_config") or self.retry_config
        retry_connection_errors = policy.retry_connection_errors if policy else False
        # A request with an effect is repeated after a connection error only if it cannot have
        # reached the server, or it carries an idempotency key.
        repeatable = req.method in _IDEMPOTENT or bool(key_header)

        def attempt() -> Response:
            deadline = _Deadline(timeout / 1000) if timeout else None
            opener = _opener(deadline, credentials)
            request = urllib.request.Request(url, data=req.body, method=req.method, headers=headers)
            try:
                with opener.open(request, timeout=deadline.remaining() if deadline else None) as r:
                    res = Response(r.status, dict(r.headers.items()), r.read())
            except urllib.error.HTTPError as e:
                res = Response(e.code, dict(e.headers.items()), e.read())
            except Exception as e:  # noqa: BLE001 - every failure below becomes an HTTPClientError
                if deadline is not None and deadline.expired or isinstance(e, (socket.timeout, TimeoutError)) or isinstance(getattr(e, "reason", None), (socket.timeout, TimeoutError)):
                    raise RequestTimeoutError(f"Request timed out after {timeout} ms: {where}", e) from e
                if not isinstance(e, (OSError, http.client.HTTPException)):
                    raise
                reason = getattr(e, "reason", e)
                err = ConnectionError(f"Unable to make request: {where}: {reason}", e)
                if retry_connection_errors and (repeatable or _not_sent(reason)):
                    raise Retryable(err) from e
                raise err from e
            finally:
                if deadline is not None:
                    deadline.cancel()
            if match_status_code(res.status_code, self.retry_codes):
                raise Retryable(res, parse_retry_after(res.headers.get("retry-after")))
            return res

        return retry(attempt, policy)


def _not_sent(reason: object) -> bool:
    """Connection failures that happen before a request leaves: refused, unreachable, no such host."""
    if isinstance(reason, (ConnectionRefusedError, socket.gaierror)):
        return True
    return getattr(reason, "errno", None) in (errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH)


def _check_credential(option: str, value: Any) -> None:
    """A credential must fit in a header (CR or LF would split it); the refusal names only the option."""
    for part in value.values() if isinstance(value, dict) else [value]:
        if re.search(r"[^\t\x20-\x7e\x80-\xff]", str(part)):
            raise InvalidRequestError(f"The {option} credential holds a character a header cannot carry (CR, LF, NUL or beyond Latin-1); it was not sent")


def _check_header(name: str, value: str, secret: bool) -> None:
    """A header must be a token name and a value without CR, LF or NUL, in Latin-1. The refusal never
    quotes the value: it may be a credential."""
    ok = re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name) is not None and re.search(r"[\r\n\x00]", value) is None
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        ok = False
    if not ok:
        what = "a credential" if secret else "the header"
        raise InvalidRequestError(f"The {name} header cannot be sent: {what} holds CR, LF, NUL or a character beyond Latin-1, or the name is not a header name")


class _Deadline:
    """Ends an attempt when its time is up, however the server paces its bytes: the connection's
    socket is shut down, which wakes any read or write blocked on it."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: List[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.001, self.at - time.monotonic())

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _opener(deadline: Optional[_Deadline], credentials: Sequence[str]) -> urllib.request.OpenerDirector:
    """urllib with a deadline on its connections and redirects that keep credentials at their origin."""
    handlers: List[urllib.request.BaseHandler] = [_RedirectHandler(credentials)]
    if deadline is not None:

        def create_connection(address, timeout=None, source_address=None):  # type: ignore[no-untyped-def]
            sock = socket.create_connection(address, deadline.remaining(), source_address)
            deadline.track(sock)
            return sock

        # http.client sets _create_connection per instance: replaced after __init__.
        class HTTPConnection(http.client.HTTPConnection):
            def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                super().__init__(*args, **kwargs)
                self._create_connection = create_connection

        class HTTPSConnection(http.client.HTTPSConnection):
            def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                super().__init__(*args, **kwargs)
                self._create_connection = create_connection

        class HTTPHandler(urllib.request.HTTPHandler):
            def http_open(self, req):  # type: ignore[no-untyped-def]
                return self.do_open(HTTPConnection, req)

        class HTTPSHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):  # type: ignore[no-untyped-def]
                return self.do_open(HTTPSConnection, req, context=self._context)

        handlers += [HTTPHandler(), HTTPSHandler()]
    return urllib.request.build_opener(*handlers)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib forwards every header to wherever a server redirects; credentials (Authorization, API-key
    headers, cookies) are dropped when the redirect leaves the origin, for the rest of the chain."""

    def __init__(self, credentials: Sequence[str]):
        super().__init__()
        self.credentials = {c.lower() for c in credentials}

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and (getattr(req, "_specsmith_stripped", False) or _origin(newurl) != _origin(req.full_url)):
            for name in list(new.headers):
                if name.lower() in self.credentials:
                    del new.headers[name]
            new._specsmith_stripped = True  # type: ignore[attr-defined]
        return new


def _origin(url: str) -> Tuple[str, str, Optional[int]]:
    parts = urllib.parse.urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return (parts.scheme, (parts.hostname or "").lower(), parts.port or default)


def server_url_for(servers: Sequence[str], defaults: Sequence[Mapping[str, str]], idx: Optional[int], variables: Optional[Mapping[str, str]]) -> str:
    """The chosen server's URL with its {variables} filled in (each defaults to the description's default)."""
    i = idx or 0
    template = servers[i] if i < len(servers) else servers[0]
    values = {**(defaults[i] if i < len(defaults) else {}), **(variables or {})}
    return re.sub(r"\{([^}]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def _apply_security(
    requirements: Sequence[Sequence[SecurityScheme]],
    options: Mapping[str, Any],
    headers: Dict[str, str],
    query: List[Tuple[str, str]],
    server_url: str,
) -> List[str]:
    """Applies the first requirement whose credentials are all configured; returns the (lower-case)
    names of the headers that now carry a credential."""
    usable = next((req for req in requirements if all(options.get(s.option) not in (None, "") for s in req)), None)
    if usable is None:
        return []
    carriers = ["authorization", "proxy-authorization", "cookie"]
    cookies: List[str] = []
    for scheme in usable:
        raw = options[scheme.option]
        value = raw() if callable(raw) else raw
        _check_credential(scheme.option, value)
        if scheme.kind == "bearer":
            token = str(value)
            headers["Authorization"] = token if token.lower().startswith("bearer ") else f"Bearer {token}"
        elif scheme.kind == "clientCredentials":
            token_url = urllib.parse.urljoin(server_url + "/", scheme.token_url)
            headers["Authorization"] = "Bearer " + _access_token(value, token_url, scheme.scopes)
        elif scheme.kind == "basic":
            username, password = (value["username"], value["password"]) if isinstance(value, dict) else value
            pair = f"{username}:{password}".encode("utf-8")
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        elif scheme.where == "header":
            headers[scheme.param] = str(value)
            carriers.append(scheme.param.lower())
        elif scheme.where == "query":
            query.append((scheme.param, str(value)))
        else:
            cookies.append(f"{scheme.param}={urllib.parse.quote(str(value))}")
    if cookies:
        headers["Cookie"] = "; ".join(filter(None, [headers.get("Cookie"), *cookies]))
    return carriers


_tokens: Dict[str, Tuple[str, float]] = {}


def _access_token(credentials: Mapping[str, str], token_url: str, scopes: Sequence[str]) -> str:
    """RFC 6749 section 4.4: client credentials in HTTP Basic auth, the grant in a form body; cached."""
    import time

    client_id, client_secret = credentials["client_id"], credentials["client_secret"]
    key = f"{token_url} {client_id} {' '.join(scopes)}"
    cached = _tokens.get(key)
    if cached and cached[1] > time.time():
        return cached[0]
    form = {"grant_type": "client_credentials", **({"scope": " ".join(scopes)} if scopes else {})}
    pair = f"{urllib.parse.quote(client_id)}:{urllib.parse.quote(client_secret)}".encode("utf-8")
    request = urllib.request.Request(
        token_url,
        data=urllib.parse.urlencode(form).encode("ascii"),
        method="POST",
        headers={"Authorization": "Basic " + base64.b64encode(pair).decode("ascii"), "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            payload = json.loads(r.read().decode("utf-8"))
    except (urllib.error.URLError, ValueError) as e:
        raise HTTPClientError(f"Could not obtain an access token from {token_url}: {e}", e) from e
    token = payload.get("access_token")
    if not isinstance(token, str):
        raise HTTPClientError(f"The token endpoint {token_url} sent no access_token")
    # A minute early, so a token never expires on its way to the API.
    _tokens[key] = (token, time.time() + float(payload.get("expires_in", 3600)) - 60)
    return token


def encode_path(value: Any) -> str:
    """Percent-encodes one path segment value: "a/b" becomes "a%2Fb". "", "." and ".." are refused:
    URLs resolve them as path steps, so `/items/{id}` with ".." would reach `/` instead."""
    text = _scalar(value)
    if text in ("", ".", ".."):
        raise InvalidRequestError(f"A path parameter cannot be {text!r}: the URL would address another resource")
    return urllib.parse.quote(text, safe="", errors="replace")


def query_params(name: str, value: Any, style: str = "form", explode: bool = True) -> List[Tuple[str, str]]:
    """A query parameter's name=value pairs, by OpenAPI style; None leaves it out."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        if style == "form" and explode:
            return [(name, _scalar(v)) for v in value]
        sep = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
        return [(name, sep.join(_scalar(v) for v in value))]
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if v is not None]
        if style == "deepObject":
            return [(f"{name}[{k}]", _scalar(v)) for k, v in items]
        if explode:
            return [(k, _scalar(v)) for k, v in items]
        return [(name, ",".join(f"{k},{_scalar(v)}" for k, v in items))]
    return [(name, _scalar(value))]


def header_value(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(_scalar(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_scalar(v)}" for k, v in value.items() if v is not None)
    return _scalar(value)


def text_body(value: Any) -> bytes:
    return str(value).encode("utf-8")


def json_body(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def form_body(value: Any) -> bytes:
    """application/x-www-form-urlencoded: arrays repeat their key, nested objects use brackets. A body
    that is not a dict (a spec may declare a string) is sent as its text, taken to be encoded already."""
    if not isinstance(value, dict):
        return b"" if value is None else str(value).encode("utf-8")
    pairs: List[Tuple[str, str]] = []

    def add(key: str, v: Any) -> None:
        if v is None:
            return
        if isinstance(v, (list, tuple)):
            for i, item in enumerate(v):
                add(f"{key}[{i}]" if isinstance(item, dict) else key, item)
        elif isinstance(v, dict):
            for k, x in v.items():
                add(f"{key}[{k}]", x)
        else:
            pairs.append((key, _scalar(v)))

    for k, v in value.items():
        add(k, v)
    return urllib.parse.urlencode(pairs).encode("ascii")


def multipart_body(value: Any) -> Tuple[bytes, str]:
    """multipart/form-data: bytes and files become file parts, objects JSON parts, the rest text."""
    if not isinstance(value, dict):
        raise InvalidRequestError("A multipart/form-data body must be a dict of parts")
    boundary = uuid.uuid4().hex
    out = bytearray()
    for key, v in value.items():
        for item in v if isinstance(v, (list, tuple)) else [v]:
            if item is None:
                continue
            out += f"--{boundary}\r\n".encode()
            if isinstance(item, (bytes, bytearray)) or hasattr(item, "read"):
                data = item.read() if hasattr(item, "read") else bytes(item)
                name = getattr(item, "name", key)
                out += f'Content-Disposition: form-data; name="{key}"; filename="{name}"\r\n'.encode()
                out += b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n"
            else:
                text = json.dumps(item) if isinstance(item, (dict, list)) else _scalar(item)
                out += f'Content-Disposition: form-data; name="{key}"\r\n\r\n'.encode() + text.encode() + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def unexpected(res: Response) -> SDKError:
    message = "API error occurred" if res.status_code >= 400 else "Unexpected response"
    return SDKError(message, res.status_code, res.headers, res.text)


def decode(res: Response, from_wire: Callable[[Any], Any]) -> Any:
    """Parses a JSON body and maps it from the wire format; a wrong shape is an SDKError."""
    wire = res.json()
    try:
        return from_wire(wire)
    except (TypeError, KeyError, AttributeError, ValueError) as e:
        raise SDKError("Response body does not match the API description", res.status_code, res.headers, res.text) from e


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, Enum):
        return str(value.value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


__all__ = [
    "Client",
    "Credential",
    "HTTPClientError",
    "Request",
    "Response",
    "SecurityScheme",
    "decode",
    "encode_path",
    "form_body",
    "multipart_body",
    "header_value",
    "json_body",
    "query_params",
    "server_url_for",
    "text_body",
    "unexpected",
]
