#!/usr/bin/env bash
# Nothing bad let in, no output file half-written.
#
#  - bad input at every door (command arguments, every kind of CSV, the
#    configuration): invalid UTF-8, NUL bytes, terminal escape sequences,
#    extra columns, years 9999 and 1899; each refused with its place and
#    nothing written;
#  - what was let in before is shown with its control characters made
#    visible, and JSON never prints null for it;
#  - CSV meant for spreadsheets: =HYPERLINK(...) and the like guarded with an
#    apostrophe that import removes, negative amounts left as numbers;
#  - files juste writes: a usage error after -o keep.txt leaves keep.txt, a
#    planted symlink is refused and the linked file untouched, a full disk
#    leaves no file and counts no print, success leaves no temporary;
#  - export -> init -> import -> export, every kind and the rate tables,
#    byte for byte;
#  - an interrupted `juste demo` leaves the earlier file and is rerun.
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
seed_world

ESC=$(printf '\033')
BEL=$(printf '\007')
TAB=$(printf '\t')

# What the database holds, in one line: a refusal must leave it equal.
state() {
  sql "SELECT (SELECT count(*) FROM entries)||' '||(SELECT count(*) FROM orgs)||' '||(SELECT count(*) FROM experts)
    ||' '||(SELECT count(*) FROM mandates)||' '||(SELECT count(*) FROM rate_tables)||' '||(SELECT count(*) FROM rate_rows)
    ||' '||(SELECT count(*) FROM cost_years)||' '||(SELECT count(*) FROM finance_years)
    ||' '||(SELECT count(*) FROM devaffaires)||' '||(SELECT count(*) FROM settings)||' '||(SELECT count(*) FROM audit)"
}

# A message on the terminal carries no control character of its own making.
clean_err() {
  case "$ERR" in
    *"$ESC"* | *"$BEL"*) not_ok "$1: stderr carries a control character: $(printf '%s' "$ERR" | od -c | head -3)";;
    *) ok "$1: the message shows no control character";;
  esac
}

# refused RC WANT WHAT -- ARGS... : juste ARGS exits RC, says WANT on stderr,
# and the database is as it was.
refused() {
  local rc=$1 want=$2 what=$3 before
  shift 4
  before=$(state)
  j "$@"
  expect_rc "$rc" "$what: refused"
  expect_err "$want" "$what: the message names the place ($want)"
  expect_eq "$(state)" "$before" "$what: nothing written"
}

# ============================================================ command arguments
refused 1 "note : texte invalide : ce n'est pas de l'UTF-8 (octet 4)" "a note in Latin-1" -- \
  --as alice log --date 2020-03-02 1h M-1 "$(printf 'caf\351')"
clean_err "the Latin-1 note"
refused 1 "note : caractère de contrôle U+001B refusé (octet 1" "a note with a terminal escape sequence" -- \
  --as alice log --date 2020-03-02 1h M-1 "${ESC}[31mrouge${ESC}[0m${ESC}]0;titre${BEL}"
clean_err "the escape sequence"
refused 1 "note : caractère de contrôle U+000D refusé" "a note with a carriage return" -- \
  --as alice log --date 2020-03-02 1h M-1 "$(printf 'ligne\r\nsuite')"
j --as alice log --date 2020-03-02 1h M-1 "$(printf 'deux lignes\net une\ttabulation')"
expect_rc 0 "a note keeps its line breaks and tabs"
refused 1 "--name : caractère de contrôle U+001B" "an organisation name with an escape" -- \
  org add EVIL --name "Coop${ESC}[2J" --category membre
refused 1 "--name : caractère de contrôle U+0009" "an organisation name with a tab" -- \
  org add EVIL --name "Coop${TAB}Érable" --category membre
refused 1 "U+000D" "an address with a carriage return" -- \
  org add EVIL --name "Coop" --address "$(printf '1 rue\r\nQuébec')"
refused 1 "name : caractère de contrôle U+001B" "a business-development name with an escape" -- \
  devaffaires add --date 2020-03-02 --kind evenement --partner reseaux --name "Salon${ESC}[5m"
refused 1 "U+009B" "a centre name with a C1 control (CSI)" -- \
  settings set centre.name "$(printf 'Centre \302\2332J')"
