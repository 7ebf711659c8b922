#!/usr/bin/env bash
# bench_aggregates.sh - the annual report and the yearly hours by
# organisation, read from the monthly sums (sql/014), against a hand-written
# sqlite3 scan of the entries of the same year, in the same run: A B A B ...,
# medians and ratios, peak memory.  The data sets come from make_span_db.py
# (2020-2024 whatever the size, so sizes differ only in density).
# usage: tests/bench/bench_aggregates.sh [JUSTE [ENTRIES...]]
#   (default 100000 1000000; BENCH_DIR for the databases, RUNS per query)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=${1:-$here/../../build/juste}
[ $# -gt 0 ] && shift
sizes=${*:-100000 1000000}
runs=${RUNS:-9}
dir=${BENCH_DIR:-/tmp}
export JUSTE_TODAY=2024-12-31
from=2022-04-01 to=2023-03-31
B="m.billing IN ('horaire', 'forfait')"

# The annual report's figures of time for one fiscal year, scanned from the
# entries as one would write them by hand: by month, by service, by
# programme, by expert, and the enterprises served.
annual_sql="
SELECT substr(e.work_date, 1, 7), sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1 ORDER BY 1;
SELECT m.service_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT m.program_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT e.expert_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT count(DISTINCT m.beneficiary_id) FROM entries e JOIN mandates m ON m.id = e.mandate_id
  WHERE e.work_date BETWEEN '$from' AND '$to' AND $B;"
org_sql="SELECT o.code, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id JOIN orgs o ON o.id = m.client_id
  WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY o.code ORDER BY o.code;"

us() {   # wall time of "$@" in microseconds
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }

printf 'machine: %s, %s cores; load before: %s\n' "$(uname -m)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| entries | query | juste (median ms) | sqlite3 scan (median ms) | ratio | juste peak KB |\n|---|---|---|---|---|---|\n'
for n in $sizes; do
  db=$dir/juste-span-$n.db
  if [ ! -f "$db" ] || [ "$juste" -nt "$db" ]; then
    python3 "$here/make_span_db.py" "$juste" "$db" "$n" >&2
  fi
  annual=("$juste" --db "$db" report annual --fy 2022-2023 --format json)
  annual_ref=(sqlite3 "$db" "$annual_sql")
  orgs=("$juste" --db "$db" report utilisation --from "$from" --to "$to" --by org --format csv)
  orgs_ref=(sqlite3 -csv "$db" "$org_sql")
  # the same totals, or the times mean nothing
  if [ "$("${orgs[@]}" | tail -n +2 | cut -d, -f1,3,4 | awk -F, '$2 + $3 > 0')" != "$("${orgs_ref[@]}")" ]; then
    echo "$n: juste's hours by organisation differ from the sqlite3 scan" >&2; exit 1
  fi
  "${annual[@]}" >/dev/null; "${annual_ref[@]}" >/dev/null   # warm the page cache
  for q in annual orgs; do
    declare -n cmd=$q ref=${q}_ref
    a=() b=()
    for _ in $(seq "$runs"); do a+=("$(us "${cmd[@]}")"); b+=("$(us "${ref[@]}")"); done
    ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
    ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')
    printf '| %s | %s | %s | %s | %s | %s |\n' "$n" "$q" "$(ms "$ma")" "$(ms "$mb")" "$ratio" \
      "$(/usr/bin/time -f %M "${cmd[@]}" 2>&1 >/dev/null | tail -1)"
  done
done
printf 'load after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
