#!/usr/bin/env bash
# Names on the screens as people read them: Utilisation lists the experts
# in French order (not by bytes: "Béatrice" before "Brigitte", "Édith"
# before "Zoé"); a name written with decomposed accents takes its cell like
# any other, so the columns after it line up; the Données search finds it
# typed without accents.  Terminal of the size given as $1 (80x24 default).
SIZE=${1:-80x24}
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

seed_world
HELENE=$(printf 'He\314\201le\314\200ne Co\314\202te\314\201')   # combining accents
cat > "$T/more.csv" <<CSV
login,name,function,role,weekly_hours,started_on,left_on
bbreton,Brigitte Breton,professionnel,expert,35,2015-01-01,
bnadeau,Béatrice Nadeau,professionnel,expert,35,2015-01-01,
earsenault,Édith Arsenault,professionnel,expert,35,2015-01-01,
hcote,$HELENE,professionnel,expert,35,2015-01-01,
ztremblay,Zoé Tremblay,professionnel,expert,35,2015-01-01,
CSV
j import experts "$T/more.csv"; expect_rc 0 "experts with accents imported"

# Display width the way a terminal counts it, independently of juste.
width() { python3 -c 'import sys, unicodedata as u
for l in sys.stdin.read().splitlines():
    print(sum(0 if u.combining(c) else 2 if u.east_asian_width(c) in "WF" else 1 for c in l))'; }
NAMES="Brigitte Breton|Béatrice Nadeau|Édith Arsenault|$HELENE|Zoé Tremblay"

tui_start "$SIZE" --as gilles tui
keys F4
see "mois : 2020-04-01 au 2020-04-30" "Utilisation opens, sorted by name"
see "Zoé Tremblay" "the last name is on the screen"
screen
rows=$(printf '%s\n' "$SCREEN" | grep -E "$NAMES")
expect_eq "$(printf '%s\n' "$rows" | grep -o -E "$NAMES" | tr '\n' '|')" \
  "Béatrice Nadeau|Brigitte Breton|Édith Arsenault|$HELENE|Zoé Tremblay|" "experts in French order"
expect_eq "$(printf '%s\n' "$rows" | wc -l)" 5 "one row each"
hel=$(printf '%s\n' "$rows" | grep -F "$HELENE")
bri=$(printf '%s\n' "$rows" | grep -F "Brigitte Breton")
expect_eq "$(printf '%s\n' "${hel%%[0-9]*}" | width)" "$(printf '%s\n' "${bri%%[0-9]*}" | width)" \
  "the figures start at the same column after the decomposed name"
expect_eq "$(printf '%s\n' "$rows" | width | sort -u | wc -l)" 1 "every row as wide"
keys s
see "Expert ▼" "s on the name column reverses"
screen
expect_eq "$(printf '%s\n' "$SCREEN" | grep -o -E "$NAMES" | tr '\n' '|')" \
  "Zoé Tremblay|$HELENE|Édith Arsenault|Brigitte Breton|Béatrice Nadeau|" "reversed French order"
tui_quit

tui_start "$SIZE" tui
keys F5
see "organisations" "Données"
keys 2
see "Fonction" "the experts tab"
keys /; type_text "helene cote"; keys Enter
see "1 / 10" "'helene cote' finds the name written with combining accents"
screen
case "$SCREEN" in *"$HELENE"*) ok "and shows it";; *) not_ok "not shown: $SCREEN";; esac
tui_quit

finish
