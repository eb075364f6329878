"""Runs the Python usage snippets of markdown pages against a generated SDK and a local server, and
reports, per snippet, whether the SDK took the call as written and sent the request the page's
UsageSnippet comment names (method and path). Prints one JSON line.

    python run_snippets.py SDK_SRC ENV_VAR PAGE...

A snippet passes when its call reaches the server with that method and path. The server answers
every request with 200 and an empty JSON object, so a ResponseValidationError raised after the call
(the test server's reply is not the declared shape) still counts: the SDK accepted the call.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from helpers import Reply, TestServer  # noqa: E402

SNIPPET = re.compile(r'<!-- UsageSnippet language="python" operationID="([^"]+)" method="(\w+)" path="([^"]+)" -->\s*```python\n(.*?)```', re.S)
RUNNER = """
import sys
from {pkg} import models
code = sys.stdin.read()
try:
    exec(compile(code, "snippet", "exec"), {{"__name__": "__main__"}})
except models.APIError:
    pass
"""


def main() -> None:
    src, env_var, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    pkg = next(n for n in os.listdir(src) if not n.startswith("."))
    server = TestServer()
    server.reply(lambda r, n: Reply(200, {}))
    results = []
    workdir = tempfile.mkdtemp()
    with open(os.path.join(workdir, "example.file"), "wb") as f:
        f.write(b"example file content")
    env = dict(os.environ, PYTHONPATH=src, PYTHONDONTWRITEBYTECODE="1", **{env_var: server.url})
    for page in pages:
        text = open(page, encoding="utf-8").read()
        for op_id, method, path, code in SNIPPET.findall(text):
            server.requests.clear()
            p = subprocess.run([sys.executable, "-c", RUNNER.format(pkg=pkg)], input=code, env=env, cwd=workdir, capture_output=True, text=True, timeout=60)
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + r"(\?.*)?$"
            sent = [(r.method, r.path) for r in server.requests]
            ok = p.returncode == 0 and any(m == method.upper() and re.match(pattern, q) for m, q in sent)
            error = "" if ok else (p.stderr.strip().splitlines() or ["no request sent: " + repr(sent)])[-1]
            results.append({"page": os.path.basename(os.path.dirname(page)), "operation": op_id, "ok": ok, "error": error[:300]})
    server.close()
    print(json.dumps({"passed": sum(r["ok"] for r in results), "total": len(results), "results": results}))


main()