printf 'valid_from,service,category,rate\n2020-04-01,FIN,membre,50.00\n' > "$T/one_rate.csv"
refused 1 "--name : caractère de contrôle U+0007" "a rate table name with a bell" -- \
  rate import "$T/one_rate.csv" --name "Taux${BEL}"

# ---- dates: one range, 1900 to 2999, at every door ------------------------------
refused 1 "l'année doit être entre 1900 et 2999" "year 9999 in juste log" -- \
  --as alice log --date 9999-01-01 1h M-1
refused 1 "l'année doit être entre 1900 et 2999" "year 1899 in juste log" -- \
  --as alice log --date 1899-12-31 1h M-1
refused 1 "--joined : date invalide '9999-12-31'" "year 9999 for an organisation" -- \
  org add NEW9 --name "Neuf" --joined 9999-12-31
refused 1 "l'année doit être entre 1900 et 2999" "month 3000-01 for invoicing" -- \
  --as carole invoice draft 3000-01
refused 1 "entre 1900 et 2999" "fiscal year 2999-3000" -- \
  report annual --fy 2999-3000
refused 1 "entre 1900 et 2999" "entries until 9999" -- \
  entries --to 9999-12-31

# ==================================================================== CSV files
# ---- juste import --------------------------------------------------------------
printf 'date,expert,mandate,duration,note\n2020-03-03,alice,M-1,1h,bien\n2020-03-03,alice,M-1,1h,caf\351\n' > "$T/latin1.csv"
refused 1 "latin1.csv:3: note : texte invalide : ce n'est pas de l'UTF-8 (octet 4)" "import: a Latin-1 note" -- \
  import entries "$T/latin1.csv"
printf 'date,expert,mandate,duration,note\n2020-03-03,alice,M-1,1h,av\000ant\n' > "$T/nul.csv"
refused 1 "nul.csv:2: note : octet nul refusé (octet 3)" "import: a NUL byte in a note" -- \
  import entries "$T/nul.csv"
printf 'date,expert,mandate,duration,note\n2020-03-03,alice,M-1,1h,"ok"\n2020-03-04,alice,M-1,1h,"\033[31mrouge"\n' > "$T/esc.csv"
refused 1 "esc.csv:3: note : caractère de contrôle U+001B" "import: an escape sequence in a note" -- \
  import entries "$T/esc.csv"
clean_err "the imported escape sequence"
printf 'code,name,category\nEV1,"Coop\033]0;x\007",membre\n' > "$T/orgesc.csv"
refused 1 "orgesc.csv:2: name : caractère de contrôle U+001B" "import: an escape in an organisation name" -- \
  import orgs "$T/orgesc.csv"
printf 'code,name\nS1,"Deux\nlignes"\n' > "$T/svcnl.csv"
refused 1 "svcnl.csv:2: name : caractère de contrôle U+000A" "import: a line break in a service name" -- \
  import services "$T/svcnl.csv"
printf 'date,expert,mandate,duration,note\n2020-03-03,alice,M-1,1h,ok\n9999-01-04,alice,M-1,1h,trop tard\n' > "$T/y9999.csv"
refused 1 "y9999.csv:3: date : date invalide '9999-01-04' : l'année doit être entre 1900 et 2999" "import: year 9999" -- \
  import entries "$T/y9999.csv"
printf 'code,title,client,service,billing,opened_on\nM-OLD,Vieux,FCSD,FIN,horaire,1899-12-31\n' > "$T/y1899.csv"
refused 1 "y1899.csv:2: opened_on : date invalide '1899-12-31' : l'année doit être entre 1900 et 2999" "import: year 1899" -- \
  import mandates "$T/y1899.csv"
printf 'code,name\nS1,Un,de trop\n' > "$T/svcextra.csv"
refused 1 "svcextra.csv:2: 3 champs au lieu de 2" "import: an extra column" -- \
  import services "$T/svcextra.csv"

