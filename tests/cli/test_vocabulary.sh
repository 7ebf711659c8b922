#!/usr/bin/env bash
# test_vocabulary.sh - one machine vocabulary: the CSV header and the JSON
# keys of every listing juste writes for programs are the ones its manual
# lists (man/juste.1 and man/en/juste.1, section SORTIES POUR LES
# PROGRAMMES / MACHINE OUTPUT), output by output, so that the manual and
# the code cannot drift; and the naming rules hold: money is _cents in
# JSON and dollars ("1234.56") in CSV, durations are minutes, rates say
# their unit, no summary row among the data.
export JUSTE_TODAY=2020-06-15
. "$(dirname "$0")/lib.sh"
V="python3 $SRCDIR/tests/cli/vocabulary.py"
command -v python3 >/dev/null || { echo "1..0 # SKIP no python3"; exit 77; }

# --- the imports read the export's columns and still read the older ones ---
DB="$T/small.db"
seed_world
cat > "$T/new.csv" <<'CSV'
date,expert,mandate,minutes,note
2020-03-02,alice,M-1,90,Analyse
CSV
cat > "$T/old.csv" <<'CSV'
date,expert,mandate,duration,note
2020-03-03,alice,M-1,1h30,Suivi
CSV
printf 'date,expert,mandate,minutes,duration,note\n2020-03-04,alice,M-1,90,1h30,x\n' > "$T/both.csv"
printf 'date,expert,mandate,minutes,note\n2020-03-05,alice,M-1,1h30,x\n' > "$T/hours_in_minutes.csv"
j import entries "$T/new.csv"; expect_rc 0 "entries with minutes (as export writes them)"
j import entries "$T/old.csv"; expect_rc 0 "entries with the older duration column"
expect_eq "$(sql "select group_concat(minutes, ' ') from (select minutes from entries order by work_date)")" "90 90" "both read as 90 minutes"
j import entries "$T/both.csv"; expect_rc 1 "minutes and duration in one file: refused"
expect_err "minutes" "…naming the columns"
j import entries "$T/hours_in_minutes.csv"; expect_rc 1 "minutes must be a whole number"
printf 'login,name,function,role,weekly_minutes,started_on,left_on\ndora,Dora Roy,professionnel,expert,1050,2020-01-01,\n' > "$T/x.csv"
j import experts "$T/x.csv"; expect_rc 0 "experts with weekly_minutes"
expect_eq "$(sql "select weekly_minutes from experts where login = 'dora'")" "1050" "weekly_minutes read as minutes"
j export entries; printf '%s\n' "$OUT" > "$T/e1.csv"
expect_eq "$(head -1 "$T/e1.csv")" "date,expert,mandate,minutes,note" "export entries: minutes, as its JSON"
DB="$T/small2.db" seed_world
DB="$T/small2.db" j import entries "$T/e1.csv"; expect_rc 0 "the export imports back"
DB="$T/small2.db" j export entries
expect_eq "$OUT" "$(cat "$T/e1.csv")" "export → import → export: the same file"
j export mandates
expect_eq "$(printf '%s\n' "$OUT" | grep '^M-1,' | cut -d, -f9)" "6000" "budget_hours 100 exported as budget_minutes 6000"

DB="$T/demo.db"
"$JUSTE" demo --db "$DB" --quiet >/dev/null 2>"$T/demo.err" || { not_ok "demo: $(cat "$T/demo.err")"; finish; }
# what the demo lacks for every field to show: a closed month, a
# negotiated rate in force
j month close 2020-05; expect_rc 0 "a closed month"
m=$(sql "select code from mandates where billing = 'horaire' and closed_on is null order by code limit 1")
j rate negotiate --mandate "$m" --rate 99.00 --from 2020-01-01; expect_rc 0 "a negotiated rate"
j cost import "$FIXTURES/rates/cost-2020-2021.csv"; expect_rc 0 "cost data for a proposal"
# and a line in the send log, through a sendmail that only reads
printf '#!/bin/sh\ncat >/dev/null\n' >"$T/sink"; chmod +x "$T/sink"
j settings set mail.sendmail "$T/sink"; expect_rc 0 "a sendmail that reads"
j invoice send F2019-0179; expect_rc 0 "an invoice sent"
# a payment, an absence, a team and a submitted week for their listings
inv=$(sql "select number from invoices where kind = 'invoice' and status = 'issued' order by issued_on desc, number limit 1")
j payment add "$inv" --amount 100.00 --date 2020-05-15 --method virement --ref VIR-1; expect_rc 0 "a payment"
x1=$(sql "select login from experts where role = 'expert' order by login limit 1")
x2=$(sql "select login from experts where role = 'expert' order by login limit 1 offset 1")
j absence add "$x1" --from 2020-06-01 --to 2020-06-02 --kind vacances; expect_rc 0 "an absence"
j mandate assign "$m" "$x1" --manager "$x2"; expect_rc 0 "a team"
j --as "$x1" week submit --date 2020-06-01; expect_rc 0 "a submitted week"

