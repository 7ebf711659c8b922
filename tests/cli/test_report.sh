#!/usr/bin/env bash
# test_report.sh - the annual report on a small hand-made dataset whose
# every figure is computed by hand below: fiscal-year boundaries (entries on
# 03-31 and 04-01), revenue in the year of the period billed (March's work
# invoiced in April, credit notes with the invoice they correct), new
# members by join date, the ristourne summing exactly to the amount, the
# finance figures, business development, people, formats (csv, json, pdf).
export JUSTE_TODAY=2020-06-15
. "$(dirname "$0")/lib.sh"

"$JUSTE" --db "$DB" init >/dev/null || { not_ok "init"; finish; }
seed_identity
ME=$(id -un)
NB=$(printf '\302\240')   # the no-break space of French figures

cat > "$T/services.csv" <<'CSV'
code,name
FIN,Finances
CSV
cat > "$T/programs.csv" <<'CSV'
code,name
PAAPA,Personnes âgées
PAGES,Plan d'action gouvernemental en économie sociale
CSV
# Members at 2019-03-31: FED, OLD (2).  At 2020-03-31: FED, AUX1, M401, M331
# (OLD left, SOUT joins later): 4, of which 3 new (AUX1, M401 on the first
# day, M331 on the last day).  ENT1 is an enterprise served, not a member.
cat > "$T/orgs.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
FED,Fédération Érable,membre,,1,0,2015-01-01,,f@fed.example,"1 rue Principale, Québec"
AUX1,Coopérative Auxiliaire,auxiliaire,,0,0,2019-06-01,,a@aux.example,"2 rue B, Lévis"
SOUT,Membre de soutien,soutien,,0,0,2020-04-01,,s@s.example,"3 rue C, Québec"
OLD,Ancien membre,membre,,0,0,2010-01-01,2019-12-31,o@o.example,"4 rue D, Québec"
M401,Membre du premier jour,membre,,0,0,2019-04-01,,m@m.example,"5 rue E, Québec"
M331,Membre du dernier jour,membre,,0,0,2020-03-31,,n@n.example,"6 rue F, Québec"
NM,Client non membre,non_membre,,0,0,,,nm@nm.example,"7 rue G, Montréal"
ENT1,Entreprise servie,non_membre,FED,0,0,,,e@e.example,"8 rue H, Québec"
CSV
cat > "$T/experts.csv" <<'CSV'
login,name,function,role,weekly_hours,started_on,left_on
alice,Alice Bélanger,professionnel,expert,35,2015-01-01,
bob,Bob Côté,formateur,expert,35,2015-01-01,
gilles,Gilles Lévesque,direction,gestionnaire,35,2015-01-01,
carole,Carole Gagnon,professionnel,commis,35,2015-01-01,
CSV
cat > "$T/mandates.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
MF,Budget de la fédération,FED,,FIN,PAAPA,horaire,,,,2018-04-01,
MA,Comptabilité auxiliaire,AUX1,,FIN,,horaire,,,,2018-04-01,
MN,Plan d'affaires,NM,,FIN,PAGES,horaire,,,,2018-04-01,
MB,Entreprise de la fédération,FED,ENT1,FIN,,horaire,,,,2018-04-01,
INT,Développement des affaires,FED,,FIN,,non_facturable,,,,2018-04-01,
CSV
# 2018-2019: 1 h + 2 h (the 2nd on 03-31) = 3 h, all FED.
# 2019-2020: MF 3 h (04-01), MA 1 h (04-01), MN 2 h (03-31), MB 1 h 30 (03-31) = 7 h 30; INT 4 h.
# 2020-2021: MF 1 h on 04-01.
cat > "$T/entries.csv" <<'CSV'
date,expert,mandate,duration,note
2018-06-01,alice,MF,1h,Juin
2019-03-31,alice,MF,2h,Dernier jour
2019-04-01,alice,MF,3h,Premier jour
2019-04-01,bob,MA,1h,Premier jour
2019-05-15,alice,INT,4h,Interne
2020-03-31,bob,MN,2h,Dernier jour
2020-03-31,alice,MB,1h30,Dernier jour
2020-04-01,alice,MF,1h,Exercice suivant
CSV
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2018-04-01,FIN,membre,100.00
2018-04-01,FIN,auxiliaire,120.00
2018-04-01,FIN,soutien,100.00
2018-04-01,FIN,non_membre,150.00
CSV
for k in services programs orgs experts mandates entries; do
  "$JUSTE" --db "$DB" import "$k" "$T/$k.csv" >/dev/null 2>"$T/seed.err" || { not_ok "import $k: $(cat "$T/seed.err")"; finish; }
