#!/usr/bin/env bash
# The billing screen's issue (F3, i, o) under the shipped example's
# identity: refused with the use case's message, nothing issued; once the
# admin has set the centre's own numbers, the same keys issue the month.
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"

seed_world --example-identity
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j --as alice log --date 2020-03-02 2h M-1 "Préparation du budget"; expect_rc 0 "alice on M-1"

tui_start 132x43 --as carole tui
see "F3 Facturation" "the clerk's screens"
keys F3
see "Facturation · mois 2020-03" "F3 opens the billing desk on last month"
keys d
see "Brouillons du mois 2020-03 : 1" "d drafts the month: a draft is only a preview"
keys i
see "Émettre 1 facture(s) du mois 2020-03" "i asks to confirm"
keys o
see "l'identité du centre est celle de l'exemple" "the issue is refused, saying why"
expect_eq "$(sql "select count(*) from invoices where status = 'issued'")" "0" "nothing issued"
tui_quit

j settings set centre.tps_number 987654321RT0001; expect_rc 0 "the centre's TPS number"
j settings set centre.tvq_number 9876543210TQ0001; expect_rc 0 "the centre's TVQ number"
tui_start 132x43 --as carole tui
see "F3 Facturation" "the clerk's screens again"
keys F3
see "Facturation · mois 2020-03" "the billing desk"
see "1 brouillon(s)" "the draft is still there"
keys i
see "Émettre 1 facture(s) du mois 2020-03" "i asks to confirm"
keys o
see "1 facture(s) émise(s) pour 2020-03" "issued, now"
expect_eq "$(sql "select count(*) from invoices where status = 'issued'")" "1" "one invoice issued"
tui_quit
finish