# ---- the small CSV files: rates, costs, finance, business development ------------
# each: a NUL byte (a rate of 50\0.99 must not be sealed as 50,00 $/h), an
# extra column, ill-formed UTF-8
printf 'valid_from,service,category,rate\n2020-04-01,FIN,membre,50\000.99\n' > "$T/rate_nul.csv"
refused 1 "rate_nul.csv:2: rate : octet nul refusé (octet 3)" "rates: 50\\0.99" -- rate import "$T/rate_nul.csv"
printf 'valid_from,service,category,rate\n2020-04-01,FIN,membre,50.99\n2020-04-01,FIN,auxiliaire,60.00,extra\n' > "$T/rate_extra.csv"
refused 1 "rate_extra.csv:3: 5 champs au lieu de 4" "rates: an extra column" -- rate import "$T/rate_extra.csv"
printf 'valid_from,service,category,rate\n2020-04-01,FIN,membre,50\351\n' > "$T/rate_utf8.csv"
refused 1 "rate_utf8.csv:2: rate : texte invalide" "rates: ill-formed UTF-8" -- rate import "$T/rate_utf8.csv"
{ head -2 "$FIXTURES/rates/cost-2020-2021.csv"; printf '2020-2021,level,conseiller,FIN RH,24,1440000\000.00,22,1150,\n'; tail -n +4 "$FIXTURES/rates/cost-2020-2021.csv"; } > "$T/cost_nul.csv"
refused 1 "cost_nul.csv:3: salary_mass : octet nul refusé" "costs: a NUL byte" -- cost import "$T/cost_nul.csv"
{ cat "$FIXTURES/rates/cost-2020-2021.csv"; printf '2020-2021,overhead,divers,,,,,,100.00,extra\n'; } > "$T/cost_extra.csv"
refused 1 "cost_extra.csv:11: 10 champs au lieu de 9" "costs: an extra column" -- cost import "$T/cost_extra.csv"
printf 'fy,actual_products,actual_expenses,budget_products,budget_expenses\n2019-2020,100\000.00,,,\n' > "$T/fin_nul.csv"
refused 1 "fin_nul.csv:2: actual_products : octet nul refusé (octet 4)" "finance: a NUL byte" -- finance import "$T/fin_nul.csv"
printf 'fy,actual_products,actual_expenses,budget_products,budget_expenses\n2019-2020,100.00,,,,9\n' > "$T/fin_extra.csv"
refused 1 "fin_extra.csv:2: 6 champs au lieu de 5" "finance: an extra column" -- finance import "$T/fin_extra.csv"
printf 'date,kind,partner,name\n2020-03-02,evenement,reseaux,Sa\000lon\n' > "$T/dev_nul.csv"
refused 1 "dev_nul.csv:2: name : octet nul refusé (octet 3)" "business development: a NUL byte" -- devaffaires import "$T/dev_nul.csv"
printf 'date,kind,partner,name\n2020-03-02,evenement,reseaux,Salon,en trop\n' > "$T/dev_extra.csv"
refused 1 "dev_extra.csv:2: 5 champs au lieu de 4" "business development: an extra column" -- devaffaires import "$T/dev_extra.csv"
printf 'date,kind,partner,name\n2020-03-02,evenement,reseaux,"Salon\033[2J"\n' > "$T/dev_esc.csv"
refused 1 "dev_esc.csv:2: name : caractère de contrôle U+001B" "business development: an escape in a name" -- devaffaires import "$T/dev_esc.csv"
printf 'date,kind,partner,name\n9999-03-02,evenement,reseaux,Salon\n' > "$T/dev_9999.csv"
refused 1 "dev_9999.csv:2: date : date invalide '9999-03-02' : l'année doit être entre 1900 et 2999" "business development: year 9999" -- devaffaires import "$T/dev_9999.csv"

# ---- juste.ini -------------------------------------------------------------------
printf '\357\273\277[ui]\nlanguage = en\n' > "$T/bom.ini"
j --config "$T/bom.ini" week; expect_rc 0 "juste.ini: a UTF-8 BOM is accepted"
expect_out "Total" "…and the file is read (English)"
printf '[ui]\nlanguage = fr\n; un commentaire\nLanguage = en\n' > "$T/dup.ini"
j --config "$T/dup.ini" week; expect_rc 1 "juste.ini: a key given twice is refused"
expect_err "dup.ini:4: [ui] language est déjà donné ligne 2" "…naming both lines"
printf '[ui]\nlanguage = \033[31mfr\n' > "$T/esc.ini"
j --config "$T/esc.ini" week; expect_rc 1 "juste.ini: a control character is refused"
expect_err "esc.ini:2: caractère de contrôle U+001B" "…with its line"

