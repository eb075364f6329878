"""Runs one command as a child process; prints its wall time (s) and peak RSS (KB) as JSON.

Node cannot read a child's rusage, so the benchmark launches every measured process through this:
RUSAGE_CHILDREN's ru_maxrss is the peak resident set of the (only) child, in kilobytes on Linux.
"""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rssKB": peak, "code": proc.returncode, "stderr": proc.stderr.decode("utf8", "replace")[-2000:]}))
