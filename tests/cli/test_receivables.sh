#!/usr/bin/env bash
# Payments, receivables and statements: partial and full payments, a
# payment across three invoices, an overpayment used by the next month's
# invoice, a voided payment, a credit note on a partly paid invoice; ageing
# at three dates against numbers worked by hand; a statement whose PDF text
# holds every movement; roles; nothing changed by a refusal.
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
seed_world

json() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
nb() { sed 's/\xc2\xa0/ /g'; }

cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/mandates2.csv"; expect_rc 0 "a mandate for COOP1"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n2019-04-01,RH,membre,80.00\n' >"$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
log() { j --as alice log --date "$1" "$2" "$3" "x"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log 2020-01-15 10h M-1    # A: 950,00 + TPS 47,50 + TVQ 94,76 = 1 092,26
log 2020-01-20 1h  M-3    # D (COOP1): 90,00 + 4,50 + 8,98 = 103,48
log 2020-02-10 4h  M-1    # B: 380,00 + 19,00 + 37,91 = 436,91
log 2020-03-05 2h  M-1    # C: 190,00 + 9,50 + 18,95 = 218,45
log 2020-04-06 1h  M-1    # E: 95,00 + 4,75 + 9,48 = 109,23
issue() { JUSTE_TODAY=$2 j --as carole invoice issue "$1" --date "$2"; [ "$RC" = 0 ] || not_ok "issue $1: $ERR"; }
issue 2020-01 2020-02-03   # due 2020-03-04
issue 2020-02 2020-03-02   # due 2020-04-01
issue 2020-03 2020-04-01   # due 2020-05-01
num() { sql "select i.number from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.period = '$2' and i.kind = 'invoice'"; }
A=$(num FCSD 2020-01); B=$(num FCSD 2020-02); C=$(num FCSD 2020-03); D=$(num COOP1 2020-01)
expect_eq "$(sql "select group_concat(total_cents, ' ') from (select total_cents from invoices where number in ('$A', '$B', '$C', '$D') order by number)")" \
  "$(for n in "$A" "$B" "$C" "$D"; do echo "$n"; done | sort | while read -r n; do case $n in "$A") echo 109226;; "$B") echo 43691;; "$C") echo 21845;; "$D") echo 10348;; esac; done | paste -sd' ')" \
  "the invoices' totals are those worked by hand"

# --- roles and refusals -------------------------------------------------------
fp() { sql "select count(*) from payments; select count(*) from audit"; }
before=$(fp)
j --as alice payment add "$A" --amount 500.00 --date 2020-02-20; expect_rc 1 "an expert may not record a payment"
expect_err "permission refusée" "… the refusal says permission"
j --as alice payment list; expect_rc 1 "nor list them"
j --as alice receivables; expect_rc 1 "nor see the receivables"
j --as alice statement FCSD; expect_rc 1 "nor a statement"
j --as carole payment add "$A" --amount 500.00 --date 2020-06-16; expect_rc 1 "a payment in the future is refused"
j --as carole payment add "$A" --amount 500.00 --date 2020-02-01; expect_rc 1 "a payment before its invoice is refused"
expect_err "antérieur à la facture" "… saying why"
j --as carole payment add "$A" --amount -5 --date 2020-02-20; expect_rc 1 "a negative amount is refused"
j --as carole payment add "$A" --amount 5 --date 2020-02-20 --method bitcoin; expect_rc 2 "an unknown method is a usage error"
expect_err "mode de paiement inconnu 'bitcoin' (cheque, virement, depot, carte ou autre)" "… naming the methods"
j --as carole payment add NOPE --amount 5 --date 2020-02-20; expect_rc 1 "an unknown invoice is refused"
j --as carole payment add "$A" --client FCSD --amount 5 --date 2020-02-20; expect_rc 2 "an invoice and a client at once is a usage error"
j --as carole payment add --amount 5 --date 2020-02-20; expect_rc 2 "neither invoice nor client is a usage error"
expect_eq "$(fp)" "$before" "no refusal wrote anything"

# --- partial, then full (P1, P2) ---------------------------------------------
j --as carole payment add "$A" --amount 500.00 --date 2020-02-20 --ref "chèque 1001"
expect_rc 0 "a partial payment of A"
case "$(printf '%s' "$OUT" | nb)" in *"500,00 $ sur $A"*) ok "… settles A";; *) not_ok "… settles A: $OUT";; esac
j --as gilles receivables --at 2020-02-29 --format json --detail; expect_rc 0 "a manager sees the receivables"
expect_eq "$(json "[(i['number'], i['open_cents'], i['payment_state']) for c in d['clients'] for i in c['invoices'] if i['number'] == '$A'][0]")" \
  "('$A', 59226, 'partial')" "A has 592,26 open, paid in part"

