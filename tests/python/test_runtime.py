"""The Python runtime on httpx and pydantic, over real HTTP on 127.0.0.1: one pooled connection, the
user's own httpx clients, streamed uploads with their content type, explicit null versus unset,
dates, open and closed enums, per-call headers, and the fault matrix in async. The SDK is the
uploads-nulls-dates-open-enums fixture's, which npm test generates into SPECSMITH_RUNTIME_SDK."""

import asyncio
import datetime as dt
import email
import email.policy
import importlib
import json
import os
import sys
import time
import unittest

import httpx

from helpers import Reply, ServerTestCase, TestServer, free_port

sys.path.insert(0, os.environ["SPECSMITH_RUNTIME_SDK"])
papers = importlib.import_module("papers")
models = papers.models
RetryConfig, BackoffStrategy = papers.RetryConfig, papers.BackoffStrategy

DOC = {
    "id": "d1",
    "status": "draft",
    "kind": "memo",
    "created_at": "2026-01-08T09:30:00Z",
    "due_on": "2026-02-01",
    "title": None,
}
FAST = RetryConfig("backoff", BackoffStrategy(5, 20, 1.5, 2000), True)


class Chunks:
    """A file object that records how it is read: a streamed upload reads it piece by piece."""

    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0
        self.reads = []

    def read(self, n: int = -1) -> bytes:
        n = len(self.data) - self.pos if n is None or n < 0 else n
        self.reads.append(n)
        out = self.data[self.pos : self.pos + n]
        self.pos += len(out)
        return out


def parts(req):  # type: ignore[no-untyped-def]
    """The parts of a multipart/form-data request: name → (filename, content type, bytes)."""
    msg = email.message_from_bytes(
        b"Content-Type: "
        + req.headers["content-type"].encode()
        + b"\r\n\r\n"
        + req.body,
        policy=email.policy.HTTP,
    )
    return {
        p.get_param("name", header="content-disposition"): (
            p.get_filename(),
            p.get_content_type(),
            p.get_payload(decode=True),
        )
        for p in msg.iter_parts()
    }


