#!/usr/bin/env bash
# The books right on the billing side (DOMAIN.md): one price per hour
# (increment included, in entries --priced as on the invoice), taxes by
# place of supply (Ontario, Nova Scotia on both sides of 2025-04-01, an
# exempt client, one outside Canada), credit notes that always close,
# checked issue dates, lines whose quantity times rate is their amount,
# the status of an invoice.  Every amount below is computed by hand in
# the comment next to it.
export JUSTE_TODAY=2025-05-10
. "$SRCDIR/tests/cli/lib.sh"
seed_world

json() { printf '%s' "$OUT" | nb | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
nb() { sed 's/\xc2\xa0/ /g'; }
log() { j --as "$1" log --date "$2" "$3" "$4" "$5"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
no_raw() { case "$ERR" in *constraint*|*CHECK*|*SQLITE*|*"juste:"*) not_ok "$1: a raw database message reached the user: $ERR";; *) ok "$1: no raw database message";; esac; }

cat > "$T/orgs2.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country
ONT,Conseil de la coopération de l'Ontario,membre,,0,0,2015-01-01,,cco@cco.coop,"435 rue Donald, Ottawa",ON,CA
NSC,Coopérative de Halifax,membre,,0,0,2015-01-01,,ns@ns.coop,"1 Water St, Halifax",NS,
EXO,Coopérative exonérée,membre,,0,1,2015-01-01,,exo@exo.coop,"3 rue du Fisc, Québec",,
USA,Cooperative of Vermont,membre,,0,0,2015-01-01,,vt@vt.coop,"1 Main St, Burlington VT",,US
QC2,Coopérative du Fleuve,membre,,0,0,2015-01-01,,f@f.coop,"9 rue du Fleuve, Rimouski",QC,CA
CSV
j import orgs "$T/orgs2.csv"; expect_rc 0 "organisations with a province and a country"
j export orgs --format csv
expect_out "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country" \
  "the export names province and country"
expect_out "NSC,Coopérative de Halifax,membre,,0,0,2015-01-01,,ns@ns.coop,\"1 Water St, Halifax\",NS,CA" \
  "an empty country is Canada"
expect_out "USA,Cooperative of Vermont" "outside Canada listed"
case "$OUT" in *"1 Main St, Burlington VT\",,US"*) ok "outside Canada: no province";; *) not_ok "USA row: $OUT";; esac
expect_out "FCSD,Fédération des coopératives de services à domicile,membre,,0,0,2015-01-01,,info@fcsd.coop,\"1 rue Principale, Québec\",QC,CA" \
  "an organisation of before is in Québec, Canada"
printf 'code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country\nBAD,Mauvaise,membre,,0,0,2015-01-01,,b@b.coop,x,ON,US\n' > "$T/bad.csv"
j import orgs "$T/bad.csv"; expect_rc 1 "a province outside Canada is refused"; expect_err "bad.csv:2" "naming the line"
printf 'code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country\nBAD,Mauvaise,membre,,0,0,2015-01-01,,b@b.coop,x,QQ,CA\n' > "$T/bad.csv"
j import orgs "$T/bad.csv"; expect_rc 1 "an unknown province is refused"; expect_err "QQ" "naming it"
j org edit QC2 --province XX; expect_rc 1 "org edit refuses an unknown province"
j org edit QC2 --province QC; expect_rc 0 "org edit takes a province"

cat > "$T/services2.csv" <<'CSV'
code,name
AUD,Audit
CSV
j import services "$T/services2.csv"; expect_rc 0 "a service at 99,99 $/h"
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-ON,Gouvernance,ONT,,FIN,,horaire,,,,2019-04-01,
M-NS,Comptabilité,NSC,,FIN,,horaire,,,,2019-04-01,
M-EX,Budget exonéré,EXO,,FIN,,horaire,,,,2019-04-01,
M-US,Export,USA,,FIN,,horaire,,,,2019-04-01,
M-Q,Appels,QC2,,FIN,,horaire,,,,2019-04-01,
M-A,Audit,QC2,,AUD,,horaire,,,,2019-04-01,
M-B,Audit bis,QC2,,AUD,,horaire,,,,2019-04-01,
F-Q,Tenue de livres,QC2,,FIN,,forfait,450.00,,,2019-04-01,
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "mandates"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,100.00
2019-04-01,FIN,auxiliaire,100.00
2019-04-01,RH,membre,80.00
2019-04-01,AUD,membre,99.99
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j --as carole invoice increment --mandate M-Q 15; expect_rc 0 "M-Q billed by 15 minutes"

