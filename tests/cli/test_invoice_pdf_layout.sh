#!/usr/bin/env bash
# The invoice PDF's layout, read back from the text positions pdftotext
# -bbox gives: no word drawn over another, codes and amounts never broken
# across lines (an 11- and a 32-character mandate code, totals above
# 100 000 $), "page N de M" on every page, the enterprise served named on
# the line of a mandate that serves another than the client, the payment
# instructions of the settings, and --no-detail leaving the entries out;
# a credit note's footer, the statement of account and a reminder letter
# read back the same way.
export JUSTE_TODAY=2020-04-02
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "1..0 # SKIP pdftotext missing"; exit 77; }
seed_world
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,480.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
long=M-2020-LONGUE-DESIGNATION-000032
expect_eq "${#long}" 32 "the long code has the 32 characters a code may have"
printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-2019-0049,Politique de rémunération,FCSD,,FIN,,horaire,,,,2019-04-01,\n%s,Refonte complète des processus,FCSD,,FIN,,horaire,,,,2019-04-01,\n' "$long" > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "mandates with 11- and 32-character codes"
for d in 02 03 04; do j --as alice log --date "2020-03-$d" 1h M-2019-0049 "Évaluation des emplois"; expect_rc 0 "entry of 2020-03-$d"; done
for d in 05 06 09 10 11 12 13 16 17 18 19 20 23 24 25 26 27 30 31; do
  j --as bob log --date "2020-03-$d" 7h M-1 "Budget"; expect_rc 0 "bob on M-1, 2020-03-$d"
  j --as alice log --date "2020-03-$d" 7h "$long" "Cartographie des processus et entrevues"; expect_rc 0 "alice on the long code, 2020-03-$d"
done
j settings set invoice.payment_instructions 'Virement : institution 815, transit 20000, compte 1234567\nInterac : paiement@centre.coop'
expect_rc 0 "payment instructions set"
j --as carole invoice issue 2020-03; expect_rc 0 "March issued"
j --as carole invoice show F2020-0001 --format pdf -o "$T/f.pdf"; expect_rc 0 "the PDF"
pdftotext -bbox "$T/f.pdf" "$T/f.html"
pages=$(grep -c '<page ' "$T/f.html")
[ "$pages" -ge 2 ] && ok "a first page and the detail ($pages pages)" || not_ok "only $pages page"

# Reads pdftotext's words: page, xMin, yMin, xMax, yMax, text.
words() {
  python3 - "$1" <<'PY'
import html, re, sys
page = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if "<page " in line:
        page += 1
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
    if m:
        print(page, *m.groups()[:4], html.unescape(m.group(5)), sep="\t")
PY
}
words "$T/f.html" > "$T/words.tsv"

# No two words overlap (a wrapped code's tail drawn over the next row did).
overlaps() {
  python3 - "$1" <<'PY'
import sys
w = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
bad = 0
by_page = {}
for p, x0, y0, x1, y1, t in w:
    by_page.setdefault(p, []).append((float(x0), float(y0), float(x1), float(y1), t))
for p, ws in by_page.items():
    for i in range(len(ws)):
        a = ws[i]
        for b in ws[i + 1:]:
            ix = min(a[2], b[2]) - max(a[0], b[0])
            iy = min(a[3], b[3]) - max(a[1], b[1])
            if ix > 0.5 and iy > 0.5:
                bad += 1
                print(f"page {p}: '{a[4]}' over '{b[4]}'", file=sys.stderr)
print(bad)
PY
}
overlaps=$(overlaps "$T/words.tsv")
expect_eq "$overlaps" 0 "no word drawn over another"

# Codes whole: each detail row and each line shows the code as one word.
expect_eq "$(awk -F'\t' '$6 == "M-2019-0049"' "$T/words.tsv" | wc -l)" 4 "M-2019-0049 whole on its line and its 3 detail rows"
expect_eq "$(awk -F'\t' -v c="$long" '$6 == c' "$T/words.tsv" | wc -l)" 20 "the 32-character code whole on its line and its 19 detail rows"
expect_eq "$(awk -F'\t' '$6 ~ /^M-20(19|20)-/ && $6 != "M-2019-0049" && $6 != "'"$long"'"' "$T/words.tsv" | wc -l)" 0 "no code cut short"

