#!/usr/bin/env bash
# What people type on the command line: relative dates on every date option
# (log, entries, week, entry edit), and mandate codes and logins whatever
# their case.  JUSTE_TODAY is a Monday, 2020-03-16.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
last() { sql "select work_date || ' ' || minutes from entries order by id desc limit 1"; }

j --as alice log --date hier 1h INT "veille"; expect_rc 0 "--date hier"
expect_eq "$(last)" "2020-03-15 60" "hier is the day before"
j --as alice log --date yesterday 2h INT; expect_rc 0 "--date yesterday"
expect_eq "$(last)" "2020-03-15 120" "yesterday too"
j --as alice log --date "aujourd'hui" 1h30 INT; expect_rc 0 "--date aujourd'hui"
expect_eq "$(last)" "2020-03-16 90" "aujourd'hui is today"
j --as alice log --date Today 15m INT; expect_rc 0 "--date Today (any case)"
expect_eq "$(last)" "2020-03-16 15" "today"
j --as alice log --date vendredi 3h INT; expect_rc 0 "--date vendredi"
expect_eq "$(last)" "2020-03-13 180" "vendredi is the last Friday"
j --as alice log --date lundi 1h INT; expect_rc 0 "--date lundi on a Monday"
expect_eq "$(last)" "2020-03-09 60" "lundi on a Monday is a week ago, never today"
j --as alice log --date wednesday 1h INT; expect_rc 0 "--date wednesday"
expect_eq "$(last)" "2020-03-11 60" "an English weekday"
j --as alice log --date -3 1h INT; expect_rc 0 "--date -3"
expect_eq "$(last)" "2020-03-13 60" "-3 is three days ago"
n=$(sql "select count(*) from entries")
j --as alice log --date demain 1h INT; [ "$RC" != 0 ] && ok "--date demain refused" || not_ok "--date demain accepted"
expect_err "--date : date invalide 'demain'" "the refusal names the option and the word"
expect_err "hier" "and says what is accepted"
expect_eq "$(sql "select count(*) from entries")" "$n" "nothing logged"

j --as alice entries --from vendredi --to hier --format csv; expect_rc 0 "entries --from vendredi --to hier"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f3 | sort -u | paste -s -d' ')" "2020-03-13 2020-03-15" "the range the words name"
j --as alice week --date -7; expect_rc 0 "week --date -7"
expect_out "Semaine du 2020-03-09 au 2020-03-15" "the week of seven days ago"
id=$(sql "select id from entries order by id desc limit 1")
j --as alice entry edit "$id" --date hier; expect_rc 0 "entry edit --date hier"
expect_eq "$(last)" "2020-03-15 60" "moved to yesterday"

# --- codes and logins whatever their case ------------------------------------
j --as alice log 1h m-1 "minuscules"; expect_rc 0 "a mandate code in lower case"
expect_eq "$(sql "select m.code from entries e join mandates m on m.id = e.mandate_id order by e.id desc limit 1")" "M-1" \
  "logged on M-1"
expect_out "M-1" "the receipt spells the code as stored"
j --as alice timer start int; expect_rc 0 "timer start int"
expect_out "INT" "the timer is on INT"
j --as alice timer cancel; expect_rc 0 "cancelled"
j --as alice entries --mandate m-1 --format csv; expect_rc 0 "entries --mandate m-1"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')" "1" "the filter finds the M-1 entry"
j --as ALICE week; expect_rc 0 "--as ALICE"
expect_out "Alice Bélanger" "is alice"
j --as gilles entries --expert Alice --format csv; expect_rc 0 "entries --expert Alice"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l | tr -d ' ')" "$(sql "select count(*) from entries")" "all of alice's entries"
j --as alice log 1h M-9; [ "$RC" != 0 ] && ok "an unknown code is still unknown" || not_ok "M-9 accepted"
expect_err "M-9" "named"
finish