# the outputs: LABEL (as the manual names it), format, arguments
cat > "$T/outputs" <<'TAB'
entries csv|csv|entries --format csv --from 2020-03-01 --to 2020-03-31
entries --priced csv|csv|entries --priced --format csv --from 2020-03-01 --to 2020-03-31 --org FCPQ
entries json|json|entries --format json --from 2020-03-01 --to 2020-03-31
entries --priced json|json|entries --priced --format json --from 2020-03-01 --to 2020-03-31 --org FCPQ
export orgs csv|csv|export orgs
export orgs json|json|export orgs --format json
export experts csv|csv|export experts
export experts json|json|export experts --format json
export services csv|csv|export services
export services json|json|export services --format json
export programs csv|csv|export programs
export programs json|json|export programs --format json
export mandates csv|csv|export mandates
export mandates json|json|export mandates --format json
export entries csv|csv|export entries --from 2020-03-16 --to 2020-03-16
export entries json|json|export entries --format json --from 2020-03-16 --to 2020-03-16
audit csv|csv|audit --format csv --from 2020-01-01
audit json|json|audit --format json
week csv|csv|week --date 2020-03-16 --format csv
week json|json|week --date 2020-03-16 --format json
month list csv|csv|month list --format csv
month list json|json|month list --format json
rate list csv|csv|rate list --format csv
rate list json|json|rate list --format json
rate show csv|csv|rate show --format csv
rate show json|json|rate show --format json
rate propose json|json|rate propose --fy 2020-2021 --format json
invoice list csv|csv|invoice list --format csv
invoice list json|json|invoice list --format json
invoice show json|json|invoice show F2019-0179 --format json
invoice journal csv|csv|invoice journal --from 2019-04-01 --to 2020-03-31 --format csv
invoice journal json|json|invoice journal --from 2019-04-01 --to 2020-03-31 --format json
invoice sent csv|csv|invoice sent --format csv
invoice sent json|json|invoice sent --format json
report annual csv|csv|report annual --fy 2019-2020 --format csv
report annual json|json|report annual --fy 2019-2020 --format json
report utilisation csv|csv|report utilisation --from 2019-04-01 --to 2020-03-31 --format csv
report utilisation json|json|report utilisation --from 2019-04-01 --to 2020-03-31 --format json
report members csv|csv|report members --fy 2019-2020 --format csv
report members json|json|report members --fy 2019-2020 --format json
devaffaires list csv|csv|devaffaires list --fy 2019-2020 --format csv
devaffaires list json|json|devaffaires list --fy 2019-2020 --format json
ristourne csv|csv|ristourne --fy 2019-2020 --amount 50000.00 --format csv
ristourne json|json|ristourne --fy 2019-2020 --amount 50000.00 --format json
settings show csv|csv|settings show --format csv
settings show json|json|settings show --format json
payment list csv|csv|payment list --format csv
payment list json|json|payment list --format json
receivables csv|csv|receivables --format csv
receivables json|json|receivables --format json
receivables --detail csv|csv|receivables --detail --format csv
receivables --detail json|json|receivables --detail --format json
reminders csv|csv|reminders --format csv
reminders json|json|reminders --format json
holiday list csv|csv|holiday list --year 2020 --format csv
holiday list json|json|holiday list --year 2020 --format json
absence list csv|csv|absence list --format csv
absence list json|json|absence list --format json
week status csv|csv|week status --date 2020-06-01 --format csv
week status json|json|week status --date 2020-06-01 --format json
budget csv|csv|budget --format csv
budget json|json|budget --format json
ledger csv|csv|ledger --from 2020-03-01 --to 2020-04-30 --format csv
ledger json|json|ledger --from 2020-03-01 --to 2020-04-30 --format json
export invoices csv|csv|export invoices --from 2020-03-01 --to 2020-04-30
export invoices json|json|export invoices --format json --from 2020-03-01 --to 2020-04-30
export payments csv|csv|export payments
export payments json|json|export payments --format json
mandate team csv|csv|mandate team --format csv
mandate team json|json|mandate team --format json
rate check csv|csv|rate check --from 2020-03-01 --to 2020-03-31 --format csv
rate check json|json|rate check --from 2020-03-01 --to 2020-03-31 --format json
TAB
cat >> "$T/outputs" <<TAB
capacity csv|csv|capacity $x1 --format csv
capacity json|json|capacity $x1 --format json
rate explain csv|csv|rate explain --mandate $m --date 2020-03-16 --format csv
rate explain json|json|rate explain --mandate $m --date 2020-03-16 --format json
TAB