# Amounts whole: every "$" sits on the line of the number before it.
lone=$(python3 - "$T/words.tsv" <<'PY'
import re, sys
w = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
bad = 0
for i, (p, x0, y0, x1, y1, t) in enumerate(w):
    if t in ("$", "$/h"):
        prev = w[i - 1] if i else None
        # the cents end the number: "455,72 $", never "455,7" then "2 $"
        if not prev or prev[0] != p or abs(float(prev[2]) - float(y0)) > 1 or not re.match(r"^[0-9]+,[0-9][0-9]$", prev[5]):
            bad += 1
            print(f"page {p}: a lone '{t}' at y {y0}", file=sys.stderr)
print(bad)
PY
)
expect_eq "$lone" 0 "no \$ apart from its amount"
pdftotext -layout "$T/f.pdf" "$T/f.txt"
# 2 × 133 h and 3 h at 480 $/h: 129 120,00 $, TPS 6 456,00 $, TVQ 12 879,72 $
grep -q 'Total  *148 455,72 \$$' "$T/f.txt" && ok "the total of 148 455,72 \$ on one line, beside its label" \
  || not_ok "no 'Total 148 455,72 \$' line in: $(grep 'Total' "$T/f.txt" | tr -s ' ')"

# page N de M, on every page.
for n in $(seq 1 "$pages"); do
  grep -q "page $n de $pages" "$T/f.txt" && ok "page $n de $pages" || not_ok "no 'page $n de $pages'"
done

grep -q 'Pour : Coopérative Érable' "$T/f.txt" && ok "the enterprise served named on M-1's line" || not_ok "no beneficiary on M-1's line"
expect_eq "$(grep -c 'Pour :' "$T/f.txt")" 1 "and on no line of a mandate serving its client"
grep -q 'Virement : institution 815, transit 20000, compte 1234567' "$T/f.txt" && grep -q 'Interac : paiement@centre.coop' "$T/f.txt" \
  && ok "payment instructions printed, on their two lines" || not_ok "no payment instructions"

# Without the detail: one page, and no promise of following pages.
j --as carole invoice show F2020-0001 --format pdf --no-detail -o "$T/short.pdf"; expect_rc 0 "--no-detail"
pdftotext -layout "$T/short.pdf" "$T/short.txt"
expect_eq "$(grep -c 'Détail des heures\|saisies aux pages suivantes' "$T/short.txt")" 0 "no detail pages announced or printed"
grep -q 'page 1 de 1' "$T/short.txt" && ok "page 1 de 1" || not_ok "no 'page 1 de 1' without the detail"
mkdir "$T/out"
j --as carole invoice pdf 2020-03 -o "$T/out" --no-detail; expect_rc 0 "invoice pdf --no-detail"
pdftotext -layout "$T/out/F2020-0001.pdf" - | grep -q 'page 1 de 1' && ok "the month's PDFs without the detail too" || not_ok "invoice pdf --no-detail printed the detail"

