"""Runs the Python usage snippets of markdown pages against a generated SDK and local servers, and
reports, per snippet, whether the SDK took the call as written. Prints one JSON line.

    python run_snippets.py SDK_SRC ENV_VAR PAGE...

Speakeasy's pages name each snippet's operation in a comment (`<!-- UsageSnippet ... method="post"
path="/actor_tokens" -->`): such a snippet passes when its call reaches the server with that method
and path. A snippet without that comment (our own pages) passes when it runs and sends exactly one
request. The servers answer every request with 200 and an empty JSON object, so an APIError raised
after the call (the test server's reply is not the declared shape) still counts: the SDK accepted
the call and sent it. Snippets run four at a time, each worker with its own server.
"""

import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(__file__))
from helpers import Reply, TestServer  # noqa: E402

BLOCK = re.compile(
    r'(?:<!-- UsageSnippet language="python" operationID="([^"]+)" method="(\w+)" path="([^"]+)" -->\s*)?```python\n(.*?)```',
    re.S,
)
RUNNER = """
import sys
from {pkg} import models
code = sys.stdin.read()
try:
    exec(compile(code, "snippet", "exec"), {{"__name__": "__main__"}})
except models.APIError:
    pass
"""
WORKERS = 4


def snippets(pages):  # type: ignore[no-untyped-def]
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        for i, (op_id, method, path, code) in enumerate(BLOCK.findall(text)):
            yield {
                "page": os.path.relpath(page, os.path.dirname(os.path.dirname(page))),
                "index": i,
                "operation": op_id,
                "method": method,
                "path": path,
                "code": code,
            }


def run(snippet, server, pkg, env, workdir):  # type: ignore[no-untyped-def]
    server.requests.clear()
    p = subprocess.run(
        [sys.executable, "-c", RUNNER.format(pkg=pkg)],
        input=snippet["code"],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    sent = [(r.method, r.path) for r in server.requests]
    if snippet["operation"]:
        pattern = (
            "^"
            + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(snippet["path"]))
            + r"(\?.*)?$"
        )
        ok = p.returncode == 0 and any(
            m == snippet["method"].upper() and re.match(pattern, q) for m, q in sent
        )
    else:
        ok = p.returncode == 0 and len(sent) == 1
    error = (
        ""
        if ok
        else (p.stderr.strip().splitlines() or ["requests sent: " + repr(sent)])[-1]
    )
    return {
        "page": snippet["page"],
        "index": snippet["index"],
        "operation": snippet["operation"],
        "ok": ok,
        "error": error[:300],
    }


def main() -> None:
    src, env_var, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    pkg = next(
        n
        for n in sorted(os.listdir(src))
        if not n.startswith(".") and os.path.isdir(os.path.join(src, n))
    )
    workdir = tempfile.mkdtemp()
    with open(os.path.join(workdir, "example.file"), "wb") as f:
        f.write(b"example file content")
    todo: "queue.Queue[dict]" = queue.Queue()
    for s in snippets(pages):
        todo.put(s)
    results = []
    lock = threading.Lock()

    def worker() -> None:
        server = TestServer()
        server.reply(lambda r, n: Reply(200, {}))
        env = dict(
            os.environ,
            PYTHONPATH=src,
            PYTHONDONTWRITEBYTECODE="1",
            **{env_var: server.url},
        )
        try:
            while True:
                try:
                    s = todo.get_nowait()
                except queue.Empty:
                    return
                r = run(s, server, pkg, env, workdir)
                with lock:
                    results.append(r)
        finally:
            server.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.sort(key=lambda r: (r["page"], r["index"]))
    print(
        json.dumps(
            {
                "passed": sum(r["ok"] for r in results),
                "total": len(results),
                "results": results,
            }
        )
    )


main()