log alice 2025-03-03 2h   M-ON "Gouvernance"
log alice 2025-03-04 1h07 M-NS "Comptabilité de mars"
log alice 2025-04-02 1h07 M-NS "Comptabilité d'avril"
log alice 2025-04-03 1h   M-ON "Gouvernance d'avril"
log alice 2025-03-05 1h   M-EX "Budget"
log alice 2025-03-06 2h   M-US "Export"
log alice 2025-03-07 10m  M-Q  "Appel"
log bob   2025-03-10 1h   M-A  "Audit"
log bob   2025-03-11 1h   M-B  "Audit bis"

# --- one price per hour: 10 min at 100 $/h by 15 min = 15 min = 25,00 $ ----
j --as carole entries --priced --format csv --from 2025-03-07 --to 2025-03-07
expect_out ",M-Q,QC2,horaire,10,Appel,100.00,25.00," "entries --priced applies the increment: 25,00 \$ (not 16,67 \$)"

# --- issue dates ----------------------------------------------------------
j --as carole invoice issue 2025-03 --date 2031-06-01; expect_rc 1 "an issue date in the future is refused"
expect_err "futur" "saying it is in the future"
expect_eq "$(sql "select count(*) from invoices where status = 'issued'")" "0" "and nothing was issued"
j --as carole invoice issue 2025-03 --date 2025-03-15; expect_rc 1 "March dated March 15 (work up to March 11) is refused"
expect_err "2025-03-31" "naming the end of the month"
j --as carole invoice issue 2025-05; expect_rc 1 "the current month is not billed without --early"
expect_err "--early" "saying how"

# --- March, issued on March 31: taxes by place of supply -------------------
j --as carole invoice issue 2025-03 --date 2025-03-31; expect_rc 0 "March issued on its last day"
inv() { sql "select subtotal_cents || ' ' || tps_cents || ' ' || tvq_cents || ' ' || total_cents || ' ' || tax_regime || ' ' || place_of_supply from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.period = '$2' and i.kind = 'invoice' and i.status = 'issued'"; }
# ONT: 2 h x 100,00 = 200,00; TVH 13 % = 26,00; no TVQ; total 226,00
expect_eq "$(inv ONT 2025-03)" "20000 2600 0 22600 tvh ON" "Ontario: TVH 13 %, no TVQ"
# NSC: 67 min x 100,00 / 60 = 111,666 -> 111,67; TVH 15 % = 16,7505 -> 16,75; total 128,42
expect_eq "$(inv NSC 2025-03)" "11167 1675 0 12842 tvh NS" "Nova Scotia on 2025-03-31: TVH 15 %"
# EXO: 1 h = 100,00, exempt
expect_eq "$(inv EXO 2025-03)" "10000 0 0 10000 tps_tvq QC" "exempt client: no tax"
# USA: 2 h = 200,00, zero-rated export
expect_eq "$(inv USA 2025-03)" "20000 0 0 20000 detaxe US" "outside Canada: zero-rated"
# QC2: M-Q 15 min = 25,00; M-A 1 h x 99,99 = 99,99; M-B 99,99; F-Q 450,00
# subtotal 674,98; TPS 5 % = 33,749 -> 33,75; TVQ 9,975 % = 67,3295 -> 67,33; total 776,06
expect_eq "$(inv QC2 2025-03)" "67498 3375 6733 77606 tps_tvq QC" "Québec: TPS and TVQ"
ont=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'ONT' and i.period = '2025-03'")
nsc=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'NSC' and i.period = '2025-03'")
usa=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'USA'")
exo=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'EXO'")
qc2=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'QC2' and i.period = '2025-03'")
j --as carole invoice show "$ont"; txt=$(printf '%s' "$OUT" | nb)
case "$txt" in *"TVH (13 %)"*"26,00 \$"*) ok "the invoice names TVH (13 %)";; *) not_ok "ONT invoice: $txt";; esac
case "$txt" in *TVQ*) not_ok "an Ontario invoice shows no TVQ";; *) ok "an Ontario invoice shows no TVQ";; esac
j --as carole invoice show "$nsc" --format json
expect_eq "$(json '[(t["label"], t["amount_cents"]) for t in d["taxes"]]')" "[('TVH (15 %)', 1675)]" "JSON names TVH (15 %)"
j --as carole invoice show "$usa"; expect_out "détaxée" "the export invoice says it is zero-rated"
expect_out "Canada" "and why"
j --as carole invoice show "$exo"; expect_out "exonéré" "the exempt invoice says why"
j --as carole invoice journal --from 2025-03-01 --to 2025-03-31 --format csv; OUT=$(printf '%s' "$OUT" | nb)
expect_out "number,kind,issued_on,client,client_name,subtotal,tps,tvh,tvq,total,credits_invoice,taxes" "journal: TPS, TVH and TVQ apart"
expect_out "$ont,invoice,2025-03-31,ONT,Conseil de la coopération de l'Ontario,200.00,0.00,26.00,0.00,226.00,,TVH (13 %)" \
  "the journal names the Ontario tax with its rate"
