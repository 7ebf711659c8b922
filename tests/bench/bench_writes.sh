#!/usr/bin/env bash
# Saving time (issue 18): one `juste log` against a raw INSERT in its own
# transaction in the sqlite3 shell, fifty writers at once, and a steady 100
# saves a second; an earlier juste, the working tree and sqlite3 in turn
# (A B C A B C …), process start included everywhere.
#
# The reference is the sqlite3 shell on a copy of the same database whose
# triggers (audit, monthly sums, the 24 h rule…) do the same work: the
# functions juste gives SQLite (juste_actor(), juste_as(), juste_bulk())
# are replaced by constants in that copy, so the shell's INSERT pays for
# every trigger juste's does.  Same synchronous=FULL, WAL, BEGIN IMMEDIATE;
# the shell's herd waits with `.timeout 30000` (SQLite's own busy handler).
#
# usage: tests/bench/bench_writes.sh [BASE_REV] [SPAN_DB]
#        BASE_REV default 087e46f; SPAN_DB default /tmp/juste-span-100000.db
#        (make_span_db.py, made when missing).  RUNS (default 30) single saves each,
#        ROUNDS (default 2) herds each.
# Targets: log ≤ 1.5× the raw INSERT; herd of 50 × 20: nothing lost, p99 ≤ 1.1×
# sqlite3's; steady 100 saves/s: p99 ≤ 50 ms.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
base=${1:-087e46f}
span=${2:-/tmp/juste-span-100000.db}
work=$(mktemp -d /tmp/juste-bench-writes.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== building $base and the working tree (release)"
mkdir "$work/base-src"
git -C "$src" archive "$base" | tar -x -C "$work/base-src"
meson setup "$work/base" "$work/base-src" -Dbuildtype=release >/dev/null
ninja -C "$work/base" juste >/dev/null
meson setup "$work/new" "$src" -Dbuildtype=release >/dev/null
ninja -C "$work/new" juste >/dev/null
[ -f "$span" ] || python3 "$here/make_span_db.py" "$work/new/juste" "$span" 100000
for w in base new ref; do sqlite3 "$span" ".backup '$work/$w.db'"; done
# (any write opening migrates; check also says the centre still has the example identity)
"$work/new/juste" --db "$work/new.db" check >/dev/null || true
"$work/base/juste" --db "$work/base.db" check >/dev/null || true
python3 - "$work/ref.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%juste\\_%(%' ESCAPE '\\'").fetchall()
for name, sql in rows:
    c.execute(f"DROP TRIGGER {name}")
    c.execute(sql.replace("juste_bulk()", "0").replace("juste_actor()", "'bench'").replace("juste_as()", "NULL"))
c.commit()
PY
echo "== $(sqlite3 "$span" 'select count(*) from entries') entries; load $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

python3 - "$work" "${RUNS:-30}" "${ROUNDS:-2}" <<'PY'
import os, statistics, subprocess, sys, threading, time
work, runs, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base, new = f"{work}/base/juste", f"{work}/new/juste"
INSERT = ("PRAGMA synchronous = FULL; BEGIN IMMEDIATE; INSERT INTO entries(uuid, expert_id, mandate_id, work_date, minutes, note) "
          "VALUES (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-7' || substr(lower(hex(randomblob(2))), 2) || '-8' "
          "|| substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), "
          "(SELECT id FROM experts WHERE login = '{login}'), (SELECT id FROM mandates WHERE code = 'B-0001'), '{day}', 1, 'bench'); COMMIT;")