done
j rate import "$T/rates.csv"; expect_rc 0 "rate table"

# Invoices (pre-tax), each in the fiscal year of the month it bills
# whatever its issue date: 2018-06: FED 100; 2019-03 (issued 2019-04-03):
# FED 200.  2019-04: FED 300, AUX1 120; 2020-03 (issued 2020-04-03): NM 300,
# FED 150.  A partial credit of 50 on the 2019-03 invoice issued on
# 2019-04-15 goes with that invoice, in 2018-2019; a partial credit of 20
# on AUX1's April invoice issued on 2020-04-02 in 2019-2020.
# 2018-2019 = 100 + 200 - 50 = 250; 2019-2020 = 300 + 120 + 300 + 150 - 20 = 850.
# (By issue date they would be 100 and 300 + 120 + 200 - 50 = 570.)
j invoice issue 2018-06 --date 2018-06-30; expect_rc 0 "issue 2018-06"
j invoice issue 2019-03 --date 2019-04-03; expect_rc 0 "issue 2019-03 in April"
j invoice issue 2019-04 --date 2019-04-30; expect_rc 0 "issue 2019-04"
j invoice issue 2020-03 --date 2020-04-03; expect_rc 0 "issue 2020-03 in April"
inv_0319=$(sql "SELECT number FROM invoices WHERE period = '2019-03' AND kind = 'invoice'")
inv_aux=$(sql "SELECT i.number FROM invoices i JOIN orgs o ON o.id = i.client_id WHERE i.period = '2019-04' AND o.code = 'AUX1'")
j invoice credit "$inv_0319" --reason "Escompte" --amount 50.00 --date 2019-04-15; expect_rc 0 "partial credit note"
j invoice credit "$inv_aux" --reason "Erreur" --amount 20.00 --date 2020-04-02; expect_rc 0 "partial credit note next year"

# Finance figures (dollars), and a year kept before juste (no invoice).
j finance set --fy 2019-2020 --budget-products 800 --budget-expenses 790 --actual-expenses 805
expect_rc 0 "finance set"
case "$("$JUSTE" --db "$DB" audit --entity finance 2>&1)" in *'"budget_products_cents":80000'*) ok "juste audit shows the finance figures entered";; *) not_ok "finance figures missing from juste audit";; esac
expect_num "805,00" "finance set echoes the figures"
j finance set --fy 2019-2020 --budget-products 800.00; expect_rc 0 "finance set keeps the other figures"
expect_num "790,00" "a second set keeps the budget expenses"
cat > "$T/finance.csv" <<'CSV'
fy,actual_products,actual_expenses,budget_products,budget_expenses
2018-2019,,290,,
2020-2021,,,900,880
2017-2018,250,240,,
CSV
j finance import "$T/finance.csv"; expect_rc 0 "finance import"
printf 'fy,actual_products\n2016-2017,12\n2015-2016,abc\n' > "$T/bad_fin.csv"
j finance import "$T/bad_fin.csv"; expect_rc 1 "bad finance import refused"
expect_err "bad_fin.csv:3" "the bad row is named"
expect_eq "$(sql "SELECT count(*) FROM finance_years WHERE fy = 2016")" 0 "a refused import writes nothing"
expect_eq "$(sql "SELECT count(*) > 0 FROM report_audit WHERE entity = 'finance' AND actor = '$ME'")" 1 \
  "finance changes are audited"

