#!/bin/bash
# test_import_export.sh - juste import / juste export on fixture files.
#
# Imports valid files of every kind, exports them (CSV and JSON), imports
# the export into a fresh database and exports again: the two exports must
# be byte-identical (JSON apart from the uuids, which are new ones).  Then
# each kind of bad row must fail with exit status 1, "FILE:LINE:" naming
# the line where the bad record starts, and leave the database unchanged.
#
# Needs $JUSTE (the binary) and $SRCDIR (the repository root).
set -u

FIX="$SRCDIR/tests/fixtures"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export LANGUAGE=fr JUSTE_TODAY=2020-06-15
unset JUSTE_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

failed=0
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	local d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}

KINDS="services programs orgs experts mandates entries"
TABLES="orgs experts services programs mandates entries audit"

# One line summing up what a database holds, audit log included.
fingerprint() {
	local q="" t
	for t in $TABLES; do
		q="$q(SELECT count(*) FROM $t)||' '||"
	done
	sqlite3 "$1" "SELECT ${q}''"
}

j() { "$JUSTE" --db "$1" "${@:2}"; }
json_array() { jq -e 'type == "array"' "$1" >/dev/null; }
jquiet() { j "$@" >/dev/null; }   # quiet: only the check's line is printed

# --- a database from the fixtures --------------------------------------
check "init A" jquiet "$T/a.db" init
for k in $KINDS; do
	out=$(j "$T/a.db" import "$k" "$FIX/$k.csv" 2>"$T/err")
	rc=$?
	if [ $rc -eq 0 ] && [[ "$out" == *"lignes importées"* || "$out" == *"ligne importée"* ]]; then
		ok "import $k ($out)"
	else
		not_ok "import $k: rc=$rc out=$out err=$(cat "$T/err")"
	fi
done

counts=$(sqlite3 "$T/a.db" "SELECT (SELECT count(*) FROM orgs), (SELECT count(*) FROM experts), (SELECT count(*) FROM services), (SELECT count(*) FROM programs), (SELECT count(*) FROM mandates), (SELECT count(*) FROM entries)")
check "row counts after import ($counts)" test "$counts" = "5|5|3|3|4|10"

for k in $KINDS; do
	check "export $k csv" j "$T/a.db" export "$k" -o "$T/a_$k.csv"
	check "export $k json" j "$T/a.db" export "$k" --format json -o "$T/a_$k.json"
	check "export $k json is valid JSON" json_array "$T/a_$k.json"
done
check "export to stdout equals -o" cmp -s <(j "$T/a.db" export entries) "$T/a_entries.csv"

# --- what must survive --------------------------------------------------
has() { grep -qF -- "$2" "$1"; }
check "header is the import's" test "$(head -n1 "$T/a_mandates.csv")" = \
	"code,title,client,beneficiary,service,program,billing,monthly_fee,budget_minutes,budget_amount,opened_on,closed_on,budget_hard"
check "comma in a name is quoted" has "$T/a_orgs.csv" '"Ferme Bélanger & fils, SENC"'
check "quotes are doubled" has "$T/a_orgs.csv" '"Coop ""La Relève"" auxiliaire"'
check "newline inside quotes survives" test "$(jq -r '.[] | select(.code == "FERME-A") | .address' "$T/a_orgs.json")" = \
	"$(printf '123, rang Saint-Étienne\nSaint-Hyacinthe (Québec)  J2S 1A1')"
check "blanks inside quotes survive" has "$T/a_entries.csv" '"  espaces, virgules; et ""guillemets""  "'
check "accents survive" has "$T/a_experts.csv" '"Côté, Chloé ""Clo"""'
check "BOM is skipped (first org code)" test "$(jq -r '.[0].code' "$T/a_orgs.json")" = "AUX1"
check "parent defined later in the file" test "$(jq -r '.[] | select(.code == "FERME-A") | .parent' "$T/a_orgs.json")" = "RESEAU"
check "grandchild parent" test "$(jq -r '.[] | select(.code == "ENTR") | .parent' "$T/a_orgs.json")" = "FERME-A"
check "booleans oui/NON/TRUE" test "$(jq -c '[.[] | [.code, .full_management, .tax_exempt]]' "$T/a_orgs.json")" = \
	'[["AUX1",false,true],["RESEAU",true,false],["SOUT",false,true],["ENTR",false,false],["FERME-A",true,false]]'