class RuntimeTest(ServerTestCase):
    def sdk(self, **kw):  # type: ignore[no-untyped-def]
        kw.setdefault("bearer_auth", "tok")
        kw.setdefault("server_url", self.server.url)
        kw.setdefault("retry_config", FAST)
        return papers.Papers(**kw)

    # --- connections ---

    def test_one_connection_serves_100_sequential_calls_and_close_releases_it(
        self,
    ) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        with self.sdk() as sdk:
            for _ in range(100):
                sdk.documents.get_document(document_id="d1")
            pool = sdk._client.http_client()
        self.assertEqual(len(self.server.requests), 100)
        self.assertEqual(len({r.client_port for r in self.server.requests}), 1)
        self.assertTrue(pool.is_closed)

    def test_threads_sharing_the_client_share_one_pool(self) -> None:
        import threading

        self.server.reply(lambda r, n: Reply(200, DOC))
        sdk = self.sdk()
        pools = []
        barrier = threading.Barrier(8)

        def work() -> None:
            barrier.wait()
            sdk.documents.get_document(document_id="d1")
            pools.append(sdk._client.http_client())

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(self.server.requests), 8)
        self.assertEqual(len({id(p) for p in pools}), 1)
        sdk.close()

    def test_the_users_own_clients_are_used_and_left_open(self) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        seen = []
        mine = httpx.Client(
            headers={"X-From": "mine"},
            event_hooks={"request": [lambda r: seen.append(str(r.url))]},
        )
        mine_async = httpx.AsyncClient(headers={"X-From": "mine-async"})
        with self.sdk(client=mine, async_client=mine_async) as sdk:
            sdk.documents.get_document(document_id="d1")

            async def main() -> None:
                await sdk.documents.get_document_async(document_id="d2")
                await sdk.aclose()

            asyncio.run(main())
        self.assertEqual(seen, [f"{self.server.url}/documents/d1"])
        self.assertEqual(
            [r.headers.get("x-from") for r in self.server.requests],
            ["mine", "mine-async"],
        )
        self.assertFalse(mine.is_closed)
        self.assertFalse(mine_async.is_closed)
        mine.close()

    # --- bodies ---

    def test_none_sends_null_and_a_left_out_argument_is_not_sent(self) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        sdk = self.sdk()
        sdk.documents.update_document(document_id="d1", title=None)
        sdk.documents.update_document(document_id="d1", note="n")
        sdk.documents.update_document(document_id="d1", note=None)
        self.assertEqual(
            [r.json() for r in self.server.requests],
            [{"title": None}, {"note": "n"}, {}],
        )

    def test_a_json_body_is_read_in_the_charset_its_media_type_names(self) -> None:
        doc = dict(DOC, title="Café ☕")
        latin = dict(DOC, title="Café")
        self.server.reply(
            lambda r, n: [
                Reply(
                    200,
                    raw=json.dumps(doc, ensure_ascii=False).encode("utf-8"),
                    headers={"content-type": "application/json"},
                ),
                Reply(
                    200,
                    raw=json.dumps(latin, ensure_ascii=False).encode("latin-1"),
                    headers={"content-type": "application/json; charset=ISO-8859-1"},
                ),
                Reply(
                    200,
                    raw=json.dumps(doc, ensure_ascii=False).encode("utf-8"),
                    headers={"content-type": "application/json; charset=UTF-8"},
                ),
            ][n - 1]
        )
        sdk = self.sdk()
        titles = [sdk.documents.get_document(document_id="d1").title for _ in range(3)]
        self.assertEqual(titles, ["Café ☕", "Café", "Café ☕"])

    def test_dates_round_trip(self) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        when = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
        doc = self.sdk().documents.update_document(
            document_id="d1", publish_at=when, due_on=dt.date(2026, 5, 6)
        )
        self.assertEqual(
            self.server.requests[0].json(),
            {"publish_at": "2026-03-04T05:06:07Z", "due_on": "2026-05-06"},
        )
        self.assertEqual(
            doc.created_at, dt.datetime(2026, 1, 8, 9, 30, tzinfo=dt.timezone.utc)
        )
        self.assertEqual(doc.due_on, dt.date(2026, 2, 1))
        self.assertIsNone(doc.title)
        self.assertIs(doc.note, None)
        self.assertEqual(
            papers.utils.parse_datetime("2026-01-08T00:00:00Z"),
            dt.datetime(2026, 1, 8, tzinfo=dt.timezone.utc),
        )

    def test_an_open_enum_keeps_an_unknown_value_and_a_closed_one_refuses_it(
        self,
    ) -> None:
        self.server.reply(lambda r, n: Reply(200, dict(DOC, status="archived")))
        doc = self.sdk().documents.get_document(document_id="d1")
        self.assertEqual(doc.status, "archived")
        self.server.reply(lambda r, n: Reply(200, DOC))
        self.assertIs(
            self.sdk().documents.get_document(document_id="d1").status,
            models.DocumentStatus.DRAFT,
        )
        self.server.reply(lambda r, n: Reply(200, dict(DOC, kind="poem")))
        with self.assertRaises(models.ResponseValidationError) as ctx:
            self.sdk().documents.get_document(document_id="d1")
        self.assertIn("kind", str(ctx.exception.cause))
        self.assertEqual(ctx.exception.raw_response.json()["kind"], "poem")

    def test_an_upload_streams_the_file_with_its_content_type(self) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        data = bytes(range(256)) * 1200  # 300 KB
        source = Chunks(data)
        self.sdk().documents.upload_attachment(
            document_id="d1",
            file={
                "file_name": "scan.png",
                "content": source,
                "content_type": "image/png",
            },
            caption="page 1",
        )
        (req,) = self.server.requests
        self.assertTrue(
            req.headers["content-type"].startswith("multipart/form-data; boundary=")
        )
        got = parts(req)
        self.assertEqual(got["file"], ("scan.png", "image/png", data))
        self.assertEqual(got["caption"][2], b"page 1")
        self.assertGreater(len(source.reads), 2, "read piece by piece, not whole")
        self.assertTrue(all(0 < n <= 1 << 16 for n in source.reads[:-1]), source.reads)

    def test_an_uploaded_file_without_a_content_type_gets_one_from_its_name(
        self,
    ) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        self.sdk().documents.upload_attachment(
            document_id="d1", file=models.File(file_name="notes.txt", content=b"hello")
        )
        self.assertEqual(
            parts(self.server.requests[0])["file"],
            ("notes.txt", "text/plain", b"hello"),
        )

    def test_past_20_parameters_one_request_argument_carries_them_and_may_be_left_out(
        self,
    ) -> None:
        self.server.reply(lambda r, n: Reply(200, [DOC]))
        sdk = self.sdk()
        (doc,) = sdk.documents.list_documents()
        self.assertEqual(doc.id, "d1")
        sdk.documents.list_documents(
            request={"tag": ["a", "b"], "limit": 5, "field_19": "z"}
        )
        sdk.documents.list_documents(request=models.ListDocumentsRequest(limit=1))
        self.assertEqual(
            [r.path for r in self.server.requests],
            [
                "/documents",
                "/documents?tag=a&tag=b&limit=5&field_19=z",
                "/documents?limit=1",
            ],
        )

    # --- headers ---

    def test_http_headers_are_added_and_replace_the_sdks_own(self) -> None:
        self.server.reply(lambda r, n: Reply(200, DOC))
        self.sdk().documents.get_document(
            document_id="d1",
            http_headers={"X-Trace": "t1", "accept": "application/vnd.docs+json"},
        )
        h = self.server.requests[0].headers
        self.assertEqual(
            (h["x-trace"], h["accept"], h["authorization"]),
            ("t1", "application/vnd.docs+json", "Bearer tok"),
        )
        with self.assertRaises(models.InvalidRequestError):
            self.sdk().documents.get_document(
                document_id="d1", http_headers={"X-Trace": "a\r\nX-Injected: 1"}
            )

    def test_debug_logger_sees_each_request_and_response_and_no_credential(
        self,
    ) -> None:
        import logging

        self.server.reply(lambda r, n: Reply(200, DOC))
        records = []
        logger = logging.getLogger("papers-test")
        logger.setLevel(logging.DEBUG)
        handler = logging.Handler()
        handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
        logger.addHandler(handler)
        self.sdk(bearer_auth="sk_S3cret", debug_logger=logger).documents.get_document(
            document_id="d1"
        )
        self.assertEqual(
            records,
            [
                f"Request: GET {self.server.url}/documents/d1",
                "Response: 200 application/json",
            ],
        )
        self.assertNotIn("sk_S3cret", "\n".join(records))

    def test_the_deadline_covers_name_resolution(self) -> None:
        import socket

        real = socket.getaddrinfo

        def slow(host, *args, **kw):  # type: ignore[no-untyped-def]
            if host == "slow-dns.test":
                time.sleep(2)
            return real("127.0.0.1" if host == "slow-dns.test" else host, *args, **kw)

        socket.getaddrinfo = slow  # type: ignore[assignment]
        try:
            sdk = papers.Papers(
                bearer_auth="t",
                server_url="http://slow-dns.test:9",
                retry_config=RetryConfig("none"),
            )
            started = time.monotonic()
            with self.assertRaises(models.RequestTimeoutError):
                sdk.documents.get_document(document_id="d1", timeout_ms=300)
            # Well before the resolution's 2 s: the deadline, not the resolver, ended the call.
            self.assertLess(time.monotonic() - started, 1.5)
            # Resolved in time, every address is tried: here the one test server.
            self.server.reply(lambda r, n: Reply(200, DOC))
            port = self.server.url.rsplit(":", 1)[1]
            fast = papers.Papers(
                bearer_auth="t",
                server_url=f"http://localhost:{port}",
                retry_config=RetryConfig("none"),
            )
            self.assertEqual(
                fast.documents.get_document(document_id="d1", timeout_ms=2000).id, "d1"
            )
        finally:
            socket.getaddrinfo = real  # type: ignore[assignment]

    # --- the fault matrix, async ---

    def test_async_retries_5xx_then_succeeds(self) -> None:
        self.server.reply(lambda r, n: Reply(503, {}) if n < 3 else Reply(200, DOC))

        async def main():  # type: ignore[no-untyped-def]
            async with self.sdk() as sdk:
                return await sdk.documents.get_document_async(document_id="d1")

        self.assertEqual(asyncio.run(main()).id, "d1")
        self.assertEqual(len(self.server.requests), 3)

    def test_async_timeout_is_a_deadline_and_does_not_block_the_loop(self) -> None:
        # The first call answers at once (the SDK's models load on it, in the loop's thread); the
        # second drips its body past the deadline.
        self.server.reply(
            lambda r, n: (
                Reply(200, DOC)
                if n == 1
                else Reply(
                    200,
                    raw=b'{"id": "d1"' + b" " * 40 + b"}",
                    headers={"Content-Type": "application/json"},
                    drip=0.1,
                )
            )
        )

        async def main():  # type: ignore[no-untyped-def]
            sdk = self.sdk(retry_config=RetryConfig("none"))
            await sdk.documents.get_document_async(document_id="d1")
            ticks = 0

            async def tick() -> None:
                nonlocal ticks
                while True:
                    await asyncio.sleep(0.05)
                    ticks += 1

            ticker = asyncio.create_task(tick())
            started = time.monotonic()
            with self.assertRaises(models.RequestTimeoutError):
                await sdk.documents.get_document_async(document_id="d1", timeout_ms=500)
            elapsed = time.monotonic() - started
            ticker.cancel()
            return elapsed, ticks

        elapsed, ticks = asyncio.run(main())
        self.assertLess(elapsed, 1.5)
        # About ten ticks in the half second on a quiet machine; a wait that blocked the loop lets
        # none through (the ticker first runs when the call yields). A loaded CI machine let 2 run.
        self.assertGreaterEqual(
            ticks, 2, "the event loop kept running while the call waited"
        )

    def test_async_connection_refused_is_a_connection_error_and_declared_errors_raise(
        self,
    ) -> None:
        async def refused() -> None:
            await papers.Papers(
                bearer_auth="t",
                server_url=f"http://127.0.0.1:{free_port()}",
                retry_config=RetryConfig("none"),
            ).documents.get_document_async(document_id="d1")

        with self.assertRaises(models.ConnectionError):
            asyncio.run(refused())
        self.server.reply(lambda r, n: Reply(404, {"message": "no"}))
        with self.assertRaises(models.SDKError) as ctx:
            asyncio.run(self.sdk().documents.get_document_async(document_id="d1"))
        self.assertEqual(ctx.exception.status_code, 404)

    def test_async_redirect_to_another_origin_drops_the_credential(self) -> None:
        other = TestServer()
        try:
            self.server.reply(
                lambda r, n: Reply(
                    307, headers={"Location": f"{other.url}/documents/d1"}
                )
            )
            other.reply(lambda r, n: Reply(200, DOC))
            asyncio.run(self.sdk().documents.get_document_async(document_id="d1"))
            self.assertEqual(
                self.server.requests[0].headers.get("authorization"), "Bearer tok"
            )
            self.assertIsNone(other.requests[0].headers.get("authorization"))
        finally:
            other.close()


if __name__ == "__main__":
    unittest.main()
