"""Server-sent events (the WHATWG `text/event-stream` format) as typed events, read as they arrive.

Lines end in CRLF, LF or CR (a CRLF may be split across chunks, and so may a UTF-8 character);
`data` lines join with "\\n"; comments and events without data are skipped; a sentinel (`[DONE]`)
ends the stream and is not surfaced. The stream is a context manager: leaving the `with` block, or
the loop, closes the connection. The call's timeout bounds each wait for the next chunk."""

import codecs
import json
from typing import Any, AsyncIterator, Dict, Generic, Iterator, List, Optional, TypeVar

import httpx

from ..models._base import validate
from ..models._errors import (
    ConnectionError,
    RequestTimeoutError,
    ResponseValidationError,
)

T = TypeVar("T")


class EventShape:
    """How a stream's events become values (generated from the API description): `typ` is one
    event's type; `envelope`: Speakeasy's `{id, event, data, retry}` (else the data alone); `data`:
    json, text, or auto (parsed when it parses); `sentinel` ends the stream."""

    def __init__(
        self,
        typ: Any,
        envelope: bool = True,
        data: str = "json",
        sentinel: Optional[str] = None,
    ):
        self.typ = typ
        self.envelope = envelope
        self.data = data
        self.sentinel = sentinel


class ServerEvent:
    """One event as the server sent it."""

    def __init__(
        self,
        data: str,
        event: Optional[str] = None,
        id: Optional[str] = None,  # noqa: A002 - the field's name in the standard
        retry: Optional[int] = None,
    ):
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def fields(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"data": self.data}
        for key in ("event", "id", "retry"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


class EventParser:
    """The WHATWG event stream parser: feed it bytes, take the events they complete."""

    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._after_cr = False
        self._started = False
        self._data: List[str] = []
        self._type: Optional[str] = None
        self._last_id: Optional[str] = None
        self._retry: Optional[int] = None

    def push(self, chunk: bytes) -> List[ServerEvent]:
        return self._lines(self._text.decode(chunk))

    def end(self) -> List[ServerEvent]:
        """The end of the body: an event not closed by a blank line is dropped, as the standard says."""
        return self._lines(self._text.decode(b"", final=True))

    def _lines(self, text: str) -> List[ServerEvent]:
        if not self._started and text:
            self._started = True
            text = text[1:] if text.startswith("\ufeff") else text
        # A CR that ended the last chunk already ended its line: an LF right after it is part of it.
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        self._after_cr = False
        events: List[ServerEvent] = []
        start = 0
        i = 0
        while i < len(text):
            c = text[i]
            if c not in "\r\n":
                i += 1
                continue
            line = self._buffer + text[start:i]
            self._buffer = ""
            if c == "\r":
                if i + 1 < len(text):
                    if text[i + 1] == "\n":
                        i += 1
                else:
                    self._after_cr = True
            i += 1
            start = i
            event = self._line(line)
            if event is not None:
                events.append(event)
        self._buffer += text[start:]
        return events

    def _line(self, line: str) -> Optional[ServerEvent]:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._type = value
        elif field == "id":
            if "\0" not in value:
                self._last_id = value
        elif field == "retry":
            if value.isascii() and value.isdigit():
                self._retry = int(value)
        return None

    def _dispatch(self) -> Optional[ServerEvent]:
        data, kind, retry = self._data, self._type, self._retry
        self._data, self._type, self._retry = [], None, None
        if not data:
            return None
        return ServerEvent("\n".join(data), kind or None, self._last_id, retry)


class _Events(Generic[T]):
    def __init__(
        self, response: httpx.Response, shape: EventShape, where: str, owner: Any = None
    ):
        self.response = response
        # The SDK's client: its connection pool must outlive the stream, even when the SDK object does not.
        self._owner = owner
        self._shape = shape
        self._where = where
        self._parser = EventParser()

    def _value(self, event: ServerEvent) -> T:
        shape = self._shape
        data: Any = event.data
        if shape.data != "text":
            try:
                data = json.loads(event.data)
            except ValueError as e:
                if shape.data == "json":
                    raise self._invalid(
                        "An event's data is not valid JSON", event, e
                    ) from e
        wire = {**event.fields(), "data": data} if shape.envelope else data
        try:
            value: T = validate(shape.typ, wire)
        except (ValueError, RecursionError) as e:
            raise self._invalid(
                "An event does not match the API description", event, e
            ) from e
        return value

    def _invalid(
        self, message: str, event: ServerEvent, cause: BaseException
    ) -> ResponseValidationError:
        r = self.response
        return ResponseValidationError(
            message, r.status_code, r.headers, event.data, r, cause
        )

    def _failure(self, e: httpx.HTTPError) -> Exception:
        if isinstance(e, httpx.TimeoutException):
            return RequestTimeoutError(
                f"The event stream stalled (no data within the timeout): {self._where}",
                e,
            )
        return ConnectionError(
            f"The event stream broke off: {self._where}: {type(e).__name__}: {e}", e
        )

    def _ends(self, event: ServerEvent) -> bool:
        return self._shape.sentinel is not None and event.data == self._shape.sentinel


class EventStream(_Events[T]):
    """The events of one response: `with res as events: for event in events: ...`."""

    def __iter__(self) -> Iterator[T]:
        try:
            for chunk in self.response.iter_bytes():
                for event in self._parser.push(chunk):
                    if self._ends(event):
                        return
                    yield self._value(event)
            for event in self._parser.end():
                if self._ends(event):
                    return
                yield self._value(event)
        except httpx.HTTPError as e:
            raise self._failure(e) from e
        finally:
            self.response.close()

    def __enter__(self) -> "EventStream[T]":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Stops reading and closes the connection."""
        self.response.close()


class EventStreamAsync(_Events[T]):
    """The events of one async response: `async with res as events: async for event in events: ...`."""

    async def __aiter__(self) -> AsyncIterator[T]:
        try:
            async for chunk in self.response.aiter_bytes():
                for event in self._parser.push(chunk):
                    if self._ends(event):
                        return
                    yield self._value(event)
            for event in self._parser.end():
                if self._ends(event):
                    return
                yield self._value(event)
        except httpx.HTTPError as e:
            raise self._failure(e) from e
        finally:
            await self.response.aclose()

    async def __aenter__(self) -> "EventStreamAsync[T]":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stops reading and closes the connection."""
        await self.response.aclose()


__all__ = [
    "EventParser",
    "EventShape",
    "EventStream",
    "EventStreamAsync",
    "ServerEvent",
]