# The client's own choice: org --invoice-detail non leaves the detail out
# of every print that does not ask (--detail brings it back), and the
# choice goes out and back in with the organisations' CSV.
j org edit FCSD --invoice-detail non; expect_rc 0 "FCSD wants its invoices without the detail"
j --as carole invoice show F2020-0001 --format pdf -o "$T/client.pdf"; expect_rc 0 "printed with the client's choice"
pdftotext -layout "$T/client.pdf" - | grep -q 'page 1 de 1' && ok "the client's choice: one page" || not_ok "the client's choice was not followed"
j --as carole invoice show F2020-0001 --format pdf --detail -o "$T/asked.pdf"; expect_rc 0 "--detail"
pdftotext -layout "$T/asked.pdf" - | grep -q 'Détail des heures' && ok "--detail prints it anyway" || not_ok "--detail did not print the detail"
rm -f "$T/out/"*.pdf
j --as carole invoice pdf 2020-03 -o "$T/out"; expect_rc 0 "the month's PDFs"
pdftotext -layout "$T/out/F2020-0001.pdf" - | grep -q 'page 1 de 1' && ok "invoice pdf follows the client's choice" || not_ok "invoice pdf printed FCSD's detail"
j org edit FCSD --invoice-detail peut-être; expect_rc 1 "--invoice-detail wants oui or non"
j export orgs -o "$T/orgs.csv"; expect_rc 0 "export orgs"
expect_eq "$(head -1 "$T/orgs.csv" | tr ',' '\n' | tail -1)" "invoice_without_detail" "the organisations' CSV carries the choice"
expect_eq "$(grep -c '^FCSD,.*,1$' "$T/orgs.csv")" 1 "FCSD's row says 1"
j import orgs "$T/orgs.csv"; expect_rc 0 "the export imports back (unchanged)"
sed 's/^\(FCSD,.*\),1$/\1,0/' "$T/orgs.csv" > "$T/orgs2.csv"
j import orgs "$T/orgs2.csv"; expect_rc 1 "a row that changes the choice is a conflict"
expect_err "invoice_without_detail" "the conflict names the column"
# The footer: the document and its page are read in full; the centre's
# name gets what is left of the line and never runs into them (a credit
# note's longer title did, "coopérativesNOTE DE CRÉDIT").
j settings set centre.name "Consortium de ressources et d'expertises coopératives du Québec et des régions"
expect_rc 0 "a long centre name"
j --as carole invoice credit F2020-0001 --reason "Erreur de taux" --amount 100.00; expect_rc 0 "a partial credit note"
j --as carole invoice show NC2020-0001 --format pdf -o "$T/nc.pdf"; expect_rc 0 "the credit note's PDF"
pdftotext -bbox "$T/nc.pdf" "$T/nc.html"
words "$T/nc.html" > "$T/nc.tsv"
gap=$(python3 - "$T/nc.tsv" <<'PY'
import sys
w = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
foot = max(float(x[2]) for x in w)
line = sorted((float(x[1]), float(x[3]), x[5]) for x in w if abs(float(x[2]) - foot) < 1)
right = next(i for i, x in enumerate(line) if x[2] == "NOTE")
print(round(line[right][0] - line[right - 1][1]) if right else "none")
PY
)
[ "$gap" != none ] && [ "$gap" -ge 6 ] && ok "the footer's two texts apart ($gap pt)" || not_ok "footer texts touch (gap $gap)"
pdftotext -layout "$T/nc.pdf" - | grep -q 'NOTE DE CRÉDIT NC2020-0001 — page 1 de 1' && ok "the credit note's footer whole" || not_ok "the credit note's footer cut"
# The statement of account: its columns measured like the invoice's (they
# ran into each other: "F2019-0115101 812,69", "DétailDébit"), amounts
# whole, the closing balance on one line beside its label.
j --as carole payment add F2020-0001 --amount 50000.00 --date 2020-04-02 --method virement; expect_rc 0 "a payment"
j --as carole statement FCSD --from 2020-01-01 --format pdf -o "$T/st.pdf"; expect_rc 0 "the statement's PDF"
pdftotext -bbox "$T/st.pdf" "$T/st.html"
words "$T/st.html" > "$T/st.tsv"
expect_eq "$(overlaps "$T/st.tsv")" 0 "no word of the statement drawn over another"
pdftotext -layout "$T/st.pdf" "$T/st.txt"
grep -qE '^2020-04-02 +Facture +F2020-0001 +échéance 2020-05-02 +148 455,72 \$ +148 455,72 \$$' "$T/st.txt" \
  && ok "the invoice's row: date, kind, number, detail, debit, balance apart" || not_ok "invoice row: $(grep -m1 F2020-0001 "$T/st.txt")"
grep -qE 'Solde dû au [0-9-]+ +[0-9 ]+,[0-9]{2} \$$' "$T/st.txt" && ok "the balance due on one line" \
  || not_ok "balance due: $(grep -A1 'Solde dû' "$T/st.txt" | tr '\n' '|')"
grep -qE '^F2020-0001 +2020-04-02 +2020-05-02 +[0-9 ]+,[0-9]{2} \$ +courant' "$T/st.txt" && ok "the open invoice in its columns" \
  || not_ok "open invoice: $(grep -m2 F2020-0001 "$T/st.txt" | tail -1)"
# The reminder letter: the date on its own line (a long client name ran
# into it), the overdue invoices in columns, no amount apart from its "$".
j org edit FCSD --name "Fédération des coopératives de services à domicile et de santé du Québec"; expect_rc 0 "a long client name"
mkdir "$T/rappels"
j --as carole reminders pdf --at 2020-06-30 -o "$T/rappels"; expect_rc 0 "the reminder letters"
pdftotext -bbox "$T/rappels/rappel-FCSD-2020-06-30.pdf" "$T/r.html"
words "$T/r.html" > "$T/r.tsv"
expect_eq "$(overlaps "$T/r.tsv")" 0 "no word of the letter drawn over another"
pdftotext -layout "$T/rappels/rappel-FCSD-2020-06-30.pdf" "$T/r.txt"
grep -qE '^F2020-0001 +2020-04-02 +2020-05-02 +59 +[0-9 ]+,[0-9]{2} \$$' "$T/r.txt" && ok "the overdue invoice in its columns" \
  || not_ok "letter row: $(grep -m1 F2020-0001 "$T/r.txt")"
finish
