#!/usr/bin/env bash
# test_report_documents.sh - the annual report as documents people read,
# on the demo's 2019-2020: the PDF's layout read back from pdftotext -bbox
# (report_pdf_layout.py: no word over another, headers in whole words and
# on every page a table runs over, Heures/Revenus over the programs' names,
# page N de M), the Markdown read back by a Markdown parser
# (report_md_check.py with cmark-gfm: tables that end where they end,
# paragraphs, heading levels, Markdown's punctuation in names), and English
# with English figures and words in text, Markdown and PDF while CSV and
# JSON do not change with the language.
export JUSTE_TODAY=2020-06-15
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "1..0 # SKIP pdftotext missing"; exit 77; }
command -v cmark-gfm >/dev/null || { echo "1..0 # SKIP cmark-gfm missing (scripts/deps)"; exit 77; }
HERE=$SRCDIR/tests/cli
DB="$T/demo.db"
"$JUSTE" demo --db "$DB" --quiet >/dev/null 2>"$T/demo.err" || { not_ok "demo: $(cat "$T/demo.err")"; finish; }
ok "demo built"

# a program and a business-development name with Markdown's punctuation
printf 'code,name\nPIPE,Volet | 2 *pilote*\n' > "$T/p.csv"
j import programs "$T/p.csv"; expect_rc 0 "a program whose name has a pipe and stars"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-PIPE,Essai,CREC,,GOUV,PIPE,horaire,,,,2019-04-01,\n' > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "a mandate of that program"
j --as aallard log --date 2020-03-02 1h M-PIPE "Essai"; expect_rc 0 "an hour on it"
j devaffaires add --date 2019-06-01 --kind rencontre --partner obnl --name '- Table <ronde> | _bilan_'
expect_rc 0 "a business-development name opening with a dash"

# prints the findings of a checker and counts them
tally() {
  while IFS= read -r l; do
    case "$l" in
      "ok - "*) ok "$1: ${l#ok - }";;
      "not ok - "*) not_ok "$1: ${l#not ok - }";;
      *) not_ok "$1: checker said: $l";;
    esac
  done
}

j report annual --fy 2019-2020 --format json -o "$T/r.json"; expect_rc 0 "the report's figures (JSON)"
for lang in fr en; do
  LANGUAGE=$lang j report annual --fy 2019-2020 --format pdf -o "$T/r-$lang.pdf"; expect_rc 0 "PDF ($lang)"
  pdftotext -bbox "$T/r-$lang.pdf" "$T/r-$lang.html"
  tally "PDF $lang" < <(python3 "$HERE/report_pdf_layout.py" "$T/r-$lang.html" "$T/r.json" "$lang" 2>&1)
  LANGUAGE=$lang j report annual --fy 2019-2020 --format md -o "$T/r-$lang.md"; expect_rc 0 "Markdown ($lang)"
  cmark-gfm -e table "$T/r-$lang.md" > "$T/r-$lang.md.html"
  tally "Markdown $lang" < <(python3 "$HERE/report_md_check.py" "$T/r-$lang.md" "$T/r-$lang.md.html" \
    'Volet | 2 *pilote*' '- Table <ronde> | _bilan_' 2>&1)
done

# English: English figures and words, no French figure left
nbsp=$(printf '\302\240')
LANGUAGE=en j report annual --fy 2019-2020; expect_rc 0 "text (en)"
printf '%s\n' "$OUT" > "$T/r-en.txt"
h=$(jq '(.years[2].billable_minutes + 30) / 60 | floor' "$T/r.json")
# thousands grouped with commas, as English writes them
group() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
hen=$(echo "$h" | group)
expect_out "Hours of services delivered: $hen h" "the year's hours as $hen h"
products=$(jq '(.years[2].products_actual_cents + 50) / 100 | floor' "$T/r.json" | group)
expect_out "\$$products" "products as \$$products"
expect_out "+15.0%" "growth as +15.0%"
expect_out "professional" "functions in English words"
for f in "$T/r-en.txt" "$T/r-en.md"; do
  expect_eq "$(grep -c "$nbsp" "$f")" 0 "no French thousands separator in $(basename "$f")"
  expect_eq "$(grep -cE '[0-9],[0-9] ?%|[0-9] \$|professionnel|formateur' "$f")" 0 "no French figure or word in $(basename "$f")"
done
grep -q 'page 1 of ' <(pdftotext -layout "$T/r-en.pdf" -) && ok "PDF footer in English" || not_ok "no 'page 1 of' in the English PDF"
# the footer's title whole beside its page (it was cut to "2019-…" once
# the centre's name was kept from running into the page number)
grep -q "Rapport d'activités 2019-2020 *page 1 de " <(pdftotext -layout "$T/r-fr.pdf" -) && ok "PDF footer: title and page whole" \
  || not_ok "PDF footer cut: $(pdftotext -layout "$T/r-fr.pdf" - | grep -m1 'page 1 de')"

# the CLI's tables of the report in English
LANGUAGE=en j report members --fy 2019-2020; expect_rc 0 "report members (en)"
expect_out "user member" "member categories in English words"
case "$OUT" in *"$nbsp"*|*" membre "*) not_ok "French figures or codes in report members: $(printf '%s' "$OUT" | grep -m1 "$nbsp\| membre ")";; *) ok "no French figure nor category code in report members";; esac
echo "$OUT" | grep -qE '\$[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2} +[0-9]+\.[0-9]%$' && ok "amounts as \$12,195.09 and shares as 0.3%" || not_ok "no English amount and share: $(echo "$OUT" | sed -n 3p)"
LANGUAGE=en j ristourne --fy 2019-2020 --amount 10000; expect_rc 0 "ristourne (en)"
expect_out '$10,000.00 distributed' "the ristourne's amount as \$10,000.00"
LANGUAGE=en j report utilisation --by program --from 2019-04-01 --to 2020-03-31; expect_rc 0 "report utilisation (en)"
case "$OUT" in *"$nbsp"*) not_ok "French figures in report utilisation";; *) ok "report utilisation with English figures";; esac

# a refusal names the role in the user's words
LANGUAGE=en j --as aallard report members --fy 2019-2020; expect_rc 1 "an expert may not see the members' business"
expect_err "(role expert)" "the role named"
LANGUAGE=en j --as aallard finance show --fy 2019-2020
case "$ERR" in *gestionnaire*|*commis*) not_ok "a role code in English: $ERR";; *) ok "no French role code in an English refusal";; esac

# machine formats do not follow the language
for f in csv json; do
  j report annual --fy 2019-2020 --format $f -o "$T/fr.$f"
  LANGUAGE=en j report annual --fy 2019-2020 --format $f -o "$T/en.$f"
  cmp -s "$T/fr.$f" "$T/en.$f" && ok "$f the same in English" || not_ok "$f differs in English: $(diff "$T/fr.$f" "$T/en.$f" | head -3)"
done
finish
