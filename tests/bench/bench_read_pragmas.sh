#!/usr/bin/env bash
# bench_read_pragmas.sh - what the connection's cache and temp-store
# settings cost a reader: the annual report's queries of time (as
# store_report.c runs them on the monthly sums, whole months, and as the
# scan of entries they replace) and the import's grouped pass, run by the
# sqlite3 shell under each setting in turn (A B C D A B C D ...), medians.
# usage: tests/bench/bench_read_pragmas.sh DB   (a make_span_db.py database)
set -eu
db=$1
runs=${RUNS:-9}
B="m.billing IN ('horaire', 'forfait')"
from=2022-04-01 to=2023-03-31
agg="
SELECT month, sum(billable), sum(internal) FROM time_expert_month WHERE month BETWEEN '2020-04' AND '2023-03' GROUP BY month;
SELECT m.service_id, sum(CASE WHEN $B THEN t.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE t.minutes END)
  FROM time_mandate_month t JOIN mandates m ON m.id = t.mandate_id WHERE t.month BETWEEN '2022-04' AND '2023-03' GROUP BY 1;
SELECT m.program_id, sum(CASE WHEN $B THEN t.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE t.minutes END)
  FROM time_mandate_month t JOIN mandates m ON m.id = t.mandate_id WHERE t.month BETWEEN '2021-04' AND '2023-03' GROUP BY 1;
SELECT expert_id, sum(billable), sum(internal) FROM time_expert_month WHERE month BETWEEN '2022-04' AND '2023-03' GROUP BY 1;
SELECT count(DISTINCT m.beneficiary_id) FROM (SELECT DISTINCT mandate_id FROM time_mandate_month
  WHERE month BETWEEN '2022-04' AND '2023-03') t JOIN mandates m ON m.id = t.mandate_id WHERE $B;"
scan="
SELECT substr(e.work_date, 1, 7), sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT m.service_id, sum(e.minutes) FROM entries e JOIN mandates m ON m.id = e.mandate_id
  WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT e.expert_id, sum(e.minutes) FROM entries e WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;"
group="SELECT count(*) FROM (SELECT substr(work_date, 1, 7), mandate_id, sum(minutes) FROM entries GROUP BY 1, 2);"
settings=("" "PRAGMA cache_size = -32768;" "PRAGMA temp_store = MEMORY;"
          "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;")
names=("defaults" "cache 32 MB" "temp_store MEMORY" "both (juste until now)")
us() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'; }
printf 'load before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| setting | monthly sums (ms) | scan of a year (ms) | grouped pass over all entries (ms, peak KB) |\n|---|---|---|---|\n'
sqlite3 "$db" "$scan" >/dev/null   # warm the page cache
declare -A t
for _ in $(seq "$runs"); do
  for i in "${!settings[@]}"; do
    t[$i,a]+="$(us sqlite3 "$db" "${settings[$i]} $agg") "
    t[$i,s]+="$(us sqlite3 "$db" "${settings[$i]} $scan") "
  done
done
for i in "${!settings[@]}"; do
  g=$(us sqlite3 "$db" "${settings[$i]} $group")
  kb=$(/usr/bin/time -f %M sqlite3 "$db" "${settings[$i]} $group" 2>&1 >/dev/null | tail -1)
  printf '| %s | %s | %s | %s, %s |\n' "${names[$i]}" "$(tr ' ' '\n' <<<"${t[$i,a]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${t[$i,s]}" | grep . | median)" "$(awk -v u="$g" 'BEGIN { printf "%.0f", u / 1000 }')" "$kb"
done
printf 'load after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
