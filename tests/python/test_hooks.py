"""Hooks over real HTTP on 127.0.0.1: the SDK in SPECSMITH_HOOKS_SDK was generated with the user's
registration.py (hooks_registration.py) already in place, which generation kept. Before-request hooks
run on every attempt, retries too; after-error hooks see each failed attempt and can replace the
error; after-success hooks see the final response; SDK-init hooks run once per SDK object."""

import asyncio
import importlib
import os
import sys
import unittest

from helpers import Reply, ServerTestCase, free_port

if "SPECSMITH_HOOKS_SDK" in os.environ:
    sys.path.insert(0, os.environ["SPECSMITH_HOOKS_SDK"])
    hooked = importlib.import_module("hooked")
    registration = importlib.import_module("hooked._hooks.registration")
    from hooked.utils import BackoffStrategy, RetryConfig

    FAST = RetryConfig("backoff", BackoffStrategy(5, 20, 1.5, 2000), True)

TOKEN = {
    "object": "actor_token",
    "id": "act_1",
    "status": "revoked",
    "user_id": "user_1",
    "actor": {"sub": "u"},
    "created_at": 1,
    "updated_at": 2,
}
ERRORS = {
    "errors": [
        {
            "message": "Not found",
            "long_message": "Not found.",
            "code": "resource_not_found",
        }
    ]
}


@unittest.skipUnless(
    "SPECSMITH_HOOKS_SDK" in os.environ,
    "run by tests/python-target.test.ts, which generates the SDK",
)
class HooksTest(ServerTestCase):
    def setUp(self) -> None:
        registration.CALLS.clear()

    def sdk(self) -> "hooked.Clerk":
        return hooked.Clerk(
            bearer_auth="sk_test_1", server_url=self.server.url, retry_config=FAST
        )

    def test_before_request_runs_on_every_attempt_and_the_rest_once_each(self) -> None:
        self.server.reply(
            lambda req, n: Reply(503, {}) if n == 1 else Reply(200, TOKEN)
        )
        with self.sdk() as clerk:
            token = clerk.actor_tokens.revoke(actor_token_id="act_1")
        self.assertEqual(token.id, "act_1")
        self.assertEqual(
            [r.headers.get("clerk-api-version") for r in self.server.requests],
            ["2025-11-10", "2025-11-10"],
        )
        before = ("before", "RevokeActorToken", self.server.url, "sk_test_1")
        self.assertEqual(
            registration.CALLS,
            [
                ("init", self.server.url),
                before,
                ("error", 503),
                before,
                ("success", 200),
            ],
        )

    def test_an_after_error_hook_replaces_the_error(self) -> None:
        self.server.reply(lambda req, n: Reply(404, ERRORS))
        with self.sdk() as clerk:
            with self.assertRaises(registration.TokenNotFound) as caught:
                clerk.actor_tokens.revoke(actor_token_id="act_404")
        self.assertEqual(str(caught.exception), "RevokeActorToken: no such token")
        self.assertNotIn(("success", 404), registration.CALLS)

    def test_an_error_the_hook_passes_on_is_raised_as_it_was(self) -> None:
        self.server.reply(lambda req, n: Reply(400, ERRORS))
        with self.sdk() as clerk:
            with self.assertRaises(hooked.models.ClerkErrors):
                clerk.actor_tokens.revoke(actor_token_id="act_1")
        self.assertEqual(registration.CALLS[-1], ("error", 400))

    def test_after_error_sees_a_call_that_got_no_response(self) -> None:
        with hooked.Clerk(
            bearer_auth="sk_test_1", server_url=f"http://127.0.0.1:{free_port()}"
        ) as clerk:
            with self.assertRaises(hooked.models.ConnectionError):
                clerk.actor_tokens.revoke(
                    actor_token_id="act_1", retries=RetryConfig("none")
                )
        self.assertEqual(registration.CALLS[-1], ("error", "ConnectionError"))

    def test_the_async_methods_run_the_same_hooks(self) -> None:
        self.server.reply(
            lambda req, n: Reply(503, {}) if n == 1 else Reply(200, TOKEN)
        )

        async def run() -> None:
            async with self.sdk() as clerk:
                await clerk.actor_tokens.revoke_async(actor_token_id="act_1")

        asyncio.run(run())
        self.assertEqual(
            [c[0] for c in registration.CALLS],
            ["init", "before", "error", "before", "success"],
        )
        self.assertEqual(
            self.server.requests[-1].headers.get("clerk-api-version"), "2025-11-10"
        )


if __name__ == "__main__":
    unittest.main()
