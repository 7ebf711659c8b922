#!/usr/bin/env bash
# Ma semaine at the size given as $1 (80x24) and the calendar: a holiday's
# and a closure's columns are marked in the header and named on the last
# line (logging on them stays allowed); an absence shows on its day; S
# submits the week (it locks); a returned week's reason is on the last line.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
export JUSTE_TODAY=2020-04-10          # Good Friday, the holiday (Easter Monday is not, by default)
seed_world
j --as gilles holiday add 2020-04-09 --name "Journée pédagogique"; expect_rc 0 "a one-day closure on Thursday"
j --as alice absence add --from 2020-04-07 --kind vacances; expect_rc 0 "alice away on Tuesday"
j --as alice absence add --from 2020-04-08 --kind formation --half; expect_rc 0 "…and half of Wednesday"
j --as alice log --date 2020-04-06 2h M-1; expect_rc 0 "an entry on Monday"

tui_start "$SIZE" --as alice tui
see "Semaine du 2020-04-06 au 2020-04-12" "the week of Good Friday"
screen
head=$(line_of "Mandat ")
case "$head" in *"Lun 06"*"Abs 07"*"½Ab 08"*"Fér 09"*"Fér 10"*"Sam 11"*) ok "holiday, closure and absences marked in the header";;
  *) not_ok "header: $head";; esac
see_row -2 "Ven 10 : Vendredi saint" "the holiday is named on the last line"
keys h                                            # Thursday
see_row -2 "Jeu 09 : Journée pédagogique" "the closure too"
keys h                                            # Wednesday
see_row -2 "Mer 08 : demi-journée d'absence (formation)" "a half-day absence on its day"
keys l l
type_text "1"; keys Enter                         # logging on a holiday is allowed
see "Enregistré : 1h00 (Ven 10 · M-1)" "logging on a holiday is allowed"

# --- S submits the week -------------------------------------------------------
keys S
see "Soumettre la semaine du 2020-04-06" "S asks before submitting"
keys y
see "Semaine soumise" "the week is submitted"
expect_eq "$(sql "select status from week_approvals")" "submitted" "…in the database"
see "* verrouillé : semaine soumise" "…and shown locked"
j --as gilles week return alice --date 2020-04-06 --reason "Mandat erroné vendredi"; expect_rc 0 "the manager returns it"
keys r
see "semaine retournée par gilles : Mandat erroné vendredi" "the reason of a returned week on the last line"
tui_quit
finish
