#!/usr/bin/env bash
# Fifty people at once: 20 processes x 200 entries through the library, then
# 20 processes x 5 through the real binary; every entry lands, none fails.
. "$SRCDIR/tests/cli/lib.sh"
: "${CONCURRENCY:?CONCURRENCY must name the concurrency helper}"
seed_world
{ echo "login,name,function,role,weekly_hours,started_on,left_on"
  for k in $(seq 1 20); do echo "c$k,Expert $k,professionnel,expert,35,2015-01-01,"; done; } > "$T/c.csv"
j import experts "$T/c.csv"; expect_rc 0 "20 experts imported"

out=$("$CONCURRENCY" "$DB" 20 200 2>&1); rc=$?
[ "$rc" = 0 ] && ok "20 x 200 concurrent entries: $out" || not_ok "concurrent library writes: $out"
expect_eq "$(sql 'select count(*) from entries')" "4000" "exactly 4 000 entries"
expect_eq "$(sql 'select count(distinct uuid) from entries')" "4000" "each with its own UUID (children of one parent share no random bytes)"
expect_eq "$(sql "select count(*) from audit where entity = 'entry'")" "4000" "and 4 000 audit rows"

pids=()
for k in $(seq 1 20); do
  ( for i in 1 2 3 4 5; do "$JUSTE" --db "$DB" --as "c$k" log --date 2020-03-0$i 10m M-1 "cli $k $i" >/dev/null || exit 1; done ) &
  pids+=($!)
done
bad=0; for p in "${pids[@]}"; do wait "$p" || bad=$((bad + 1)); done
expect_eq "$bad" "0" "20 concurrent CLI writers report no failure"
expect_eq "$(sql "select count(*) from entries where note like 'cli %'")" "100" "all 100 CLI entries landed"
j check; expect_rc 0 "database sound afterwards"
finish