# Business development: 2 événements réseaux (one name twice), 1 rencontre
# OBNL on the last day; one in the next year (not counted).
j devaffaires add --date 2019-05-01 --kind evenement --partner reseaux --name "Assises du CQCM"; expect_rc 0 "devaffaires add"
cat > "$T/dev.csv" <<'CSV'
date,kind,partner,name
2019-06-01,evenement,reseaux,Assises du CQCM
2020-03-31,rencontre,obnl,Guilde du jeu vidéo du Québec
2020-04-01,rencontre,relayeurs,Ville de Montréal
CSV
j devaffaires import "$T/dev.csv"; expect_rc 0 "devaffaires import"
j devaffaires add --date 2019-05-01 --kind atelier --partner reseaux --name "X"; expect_rc 1 "unknown kind refused"
printf 'date,kind,partner,name\n2019-07-01,evenement,obnl,Bonne ligne\n2019-07-02,atelier,obnl,Mauvaise ligne\n' > "$T/dev_bad.csv"
n=$(sql 'select count(*) from devaffaires')
j devaffaires import "$T/dev_bad.csv"; expect_rc 1 "a bad row stops the import"
expect_err "dev_bad.csv:3:" "the message names the file and line"
expect_eq "$(sql 'select count(*) from devaffaires')" "$n" "and the good row before it is not kept"
j --as carole devaffaires list --fy 2019-2020 --format csv; expect_rc 0 "the billing clerk lists business development"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" 3 "3 entries in 2019-2020"
j --as carole devaffaires add --kind evenement --partner obnl --name "Y"; expect_rc 1 "the clerk cannot add"

# People: gender and birth year, admin only.  Ages on 2020: 40 and 50 -> 45.
j expert set alice --gender F --birth-year 1980; expect_rc 0 "expert set"
j expert set bob --gender M; expect_rc 0 "expert set gender only"
j expert set bob --birth-year 1970; expect_rc 0 "expert set year only"
expect_eq "$(sql "SELECT gender || birth_year FROM experts WHERE login = 'bob'")" "M1970" "both kept"
j expert set bob --gender Z; expect_rc 1 "unknown gender refused"
j --as gilles expert set bob --gender F; expect_rc 1 "a manager cannot set a gender"

# --- the report -------------------------------------------------------------
j --as alice report annual --fy 2019-2020; expect_rc 1 "an expert cannot read the report"
j --as gilles report annual --fy 2019-2020; expect_rc 0 "a manager reads the report"
j report annual --fy 2019-2020 --format json -o "$T/r.json"; expect_rc 0 "report json"
J="$T/r.json"
q() { jq -r "$1" "$J"; }
expect_eq "$(q '.years[1].billable_minutes')" 180 "2018-2019: 3 h (entry on 03-31 included)"
expect_eq "$(q '.years[2].billable_minutes')" 450 "2019-2020: 7 h 30 (04-01 and 03-31 in, 04-01 next year out)"
expect_eq "$(q '.years[2].internal_minutes')" 240 "internal hours apart"
expect_eq "$(q '.figures.hours_growth_pct')" 150 "hours growth +150 %"
expect_eq "$(q '.years[2].billable_minutes_by_month[0].billable_minutes')" 240 "April 2019: 4 h"
expect_eq "$(q '.years[2].billable_minutes_by_month[11].billable_minutes')" 210 "March 2020: 3 h 30"
expect_eq "$(q '.years[1].billable_minutes_by_month[11].billable_minutes')" 120 "March 2019: 2 h"
expect_eq "$(q '.years[2].beneficiaries')" 4 "4 enterprises served (ENT1 through FED's mandate)"
expect_eq "$(q '.years[1].beneficiaries')" 1 "1 the year before"
expect_eq "$(q '.years[1].members_at_end')" 2 "2 members at 2019-03-31"
expect_eq "$(q '.years[2].members_at_end')" 4 "4 members at 2020-03-31 (left and future excluded)"
expect_eq "$(q '.years[2].new_members')" 3 "3 new members by join date (04-01 and 03-31 included)"
expect_eq "$(q '.figures.members_growth_pct')" 100 "membership +100 %"
expect_eq "$(q '.years[1].products_actual_cents')" 25000 "2018-2019 products: 100 + 200 (issued in April) - 50 (credited in April)"
expect_eq "$(q '.years[1].credited_cents')" -5000 "the credit of 2019-04-15 goes with its March invoice, in 2018-2019"
expect_eq "$(q '.years[2].products_actual_cents')" 85000 "2019-2020 products: 850 $ (March invoiced in April, the credit of 2020-04-02 in)"
expect_eq "$(q '.years[2].credited_cents')" -2000 "the credit of 2020-04-02 on an April 2019 invoice counts in 2019-2020"
expect_eq "$(q '.years[2].invoices'),$(q '.years[2].credit_notes')" "4,1" "4 invoices of the year's periods, 1 credit note"
expect_eq "$(q '.years[2].products_source')" invoices "products come from the invoices"
expect_eq "$(q '.years[2].products_reconciliation_cents')" null "no reconciliation without an entered figure"
expect_eq "$(q '.years[2].revenue_by_category_cents.membre')" 45000 "members: 300 + 150"
expect_eq "$(q '.years[2].revenue_by_category_cents.auxiliaire')" 10000 "auxiliaries: 120 - 20"
expect_eq "$(q '.years[2].revenue_by_category_cents.non_membre')" 30000 "non-members: 300"
expect_eq "$(q '.years[1].revenue_by_category_cents.membre')" 25000 "members the year before: 100 + 200 - 50"
expect_eq "$(q '.figures.revenue_growth_pct.membre')" 80 "members' revenue +80 % (250 -> 450)"
expect_eq "$(q '.figures.operations_with_members_pct')" 64.7 "operations with members 550 / 850"
expect_eq "$(q '.years[2].revenue_full_management_cents')" 45000 "sous entière gestion: FED"
expect_eq "$(q '.years[2].revenue_other_members_cents')" 10000 "other members: AUX1"
expect_eq "$(q '.years[2].expenses_actual_cents')" 80500 "actual expenses as entered"
expect_eq "$(q '.figures.products_variance_pct')" 6.3 "products 850 vs budget 800: +6,25 %, half away from zero"
expect_eq "$(q '.figures.expenses_variance_pct')" 1.9 "expenses 805 vs 790: +1,9 %"
expect_eq "$(q '.figures.surplus_actual_cents')" 4500 "surplus 850 - 805"
expect_eq "$(q '.figures.surplus_previous_actual_cents')" -4000 "previous surplus 250 - 290"
expect_eq "$(q '.figures.surplus_budget_cents')" 1000 "budget surplus 800 - 790"
expect_eq "$(q '.next_year.surplus_budget_cents')" 2000 "next year's budget surplus 900 - 880"
expect_eq "$(q '.people.professionnel'),$(q '.people.formateur'),$(q '.people.direction')" "2,1,2" \
  "people by function at year end (alice, carole; bob; gilles, $ME)"
