#!/usr/bin/env bash
# Facturation in English: Enter on a "client without an address" blocker
# shows the organisation and what to fix.  The dialog once depended on the
# French words of the stored message, so in English it showed nothing.
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
seed_world
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j org add NOADR --name "Coopérative sans adresse" --category membre --joined 2019-01-01; expect_rc 0 "a client without an address"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-9,Conseil,NOADR,,FIN,,horaire,,,,2019-04-01,\n' > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "its mandate"
j --as alice log --date 2020-03-02 2h M-9 "Conseil"; expect_rc 0 "an hour to bill"

TUI_ENV="LANGUAGE=en" tui_start 100x30 --as carole tui
keys F3
see "Billing · month 2020-03" "the billing desk, in English"
keys d
see "NOADR" "the client's draft"
keys G Enter
keys G Enter
see "Address: (none)" "Enter on the blocker shows the missing address"
see "Organization NOADR: Coopérative sans adresse" "and names the organisation"
keys Escape Escape
tui_quit
finish