# --- a voided payment (COOP1, P2) ---------------------------------------------
j --as carole payment add "$D" --amount 103.48 --date 2020-03-10 --method virement
expect_rc 0 "COOP1 pays D in full"
j --as carole receivables --at 2020-03-15 --format json --detail
expect_eq "$(json "[c for c in d['clients'] if c['client'] == 'COOP1']")" "[]" "D paid: COOP1 owes nothing"
PD=$(sql "select id from payments where amount_cents = 10348")
j --as carole payment void "$PD" --reason "chèque sans provision" --date 2020-03-20
expect_rc 0 "the payment is voided"; expect_out "annulé le 2020-03-20" "… on its date"
j --as carole payment void "$PD" --reason "deux fois"; expect_rc 1 "a payment is voided once"
expect_eq "$(sql "select count(*) from audit where entity = 'payment'")" "3" "two payments and one void in the audit log"
sqlite3 "$DB" "update payments set amount_cents = 1 where id = $PD" 2>/dev/null; expect_eq "$(sql "select amount_cents from payments where id = $PD")" "10348" "the database refuses to change a payment"
sqlite3 "$DB" "delete from payments where id = $PD" 2>/dev/null; expect_eq "$(sql "select count(*) from payments where id = $PD")" "1" "… or to delete one"
j --as carole payment list --format csv
expect_out "2020-03-20,chèque sans provision" "the voided payment is still listed, with its reason"

# --- ageing at 2020-03-31, worked by hand -------------------------------------
# FCSD: A 592,26 open, due 03-04: 27 days late (1-30); B 436,91, due 04-01: current.
# COOP1: D 103,48 open again (voided payment), due 03-04: 1-30.
j --as carole receivables --at 2020-03-31 --format csv
expect_eq "$OUT" "client,client_name,current,days_1_30,days_31_60,days_61_90,days_over_90,open,credit,balance
COOP1,Coopérative Érable,0.00,103.48,0.00,0.00,0.00,103.48,0.00,103.48
FCSD,Fédération des coopératives de services à domicile,436.91,592.26,0.00,0.00,0.00,1029.17,0.00,1029.17" "ageing at 2020-03-31"
expect_eq "$(printf '%s' "$ERR" | nb)" "total : ouvert 1 132,65 $, crédit 0,00 $, solde 1 132,65 $" "…its total on stderr, not among the data"
j --as carole receivables --at 2020-03-31 --format csv --detail
expect_eq "$OUT" "client,client_name,invoice,issued_on,due_on,total,net,paid_amount,open,payment_state,age,days_late
COOP1,Coopérative Érable,$D,2020-02-03,2020-03-04,103.48,103.48,0.00,103.48,unpaid,days_1_30,27
FCSD,Fédération des coopératives de services à domicile,$A,2020-02-03,2020-03-04,1092.26,1092.26,500.00,592.26,partial,days_1_30,27
FCSD,Fédération des coopératives de services à domicile,$B,2020-03-02,2020-04-01,436.91,436.91,0.00,436.91,unpaid,current,0" "--detail in CSV: a row per open invoice"

# --- one payment across three invoices, the rest on account (P3) -------------
j --as carole payment add --client FCSD --amount 1300.00 --date 2020-04-10 --method depot
expect_rc 0 "FCSD pays 1 300,00 on account"
out=$(printf '%s' "$OUT" | nb)
case "$out" in *"592,26 $ sur $A"*"436,91 $ sur $B"*"218,45 $ sur $C"*"52,38 $ au crédit du client"*) ok "… oldest first across A, B, C, 52,38 left on account";;
  *) not_ok "the payment across three invoices: $out";; esac
# at 2020-04-10: FCSD owes nothing, 52,38 in its favour; D is 37 days late (31-60)
j --as carole receivables --at 2020-04-10 --format json
expect_eq "$(json "[(c['client'], c['days_31_60_cents'], c['credit_cents'], c['balance_cents']) for c in d['clients']], d['total']['balance_cents'], sep=' '")" \
  "[('COOP1', 10348, 0, 10348), ('FCSD', 0, 5238, -5238)] 5110" "ageing at 2020-04-10: the credit on account"

# --- the credit on account pays next month's invoice; a credit note on it ------
issue 2020-04 2020-05-01   # E 109,23, due 05-31: 52,38 of credit settles part of it
E=$(num FCSD 2020-04)
j --as carole receivables --at 2020-05-01 --format json --detail
expect_eq "$(json "[(i['number'], i['open_cents'], i['payment_state']) for c in d['clients'] for i in c['invoices'] if c['client'] == 'FCSD']")" \
  "[('$E', 5685, 'partial')]" "the overpayment settled 52,38 of next month's invoice"
