#!/usr/bin/env bash
# The books of account: juste ledger's double-entry journal of invoices,
# credit notes, payments and a void, against amounts worked by hand; every
# entry and the journal balanced; receivables' movement equal to the
# invoices less credits less what payments settled; TVH on its own
# account; the chart of accounts in the settings; Sage 50's import file;
# roles and refusals.
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
seed_world

json() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

printf 'code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country\nONT,Coopérative ontarienne,membre,,0,0,2015-01-01,,o@o.coop,"1 rue Rideau, Ottawa",ON,CA\n' >"$T/orgs2.csv"
j import orgs "$T/orgs2.csv"; expect_rc 0 "an Ontario client"
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,
M-4,Accompagnement Ontario,ONT,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "mandates for COOP1 and ONT"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' >"$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
log() { j --as alice log --date "$1" "$2" "$3" "x"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log 2020-01-15 10h M-1    # A (FCSD): 950,00 + TPS 47,50 + TVQ 94,76 = 1 092,26
log 2020-01-20 1h  M-3    # D (COOP1): 90,00 + 4,50 + 8,98 = 103,48
log 2020-01-22 2h  M-4    # O (ONT): 190,00 + TVH 13 % 24,70 = 214,70
log 2020-02-10 4h  M-1    # B (FCSD): 380,00 + 19,00 + 37,91 = 436,91
issue() { JUSTE_TODAY=$2 j --as carole invoice issue "$1" --date "$2"; [ "$RC" = 0 ] || not_ok "issue $1: $ERR"; }
issue 2020-01 2020-02-03
issue 2020-02 2020-03-02
num() { sql "select i.number from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.period = '$2' and i.kind = 'invoice'"; }
A=$(num FCSD 2020-01); B=$(num FCSD 2020-02); D=$(num COOP1 2020-01); O=$(num ONT 2020-01)
expect_eq "$(sql "select group_concat(v, ' ') from (select total_cents || '/' || tps_cents || '/' || tvq_cents as v from invoices where number in ('$A', '$D', '$O', '$B') order by issued_on, client_id)")" \
  "109226/4750/9476 10348/450/898 21470/2470/0 43691/1900/3791" "the invoices are those worked by hand"

pay() { j --as carole payment add "$@"; [ "$RC" = 0 ] || not_ok "payment $*: $ERR"; }
pay "$A" --amount 500.00 --date 2020-02-20 --ref "chèque 1001"        # P1
pay "$D" --amount 103.48 --date 2020-03-10 --method virement          # P2, voided 03-20
P2=$(sql "select id from payments where amount_cents = 10348")
j --as carole payment void "$P2" --reason "chèque sans provision" --date 2020-03-20; expect_rc 0 "P2 voided"
pay --client FCSD --amount 1200.00 --date 2020-03-25                  # P3: A 592,26 + B 436,91, 170,83 on account
P1=$(sql "select id from payments where amount_cents = 50000"); P3=$(sql "select id from payments where amount_cents = 120000")

# --- roles and refusals -------------------------------------------------------
j --as alice ledger --from 2020-02-01 --to 2020-03-31; expect_rc 1 "an expert may not see the books"
expect_err "permission refusée" "… the refusal says permission"
j --as carole ledger --from 2020-02-01; expect_rc 2 "--to is required"
j --as carole ledger --from 2020-04-01 --to 2020-03-31; expect_rc 1 "--from after --to is refused"
j --as carole ledger --from 2020-02-01 --to 2020-03-31 --format xml; expect_rc 2 "an unknown format is a usage error"
expect_err "table, csv, json ou sage50" "… naming the formats"

# --- February and March, by hand ----------------------------------------------
j --as gilles ledger --from 2020-02-01 --to 2020-03-31 --format json; expect_rc 0 "a manager sees the books"
expect_eq "$(json "[e['piece'] for e in d['entries']]")" \
  "[$(sql "select group_concat(quote(number), ', ') from (select number from invoices where issued_on = '2020-02-03' order by id)"), 'PAI-$P1', '$B', 'PAI-$P2', 'PAI-$P2', 'PAI-$P3']" "one entry per document, per payment and day, by date"
expect_eq "$(json "all(sum(l['debit_cents'] for l in e['lines']) == sum(l['credit_cents'] for l in e['lines']) for e in d['entries'])")" \
  "True" "every entry is balanced"
# debits: documents 1 847,35; payments 500,00 + 103,48 + 103,48 (void) + 1 200,00
expect_eq "$(json "(d['total']['debit_cents'], d['total']['credit_cents'])")" "(375431, 375431)" "debits = credits = 3 754,31"
bal() { json "sum(l['debit_cents'] - l['credit_cents'] for e in d['entries'] for l in e['lines'] if l['account_kind'] == '$1')"; }
# receivables: invoices 1 847,35 - credits 0 - settled 500,00 + 592,26 + 436,91 = 318,18 (D and O, open)
expect_eq "$(bal receivables)" "31818" "receivables move by invoices - credits - payments settled"
expect_eq "$(bal bank)" "170000" "the bank: 500,00 + 1 200,00 (P2 in and out)"
expect_eq "$(bal revenue)" "-161000" "revenue: 950,00 + 90,00 + 190,00 + 380,00 credited"
expect_eq "$(bal tps_payable) $(bal tvq_payable) $(bal tvh_payable)" "-7100 -14165 -2470" "TPS 71,00, TVQ 141,65, TVH 24,70 payable"
expect_eq "$(bal client_credits)" "-17083" "P3's 170,83 left on account"
expect_eq "$(json "[(l['account'], l['debit_cents'], l['credit_cents']) for e in d['entries'] if e['piece'] == 'PAI-$P3' for l in e['lines']]")" \
  "[('1200', 0, 102917), ('1060', 120000, 0), ('2400', 0, 17083)]" "P3: bank against what it settled and the credit left"
j --as carole receivables --at 2020-03-31 --format json
expect_eq "$(json "d['total']['open_cents']")" "31818" "… the same 318,18 receivables reports open"

j --as carole ledger --from 2020-02-01 --to 2020-03-31 --format csv; expect_rc 0 "the generic CSV"
expect_eq "$(printf '%s\n' "$OUT" | head -4)" "date,piece,account,account_kind,debit,credit,memo
2020-02-03,$D,1200,receivables,103.48,0.00,\"facture $D, COOP1 Coopérative Érable\"
2020-02-03,$D,4000,revenue,0.00,90.00,\"facture $D, COOP1 Coopérative Érable\"
2020-02-03,$D,2310,tps_payable,0.00,4.50,\"facture $D, COOP1 Coopérative Érable\"" \
  "CSV: one line per account, money as 1234.56"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | python3 -c "
import csv, sys
r = list(csv.reader(sys.stdin))
print(sum(round(float(x[4]) * 100) for x in r), sum(round(float(x[5]) * 100) for x in r))")" "375431 375431" "the CSV's debits equal its credits"
expect_out "2020-02-03,$O,2330,tvh_payable,0.00,24.70" "the TVH goes to its own account"

# --- April: a credit note on the paid invoice B --------------------------------
JUSTE_TODAY=2020-04-02 j --as carole invoice credit "$B" --reason "Heure en trop" --amount 50.00 --date 2020-04-02
expect_rc 0 "a credit note on B, paid in full"
NC=$(sql "select number from invoices where kind = 'credit'")
j --as carole ledger --from 2020-04-01 --to 2020-04-30 --format json
expect_eq "$(json "[(e['piece'], [(l['account_kind'], l['debit_cents'], l['credit_cents']) for l in e['lines']]) for e in d['entries']]")" \
  "[('$NC', [('receivables', 0, 5749), ('revenue', 5000, 0), ('tps_payable', 250, 0), ('tvq_payable', 499, 0)]), ('PAI-$P3', [('receivables', 5749, 0), ('client_credits', 0, 5749)])]" \
  "the credit note reverses revenue and taxes; B's excess goes back to the client's credit"
expect_eq "$(bal receivables)" "0" "receivables: - credits 57,49 + 57,49 taken back from payments"

# --- the chart of accounts, and Sage 50 -----------------------------------------
j settings show; expect_out "ledger.tvh_payable" "the accounts are settings"
j --as carole ledger --from 2020-02-01 --to 2020-02-29 --format sage50; expect_rc 0 "Sage 50's import file"
expect_eq "$(printf '%s' "$OUT" | tr -d '\r' | head -5)" "02-03-20,\"$D\",\"facture $D, COOP1 Coopérative É\"
1200,103.48
4000,-90.00
2310,-4.50
2320,-8.98" "Sage 50: mm-dd-yy, source, comment cut at 39 characters; debits positive, credits negative"
case "$OUT" in *$'\r\n'*) ok "… with the CRLF line ends of a Windows text file";; *) not_ok "no CRLF";; esac
j settings set ledger.bank "Banque" ; expect_rc 0 "an account named by words"
j --as carole ledger --from 2020-02-01 --to 2020-02-29 --format csv; expect_rc 0 "… is fine in CSV"
expect_out "2020-02-20,PAI-$P1,Banque,bank,500.00,0.00" "… under its name"
j --as carole ledger --from 2020-02-01 --to 2020-02-29 --format sage50; expect_rc 1 "… not for Sage 50"
expect_err "ledger.bank" "… naming the setting"
j settings set ledger.revenue "" ; expect_rc 0 "an account emptied"
j --as carole ledger --from 2020-02-01 --to 2020-02-29; expect_rc 1 "an empty account is refused"
expect_err "ledger.revenue" "… naming it"
# --- juste export invoices|payments ---------------------------------------------
j --as alice export invoices; expect_rc 1 "an expert may not export the invoices"
j --as carole export invoices --from 2020-03-01 --to 2020-04-30; expect_rc 0 "the invoices of March and April"
expect_eq "$OUT" "number,kind,credits_invoice,client,client_name,issued_on,due_on,tax_regime,subtotal,tps,tvh,tvq,total
$B,invoice,,FCSD,Fédération des coopératives de services à domicile,2020-03-02,2020-04-01,tps_tvq,380.00,19.00,0.00,37.91,436.91
$NC,credit,$B,FCSD,Fédération des coopératives de services à domicile,2020-04-02,2020-04-02,tps_tvq,-50.00,-2.50,0.00,-4.99,-57.49" \
  "CSV: money as 1234.56, the credit note negative"
