#!/usr/bin/env bash
# The client's language: an organisation's `language` (fr by default, en),
# set with org add/edit, and the documents it receives written in it
# (words, dates, figures, tax names) whatever the clerk's screen is in.
export JUSTE_TODAY=2020-04-02
. "$(dirname "$0")/lib.sh"
seed_world

# --- the organisation's language --------------------------------------------
j export orgs --format json
expect_eq "$(jq -r '[.[] | .language] | unique | join(",")' <<<"$OUT")" fr "organisations are French by default"
j org add ANGLO --name "Anglo Co-operative" --address "1 Main Street, Ottawa ON" --province ON --language en
expect_rc 0 "org add --language en"
j org edit COOP1 --language en; expect_rc 0 "org edit --language en"
j export orgs --format json
expect_eq "$(jq -c '[.[] | select(.language == "en") | .code] | sort' <<<"$OUT")" '["ANGLO","COOP1"]' "both read English"
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'ANGLO'")" en "the database holds the word"
before=$(sql "SELECT count(*) FROM audit")
j org edit COOP1 --language de
expect_rc 2 "--language de is a usage error"
expect_err "'de'" "…naming the value"
expect_err "--language" "…and the option"
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'COOP1'")|$(sql "SELECT count(*) FROM audit")" "en|$before" "…and changes nothing"
j org edit COOP1 --language fr; expect_rc 0 "back to French"
expect_eq "$(sql "SELECT json_extract(after, '$.language') FROM audit WHERE entity = 'org' ORDER BY id DESC LIMIT 1")" fr "the audit records the language"
sqlite3 "$DB" "UPDATE orgs SET language = 'de' WHERE code = 'COOP1'" 2>/dev/null
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'COOP1'")" fr "the schema refuses another word"
j help org
expect_out "--language fr|en" "org --help names the option"

# --- documents in the client's language ---------------------------------------
command -v pdftotext >/dev/null || { echo "# pdftotext missing: the documents are not checked"; finish; }
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,480.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-EN,Strategic planning,ANGLO,,FIN,,horaire,,,,2019-04-01,\n' > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "a mandate of the English client"
for d in 02 03 04; do
  j --as alice log --date "2020-02-$d" 7h30 M-EN "Planning session"; expect_rc 0 "ANGLO's entry of 2020-02-$d"
  j --as bob log --date "2020-02-$d" 7h30 M-1 "Budget"; expect_rc 0 "FCSD's entry of 2020-02-$d"
done
j --as carole invoice issue 2020-02; expect_rc 0 "February issued"
j --as carole invoice list --format json
en_no=$(jq -r '.[] | select(.client == "ANGLO") | .number' <<<"$OUT")
fr_no=$(jq -r '.[] | select(.client == "FCSD") | .number' <<<"$OUT")
[ -n "$en_no" ] && [ -n "$fr_no" ] && ok "one invoice each ($en_no, $fr_no)" || not_ok "invoices missing: $OUT"

# words of a PDF, one line each, no-break spaces kept
pdf_text() { pdftotext -layout "$1" - 2>/dev/null; }
# amounts in each convention: $10,800.00 / 10 800,00 $ (U+00A0 between, which
# pdftotext may give as a space)
EN_MONEY='\$[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}'
FR_MONEY='[0-9]{1,3}([\x{00A0} ][0-9]{3})*,[0-9]{2}[\x{00A0} ]\$'
has_re() { grep -qP -- "$2" <<<"$1"; }

# An English client's invoice, printed from a French screen
j --as carole invoice show "$en_no" --format pdf -o "$T/en.pdf"
expect_rc 0 "the English client's invoice, screen in French"
expect_out "écrit" "…the screen's own message stays French"
txt=$(pdf_text "$T/en.pdf")
for w in INVOICE "Bill to:" "Subtotal" "Hours" "Amount" "Payment terms" "page 1 of" "Hours detail" "HST (13%)"; do
  case "$txt" in *"$w"*) ok "English invoice says '$w'";; *) not_ok "English invoice lacks '$w': $txt";; esac
done
for w in FACTURE "Sous-total" "Montant" "Échéance" "TVH" " de 2"; do
  case "$txt" in *"$w"*) not_ok "English invoice still says '$w'";; *) ok "no French '$w' on the English invoice";; esac
done
has_re "$txt" "Total +\\\$12,204\.00" && ok "English total \$12,204.00 (45 h at 480, HST 13 %)" || not_ok "English total: $(grep -i total <<<"$txt")"
has_re "$txt" "\\\$480\.00/h" && ok "English rate \$480.00/h" || not_ok "English rate: $txt"
has_re "$txt" "$FR_MONEY" && not_ok "a French amount on the English invoice" || ok "no French amount on the English invoice"
has_re "$txt" "$EN_MONEY" && ok "English amounts" || not_ok "no English amount: $txt"

case "$txt" in *"Net 30 days"*) ok "the shipped payment terms in English";; *) not_ok "payment terms: $(grep -i terms <<<"$txt")";; esac

