"""How values travel: path segments, query pairs by OpenAPI style, header values, and bodies."""

import json
import re
import urllib.parse
import uuid
from enum import Enum
from typing import (
    Any,
    Collection,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
)

import pydantic

from ..models._base import UNSET, File
from ..models._errors import InvalidRequestError


def encode_path(value: Any) -> str:
    """Percent-encodes one path segment value: "a/b" becomes "a%2Fb". "", "." and ".." are refused:
    URLs resolve them as path steps, so `/items/{id}` with ".." would reach `/` instead."""
    text = _scalar(value)
    if text in ("", ".", ".."):
        raise InvalidRequestError(
            f"A path parameter cannot be {text!r}: the URL would address another resource"
        )
    return urllib.parse.quote(text, safe="", errors="replace")


def query_params(
    name: str, value: Any, style: str = "form", explode: bool = True
) -> List[Tuple[str, str]]:
    """A query parameter's name=value pairs, by OpenAPI style; None and UNSET leave it out."""
    value = _plain(value)
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


def header_value(value: Any) -> Optional[str]:
    """A header parameter's value (simple style); None and UNSET leave the header out."""
    value = _plain(value)
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ",".join(_scalar(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_scalar(v)}" for k, v in value.items() if v is not None)
    return _scalar(value)


def header_params(
    headers: Sequence[Tuple[str, Any]], cookies: Sequence[Tuple[str, Any]] = ()
) -> Dict[str, str]:
    """An operation's header and cookie parameters as request headers; None and UNSET leave one out."""
    out: Dict[str, str] = {}
    for name, value in headers:
        text = header_value(value)
        if text is not None:
            out[name] = text
    pairs = []
    for name, value in cookies:
        text = header_value(value)
        if text is not None:
            pairs.append(name + "=" + urllib.parse.quote(text, safe=""))
    if pairs:
        out["Cookie"] = "; ".join(pairs)
    return out


_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
# CR, LF and NUL would split or end the header; httpx encodes values as Latin-1.
_UNSENDABLE = re.compile(r"[\r\n\x00]|[^\x00-\xff]")


def check_header(name: str, value: str, credentials: Collection[str] = ()) -> None:
    """A header must be a token name and a value without CR, LF or NUL, in Latin-1. The refusal never
    quotes the value: it may be a credential (`credentials`: the lower-case names of the headers that
    carry one)."""
    if _HEADER_NAME.fullmatch(name) is None or _UNSENDABLE.search(value) is not None:
        what = "a credential" if name.lower() in credentials else "the header"
        raise InvalidRequestError(
            f"The {name} header cannot be sent: {what} holds CR, LF, NUL or a character beyond Latin-1, or the name is not a header name"
        )


_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
# Names joined by "," (not a token character) and values by "\x01" (a value may hold it): one pass
# over every header when all of them can be sent, as they almost always can.
_HEADER_NAMES = re.compile(f"{_TOKEN}(?:,{_TOKEN})*")


def check_headers(
    headers: Mapping[str, str], credentials: Collection[str] = ()
) -> bool:
    """check_header for each of `headers`; whether every value is ASCII (else see latin1_headers)."""
    names = ",".join(headers)
    values = "\x01".join(headers.values())
    if (
        _HEADER_NAMES.fullmatch(names) is None
        # "A,B" is one name that cannot be sent, not two that can.
        or names.count(",") != len(headers) - 1
        or _UNSENDABLE.search(values) is not None
    ):
        for name, value in headers.items():
            check_header(name, value, credentials)
    return values.isascii()


def latin1_headers(headers: Mapping[str, str]) -> List[Tuple[bytes, bytes]]:
    """Checked headers as bytes, values in Latin-1: httpx encodes header text as ASCII, and fails
    on a value beyond it."""
    return [(k.encode("ascii"), v.encode("latin-1")) for k, v in headers.items()]


_NOT_IN_HEADER = re.compile(r"[^\t\x20-\x7e\x80-\xff]")


def check_credential(option: str, value: Any) -> None:
    """A credential must fit in a header (CR or LF would split it); the refusal names only the option."""
    for part in value.values() if isinstance(value, dict) else [value]:
        if _NOT_IN_HEADER.search(str(part)):
            raise InvalidRequestError(
                f"The {option} credential holds a character a header cannot carry (CR, LF, NUL or beyond Latin-1); it was not sent"
            )


# Compact JSON, non-ASCII as UTF-8 (one encoder: json.dumps with options makes one per call).
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def body_content(body: Optional[Tuple[str, Any]]) -> Dict[str, Any]:
    """httpx's keyword arguments for a body given as (encoding, value)."""
    if body is None:
        return {}
    encoding, value = body
    if encoding == "json":
        return {"content": _JSON.encode(value).encode("utf-8")}
    if encoding == "form":
        return {"content": form_body(value)}
    if encoding == "multipart":
        return multipart_body(value)
    if encoding == "text":
        return {"content": str(value).encode("utf-8")}
    if hasattr(value, "read"):
        # An open file: sent in chunks as it is read, never whole.
        return {"content": _chunks(value)}
    return {"content": value}


def _chunks(file: Any, size: int = 1 << 16) -> Iterator[bytes]:
    while True:
        chunk = file.read(size)
        if not chunk:
            return
        yield chunk if isinstance(chunk, bytes) else str(chunk).encode("utf-8")


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
            for item in v:
                add(f"{key}[]" if isinstance(item, dict) else key, item)
        elif isinstance(v, dict):
            for k, x in v.items():
                add(f"{key}[{k}]", x)
        else:
            pairs.append((key, _scalar(v)))

    for k, v in value.items():
        add(k, v)
    return urllib.parse.urlencode(pairs).encode("ascii")


def multipart_body(value: Any) -> Dict[str, Any]:
    """multipart/form-data for httpx, which streams file objects: File values and bytes become file
    parts with their content type, objects JSON parts, the rest text parts."""
    if isinstance(value, pydantic.BaseModel):
        parts = [
            (f.alias or n, getattr(value, n))
            for n, f in type(value).model_fields.items()
        ]
        parts += list((value.__pydantic_extra__ or {}).items())
    elif isinstance(value, dict):
        parts = list(value.items())
    else:
        raise InvalidRequestError(
            "A multipart/form-data body must be a model or a dict of parts"
        )
    files: List[Tuple[str, Any]] = []
    data: List[Tuple[str, str]] = []
    for key, v in parts:
        for item in v if isinstance(v, (list, tuple)) else [v]:
            if item is None or item is UNSET:
                continue
            if isinstance(item, File):
                files.append((key, (item.file_name, item.content, item.content_type)))
            elif isinstance(item, dict) and "content" in item and "file_name" in item:
                files.append(
                    (
                        key,
                        (item["file_name"], item["content"], item.get("content_type")),
                    )
                )
            elif isinstance(item, (bytes, bytearray)) or hasattr(item, "read"):
                files.append((key, (getattr(item, "name", key), item, None)))
            elif isinstance(item, (dict, list, pydantic.BaseModel)):
                data.append((key, json.dumps(_plain(item), separators=(",", ":"))))
            else:
                data.append((key, _scalar(item)))
    if not files:
        # httpx would send text parts alone as a urlencoded form: written here instead.
        boundary = uuid.uuid4().hex
        out = "".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote(k)}"\r\n\r\n{v}\r\n'
            for k, v in data
        )
        return {
            "content": f"{out}--{boundary}--\r\n".encode("utf-8"),
            "headers": {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        }
    grouped: Dict[str, Any] = {}
    for k, v in data:
        grouped[k] = (
            [*grouped[k], v]
            if isinstance(grouped.get(k), list)
            else ([grouped[k], v] if k in grouped else v)
        )
    return {"files": files, "data": grouped}


def _quote(name: str) -> str:
    return (
        name.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\r", "%0D")
        .replace("\n", "%0A")
    )


def _plain(value: Any) -> Any:
    """Models in their JSON shape; UNSET as None."""
    if value is UNSET:
        return None
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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
        return str(value.isoformat()).replace("+00:00", "Z")
    return str(value)
