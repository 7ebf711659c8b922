#!/usr/bin/env bash
# Nothing is lost and nothing is half-written: a kill -9 in the middle of an
# import, and a full disk, leave the database as it was before.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
j --as alice log --date 2020-03-02 1h M-1 "avant"
before=$(sql 'select count(*) from entries')

# a large file of valid entries for bob, over many days
python3 - "$T/big.csv" <<'PY'
import sys
from datetime import date, timedelta
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("date,expert,mandate,duration,note\n")
    d = date(2019, 4, 1)
    for i in range(150000):
        if i % 20 == 0:
            d += timedelta(days=1)
        f.write(f"{d.isoformat()},bob,INT,15m,ligne {i}\n")
PY

# --- kill -9 during an import ----------------------------------------------
"$JUSTE" --db "$DB" import entries "$T/big.csv" >/dev/null 2>&1 &
pid=$!
# wait until the import is writing (its uncommitted rows spill into the
# WAL), then kill it
midway=0
for _ in $(seq 1 1200); do   # up to 60 s
  if [ -s "$DB-wal" ] && [ "$(stat -c %s "$DB-wal")" -gt 200000 ]; then midway=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
expect_eq "$midway" "1" "the import was caught writing"
kill -9 "$pid" 2>/dev/null; { wait "$pid"; } 2>/dev/null; rc=$?
expect_eq "$rc" "137" "and killed (SIGKILL) before it finished"
expect_eq "$(sql 'select count(*) from entries')" "$before" "kill -9 mid-import: no entry of the file is there"
j check; expect_rc 0 "the database is sound after the kill"
j --as alice log --date 2020-03-03 1h M-1 "après"
expect_rc 0 "and takes new entries at once"

# --- a full disk ------------------------------------------------------------
if [ "$(id -u)" = 0 ] && mkdir -p "$T/small" && mount -t tmpfs -o size=3m tmpfs "$T/small" 2>/dev/null; then
  trap 'umount "$T/small" 2>/dev/null; rm -rf "$T"' EXIT
  SDB="$T/small/juste.db"
  "$JUSTE" --db "$SDB" init >/dev/null
  seed_identity "$SDB"
  for k in services orgs experts mandates; do "$JUSTE" --db "$SDB" import "$k" "$T/$k.csv" >/dev/null; done
  "$JUSTE" --db "$SDB" --as alice log --date 2020-03-02 1h M-1 "avant" >/dev/null
  n=$(sqlite3 "$SDB" 'select count(*) from entries')
  "$JUSTE" --db "$SDB" import entries "$T/big.csv" >/dev/null 2>"$T/full.err"; rc=$?
  [ "$rc" = 1 ] && ok "an import that fills the disk fails" || not_ok "full disk import: rc $rc"
  grep -qi "disque plein\|full" "$T/full.err" && ok "and says the disk is full" || not_ok "full disk message: $(cat "$T/full.err")"
  expect_eq "$(sqlite3 "$SDB" 'select count(*) from entries')" "$n" "nothing of it was written"
  "$JUSTE" --db "$SDB" check >/dev/null; expect_eq "$?" "0" "the database is sound on the full disk"
  umount "$T/small"
else
  echo "# skipped the full-disk check (needs root and tmpfs)"
fi
finish