def save(who, login, day):
    t = time.monotonic()
    if who == "sqlite3":
        p = subprocess.run(["sqlite3", "-cmd", ".timeout 30000", f"{work}/ref.db"],
                           input=INSERT.format(login=login, day=day).encode(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    else:
        binary, db = (base, f"{work}/base.db") if who == "before" else (new, f"{work}/new.db")
        p = subprocess.run([binary, "--db", db, "--as", login, "log", "--date", day, "1m", "B-0001", "bench"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return (time.monotonic() - t) * 1000, p.returncode == 0

def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]

whos = ["before", "now", "sqlite3"]
# 1. one save at a time
t = {w: [] for w in whos + ["--version"]}
for r in range(runs):
    day = "2024-06-%02d" % (3 + r % 4)
    for w in whos:
        ms, ok = save(w, "x01", day)
        assert ok, w
        t[w].append(ms)
    s = time.monotonic(); subprocess.run([new, "--version"], stdout=subprocess.DEVNULL); t["--version"].append((time.monotonic() - s) * 1000)
print(f"-- one save, {runs} rounds (median / min)")
for w in whos + ["--version"]:
    label = {"before": "juste log (before)", "now": "juste log (now)", "sqlite3": "sqlite3 INSERT", "--version": "juste --version (now)"}[w]
    print(f"   {label:22} {statistics.median(t[w]):7.2f} / {min(t[w]):6.2f} ms")
for w in ("before", "now"):
    print(f"   {w:6} / sqlite3, median of pairs: {statistics.median(a / b for a, b in zip(t[w], t['sqlite3'])):.2f}")

def count(who):
    db = {"before": "base.db", "now": "new.db", "sqlite3": "ref.db"}[who]
    return int(subprocess.run(["sqlite3", f"{work}/{db}", "select count(*) from entries"], capture_output=True, text=True).stdout)

# 2. the herd: 50 writers x 20 saves, all started together
def herd(who, writers=50, saves=20):
    before = count(who)
    lat, fails = [], [0]
    lock = threading.Lock()
    go = threading.Barrier(writers)
    def writer(k):
        go.wait()
        for i in range(saves):
            ms, ok = save(who, f"x{k:02d}", "2024-07-%02d" % (1 + i % 20))
            with lock:
                lat.append(ms)
                fails[0] += not ok
    th = [threading.Thread(target=writer, args=(k,)) for k in range(writers)]
    s = time.monotonic()
    for x in th: x.start()
    for x in th: x.join()
    return lat, fails[0], count(who) - before, time.monotonic() - s

print(f"-- 50 writers x 20 saves at once ({rounds} round(s) each, in turn)")
res = {w: [] for w in whos}
for r in range(rounds):
    for w in whos:
        res[w].append(herd(w))
for w in whos:
    lat = [x for h in res[w] for x in h[0]]
    kept = [h[2] for h in res[w]]; fails = sum(h[1] for h in res[w])
    print(f"   {w:8} kept {'+'.join(map(str, kept))} of 1000 each, {fails} failed; p50 {pct(lat, .5):6.0f} ms  p99 {pct(lat, .99):6.0f} ms"
          f"  max {max(lat):6.0f} ms  (whole herd {', '.join(f'{h[3]:.1f} s' for h in res[w])})")
p99 = {w: pct([x for h in res[w] for x in h[0]], .99) for w in whos}
print(f"   p99 ratio now / sqlite3 {p99['now'] / p99['sqlite3']:.2f}  (before / sqlite3 {p99['before'] / p99['sqlite3']:.2f})")

# 3. a steady 100 saves a second for 10 s, from 50 experts in turn
def steady(who, rate=100, seconds=10):
    lat, th = [], []
    lock = threading.Lock()
    def one(k, i):
        ms, ok = save(who, f"x{k:02d}", "2024-08-%02d" % (1 + i % 28))
        with lock:
            lat.append(ms if ok else float("inf"))
    s = time.monotonic()
    for n in range(rate * seconds):
        delay = s + n / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        x = threading.Thread(target=one, args=(n % 50, n // 50)); x.start(); th.append(x)
    for x in th: x.join()
    return lat
print("-- a steady 100 saves a second for 10 s")
for w in ("now", "sqlite3"):
    lat = steady(w)
    print(f"   {w:8} p50 {pct(lat, .5):6.1f} ms  p99 {pct(lat, .99):6.1f} ms  max {max(lat):6.1f} ms")
PY
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
