#!/usr/bin/env bash
# Ma semaine, end to end in a terminal of the size given as $1 (80x24,
# 132x43): log three cells, change week and back, add a row through the
# picker with an accented search, refuse a bad duration, start and stop the
# timer across a quit and a restart, try to edit a locked entry, resize in
# the middle, accented names aligned.  Asserts on the screen and on the
# database afterwards.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

seed_world
cat > "$T/more.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Plan stratégique,COOP1,,FIN,,horaire,,,,2019-04-01,
CSV
"$JUSTE" --db "$DB" import mandates "$T/more.csv" >/dev/null || not_ok "import M-3"
# history: an entry in February (closed below) and one this week on INT
j --as alice log --date 2020-02-24 1h M-1 "février"; expect_rc 0 "february entry"
j --as alice log --date 2020-03-17 2h INT "réunion d'équipe"; expect_rc 0 "an entry this week"
count() { sql "select count(*) || ':' || coalesce(sum(minutes), 0) from entries e join experts x on x.id = e.expert_id where x.login = 'alice'"; }

# --- open: the week of JUSTE_TODAY ------------------------------------------
tui_start "$SIZE" --as alice tui
see "Semaine du 2020-03-16 au 2020-03-22" "Ma semaine opens on the current week"
see "F2 Ma semaine" "top bar lists the screen"
see "quitter" "bottom bar shows the main keys"

# --- add a row through the picker, searching with an accent ------------------
keys n
see "Rechercher" "n opens the mandate picker"
type_text "Éra"
see "Rechercher : Éra" "the search field takes an accented letter"
type_text "ble"
see "1 / 3" "'Érable' narrows the list to one mandate of three"
case "$SCREEN" in *"M-1  "*|*"INT  "*) not_ok "M-1 or INT still listed"; dump_screen "after typing 'Érable'";;
  *"M-3          Plan stratégique · Coopérative Érable"*) ok "the one left is M-3, of Coopérative Érable";;
  *) not_ok "the mandate left is not M-3"; dump_screen "after typing 'Érable'";; esac
keys Enter
see "Ligne ajoutée : M-3" "the row is added"
expect_eq "$(sql "select count(*) from pins p join mandates m on m.id = p.mandate_id where m.code = 'M-3' and p.week = '2020-03-16'")" "1" "the added row is stored (pinned for the week)"

# --- log three cells on M-3 (the cursor is on it, on Monday) -----------------
before=$(count)
type_text "1h30"; keys Enter
see "Enregistré : 1h30 (Lun 16 · M-3)" "Monday saved at once"
keys l; type_text "2"; keys Enter
see "Enregistré : 2h00 (Mar 17 · M-3)" "Tuesday saved"
keys l; type_text "0,75"; keys Enter
see "Enregistré : 0h45 (Mer 18 · M-3)" "Wednesday saved (decimal comma)"
expect_eq "$(sql "select group_concat(work_date || '=' || minutes, ' ') from (select e.work_date, e.minutes from entries e join mandates m on m.id = e.mandate_id where m.code = 'M-3' order by e.work_date)")" \
  "2020-03-16=90 2020-03-17=120 2020-03-18=45" "three entries in the database"
see "6h15 / 35h00" "week total against capacity"

# --- accented names aligned ----------------------------------------------------
screen
python3 - "$SCREEN" <<'PY' && ok "columns line up under accented names" || not_ok "columns misaligned:
$SCREEN"
import sys
lines = [l.rstrip() for l in sys.argv[1].split("\n")]
rows = [l for l in lines if l.startswith(("Mandat", "INT ", "M-3 ", "Total"))]
assert len(rows) == 4, rows
# every row of the grid ends in the same column (the Total column)
assert len({len(l) for l in rows}) == 1, [len(l) for l in rows]
# and the Monday cell of the M-3 row sits under the Monday header
hdr = next(l for l in rows if l.startswith("Mandat"))
m3 = next(l for l in rows if l.startswith("M-3"))
assert m3[hdr.index("Lun 16") + len("Lun 16") - 4:].startswith("1h30"), (hdr, m3)
PY

# --- change week and back --------------------------------------------------------
keys ']'
see "Semaine du 2020-03-23 au 2020-03-29" "] shows next week"
keys '['
see "Semaine du 2020-03-16 au 2020-03-22" "[ comes back"
see "6h15 / 35h00" "the hours are still there"

