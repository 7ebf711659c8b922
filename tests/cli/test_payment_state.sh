#!/usr/bin/env bash
# An invoice's state from its payments and credit notes (payée, payée en
# partie, émise, créditée) in every format of invoice list; the annual
# report's receivables at the year's last day and average days to payment,
# worked by hand; its utilisation over a year with holidays, a closure and
# an absence equal to the one capacity (juste capacity, report utilisation).
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
seed_world

json() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "a mandate for COOP1"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' >"$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
log() { j --as alice log --date "$1" "$2" "$3" "x"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log 2019-12-10 2h  M-3    # E (COOP1): 180,00 + 9,00 + 17,96 = 206,96
log 2020-01-15 10h M-1    # A (FCSD): 950,00 + 47,50 + 94,76 = 1 092,26
log 2020-01-20 1h  M-3    # D (COOP1): 90,00 + 4,50 + 8,98 = 103,48
log 2020-02-10 4h  M-1    # B (FCSD): 380,00 + 19,00 + 37,91 = 436,91
log 2020-03-05 2h  M-1    # C (FCSD): 190,00 + 9,50 + 18,95 = 218,45
issue() { JUSTE_TODAY=$2 j --as carole invoice issue "$1" --date "$2"; [ "$RC" = 0 ] || not_ok "issue $1: $ERR"; }
issue 2019-12 2020-01-06   # due 2020-02-05
issue 2020-01 2020-02-03   # due 2020-03-04
issue 2020-02 2020-03-02   # due 2020-04-01
issue 2020-03 2020-04-01   # after the year
num() { sql "select i.number from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.period = '$2' and i.kind = 'invoice'"; }
E=$(num COOP1 2019-12); A=$(num FCSD 2020-01); D=$(num COOP1 2020-01); B=$(num FCSD 2020-02); C=$(num FCSD 2020-03)
expect_eq "$(sql "select total_cents from invoices where number = '$E'")" "20696" "E's total is the one worked by hand"

pay() { JUSTE_TODAY=$3 j --as carole payment add $1 --amount "$2" --date "$3"; [ "$RC" = 0 ] || not_ok "payment $*: $ERR"; }
pay "--client COOP1" 206.96 2020-01-17   # on account: closes E, 11 days after its issue
pay "$A" 500.00 2020-02-13
pay "$A" 592.26 2020-03-04               # closes A, 30 days after its issue
pay "$D" 50.00 2020-03-10                # D: 53,48 open at the year's end
pay "$D" 53.48 2020-04-20                # … paid after it
pay "$B" 100.00 2020-04-10               # B: 336,91 open today

# --- the states, today ----------------------------------------------------------
j --as carole invoice list --format json; expect_rc 0 "invoice list in JSON"
st() { json "[(i['state'], i['paid_cents'], i['open_cents']) for i in d if i['number'] == '$1'][0]"; }
expect_eq "$(st "$E")" "('paid', 20696, 0)" "E is paid"
expect_eq "$(st "$A")" "('paid', 109226, 0)" "A, paid in two payments, is paid"
expect_eq "$(st "$D")" "('paid', 10348, 0)" "D is paid"
expect_eq "$(st "$B")" "('partly_paid', 10000, 33691)" "B is partly paid, 336,91 open"
expect_eq "$(st "$C")" "('issued', 0, 21845)" "C, nothing paid, is issued with its total open"
j --as carole invoice list --format csv; expect_rc 0 "invoice list in CSV"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" \
  "id,number,kind,status,period,issued_on,due_on,client,client_name,subtotal,tps,tvq,total,credits_invoice,state,paid_amount,open" \
  "the CSV names state, paid_amount and open"
row() { printf '%s\n' "$OUT" | grep ",$1," | awk -F, '{print $(NF-2) "," $(NF-1) "," $NF}'; }
expect_eq "$(row "$B")" "partly_paid,100.00,336.91" "B's CSV row: partly paid, dollars paid and open"
expect_eq "$(row "$C")" "issued,0.00,218.45" "C's CSV row: issued, all open"
j --as carole invoice list; expect_rc 0 "invoice list as a table"
line() { printf '%s\n' "$OUT" | grep -F "$1"; }
case "$(line "$B")" in *"payée en partie"*) ok "the table says B is payée en partie";; *) not_ok "B's row: $(line "$B")";; esac
case "$(line "$A")" in *"payée"*) case "$(line "$A")" in *"en partie"*) not_ok "A is paid in full: $(line "$A")";; *) ok "the table says A is payée";; esac;; *) not_ok "A's row: $(line "$A")";; esac
case "$(line "$C")" in *"émise"*) ok "C is émise";; *) not_ok "C's row: $(line "$C")";; esac
j --as carole invoice show "$B"; expect_rc 0 "invoice show B"
expect_out "État : payée en partie" "show says payée en partie"
expect_out "reste à payer : 336,91" "… and what is left to pay"

