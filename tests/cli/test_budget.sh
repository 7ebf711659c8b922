#!/usr/bin/env bash
# Budgets from tracked time: hours logged and dollars priced by the
# invoices' pricer (increment applied, billed entries at their share of
# their line), remaining and percent; the filters and the machine formats;
# the 80 % and 100 % warnings when time is saved, given once; hard budgets.
. "$(dirname "$0")/lib.sh"
seed_world
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
B-1,Budget en dollars,FCSD,,FIN,,horaire,,10,800.00,2019-04-01,
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
from decimal import Decimal
print(sum(int(Decimal(r["amount"]) * 100) for r in csv.DictReader(sys.stdin)))')
expect_eq "$(field B-1 used_amount_cents)" "$priced" "B-1's dollars are the priced total of its entries"
# 1h07 -> 1h15, 2h, 0h50 -> 1h00 at 95 $: 4h15 = 403,75 $
expect_eq "$(field B-1 used_amount_cents)" "40375" "…increment applied: 4h15 at 95 \$"
expect_eq "$(field B-1 used_minutes)" "237" "hours are the minutes logged"
expect_eq "$(field B-1 remaining_amount_cents)" "39625" "remaining dollars"
expect_eq "$(field B-1 remaining_minutes)" "363" "remaining minutes"
expect_eq "$(field B-1 used_pct)" "50.5" "percent: the larger of hours (39.5) and dollars (50.5)"
# a budget in hours alone still shows the dollars its time is worth
j --as gilles entries --mandate B-3 --priced --format csv
priced3=$(printf '%s\n' "$OUT" | python3 -c 'import csv, sys
from decimal import Decimal
print(sum(int(Decimal(r["amount"]) * 100) for r in csv.DictReader(sys.stdin)))')
[ "$priced3" -gt 0 ] && expect_eq "$(field B-3 used_amount_cents)" "$priced3" "B-3 (hours only): its dollars are the priced total of its entries" \
  || not_ok "B-3 has no priced entry to compare ($priced3)"
expect_eq "$(field B-2 budget_amount_cents)" "None" "no dollar budget is null, not 0"
expect_eq "$(field B-1 budget_hard)" "False" "budgets warn by default"
first=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[-1]["code"])' "$T/budget.json")
expect_eq "$first" "B-3" "closed mandates come after the open ones"
j --as gilles budget --open --format csv; expect_rc 0 "--open"
case "$OUT" in *B-3*) not_ok "--open leaves the closed mandate out";; *) ok "--open leaves the closed mandate out";; esac
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "code,title,client,closed_on,budget_minutes,used_minutes,remaining_minutes,budget_amount,used_amount,remaining_amount,used_pct,budget_hard,unpriced_entries" "CSV header in the machine vocabulary"
expect_out "B-1,Budget en dollars,FCSD,,600,237,363,800.00,403.75,396.25,50.5,0,0" "CSV money as 1234.56, durations in minutes"
j --as gilles budget --over 20 --format csv
case "$OUT" in *B-2*|*M-1*) not_ok "--over 20 keeps only mandates at 20 % or more";; *) expect_out "B-1," "--over 20 keeps only mandates at 20 % or more";; esac
j --as gilles budget --over 20,5x; expect_rc 2 "a bad --over is a usage error"
j --as gilles budget --client COOP1 --format csv; expect_rc 0 "--client"
expect_out "B-2," "…its mandates"
case "$OUT" in *B-1*) not_ok "…only its mandates";; *) ok "…only its mandates";; esac
j --as gilles budget --client NOPE; expect_rc 1 "an unknown client is refused"
j --as gilles budget; expect_rc 0 "table"
expect_out "403,75" "the table shows dollars used"

