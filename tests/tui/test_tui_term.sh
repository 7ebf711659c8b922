#!/usr/bin/env bash
# The terminal layer and the rest of Ma semaine's keys: the terminal is
# restored after a crash signal and after SIGTERM, NO_COLOR gives a
# monochrome screen, keys come from [keys] in juste.ini (a bad one stops
# juste before it takes the terminal), `?` shows help from the key table;
# notes, deletion after confirmation, several entries in one cell, copying
# last week's rows, pins.
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"

seed_world
j --as alice log --date 2020-03-09 1h M-1 "semaine passée"; expect_rc 0 "last week's entry"
j --as alice log --date 2020-03-16 1h INT "premier"; expect_rc 0 "first entry"
j --as alice log --date 2020-03-16 30m INT "second"; expect_rc 0 "second entry, same cell"
j --as alice log --date 2020-03-17 45m INT "seul"; expect_rc 0 "single entry"

juste_pid() { pgrep -P "$(tm display -p -t "$S" '#{pane_pid}')" | head -1; }

# --- crash signal: the terminal comes back ----------------------------------
tui_start 80x24 --as alice tui
see "Semaine du 2020-03-16" "started"
pid=$(juste_pid)
[ -n "$pid" ] && kill -SEGV "$pid"
see "EXIT=139" "SIGSEGV kills juste with the signal"
tty_restored "terminal modes restored after a crash"

# --- SIGTERM: a clean exit ----------------------------------------------------
tui_start 80x24 --as alice tui
see "Semaine du 2020-03-16" "started again"
pid=$(juste_pid)
[ -n "$pid" ] && kill -TERM "$pid"
see "EXIT=0" "SIGTERM ends juste through its normal path"
tty_restored "terminal restored after SIGTERM"

# --- colours, and NO_COLOR ------------------------------------------------------
tui_start 80x24 --as alice tui
see "Semaine du 2020-03-16" "colour screen"
tm capture-pane -p -e -t "$S" | grep -q $'\e\\[[0-9;]*4[0-7]m\|\e\\[[0-9;]*48;' && ok "colours by role" || not_ok "no colour on a colour terminal"
tui_quit
TUI_ENV="NO_COLOR=1" tui_start 80x24 --as alice tui
see "Semaine du 2020-03-16" "NO_COLOR screen"
tm capture-pane -p -e -t "$S" | grep -q $'\e\\[[0-9;]*[34][0-7]m\|\e\\[[0-9;]*[34]8;' && not_ok "colours despite NO_COLOR" || ok "NO_COLOR: monochrome"
tm capture-pane -p -e -t "$S" | grep -q $'\e\\[[0-9;]*7m' && ok "monochrome uses reverse video for bars and cursor" || not_ok "no reverse video in monochrome"

# --- help from the key table --------------------------------------------------
keys '?'
see "Aide — Ma semaine" "? opens the help of the screen"
see "semaine précédente" "help lists the week's actions"
keys Escape
wait_gone "Aide — Ma semaine" && ok "Escape closes help" || not_ok "help still shown"
tui_quit

# --- [keys] in juste.ini ---------------------------------------------------------
cat > "$T/keys.ini" <<'INI'
[keys]
next_week = >, F9
INI
tui_start 80x24 --config "$T/keys.ini" --as alice tui
see "Semaine du 2020-03-16" "started with a key configuration"
# keys are read in order: once the help that '?' opens is on the screen,
# ']' and '>' have been handled
keys ']' '>' '?'
see ">, F9" "help shows the configured keys"
keys Escape
wait_gone "Aide — Ma semaine" || not_ok "help still open"
case "$SCREEN" in *"Semaine du 2020-03-30"*) not_ok "] still bound";;
  *"Semaine du 2020-03-23"*) ok "> is next week now, ] no longer bound to it";;
  *) not_ok "> did not change the week"; dump_screen "after ] and >";; esac
tui_quit
printf '[keys]\nfly = x\n' > "$T/bad.ini"
"$JUSTE" --db "$DB" --config "$T/bad.ini" --as alice tui >"$T/out" 2>"$T/err" </dev/null; RC=$?
expect_eq "$RC" "1" "an unknown action stops juste"
grep -q "\[keys\] fly" "$T/err" && ok "the message names it" || not_ok "bad key message: $(cat "$T/err")"
printf '[keys]\nquit = CTRL-Q\n' > "$T/bad.ini"
"$JUSTE" --db "$DB" --config "$T/bad.ini" --as alice tui >"$T/out" 2>"$T/err" </dev/null; RC=$?
expect_eq "$RC" "1" "an unknown key name stops juste"
grep -q "CTRL-Q" "$T/err" && ok "the message names the key" || not_ok "bad key message: $(cat "$T/err")"
"$JUSTE" --db "$DB" --as alice tui </dev/null >"$T/out" 2>"$T/err"; RC=$?
expect_eq "$RC" "2" "no terminal: a usage error, not a broken screen"
"$JUSTE" --db "$DB" </dev/null >"$T/out" 2>&1; RC=$?
expect_eq "$RC" "0" "juste with no command and no terminal prints the usage"
grep -q "Commandes" "$T/out" && ok "usage printed" || not_ok "usage: $(cat "$T/out")"

# --- notes, deletion, several entries in one cell -----------------------------------
tui_start 80x24 --as alice tui
see "1h30+" "a cell with two entries is marked"
keys Enter
see "premier" "Enter on it lists the day's entries with their notes"
see "second" "both of them"
keys Down N
see "note :" "N on an entry of the list edits its note"
keys C-u; type_text "second, révisé"; keys Enter
see "Note enregistrée" "note saved"
expect_eq "$(sql "select note from entries where minutes = 30")" "second, révisé" "note in the database"
keys l
keys N
see "note :" "N on a single entry edits its note"
keys C-e; type_text " (fin)"; keys Enter
see "Note enregistrée" "note saved"
expect_eq "$(sql "select note from entries where minutes = 45")" "seul (fin)" "note appended in the database"
keys d
see "Supprimer la saisie de 0h45" "d asks before deleting"
keys n
see "Rien n'a changé" "answering no keeps it"
expect_eq "$(sql "select count(*) from entries where minutes = 45")" "1" "still there"
type_text "0"; keys Enter
see "Supprimer la saisie de 0h45" "typing 0 asks before deleting too"
keys o
see "Saisie supprimée" "answering yes deletes"
expect_eq "$(sql "select count(*) from entries where minutes = 45")" "0" "deleted from the database"

# --- copy last week's rows, pin ------------------------------------------------------
keys c
see "1 ligne(s) reprise(s)" "c copies last week's rows"
see "M-1 Budget annuel" "M-1 is on this week now, without hours"
expect_eq "$(sql "select count(*) from entries where work_date between '2020-03-16' and '2020-03-22' and mandate_id = (select id from mandates where code = 'M-1')")" "0" "no hours were copied"
keys G p
see "Ligne épinglée" "p pins a row on every week"
keys ']'
see "Semaine du 2020-03-23" "next week"
see "•M-1" "the pinned row shows on the next week"
keys n
see "Rechercher" "picker"
keys Escape
wait_gone "Rechercher" && ok "Escape closes the picker" || not_ok "picker still open"
tui_quit
expect_eq "$(sql "select count(*) from pins where week = ''")" "1" "one permanent pin"

finish
