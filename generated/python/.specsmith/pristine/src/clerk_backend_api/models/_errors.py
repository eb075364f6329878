"""Errors raised by the SDK."""

import builtins
from typing import Any, Mapping, Optional


class APIError(Exception):
    """Base class of every error that carries an HTTP response (`raw_response`: the httpx.Response)."""

    def __init__(
        self,
        message: str,
        status_code: int,
        headers: Mapping[str, str],
        body: str,
        raw_response: Any = None,
    ):
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body
        self.content_type = self.headers.get("content-type", "")
        self.raw_response = raw_response

    def __str__(self) -> str:
        return self.message

    @staticmethod
    def describe(status_code: int, headers: Mapping[str, str], body: str) -> str:
        """'API error occurred: Status 404 Content-Type application/json: {...}'"""
        content_type = {k.lower(): v for k, v in headers.items()}.get(
            "content-type", "(none)"
        )
        preview = f": {body[:200]}" if body else ""
        return f"API error occurred: Status {status_code} Content-Type {content_type}{preview}"


class SDKError(APIError):
    """A response the API description does not declare, or one that could not be decoded."""

    def __init__(
        self,
        message: str,
        status_code: int,
        headers: Mapping[str, str],
        body: str,
        raw_response: Any = None,
    ):
        detail = APIError.describe(status_code, headers, body)[
            len("API error occurred") :
        ]
        super().__init__(f"{message}{detail}", status_code, headers, body, raw_response)


class ResponseValidationError(SDKError):
    """A response whose body does not have the shape the API description declares; `cause` is
    pydantic's ValidationError (or the JSON error), `raw_response` the response."""

    def __init__(
        self,
        message: str,
        status_code: int,
        headers: Mapping[str, str],
        body: str,
        raw_response: Any = None,
        cause: Optional[BaseException] = None,
    ):
        super().__init__(message, status_code, headers, body, raw_response)
        self.cause = cause


class HTTPClientError(Exception):
    """Base class of every error where the request did not get a response."""

    def __init__(self, message: str, cause: Optional[BaseException] = None):
        super().__init__(message)
        self.message = message
        self.__cause__ = cause


class ConnectionError(HTTPClientError, builtins.ConnectionError):  # noqa: A001 - also a builtins.ConnectionError
    """The server could not be reached (DNS, refused or reset connection, TLS)."""


class RequestTimeoutError(HTTPClientError, builtins.TimeoutError):
    """The request took longer than `timeout_ms`."""


class InvalidRequestError(HTTPClientError, ValueError):
    """The arguments cannot make a request: a path value of "", "." or ".." (it would address another
    resource), a header value with CR, LF or NUL, a credential a header cannot carry. Nothing was sent."""
