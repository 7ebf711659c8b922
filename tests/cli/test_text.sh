#!/usr/bin/env bash
# test_text.sh - names as people read them, through the real binary: the
# annual report lists its people in French order (not by login, not by
# bytes: "Béatrice" before "Brigitte", "Édith" before "Zoé"); a name
# written with decomposed accents lines up in the text tables like any
# other; the one CSV writer quotes what its reader would otherwise trim,
# and an export with such a note imports back unchanged; ICU reads no data
# file the user could plant.
. "$(dirname "$0")/lib.sh"

seed_world
# Hélène Côté is written with combining accents (e + U+0301, e + U+0300,
# o + U+0302, e + U+0301); the others precomposed.  Logins, bytes and
# French each give another order.
HELENE=$(printf 'He\314\201le\314\200ne Co\314\202te\314\201')
cat > "$T/more.csv" <<CSV
login,name,function,role,weekly_hours,started_on,left_on
bbreton,Brigitte Breton,professionnel,expert,35,2015-01-01,
bnadeau,Béatrice Nadeau,professionnel,expert,35,2015-01-01,
earsenault,Édith Arsenault,professionnel,expert,35,2015-01-01,
hcote,$HELENE,professionnel,expert,35,2015-01-01,
ztremblay,Zoé Tremblay,professionnel,expert,35,2015-01-01,
CSV
j import experts "$T/more.csv"; expect_rc 0 "experts with accents imported"
cat > "$T/entries.csv" <<'CSV'
date,expert,mandate,duration,note
2019-05-06,bbreton,M-1,2h,Budget
2019-05-06,bnadeau,M-1,3h,Budget
2019-05-06,earsenault,M-1,1h,Budget
2019-05-06,hcote,M-1,4h,Budget
2019-05-06,ztremblay,M-1,1h30,Budget
CSV
j import entries "$T/entries.csv"; expect_rc 0 "entries imported"

