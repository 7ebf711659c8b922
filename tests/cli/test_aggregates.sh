#!/usr/bin/env bash
# The monthly sums of time (sql/012) against the entries: after an import
# (summed in one pass at its end), after juste's own writes, and after
# random inserts, updates, deletes and mandate changes made straight to the
# file, both tables equal a GROUP BY over entries; reports over ranges with
# partial months equal the same sums taken from entries; `juste check`
# names a sum forged by hand.
export JUSTE_TODAY=${JUSTE_TODAY:-2020-07-15}
. "$SRCDIR/tests/cli/lib.sh"
seed_world

B="m.billing IN ('horaire', 'forfait')"
# Rows of either side missing from the other: 0 when the sums are exact.
drift() {
  sql "WITH want_m AS (SELECT substr(work_date, 1, 7) AS month, mandate_id, sum(minutes) AS minutes
         FROM entries GROUP BY 1, 2),
       want_x AS (SELECT substr(e.work_date, 1, 7) AS month, e.expert_id,
         sum(CASE WHEN $B THEN e.minutes ELSE 0 END) AS billable,
         sum(CASE WHEN $B THEN 0 ELSE e.minutes END) AS internal
         FROM entries e JOIN mandates m ON m.id = e.mandate_id GROUP BY 1, 2)
       SELECT (SELECT count(*) FROM (SELECT * FROM want_m EXCEPT SELECT * FROM time_mandate_month))
            + (SELECT count(*) FROM (SELECT * FROM time_mandate_month EXCEPT SELECT * FROM want_m))
            + (SELECT count(*) FROM (SELECT * FROM want_x EXCEPT SELECT * FROM time_expert_month))
            + (SELECT count(*) FROM (SELECT * FROM time_expert_month EXCEPT SELECT * FROM want_x))"
}

# --- an import: the sums are made at its end, in the same transaction ---
{
  echo "date,expert,mandate,duration,note"
  for d in 2019-04-01 2019-04-15 2019-05-31 2019-06-03 2019-12-31 2020-01-02 2020-03-31 2020-04-01; do
    echo "$d,alice,M-1,1h30,a"; echo "$d,bob,INT,45m,b"; echo "$d,bob,M-1,30m,c"
  done
} > "$T/entries.csv"
j import entries "$T/entries.csv"; expect_rc 0 "entries imported"
expect_eq "$(sql "select count(*) from entries")" "24" "24 entries"
expect_eq "$(sql "select count(*) from time_mandate_month")" "$(sql "select count(distinct substr(work_date,1,7) || mandate_id) from entries")" \
  "the import filled time_mandate_month"
expect_eq "$(drift)" "0" "after the import the sums equal the entries"
# more rows than one slice of the import's grouped passes (50 000 ids)
awk 'BEGIN { print "date,expert,mandate,duration,note"
  for (i = 0; i < 50123; i++) { d = 1 + i % 28; m = 4 + int(i / 28) % 9
    printf "2019-%02d-%02d,%s,%s,1m,s\n", m, d, (i % 2 ? "alice" : "bob"), (i % 3 ? "M-1" : "INT") } }' > "$T/many.csv"
j import entries "$T/many.csv"; expect_rc 0 "50 123 entries imported"
expect_eq "$(drift) $(sql "select sum(minutes) from time_mandate_month") $(sql "select sum(minutes) from entries")" \
  "0 $(sql "select sum(minutes) from entries") $(sql "select sum(minutes) from entries")" \
  "after an import of several slices the sums equal the entries"
printf 'date,expert,mandate,duration,note\n2019-04-02,alice,M-1,1h,bad\n2019-04-02,nobody,M-1,1,x\n' > "$T/bad.csv"
j import entries "$T/bad.csv"; expect_rc 1 "an import with a bad row is refused"
expect_eq "$(drift) $(sql "select count(*) from entries")" "0 50147" "and leaves entries and sums as they were"

# --- juste's own writes: log, edit, delete ---
j --as alice log --date 2020-05-04 2h M-1 "x"; expect_rc 0 "log"
j --as bob log --date 2020-05-05 1h INT "y"; expect_rc 0 "log internal"
ID=$(sql "select id from entries where note = 'x'")
j --as alice entry edit "$ID" --duration 3h --date 2020-06-01; expect_rc 0 "entry edit moves it a month"
ID2=$(sql "select id from entries where note = 'y'")
j --as bob entry rm "$ID2"; expect_rc 0 "entry rm"
expect_eq "$(drift)" "0" "after log, edit and rm the sums equal the entries"
expect_eq "$(sql "select count(*) from time_expert_month where month = '2020-05'")" "0" \
  "a month emptied by a delete leaves no row"

