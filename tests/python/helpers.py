"""A real HTTP server on 127.0.0.1 that records requests, and the generated SDK on sys.path."""

import json
import os
import socket
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SDK_SRC = os.path.join(ROOT, "generated", "python", "src")
if SDK_SRC not in sys.path:
    sys.path.insert(0, SDK_SRC)


class Recorded:
    def __init__(
        self,
        method: str,
        path: str,
        headers: Dict[str, str],
        body: bytes,
        client_port: int = 0,
    ):
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.client_port = client_port
        """The client's port: one per TCP connection."""
        self.at = time.monotonic()

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.body.decode("utf-8"))


class Reply:
    """`drop`: close the connection without answering (after reading the request). `drip`: send the
    body one byte every `drip` seconds."""

    def __init__(
        self,
        status: int = 200,
        body: object = None,
        headers: Optional[Dict[str, str]] = None,
        raw: Optional[bytes] = None,
        delay: float = 0,
        drop: bool = False,
        drip: float = 0,
        chunks: Optional[List[bytes]] = None,
        gap: float = 0.005,
        keep_open: bool = False,
    ):
        """`chunks`: a chunked body written `gap` seconds apart; `keep_open`: then stall, not end."""
        self.chunks = chunks
        self.gap = gap
        self.keep_open = keep_open
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.raw = raw
        self.delay = delay
        self.drop = drop
        self.drip = drip


class TestServer:
    """Answers with `handler(recorded, n)`; n counts requests from 1."""

    def __init__(self) -> None:
        self.requests: List[Recorded] = []
        # Per streamed reply: True when the client closed the connection before its end.
        self.closed: List[bool] = []
        # Bumped by reply(): a streamed reply of an earlier generation no longer reports.
        self.generation = 0
        self.handler: Callable[[Recorded, int], Reply] = lambda r, n: Reply(204)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
                    body = self._chunked()
                else:
                    length = int(self.headers.get("content-length") or 0)
                    body = self.rfile.read(length) if length else b""
                rec = Recorded(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    self.client_address[1],
                )
                server.requests.append(rec)
                reply = server.handler(rec, len(server.requests))
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                data = (
                    reply.raw
                    if reply.raw is not None
                    else (
                        b"" if reply.body is None else json.dumps(reply.body).encode()
                    )
                )
                if reply.chunks is not None:
                    self._stream(reply)
                    return
                try:
                    self.send_response(reply.status)
                    headers = dict(reply.headers)
                    if reply.body is not None and "content-type" not in {
                        k.lower() for k in headers
                    }:
                        headers["Content-Type"] = "application/json"
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if reply.drip:
                        for i in range(len(data)):
                            self.wfile.write(data[i : i + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    else:
                        self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

            def _stream(self, reply: "Reply") -> None:
                """A chunked body; notes in `server.closed` whether the client left before its end."""
                generation = server.generation
                closed = lambda flag: (
                    server.closed.append(flag)
                    if server.generation == generation
                    else None
                )
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for chunk in reply.chunks or []:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.flush()
                        time.sleep(reply.gap)
                    if reply.keep_open:
                        self.connection.settimeout(10)
                        while self.connection.recv(1, socket.MSG_PEEK):
                            time.sleep(0.01)
                        closed(True)
                        return
                    self.wfile.write(b"0\r\n\r\n")
                    self.wfile.flush()
                    closed(False)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    closed(True)
                self.close_connection = True

            def _chunked(self) -> bytes:
                out = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        self.rfile.readline()
                        return out
                    out += self.rfile.read(size)
                    self.rfile.readline()

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _any

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def wait_closed(self, timeout: float = 5) -> List[bool]:
        """`closed` once a streamed reply has ended one way or the other."""
        end = time.monotonic() + timeout
        while not self.closed and time.monotonic() < end:
            time.sleep(0.01)
        return list(self.closed)

    def reply(self, handler: Callable[[Recorded, int], Reply]) -> None:
        self.requests.clear()
        self.generation += 1
        self.closed.clear()
        self.handler = handler

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class ServerTestCase(unittest.TestCase):
    """A test case with one TestServer for the whole class, as `self.server`."""

    server: TestServer

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = TestServer()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.close()


def free_port() -> int:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
