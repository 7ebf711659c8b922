#!/usr/bin/env bash
# Ma semaine's header at the size given as $1 (80x24): the week's capacity
# after a holiday and a half-day absence, worked out by hand below, with
# the days it leaves out named; the absence form (a), whose bad input is
# refused next to its field and writes nothing; the list of one's absences
# (A), where d removes one; a submitted week's lock and a returned week's
# reason stay in sight whatever the cursor is on.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
export JUSTE_TODAY=2020-04-08          # Wednesday; Friday 2020-04-10 is Good Friday
seed_world
j --as alice absence add --from 2020-04-07 --kind vacances --half; expect_rc 0 "alice away half of Tuesday"
j --as alice log --date 2020-04-06 2h M-1 "Budget révisé"; expect_rc 0 "an entry on Monday, with a note"
nabs() { sql "select count(*) from absences"; }

# By hand: alice works 35 h a week, 7 h a day.  Monday to Friday: 35h00.
# Good Friday takes a day, 7h00; the half day on Tuesday 3h30:
#   35h00 - 7h00 - 3h30 = 24h30 for the week;
# so far (Monday to Wednesday): 21h00 - 3h30 = 17h30.
tui_start "$SIZE" --as alice tui
see "Semaine du 2020-04-06 au 2020-04-12" "the week of Good Friday"
see_row 2 "2h00 / 24h30 (8 %)" "the hours logged against the week's capacity"
see_row 3 "Capacité 24h30 = 35h00 − 7h00 fériés − 3h30 absences · à ce jour 17h30" \
  "the capacity, its parts apart, and so far"
see_row 4 "Fér : Ven 10 Vendredi saint · Abs : Mar 07 ½ vacances" "the holiday and the absence named"
screen
case "$(line_of "Mandat ")" in *"Lun 06"*"½Ab 07"*"Mer 08"*"Fér 10"*) ok "the half-day absence and the holiday marked";;
  *) not_ok "header: $(line_of "Mandat ")";; esac
j capacity alice --from 2020-04-06 --to 2020-04-12 --format json
expect_rc 0 "juste capacity for the same week"
case "$OUT" in *'"capacity_minutes": 1050'*) ok "…says 17h30 so far as well: one computation";;
  *) not_ok "juste capacity: $OUT";; esac

# --- a: the absence form -------------------------------------------------------
keys a
see "Mon absence" "a opens the absence form"
see "Du            2020-04-08" "…from the cursor's day"
keys C-u; type_text "2020-13-45"; keys Enter
see "2020-13-45" "a bad date is refused"
screen
below=$(printf '%s\n' "$SCREEN" | grep -A1 -F "Du  " | tail -1)
case "$below" in *"2020-13-45"*) ok "…on the line under its field";; *) not_ok "under Du: $below";; esac
expect_eq "$(nabs)" 1 "…and nothing is written"
keys C-u; type_text "2020-04-09"; keys Tab
type_text "2020-04-08"; keys Tab                    # Au before Du
type_text "congé"; keys Enter
see "congé" "an unknown kind is refused"
screen
below=$(printf '%s\n' "$SCREEN" | grep -A1 -F "Genre  " | tail -1)
case "$below" in *"vacances"*"formation"*) ok "…under its field, naming the kinds";; *) not_ok "under Genre: $below";; esac
keys C-u; type_text "formation"; keys Enter
see "avant le premier jour" "a last day before the first is refused (by the app, as juste absence add)"
screen
below=$(printf '%s\n' "$SCREEN" | grep -A1 -F "Au  " | tail -1)
case "$below" in *"avant le premier jour"*) ok "…under Au";; *) not_ok "under Au: $below";; esac
expect_eq "$(nabs)" 1 "…and nothing is written"
keys C-u; keys Tab Tab
keys C-u; type_text "oui"; keys Enter
see "Absence enregistrée : 2020-04-09 → 2020-04-09, formation (demi-journées)" "a half day of training recorded"
expect_eq "$(sql "select first_day || ' ' || last_day || ' ' || kind || ' ' || half from absences order by id desc limit 1")" \
  "2020-04-09 2020-04-09 formation 1" "…in the database, as alice's"
expect_eq "$(sql "select x.login from absences a join experts x on x.id = a.expert_id order by a.id desc limit 1")" alice "…of alice"
# 24h30 - 3h30 = 21h00; so far unchanged (Thursday is to come)
see_row 3 "Capacité 21h00 = 35h00 − 7h00 fériés − 7h00 absences · à ce jour 17h30" "the capacity follows"
see_row 4 "Abs : Mar 07 ½ vacances, Jeu 09 ½ formation" "…and names the new half day"
# two half days on the same day make a day, as the capacity counts them
j --as alice absence add --from 2020-04-09 --kind maladie --half; expect_rc 0 "the other half of Thursday"
keys r
see_row 3 "Capacité 17h30 = 35h00 − 7h00 fériés − 10h30 absences" "…takes the rest of Thursday"
screen
case "$(line_of "Mandat ")" in *"Abs 09"*) ok "Thursday marked a whole day off";; *) not_ok "header: $(line_of "Mandat ")";; esac

# --- A: my absences; d removes one ---------------------------------------------
keys A
see "Mes absences" "A lists one's absences"
see "2020-04-09 → 2020-04-09  formation (demi-journées)" "…the new one among them"
keys j d
see "Retirer l'absence du 2020-04-09" "d asks first"
keys y
see "Absence retirée : 2020-04-09 → 2020-04-09" "removed"
expect_eq "$(nabs)" 2 "…from the database"
expect_eq "$(sql "select group_concat(kind, ' ') from (select kind from absences order by first_day, id)")" \
  "vacances maladie" "…the training one"
see_row 3 "Capacité 21h00 = 35h00 − 7h00 fériés − 7h00 absences" "the capacity follows"
see_row 4 "Abs : Mar 07 ½ vacances, Jeu 09 ½ maladie" "…and the names"

# --- the week's lock and a returned week's reason stay in sight -------------------
keys h h                                   # Monday, the cell with a note
see_row -2 "¶ Budget révisé" "the note of the cell on the last line"
keys S
see "Soumettre la semaine du 2020-04-06" "S asks"
keys y
see "Semaine soumise" "submitted"
see_row 5 "* verrouillé : semaine soumise le " "the lock's reason under the capacity"
see_row -2 "¶ Budget révisé — * verrouillé : semaine soumise le" "…and with the note on the last line"
j --as gilles week return alice --date 2020-04-06 --reason "M-1 lundi : c'était INT"; expect_rc 0 "returned"
keys r
see_row 5 "semaine retournée par gilles : M-1 lundi : c'était INT" "a returned week's reason in sight"
see_row -2 "¶ Budget révisé" "…while the last line shows the cell's note"
tui_quit
finish
