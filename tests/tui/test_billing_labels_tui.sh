#!/usr/bin/env bash
# Two labels of the Facturation screen, at 80x24 and 132x43:
#  - the header of the entries behind a line keeps a space between
#    "Facturé" and "Note" (the notes' cells start with one; "Facturé" fills
#    its column), not "FacturéNote";
#  - a held draft's title agrees with the feminine "Facture": "Facture
#    retenue" (the month's list keeps "retenu", for "brouillon retenu").
#
#   JUSTE=build/juste SRCDIR=. bash tests/tui/test_billing_labels_tui.sh
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
seed_world
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j org add NOADR --name "Coopérative sans adresse" --category membre --joined 2019-01-01; expect_rc 0 "a client without an address"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-9,Conseil,NOADR,,FIN,,horaire,,,,2019-04-01,\n' > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "its mandate"
j --as alice log --date 2020-03-02 2h M-1 "Budget"; expect_rc 0 "an hour for FCSD"
j --as alice log --date 2020-03-02 1h M-9 "Conseil"; expect_rc 0 "an hour for the held client"

for size in 80x24 132x43; do
  tui_start "$size" --as carole tui
  keys F3
  see "Facturation · mois 2020-03" "$size: the billing desk"
  keys d
  see "Brouillons du mois 2020-03" "$size: drafted"
  keys g Enter
  see "Facture brouillon · FCSD" "$size: FCSD's draft"
  keys Enter
  see "Date        Expert" "$size: the entries of its line"
  see "Facturé Note" "$size: the entries' header keeps a space between Facturé and Note"
  keys Escape Escape G Enter
  see "· NOADR ·" "$size: the held draft"
  see "Facture retenue · NOADR" "$size: its title agrees in gender (Facture retenue)"
  tui_quit
done
finish