# A credit note: its lines are written in the client's language when it is
# made, whatever the screen's
j --as carole invoice credit "$en_no" --reason "Erreur de taux" --amount 100.00 --date 2020-04-02
expect_rc 0 "a partial credit note for the English client, screen in French"
j --as carole invoice list --kind credit --format json
nc=$(jq -r '.[] | select(.client == "ANGLO") | .number' <<<"$OUT")
j --as carole invoice show "$nc" --format pdf -o "$T/nc.pdf"; expect_rc 0 "its PDF"
txt=$(pdf_text "$T/nc.pdf")
for w in "CREDIT NOTE" "Partial credit: Erreur de taux" "Corrects invoice $en_no" "\$100.00" "HST (13%)"; do
  case "$txt" in *"$w"*) ok "the English credit note says '$w'";; *) not_ok "English credit note lacks '$w': $txt";; esac
done

# A French client's invoice, printed from an English screen
LANGUAGE=en j --as carole invoice show "$fr_no" --format pdf -o "$T/fr.pdf"
expect_rc 0 "the French client's invoice, screen in English"
expect_out "written" "…the screen's own message is English"
txt=$(pdf_text "$T/fr.pdf")
for w in FACTURE "Facturé à :" "Sous-total" "Montant" "Échéance" "page 1 de" "TPS (5" "TVQ (9,975"; do
  case "$txt" in *"$w"*) ok "French invoice says '$w'";; *) not_ok "French invoice lacks '$w': $txt";; esac
done
for w in INVOICE "Subtotal" "GST" "QST" "Amount"; do
  case "$txt" in *"$w"*) not_ok "French invoice says '$w'";; *) ok "no English '$w' on the French invoice";; esac
done
has_re "$txt" "$FR_MONEY" && ok "French amounts" || not_ok "no French amount: $txt"
has_re "$txt" "$EN_MONEY" && not_ok "an English amount on the French invoice" || ok "no English amount on the French invoice"

# The month's PDFs: each in its client's language
LANGUAGE=en j --as carole invoice pdf 2020-02 -o "$T/month"; expect_rc 0 "the month's PDFs"
case "$(pdf_text "$T/month/$en_no.pdf")" in *INVOICE*) ok "…the English one in English";; *) not_ok "month: $en_no not English";; esac
case "$(pdf_text "$T/month/$fr_no.pdf")" in *FACTURE*) ok "…the French one in French";; *) not_ok "month: $fr_no not French";; esac

# Statements: text and PDF
j --as carole statement ANGLO --at 2020-04-30
expect_rc 0 "the English client's statement, screen in French"
for w in "STATEMENT OF ACCOUNT" "Opening balance" "Invoice" "Credit note" "Balance at 2020-04-30: \$12,091.00" "Open invoices"; do
  expect_out "$w" "English statement text says '$w'"
done
case "$OUT" in *"Solde"*|*"Facture"*) not_ok "French words in the English statement: $OUT";; *) ok "no French word in the English statement";; esac
LANGUAGE=en j --as carole statement FCSD --at 2020-04-30
expect_rc 0 "the French client's statement, screen in English"
expect_out "RELEVÉ DE COMPTE" "French statement text, screen in English"
expect_out "Solde au 2020-04-30" "…its balance line in French"
has_re "$OUT" "$FR_MONEY" && ok "…French amounts" || not_ok "French statement amounts: $OUT"
j --as carole statement ANGLO --at 2020-04-30 --format pdf -o "$T/st-en.pdf"; expect_rc 0 "English statement PDF"
txt=$(pdf_text "$T/st-en.pdf")
case "$txt" in *"STATEMENT OF"*"Balance"*) ok "English statement PDF in English";; *) not_ok "English statement PDF: $txt";; esac
has_re "$txt" "\\\$12,204\.00" && ok "…with English amounts" || not_ok "English statement PDF amounts: $txt"
LANGUAGE=en j --as carole statement FCSD --at 2020-04-30 --format pdf -o "$T/st-fr.pdf"; expect_rc 0 "French statement PDF"
txt=$(pdf_text "$T/st-fr.pdf")
case "$txt" in *"RELEVÉ DE"*"Solde"*) ok "French statement PDF in French";; *) not_ok "French statement PDF: $txt";; esac

# Reminder letters, from an English screen and from a French one
LANGUAGE=en j --as carole reminders pdf --at 2020-06-15 -o "$T/letters-en"; expect_rc 0 "letters, screen in English"
txt=$(pdf_text "$(ls "$T/letters-en/"*ANGLO* | head -1)")
case "$txt" in *"Dear Sir or Madam"*"Total due: \$12,091.00"*) ok "ANGLO's letter in English";; *) not_ok "ANGLO's letter: $txt";; esac
txt=$(pdf_text "$(ls "$T/letters-en/"*FCSD* | head -1)")
case "$txt" in *"Madame, Monsieur"*"Total dû"*) ok "FCSD's letter in French, screen in English";; *) not_ok "FCSD's letter: $txt";; esac
has_re "$txt" "$FR_MONEY" && ok "…with French amounts" || not_ok "FCSD's letter amounts: $txt"
j --as carole reminders pdf --at 2020-06-15 -o "$T/letters-fr"; expect_rc 0 "letters, screen in French"
txt=$(pdf_text "$(ls "$T/letters-fr/"*ANGLO* | head -1)")
case "$txt" in *"Dear Sir or Madam"*) ok "ANGLO's letter in English, screen in French";; *) not_ok "ANGLO's letter (fr screen): $txt";; esac
case "$txt" in *"Madame"*|*"Facture "*) not_ok "French words in ANGLO's letter";; *) ok "no French word in ANGLO's letter";; esac

# The screen's language is back after a document: a refusal that follows is in it
j --as carole statement NOPE
expect_err "organisation inconnue" "after the documents, messages are the screen's again"

finish