$V man "$SRCDIR/man/juste.1" > "$T/man_fr"
$V man "$SRCDIR/man/en/juste.1" > "$T/man_en"
[ -s "$T/man_fr" ] && ok "the French manual lists the outputs" || not_ok "no output listed in man/juste.1"
cmp -s "$T/man_fr" "$T/man_en" && ok "both manuals list the same fields" || not_ok "the manuals differ: $(diff "$T/man_fr" "$T/man_en" | head -5)"
expect_eq "$(cut -f1 "$T/man_fr" | sort | tr '\n' ';')" "$(cut -d'|' -f1 "$T/outputs" | sort | tr '\n' ';')" \
  "the manual lists every output this test runs, and no other"

while IFS='|' read -r label fmt args; do
  # shellcheck disable=SC2086
  "$JUSTE" --db "$DB" $args > "$T/out.$fmt" 2>"$T/err"; rc=$?
  if [ "$rc" != 0 ]; then not_ok "juste $args: exit $rc ($(head -2 "$T/err"))"; continue; fi
  got=$($V "$fmt" "$T/out.$fmt")
  want=$(awk -F'\t' -v l="$label" '$1 == l {print $2}' "$T/man_fr")
  if [ "$fmt" = json ]; then
    want=$(printf '%s\n' "$want" | tr ',' '\n' | sed 's/^ *//; /^$/d' | LC_ALL=C sort | paste -sd, - | sed 's/,/, /g')
    got=$(printf '%s\n' "$got" | tr ',' '\n' | sed 's/^ *//; /^$/d' | LC_ALL=C sort | paste -sd, - | sed 's/,/, /g')
  fi
  expect_eq "$got" "$want" "$label: the fields of the manual"
  # the naming rules, on the names themselves
  names=$(printf '%s\n' "$got" | tr ',' '\n' | sed 's/^ *//; s/.*[.]//; s/\[\]//g')
  if [ "$fmt" = csv ]; then
    bad=$(printf '%s\n' "$names" | grep -E '_cents$' || true)
    expect_eq "$bad" "" "$label: no _cents column in CSV (money in dollars there)"
    rows=$(tail -n +2 "$T/out.csv" | grep -ciE '^"?(total|sous-total)[",]' || true)
    expect_eq "$rows" "0" "$label: no summary row among the data"
  fi
  # "rate" alone only in CSV, where money is dollars: in JSON it says its unit
  bad=$(printf '%s\n' "$names" | grep -E '(^|_)(hours|duration)$|_rate$|^rate$' | { [ "$fmt" = csv ] && grep -vx rate || cat; } || true)
  expect_eq "$bad" "" "$label: durations in minutes, rates with their unit"
done < "$T/outputs"

# money columns in CSV are dollars with a point and two decimals
j invoice list --format csv
printf '%s\n' "$OUT" > "$T/l.csv"
python3 - "$T/l.csv" <<'PY' && ok "invoice list csv: subtotal, tps, tvq, total as 1234.56" || not_ok "invoice list csv: money not in dollars"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows
for r in rows:
    for k in ("subtotal", "tps", "tvq", "total"):
        assert re.match(r"^-?\d+\.\d\d$", r[k]), (k, r[k])
PY
j invoice list --format json
printf '%s' "$OUT" | python3 -c 'import json, sys
d = json.load(sys.stdin)
rates = {"tps_tvq": (5000, 9975), "tvh": (13000, 0)}   # Québec, and the Ontario clients of the demo
assert all(isinstance(x["total_cents"], int) and (x["tps_rate_pcm"], x["tvq_rate_pcm"]) == rates[x["tax_regime"]]
           for x in d if x["number"])' \
  && ok "invoice list json: integer cents, tax rates in pcm (5 % = 5000, 13 % = 13000)" || not_ok "invoice list json: cents or rates"

finish
