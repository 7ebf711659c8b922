#!/usr/bin/env bash
# bench_report.sh - `juste report annual` on the 1 000 000-entry database,
# against the same aggregates written by hand and run by the sqlite3 shell.
# usage: tests/bench/bench_report.sh [JUSTE]   (BENCH_DB to reuse a database)
# Targets (issue 7): under 500 ms, and under 3x the sqlite3 shell.
# The benchmark database's entries run from 2010-01-04 to 2019-07-24, so the
# last complete fiscal year is 2018-2019 (its report reads 2016-04-01 ..
# 2019-03-31: three years of hours, two of everything else).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=${1:-$here/../../build/juste}
db=${BENCH_DB:-$("$here/make_bench_db.sh" "$juste")}
runs=${RUNS:-7}
export JUSTE_TODAY=2019-07-24
# the first open applies any pending migration (a write): not measured
"$juste" --db "$db" report annual --fy 2018-2019 --format json -o /dev/null

best() {   # best wall time in ms of "$@" over $runs runs
  local b=999999 t0 t1 ms
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000)); [ "$ms" -lt "$b" ] && b=$ms
  done
  echo "$b"
}

sqlfile=$(mktemp /tmp/bench-report.XXXXXX.sql)
trap 'rm -f "$sqlfile"' EXIT
B="m.billing <> 'non_facturable'"
cat > "$sqlfile" <<SQL
-- hours by month, three years
SELECT substr(d, 1, 7) AS month, sum(b), sum(i) FROM (SELECT e.work_date AS d,
  sum(CASE WHEN $B THEN e.minutes ELSE 0 END) AS b, sum(CASE WHEN $B THEN 0 ELSE e.minutes END) AS i
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '2016-04-01' AND '2019-03-31'
  GROUP BY e.work_date) GROUP BY month ORDER BY month;
-- members at year end, three years
SELECT count(*), sum(joined_on >= '2016-04-01') FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien')
  AND (joined_on IS NULL OR joined_on <= '2017-03-31') AND (left_on IS NULL OR left_on > '2017-03-31');
SELECT count(*), sum(joined_on >= '2017-04-01') FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien')
  AND (joined_on IS NULL OR joined_on <= '2018-03-31') AND (left_on IS NULL OR left_on > '2018-03-31');
SELECT count(*), sum(joined_on >= '2018-04-01') FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien')
  AND (joined_on IS NULL OR joined_on <= '2019-03-31') AND (left_on IS NULL OR left_on > '2019-03-31');
SQL
for y in "2017-04-01 2018-03-31" "2018-04-01 2019-03-31"; do
  set -- $y
  cat >> "$sqlfile" <<SQL
-- enterprises served, hours by program, revenue by client and by program
SELECT count(DISTINCT m.beneficiary_id) FROM (SELECT DISTINCT mandate_id FROM entries
  WHERE work_date BETWEEN '$1' AND '$2') t JOIN mandates m ON m.id = t.mandate_id WHERE $B;
SELECT p.code, t.b, t.i FROM (SELECT m.program_id AS program_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END) AS b,
  sum(CASE WHEN $B THEN 0 ELSE e.minutes END) AS i FROM entries e JOIN mandates m ON m.id = e.mandate_id
  WHERE e.work_date BETWEEN '$1' AND '$2' GROUP BY m.program_id) t LEFT JOIN programs p ON p.id = t.program_id;
SELECT o.code, sum(i.subtotal_cents) FROM invoices i JOIN orgs o ON o.id = i.client_id
  WHERE i.status = 'issued' AND i.issued_on BETWEEN '$1' AND '$2' GROUP BY o.id;
SQL
done
cat >> "$sqlfile" <<SQL
-- people at year end, utilisation per expert
SELECT function, gender, birth_year FROM experts WHERE (started_on IS NULL OR started_on <= '2019-03-31')
  AND (left_on IS NULL OR left_on >= '2019-03-31');
SELECT x.login, t.b, t.i FROM experts x LEFT JOIN (SELECT e.expert_id AS expert_id,
  sum(CASE WHEN $B THEN e.minutes ELSE 0 END) AS b, sum(CASE WHEN $B THEN 0 ELSE e.minutes END) AS i
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '2018-04-01' AND '2019-03-31'
  GROUP BY e.expert_id) t ON t.expert_id = x.id;
SQL

rep=$(best "$juste" --db "$db" report annual --fy 2018-2019 --format json -o /dev/null)
raw=$(best sqlite3 "$db" ".read $sqlfile")
ver=$(best "$juste" --version)
echo "juste report annual --fy 2018-2019 (json): $rep ms (best of $runs)"
echo "sqlite3 shell, the same aggregates by hand: $raw ms (best of $runs)"
echo "juste --version (process start): $ver ms"
awk -v a="$rep" -v b="$raw" 'BEGIN { printf "ratio: %.2f\n", (b > 0 ? a / b : 0) }'
fail=0
[ "$rep" -lt 500 ] || { echo "over 500 ms"; fail=1; }
awk -v a="$rep" -v b="$raw" 'BEGIN { exit !(a <= 3 * b) }' || { echo "over 3x the sqlite3 shell"; fail=1; }
exit $fail