# ================================================ what was let in before juste checked
# A database written before these rules (simulated: the audit trigger is
# dropped in a copy to put bytes in a note as an old version could).
cp "$DB" "$T/old.db"
sqlite3 "$T/old.db" "DROP TRIGGER audit_entries_update;
  UPDATE entries SET note = char(27) || '[2J' || char(27) || ']0;pwn' || char(7) || 'fin'
  WHERE id = (SELECT min(id) FROM entries)"
j --db "$T/old.db" entries
expect_rc 0 "an old escape sequence is listed"
case "$OUT" in *"$ESC"* | *"$BEL"*) not_ok "…raw on the terminal";; *) ok "…with no control character reaching the terminal";; esac
expect_out "?[2J?]0;pwn?fin" "…made visible, as the TUI shows it"
j --db "$T/old.db" entries --format json
expect_rc 0 "…and as JSON"
printf '%s' "$OUT" | python3 -c 'import json, sys; d = json.load(sys.stdin); assert any(e["note"].startswith("\x1b[2J") for e in d)' \
  && ok "…escaped by JSON, never null" || not_ok "entries json: $OUT"
sqlite3 "$T/old.db" "UPDATE entries SET note = CAST(x'636166e9' AS TEXT) WHERE id = (SELECT min(id) FROM entries)"
j --db "$T/old.db" entries --format json
expect_rc 1 "an old note in Latin-1: the JSON stops"
expect_err "sa note n'est pas de l'UTF-8 valide" "…naming the entry, instead of printing [ null ]"
case "$OUT" in *null*) not_ok "…yet printed null: $OUT";; *) ok "…and no null printed";; esac

# ============================================= CSV for spreadsheets, and a world to bill
cat > "$T/tricky_orgs.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
EVIL,"=HYPERLINK(""http://evil.example"",""clic"")",membre,,0,0,2015-01-01,,evil@evil.example,"1 rue du Piège
Québec"
PLUS,+1-800 Coopérative,membre,,0,0,2015-01-01,,,"2 rue, Lévis"
MOINS,-Coop moins,auxiliaire,,0,0,2015-01-01,,,3 rue
AT,@Coop,soutien,,0,0,2015-01-01,,,4 rue
GARDE,''=déjà gardée,membre,,0,0,2015-01-01,,,5 rue
APOS,'''deux apostrophes,membre,,0,0,2015-01-01,,,6 rue
NOMBRE,-12.50,membre,,0,0,2015-01-01,,,7 rue
CSV
j import orgs "$T/tricky_orgs.csv"; expect_rc 0 "names that look like formulas are names ($ERR)"
cat > "$T/tricky_mandates.csv" <<'CSV'
code,title,client,service,billing,opened_on
M-EVIL,=SUM(A1:A9),EVIL,FIN,horaire,2019-04-01
CSV
j import mandates "$T/tricky_mandates.csv"; expect_rc 0 "a mandate titled like a formula"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
2019-04-01,RH,membre,80.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "a rate table"
cat > "$T/rates2.csv" <<'CSV'
valid_from,service,category,rate
2020-01-01,FIN,membre,97.50
2020-01-01,FIN,auxiliaire,92.50
2020-01-01,FIN,soutien,99.99
CSV
j rate import "$T/rates2.csv" --name "=Nouvelle table"; expect_rc 0 "a second rate table"
j --as alice log --date 2020-03-03 2h M-EVIL "=1+1"; expect_rc 0 "a note that looks like a formula"
j --as alice log --date 2020-03-04 1h M-EVIL "${TAB}indentée"
j --as bob log --date 2020-03-05 30m M-1 "-2+3+cmd|' /C calc'!A0"
j --as bob log --date 2020-03-06 45m M-1 "@SUM(1)"
j --as bob log --date 2020-03-09 1h M-1 "'=déjà gardée"
j --as carole invoice issue 2020-03 --date 2020-03-31; expect_rc 0 "March invoiced ($ERR)"
inv=$(sql "SELECT number FROM invoices i JOIN orgs o ON o.id = i.client_id WHERE o.code = 'EVIL' AND kind = 'invoice'")
j --as carole invoice credit "$inv" --reason "Remise" --amount 12.50 --date 2020-04-01; expect_rc 0 "a partial credit note ($ERR)"

j export orgs; expect_rc 0 "export orgs"
expect_out "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\"" "=HYPERLINK(…) gets the apostrophe"
expect_out "PLUS,'+1-800 Coopérative," "+… too"
expect_out "MOINS,'-Coop moins," "-… too"
expect_out "AT,'@Coop," "@… too"
expect_out "GARDE,''=déjà gardée," "a name that begins with the apostrophe gets a second one"
expect_out "APOS,'''deux apostrophes," "…and so does one that begins with two"
expect_out "NOMBRE,-12.50," "a plain number is left as it is, in any column"
j export mandates; expect_out "M-EVIL,'=SUM(A1:A9)," "a title like a formula"
j entries --format csv
expect_out ",'=1+1" "entries CSV: a note like a formula"
expect_out ",'${TAB}indentée" "…one that begins with a tab"
expect_out ",'-2+3+cmd|' /C calc'!A0" "…the classic DDE payload"
expect_out ",'@SUM(1)" "…and @"
j --as carole invoice journal --from 2020-03-01 --to 2020-04-30 --format csv
expect_rc 0 "the sales journal as CSV"
expect_out "\"'=HYPERLINK(" "journal: the client's name guarded"
expect_out ",-12.50,-0.63,0.00,-1.25,-14.38," "journal: the credit note's negative amounts stay numbers"
case "$OUT" in *"'-12.50"*) not_ok "journal: a negative amount was guarded";; *) ok "journal: no amount guarded";; esac
j report annual --fy 2019-2020 --format csv; expect_rc 0 "the annual report as CSV"
j rate show --at 2020-03-01 --format csv
expect_out "2020-01-01,FIN,membre,97.50" "rate show CSV: amounts as numbers"

