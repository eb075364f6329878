"""The download row's Python side: streams a file through a generated SDK to disk and prints how much
the process's peak RSS grew, in MB. Usage: download.py SERVER_URL OUT_FILE (SDK `streams` on sys.path)."""

import json
import resource
import sys
import time

from streams import SDK

url, out = sys.argv[1], sys.argv[2]
sdk = SDK(api_key="k", server_url=url)
sdk.files.download_file(name="small.bin").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
res = sdk.files.download_file(name="big.bin")
size = 0
try:
    with open(out, "wb") as f:
        for chunk in res.iter_bytes():
            size += f.write(chunk)
finally:
    res.close()
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"size": size, "peakAboveMB": grown, "ms": (time.monotonic() - started) * 1000}))