expect_out ",674.98,33.75,0.00,67.33,776.06,,\"TPS (5 %) et TVQ (9,975 %)\"" "and Québec's (quoted: it has a comma)"

# --- the same hour, the same price: the invoice and entries --priced ------
j --as carole invoice show "$qc2" --format json
expect_eq "$(json '[l["amount_cents"] for l in d["lines"] if l["mandate"] == "M-Q"]')" "[2500]" "the invoice bills 25,00 \$ for it too"
j --as carole entries --priced --format csv --from 2025-03-07 --to 2025-03-07
expect_out ",M-Q,QC2,horaire,10,Appel,100.00,25.00," "and entries --priced still shows 25,00 \$ once billed"

# --- quantity x rate = amount on every printed line ------------------------
for n in "$ont" "$nsc" "$qc2"; do
  j --as carole invoice show "$n"
  bad=$(printf '%s\n' "$OUT" | nb | python3 -c '
import re, sys
bad = 0
for line in sys.stdin:
    m = re.search(r"(\d+)h(\d\d) × ([\d ]+),(\d\d) \$/h +(-?[\d ]+),(\d\d) \$", line)
    if not m:
        continue
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    rate = int(m.group(3).replace(" ", "")) * 100 + int(m.group(4))
    amount = int(m.group(5).replace(" ", "")) * 100 + int(m.group(6))
    if (minutes * rate + 30) // 60 != amount:
        bad += 1
print(bad)')
  expect_eq "$bad" "0" "$n: every line's hours × rate is its amount to the cent"
done
j --as carole invoice show "$nsc"; expect_out "1h07 × 100,00" "the quantity is printed in hours and minutes"

# --- credits that close ------------------------------------------------------
j --as carole invoice credit "$qc2" --reason "Tout refaire" --date 2025-04-15; expect_rc 0 "QC2's March credited in full"
expect_eq "$(sql "select sum(subtotal_cents) || ' ' || sum(tps_cents) || ' ' || sum(tvq_cents) from invoices where number = '$qc2' or credited_id = (select id from invoices where number = '$qc2')")" \
  "0 0 0" "invoice and its credit net to zero"
# the forfait credited in full comes back on the next draft of its month
j --as carole invoice draft 2025-03 --org QC2; expect_rc 0 "March drafted again for QC2"
expect_eq "$(sql "select count(*) from invoice_lines l join invoices i on i.id = l.invoice_id where i.status = 'draft' and l.kind = 'forfait' and i.period = '2025-03'")" \
  "1" "the forfait fee credited in full is billed again"
# partial credits on a fresh client's invoice of 199,98 $
printf 'code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address\nQC3,Coopérative du Golfe,membre,,0,0,2015-01-01,,g@g.coop,"1 rue du Golfe, Gaspé"\n' > "$T/qc3.csv"
j import orgs "$T/qc3.csv"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-G,Audit Golfe,QC3,,AUD,,horaire,,,,2019-04-01,\nM-H,Audit Golfe bis,QC3,,AUD,,horaire,,,,2019-04-01,\n' > "$T/qc3m.csv"
j import mandates "$T/qc3m.csv"
log bob 2025-04-07 1h M-G "Audit du golfe"
log bob 2025-04-08 1h M-H "Audit du golfe bis"
j --as carole invoice issue 2025-04 --org QC3 --date 2025-05-01; expect_rc 0 "QC3's April issued"
g=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'QC3'")
# 2 x 99,99 = 199,98; TPS 10,00 (9,999 -> 10,00); TVQ 19,948 -> 19,95
expect_eq "$(inv QC3 2025-04)" "19998 1000 1995 22993 tps_tvq QC" "QC3: 199,98 \$"
j --as carole invoice credit "$g" --reason "Remise" --amount 100.00 --date 2025-05-02; expect_rc 0 "a first partial credit"
expect_eq "$(sql "select subtotal_cents || ' ' || tps_cents || ' ' || tvq_cents from invoices where kind = 'credit' and credited_id = (select id from invoices where number = '$g')")" \
  "-10000 -500 -998" "100,00 with its TPS 5,00 and TVQ 9,975 -> 9,98"
# left: 99,98 of subtotal, 5,00 of TPS, 9,97 of TVQ; credits of 50,00 and 49,98
j --as carole invoice list --org QC3; expect_out "créditée en partie" "invoice list: partly credited"
j --as carole invoice credit "$g" --reason "Remise 2" --amount 50.00 --date 2025-05-02; expect_rc 0 "50,00 more"
# formula: TPS 2,50, TVQ 4,9875 -> 4,99
j --as carole invoice credit "$g" --reason "Remise 3" --amount 49.98 --date 2025-05-02
expect_rc 0 "the last 49,98: the remainder"; no_raw "the closing partial credit"
expect_out "complète" "a partial credit of the whole remainder is the closing one"
# 49,98 by the formula: TPS 2,499 -> 2,50, TVQ 4,985 -> 4,99, but only 4,98 of TVQ is left
expect_eq "$(sql "select sum(subtotal_cents) || ' ' || sum(tps_cents) || ' ' || sum(tvq_cents) || ' ' || sum(total_cents) from invoices where number = '$g' or credited_id = (select id from invoices where number = '$g')")" \
  "0 0 0 0" "never more TVQ credited than charged: everything nets to zero"
expect_eq "$(sql "select credit_full from invoices where credited_id = (select id from invoices where number = '$g') order by seq desc limit 1")" \
  "1" "stored as the full credit"
j --as carole invoice list --org QC3; expect_out "créditée (NC" "invoice list: credited, by which notes"
j --as carole invoice credit "$g" --reason "Encore"; expect_rc 1 "nothing left to credit"; no_raw "crediting a credited invoice"
j --as carole invoice show "$g"; expect_out "État : créditée (NC2025-0002, NC2025-0003, NC2025-0004)" "a reprint says by which notes"
j --as carole invoice draft 2025-04 --org QC3
expect_eq "$(sql "select count(*) from invoice_entries x join invoices i on i.id = x.invoice_id join orgs o on o.id = i.client_id where i.status = 'draft' and o.code = 'QC3'")" "2" \
  "its entries are billable again"

# --- the closing credit, whatever its amount ---------------------------------
j --as carole invoice credit "$ont" --reason "Rabais" --amount 100.00 --date 2025-05-03; expect_rc 0 "half of ONT's invoice"
j --as carole invoice credit "$ont" --reason "Solde" --date 2025-05-03; expect_rc 0 "then all that is left"
expect_eq "$(sql "select sum(subtotal_cents) || ' ' || sum(tps_cents) || ' ' || sum(total_cents) from invoices where number = '$ont' or credited_id = (select id from invoices where number = '$ont')")" \
  "0 0 0" "the TVH nets to zero too"
j --as carole invoice credit "$nsc" --reason "Trop" --amount 500.00 --date 2025-05-03; expect_rc 1 "more than the invoice is refused"
no_raw "crediting too much"
j --as carole invoice credit "$nsc" --reason "Avant" --date 2025-03-30; expect_rc 1 "a credit note before its invoice is refused"
j --as carole invoice credit "$nsc" --reason "Passé" --date 2025-05-01; expect_rc 1 "a credit note before the last one numbered is refused"
expect_err "suivent" "numbers follow dates"
j --as carole invoice list --month 2025-03; expect_out "émise" "invoice list: issued"

# --- Nova Scotia after 2025-04-01, and numbers that follow dates -----------
j --as carole invoice issue 2025-04 --org NSC --date 2025-05-05; expect_rc 0 "NSC's April issued"
# 111,67 x 14 % = 15,6338 -> 15,63; total 127,30
expect_eq "$(inv NSC 2025-04)" "11167 1563 0 12730 tvh NS" "Nova Scotia from 2025-04-01: TVH 14 %"
j --as carole invoice issue 2025-04 --org ONT --date 2025-05-04; expect_rc 1 "an issue date before the last numbered invoice is refused"
expect_err "suivent" "numbers follow dates"

# --- billing early -----------------------------------------------------------
log alice 2025-05-05 1h M-ON "Mai"
log alice 2025-05-09 1h M-ON "Mai encore"
j --as carole invoice issue 2025-05 --org ONT --early --date 2025-05-06; expect_rc 0 "May billed early, on May 6"
expect_eq "$(sql "select max(x.work_date) from invoice_entries x join invoices i on i.id = x.invoice_id where i.period = '2025-05' and i.status = 'issued'")" \
  "2025-05-05" "only the work up to the issue date"

# --- PDF: a first print is no copy ---------------------------------------------
j --as carole invoice pdf 2025-04 -o "$T/pdf"; expect_rc 0 "April's PDFs"
case "$OUT" in *COPIE*) not_ok "a first print says COPIE: $OUT";; *) ok "a first print does not say COPIE";; esac
j --as carole invoice pdf 2025-04 -o "$T/pdf"; expect_out "(COPIE)" "a second one does"
if command -v pdftotext >/dev/null; then
  txt=$(pdftotext "$T/pdf/$g.pdf" - 2>/dev/null | nb)
  case "$txt" in *"NC2025-0002"*) ok "the PDF of a credited invoice names its notes";; *) not_ok "credited PDF: $txt";; esac
fi

j check; expect_rc 0 "database sound at the end"
finish