# a partial credit on C, then the rest paid: paid, its credit note named
JUSTE_TODAY=2020-06-15 j --as carole invoice credit "$C" --amount 100.00 --reason "rabais"
expect_rc 0 "a partial credit on C"
j --as carole invoice list --format json
NC=$(json "[i['number'] for i in d if i['credits_invoice'] == '$C'][0]")
expect_eq "$(st "$C")" "('partly_credited', 0, 10347)" "C partly credited: its total less the credit (218,45 - 114,98) open"
pay "$C" 103.47 2020-06-15
j --as carole invoice list --format json
expect_eq "$(st "$C")" "('paid', 10347, 0)" "… and paid once the rest is paid"
j --as carole invoice list
case "$(line "$C")" in *"payée ($NC)"*) ok "the table names the credit note beside payée";; *) not_ok "C's row: $(line "$C")";; esac
j --as carole invoice credit "$E" --reason "annulée"; expect_rc 0 "E credited in full"
j --as carole invoice list --format json
expect_eq "$(json "[i['state'] for i in d if i['number'] == '$E'][0]")" "credited" "a paid invoice credited in full is créditée"
expect_eq "$(json "[i['open_cents'] for i in d if i['number'] == '$NC'][0]")" "0" "a credit note owes nothing"

# --- the annual report: receivables on 2020-03-31, worked by hand -------------
# open on 2020-03-31: D 53,48 (due 03-04: 27 days late, 1-30) and B 436,91
# (due 04-01: current); C is issued after the year.  Paid in full by then,
# among the year's invoices: E (11 days) and A (30 days): 20,5 days.  D was
# paid after the year's end: not counted.
j --as gilles report annual --fy 2019-2020 --format json; expect_rc 0 "the annual report in JSON"
expect_eq "$(json "(d['receivables']['open_cents'], d['receivables']['by_age_cents']['current'], d['receivables']['by_age_cents']['days_1_30'], d['receivables']['open_invoices'])")" \
  "(49039, 43691, 5348, 2)" "receivables at the year's end: 490,39, by age"
expect_eq "$(json "(d['receivables']['paid_invoices'], d['receivables']['days_to_payment'])")" "(2, 20.5)" \
  "average days to payment: (11 + 30) / 2"
j --as gilles report annual --fy 2019-2020 --format csv; expect_rc 0 "the annual report in CSV"
expect_out "days_to_payment,2019-2020,,20.5" "the CSV gives the days to payment"
expect_out "receivables_by_age_cents,2019-2020,days_1_30,5348" "… and the receivables by age"
j --as gilles report annual --fy 2019-2020; expect_rc 0 "the annual report as text"
expect_out "Délai moyen de paiement : 20,5 jours" "the text gives the days to payment"
expect_out "Comptes clients" "… under its heading"

# --- utilisation over a year with holidays, a closure and an absence ----------
j --as gilles holiday add 2019-12-23 --to 2020-01-03 --name "Fermeture des fêtes"; expect_rc 0 "a closure"
j --as gilles absence add alice --from 2019-11-04 --to 2019-11-05 --kind vacances; expect_rc 0 "an absence"
# 262 weekdays; 8 statutory holidays; the closure's 10 weekdays hold 2 of
# them (12-25, 01-01): 16 days off; 2 days absent: 244 x 7 h
j --as gilles capacity alice --from 2019-04-01 --to 2020-03-31 --format json; expect_rc 0 "alice's capacity"
CAP=$(json "(d['capacity_minutes'], d['holiday_minutes'], d['absence_minutes'])")
expect_eq "$CAP" "(102480, 6720, 840)" "the capacity worked by hand"
j --as gilles report annual --fy 2019-2020 --format json
expect_eq "$(json "[(x['capacity_minutes'], x['holiday_minutes'], x['absence_minutes']) for x in d['utilisation']['experts'] if x['login'] == 'alice'][0]")" \
  "$CAP" "the annual report's capacity is the one capacity"
expect_eq "$(json "[x['utilisation_pct'] for x in d['utilisation']['experts'] if x['login'] == 'alice'][0]")" "1.1" \
  "… and its utilisation is over it (19 h: 1 140 / 102 480 min)"
j --as gilles report utilisation --from 2019-04-01 --to 2020-03-31 --by expert --format json; expect_rc 0 "report utilisation"
expect_eq "$(json "[(x['capacity_minutes'], x['holiday_minutes'], x['absence_minutes']) for x in d['rows'] if x['key'] == 'alice'][0]")" \
  "$CAP" "report utilisation gives the same capacity, holidays and absences"
j --as gilles report annual --fy 2019-2020
expect_out "FÉRIÉS" "the text report shows the holidays apart"
finish