expect_eq "$(q '.people.women_pct'),$(q '.people.men_pct'),$(q '.people.average_age')" "50,50,45" \
  "one woman, one man, average age 45"
expect_eq "$(q '[.programs[] | "\(.code)=\(.billable_minutes)/\(.revenue_cents)"] | join(" ")')" \
  "PAAPA=180/30000 PAGES=120/30000 =150/25000" "hours and revenue by funding program (MF 300; MN 300, invoiced in April; MB 150 + MA 120 - 20)"
expect_eq "$(q '.devaffaires[0].evenement'),$(q '.devaffaires[1].rencontre'),$(q '.devaffaires[2].rencontre')" "2,1,0" \
  "business development counted by kind and partner, in the year"
expect_eq "$(q '.devaffaires[0].names[0].name')" "Assises du CQCM" "names listed once"
expect_eq "$(q '.utilisation.experts[] | select(.login == "alice") | .billable_minutes')" 270 "alice: 4 h 30 billable"
expect_eq "$(q '.utilisation.experts[] | select(.login == "alice") | .capacity_minutes')" 106680 \
  "alice's capacity: 262 weekdays less 8 statutory holidays, x 7 h"
expect_eq "$(q '.utilisation.experts[] | select(.login == "alice") | "\(.workdays_minutes) \(.holiday_minutes) \(.absence_minutes)"')" \
  "110040 3360 0" "… the weekdays and the holidays shown apart"

# 2017-2018 has no invoice: the entered products are used.
j report annual --fy 2018-2019 --format json -o "$T/r18.json"; expect_rc 0 "report 2018-2019"
expect_eq "$(jq -r '.years[1].products_actual_cents' "$T/r18.json"),$(jq -r '.years[1].products_source' "$T/r18.json")" \
  "25000,entered" "a year without invoices shows the entered products"