check "weekly hours 17,5 -> 1050 min" test "$(jq '.[] | select(.login == "bgagnon") | .weekly_minutes' "$T/a_experts.json")" = 1050
check "weekly hours empty -> 35 h" test "$(jq '.[] | select(.login == "ccote") | .weekly_minutes' "$T/a_experts.json")" = 2100
check "weekly hours 28h20 exported as 1700 minutes" has "$T/a_experts.csv" 'dleblanc,Denis Leblanc,professionnel,commis,1700,2019-01-01,'
check "beneficiary defaults to client" test "$(jq -r '.[] | select(.code == "INT-DEV") | .beneficiary' "$T/a_mandates.json")" = "RESEAU"
check "monthly fee in cents" test "$(jq '.[] | select(.code == "M-2019-002") | .monthly_fee_cents' "$T/a_mandates.json")" = 45050
check "budget 7.5 h -> 450 min" test "$(jq '.[] | select(.code == "M-2019-003") | .budget_minutes' "$T/a_mandates.json")" = 450
check "durations in every form" test "$(jq -c '[.[] | .minutes]' "$T/a_entries.json")" = '[90,90,90,90,90,90,90,5,1440,465]'
check "json has uuids" test "$(jq '[.[] | .uuid | length == 36] | all' "$T/a_entries.json")" = true
check "--from/--to filter entries" test "$(j "$T/a.db" export entries --from 2019-05-03 --to 2019-05-06 | wc -l)" = 5
check "empty json export is []" test "$(j "$T/a.db" export entries --format json --from 2030-01-01)" = "[]"

# --- round trip: export -> import into a fresh database -> export --------
# The user running the test is in both databases already (init): the
# export's row for them is identical to the new database's, so counted
# unchanged, and the export imports whole.
check "init B" jquiet "$T/b.db" init
for k in $KINDS; do
	check "re-import $k" jquiet "$T/b.db" import "$k" "$T/a_$k.csv"
done
out=$(j "$T/c0.db" init >/dev/null; j "$T/c0.db" import experts "$T/a_experts.csv")
check "the admin init made is counted unchanged ($out)" test "$out" = \
	"$T/a_experts.csv : 4 lignes importées, 1 identique à ce que la base contient déjà (inchangée)"
for k in $KINDS; do
	j "$T/b.db" export "$k" -o "$T/b_$k.csv"
	j "$T/b.db" export "$k" --format json -o "$T/b_$k.json"
	check "round trip $k csv byte-identical" cmp -s "$T/a_$k.csv" "$T/b_$k.csv"
	check "round trip $k json identical but uuids" cmp -s \
		<(sed 's/"uuid": "[0-9a-f-]*", //' "$T/a_$k.json") \
		<(sed 's/"uuid": "[0-9a-f-]*", //' "$T/b_$k.json")
done

# --- the language of an organisation's documents ---------------------------
check "orgs export ends with language" test "$(head -n1 "$T/a_orgs.csv" | tr ',' '\n' | tail -n1)" = language
check "a file without the column: French" test "$(jq -r '[.[] | .language] | unique | join(",")' "$T/a_orgs.json")" = fr
printf 'code,name,category,language\nANGLO,Anglo Co-op,membre,en\nFRANCO,Franco coop,membre,\n' >"$T/lang.csv"
check "import orgs with a language column" jquiet "$T/b.db" import orgs "$T/lang.csv"
j "$T/b.db" export orgs -o "$T/b_lang.csv"
j "$T/b.db" export orgs --format json -o "$T/b_lang.json"
check "en is kept, an empty cell is fr" test "$(jq -c '[.[] | select(.code == "ANGLO" or .code == "FRANCO") | [.code, .language]]' "$T/b_lang.json")" = \
	'[["ANGLO","en"],["FRANCO","fr"]]'
check "the CSV export carries it" grep -q '^ANGLO,.*,en$' "$T/b_lang.csv"
check "init L" jquiet "$T/l.db" init
check "the export re-imports" jquiet "$T/l.db" import orgs "$T/b_lang.csv"
check "round trip of the language byte-identical" cmp -s "$T/b_lang.csv" <(j "$T/l.db" export orgs)
j "$T/l.db" org edit ANGLO --language fr >/dev/null
j "$T/l.db" import orgs "$T/b_lang.csv" >/dev/null 2>"$T/err"
check "a conflicting language names the column ($(head -n1 "$T/err"))" grep -qF "language « fr » dans la base, « en » dans le fichier" "$T/err"
j "$T/l.db" export orgs -o "$T/l_orgs.csv"
j "$T/l.db" import orgs "$FIX/bad_language.csv" >/dev/null 2>"$T/err"
check "a bad language names its value ($(head -n1 "$T/err"))" grep -qF "langue inconnue 'de' (fr ou en)" "$T/err"
check "…and nothing is written" cmp -s "$T/l_orgs.csv" <(j "$T/l.db" export orgs)

# --- empty files ----------------------------------------------------------
check "header only = 0 rows" jquiet "$T/a.db" import entries "$FIX/header_only.csv"
check "empty file = 0 rows" jquiet "$T/a.db" import entries "$FIX/empty.csv"

