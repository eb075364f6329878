"""The generated Python SDK against a real HTTP server on 127.0.0.1: the behaviour matrix."""

import asyncio
import json
import re
import threading
import time
import unittest
from http.server import ThreadingHTTPServer

from helpers import Reply, ServerTestCase, TestServer, free_port

import pydantic

import clerk_backend_api
from clerk_backend_api import Clerk, models
from clerk_backend_api.utils import BackoffStrategy, RetryConfig

TOKEN = "sk_test_S3cr3tT0k3n"
FAST = RetryConfig("backoff", BackoffStrategy(5, 20, 1.5, 2000), True)
WIRE_TOKEN = {
    "object": "actor_token",
    "id": "act_tok_1",
    "status": "pending",
    "user_id": "user_1",
    "actor": {"sub": "user_2", "role": "support"},
    "token": "t0k",
    "url": "https://example.com/t",
    "created_at": 1609459200,
    "updated_at": 1612137600,
}
WIRE_ERRORS = {
    "errors": [
        {
            "message": "Invalid input",
            "long_message": "The input is invalid.",
            "code": "form_param_missing",
            "meta": {"param": "user_id"},
        }
    ],
    "meta": {"trace": "abc"},
}


def exposed(err: BaseException) -> str:
    """Every text an error shows: the bearer token must be in none of them."""
    import traceback

    return "\n".join(
        [
            str(err),
            repr(err),
            "".join(traceback.format_exception(type(err), err, err.__traceback__)),
        ]
    )