# ======================================================================= files written
echo "à garder" > "$T/keep.txt"
keep_same() { expect_eq "$(cat "$T/keep.txt")" "à garder" "$1: keep.txt unchanged"; }
j --as carole invoice show "$inv" -o "$T/keep.txt" --format text; expect_rc 2 "-o with the text format is a usage error"; keep_same "invoice show -o keep.txt --format text"
j export entries -o "$T/keep.txt" --format xml; expect_rc 2 "a bad --format after -o"; keep_same "export -o keep.txt --format xml"
j export entries -o "$T/keep.txt" --from 2020-13-01; expect_rc 1 "a bad --from after -o"; keep_same "export -o keep.txt --from 2020-13-01"
j export nonsense -o "$T/keep.txt"; expect_rc 2 "an unknown kind after -o"; keep_same "export nonsense -o keep.txt"
j report annual -o "$T/keep.txt" --format nope; [ "$RC" != 0 ] && ok "report: a bad format after -o" || not_ok "report --format nope: rc 0"
keep_same "report annual -o keep.txt --format nope"
j report annual -o "$T/keep.txt" --fy 3000-3001; [ "$RC" != 0 ] && ok "report: a bad year after -o" || not_ok "report --fy 3000-3001: rc 0"
keep_same "report annual -o keep.txt --fy 3000-3001"
j --as alice invoice show "$inv" --format json -o "$T/keep.txt"; expect_rc 1 "an expert may not show an invoice"; keep_same "a refused invoice show -o keep.txt"

reprints() { sql "SELECT reprints FROM invoices WHERE number = '$inv'"; }
echo "le fichier du commis" > "$T/victim.pdf"
ln -s "$T/victim.pdf" "$T/planted.pdf"
r0=$(reprints)
j --as carole invoice show "$inv" --format pdf -o "$T/planted.pdf"
expect_rc 1 "a PDF to a planted symlink is refused"
expect_err "lien symbolique" "…saying it is a link"
expect_eq "$(cat "$T/victim.pdf")" "le fichier du commis" "…the linked file untouched"
[ -L "$T/planted.pdf" ] && ok "…the link left as it was" || not_ok "the link was replaced"
expect_eq "$(reprints)" "$r0" "…and the print not counted"
mkdir -p "$T/pdfs"
ln -s "$T/victim.pdf" "$T/pdfs/$inv.pdf"
j --as carole invoice pdf 2020-03 -o "$T/pdfs"
expect_rc 1 "invoice pdf into a folder with a planted link is refused"
expect_eq "$(cat "$T/victim.pdf")" "le fichier du commis" "…the linked file untouched"
expect_eq "$(reprints)" "$r0" "…that invoice's print not counted"
ln -s "$T/victim.pdf" "$T/link.csv"
j export orgs -o "$T/link.csv"; expect_rc 1 "an export to a planted link is refused"
expect_eq "$(cat "$T/victim.pdf")" "le fichier du commis" "…the linked file untouched"
j report annual --fy 2019-2020 -o "$T/link.csv"; expect_rc 1 "a report to a planted link is refused"
mkdir -p "$T/adir"
j export orgs -o "$T/adir"; expect_rc 1 "an export onto a folder is refused"
before=$(state)
j export orgs -o "$DB"; expect_rc 1 "an export over the database is refused"
expect_err "est une base de données" "…saying why"
expect_eq "$(state)" "$before" "…and the database is as it was"