# Display width the way a terminal counts it, independently of juste:
# combining marks take no column, East Asian wide characters two.
width() { python3 -c 'import sys, unicodedata as u
for l in sys.stdin.read().splitlines():
    print(sum(0 if u.combining(c) else 2 if u.east_asian_width(c) in "WF" else 1 for c in l))'; }

names_in_order() { printf '%s\n' "$1" | grep -o -E "Brigitte Breton|Béatrice Nadeau|Édith Arsenault|$HELENE|Zoé Tremblay" | tr '\n' '|'; }
WANT="Béatrice Nadeau|Brigitte Breton|Édith Arsenault|$HELENE|Zoé Tremblay|"

# --- the annual report: French order, columns that line up --------------------
j report annual --fy 2019-2020; expect_rc 0 "annual report"
expect_eq "$(names_in_order "$OUT")" "$WANT" "people in French order in the text report"
rows=$(printf '%s\n' "$OUT" | grep -E "Brigitte Breton|Béatrice Nadeau|Édith Arsenault|$HELENE|Zoé Tremblay")
expect_eq "$(printf '%s\n' "$rows" | width | sort -u | wc -l)" 1 "every row of the people table is as wide (decomposed accents too)"
hel=$(printf '%s\n' "$rows" | grep -F "$HELENE")
bri=$(printf '%s\n' "$rows" | grep -F "Brigitte Breton")
expect_eq "$(printf '%s\n' "${hel%%professionnel*}" | width)" "$(printf '%s\n' "${bri%%professionnel*}" | width)" \
  "the function column starts at the same column after a decomposed name"
# ICU would read single data files from $ICU_DATA, a directory any user
# names, before its own: a collation there putting z and Z right after a must
# change nothing (a set-group-id juste must not parse the user's files).
if command -v genrb >/dev/null; then
  icudir="$T/icu/icudt$(pkg-config --modversion icu-uc | cut -d. -f1)l/coll"
  mkdir -p "$icudir"
  printf 'fr_CA{\n collations{\n  standard{\n   Sequence{"&a < z <<< Z"}\n  }\n }\n}\n' > "$T/fr_CA.txt"
  genrb -q -d "$icudir" "$T/fr_CA.txt" >/dev/null 2>&1 || not_ok "genrb"
  OUT=$(ICU_DATA="$T/icu" "$JUSTE" --db "$DB" report annual --fy 2019-2020 2>&1)
  expect_eq "$(names_in_order "$OUT")" "$WANT" "a collation planted in \$ICU_DATA is not read"
else
  ok "# SKIP genrb (icu-devtools) not installed"
fi
j report annual --fy 2019-2020 --format json; expect_rc 0 "annual report in JSON"
expect_eq "$(printf '%s' "$OUT" | jq -r '[.utilisation.experts[].login] | map(select(test("^(bbreton|bnadeau|earsenault|hcote|ztremblay)$"))) | join(",")')" \
  "bnadeau,bbreton,earsenault,hcote,ztremblay" "JSON lists the people in the same order"
j report annual --fy 2019-2020 --format csv; expect_rc 0 "annual report in CSV"

# --- a command's table: the decomposed name takes its cell like the others -----
j report utilisation --by expert --from 2019-04-01 --to 2020-03-31; expect_rc 0 "utilisation by expert"
rows=$(printf '%s\n' "$OUT" | grep -E "^(bbreton|bnadeau|earsenault|hcote|ztremblay) ")
expect_eq "$(printf '%s\n' "$rows" | wc -l)" 5 "five rows"
expect_eq "$(printf '%s\n' "$rows" | width | sort -u | wc -l)" 1 "rows of equal width in the command's table"
expect_eq "$(printf '%s\n' "$OUT" | grep -o -E '^[a-z]+ ' | grep -E 'bbreton|bnadeau|earsenault|hcote|ztremblay' | tr -d ' ' | tr '\n' ',')" \
  "bbreton,bnadeau,earsenault,hcote,ztremblay," "sorted by its code column, as before"

# --- the one CSV writer --------------------------------------------------------
TAB=$(printf '\t')
j --as alice log --date 2020-03-02 1h M-1 "${TAB}Indenté"; expect_rc 0 "a note that starts with a tab"
j --as alice log --date 2020-03-03 1h M-1 "Dit \"oui\", puis non "; expect_rc 0 "a note with quotes, a comma and a trailing space"
j entries --expert alice --format csv; expect_rc 0 "entries as CSV"
# a leading tab is what a spreadsheet may take for a formula: the cell gets
# the apostrophe that import removes (and libcsv then trims nothing)
expect_out ",'${TAB}Indenté" "a leading tab is guarded (OWASP formula injection)"
expect_out '"Dit ""oui"", puis non "' "quotes doubled, the field quoted"
j export entries; expect_rc 0 "export entries"
expect_out ",'${TAB}Indenté" "the export guards it the same way"
printf '%s\n' "$OUT" > "$T/export.csv"
# into a fresh database (whose admin, the user running this, is there already)
"$JUSTE" --db "$T/fresh.db" init >/dev/null || not_ok "fresh init"
me=$(sql "SELECT login FROM experts WHERE role = 'admin' LIMIT 1")
for k in services orgs experts mandates; do
  "$JUSTE" --db "$DB" export "$k" | grep -v "^$me," > "$T/$k.x.csv"
  "$JUSTE" --db "$T/fresh.db" import "$k" "$T/$k.x.csv" >/dev/null 2>"$T/err" || not_ok "re-import $k: $(cat "$T/err")"
done
"$JUSTE" --db "$T/fresh.db" import entries "$T/export.csv" >/dev/null 2>"$T/err"; RC=$?; ERR=$(cat "$T/err")
expect_rc 0 "the export imports back"
notes() { sqlite3 "$1" "SELECT group_concat(note, '|') FROM (SELECT note FROM entries ORDER BY work_date, note)"; }
expect_eq "$(notes "$T/fresh.db")" "$(notes "$DB")" "every note survives the round trip"
case "$(notes "$DB")" in *"${TAB}Indenté"*'Dit "oui", puis non '*) ok "the notes were kept as typed";; *) not_ok "notes: $(notes "$DB")";; esac

finish
