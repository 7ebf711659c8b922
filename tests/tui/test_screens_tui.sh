#!/usr/bin/env bash
# Key screens of the terminal interface at 80x24, compared whole with
# tests/golden/screens/ (tig's way): Ma semaine, its picker and its help;
# Facturation with a held draft, a draft, the entries behind a line and a
# blocker; Utilisation's mandates and its holidays and closures; Rapport;
# the receivables tab of Facturation.  Each is captured once a known
# marker shows; tests/golden/README.md tells how to regenerate them.
export JUSTE_TODAY=2020-04-15
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
SIZE=80x24

# --- a fixed fixture ----------------------------------------------------------
seed_world
cat > "$T/orgs2.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
NOADR,Coopérative sans adresse,membre,,0,0,2018-01-01,,na@na.coop,
CSV
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Plan stratégique,COOP1,,FIN,,horaire,,20,,2018-04-01,
F-1,Tenue de livres mensuelle,FCSD,,FIN,,forfait,450.00,,,2018-04-01,
M-5,Conseil sans adresse,NOADR,,FIN,,horaire,,,,2018-04-01,
M-0,Budget 2018,FCSD,,RH,,horaire,,,,2018-04-01,2019-03-31
CSV
j import orgs "$T/orgs2.csv"; expect_rc 0 "an organisation without an address"
j import mandates "$T/mandates2.csv"; expect_rc 0 "more mandates"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2018-04-01,FIN,membre,95.00
2018-04-01,FIN,auxiliaire,90.00
2018-04-01,RH,membre,80.00
2018-04-01,RH,auxiliaire,78.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
cat > "$T/entries.csv" <<'CSV'
date,expert,mandate,duration,note
2018-06-04,alice,M-0,3h,Budget de juin
2018-11-12,bob,M-0,2h30,Révision
2019-03-29,alice,M-0,1h,Clôture
2019-05-06,alice,M-1,4h,Budget annuel
2019-09-16,bob,M-3,3h,Diagnostic
2019-12-02,alice,M-1,2h,Suivi
2020-01-10,bob,M-2,1h30,Dotation
2020-03-02,alice,M-1,2h,Préparation du budget
2020-03-03,bob,M-1,1h30,Révision
2020-03-10,alice,F-1,2h,Écritures du mois
2020-03-12,alice,M-3,45m,Rencontre
2020-03-16,bob,M-5,1h,Sans adresse
2020-03-17,alice,INT,1h,Réunion d'équipe
2020-04-13,alice,M-1,1h30,Budget révisé
2020-04-13,alice,M-1,30m,Appel
2020-04-14,alice,INT,2h,Réunion d'équipe
2020-04-15,alice,M-3,3h15,Plan stratégique
CSV
j import entries "$T/entries.csv"; expect_rc 0 "the entries"

# --- Ma semaine -----------------------------------------------------------------
tui_start "$SIZE" --as alice tui
see "Semaine du 2020-04-13 au 2020-04-19" "Ma semaine"
expect_screen week_80x24.txt "Ma semaine, whole"
keys n
see "Ajouter un mandat" "the picker"
expect_screen week_picker_80x24.txt "the mandate picker, whole"
keys Escape
wait_gone "Ajouter un mandat" || not_ok "the picker did not close"
keys '?'
see "Aide — Ma semaine" "the help"
expect_screen week_help_80x24.txt "the help of Ma semaine, whole"
keys Escape
tui_quit

# --- Facturation -------------------------------------------------------------------
tui_start "$SIZE" --as carole tui
keys F3
see "Facturation · mois 2020-03" "the billing desk on last month"
keys d
see "Brouillons du mois 2020-03" "the month drafted"
expect_screen billing_80x24.txt "Facturation with its drafts, whole"
keys g Enter
see "Facture brouillon · COOP1" "the first draft"
expect_screen billing_draft_COOP1_80x24.txt "a draft with a late entry, whole"
keys Enter
see "Date        Expert" "the entries of its line"
expect_screen billing_entries_80x24.txt "the entries behind a line, whole"
keys Escape Escape
see "Client       N° / état" "back to the month"
keys j Enter
see "Facture brouillon · FCSD" "the next draft"
expect_screen billing_draft_FCSD_80x24.txt "a draft with hours and a forfait, whole"
keys Escape
see "Client       N° / état" "back to the month"
keys G Enter
see "NOADR · Coopérative sans adresse" "the held draft"
keys G Enter
see "Adresse : (aucune)" "its blocker"
expect_screen billing_blocker_80x24.txt "the blocker of a held draft, whole"
keys Escape Escape
tui_quit

# --- Utilisation, Rapport -------------------------------------------------------------
tui_start "$SIZE" --as gilles tui
keys F4
see "mois : 2020-04-01 au 2020-04-30" "Utilisation"
keys '>'
see "budgets des mandats" "the mandates' budgets"
expect_screen utilisation_mandates_80x24.txt "Utilisation, the mandates' budgets, whole"
keys F6
see "Rapport d'activités 2019-2020" "Rapport"
expect_screen report_80x24.txt "Rapport 2019-2020, whole"
tui_quit

# --- the year's holidays and closures; the receivables ---------------------------------
j --as gilles holiday add 2020-12-24 --to 2021-01-04 --name "Fermeture des fêtes"; expect_rc 0 "a closure"
tui_start "$SIZE" --as gilles tui
keys F4 6
see "jours fériés et fermetures de 2020" "Utilisation, the closures tab"
expect_screen utilisation_closures_80x24.txt "Utilisation, the holidays and closures of the year, whole"
tui_quit
# after the report's golden: these invoices are revenue of 2019-2020
j --as carole invoice issue 2020-03 --date 2020-04-01; expect_rc 0 "March issued (the held draft stays)"
j --as carole payment add --client FCSD --amount 100.00 --date 2020-04-10; expect_rc 0 "a payment on account"
tui_start "$SIZE" --as carole tui
keys F3 '>'
see "Comptes clients au 2020-04-15" "Facturation, the receivables tab"
expect_screen billing_receivables_80x24.txt "Facturation, the receivables tab, whole"
tui_quit

golden_orphans screens
finish
