#!/usr/bin/env bash
# The week from the CLI (juste week, the same model as the TUI), the timer,
# and closed months: the program refuses with the reason, and the database
# itself refuses (triggers), even to a connection that bypasses juste.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
ME=$(id -un)

j --as alice log --date 2020-03-16 1h30 M-1 "lundi"; expect_rc 0 "monday"
j --as alice log --date 2020-03-16 30m M-1 "lundi bis"; expect_rc 0 "second entry, same day"
j --as alice log --date 2020-03-18 2h INT; expect_rc 0 "wednesday"
j --as alice log --date 2020-03-09 1h M-1; expect_rc 0 "last week"
j --as bob log --date 2020-03-16 3h M-1; expect_rc 0 "bob's hours"

# --- juste week ---------------------------------------------------------------
j --as alice week
expect_rc 0 "week prints"
expect_out "Semaine du 2020-03-16 au 2020-03-22" "the week of JUSTE_TODAY"
expect_out "Alice Bélanger" "whose week"
# Monday's cell of M-1 (the first duration on its row): 1h30 + 30m
expect_eq "$(printf '%s\n' "$OUT" | grep '^M-1 ' | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+h[0-9][0-9]/) { print $i; exit } }')" \
  "2h00" "two entries of a day add up"
expect_num "4h00 sur 35h00" "week total against capacity"
case "$OUT" in *3h00*) not_ok "bob's hours in alice's week";; *) ok "only alice's hours";; esac
j --as alice week --format csv
expect_rc 0 "csv"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "mandate,title,client,pinned,2020-03-16,2020-03-17,2020-03-18,2020-03-19,2020-03-20,2020-03-21,2020-03-22,total_minutes" "csv header names the days"
expect_eq "$(printf '%s\n' "$OUT" | grep '^M-1,')" "M-1,Budget annuel,FCSD,0,120,0,0,0,0,0,0,120" "csv row in minutes"
j --as alice week --format json
expect_rc 0 "json"
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; w=json.load(sys.stdin); print(w["total_minutes"], w["capacity_minutes"], [r["mandate"] for r in w["rows"]], len(w["rows"][1]["entry_ids"][0]))')" \
  "240 2100 ['INT', 'M-1'] 2" "json: totals, rows and the entry ids of a cell"
j --as alice week --date 2020-03-11 --format csv
expect_eq "$(printf '%s\n' "$OUT" | grep '^M-1,' | cut -d, -f5,12)" "60,60" "--date picks the week holding it"
j --as alice week --format xml; expect_rc 2 "bad format refused (usage)"
j --as alice week --date 2020-13-01; expect_rc 1 "bad date refused"
j --as alice week extra; expect_rc 2 "extra argument is a usage error"

# --- the timer ---------------------------------------------------------------------
j --as alice timer status
expect_out "Aucun chronomètre" "no timer at first"
j --as alice timer start M-404; expect_rc 1 "unknown mandate refused"
j --as alice timer start M-2; expect_rc 1 "mandate closed today refused"
j --as alice timer start M-1; expect_rc 0 "timer started"
expect_eq "$(sql "select m.code || ' ' || t.work_date from timers t join mandates m on m.id = t.mandate_id join experts x on x.id = t.expert_id where x.login = 'alice'")" "M-1 2020-03-16" "stored in the database with its work date"
j --as alice timer start INT; expect_rc 1 "a second timer is refused"; expect_err "M-1" "the message names the running one"
j --as alice timer status; expect_out "M-1" "status shows it"
j --as bob timer status; expect_out "Aucun chronomètre" "timers are per person"
n=$(sql "select count(*) from entries")
j --as alice timer stop; expect_rc 0 "timer stopped"
expect_out "0h01" "a few seconds count as one minute"
expect_eq "$(sql "select count(*) from entries")" "$((n + 1))" "stop logs one entry"
expect_eq "$(sql "select minutes || ' ' || work_date from entries order by id desc limit 1")" "1 2020-03-16" "one minute on the start date"
expect_eq "$(sql "select count(*) from timers")" "0" "the timer is gone"
j --as alice timer stop; expect_rc 1 "stop without a timer refused"
j --as alice timer start INT; expect_rc 0 "start again"
j --as alice timer cancel; expect_rc 0 "cancel"
expect_eq "$(sql "select count(*) from entries")" "$((n + 1))" "cancel logs nothing"
j --as alice timer; expect_rc 2 "timer without a subcommand is a usage error"

