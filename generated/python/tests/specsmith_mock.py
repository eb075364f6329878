"""The mock server this SDK's tests run against, and how a test reads a call's result to its end.

`specsmith mock` is started from the spec and overlays tests/mock.json names (paths relative to the
SDK's folder), on a free port of 127.0.0.1. specsmith is the CLI script SPECSMITH names, else the
`specsmith` package in a node_modules folder of the SDK's folder or one above it; NODE names the
Node.js binary (default: `node` on the PATH).
"""

import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any, Dict, Iterator, List, TypeVar

import httpx

ROOT = Path(__file__).resolve().parent.parent

T = TypeVar("T")


def _specsmith_cli() -> str:
    given = os.environ.get("SPECSMITH")
    if given:
        return given
    for folder in [ROOT, *ROOT.parents]:
        cli = folder / "node_modules" / "specsmith" / "bin" / "specsmith.js"
        if cli.is_file():
            return str(cli)
    raise RuntimeError(
        "These tests run `specsmith mock`: install specsmith (npm install -D specsmith), "
        "or set SPECSMITH to its CLI script."
    )


def _node() -> str:
    node = os.environ.get("NODE") or shutil.which("node")
    if not node:
        raise RuntimeError(
            "These tests run `specsmith mock` on Node.js: install it, or set NODE to its binary."
        )
    return node


def start_mock() -> Iterator[str]:
    """Starts the mock server; yields its URL, then stops it."""
    inputs = json.loads((ROOT / "tests" / "mock.json").read_text(encoding="utf-8"))
    args: List[str] = [
        _node(),
        _specsmith_cli(),
        "mock",
        str(ROOT / inputs["spec"]),
        "--port",
        "0",
    ]
    for overlay in inputs["overlays"]:
        args += ["--overlay", str(ROOT / overlay)]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8"
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r" at (http://127\.0\.0\.1:\d+)", line)
        if not found:
            proc.kill()
            proc.wait()
            errors.seek(0)
            raise RuntimeError(
                f"specsmith mock stopped before it listened:\n{line}{errors.read()}"
            )
        # The mock logs a line per request: read them, or a full pipe would stall it.
        threading.Thread(
            target=lambda: [None for _ in proc.stdout or []], daemon=True
        ).start()
        try:
            yield found.group(1)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# The mock serves a few pages and events: a result that goes on past this loops (a test fails, never hangs).
MAX_ITEMS = 1000


def _check(n: int) -> None:
    if n > MAX_ITEMS:
        raise AssertionError(
            f"the result went on past {MAX_ITEMS} pages or events: the SDK or the mock loops"
        )


def drain(res: T) -> T:
    """Reads a result to its end: every page of a list, every event of a stream, every byte of a download."""
    if isinstance(res, httpx.Response):
        res.read()
        res.close()
    elif hasattr(res, "__enter__") and hasattr(res, "__iter__"):
        with res as items:  # type: ignore[attr-defined]
            for n, _ in enumerate(items, 1):
                _check(n)
    elif hasattr(res, "next") and hasattr(res, "__iter__"):
        for n, _ in enumerate(res, 1):
            _check(n)
    return res


async def drain_async(res: T) -> T:
    """The same for an async call's result."""
    value: Any = res
    n = 0
    if isinstance(value, httpx.Response):
        await value.aread()
        await value.aclose()
    elif hasattr(value, "__aenter__"):
        async with value as items:
            async for _ in items:
                n += 1
                _check(n)
    elif hasattr(value, "__aiter__"):
        async for _ in value:
            n += 1
            _check(n)
    return res


def _prefer(status: str) -> Dict[str, str]:
    """The header asking the mock for one of the operation's declared answers (Prism's convention)."""
    return {"Prefer": f"code={status}"} if status else {}


_TLS: List[ssl.SSLContext] = []


def _tls() -> ssl.SSLContext:
    # One TLS context for every client of the run: loading the CA bundle is most of a client's cost.
    if not _TLS:
        _TLS.append(ssl.create_default_context())
    return _TLS[0]


def http_client(status: str = "") -> httpx.Client:
    """An httpx client for the SDK; `status` asks the mock for that declared answer."""
    return httpx.Client(headers=_prefer(status), verify=_tls())


def async_http_client(status: str = "") -> httpx.AsyncClient:
    """The same for the SDK's async methods."""
    return httpx.AsyncClient(headers=_prefer(status), verify=_tls())