# --- bad rows -------------------------------------------------------------
# kind file line what
while read -r kind file line what; do
	before=$(fingerprint "$T/a.db")
	j "$T/a.db" import "$kind" "$FIX/$file" >"$T/out" 2>"$T/err"
	rc=$?
	after=$(fingerprint "$T/a.db")
	msg=$(head -n1 "$T/err")
	if [ $rc -ne 1 ]; then
		not_ok "$what: exit status $rc, not 1 ($msg)"
	elif ! grep -qF "$file:$line:" "$T/err"; then
		not_ok "$what: stderr lacks $file:$line: ($msg)"
	elif [ "$before" != "$after" ]; then
		not_ok "$what: database changed ($before -> $after)"
	else
		ok "$what refused at line $line, nothing written ($msg)"
	fi
done <<'EOF'
entries bad_unknown_mandate.csv 4 unknown mandate
entries bad_date.csv 3 bad date
entries bad_duration.csv 4 bad duration
entries bad_zero_duration.csv 2 zero duration
services bad_duplicate.csv 3 duplicate code
programs bad_duplicate_infile.csv 4 duplicate code in the same file
entries bad_closed.csv 3 mandate closed on that date
orgs bad_column.csv 1 unknown column
orgs bad_missing_column.csv 1 missing column
orgs bad_category.csv 4 wrong category
entries bad_24h.csv 4 24 h exceeded
orgs bad_bool.csv 2 bad boolean
mandates bad_amount.csv 3 bad amount
services bad_fields.csv 3 wrong field count
services bad_quote.csv 2 unterminated quote
programs bad_utf8.csv 3 invalid UTF-8
experts bad_login.csv 3 bad login
experts bad_duplicate_expert.csv 2 duplicate login
orgs bad_parent.csv 3 unknown parent
orgs bad_language.csv 3 unknown language
mandates bad_unknown_client.csv 2 unknown client
entries bad_unknown_expert.csv 2 unknown expert
EOF

# --- re-import of the same rows changes nothing -------------------------------
for k in orgs experts mandates services programs; do
	before=$(fingerprint "$T/a.db")
	out=$(j "$T/a.db" import "$k" "$FIX/$k.csv" 2>"$T/err")
	rc=$?
	check "re-import of identical $k: rc 0, nothing written (rc=$rc: $out$(head -n1 "$T/err"))" \
		test $rc -eq 0 -a "$before" = "$(fingerprint "$T/a.db")"
	check "…and every row counted unchanged" grep -qE ": 0 lignes? importées?, [0-9]+ identiques? " <<<"$out"
done
# a row that differs from the record of its code is refused, naming the
# line and the column
j "$T/a.db" import services "$FIX/bad_duplicate.csv" >/dev/null 2>"$T/err"
check "a conflicting row names line and column ($(head -n1 "$T/err"))" grep -qF \
	"bad_duplicate.csv:3: le service 'CONS' existe déjà avec une autre valeur : name « Conseil en gestion » dans la base, « Conseil (doublon) » dans le fichier" "$T/err"
j "$T/a.db" import programs "$FIX/bad_duplicate_infile.csv" >/dev/null 2>"$T/err"
check "a code twice in one file names both lines ($(head -n1 "$T/err"))" grep -qF \
	"bad_duplicate_infile.csv:4: code 'NOUV1' en double dans le fichier (déjà ligne 2)" "$T/err"

# --- dry run ----------------------------------------------------------------
check "init C" jquiet "$T/c.db" init
before=$(fingerprint "$T/c.db")
out=$(j "$T/c.db" import services "$FIX/services.csv" --dry-run)
check "dry run reports ($out)" test "$out" = "$FIX/services.csv : 3 lignes valides (essai, rien n'est écrit)"
check "dry run writes nothing" test "$before" = "$(fingerprint "$T/c.db")"
j "$T/c.db" import programs "$FIX/bad_duplicate_infile.csv" --dry-run >/dev/null 2>"$T/err"
rc=$?
check "dry run reports a bad row (rc=$rc)" test $rc -eq 1
check "dry run names the line" grep -qF "bad_duplicate_infile.csv:4:" "$T/err"

# --- usage --------------------------------------------------------------------
j "$T/a.db" import nonsense "$FIX/services.csv" >/dev/null 2>&1
check "unknown kind is a usage error" test $? -eq 2
j "$T/a.db" import services >/dev/null 2>&1
check "missing file argument is a usage error" test $? -eq 2
j "$T/a.db" export entries --format xml >/dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2
j "$T/a.db" import services "$T/nope.csv" >/dev/null 2>&1
check "missing file fails" test $? -eq 1

echo "# $n checks, $failed failed"
[ $failed -eq 0 ]