# Text and Markdown read like the report.
j report annual --fy 2019-2020; expect_rc 0 "report text"
expect_out "Heures de services rendus : 8${NB}h (2018-2019 : 3${NB}h)" "hours in the text"
expect_out "+150,0${NB}%" "growth in French"
expect_num "4 entreprises" "enterprises in the text"
expect_out "64,7${NB}% de ses opérations avec ses membres" "the seed's sentence, filled in"
expect_num "850${NB}\$" "products in whole dollars"
expect_num "+6${NB}%" "variance rounded like the seed's table"
case "$OUT" in *Rapprochement*) not_ok "a reconciliation line without an entered figure";; *) ok "no reconciliation line without an entered figure";; esac
j report annual --fy 2019-2020 --format md; expect_rc 0 "report md"
expect_out "## Affaires financières" "markdown headings"
expect_out "| PRODUITS |" "markdown table"

# CSV parses and carries the same figures.
j report annual --fy 2019-2020 --format csv -o "$T/r.csv"; expect_rc 0 "report csv"
expect_eq "$(python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(next(x["value"] for x in r if x["field"]=="products_actual_cents" and x["fy"]=="2019-2020"))' "$T/r.csv")" \
  85000 "csv parses; products in cents"
expect_eq "$(grep -c '^operations_with_members_pct,2019-2020,,64.7$' "$T/r.csv")" 1 "csv share of operations"

# PDF with its charts: the key figures are in its text.
j report annual --fy 2019-2020 --format pdf -o "$T/r.pdf"; expect_rc 0 "report pdf"
pdftotext "$T/r.pdf" "$T/r.txt" 2>/dev/null
TXT=$(tr '\n' ' ' < "$T/r.txt")
for s in "Rapport d'activités 2019-2020" "850 $" "+150,0 %" "Heures facturables par mois" \
         "Revenus par catégorie de membres" "Réel et budget 2019-2020" "64,7 %"; do
  case "$TXT" in *"$s"*) ok "pdf has '$s'";; *) not_ok "pdf lacks '$s'";; esac
done

# --- ristourne --------------------------------------------------------------
# 100,00 $ between FED (450) and AUX1 (100): 8181,82 and 1818,18 -> floors
# 8181 + 1818 = 9999; the cent left goes to FED (larger remainder).
j ristourne --fy 2019-2020 --amount 100.00 --format json; expect_rc 0 "ristourne"
expect_eq "$(printf '%s' "$OUT" | jq -r '[.members[] | "\(.code)=\(.share_cents)"] | join(" ")')" "AUX1=1818 FED=8182" \
  "ristourne by largest remainder"
expect_eq "$(printf '%s' "$OUT" | jq '[.members[].share_cents] | add')" 10000 "the shares add up to the amount"
j ristourne --fy 2019-2020 --amount 0.07 --format csv; expect_rc 0 "ristourne of 7 cents"
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import csv,sys; print(sum(round(float(r["share"]) * 100) for r in csv.DictReader(sys.stdin)))')" 7 \
  "7 cents add up"
j ristourne --fy 2017-2018 --amount 10; expect_rc 1 "no eligible member without invoices"

# --- utilisation and members ----------------------------------------------------
j report utilisation --from 2019-04-01 --to 2020-03-31 --by program --format json; expect_rc 0 "utilisation by program"
expect_eq "$(printf '%s' "$OUT" | jq -r '.total.billable_minutes,.total.internal_minutes' | tr '\n' ,)" "450,240," \
  "utilisation totals"
j report utilisation --from 2019-04-01 --to 2020-03-31 --by org --format csv; expect_rc 0 "utilisation by org"
expect_out "FED,Fédération Érable,270,240" "by org: FED 4 h 30 billable (MF and MB), 4 h internal"
j report utilisation --from 2019-04-01 --to 2020-03-31 --by expert; expect_rc 0 "utilisation table"
expect_out "Alice Bélanger" "experts listed"
j report utilisation --from 2020-03-31 --to 2019-04-01; expect_rc 1 "reversed range refused"
j report members --fy 2019-2020 --format json; expect_rc 0 "members report"
expect_eq "$(printf '%s' "$OUT" | jq -r '.operations_with_members_pct,.total_cents' | tr '\n' ,)" "64.7,85000," \
  "members report: share and total"