class SDKTest(ServerTestCase):
    def clerk(self, **kw) -> Clerk:  # type: ignore[no-untyped-def]
        kw.setdefault("bearer_auth", TOKEN)
        kw.setdefault("server_url", self.server.url + "/v1")
        kw.setdefault("retry_config", FAST)
        return Clerk(**kw)

    # --- requests on the wire ---

    def test_create_sends_snake_case_json_with_bearer_auth_and_extra_actor_keys(
        self,
    ) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        with self.clerk() as clerk:
            clerk.actor_tokens.create(
                request=clerk_backend_api.CreateActorTokenRequestBody(
                    user_id="user_1",
                    actor=clerk_backend_api.CreateActorTokenActor(
                        sub="user_2", role="support", **{"x-tag": 1}
                    ),
                    expires_in_seconds=600,
                )
            )
        (req,) = self.server.requests
        self.assertEqual(req.method, "POST")
        self.assertEqual(req.path, "/v1/actor_tokens")
        self.assertEqual(req.headers["authorization"], f"Bearer {TOKEN}")
        self.assertEqual(req.headers["content-type"], "application/json")
        self.assertRegex(
            req.headers["user-agent"],
            # The package's own version (the release step bumps it), then specsmith's and the API's.
            rf"^clerk_backend_api/{re.escape(clerk_backend_api.__version__)} \(specsmith [\d.]+; python; api 2026-05-12\)$",
        )
        self.assertEqual(
            req.json(),
            {
                "user_id": "user_1",
                "actor": {"sub": "user_2", "role": "support", "x-tag": 1},
                "expires_in_seconds": 600,
            },
        )

    def test_a_plain_dict_is_accepted_as_the_request(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        self.clerk().actor_tokens.create(
            request={"user_id": "u", "actor": {"sub": "s", "role": "r"}}
        )
        self.assertEqual(
            self.server.requests[0].json(),
            {"user_id": "u", "actor": {"sub": "s", "role": "r"}},
        )

    def test_models_validate_what_they_are_given(self) -> None:
        with self.assertRaises(TypeError):
            clerk_backend_api.CreateActorTokenActor(sub="a", **{"sub": "b"})  # type: ignore[misc]
        with self.assertRaises(pydantic.ValidationError):
            clerk_backend_api.CreateActorTokenRequestBody(user_id="u")  # type: ignore[call-arg]
        actor = clerk_backend_api.CreateActorTokenActor(sub="a", role="r")
        self.assertEqual(actor.__pydantic_extra__, {"role": "r"})
        self.assertEqual(actor.additional_properties, {"role": "r"})

    def test_revoke_percent_encodes_the_path_parameter(self) -> None:
        self.server.reply(lambda r, n: Reply(200, dict(WIRE_TOKEN, status="revoked")))
        token = self.clerk().actor_tokens.revoke(actor_token_id="act/1 ?#%é")
        self.assertEqual(token.status, models.ActorTokenStatus.REVOKED)
        self.assertEqual(
            self.server.requests[0].path,
            "/v1/actor_tokens/act%2F1%20%3F%23%25%C3%A9/revoke",
        )
        self.assertEqual(self.server.requests[0].method, "POST")

    def test_bearer_prefix_is_kept_and_a_callable_token_is_called(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        self.clerk(bearer_auth="Bearer abc").actor_tokens.revoke(actor_token_id="x")
        self.assertEqual(self.server.requests[0].headers["authorization"], "Bearer abc")
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        self.clerk(bearer_auth=lambda: "from-fn").actor_tokens.revoke(
            actor_token_id="x"
        )
        self.assertEqual(
            self.server.requests[0].headers["authorization"], "Bearer from-fn"
        )

    def test_server_url_per_call(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        self.clerk(server_url="http://127.0.0.1:1").actor_tokens.revoke(
            actor_token_id="x", server_url=self.server.url + "/v2/"
        )
        self.assertEqual(self.server.requests[0].path, "/v2/actor_tokens/x/revoke")

    # --- responses ---

    def test_200_is_decoded_into_models(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        token = self.clerk().actor_tokens.create(
            request={"user_id": "u", "actor": {"sub": "s"}}
        )
        self.assertIsInstance(token, models.ActorToken)
        self.assertEqual(token.id, "act_tok_1")
        self.assertEqual(token.user_id, "user_1")
        self.assertEqual(token.object, models.ActorTokenObject.ACTOR_TOKEN)
        self.assertEqual(token.actor, {"sub": "user_2", "role": "support"})
        self.assertEqual(token.created_at, 1609459200)
        self.assertEqual(token.token, "t0k")

    def test_declared_error_responses_raise_clerk_errors(self) -> None:
        for op, status in [
            ("create", 400),
            ("create", 402),
            ("create", 422),
            ("revoke", 400),
            ("revoke", 404),
        ]:
            with self.subTest(op=op, status=status):
                self.server.reply(
                    lambda r, n, s=status: Reply(s, WIRE_ERRORS, {"X-Request-Id": "r1"})
                )
                clerk = self.clerk()
                call = (
                    (
                        lambda: clerk.actor_tokens.create(
                            request={"user_id": "u", "actor": {"sub": "s"}}
                        )
                    )
                    if op == "create"
                    else (lambda: clerk.actor_tokens.revoke(actor_token_id="x"))
                )
                with self.assertRaises(models.ClerkErrors) as ctx:
                    call()
                e = ctx.exception
                self.assertIsInstance(e, models.APIError)
                self.assertEqual(e.status_code, status)
                self.assertEqual(e.headers["x-request-id"], "r1")
                self.assertIsInstance(e.data, models.ClerkErrorsData)
                self.assertEqual(e.data.errors[0].long_message, "The input is invalid.")
                self.assertEqual(e.data.errors[0].meta, {"param": "user_id"})
                self.assertEqual(e.data.meta, {"trace": "abc"})
                self.assertEqual(e.raw_response.status_code, status)
                self.assertIn(f"Status {status}", str(e))
                self.assertNotIn(TOKEN, exposed(e))

    def test_speakeasy_base_error_name_catches_every_http_error(self) -> None:
        # spec/specsmith.yaml sets baseErrorName: ClerkBaseError, as Clerk's gen.yaml does; the
        # error-handling example of Speakeasy's README (except models.ClerkBaseError) works unchanged.
        self.assertIs(models.ClerkBaseError, models.APIError)
        self.server.reply(lambda r, n: Reply(422, WIRE_ERRORS))
        clerk = self.clerk()
        try:
            clerk.actor_tokens.create(request={"user_id": "u", "actor": {"sub": "s"}})
            self.fail("no error raised")
        except models.ClerkBaseError as e:
            self.assertEqual((e.status_code, e.raw_response.status_code), (422, 422))
            self.assertIsInstance(e.message, str)
            self.assertIsInstance(e, models.ClerkErrors)
            assert isinstance(e, models.ClerkErrors)
            self.assertEqual(e.data.errors[0].long_message, "The input is invalid.")
        self.server.reply(
            lambda r, n: Reply(
                418, raw=b"teapot", headers={"Content-Type": "text/plain"}
            )
        )
        with self.assertRaises(models.ClerkBaseError) as ctx:
            clerk.actor_tokens.revoke(actor_token_id="x")
        self.assertIsInstance(ctx.exception, models.SDKError)

    def test_other_responses_raise_sdk_error(self) -> None:
        cases = [
            ("create", 404, "application/json", b"{}"),
            ("revoke", 409, "application/json", b"{}"),
            ("create", 400, "text/html", b"<h1>no</h1>"),
            ("revoke", 500, "text/plain", b"boom"),
        ]
        for op, status, ctype, body in cases:
            with self.subTest(op=op, status=status, ctype=ctype):
                self.server.reply(
                    lambda r, n, s=status, c=ctype, b=body: Reply(
                        s, raw=b, headers={"Content-Type": c}
                    )
                )
                clerk = self.clerk(retry_config=RetryConfig("none"))
                call = (
                    (
                        lambda: clerk.actor_tokens.create(
                            request={"user_id": "u", "actor": {"sub": "s"}}
                        )
                    )
                    if op == "create"
                    else (lambda: clerk.actor_tokens.revoke(actor_token_id="x"))
                )
                with self.assertRaises(models.SDKError) as ctx:
                    call()
                self.assertEqual(ctx.exception.status_code, status)
                self.assertEqual(ctx.exception.body, body.decode())
                self.assertTrue(
                    str(ctx.exception).startswith(
                        f"API error occurred: Status {status} Content-Type {ctype}"
                    )
                )
                self.assertNotIn(TOKEN, exposed(ctx.exception))

    def test_json_that_pydantics_reader_refuses_is_read_as_python_reads_it(
        self,
    ) -> None:
        # pydantic reads a body itself, but stops at 200 levels of nesting and at a byte order
        # mark; json.loads takes both.
        deep: dict = {"sub": "u"}
        for _ in range(300):
            deep = {"k": deep}
        text = json.dumps(dict(WIRE_TOKEN, actor=deep)).encode()
        for raw in [text, b"\xef\xbb\xbf" + text]:
            self.server.reply(
                lambda r, n: Reply(
                    200, raw=raw, headers={"Content-Type": "application/json"}
                )
            )
            self.assertEqual(
                self.clerk().actor_tokens.revoke(actor_token_id="x").actor, deep
            )

    def test_a_body_that_is_not_json_or_not_the_declared_shape_is_an_sdk_error(
        self,
    ) -> None:
        self.server.reply(
            lambda r, n: Reply(
                200, raw=b"{not json", headers={"Content-Type": "application/json"}
            )
        )
        with self.assertRaisesRegex(
            models.SDKError, r"^Response body is not valid JSON: Status 200"
        ):
            self.clerk().actor_tokens.revoke(actor_token_id="x")
        self.server.reply(lambda r, n: Reply(400, {"errors": "nope"}))
        with self.assertRaisesRegex(
            models.ResponseValidationError,
            r"^Response body does not match the API description: Status 400",
        ) as ctx:
            self.clerk().actor_tokens.revoke(actor_token_id="x")
        self.assertIsInstance(ctx.exception, models.SDKError)
        self.assertIsInstance(ctx.exception.cause, pydantic.ValidationError)
        self.assertEqual(ctx.exception.raw_response.status_code, 400)
        # A string where an int belongs is not let through.
        self.server.reply(
            lambda r, n: Reply(200, dict(WIRE_TOKEN, created_at="yesterday"))
        )
        with self.assertRaises(models.ResponseValidationError):
            self.clerk().actor_tokens.revoke(actor_token_id="x")

    # --- retries ---

    def test_5xx_is_retried_then_succeeds(self) -> None:
        self.server.reply(
            lambda r, n: (
                Reply(503 if n == 1 else 500, {}) if n < 3 else Reply(200, WIRE_TOKEN)
            )
        )
        self.assertEqual(
            self.clerk().actor_tokens.revoke(actor_token_id="x").id, "act_tok_1"
        )
        self.assertEqual(len(self.server.requests), 3)

    def test_4xx_is_not_retried(self) -> None:
        self.server.reply(lambda r, n: Reply(400, WIRE_ERRORS))
        with self.assertRaises(models.ClerkErrors):
            self.clerk().actor_tokens.revoke(actor_token_id="x")
        self.assertEqual(len(self.server.requests), 1)

    def test_retry_after_is_honoured(self) -> None:
        self.server.reply(
            lambda r, n: (
                Reply(503, {}, {"Retry-After": "1"})
                if n == 1
                else Reply(200, WIRE_TOKEN)
            )
        )
        clerk = self.clerk(
            retry_config=RetryConfig(
                "backoff", BackoffStrategy(1, 5000, 1, 10000), True
            )
        )
        clerk.actor_tokens.revoke(actor_token_id="x")
        first, second = self.server.requests
        self.assertGreaterEqual(second.at - first.at, 0.95)

    def test_negative_retry_after_leaves_the_wait_to_the_backoff(self) -> None:
        # The first call answers at once: the SDK's models load on it, which on a busy machine took
        # more than the whole retry budget of the call measured after it.
        self.server.reply(
            lambda r, n: (
                Reply(200, WIRE_TOKEN)
                if n == 1
                else Reply(503, {}, {"Retry-After": "-5"})
            )
        )
        clerk = self.clerk(
            retry_config=RetryConfig(
                "backoff", BackoffStrategy(100, 200, 1, 1000), True
            )
        )
        clerk.actor_tokens.revoke(actor_token_id="x")
        with self.assertRaises(models.SDKError):
            clerk.actor_tokens.revoke(actor_token_id="x")
        # About 1000 / (100 ± 25 %) attempts; a Retry-After read as 0 ms made it dozens.
        attempts = len(self.server.requests) - 1
        self.assertGreaterEqual(attempts, 3)
        self.assertLessEqual(attempts, 15)

    def test_huge_retry_after_is_no_overflow(self) -> None:
        self.server.reply(
            lambda r, n: (
                Reply(503, {}, {"Retry-After": "1e999"})
                if n == 1
                else Reply(200, WIRE_TOKEN)
            )
        )
        clerk = self.clerk(
            retry_config=RetryConfig("backoff", BackoffStrategy(1, 50, 1, 1000), True)
        )
        clerk.actor_tokens.revoke(actor_token_id="x")
        self.assertEqual(len(self.server.requests), 2)

    def test_json_nested_too_deep_is_a_response_validation_error(self) -> None:
        deep = "[" * 100_000 + "]" * 100_000
        self.server.reply(
            lambda r, n: Reply(
                200, None, {"Content-Type": "application/json"}, raw=deep.encode()
            )
        )
        with self.assertRaises(models.ResponseValidationError):
            self.clerk().actor_tokens.revoke(actor_token_id="x")

    def test_strategy_none_per_call_disables_retries(self) -> None:
        self.server.reply(lambda r, n: Reply(503, {}))
        with self.assertRaises(models.SDKError):
            self.clerk().actor_tokens.revoke(
                actor_token_id="x", retries=RetryConfig("none")
            )
        self.assertEqual(len(self.server.requests), 1)

    def test_the_spec_policy_is_the_default(self) -> None:
        self.server.reply(
            lambda r, n: (
                Reply(500, {}, {"Retry-After": "0"})
                if n == 1
                else Reply(200, WIRE_TOKEN)
            )
        )
        Clerk(bearer_auth=TOKEN, server_url=self.server.url).actor_tokens.revoke(
            actor_token_id="x"
        )
        self.assertEqual(len(self.server.requests), 2)

    def test_connection_refused_is_retried_until_the_server_is_up(self) -> None:
        port = free_port()
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))

        def serve() -> None:
            # Nothing listens on the port for 200 ms: the first attempts are refused.
            time.sleep(0.2)
            srv = ThreadingHTTPServer(
                ("127.0.0.1", port), self.server.httpd.RequestHandlerClass
            )
            srv.timeout = 0.1
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not self.server.requests:
                srv.handle_request()
            srv.server_close()

        t = threading.Thread(target=serve, daemon=True)
        t.start()
        clerk = Clerk(
            bearer_auth=TOKEN,
            server_url=f"http://127.0.0.1:{port}",
            retry_config=RetryConfig(
                "backoff", BackoffStrategy(20, 50, 1.2, 5000), True
            ),
        )
        self.assertEqual(clerk.actor_tokens.revoke(actor_token_id="x").id, "act_tok_1")
        t.join(5)

    def test_connection_refused_without_retries_is_a_connection_error(self) -> None:
        # A retry would first wait the policy's 20 s: a call back well before that was not retried
        # (a bound of 1 s against a 1 s wait failed once on a loaded CI machine, at 1.004 s).
        clerk = Clerk(
            bearer_auth=TOKEN,
            server_url=f"http://127.0.0.1:{free_port()}",
            retry_config=RetryConfig(
                "backoff", BackoffStrategy(20000, 20000, 1, 30000), False
            ),
        )
        started = time.monotonic()
        with self.assertRaises(models.ConnectionError) as ctx:
            clerk.actor_tokens.revoke(actor_token_id="x")
        self.assertLess(time.monotonic() - started, 5)
        self.assertIsInstance(ctx.exception, ConnectionError)  # the built-in one, too
        self.assertNotIn(TOKEN, exposed(ctx.exception))

    # --- timeouts ---

    def test_timeout_ms_raises_request_timeout_error(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN, delay=1))
        with self.assertRaises(models.RequestTimeoutError) as ctx:
            self.clerk().actor_tokens.revoke(actor_token_id="x", timeout_ms=100)
        self.assertIsInstance(ctx.exception, TimeoutError)
        self.assertIn("timed out after 100 ms", str(ctx.exception))
        self.assertNotIn(TOKEN, exposed(ctx.exception))
        with self.assertRaises(models.RequestTimeoutError):
            self.clerk(timeout_ms=100).actor_tokens.revoke(actor_token_id="x")

    # --- async ---

    def test_async_methods(self) -> None:
        self.server.reply(lambda r, n: Reply(200, WIRE_TOKEN))

        async def main() -> None:
            async with self.clerk() as clerk:
                a, b = await asyncio.gather(
                    clerk.actor_tokens.create_async(
                        request={"user_id": "u", "actor": {"sub": "s"}}
                    ),
                    clerk.actor_tokens.revoke_async(actor_token_id="y"),
                )
                self.assertEqual(a.id, "act_tok_1")
                self.assertEqual(b.id, "act_tok_1")

        asyncio.run(main())
        self.assertEqual(
            sorted(r.path for r in self.server.requests),
            ["/v1/actor_tokens", "/v1/actor_tokens/y/revoke"],
        )


if __name__ == "__main__":
    unittest.main()
