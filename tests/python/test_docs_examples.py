"""Every Python code block in the generated docs runs as written against a local server.

The examples keep the SDK's default server; the CLERK_SERVER_URL environment variable (documented in
the SDK's README) points it at the test server. Each block's request is checked on the wire.
"""

import glob
import json
import os
import re
import subprocess
import sys
import unittest

from helpers import ROOT, SDK_SRC, Reply, TestServer

DOCS = os.path.join(ROOT, "generated", "python")
WIRE_TOKEN = {
    "object": "actor_token",
    "id": "act_tok_abcdefghijk",
    "status": "pending",
    "user_id": "user_1a2b3c",
    "actor": {"sub": "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb"},
    "created_at": 1609459200,
    "updated_at": 1612137600,
}

# What each operation's documented example must send, from the spec's examples.
EXPECTED = {
    "create": (
        "POST",
        "/v1/actor_tokens",
        {
            "user_id": "user_1a2b3c",
            "actor": {"sub": "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb"},
        },
    ),
    "revoke": ("POST", "/v1/actor_tokens/act_tok_abcdefghijk/revoke", None),
}


def blocks():  # type: ignore[no-untyped-def]
    pages = sorted(glob.glob(os.path.join(DOCS, "**", "*.md"), recursive=True))
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        for i, m in enumerate(re.finditer(r"```python\n(.*?)```", text, re.S)):
            yield os.path.relpath(page, DOCS), i, m.group(1)


class DocsExamplesTest(unittest.TestCase):
    def test_every_python_block_runs_and_sends_what_the_spec_says(self) -> None:
        server = TestServer()
        server.reply(lambda r, n: Reply(200, WIRE_TOKEN))
        env = dict(os.environ, PYTHONPATH=SDK_SRC, CLERK_SERVER_URL=server.url + "/v1")
        ran = 0
        try:
            for page, i, code in blocks():
                with self.subTest(page=page, block=i):
                    server.requests.clear()
                    p = subprocess.run(
                        [sys.executable, "-c", code],
                        env=env,
                        capture_output=True,
                        text=True,
                        timeout=30,
                    )
                    self.assertEqual(p.returncode, 0, p.stderr)
                    ran += 1
                    calls = re.findall(r"\.actor_tokens\.(\w+)\(", code)
                    self.assertEqual(len(server.requests), len(calls))
                    for call, req in zip(calls, server.requests):
                        method, path, body = EXPECTED[call.replace("_async", "")]
                        self.assertEqual((req.method, req.path), (method, path))
                        self.assertEqual(
                            req.headers["authorization"],
                            "Bearer <YOUR_BEARER_TOKEN_HERE>",
                        )
                        if body is None:
                            self.assertEqual(req.body, b"")
                        else:
                            self.assertEqual(
                                req.headers["content-type"], "application/json"
                            )
                            self.assertEqual(json.loads(req.body), body)
                    if calls:
                        self.assertIn("id='act_tok_abcdefghijk'", p.stdout)
        finally:
            server.close()
        self.assertGreaterEqual(ran, 3)


if __name__ == "__main__":
    unittest.main()