# --- resize in the middle ------------------------------------------------------
# (tmux keeps the old picture in the corner of a resized window: only
# juste's redraw puts the key bar on the new last line)
clear_message
screen; before_resize=$SCREEN
tm resize-window -t "$S" -x 100 -y 30
see_row 0 "q quitter" "redrawn after the resize (the key bar on the new last line)"
tm resize-window -t "$S" -x "${SIZE%x*}" -y "${SIZE#*x}"
screen_is() { [ "$SCREEN" = "$1" ]; }
wait_until "the screen of before the resize" screen_is "$before_resize" \
  && ok "redrawn after resizing back, as it was before" || not_ok "the screen differs after resizing back"
keys ']'
see "Semaine du 2020-03-23 au 2020-03-29" "still responsive after resizes"
keys t
see "Semaine du 2020-03-16 au 2020-03-22" "t comes back to this week"

# --- a bad duration is refused; the cell keeps its value ------------------------
before=$(count)
keys h h h h h h h
type_text "25h"; keys Enter
see_row -1 "durée de plus de 24 h refusée : '25h'" "25h refused with the reason on the message line"
type_text "1x"; keys Enter
see_row -1 "durée invalide '1x'" "garbage refused with the reason"
expect_eq "$(count)" "$before" "the database is unchanged"
screen
case "$(line_of 'M-3 ')" in *1h30*) ok "the cell keeps 1h30";; *) not_ok "cell lost its value: $(line_of 'M-3 ')";; esac

# --- the timer, across a quit and a restart ---------------------------------------
keys s
see "Chrono sur M-3, note (facultative) :" "s asks for the timer's note"
keys Enter
see "Chrono M-3" "Enter (no note) starts the timer, shown in the top bar"
expect_eq "$(sql "select m.code from timers t join mandates m on m.id = t.mandate_id")" "M-3" "the timer is stored in the database"
j --as alice timer status
expect_out "M-3" "another terminal sees it (juste timer status)"
keys q
see "Le chrono sur M-3 continue de tourner" "q with the timer running says it keeps running"
keys o
see "EXIT=0" "o quits with status 0"
tty_restored "terminal modes restored (canonical, echo)"
tui_start "$SIZE" --as alice
see "Chrono M-3" "the timer survives quitting (juste with no command opens the TUI)"
before=$(sql "select count(*) from entries")
keys j                                   # the timer's row (s on another row would switch)
keys s
see "Arrêt du chrono M-3, note :" "s again asks for the entry's note"
keys Enter
see "Chronomètre arrêté" "and stops it"
wait_gone "Chrono M-3" && ok "top bar no longer shows it" || not_ok "timer still shown"
expect_eq "$(sql "select count(*) from timers")" "0" "the timer row is gone"
expect_eq "$(sql "select count(*) from entries")" "$((before + 1))" "stopping logged one entry"
expect_eq "$(sql "select minutes >= 1 and work_date = '2020-03-16' from entries order by id desc limit 1")" "1" "at least one minute, on the start date"
tui_quit

# --- a locked entry --------------------------------------------------------------
j --as gilles month close 2020-02; expect_rc 0 "the manager closes February"
tui_start "$SIZE" --as alice
see "Semaine du 2020-03-16" "reopened"
keys '[' '[' '['
see "Semaine du 2020-02-24 au 2020-03-01" "back to the week of the February entry"
see "verrouillé : mois 2020-02 fermé par gilles" "the screen says the month is closed"
keys Home h h h h h h
# the status line above says it already: the refusals are on the message line
type_text "2"
see_row -1 "verrouillé : mois 2020-02 fermé par gilles le" "typing on a locked entry is refused with the reason"
clear_message
keys d
see_row -1 "verrouillé : mois 2020-02" "deleting it is refused too"
clear_message
keys N
see "note (lecture seule)" "N shows its note, read-only"
see "verrouillé : mois 2020-02 fermé par gilles" "with why it is locked"
keys Escape
wait_gone "note (lecture seule)" && ok "closed" || not_ok "the note box stays"
expect_eq "$(sql "select minutes || ' ' || note from entries where work_date = '2020-02-24'")" "60 février" "the locked entry is unchanged"
keys q
see "EXIT=0" "clean exit"
tty_restored "terminal restored"

finish
