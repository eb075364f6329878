"""Runs the Python usage snippets of markdown pages against a generated SDK and local servers, and
reports, per snippet, whether the SDK took the call as written. Prints one JSON line.

    python run_snippets.py SDK_SRC ENV_VAR PAGE...

Speakeasy's pages name each snippet's operation in a comment (`<!-- UsageSnippet ... method="post"
path="/actor_tokens" -->`): such a snippet passes when its call reaches the server with that method
and path. A snippet without that comment (our own pages) passes when it runs and sends exactly one
request. The servers answer every request with 200 and an empty JSON object, so an APIError raised
after the call (the test server's reply is not the declared shape) still counts: the SDK accepted
the call and sent it. Snippets run four at a time, each worker with its own server and a snippet server that has
imported the SDK once.
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
# A snippet server per worker: it imports the SDK once, then runs each snippet in a fresh namespace of
# its own, so no snippet pays for starting Python and importing httpx and pydantic again (a fork per
# snippet cost more: every child copied the pages the parent's reference counts touched). One JSON
# line in (the code), one out.
SNIPPET_SERVER = """
import contextlib, io, json, signal, sys, traceback
import {pkg}
from {pkg} import models

def timeout(signum, frame):
    raise TimeoutError("the snippet ran for more than 120 s")

signal.signal(signal.SIGALRM, timeout)
for line in sys.stdin:
    code = json.loads(line)["code"]
    err = io.StringIO()
    status = 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        signal.alarm(120)
        try:
            exec(compile(code, "snippet", "exec"), {{"__name__": "__main__"}})
        except models.APIError:
            pass
        except BaseException:
            traceback.print_exc()
            status = 1
        finally:
            signal.alarm(0)
    sys.stdout.write(json.dumps({{"code": status, "stderr": err.getvalue()[-2000:]}}) + "\\n")
    sys.stdout.flush()
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


def run(snippet, server, runner):  # type: ignore[no-untyped-def]
    server.requests.clear()
    runner.stdin.write(json.dumps({"code": snippet["code"]}) + "\n")
    runner.stdin.flush()
    line = runner.stdout.readline()
    # The snippet server itself died (the SDK does not import): every snippet fails with that.
    p = (
        json.loads(line)
        if line
        else {"code": -1, "stderr": "the snippet server exited"}
    )
    sent = [(r.method, r.path) for r in server.requests]
    if snippet["operation"]:
        pattern = (
            "^"
            + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(snippet["path"]))
            + r"(\?.*)?$"
        )
        ok = p["code"] == 0 and any(
            m == snippet["method"].upper() and re.match(pattern, q) for m, q in sent
        )
    else:
        ok = p["code"] == 0 and len(sent) == 1
    error = (
        ""
        if ok
        else (p["stderr"].strip().splitlines() or ["requests sent: " + repr(sent)])[-1]
    )
    return {
        "page": snippet["page"],
        "index": snippet["index"],
        "operation": snippet["operation"],
        "ok": ok,
        "error": error[:300],
    }


def package_name(src: str) -> str:
    """The SDK's package under src: its first folder, and down through namespace packages (a folder
    without __init__.py, as `acme` of `acme.sdk`) to the one that has it."""
    parts = []
    here = src
    while True:
        here = os.path.join(
            here,
            next(
                n
                for n in sorted(os.listdir(here))
                if not n.startswith((".", "_")) and os.path.isdir(os.path.join(here, n))
            ),
        )
        parts.append(os.path.basename(here))
        if os.path.exists(os.path.join(here, "__init__.py")):
            return ".".join(parts)


def main() -> None:
    src, env_var, pages = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    pkg = package_name(src)
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
        runner = subprocess.Popen(
            [sys.executable, "-c", SNIPPET_SERVER.format(pkg=pkg)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=workdir,
            text=True,
        )
        try:
            while True:
                try:
                    s = todo.get_nowait()
                except queue.Empty:
                    return
                r = run(s, server, runner)
                with lock:
                    results.append(r)
        finally:
            runner.stdin.close()
            runner.wait()
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