j report members --fy 2019-2020; expect_rc 0 "members table"
expect_out "64,7${NB}% des opérations" "members table share"
expect_num "52,9${NB}%" "members table: FED's share 450 / 850"
expect_num "11,8${NB}%" "members table: AUX1's share 100 / 850"
j ristourne --fy 2018-2019 --amount 10.00 --format json; expect_rc 0 "ristourne of the year before"
expect_eq "$(printf '%s' "$OUT" | jq -r '[.members[] | "\(.code)=\(.business_cents)"] | join(" ")')" "FED=25000" \
  "its business: March invoiced in April and its credit note counted in 2018-2019"

# --- entered actuals --------------------------------------------------------
# The audited 860,00 $ entered for 2019-2020 is the actual figure; the
# invoices of its periods say 850,00 $: a reconciliation of 10,00 $ in every
# format.  Surplus 860 - 805 = 55; variance 860 / 800 = +7,5 %.
j finance set --fy 2019-2020 --actual-products 860.00; expect_rc 0 "finance set --actual-products"
j report annual --fy 2019-2020 --format json -o "$T/ra.json"; expect_rc 0 "report json with entered actuals"
J="$T/ra.json"
expect_eq "$(q '.years[2].products_actual_cents'),$(q '.years[2].products_source')" "86000,entered" \
  "the entered audited products are the actual figure"
expect_eq "$(q '.years[2].products_invoiced_cents'),$(q '.years[2].products_reconciliation_cents')" "85000,1000" \
  "beside the invoices' 850 $, a reconciliation of 10 $"
expect_eq "$(q '.figures.surplus_actual_cents'),$(q '.figures.products_variance_pct')" "5500,7.5" \
  "surplus and variance from the entered figure"
expect_eq "$(q '.figures.operations_with_members_pct')" 64.7 "the share with members stays the invoices'"
j report annual --fy 2019-2020; expect_rc 0 "report text with entered actuals"
expect_num "860${NB}\$" "the text's table shows the entered products"
expect_out "Rapprochement 2019-2020 : produits audités 860,00${NB}\$ ; factures des périodes de l'exercice, nettes des notes de crédit, avant taxes : 850,00${NB}\$ ; écart (audités moins factures) : 10,00${NB}\$." \
  "the text's reconciliation line"
j report annual --fy 2019-2020 --format md; expect_rc 0 "report md with entered actuals"
expect_out "Rapprochement 2019-2020 : produits audités 860,00${NB}\$" "the markdown's reconciliation line"
j report annual --fy 2019-2020 --format csv; expect_rc 0 "report csv with entered actuals"
expect_out "products_actual_cents,2019-2020,,86000" "csv: the entered products"
expect_out "products_invoiced_cents,2019-2020,,85000" "csv: the invoices"
expect_out "products_reconciliation_cents,2019-2020,,1000" "csv: the reconciliation"
j report annual --fy 2019-2020 --format pdf -o "$T/ra.pdf"; expect_rc 0 "report pdf with entered actuals"
TXT=$(pdftotext "$T/ra.pdf" - 2>/dev/null | tr '\n' ' ')
for s in "860 $" "Rapprochement 2019-2020" "850,00 $" "10,00 $"; do
  case "$TXT" in *"$s"*) ok "pdf has '$s'";; *) not_ok "pdf lacks '$s'";; esac
done
OUT=$(LANGUAGE=en "$JUSTE" --db "$DB" report annual --fy 2019-2020 2>&1)
expect_out "Reconciliation 2019-2020: audited revenue \$860.00; invoices of the year's periods, net of credit notes, before taxes: \$850.00; difference (audited less invoices): \$10.00." \
  "the reconciliation line in English, with English amounts"
# Entered and invoiced agree: no reconciliation, the figure says where it comes from.
j finance set --fy 2019-2020 --actual-products 850.00; expect_rc 0 "finance set to the invoices' sum"
j report annual --fy 2019-2020; expect_rc 0 "report text, figures agreeing"
case "$OUT" in *Rapprochement*) not_ok "no reconciliation when the figures agree";; *) ok "no reconciliation when the figures agree";; esac
expect_out "Produits réels : chiffres audités saisis" "the text says the actual products are the audited figures"
j report annual --fy 2019-2020 --format json; expect_rc 0 "report json, figures agreeing"
expect_eq "$(printf '%s' "$OUT" | jq -r '.years[2].products_source,.years[2].products_reconciliation_cents' | tr '\n' ,)" \
  "entered,null," "json: entered, no reconciliation"

finish
