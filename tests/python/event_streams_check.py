"""Server-sent events in the Python SDK over real HTTP, sync and async: the format's edge cases, the
sentinel, typed data, the connection closed on leaving the `with` block or the loop, and a timeout
that fires when the server stalls mid-stream. Run by tests/event-streams.test.ts with the fixture
SDK (tests/fixtures/server-sent-events) on sys.path."""

import asyncio
import os
import resource
import tempfile
import time

from helpers import Reply, TestServer
from streams import SDK
from streams.models import RequestTimeoutError, ResponseValidationError, SDKError
from streams.utils import RetryConfig

server = TestServer()
SSE = {"Content-Type": "text/event-stream"}


def sdk(**extra):
    return SDK(
        api_key="k", server_url=server.url, retry_config=RetryConfig("none"), **extra
    )


def stream(chunks, **kw):
    server.reply(
        lambda rec, n: Reply(
            200,
            headers=SSE,
            chunks=[c if isinstance(c, bytes) else c.encode() for c in chunks],
            **kw,
        )
    )


def sync_checks():
    stream(
        [
            'id: 1\nevent: delta\ndata: {"delta":"Hel","finish_reason":null}\n\n',
            'id: 2\nevent: delta\ndata: {"delta":"lo","finish_reason":"stop"}\nretry: 3000\n\n',
            "data: [DONE]\n\n",
            'data: {"delta":"never read"}\n\n',
        ]
    )
    res = sdk().chat.stream_chat(prompt="hi", max_tokens=5)
    with res as event_stream:  # Speakeasy's documented shape
        events = [e for e in event_stream]
    assert [
        (e.id, e.event, e.data.delta, e.data.finish_reason, e.retry) for e in events
    ] == [
        ("1", "delta", "Hel", None, None),
        ("2", "delta", "lo", "stop", 3000),
    ], events
    assert server.requests[0].json() == {"prompt": "hi", "max_tokens": 5}
    assert server.requests[0].headers["accept"] == "text/event-stream"

    euro = "data: price €5\n\n".encode()
    cut = euro.index(0xE2) + 1
    stream(
        [
            "\ufeff: a comment, then a keep-alive\n\n",
            "event: line\ndata: first\ndata:  second\r\n\r\n",
            "event: heartbeat\n\n",
            "data: carriage\r",
            "\rdata: split across",
            " chunks\n",
            "\n",
            euro[:cut],
            euro[cut:],
            "id: 7\ndata\n\n",
            "data: not closed by a blank line",
        ]
    )
    with sdk().logs.tail_logs() as events:
        got = [(e.event, e.id, e.data) for e in events]
    assert got == [
        ("line", None, "first\n second"),
        (None, None, "carriage"),
        (None, None, "split across chunks"),
        (None, None, "price €5"),
        (None, "7", ""),
    ], got

    # Leaving the `with` block mid-stream closes the connection: the server sees it.
    stream([f"data: line {i}\n\n" for i in range(300)], gap=0.01)
    seen = []
    with sdk().logs.tail_logs() as events:
        for e in events:
            seen.append(e.data)
            if len(seen) == 2:
                break
    assert seen == ["line 0", "line 1"]
    assert server.wait_closed() == [True], server.closed

    # A server that stalls mid-stream: the timeout bounds each wait for a chunk.
    stream(["data: one\n\n", "data: two\n\n"], keep_open=True)
    seen = []
    started = time.monotonic()
    try:
        with sdk(timeout_ms=300).logs.tail_logs() as events:
            for e in events:
                seen.append(e.data)
        raise AssertionError("a stalled stream did not time out")
    except RequestTimeoutError:
        pass
    assert seen == ["one", "two"] and time.monotonic() - started < 5
    assert server.wait_closed() == [True]

    # One that keeps moving outlives it.
    stream([f"data: {i}\n\n" for i in range(12)], gap=0.05)
    with sdk(timeout_ms=250).logs.tail_logs() as events:
        assert len(list(events)) == 12

    stream(['data: {"delta": 5}\n\n'])
    try:
        with sdk().chat.stream_chat(prompt="x") as events:
            list(events)
        raise AssertionError("an invalid event was accepted")
    except ResponseValidationError:
        pass

    # One operation, two answers: JSON, or an event stream.
    server.reply(lambda rec, n: Reply(200, {"text": "whole"}))
    whole = sdk().chat.send_chat(prompt="p", stream=False)
    assert whole.text == "whole", whole
    stream(['data: {"delta":"a"}\n\n', "data: [DONE]\n\n"])
    with sdk().chat.send_chat(prompt="p", stream=True) as events:
        assert [e.data.delta for e in events] == ["a"]

    server.reply(lambda rec, n: Reply(500, {"message": "down"}))
    try:
        sdk().logs.tail_logs()
        raise AssertionError("a 500 was not raised")
    except SDKError as e:
        assert e.status_code == 500


async def async_checks():
    stream(['event: delta\ndata: {"delta":"x"}\n\n', "data: [DONE]\n\n"])
    res = await sdk().chat.stream_chat_async(prompt="hi")
    async with res as events:
        got = [e.data.delta async for e in events]
    assert got == ["x"], got

    stream([f"data: line {i}\n\n" for i in range(300)], gap=0.01)
    seen = []
    async with await sdk().logs.tail_logs_async() as events:
        async for e in events:
            seen.append(e.data)
            if len(seen) == 3:
                break
    assert seen == ["line 0", "line 1", "line 2"]
    assert server.wait_closed() == [True], server.closed

    stream(["data: one\n\n"], keep_open=True)
    try:
        async with await sdk(timeout_ms=300).logs.tail_logs_async() as events:
            async for _ in events:
                pass
        raise AssertionError("a stalled async stream did not time out")
    except RequestTimeoutError:
        pass


def download_checks(tmp):
    """A 50 MB download streamed to disk: the process's peak memory grows far less than the body."""
    size = 50 * 1048576
    block = b"\x07" * (1 << 16)
    server.reply(
        lambda rec, n: Reply(
            200,
            headers={"Content-Type": "application/octet-stream"},
            chunks=[block] * (size // len(block)),
            gap=0,
        )
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    res = sdk().files.download_file(name="big.bin")
    path = os.path.join(tmp, "big.bin")
    try:
        with open(path, "wb") as f:
            for chunk in res.iter_bytes():
                f.write(chunk)
    finally:
        res.close()
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert os.path.getsize(path) == size
    # Read whole, the body alone would add 50 MB.
    assert grown_mb < 25, f"peak RSS grew {grown_mb:.1f} MB"

    # An upload from an open file is sent as it is read.
    src = os.path.join(tmp, "up.txt")
    with open(src, "wb") as f:
        f.write(b"one two three" * 10000)
    server.reply(lambda rec, n: Reply(200, {}))
    with open(src, "rb") as f:
        sdk().files.upload_file(name="up.txt", request_body=f)
    assert server.requests[0].body == b"one two three" * 10000
    assert server.requests[0].headers["content-type"] == "application/octet-stream"


with tempfile.TemporaryDirectory() as tmp:
    download_checks(tmp)
sync_checks()
asyncio.run(async_checks())
server.close()
print("ok")
