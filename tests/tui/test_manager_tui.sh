#!/usr/bin/env bash
# The manager's desk on Utilisation, in a terminal of the size given as $1
# (80x24, 132x43): the weeks to approve (approve one, return one with a
# reason, open one read-only), the absences (a form refusing a bad field,
# then saving) and the centre's closures (a form, a statutory holiday that
# does not go away, a closure removed).  Every change is read back through
# the commands (`juste week status`, `juste absence list`, `juste holiday
# list`), the same app functions the screen calls.  A clerk reaches none of
# it.
SIZE=${1:-80x24}
export JUSTE_TODAY=2020-04-20
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

seed_world
j --as alice log --date 2020-04-06 3h M-1 "Budget"; expect_rc 0 "alice logs in the week of 2020-04-06"
j --as alice week submit --date 2020-04-06; expect_rc 0 "alice submits it"
j --as bob log --date 2020-04-07 2h M-1 "Révision"; expect_rc 0 "bob logs the same week"
j --as bob week submit --date 2020-04-07; expect_rc 0 "bob submits it"

# status WHO : "status|reason" of WHO's week of 2020-04-06, from the command
status() {
  j --as gilles week status --date 2020-04-06 --format json
  printf '%s' "$OUT" | jq -r --arg who "$1" '.[] | select(.expert == $who) | "\(.status)|\(.reason // "")"'
}

# --- weeks to approve ---------------------------------------------------------
tui_start "$SIZE" --as gilles tui
see "F4 Utilisation" "the manager's top bar lists Utilisation"
keys F4
see "mois : 2020-04-01 au 2020-04-30" "Utilisation opens on the month"
keys 4
see "2 semaines soumises" "4 shows the weeks to approve"
see "Soumise le" "with the submission's column"
screen
case "$(line_of 'Alice Bélanger (alice)')" in *2020-04-06*"3,00"*) ok "alice's week, its Monday and hours";; *) not_ok "alice's row: $(line_of 'Alice Bélanger (alice)')";; esac
case "$(line_of 'Bob Côté (bob)')" in *2020-04-06*"2,00"*) ok "bob's week";; *) not_ok "bob's row: $(line_of 'Bob Côté (bob)')";; esac
keys Enter
see "Alice Bélanger · lecture seule · semaine du 2020-04-06" "Enter opens the submitted week, read-only"
see "3h00" "with its hours"
keys Escape
see "2 semaines soumises" "Esc comes back to the queue"
keys a
see "Semaine du 2020-04-06 de Alice Bélanger approuvée" "a approves the week under the cursor"
see "1 semaine soumise" "it leaves the queue"
expect_eq "$(status alice)" "approved|" "juste week status: alice's week is approved"
keys R
see "Motif du retour (bob, 2020-04-06)" "R asks for the reason"
keys Escape
see "Semaine non retournée" "Esc returns nothing"
expect_eq "$(status bob)" "submitted|" "bob's week is still submitted"
clear_message; keys R; see "Motif du retour (bob, 2020-04-06)" "R again"
type_text "Il manque le vendredi"; keys Enter
see "Semaine du 2020-04-06 retournée à Bob Côté : Il manque le vendredi" "the week is returned"
see "Aucune semaine à approuver" "the queue is empty"
expect_eq "$(status bob)" "returned|Il manque le vendredi" "juste week status: bob's week is returned, with the reason"
keys a
see "aucune semaine à approuver" "a on an empty queue says so"

# --- absences -----------------------------------------------------------------------
keys 5
see "Aucune absence sur la période" "5 shows the absences of the month: none"
keys n
see "Nouvelle absence" "n opens the absence form"
type_text "zoe"; keys Tab; type_text "2020-04-23"; keys Tab Tab Tab; type_text "oui"; keys Enter
see "✗ Expert" "an unknown expert is refused next to its field"
expect_eq "$(sql "select count(*) from absences")" "0" "nothing written"
keys C-u; type_text "alice"; keys Tab C-u; type_text "2020-04-31"; keys Enter
see "✗ Du" "a bad date is refused next to its field"
expect_eq "$(sql "select count(*) from absences")" "0" "still nothing written"
keys C-u; type_text "2020-04-23"; keys Tab Tab C-u; type_text "congé"; keys Enter
see "✗ Nature" "an unknown kind is refused next to its field"
keys C-u; type_text "formation"; keys Enter
see "Absence de Alice Bélanger du 2020-04-23 au 2020-04-23 (formation) enregistrée" "a good absence is saved"
see "2020-04-23" "and listed on the tab"
j --as gilles absence list --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | "\(.expert) \(.from) \(.to) \(.kind) \(.half)"')" \
  "alice 2020-04-23 2020-04-23 formation true" "juste absence list: alice's half day of training"
