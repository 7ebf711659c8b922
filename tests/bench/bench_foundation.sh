#!/usr/bin/env bash
# Foundation benchmarks (issue 2): import of 1 000 000 entries (time, peak
# memory), streaming `juste entries --format csv` (memory stays flat), and
# `juste log` of one entry into the 1 000 000-entry database.
# usage: tests/bench/bench_foundation.sh [JUSTE]   (an optimised build: build/juste)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=$(realpath "${1:-$here/../../build/juste}")
db=/tmp/juste-bench.db
echo "== import (builds $db)"
python3 "$here/make_bench_db.py" "$juste" "$db" 1000000

echo "== entries --format csv: peak memory stays flat (bounded by the 32 MB page cache)"
python3 - "$juste" "$db" <<'PY'
import os, subprocess, sys, time
juste, db = sys.argv[1], sys.argv[2]
for rows in ("--to=2010-03-31", "--to=2014-12-31", ""):
    args = [juste, "--db", db, "entries", "--format", "csv"] + ([rows] if rows else [])
    t = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.PIPE)
    n = sum(1 for _ in p.stdout)
    _, status, ru = os.wait4(p.pid, 0)
    print(f"{n - 1:>8} rows: {time.monotonic() - t:5.1f} s, peak memory {ru.ru_maxrss / 1024:.0f} MB")
PY

echo "== juste log of one entry into the 1 000 000-entry database (20 runs)"
python3 - "$juste" "$db" <<'PY'
import subprocess, sys, time
juste, db = sys.argv[1], sys.argv[2]
times = []
for i in range(20):
    t = time.monotonic()
    subprocess.run([juste, "--db", db, "--as", "x01", "log", "--date", "2019-08-%02d" % (5 + i % 5), "15m", "B-00001", "bench"],
                   check=True, stdout=subprocess.DEVNULL)
    times.append((time.monotonic() - t) * 1000)
times.sort()
print(f"median {times[len(times)//2]:.1f} ms, max {times[-1]:.1f} ms")
PY