JUSTE_TODAY=2020-05-05 j --as carole invoice credit "$E" --reason "Heure en trop" --amount 50.00 --date 2020-05-05
expect_rc 0 "a partial credit note on the partly paid invoice"
NC=$(sql "select number from invoices where kind = 'credit'")
expect_eq "$(sql "select total_cents from invoices where number = '$NC'")" "-5749" "… 50,00 + 2,50 + 4,99 credited"
# E: 109,23 - 57,49 = 51,74 owed, 52,38 paid: paid, and 0,64 back on account.
# At 2020-06-15 D is 103 days late (over 90).
j --as carole receivables --at 2020-06-15 --format csv
expect_eq "$OUT" "client,client_name,current,days_1_30,days_31_60,days_61_90,days_over_90,open,credit,balance
COOP1,Coopérative Érable,0.00,0.00,0.00,0.00,103.48,103.48,0.00,103.48
FCSD,Fédération des coopératives de services à domicile,0.00,0.00,0.00,0.00,0.00,0.00,0.64,-0.64" "ageing at 2020-06-15: the credit note gave 0,64 back"
expect_eq "$(printf '%s' "$ERR" | nb)" "total : ouvert 103,48 $, crédit 0,64 $, solde 102,84 $" "…the total balance on stderr"
j --as carole receivables --format table
expect_rc 0 "the table"; out=$(printf '%s' "$OUT" | nb)
case "$out" in *"plus de 90 j"*"102,84 $"*) ok "… with its columns and the total balance";; *) not_ok "receivables table: $out";; esac

# --- payment list ------------------------------------------------------------
j --as carole payment list --client FCSD --format json
expect_eq "$(json "[(p['invoice'], p['amount_cents'], p['method'], p['voided_on']) for p in d]")" \
  "[('$A', 50000, 'cheque', None), (None, 130000, 'depot', None)]" "payment list --client in JSON (amounts in _cents)"
j --as carole payment list --from 2020-03-01 --to 2020-03-31
expect_num "1 paiement" "payment list --from --to"

# --- a payment on an invoice with nothing left to pay --------------------------
j --as carole payment add "$A" --amount 10.00 --date 2020-06-01; expect_rc 1 "a paid invoice takes no more payment"
expect_err "--client FCSD" "… the message says to pay on account"

# --- the statement -------------------------------------------------------------
j --as carole statement FCSD --from 2020-01-01
expect_rc 0 "statement in text"; out=$(printf '%s' "$OUT" | nb)
for w in "$A" "$B" "$C" "$E" "$NC" "#1" "#3" "Solde au début : 0,00 $" "Solde au 2020-06-15 : -0,64 $" "Crédit au compte : 0,64 $"; do
  case "$out" in *"$w"*) ok "the statement shows $w";; *) not_ok "the statement lacks $w: $out";; esac
done
j --as carole statement COOP1 --from 2020-01-01 --at 2020-04-30
out=$(printf '%s' "$OUT" | nb)
case "$out" in *"Paiement annulé"*"chèque sans provision"*"Solde au 2020-04-30 : 103,48 $"*) ok "a voided payment on the statement, and the balance";;
  *) not_ok "COOP1 statement: $out";; esac
j --as carole statement FCSD --from 2020-03-01 --at 2020-04-30
out=$(printf '%s' "$OUT" | nb)
case "$out" in *"Solde au début : 592,26 $"*"Solde au 2020-04-30 : -52,38 $"*) ok "the opening balance sums what came before";;
  *) not_ok "opening balance: $out";; esac
if command -v pdftotext >/dev/null; then
  j --as carole statement FCSD --from 2020-01-01 --format pdf -o "$T/releve.pdf"
  expect_rc 0 "statement in PDF"
  txt=$(pdftotext -layout "$T/releve.pdf" - | nb)
  for w in "RELEVÉ DE COMPTE" "$A" "$B" "$C" "$E" "$NC" "#1" "#3" "1 092,26 $" "1 300,00 $" "500,00 $" "-0,64 $" "page 1 de 1"; do
    case "$txt" in *"$w"*) ok "the PDF holds $w";; *) not_ok "the PDF lacks $w: $txt";; esac
  done
else
  not_ok "pdftotext is missing (poppler-utils)"
fi
j --as carole statement NOPE; expect_rc 1 "an unknown client"

# --- the tables in the interface's language ------------------------------------
# An English interface reads amounts the English way in every table (they
# were written 1 234,56 $ whatever the language), the CSV stays 1234.56.
for cmd in "receivables" "payment list" "invoice list --month 2020-03" "ledger --from 2020-01-01 --to 2020-12-31"; do
  LANGUAGE=en j --as carole $cmd; expect_rc 0 "$cmd in English"
  case "$OUT" in
    *[0-9],[0-9][0-9]" \$"*|*[0-9],[0-9][0-9]" "" \$"*) not_ok "$cmd: a French amount in English: $(printf '%s' "$OUT" | grep -m1 ',[0-9][0-9] ')";;
    *'$'[0-9]*.[0-9][0-9]*) ok "$cmd: amounts as \$1,234.56";;
    *) not_ok "$cmd: no English amount in: $OUT";;
  esac
done

finish