mkdir -p "$T/ok"
j --as carole invoice show "$inv" --format pdf -o "$T/ok/f.pdf"; expect_rc 0 "a PDF written ($ERR)"
expect_eq "$(head -c 5 "$T/ok/f.pdf")" "%PDF-" "…a PDF"
expect_eq "$(reprints)" "$((r0 + 1))" "…and counted once"
echo "ancien" > "$T/ok/o.csv"
ln "$T/ok/o.csv" "$T/ok/hard.csv"
(umask 027; "$JUSTE" --db "$DB" export orgs -o "$T/ok/o.csv") || not_ok "export over an existing file"
expect_eq "$(head -1 "$T/ok/o.csv")" "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address,province,country,invoice_without_detail,language" "an existing file is replaced"
expect_eq "$(cat "$T/ok/hard.csv")" "ancien" "…by a new file put in its place (a hard link to the old one keeps it)"
expect_eq "$(stat -c %a "$T/ok/o.csv")" "640" "…made with the umask (027: 640)"
j --as carole invoice journal --from 2020-03-01 --to 2020-04-30 --format csv; jour=$OUT
j export entries -o - ; expect_rc 0 "-o - is standard output"
expect_eq "$(ls -A "$T/ok" | grep -c '^\.')" "0" "no temporary file left beside what was written"

if [ "$(id -u)" = 0 ] && mkdir -p "$T/full" && mount -t tmpfs -o size=2m tmpfs "$T/full" 2>/dev/null; then
  trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
  # a database there, closed clean, and a file to keep
  "$JUSTE" --db "$T/full/j.db" init >/dev/null || not_ok "init on the small disk"
  sqlite3 "$T/full/j.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  rm -f "$T/full/j.db-wal" "$T/full/j.db-shm"
  "$JUSTE" --db "$DB" export orgs -o "$T/full/keep.csv" || not_ok "a file on the small disk"
  cp "$T/full/keep.csv" "$T/keep_before.csv"
  dd if=/dev/zero of="$T/full/fill" bs=4k 2>/dev/null
  listing() { ls -A "$T/full" | sort | tr '\n' ' '; }
  before=$(listing)
  r0=$(reprints)
  j --as carole invoice show "$inv" --format pdf -o "$T/full/f.pdf"
  expect_rc 1 "a PDF to a full disk fails"
  expect_err "disque plein : rien n'a été écrit" "…saying so"
  expect_eq "$(listing)" "$before" "…and leaves no file"
  expect_eq "$(reprints)" "$r0" "…and the print is not counted"
  j --as carole invoice pdf 2020-03 -o "$T/full/mois"
  expect_rc 1 "the month's PDFs to a full disk fail"
  expect_eq "$(reprints)" "$r0" "…no print counted"
  j export entries -o "$T/full/keep.csv"
  expect_rc 1 "an export over a file on a full disk fails"
  expect_err "disque plein" "…saying so"
  cmp -s "$T/full/keep.csv" "$T/keep_before.csv" && ok "…and the file is as it was" || not_ok "the file on the full disk changed"
  expect_eq "$(ls -A "$T/full" | grep -c '^\.')" "0" "…and no temporary is left"
  # the database itself on a full disk: said plainly at open
  j --db "$T/full/j.db" week
  expect_rc 1 "a database on a full disk cannot be opened"
  expect_err "disque plein" "…and juste says the disk is full"
  umount "$T/full"
else
  ok "# SKIP full disk: needs root to mount a small tmpfs"
fi

# ================================== export -> init -> import -> export, every kind
KINDS="services programs orgs experts mandates entries"
mkdir -p "$T/a" "$T/b"
for k in $KINDS; do
  j export "$k" -o "$T/a/$k.csv"; expect_rc 0 "export $k"
  j export "$k" --format json -o "$T/a/$k.json"
