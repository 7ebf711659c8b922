#!/usr/bin/env bash
# Rates benchmarks (issue 3): pricing every entry of the 1 000 000-entry
# benchmark database (target: under 3 s), `juste entries --priced` over all
# of it, and `juste rate explain` (target: under 20 ms).
# usage: [BENCH_DB=/tmp/juste-bench.db] tests/bench/bench_rates.sh [JUSTE]   (an optimised build: build/juste)
#
# Works on a copy of the benchmark database (made by make_bench_db.sh) with
# the sample table 2019-04-01 imported as valid from 2009-01-01, 40
# negotiated rates per organisation and service and 40 per mandate, so that
# every rule of the resolution is exercised.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=$(realpath "${1:-$here/../../build/juste}")
src=$("$here/make_bench_db.sh" "$juste" "${BENCH_DB:-/tmp/juste-bench.db}")
db=/tmp/juste-bench-rates.db
tmp=$(mktemp -d /tmp/juste-bench-rates.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$src" ".backup '$db'"

sed 's/^2019-04-01,/2009-01-01,/' "$here/../fixtures/rates/table-2019-04-01.csv" > "$tmp/table.csv"
"$juste" --db "$db" rate import "$tmp/table.csv" --name "Banc d'essai" >/dev/null
for i in $(seq 0 39); do
  "$juste" --db "$db" rate negotiate --org "$(printf 'MB%03d' "$i")" --service FIN --rate 91.50 \
    --from 2011-01-01 --to 2014-12-31 >/dev/null
  "$juste" --db "$db" rate negotiate --mandate "$(printf 'B-%05d' $((i * 7 + 1)))" --rate 97.25 \
    --from 2012-06-01 >/dev/null
done

echo "== rate check over the whole database: prices every hourly entry"
python3 - "$juste" "$db" <<'PY'
import subprocess, sys, time
juste, db = sys.argv[1], sys.argv[2]
best = None
for _ in range(3):
    t = time.monotonic()
    p = subprocess.run([juste, "--db", db, "rate", "check"], capture_output=True, text=True)
    dt = time.monotonic() - t
    if p.returncode != 0:
        sys.exit("rate check failed: " + p.stderr + p.stdout[-500:])
    best = dt if best is None else min(best, dt)
print(p.stdout.strip().splitlines()[-1])
print(f"rate check: best of 3 {best:.2f} s (target < 3 s)")
PY

echo "== entries --priced --format csv over the whole database"
python3 - "$juste" "$db" <<'PY'
import os, subprocess, sys, time
juste, db = sys.argv[1], sys.argv[2]
t = time.monotonic()
p = subprocess.Popen([juste, "--db", db, "entries", "--priced", "--format", "csv"], stdout=subprocess.PIPE)
n = sum(1 for _ in p.stdout)
_, status, ru = os.wait4(p.pid, 0)
print(f"{n - 1} rows priced and written: {time.monotonic() - t:.2f} s, peak memory {ru.ru_maxrss / 1024:.0f} MB")
PY

echo "== rate explain (50 runs; process start included)"
# perf stat measures the process itself; a Python loop would add the cost
# of spawning from Python (5-10 ms on a busy machine) to every run.
if command -v perf >/dev/null && perf stat -r 1 true >/dev/null 2>&1; then
  for what in "--version" "rate explain --mandate B-00008 --date 2013-03-15"; do
    # shellcheck disable=SC2086
    ms=$(perf stat -r 50 "$juste" --db "$db" $what 2>&1 >/dev/null | awk '/seconds time elapsed/ {printf "%.1f", $1 * 1000}')
    echo "juste $what: mean $ms ms"
  done
  echo "(target for rate explain < 20 ms)"
else
  python3 - "$juste" "$db" <<'PY'
import subprocess, sys, time
juste, db = sys.argv[1], sys.argv[2]
times = []
for i in range(50):
    t = time.monotonic()
    subprocess.run([juste, "--db", db, "rate", "explain", "--mandate", "B-%05d" % (1 + 7 * (i % 40)),
                    "--date", "2013-0%d-15" % (1 + i % 9)], check=True, stdout=subprocess.DEVNULL)
    times.append((time.monotonic() - t) * 1000)
times.sort()
print(f"rate explain: median {times[len(times) // 2]:.1f} ms, max {times[-1]:.1f} ms (target < 20 ms)")
PY
fi
