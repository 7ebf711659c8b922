#!/usr/bin/env bash
# The receivables tab of Facturation (< >): per client what is open today in
# the ageing columns and the totals, the figures `juste receivables` gives
# (both call receivables_ageing); Enter lists a client's open invoices.  In
# French, then with an English interface: English number formats and words
# on the billing desk, the utilisation screen, the report and the top bar's
# role.
export JUSTE_TODAY=2020-04-20
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
SIZE=80x24

seed_world
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Plan stratégique,COOP1,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "a mandate of COOP1"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j --as alice log --date 2020-01-15 12h M-1 "Budget"; expect_rc 0 "January on M-1 (FCSD)"
j --as bob log --date 2020-01-16 3h M-3 "Plan"; expect_rc 0 "January on M-3 (COOP1)"
j --as carole invoice issue 2020-01 --date 2020-02-03; expect_rc 0 "January issued on 2020-02-03"
j --as alice log --date 2020-03-02 2h M-1 "Suivi"; expect_rc 0 "March on M-1"
j --as carole invoice issue 2020-03 --date 2020-04-01; expect_rc 0 "March issued on 2020-04-01"
first=$(sql "select number from invoices where kind = 'invoice' and client_id = (select id from orgs where code = 'FCSD') order by number limit 1")
j --as carole payment add "$first" --amount 500.00 --date 2020-03-10; expect_rc 0 "FCSD pays part of January"
j --as carole payment add --client COOP1 --amount 400.00 --date 2020-03-12; expect_rc 0 "COOP1 pays more than it owes"
j --as carole receivables --format json; expect_rc 0 "juste receivables --format json"
R=$OUT
expect_eq "$(printf '%s' "$R" | jq '.clients | length')" "2" "two clients in the receivables"

# cents AMOUNT : "$1,234.56" / "-$12.00" -> cents
cents() { printf '%s' "$1" | tr -d '$,.' ; }
# the English amounts of a line, as cents, space-separated
amounts() { printf '%s\n' "$1" | grep -o -- '-\?\$[0-9,]*\.[0-9][0-9]' | while read -r a; do printf '%s ' "$(( $(cents "$a") ))"; done; }
# what the screen's columns must hold (at 132 columns): the ages, the credit
# (negative), the balance
want() { printf '%s' "$R" | jq -r "$1"' | [.current_cents, .days_1_30_cents, .days_31_60_cents, .days_61_90_cents, .days_over_90_cents, (if .credit_cents == 0 then 0 else -.credit_cents end), .balance_cents] | map(tostring) | join(" ")'; }

# --- French -------------------------------------------------------------------------
tui_start "$SIZE" --as carole tui
keys F3
see "Facturation · mois 2020-03" "the billing desk"
keys '>'
see "Comptes clients au 2020-04-20 · 2 clients" "> shows the receivables tab"
see "31 à 60 j" "with the ageing columns"
see "plus de 90 j" "to over 90 days"
screen
total_fr=$(line_of 'Total ')
digits() { printf '%s' "$1" | tr -cd '0-9 \n' | tr -s ' ' | sed 's/^ //; s/ $//'; }
bal=$(printf '%s' "$R" | jq '.total.balance_cents')
case "$(printf '%s' "$total_fr" | tr -d ' \302\240' )" in
  *"$(printf '%s' "$bal" | sed 's/..$/,&/')\$") ok "the total row ends with the balance of juste receivables";;
  *) not_ok "total row: $total_fr (balance_cents $bal)";;
esac
due=$(printf '%s' "$R" | jq -r --arg n "$first" '.clients[].invoices[] | select(.number == $n) | .due_on')
late=$(( ($(date -u -d 2020-04-20 +%s) - $(date -u -d "$due" +%s)) / 86400 ))
keys g Down Enter
see "$first · échéance $due · ouvert" "Enter lists the client's open invoices"
see "$late jours de retard" "with the days late"
keys Escape
screen
case "$(row 3)" in *crédit*) not_ok "80 columns show the credit column: $(row 3)";; *) ok "80 columns leave the credit column out";; esac
tm resize-window -t "$S" -x 132 -y 43 2>/dev/null || tm resize-pane -t "$S" -x 132 -y 43
wait_until "the credit column after a resize" row_has 3 "crédit" && ok "widened, the tab shows the credit column" || not_ok "no credit column at 132 columns"
tm resize-window -t "$S" -x 80 -y 24 2>/dev/null || tm resize-pane -t "$S" -x 80 -y 24
wait_until "the credit column to go" eval '! row_has 3 "crédit"' && ok "narrowed again, it goes" || not_ok "credit column at 80 columns"
keys d
see "sur l'onglet du mois" "the month's keys say where they work"
keys '<'
see "Facturation · mois 2020-03" "< comes back to the month"
tui_quit

# --- English --------------------------------------------------------------------------
# wide enough for the credit column, which 80 columns leave out
TUI_ENV="LANGUAGE=en"
tui_start 132x43 --as carole tui
see "billing clerk" "the top bar shows the role's name in English"
keys F3 '>'
see "Receivables at 2020-04-20 · 2 clients" "the receivables tab in English"
see "31 to 60 d" "English ageing columns"
screen
expect_eq "$(amounts "$(line_of 'Total ')")" "$(want .total) " "the total row equals juste receivables' totals (every column)"
for c in FCSD COOP1; do
  expect_eq "$(amounts "$(line_of "$c ")")" "$(want ".clients[] | select(.client == \"$c\")") " "$c's row equals juste receivables"
done
case "$SCREEN" in *$'\xc2\xa0$'*|*",00"*) not_ok "French amounts in the English interface";; *) ok "no French amount";; esac
keys '<'
see "Billing · month 2020-03" "the month in English"
screen
case "$(line_of 'FCSD')" in *'$'[0-9]*.[0-9][0-9]*) ok "the month's amounts in English format";; *) not_ok "FCSD row: $(line_of 'FCSD')";; esac
tui_quit

tui_start 132x43 --as gilles tui
see "manager" "the manager's role in English"
keys F4
see "Capacity" "Utilisation in English"
keys '>'
see "Budget \$" "the mandates tab"
screen
case "$SCREEN" in *",00"*|*$'\xc2\xa0%'*) not_ok "French numbers on the mandates tab";; *) ok "English numbers on the mandates tab";; esac
keys F6
see "Activity report" "the report in English"
screen
case "$SCREEN" in *[0-9]$'\xc2\xa0'[0-9]*|*[0-9],[0-9][0-9]' '*|*$'\xc2\xa0$'*) not_ok "French number formats on the report: $(printf '%s\n' "$SCREEN" | grep -m1 -E '[0-9],[0-9]')";; *) ok "English number formats on the report";; esac
tui_quit

finish