j --as carole export invoices --format json --to 2020-02-29; expect_rc 0 "… in JSON"
expect_eq "$(json "[(x['number'], x['tax_regime'], x['subtotal_cents'], x['tps_cents'], x['tvh_cents'], x['total_cents']) for x in d if x['client'] == 'ONT']")" \
  "[('$O', 'tvh', 19000, 0, 2470, 21470)]" "JSON: integer _cents; the TVH in its own column, as the journal has it"
j --as gilles export payments --from 2020-03-01; expect_rc 0 "the payments from March"
expect_eq "$OUT" "id,received_on,client,invoice,amount,method,reference,voided_on,void_reason
$P2,2020-03-10,COOP1,$D,103.48,virement,,2020-03-20,chèque sans provision
$P3,2020-03-25,FCSD,,1200.00,cheque,,," "… voided ones with their void"
j --as gilles export payments --format json; expect_rc 0 "… in JSON"
expect_eq "$(json "[(x['id'], x['amount_cents'], x['invoice'], len(x['uuid'])) for x in d]")" \
  "[($P2, 10348, '$D', 36), ($P1, 50000, '$A', 36), ($P3, 120000, None, 36)]" "JSON: amount_cents, uuid, null for no invoice"
j export invoices -o "$T/inv.csv"; expect_rc 0 "to a file"
printf 'number\nX\n' > "$T/in.csv"
j import invoices "$T/in.csv"; expect_rc 1 "invoices are not imported"; expect_err "ne s'importent pas" "… saying so"
finish