# --- random writes straight to the file ---
for seed in 1 2 3; do
  counts=$("$AGGREGATE_CHURN" "$DB" "$seed" 400) || not_ok "churn $seed"
  read -r ins upd del bill cli <<<"$counts"
  [ "$ins" -gt 50 ] && [ "$upd" -gt 30 ] && [ "$del" -gt 30 ] && [ "$bill" -gt 5 ] && [ "$cli" -gt 5 ] &&
    ok "churn $seed wrote every kind ($counts)" || not_ok "churn $seed wrote too little ($counts)"
  expect_eq "$(drift)" "0" "after random writes (seed $seed) the sums equal the entries"
done
j check
case "$OUT" in *"sommes mensuelles"*) not_ok "check finds a sum wrong after the random writes: $OUT";;
  *) ok "check finds no sum wrong after the random writes";; esac

# --- reports over whole and partial months equal the entries' sums ---
by_org() {   # FROM TO: org,billable,internal summed from entries
  sql -csv "SELECT o.code, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
    FROM entries e JOIN mandates m ON m.id = e.mandate_id JOIN orgs o ON o.id = m.client_id
    WHERE e.work_date BETWEEN '$1' AND '$2' GROUP BY o.code ORDER BY o.code"
}
by_expert() {
  sql -csv "SELECT x.login, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
    FROM entries e JOIN mandates m ON m.id = e.mandate_id JOIN experts x ON x.id = e.expert_id
    WHERE e.work_date BETWEEN '$1' AND '$2' GROUP BY x.login ORDER BY x.login"
}
for range in "2019-04-01 2020-03-31" "2019-04-16 2020-02-14" "2019-05-03 2019-05-20" \
             "2019-05-31 2019-06-01" "2019-06-01 2019-06-30" "2019-04-01 2020-06-29"; do
  set -- $range
  j --as gilles report utilisation --from "$1" --to "$2" --by org --format csv
  got=$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1,3,4 | awk -F, '$2 + $3 > 0')
  expect_eq "$got" "$(by_org "$1" "$2")" "utilisation by org $1 .. $2 equals the entries"
  j --as gilles report utilisation --from "$1" --to "$2" --by expert --format csv
  got=$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1,3,4 | awk -F, '$2 + $3 > 0')
  expect_eq "$got" "$(by_expert "$1" "$2")" "utilisation by expert $1 .. $2 equals the entries"
done

# --- check names a forged sum, and a dropped trigger's consequences ---
cp "$DB" "$T/forged.db"
sqlite3 "$T/forged.db" "UPDATE time_mandate_month SET minutes = minutes + 7
    WHERE (month, mandate_id) = (SELECT month, mandate_id FROM time_mandate_month ORDER BY month, mandate_id LIMIT 1)"
M=$(sqlite3 "$T/forged.db" "SELECT m.code || ', ' || t.month FROM time_mandate_month t JOIN mandates m ON m.id = t.mandate_id
  ORDER BY t.month, t.mandate_id LIMIT 1")
DB=$T/forged.db j check; expect_rc 1 "check fails on a forged monthly sum"
expect_out "sommes mensuelles : mandat $M" "and names the mandate and month"
cp "$DB" "$T/forged2.db"
sqlite3 "$T/forged2.db" "UPDATE time_expert_month SET billable = billable + 1, internal = internal - 1
  WHERE (month, expert_id) = (SELECT month, expert_id FROM time_expert_month ORDER BY month, expert_id LIMIT 1)"
DB=$T/forged2.db j check; expect_rc 1 "check fails on a forged expert sum"
expect_out "minutes facturables/internes enregistrées" "and says which"
LANGUAGE=en DB=$T/forged2.db j check
expect_out "monthly sums" "findings are translated"
j check
case "$OUT" in *"sommes mensuelles"*) not_ok "the original has a sum wrong: $OUT";; *) ok "the original's sums still pass";; esac
finish