# --- closing months ------------------------------------------------------------------
j --as alice month close 2020-02; expect_rc 1 "an expert may not close a month"; expect_err "permission" "says permission"
j --as carole month list; expect_rc 1 "nor may the clerk list them"
j --as gilles month close 2020-3; expect_rc 1 "malformed month refused"
j --as gilles month close 2020-03; expect_rc 0 "the manager closes March"
j --as gilles audit --entity month; expect_out '"month":"2020-03"' "juste audit shows the closing"; expect_out "close" "as a close"
j --as gilles month close 2020-03; expect_rc 1 "closing twice refused"; expect_err "déjà fermé" "says already closed"
j --as gilles month list; expect_rc 0 "list"
expect_out "2020-03  fermé par gilles" "list says who"
expect_eq "$(sql "select action || ' ' || actor || ' ' || coalesce(as_login, '') || ' ' || month from month_log")" "close $ME gilles 2020-03" "closing is logged with actor and --as"

mid=$(sql "select id from entries where note = 'lundi'")
j --as alice log --date 2020-03-20 1h M-1
expect_rc 1 "logging in a closed month refused"
expect_err "mois 2020-03 fermé par gilles le" "with the reason"
j --as alice entry edit "$mid" --duration 2h
expect_rc 1 "editing an entry of a closed month refused"; expect_err "mois 2020-03 fermé par gilles" "with the reason"
j --as alice entry rm "$mid"
expect_rc 1 "deleting it refused"; expect_err "fermé par gilles" "with the reason"
fid=$(sql "select id from entries where work_date = '2020-03-09'")
j --as alice entry edit "$fid" --date 2020-04-01 --duration 1h
expect_rc 1 "moving an entry out of a closed month refused"
j --as alice week; expect_out "2h00*" "the week marks locked cells"; expect_out "verrouillé : mois 2020-03" "and says why"
j --as alice timer start M-1; expect_rc 1 "a timer in a closed month refused"
j --as alice log --date 2020-04-01 1h M-1; expect_rc 0 "April is open"
aid=$(sql "select id from entries where work_date = '2020-04-01'")
j --as alice entry edit "$aid" --date 2020-03-31
expect_rc 1 "moving an entry into a closed month refused"
expect_eq "$(sql "select work_date from entries where id = $aid")" "2020-04-01" "it did not move"

# The database refuses by itself, to a connection that knows the audit
# functions but not juste's checks.
raw() {
  python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_function("juste_actor", 0, lambda: "raw")
c.create_function("juste_as", 0, lambda: None)
c.create_function("juste_bulk", 0, lambda: 0)
try:
    c.execute(sys.argv[2]); c.commit(); print("accepted")
except sqlite3.DatabaseError as e:
    print(e)
PY
}
expect_eq "$(raw "update entries set minutes = 5 where id = $mid")" "juste: entry in a closed month" "db refuses an update in a closed month"
expect_eq "$(raw "delete from entries where id = $mid")" "juste: entry in a closed month" "db refuses a delete"
expect_eq "$(raw "update entries set work_date = '2020-03-02' where id = $aid")" "juste: entry in a closed month" "db refuses moving into it"
expect_eq "$(raw "insert into entries(uuid, expert_id, mandate_id, work_date, minutes) values ('00000000-0000-0000-0000-000000000001', 2, 1, '2020-03-05', 60)")" \
  "juste: entry in a closed month" "db refuses an insert"
expect_eq "$(raw "update closed_months set closed_by = 'x'")" "juste: a closed month is reopened, not changed" "who closed cannot be rewritten"
expect_eq "$(raw "delete from month_log")" "juste: the month log is append-only" "the month log is append-only"
expect_eq "$(sql "select minutes from entries where id = $mid")" "90" "the entry is intact"

j --as gilles month reopen 2020-03; expect_rc 0 "reopen"
j --as gilles month reopen 2020-03; expect_rc 1 "reopening an open month refused"
expect_eq "$(sql "select group_concat(action, ',') from month_log")" "close,reopen" "reopening is logged"
j --as alice entry edit "$mid" --duration 2h; expect_rc 0 "editable again once reopened"

finish
