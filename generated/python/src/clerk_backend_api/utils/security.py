"""Credentials on a request: bearer, basic, API keys (header, query, cookie), OAuth2 client credentials."""

import base64
import threading
import time
import urllib.parse
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import httpx

from ..models._errors import HTTPClientError
from .encoding import check_credential

Credential = Union[str, Callable[[], str]]


class SecurityScheme:
    """How one security scheme travels: kind "bearer", "basic", "apiKey" (in header/query/cookie),
    or "clientCredentials" (an OAuth2 token fetched from `token_url`)."""

    def __init__(
        self,
        kind: str,
        option: str,
        where: str = "header",
        param: str = "",
        token_url: str = "",
        scopes: Sequence[str] = (),
    ):
        self.kind = kind
        self.option = option
        self.where = where
        self.param = param
        self.token_url = token_url
        self.scopes = list(scopes)


def usable_requirement(
    requirements: Sequence[Sequence[SecurityScheme]], options: Mapping[str, Any]
) -> Optional[Sequence[SecurityScheme]]:
    """The first requirement whose credentials are all configured (what a call is secured with)."""
    for req in requirements:
        for scheme in req:
            if options.get(scheme.option) in (None, ""):
                break
        else:
            return req
    return None


def apply_security(
    requirements: Sequence[Sequence[SecurityScheme]],
    options: Mapping[str, Any],
    headers: Dict[str, str],
    query: List[Tuple[str, str]],
    server_url: str,
) -> List[str]:
    """Applies the first requirement whose credentials are all configured; returns the (lower-case)
    names of the headers that now carry a credential."""
    usable = usable_requirement(requirements, options)
    if usable is None:
        return []
    carriers = ["authorization", "proxy-authorization", "cookie"]
    cookies: List[str] = []
    for scheme in usable:
        raw = options[scheme.option]
        value = raw() if callable(raw) else raw
        check_credential(scheme.option, value)
        if scheme.kind == "bearer":
            token = str(value)
            headers["Authorization"] = (
                token if token.lower().startswith("bearer ") else f"Bearer {token}"
            )
        elif scheme.kind == "clientCredentials":
            token_url = urllib.parse.urljoin(server_url + "/", scheme.token_url)
            headers["Authorization"] = "Bearer " + _access_token(
                value, token_url, scheme.scopes
            )
        elif scheme.kind == "basic":
            username, password = (
                (value["username"], value["password"])
                if isinstance(value, dict)
                else value
            )
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
_tokens_lock = threading.Lock()


def _access_token(
    credentials: Mapping[str, str], token_url: str, scopes: Sequence[str]
) -> str:
    """RFC 6749 section 4.4: client credentials in HTTP Basic auth, the grant in a form body; cached
    until a minute before it expires."""
    client_id, client_secret = credentials["client_id"], credentials["client_secret"]
    key = f"{token_url} {client_id} {' '.join(scopes)}"
    with _tokens_lock:
        cached = _tokens.get(key)
    if cached and cached[1] > time.time():
        return cached[0]
    form = {
        "grant_type": "client_credentials",
        **({"scope": " ".join(scopes)} if scopes else {}),
    }
    pair = (
        f"{urllib.parse.quote(client_id)}:{urllib.parse.quote(client_secret)}".encode(
            "utf-8"
        )
    )
    headers = {
        "Authorization": "Basic " + base64.b64encode(pair).decode("ascii"),
        "Accept": "application/json",
    }
    try:
        res = httpx.post(token_url, data=form, headers=headers, timeout=30)
        payload = res.json()
    except (httpx.HTTPError, ValueError) as e:
        raise HTTPClientError(
            f"Could not obtain an access token from {token_url}: {type(e).__name__}", e
        ) from e
    token = payload.get("access_token") if isinstance(payload, dict) else None
    if not isinstance(token, str):
        raise HTTPClientError(f"The token endpoint {token_url} sent no access_token")
    with _tokens_lock:
        _tokens[key] = (
            token,
            time.time() + float(payload.get("expires_in", 3600)) - 60,
        )
    return token