# --- the warnings, once, when crossed ---------------------------------------
warned() { case "$ERR" in *"$1"*) return 0;; *) return 1;; esac; }
j --as alice log --date 2020-03-09 7h B-2 "70 %"; expect_rc 0 "70 % of B-2"
warned "B-2" && not_ok "no warning below 80 % ($ERR)" || ok "no warning below 80 %"
j --as alice log --date 2020-03-10 1h B-2 "80 %"; expect_rc 0 "reaching 80 % is saved (exit 0)"
expect_err "mandat B-2 : 80" "…and says 80 % on stderr"
expect_err "8,00 h sur 10,00 h" "…with the hours against the budget"
expect_out "Saisi" "…the entry is reported as saved"
j --as alice log --date 2020-03-11 30m B-2 "85 %"; expect_rc 0 "85 %"
warned "B-2" && not_ok "80 % is not said again ($ERR)" || ok "80 % is not said again"
j --as alice log --date 2020-03-12 1h29 B-2 "99,8 %"; expect_rc 0 "99,8 %"
warned "B-2" && not_ok "no 100 % warning before 100 % ($ERR)" || ok "no 100 % warning before 100 %"
j --as alice log --date 2020-03-12 1m B-2 "100 %"; expect_rc 0 "reaching 100 % is saved"
expect_err "mandat B-2 : budget atteint" "…and says so"
j --as alice log --date 2020-03-13 30m B-2 "105 %"; expect_rc 0 "past 100 % on a budget that only warns"
warned "B-2" && not_ok "100 % is not said again ($ERR)" || ok "100 % is not said again"
id=$(sql "select max(id) from entries")
j --as alice entry edit "$id" --duration 10m; expect_rc 0 "shortening an entry"
warned "B-2" && not_ok "going down warns of nothing ($ERR)" || ok "going down warns of nothing"
# dollars: B-1 at 403,75 $ of 800 $; 3h at 95 $ = 285 $ takes it to 86,1 % (hours: 69,5 %)
j --as bob log --date 2020-03-13 3h B-1 "dollars"; expect_rc 0 "B-1 past 80 % in dollars"
expect_err "mandat B-1 : 80" "…warned in dollars"
expect_err "688,75" "…with the dollars priced as invoices price them"
expect_err "800,00" "…against the dollar budget"

# --- hard budgets -------------------------------------------------------------
j --as alice mandate budget B-1 --hard oui; expect_rc 1 "an expert may not make a budget hard"
j --as gilles mandate budget b-1 --hard oui; expect_rc 0 "the manager makes B-1's budget hard"
expect_out "B-1" "…named as stored"
expect_eq "$(sql "select count(*) from audit where entity = 'mandate' and action = 'update' and json_extract(after, '$.budget_hard') = 1")" "1" "…audited"
j --as gilles budget --format json; printf '%s' "$OUT" > "$T/budget.json"
expect_eq "$(field B-1 budget_hard)" "True" "the listing says hard"
n0=$(sql "select count(*) from entries")
# 111,25 $ left: 1h at 95 $ fits, then 15 min (23,75 $) more does not
j --as bob log --date 2020-03-16 1h B-1 "fits"; expect_rc 0 "time within a hard budget is saved"
j --as bob log --date 2020-03-16 15m B-1 "too much"; expect_rc 1 "time past a hard budget is refused"
expect_err "B-1" "…naming the mandate"
expect_err "800,00" "…and its budget"
expect_eq "$(sql "select count(*) from entries")" "$((n0 + 1))" "…and nothing of it is saved"
j --as gilles mandate budget M-2 --hard oui; expect_rc 1 "a mandate without a budget cannot be made hard"
j --as gilles mandate budget B-1 --hard peut-être; expect_rc 1 "--hard takes oui or non"
j export mandates -o "$T/m.csv"; expect_rc 0 "export mandates"
expect_eq "$(head -1 "$T/m.csv" | tr ',' '\n' | tail -1)" "budget_hard" "the export has budget_hard"
grep -q '^B-1,.*,1$' "$T/m.csv" && ok "…1 for B-1" || not_ok "…1 for B-1 ($(grep '^B-1' "$T/m.csv"))"
j import mandates "$T/m.csv"; expect_rc 0 "the export imports back unchanged"
cat > "$T/m3.csv" <<'CSV'
code,title,client,service,billing,budget_hours,opened_on,budget_hard
B-4,Strict dès l'import,FCSD,FIN,horaire,3,2019-04-01,1
CSV
j import mandates "$T/m3.csv"; expect_rc 0 "a mandate imported with budget_hard"
expect_eq "$(sql "select budget_hard from mandates where code = 'B-4'")" "1" "…is hard"
j --as gilles mandate budget B-1 --hard non; expect_rc 0 "the manager makes B-1's budget warn again"
j --as bob log --date 2020-03-16 15m B-1 "now allowed"; expect_rc 0 "a budget that warns again accepts time past 100 %"
expect_err "budget atteint" "…and says 100 %"

