#!/usr/bin/env bash
# Ma semaine benchmarks (issue 5), on a copy of the 1 000 000-entry database:
#   - the week screen appears in under 100 ms from start: `juste tui` with
#     JUSTE_TUI_BENCH=1 (draws the first screen once and exits) in a real
#     pseudo-terminal, timed from exec to exit, at 80x24 and 132x43; and
#     `juste week` for the CLI grid;
#   - changing week or saving a cell redraws in under 20 ms, and the picker
#     filters 5 000 mandates per keystroke in under 10 ms: bench_week, which
#     runs the screen's own code drawing into curses on /dev/null.
# usage: [BENCH_DB=/tmp/juste-bench.db] tests/bench/bench_tui.sh [JUSTE] [BENCH_WEEK]
#        (an optimised build: build/juste and build/tests/bench_week)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=$(realpath "${1:-$here/../../build/juste}")
bench_week=$(realpath "${2:-$(dirname "$juste")/tests/bench_week}")
src=$("$here/make_bench_db.sh" "$juste" "${BENCH_DB:-/tmp/juste-bench.db}")
db=/tmp/juste-bench-tui.db
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$src" ".backup '$db'"
login=x05
day=2015-06-10
echo "database: $(sqlite3 "$db" 'select count(*) from entries') entries, $(sqlite3 "$db" 'select count(*) from mandates') mandates; $login, week of $day"

python3 - "$juste" "$db" "$login" "$day" <<'PY'
import fcntl, os, pty, select, struct, subprocess, sys, termios, time
juste, db, login, day = sys.argv[1:5]
env = dict(os.environ, JUSTE_TODAY=day, JUSTE_TUI_BENCH="1", TERM="xterm-256color", LC_ALL="C.UTF-8")

def run_pty(rows, cols):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t = time.monotonic()
    p = subprocess.Popen([juste, "--db", db, "--as", login, "tui"], stdin=slave, stdout=slave,
                         stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 5)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    dt = (time.monotonic() - t) * 1000
    os.close(master)
    if p.returncode != 0 or b"Semaine du" not in out:
        sys.exit("juste tui failed: " + out.decode(errors="replace")[-400:])
    return dt

for rows, cols in ((24, 80), (43, 132)):
    times = sorted(run_pty(rows, cols) for _ in range(10))
    print(f"week screen from start to first draw, {cols}x{rows}: median {times[5]:6.1f} ms, max {times[-1]:6.1f} ms (target < 100 ms)")

times = []
for _ in range(10):
    t = time.monotonic()
    subprocess.run([juste, "--db", db, "--as", login, "week", "--date", day], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    times.append((time.monotonic() - t) * 1000)
times.sort()
print(f"juste week (CLI grid, whole process):       median {times[5]:6.1f} ms, max {times[-1]:6.1f} ms")
PY

echo "== in-process (bench_week), 80x24 then 132x43; targets: week/save < 20 ms, picker keystroke < 10 ms"
"$bench_week" "$db" "$login" "$day" 80x24
"$bench_week" "$db" "$login" "$day" 132x43
rm -f "$db" "$db-wal" "$db-shm"