keys x
see "Retirer l'absence de Alice Bélanger" "x asks to confirm"
keys n
see "Rien n'a été retiré" "n keeps it"

# --- closures -----------------------------------------------------------------------
keys 6
see "jours fériés et fermetures de 2020" "6 shows the year's holidays and closures"
see "Vendredi saint" "the statutory holidays are listed"
keys g x
see "un jour férié ne se retire pas" "a statutory holiday does not go away"
keys n
see "Nouvelle fermeture du centre" "n opens the closure form"
type_text "2020-12-24"; keys Tab; type_text "2020-12-20"; keys Tab; type_text "Fermeture des fêtes"; keys Enter
see "✗ Au" "a last day before the first is refused next to its field"
expect_eq "$(sql "select count(*) from closures")" "0" "nothing written"
keys C-u; type_text "2021-01-04"; keys Enter
see "Fermeture « Fermeture des fêtes » du 2020-12-24 enregistrée" "the closure is saved"
j --as gilles holiday list --year 2020 --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.kind != "statutory") | "\(.from) \(.to) \(.name)"')" \
  "2020-12-24 2021-01-04 Fermeture des fêtes" "juste holiday list: the closure"
keys n
type_text "2020-08-03"; keys Tab Tab; type_text "Journée d'équipe"; keys Enter
see "Fermeture « Journée d'équipe » du 2020-08-03 enregistrée" "a second closure, one day"
# its row: the place of 2020-08-03 in the year's list
j --as gilles holiday list --year 2020 --format json
n=$(printf '%s' "$OUT" | jq '[.[].from] | index("2020-08-03")')
keys g; for _ in $(seq 1 "$n"); do keys Down; done
keys x
see "Retirer la fermeture « Journée d'équipe »" "x on the closure asks to confirm"
keys o
see "Fermeture « Journée d'équipe » retirée" "and removes it"
j --as gilles holiday list --year 2020 --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '[.[] | select(.kind != "statutory") | .name] | join(",")')" \
  "Fermeture des fêtes" "juste holiday list: only the holidays' closure is left"
keys ']'
see "jours fériés et fermetures de 2021" "] shows the next year"
see "Fermeture des fêtes" "the closure reaching into 2021 shows there too"

# --- the capacity of the expert under the cursor, apart ---------------------------
j --as gilles absence add alice --from 2020-04-15 --kind maladie; expect_rc 0 "an absence of alice before today"
keys 1 g
see "Capacité" "1 comes back to the experts"
j --as gilles capacity alice --from 2020-04-01 --to 2020-04-30 --format json
hours() { printf '%d,%02d' $(($1 / 60)) $(($1 % 60 * 100 / 60)); }
o=$OUT
cap="en poste $(hours "$(printf '%s' "$o" | jq .workdays_minutes)") · fériés −$(hours "$(printf '%s' "$o" | jq .holiday_minutes)")"
cap="$cap · absences −$(hours "$(printf '%s' "$o" | jq .absence_minutes)") · capacité $(hours "$(printf '%s' "$o" | jq .capacity_minutes)") h"
[ "$(printf '%s' "$OUT" | jq '.absence_minutes')" -gt 0 ] && ok "juste capacity counts the absence" || not_ok "no absence in juste capacity: $OUT"
see "$cap" "the line under the experts gives the capacity of the expert under the cursor, as juste capacity does"
keys 6

# a resize keeps the screen whole
tm resize-window -t "$S" -x 100 -y 30 2>/dev/null || tm resize-pane -t "$S" -x 100 -y 30
see "jours fériés et fermetures de 2021" "after a resize"
keys '?'
see "approve_week" "the help lists the approval key"
see "new_item" "and the form key"
keys Escape
tui_quit

# --- in English: the form takes the names it shows and yes / no ------------------------
TUI_ENV="LANGUAGE=en"
tui_start "$SIZE" --as gilles tui
see "(manager)" "the top bar names the role in English"
keys F4 5
see "month: 2020-04-01 to 2020-04-30" "the absences tab in English"
see "training" "the kind's English name"
keys n
see "New absence" "the form in English"
type_text "bob"; keys Tab; type_text "2020-04-28"; keys Tab Tab C-u; type_text "sickness"; keys Tab; type_text "yes"; keys Enter
see "Absence of Bob Côté from 2020-04-28 to 2020-04-28 (sickness) saved" "saved with the English name of its kind"
j --as gilles absence list --expert bob --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | "\(.expert) \(.from) \(.kind) \(.half)"')" "bob 2020-04-28 maladie true" \
  "juste absence list: bob's half day of sickness"
tui_quit
TUI_ENV=""

# --- a clerk reaches none of it ---------------------------------------------------------
tui_start "$SIZE" --as carole tui
see "F3 Facturation" "the clerk's screens"
keys F4
see "permission refusée" "Utilisation is refused to the clerk"
tui_quit

finish
