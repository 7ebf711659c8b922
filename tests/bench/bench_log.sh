#!/usr/bin/env bash
# `juste log` against an earlier juste, in the same run: the same database
# (200 000 entries), the two binaries in turn (A B A B …), the median of each
# and the median of the ratios, process start included.  With --server, the
# new binary also runs set-group-id from a private shared-server install
# (scripts/install-server into a temporary prefix; needs root), which is how
# experts run it on the server.
#
# usage: tests/bench/bench_log.sh [--server] [BASE_REV]    (default BASE_REV: 2397f59,
#        the last commit before juste held the set-group-id and read its policy from
#        the database)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
server=0
[ "${1:-}" = --server ] && { server=1; shift; }
base=${1:-2397f59}
work=$(mktemp -d /tmp/juste-bench-log.XXXXXX)
chmod 755 "$work"
cleanup() {
  git -C "$src" worktree remove --force "$work/base-src" 2>/dev/null || true
  [ "$server" = 1 ] && { userdel "jbl$$" 2>/dev/null; groupdel "jbl$$g" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building $base and the working tree (release)"
git -C "$src" worktree add -q --detach "$work/base-src" "$base"
meson setup "$work/base" "$work/base-src" -Dbuildtype=release >/dev/null
ninja -C "$work/base" juste >/dev/null
meson setup "$work/new" "$src" -Dbuildtype=release >/dev/null
ninja -C "$work/new" juste >/dev/null

echo "== database: 200 000 entries"
python3 "$here/make_bench_db.py" "$work/base/juste" "$work/base.db" 200000 >/dev/null
cp "$work/base.db" "$work/new.db"
"$work/new/juste" --db "$work/new.db" check >/dev/null     # migrates it once

cmd_base=("$work/base/juste" --db "$work/base.db" --as x01 log)
cmd_new=("$work/new/juste" --db "$work/new.db" --as x01 log)
cmd_srv=()
if [ "$server" = 1 ]; then
  echo "== a private shared server (install-server into $work/srv)"
  "$src/scripts/install-server" --admin root --prefix "$work/srv/usr" --sysconfdir "$work/srv/etc" \
    --statedir "$work/srv/var" --group "jbl$$g" --build-dir "$work/srvbuild" >/dev/null
  rm -f "$work/srv/var/juste.db"*
  cp "$work/new.db" "$work/srv/var/juste.db"
  chgrp "jbl$$g" "$work/srv/var/juste.db"; chmod 660 "$work/srv/var/juste.db"
  cmd_srv=("$work/srv/usr/bin/juste" --as x01 log)
fi

python3 - "$work" "${#cmd_srv[@]}" "${cmd_base[@]}" -- "${cmd_new[@]}" -- "${cmd_srv[@]}" <<'PY'
import statistics, subprocess, sys, time
work, nsrv = sys.argv[1], int(sys.argv[2])
rest = sys.argv[3:]
i = rest.index("--"); base = rest[:i]; rest = rest[i + 1:]
i = rest.index("--"); new = rest[:i]; srv = rest[i + 1:]
cmds = [("avant", base), ("maintenant", new)] + ([("serveur partagé", srv)] if nsrv else [])
runs = 40
times = {name: [] for name, _ in cmds}
for r in range(runs):
    day = "2019-08-%02d" % (5 + r % 5)
    for name, c in cmds:
        t = time.monotonic()
        subprocess.run(c + ["--date", day, "15m", "B-00001", "bench"], check=True, stdout=subprocess.DEVNULL)
        times[name].append((time.monotonic() - t) * 1000)
b = times["avant"]
for name, _ in cmds:
    t = times[name]
    ratio = statistics.median(x / y for x, y in zip(t, b))
    print(f"{name:16} median {statistics.median(t):6.1f} ms   min {min(t):6.1f}   max {max(t):6.1f}"
          f"   ratio to before (median of pairs) {ratio:.2f}")
PY
