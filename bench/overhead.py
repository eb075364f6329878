"""Per-call cost of the generated Python SDK over a bare httpx.Client doing the same request (same URL,
method, headers and JSON body; parses the JSON reply), 100 sequential calls a block, blocks
alternating so drift hits both. Then the import time of a Python SDK in a fresh interpreter.

    python overhead.py SDK_SRC PORT BLOCKS FULL_SDK_SRC
Prints one JSON line: ms per 100 calls (median block) for each side, the median of the blocks'
SDK/bare ratios, and the import time in ms.
"""

import json
import statistics
import subprocess
import sys
import time

src, port, blocks, full_src = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, src)
import httpx  # noqa: E402

from clerk_backend_api import Clerk, RetryConfig  # noqa: E402

base = f"http://127.0.0.1:{port}"
wire = {"user_id": "user_2V7JJKmoA9HqzHhfMqK5cpgLl56", "actor": {"sub": "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb"}, "expires_in_seconds": 3600}
bare_client = httpx.Client()
headers = {"authorization": "Bearer sk_test_bench", "content-type": "application/json", "accept": "application/json"}


def bare() -> None:
    res = bare_client.post(f"{base}/actor_tokens", headers=headers, content=json.dumps(wire))
    assert res.status_code == 200 and res.json()["id"]


sdk_client = Clerk(bearer_auth="sk_test_bench", server_url=base, retry_config=RetryConfig("none"))


def sdk() -> None:
    assert sdk_client.actor_tokens.create(request=wire).id


def block(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(100):
        fn()
    return (time.perf_counter() - start) * 1000


block(bare)
block(sdk)
bare_ms, sdk_ms = [], []
# The pairs alternate their order too (ABBA): whichever side runs second in a pair was measured
# a few per cent slower, identical code on both sides included.
for b in range(blocks):
    if b % 2 == 0:
        bare_ms.append(block(bare))
        sdk_ms.append(block(sdk))
    else:
        sdk_ms.append(block(sdk))
        bare_ms.append(block(bare))

imports = []
for _ in range(5):
    code = "import time; t = time.perf_counter(); import clerk_backend_api; print((time.perf_counter() - t) * 1000)"
    out = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": full_src}, capture_output=True, text=True, check=True)
    imports.append(float(out.stdout))
# The overhead is the median of each pair's ratio: a burst of load elsewhere moves one pair, not the result.
ratio = statistics.median(s / b for b, s in zip(bare_ms, sdk_ms))
print(json.dumps({"bareMs": statistics.median(bare_ms), "sdkMs": statistics.median(sdk_ms), "ratio": ratio, "importMs": statistics.median(imports)}))