# --- an import of entries meets the same rules as juste log -----------------
cat > "$T/m4.csv" <<'CSV'
code,title,client,service,billing,budget_hours,opened_on,budget_hard
B-5,Avertit à l'import,FCSD,FIN,horaire,10,2019-04-01,0
B-6,Strict à l'import,FCSD,FIN,horaire,2,2019-04-01,1
CSV
j import mandates "$T/m4.csv"; expect_rc 0 "two mandates for the imports"
imp() { printf 'date,expert,mandate,minutes,note\n' > "$T/imp.csv"; printf '%s\n' "$@" >> "$T/imp.csv"; j import entries "$T/imp.csv"; }
count() { printf '%s' "$ERR" | grep -c "$1" || true; }
imp "2020-02-17,alice,B-5,420,a" "2020-02-18,alice,B-5,60,b" "2020-02-19,bob,B-5,60,c"
expect_rc 0 "an import taking B-5 to 90 % is saved (exit 0)"
expect_eq "$(count 'mandat B-5 : 80 %')" "1" "…and says 80 % once on stderr, however many lines crossed"
expect_err "9,00 h sur 10,00 h" "…with the hours after the whole import"
imp "2020-02-20,alice,B-5,30,d"
expect_rc 0 "more time under 100 %"
expect_eq "$(count 'B-5')" "0" "…80 % is not said again"
imp "2020-02-21,alice,B-5,15,e" "2020-02-24,alice,B-5,15,f" "2020-02-25,alice,B-5,15,g"
expect_rc 0 "an import past 100 % of a budget that warns is saved"
expect_eq "$(count 'mandat B-5 : budget atteint')" "1" "…and says 100 % once"
expect_eq "$(count 'B-5 : 80')" "0" "…and not 80 % again"
n0=$(sql "select count(*) from entries")
imp "2020-02-17,bob,B-5,60,h" "2020-02-17,alice,B-6,60,i" "2020-02-18,alice,B-6,60,j" "2020-02-19,bob,B-6,30,k" "2020-02-20,bob,B-5,60,l"
expect_rc 1 "time past a hard budget in an import is refused"
expect_err "imp.csv:5:" "…naming the file and the line that goes past it"
expect_err "B-6" "…and the mandate"
expect_err "2,00 h" "…and its budget"
expect_eq "$(sql "select count(*) from entries")" "$n0" "…and nothing of the import is saved"
imp "2020-02-17,alice,B-6,60,i" "2020-02-18,alice,B-6,60,j"
expect_rc 0 "up to 100 % of a hard budget is accepted"
expect_err "mandat B-6 : budget atteint" "…and says 100 %"
# a hard budget in dollars: 2h at 95 $ = 190 $ of 200 $, then 15 min (23,75 $) more is past it
printf 'code,title,client,service,billing,budget_amount,opened_on,budget_hard\nB-7,Strict en dollars,FCSD,FIN,horaire,200.00,2019-04-01,1\n' > "$T/m7.csv"
j import mandates "$T/m7.csv"; expect_rc 0 "a mandate with a hard budget in dollars"
n0=$(sql "select count(*) from entries")
imp "2020-02-03,bob,B-7,60,o" "2020-02-04,bob,B-7,60,p" "2020-02-05,bob,B-7,15,q"
expect_rc 1 "an import past a hard budget in dollars is refused"
expect_err "imp.csv:4:" "…at the line that takes it past, priced as invoices price it"
expect_err "213,75" "…with the dollars priced"
expect_eq "$(sql "select count(*) from entries")" "$n0" "…and nothing of the import is saved"
imp "2020-02-03,bob,B-7,60,o" "2020-02-04,bob,B-7,60,p"
expect_rc 0 "within the dollar budget: saved"
expect_err "mandat B-7 : 80" "…and past 80 % in dollars, said"
j --as gilles mandate assign B-5 alice --manager gilles; expect_rc 0 "a team on B-5"
n0=$(sql "select count(*) from entries")
imp "2020-02-26,alice,B-5,30,m" "2020-02-26,bob,B-5,30,n"
expect_rc 1 "an import with a non-member's time is refused"
expect_err "imp.csv:3:" "…naming the file and the line"
expect_err "bob n'est pas de l'équipe du mandat B-5" "…and who is not on the team"
expect_err "Gilles Lévesque (gilles)" "…and the mandate's manager"
expect_eq "$(sql "select count(*) from entries")" "$n0" "…and nothing of it is saved"
j --as bob log --date 2020-02-26 30m B-5; expect_rc 1 "juste log refuses the non-member too"
expect_err "bob n'est pas de l'équipe du mandat B-5" "…with the same words"

finish