done
tables=$(sql "SELECT DISTINCT valid_from FROM rate_tables ORDER BY 1")
for d in $tables; do
  j rate show --at "$d" --format csv; printf '%s\n' "$OUT" > "$T/a/rates-$d.csv"
done
B="$T/b.db"
"$JUSTE" --db "$B" init >/dev/null || not_ok "init B"
for k in $KINDS; do
  j --db "$B" import "$k" "$T/a/$k.csv"; expect_rc 0 "import $k into the new database ($ERR)"
  [ "$k" = experts ] && expect_out "1 identique" "the admin init registered is the export's, counted unchanged"
done
for d in $tables; do
  j --db "$B" rate import "$T/a/rates-$d.csv"; expect_rc 0 "import the rate table of $d ($ERR)"
done
for k in $KINDS; do
  j --db "$B" export "$k" -o "$T/b/$k.csv"
  j --db "$B" export "$k" --format json -o "$T/b/$k.json"
  cmp -s "$T/a/$k.csv" "$T/b/$k.csv" && ok "round trip $k: CSV byte for byte" \
    || not_ok "round trip $k: $(diff "$T/a/$k.csv" "$T/b/$k.csv" | head -5)"
  cmp -s <(sed 's/"uuid": "[0-9a-f-]*", //' "$T/a/$k.json") <(sed 's/"uuid": "[0-9a-f-]*", //' "$T/b/$k.json") \
    && ok "round trip $k: JSON the same but the uuids" || not_ok "round trip $k json"
done
for d in $tables; do
  j --db "$B" rate show --at "$d" --format csv
  expect_eq "$OUT" "$(cat "$T/a/rates-$d.csv")" "round trip of the rate table of $d"
done
expect_eq "$(sqlite3 "$B" "SELECT name FROM orgs WHERE code = 'EVIL'")" '=HYPERLINK("http://evil.example","clic")' \
  "the guarded name came back as it was"
expect_eq "$(sqlite3 "$B" "SELECT name FROM orgs WHERE code = 'GARDE'")" "'=déjà gardée" "…and the one with its own apostrophe"
j --db "$B" import orgs "$T/a/orgs.csv"; expect_rc 0 "importing the same file again"
expect_out ": 0 lignes importées, " "…writes nothing"
sed "s/^PLUS,'+1-800 Coopérative,/PLUS,Autre nom,/" "$T/a/orgs.csv" > "$T/conflict.csv"
line=$(grep -n '^PLUS,' "$T/conflict.csv" | cut -d: -f1)
refused 1 "conflict.csv:$line: l'organisation 'PLUS' existe déjà avec une autre valeur : name « +1-800 Coopérative » dans la base, « Autre nom » dans le fichier" \
  "a row that conflicts with the database" -- --db "$B" import orgs "$T/conflict.csv"

# ================================================= an interrupted demo is rerun
D="$T/demo/demo.db"
mkdir -p "$T/demo"
# an earlier demo (what marks one: the centre's organisation and its e-mail)
"$JUSTE" --db "$D" init >/dev/null
printf 'code,name,category,email\nCREC,Centre,membre,demo@crec.example\n' > "$T/crec.csv"
"$JUSTE" --db "$D" import orgs "$T/crec.csv" >/dev/null || not_ok "an earlier demo"
"$JUSTE" demo --db "$D" -q >/dev/null 2>&1 &
pid=$!
caught=0
for _ in $(seq 1 600); do
  if [ -s "$T/demo/.demo.db.partial-wal" ] || [ "$(stat -c %s "$T/demo/.demo.db.partial" 2>/dev/null || echo 0)" -gt 8192 ]; then
    caught=1; break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
expect_eq "$caught" 1 "the demo was caught building"
expect_eq "$(sqlite3 "$D" "SELECT count(*) FROM orgs")" 1 "an interrupted demo leaves the earlier file as it was"
j demo --db "$D" -q; expect_rc 0 "and its rerun builds ($ERR)"
[ -e "$T/demo/.demo.db.partial" ] && not_ok "the partial file is left" || ok "…leaving no partial file"
expect_eq "$(sqlite3 "$D" "SELECT count(*) > 300 AND (SELECT count(*) FROM mandates) > 500 FROM orgs")" 1 "…and the demo is whole"

finish
