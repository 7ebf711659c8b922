#!/usr/bin/env bash
# Budgets from tracked time: hours logged and dollars priced by the
# invoices' pricer (increment applied, billed entries at their share of
# their line), remaining and percent; the filters and the machine formats;
# the 80 % and 100 % warnings when time is saved, given once; hard budgets.
. "$(dirname "$0")/lib.sh"
seed_world
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
B-1,Budget en dollars,FCSD,,FIN,,horaire,,10,1000.00,2019-04-01,
B-2,Budget en heures,COOP1,,FIN,,horaire,,10,,2019-04-01,
B-3,Fermé,FCSD,,RH,,horaire,,5,,2019-04-01,2020-02-29
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "mandates with budgets"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
2019-04-01,RH,membre,80.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j --as carole invoice increment --mandate B-1 15; expect_rc 0 "B-1 bills by quarter hours"

log() { j --as "$1" log --date "$2" "$3" "$4" "$5"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log alice 2020-02-03 1h07 B-1 "Février"
log bob   2020-02-04 2h   B-1 "Février encore"
log bob   2020-02-10 1h   B-3 "Avant la fermeture"
j --as carole invoice draft 2020-02; expect_rc 0 "February drafted"
j --as carole invoice issue 2020-02 --date 2020-03-02; expect_rc 0 "February issued"
log alice 2020-03-02 50m  B-1 "Mars"

# --- the listing ------------------------------------------------------------
j --as alice budget; expect_rc 1 "an expert may not see the budgets"
expect_err "permission" "…refused as a permission"
j --as gilles budget --format json; expect_rc 0 "the manager lists the budgets"
printf '%s' "$OUT" > "$T/budget.json"
field() { python3 -c 'import json, sys
rows = {r["code"]: r for r in json.load(open(sys.argv[1]))}
print(rows[sys.argv[2]][sys.argv[3]])' "$T/budget.json" "$1" "$2"; }
j --as gilles entries --mandate B-1 --priced --format csv
priced=$(printf '%s\n' "$OUT" | python3 -c 'import csv, sys
print(sum(int(r["amount_cents"]) for r in csv.DictReader(sys.stdin)))')
expect_eq "$(field B-1 used_cents)" "$priced" "B-1's dollars are the priced total of its entries"
# 1h07 -> 1h15, 2h, 0h50 -> 1h00 at 95 $: 4h15 = 403,75 $
expect_eq "$(field B-1 used_cents)" "40375" "…increment applied: 4h15 at 95 \$"
expect_eq "$(field B-1 used_minutes)" "237" "hours are the minutes logged"
expect_eq "$(field B-1 remaining_cents)" "59625" "remaining dollars"
expect_eq "$(field B-1 remaining_minutes)" "363" "remaining minutes"
expect_eq "$(field B-1 used_pct)" "40.4" "percent: the larger of hours (39.5) and dollars (40.4)"
expect_eq "$(field B-2 budget_cents)" "None" "no dollar budget is null, not 0"
expect_eq "$(field B-1 budget_hard)" "False" "budgets warn by default"
first=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[-1]["code"])' "$T/budget.json")
expect_eq "$first" "B-3" "closed mandates come after the open ones"
j --as gilles budget --open --format csv; expect_rc 0 "--open"
case "$OUT" in *B-3*) not_ok "--open leaves the closed mandate out";; *) ok "--open leaves the closed mandate out";; esac
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "code,title,client,closed_on,budget_minutes,used_minutes,remaining_minutes,budget_amount,used_amount,remaining_amount,used_pct,budget_hard,unpriced_entries" "CSV header in the machine vocabulary"
expect_out "B-1,Budget en dollars,FCSD,,600,237,363,1000.00,403.75,596.25,40.4,0,0" "CSV money as 1234.56, durations in minutes"
j --as gilles budget --over 20 --format csv
case "$OUT" in *B-2*|*M-1*) not_ok "--over 20 keeps only mandates at 20 % or more";; *) expect_out "B-1," "--over 20 keeps only mandates at 20 % or more";; esac
j --as gilles budget --over 20,5x; expect_rc 2 "a bad --over is a usage error"
j --as gilles budget --client COOP1 --format csv; expect_rc 0 "--client"
expect_out "B-2," "…its mandates"
case "$OUT" in *B-1*) not_ok "…only its mandates";; *) ok "…only its mandates";; esac
j --as gilles budget --client NOPE; expect_rc 1 "an unknown client is refused"
j --as gilles budget; expect_rc 0 "table"
expect_out "403,75" "the table shows dollars used"

finish
