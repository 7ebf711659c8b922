#!/usr/bin/env bash
# Ma semaine in English at the size given as $1 (80x24): the mark on cells
# with a note and the note under the cursor on the status line; a locked
# entry's note shown read-only; g goes to a date (ISO and words); the timer
# switches rows in one transaction and carries a note; quitting with it
# running says so; D drops an empty row; m shows the month and fiscal year;
# the help lists this screen's keys and the global ones.
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
j --as alice log --date 2020-02-24 1h M-1 "février : budget révisé"; expect_rc 0 "a February entry with a note"
j --as alice log --date 2020-03-17 2h INT "réunion d'équipe"; expect_rc 0 "an entry with a note this week"
j --as alice log --date 2020-03-16 3h M-1; expect_rc 0 "an entry without a note"
j --as gilles month close 2020-02; expect_rc 0 "February closed"
entries() { sql "select count(*) from entries"; }

TUI_ENV="LANGUAGE=en" tui_start "$SIZE" --as alice tui
see "Week of 2020-03-16 to 2020-03-22" "My week, in English"

# --- the help: this screen's keys and the global ones -----------------------------------------
keys '?'
see "Help — My week" "? opens the help of My week"
screen
has_text "goto" && ok "it lists g (goto)" || not_ok "goto missing"
lacks_text "draft" && lacks_text "issue" && ok "no key of another screen" || not_ok "billing keys in the week's help"
help1=$SCREEN
keys PageDown
wait_until "the next page" lacks_text "Help — My week   " ; screen
case "$help1$SCREEN" in *"HOME, g"*) not_ok "first still lists g";; *"HOME "*first*) ok "first is HOME only (g is go to a date here)";;
  *) not_ok "first not listed";; esac
keys PageDown
see "On every screen:" "the global keys, further down"
keys PageDown                               # the week's own keys fill the first pages
see "refresh" "r reloads on every screen"
keys Escape
wait_gone "Help — My week" && ok "closed" || not_ok "help stays"


# --- the note mark and the note under the cursor ------------------------------
screen
case "$(line_of 'INT ')" in *"2h00¶"*) ok "the cell with a note is marked ¶";; *) not_ok "no mark: $(line_of 'INT ')";; esac
case "$(line_of 'M-1 ')" in *"3h00¶"*) not_ok "a cell without a note is marked";; *"3h00"*) ok "a cell without a note is not";;
  *) not_ok "M-1 row: $(line_of 'M-1 ')";; esac
keys l                                           # INT, Tuesday
see_row -2 "¶ réunion d'équipe" "the note of the cell under the cursor on the status line"
keys h
wait_until "the status line to clear" row_empty -2 && ok "a cell without a note shows none" || not_ok "status line not cleared"

# --- go to a date --------------------------------------------------------------------
keys g
see "Date (YYYY-MM-DD, today, monday, -N):" "g asks for a date"
type_text "2020-02-26"; keys Enter
see "Week of 2020-02-24 to 2020-03-01" "an ISO date goes to its week"
keys g; type_text "yesterday"; keys Enter
see "Week of 2020-03-09 to 2020-03-15" "yesterday (a Sunday) is last week"
keys g; tm send-keys -t "$S" -l -- "-21"; keys Enter
see "Week of 2020-02-24 to 2020-03-01" "-21 days"
clear_message
keys g; type_text "tomorrow"; keys Enter
see_row -1 "invalid date 'tomorrow'" "a word it does not know is refused with the reason"

# --- a locked entry's note, read-only --------------------------------------------------
keys Home; keys g; type_text "monday"; keys Enter   # the last Monday: 2020-03-09
see "Week of 2020-03-09 to 2020-03-15" "monday (today is a Monday) is a week ago"
keys '['
see "Week of 2020-03-02 to 2020-03-08" "back one week"
keys '['
see "Week of 2020-02-24 to 2020-03-01" "the week of the locked entry"
keys Home h h h h h h
see_row -2 "¶ février : budget révisé" "a locked cell's note on the status line"
keys N
see "note (read-only)" "N on a locked entry opens its note, read-only"
see "locked: month 2020-02 closed by gilles" "with why it is locked"
see "(read-only — any key closes)" "and how to close it"
keys x
wait_gone "note (read-only)" && ok "any key closes it" || not_ok "the note box stays"
expect_eq "$(sql "select minutes || ' ' || note from entries where work_date = '2020-02-24'")" "60 février : budget révisé" \
  "the locked entry is unchanged"

# --- the timer: a note at start, a switch in one transaction ---------------------------
keys t
see "Week of 2020-03-16 to 2020-03-22" "t: this week again"
keys Home
keys s
see "Timer on INT, note (optional):" "s asks for a note"
type_text "appels"; keys Enter
see "Timer started on INT" "started"
see "Timer INT" "the top bar shows it"
expect_eq "$(sql "select m.code || ' ' || t.note from timers t join mandates m on m.id = t.mandate_id")" "INT appels" \
  "stored with its note"
n=$(entries)
keys j                                           # M-1
keys s
see "Timer INT → M-1, note of INT:" "s on another row offers to switch"
see "appels" "the note given at start is offered"
keys Enter
see "Timer switched to M-1" "switched"
see "Timer M-1" "the top bar follows"
expect_eq "$(sql "select m.code from timers t join mandates m on m.id = t.mandate_id")" "M-1" "one timer, now on M-1"
expect_eq "$(entries)" "$((n + 1))" "the INT time was logged"
expect_eq "$(sql "select m.code || ' ' || e.work_date || ' ' || e.note || ' ' || (e.minutes >= 1) from entries e
  join mandates m on m.id = e.mandate_id order by e.id desc limit 1")" "INT 2020-03-16 appels 1" "on INT, today, with its note"

# --- quitting with the timer running says it keeps running ------------------------------
keys q
see "The timer on M-1 keeps running" "q with a timer running says it keeps running"
keys n
wait_gone "keeps running" && ok "n stays" || not_ok "the question stays"
see "Week of 2020-03-16" "still on the week"

# --- D drops an empty row, not one with hours -------------------------------------------
keys n
see "Search" "n opens the picker"
type_text "M-3"; keys Enter
see "Row added: M-3" "M-3 added for the week"
clear_message
keys D
see_row -1 "Row removed: M-3" "D drops the empty row"
wait_until "the M-3 row to go" lacks_text "M-3 Plan" && ok "the row is gone" || not_ok "M-3 still shown"
expect_eq "$(sql "select count(*) from pins")" "0" "its pin is gone from the database"
clear_message
keys Home
keys D
see_row -1 "row INT has hours this week" "D on a row with hours is refused"

# --- m: my month and fiscal year -------------------------------------------------------------
keys m
see "My hours (capacity counted up to 2020-03-16)" "m shows my hours"
screen
case "$(line_of 'Month 2020-03')" in *"3h00"*"2h01"*"5h01"*"77h00"*"3.9%"*) ok "the month: billable, internal, total, capacity, utilisation";;
  *) not_ok "month line: $(line_of 'Month 2020-03')";; esac
case "$(line_of 'Fiscal year 2019-2020')" in *"4h00"*"2h01"*) ok "the fiscal year to date";;
  *) not_ok "year line: $(line_of 'Fiscal year 2019-2020')";; esac
keys m
see "Week of 2020-03-16 to 2020-03-22" "m again: the week"

keys q
see "keeps running" "asked again"
keys y
tty_restored "y quits; the terminal is restored"
expect_eq "$(sql "select count(*) from timers")" "1" "the timer still runs in the database"
finish
