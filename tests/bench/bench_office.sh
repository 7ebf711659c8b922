#!/usr/bin/env bash
# Office screens benchmarks (issue 6), on the demo database and on a copy of
# the 1 000 000-entry database:
#   - each screen's first page from start: `juste tui` with JUSTE_TUI_BENCH=1
#     and JUSTE_TUI_SCREEN=billing|util|data (draws that screen once and
#     exits) in a real pseudo-terminal, timed from exec to exit;
#   - in-process (bench_office): each screen's open + first draw, each tab's
#     first read, scrolling and sorting redraws.
# Targets: first page < 150 ms; sorting and scrolling redraw < 20 ms.
# usage: [BENCH_DB=/tmp/juste-bench.db] tests/bench/bench_office.sh [JUSTE] [BENCH_OFFICE]
#        (an optimised build: build/juste and build/tests/bench_office)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=$(realpath "${1:-$here/../../build/juste}")
bench=$(realpath "${2:-$(dirname "$juste")/tests/bench_office}")
work=$(mktemp -d /tmp/juste-bench-office.XXXXXX)
trap 'rm -rf "$work"' EXIT

demo=$work/demo.db
JUSTE_TODAY=2020-04-06 "$juste" demo --db "$demo" --quiet >/dev/null
src=$("$here/make_bench_db.sh" "$juste" "${BENCH_DB:-/tmp/juste-bench.db}")
big=$work/big.db
sqlite3 "$src" ".backup '$big'"

run() {   # run DB DATE LABEL
  echo "== $3: $(sqlite3 "$1" 'select count(*) from entries') entries, $(sqlite3 "$1" 'select count(*) from mandates') mandates, today $2"
  python3 - "$juste" "$1" "$2" <<'PY'
import fcntl, os, pty, select, struct, subprocess, sys, termios, time
juste, db, day = sys.argv[1:4]
def run_pty(screen, rows, cols):
    env = dict(os.environ, JUSTE_TODAY=day, JUSTE_TUI_BENCH="1", JUSTE_TUI_SCREEN=screen,
               TERM="xterm-256color", LC_ALL="C.UTF-8")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t = time.monotonic()
    p = subprocess.Popen([juste, "--db", db, "tui"], stdin=slave, stdout=slave, stderr=slave, env=env,
                         close_fds=True)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 10)
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
    if p.returncode != 0:
        sys.exit("juste tui failed: " + out.decode(errors="replace")[-400:])
    return dt
for screen in ("billing", "util", "data"):
    for rows, cols in ((24, 80), (43, 132)):
        times = sorted(run_pty(screen, rows, cols) for _ in range(7))
        print(f"{screen:8s} from start to first page, {cols}x{rows}: median {times[3]:6.1f} ms, max {times[-1]:6.1f} ms (target < 150 ms)")
PY
  "$bench" "$1" "$2" 80x24
  "$bench" "$1" "$2" 132x43
}

run "$demo" 2020-04-06 "demo"
# the last whole month of the data: a month's screens at their fullest
last=$(sqlite3 "$big" "select date(max(work_date), 'start of month', '-1 day') from entries")
run "$big" "$last" "1 000 000 entries"
