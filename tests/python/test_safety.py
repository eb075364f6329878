"""The Python SDK on an untrusted network, over real HTTP on 127.0.0.1 (two servers: two origins):
credentials never follow a redirect to another origin, path values cannot climb to another endpoint,
secrets never reach an error message, the timeout is a deadline, and retried requests with an effect
carry one idempotency key. The SDK is the client-safety fixture's, which npm test generates into
SPECSMITH_SAFETY_SDK (and, with idempotencyHeader configured, SPECSMITH_SAFETY_SDK_KEYED)."""

import importlib
import os
import re
import sys
import time
import traceback
import unittest

from helpers import Reply, TestServer

TOKEN = "sk_live_T0pS3cret"
KEY = "key_4p1K3y"
SESSION = "sess_C00kie"
ITEM = {"id": "i1", "amount": 5}
UUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


def load(env: str, name: str):  # type: ignore[no-untyped-def]
    """The generated package in the folder the environment names (a missing folder fails the test)."""
    src = os.environ[env]
    sys.path.insert(0, src)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(src)


vault = load("SPECSMITH_SAFETY_SDK", "vault")
vault_keyed = load("SPECSMITH_SAFETY_SDK_KEYED", "vault_keyed")


class SafetyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.a = TestServer()
        cls.b = TestServer()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.a.close()
        cls.b.close()

    def client(self, module=vault, **extra):  # type: ignore[no-untyped-def]
        args = {
            "bearer": TOKEN,
            "api_key": KEY,
            "session": SESSION,
            "server_url": self.a.url,
            **extra,
        }
        return module.Vault(**args)

    @staticmethod
    def credentials(headers):  # type: ignore[no-untyped-def]
        return (
            headers.get("authorization"),
            headers.get("x-api-key"),
            headers.get("cookie"),
        )

    def test_a_redirect_to_another_origin_carries_no_credential(self) -> None:
        self.a.reply(
            lambda r, n: Reply(307, headers={"Location": f"{self.b.url}/items/i1"})
        )
        self.b.reply(lambda r, n: Reply(200, ITEM))
        self.client().items.get_item(id="i1")
        self.assertEqual(
            self.credentials(self.a.requests[0].headers),
            (f"Bearer {TOKEN}", KEY, f"session={SESSION}"),
        )
        self.assertEqual(
            self.credentials(self.b.requests[0].headers), (None, None, None)
        )

    def test_within_the_origin_credentials_stay_and_once_dropped_stay_dropped(
        self,
    ) -> None:
        def a(r, n):  # type: ignore[no-untyped-def]
            if n == 1:
                return Reply(302, headers={"Location": "/items/moved"})
            if n == 2:
                return Reply(302, headers={"Location": f"{self.b.url}/x"})
            return Reply(200, ITEM)

        self.a.reply(a)
        self.b.reply(
            lambda r, n: Reply(302, headers={"Location": f"{self.a.url}/items/back"})
        )
        self.client().items.get_item(id="i1")
        self.assertEqual(
            [r.path for r in self.a.requests],
            ["/items/i1", "/items/moved", "/items/back"],
        )
        self.assertEqual(self.credentials(self.a.requests[1].headers)[1], KEY)
        self.assertEqual(
            self.credentials(self.a.requests[2].headers), (None, None, None)
        )

    def test_path_values_that_would_reach_another_endpoint_are_refused(self) -> None:
        self.a.reply(lambda r, n: Reply(200, ITEM))
        for bad in ["..", ".", ""]:
            with self.assertRaises(vault.models.InvalidRequestError):
                self.client().items.get_item(id=bad)
        self.assertEqual(self.a.requests, [])

    def test_a_header_value_with_crlf_is_refused_before_sending(self) -> None:
        self.a.reply(lambda r, n: Reply(200, ITEM))
        with self.assertRaises(vault.models.InvalidRequestError):
            self.client().items.get_item(id="i1", x_trace="a\r\nX-Injected: 1")
        self.assertEqual(self.a.requests, [])

    def test_each_header_is_checked_by_its_name_and_its_value(self) -> None:
        self.a.reply(lambda r, n: Reply(200, ITEM))
        for headers in [{"Bad Name": "x"}, {"X-A,B": "x"}, {"X-Ok": "caf\u0113"}]:
            with self.assertRaises(vault.models.InvalidRequestError) as caught:
                self.client().items.get_item(id="i1", http_headers=headers)
            self.assertIn(next(iter(headers)), str(caught.exception))
        self.assertEqual(self.a.requests, [])
        self.client().items.get_item(id="i1", http_headers={"X-Ok": "caf\xe9"})
        self.assertEqual(self.a.requests[0].headers.get("x-ok"), "caf\xe9")

    def test_a_credential_with_crlf_or_nul_is_refused_and_never_quoted(self) -> None:
        self.a.reply(lambda r, n: Reply(200, ITEM))
        for bad in [
            {"bearer": TOKEN + "\r\nX-Injected: yes"},
            {"api_key": KEY + "\n"},
            {"session": SESSION + "\x00"},
        ]:
            try:
                self.client(**bad).items.get_item(id="i1")
            except vault.models.InvalidRequestError as e:
                text = (
                    str(e)
                    + repr(e)
                    + "".join(traceback.format_exception(type(e), e, e.__traceback__))
                )
                for secret in (TOKEN, KEY, SESSION):
                    self.assertNotIn(secret, text)
            else:
                self.fail("expected InvalidRequestError")
        self.assertEqual(self.a.requests, [])

    def test_the_timeout_is_a_deadline_for_the_whole_attempt(self) -> None:
        # 60 bytes, one every 0.1 s: each read is quick, the response takes 6 s.
        self.a.reply(
            lambda r, n: Reply(
                200,
                raw=b'{"id": "i1", "amount": 5' + b" " * 35 + b"}",
                headers={"Content-Type": "application/json"},
                drip=0.1,
            )
        )
        started = time.monotonic()
        with self.assertRaises(vault.models.RequestTimeoutError):
            self.client(retry_config=vault.RetryConfig("none")).items.get_item(
                id="i1", timeout_ms=500
            )
        self.assertLess(time.monotonic() - started, 2.5)

    def test_a_post_whose_connection_dropped_is_retried_with_the_declared_idempotency_key(
        self,
    ) -> None:
        self.a.reply(lambda r, n: Reply(drop=True) if n == 1 else Reply(201, ITEM))
        self.client().items.create_item(id="i1")
        keys = [r.headers.get("idempotency-key") for r in self.a.requests]
        self.assertEqual(len(keys), 2)
        self.assertRegex(keys[0], UUID)
        self.assertEqual(keys[1], keys[0])

    def test_a_post_without_an_idempotency_key_is_not_replayed(self) -> None:
        self.a.reply(lambda r, n: Reply(drop=True) if n == 1 else Reply(201, ITEM))
        with self.assertRaises(vault.models.ConnectionError):
            self.client().charges.create_charge(id="c1")
        self.assertEqual(len(self.a.requests), 1)

    def test_with_idempotency_header_configured_every_post_gets_one_key(self) -> None:
        self.a.reply(lambda r, n: Reply(drop=True) if n == 1 else Reply(201, ITEM))
        self.client(vault_keyed).charges.create_charge(id="c1")
        keys = [r.headers.get("idempotency-key") for r in self.a.requests]
        self.assertRegex(keys[0], UUID)
        self.assertEqual(keys, [keys[0], keys[0]])


if __name__ == "__main__":
    unittest.main()
