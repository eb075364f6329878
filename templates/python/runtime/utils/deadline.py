"""A deadline for a whole attempt (resolving, connecting, sending, every read of the response), not a limit per
socket operation that a slow server could renew byte by byte.

Synchronous calls: the SDK's own httpx client runs on a network backend whose every connect, read
and write waits at most what is left of the current call's deadline. Asynchronous calls are bounded
by asyncio.wait_for instead."""

import socket
import threading
import time
from typing import Any, Dict, List, Optional

import httpcore
import httpx

_current = threading.local()


class Deadline:
    """The time by which an attempt must be over (None: no deadline)."""

    def __init__(self, timeout_ms: Optional[float]):
        self.at = None if not timeout_ms else time.monotonic() + timeout_ms / 1000
        self.expired = False
        self._previous: Optional[Deadline] = None

    def remaining(self) -> Optional[float]:
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0:
            self.expired = True
        return max(0.0, left)

    def bound(self, timeout: Optional[float]) -> Optional[float]:
        """`timeout`, cut to what is left; 0 once the deadline has passed."""
        left = self.remaining()
        if left is None:
            return timeout
        return left if timeout is None else min(timeout, left)

    def timeouts(
        self, given: Optional[Dict[str, Any]], idle: Optional[float] = None
    ) -> Dict[str, Any]:
        """httpcore's per-request timeouts, each read when a phase starts: cut to what is left then.
        With a client of the user's own (whose backend is not ours), this bounds each phase. `idle`
        (ms): a streamed body's reads wait at most that each, however long the stream runs."""
        if self.at is None and not idle:
            return given or {}
        return _DeadlineTimeouts(self, given or {}, idle)

    def active(self) -> "Deadline":
        """`with deadline.active():` the network backend keeps to this deadline inside the block."""
        return self

    def __enter__(self) -> "Deadline":
        self._previous = getattr(_current, "deadline", None)
        # No deadline: the backend's reads and writes skip the bookkeeping altogether.
        _current.deadline = None if self.at is None else self
        return self

    def __exit__(self, *exc: Any) -> None:
        _current.deadline = self._previous


class _DeadlineTimeouts(dict):  # type: ignore[type-arg]
    def __init__(
        self, deadline: Deadline, given: Dict[str, Any], idle: Optional[float] = None
    ):
        super().__init__(given)
        self.deadline = deadline
        self.idle = None if not idle else idle / 1000

    def get(self, key: str, default: Any = None) -> Any:
        if key == "read" and self.idle is not None:
            # Read when the body starts, after the headers came within the deadline.
            return self.idle
        return self.deadline.bound(super().get(key, default))


def _bound(timeout: Optional[float], expired: type) -> Optional[float]:
    deadline: Optional[Deadline] = getattr(_current, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline.bound(timeout)
    if left is not None and left <= 0:
        raise expired("the call's deadline has passed")
    return left


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self.inner = inner

    def read(self, max_bytes: int, timeout: Optional[float] = None) -> bytes:
        return self.inner.read(max_bytes, _bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: Optional[float] = None) -> None:
        self.inner.write(buffer, _bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> httpcore.NetworkStream:
        return _Stream(
            self.inner.start_tls(
                ssl_context, server_hostname, _bound(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend):
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: Optional[float] = None,
        local_address: Optional[str] = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        if getattr(_current, "deadline", None) is None:
            return _Stream(
                self.inner.connect_tcp(
                    host, port, timeout, local_address, socket_options
                )
            )
        # Name resolution does not heed socket timeouts: it runs aside, and the call waits only
        # what is left. Then each address is tried in turn, as socket.create_connection would.
        error: Optional[BaseException] = None
        for address in _resolve(host, port, _bound(timeout, httpcore.ConnectTimeout)):
            try:
                return _Stream(
                    self.inner.connect_tcp(
                        address,
                        port,
                        _bound(timeout, httpcore.ConnectTimeout),
                        local_address,
                        socket_options,
                    )
                )
            except httpcore.ConnectError as e:
                error = e
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(
        self, path: str, timeout: Optional[float] = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _Stream(
            self.inner.connect_unix_socket(
                path, _bound(timeout, httpcore.ConnectTimeout), socket_options
            )
        )

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _resolve(host: str, port: int, timeout: Optional[float]) -> List[str]:
    """The addresses of `host`, resolved within `timeout` seconds (ConnectTimeout after it)."""
    result: Dict[str, Any] = {}

    def run() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            result["addresses"] = list(dict.fromkeys(str(info[4][0]) for info in infos))
        except OSError as e:
            result["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise httpcore.ConnectTimeout(
            f"resolving {host} took longer than the call's deadline"
        )
    if "error" in result:
        raise httpcore.ConnectError(f"cannot resolve {host}: {result['error']}")
    addresses: List[str] = result["addresses"]
    return addresses


def deadline_transport(**kwargs: Any) -> httpx.HTTPTransport:
    """An httpx transport whose connections keep to the current call's deadline."""
    transport = httpx.HTTPTransport(**kwargs)
    pool = getattr(transport, "_pool", None)
    if pool is not None and hasattr(pool, "_network_backend"):
        pool._network_backend = _Backend(pool._network_backend)
    return transport
