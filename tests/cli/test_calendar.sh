#!/usr/bin/env bash
# The manager's control: holidays and closures, absences, the capacity built
# on them, the weekly approval (locks, billing) and mandate teams, each with
# its roles.
export JUSTE_TODAY=2020-11-15
. "$(dirname "$0")/lib.sh"
seed_world

# --- holidays ---------------------------------------------------------------
j holiday list --year 2020 --format csv; expect_rc 0 "holidays of 2020"
for d in 2020-01-01 2020-04-10 2020-05-18 2020-06-24 2020-07-01 2020-09-07 2020-10-12 2020-12-25; do
	expect_out "$d,$d,statutory," "2020: $d is a statutory holiday"
done
expect_eq "$(printf '%s\n' "$OUT" | grep -c statutory)" "8" "eight statutory holidays"
j holiday list --year 2029; expect_out "2029-07-02" "1 July 2029 is a Sunday: the 2nd"
j settings set calendar.easter_holiday lundi_de_paques; expect_rc 0 "the employer chooses Easter Monday"
j holiday list --year 2024 --format csv; expect_out "2024-04-01,2024-04-01,statutory" "…Easter Monday 2024"
case "$OUT" in *2024-03-29*) not_ok "Good Friday is no longer a holiday";; *) ok "Good Friday is no longer a holiday";; esac
j settings set calendar.easter_holiday vendredi_saint; expect_rc 0 "back to Good Friday"
j settings set calendar.easter_holiday dimanche; expect_rc 1 "an unknown choice is refused"

j --as alice holiday add 2019-12-23 --to 2020-01-03 --name "Fermeture des fêtes"; expect_rc 1 "an expert may not close the centre"
expect_err "permission" "…refused as a permission"
j --as gilles holiday add 2019-12-23 --to 2020-01-03 --name "Fermeture des fêtes"; expect_rc 0 "the manager closes the centre"
j --as gilles holiday add 2020-01-02 --name "Autre"; expect_rc 1 "an overlapping closure is refused"
expect_err "Fermeture des fêtes" "…naming the closure it meets"
j --as gilles holiday add 2020-10-30 --name "Journée pédagogique"; expect_rc 0 "a one-day closure"
j --as gilles holiday add 2020-11-02 --to 2020-11-01 --name "À l'envers"; expect_rc 1 "a range backwards is refused"
j holiday list --year 2020 --format json; expect_out '"kind": "centre"' "closures are listed with the holidays"
expect_out '"from": "2019-12-23"' "…the closure that reaches into the year"
j --as gilles holiday rm 2020-12-25; expect_rc 1 "a statutory holiday cannot be removed"
expect_eq "$(sql "select count(*) from audit where entity = 'closure' and action = 'insert'")" "2" "closures are audited"

# --- absences ---------------------------------------------------------------
j --as alice absence add --from 2020-10-20 --kind vacances --half; expect_rc 0 "an expert records their own half day"
expect_out "#1" "…numbered"
j --as alice absence add bob --from 2020-10-21 --kind maladie; expect_rc 1 "…but not someone else's"
expect_err "permission" "…refused as a permission"
j --as gilles absence add bob --from 2020-10-19 --to 2020-10-23 --kind formation; expect_rc 0 "the manager records anyone's"
j --as alice absence add --from 2020-10-22 --kind croisière; expect_rc 1 "an unknown kind is refused"
expect_err "vacances" "…listing the kinds"
j --as alice absence add --from 2020-10-22; expect_rc 2 "the kind is required"
j --as alice absence list --format csv; expect_rc 0 "an expert lists"
case "$OUT" in *bob*) not_ok "an expert sees only their own absences";; *) ok "an expert sees only their own absences";; esac
j --as gilles absence list --from 2020-10-01 --to 2020-10-31 --format csv
expect_out "1,alice,Alice Bélanger,2020-10-20,2020-10-20,vacances,1" "the manager sees alice's"
expect_out "2,bob,Bob Côté,2020-10-19,2020-10-23,formation,0" "…and bob's"
j --as alice absence rm 2; expect_rc 1 "an expert may not remove another's absence"
expect_eq "$(sql "select count(*) from audit where entity = 'absence'")" "2" "absences are audited"

# --- capacity ---------------------------------------------------------------
# October 2020 for alice, 35 h a week (7 h a day) worked out by hand:
# 22 weekdays, Thanksgiving (12) and the closure of the 30th: 20 working days
# = 140 h; half a day away on the 20th: 136 h 30 = 8190 min.
j --as alice capacity --from 2020-10-01 --to 2020-10-31 --format json; expect_rc 0 "capacity of October"
expect_out '"capacity_minutes": 8190' "capacity = 20 days x 7 h - 3 h 30"
expect_out '"holiday_minutes": 840' "…two days of holidays and closures apart"
expect_out '"absence_minutes": 210' "…half a day of absence apart"
expect_out '"workdays_minutes": 9240' "…22 weekdays before them"
j --as alice capacity bob --from 2020-10-01 --to 2020-10-31; expect_rc 1 "an expert may not see another's capacity"
# juste week gives the capacity Ma semaine's header shows: the week of
# Thanksgiving (12 October), 4 days x 7 h = 28 h, and the week of the 20th
# (half a day away): 35 h - 3 h 30 = 31 h 30, the parts given apart
j --as alice week --date 2020-10-12 --format json; expect_rc 0 "the week of Thanksgiving"
expect_out '"capacity_minutes": 1680' "its capacity counts four days"
expect_out '"holiday_minutes": 420' "…the holiday apart"
expect_out '"workdays_minutes": 2100' "…five weekdays before it"
j --as alice week --date 2020-10-20; expect_rc 0 "the week of the half day away"
expect_out "sur 31h30 de capacité" "the text says the capacity after the absence"
expect_out "35h00 de jours ouvrables, moins 0h00 de fériés et fermetures et 3h30 d'absences" "…and its parts"
# the month still running counts up to today (2020-11-15): 2 to 13 November
# = 10 working days
j --as gilles capacity bob --from 2020-11-01 --to 2020-11-30 --format json
expect_out '"capacity_minutes": 4200' "a running month counts to today"
# report utilisation uses the same capacity: the issue's holiday fortnight
j log --date 2020-10-05 2h M-1; expect_rc 0 "some billable time"
j report utilisation --from 2019-12-23 --to 2020-01-05 --format csv; expect_rc 0 "utilisation over the holidays"
expect_out "alice,Alice Bélanger,0,0,0" "no capacity when the centre is closed"
j report utilisation --from 2020-10-01 --to 2020-10-31 --format csv
expect_out ",8190" "report utilisation has alice's capacity of October"
expect_out ",6300" "…and bob's (a week of training: 15 days)"

# --- weekly approval --------------------------------------------------------
j --as alice log --date 2020-11-02 2h M-1 "lundi"; expect_rc 0 "alice logs on Monday"
id=$(sql "select id from entries where work_date = '2020-11-02' and minutes = 120")
j --as alice week status --date 2020-11-04 --format csv
expect_out "alice,Alice Bélanger,2020-11-02,missing,120" "an unsubmitted week is missing"
j --as alice week submit --date 2020-11-04; expect_rc 0 "alice submits her week"
expect_out "soumise" "…submitted"
j --as alice week submit --date 2020-11-04; expect_rc 1 "submitting twice is refused"
j --as alice log --date 2020-11-03 1h M-1; expect_rc 1 "a submitted week refuses new time"
expect_err "soumise" "…saying why"
j --as alice entry edit "$id" --duration 3h; expect_rc 1 "…and changes"
j --as alice entry rm "$id"; expect_rc 1 "…and removals"
j --as alice week --date 2020-11-02; expect_out "semaine soumise" "the week shows it is submitted"
j --as alice week approve alice --date 2020-11-02; expect_rc 1 "an expert may not approve"
expect_err "permission" "…refused as a permission"
j --as gilles week approve alice --date 2020-11-05; expect_rc 0 "the manager approves"
expect_out "approuvée" "…approved"
j --as alice log --date 2020-11-06 1h M-1; expect_rc 1 "an approved week stays locked"
j --as gilles week approve bob --date 2020-11-05; expect_rc 1 "a week never submitted cannot be approved"
j --as gilles week return alice --date 2020-11-02; expect_rc 1 "a return needs its reason"
j --as gilles week return alice --date 2020-11-02 --reason "Le 2, c'est M-2"; expect_rc 0 "the manager returns it"
j --as alice log --date 2020-11-03 1h M-1; expect_rc 0 "a returned week opens again"
j --as alice week --date 2020-11-02; expect_out "Le 2, c'est M-2" "…and shows the reason"
j --as gilles week status --date 2020-11-02 --format csv
expect_out "alice,Alice Bélanger,2020-11-02,returned" "status: alice's week returned"
expect_out "bob,Bob Côté,2020-11-02,missing" "…bob's missing"
expect_eq "$(sql "select count(*) from audit where entity = 'week'")" "3" "submit, approve and return are audited"

# billing holds the entries of unapproved weeks when the setting is on
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rates"
j --as bob log --date 2020-11-09 1h M-1; expect_rc 0 "bob logs the next week"
j --as bob week submit --date 2020-11-09; expect_rc 0 "bob submits"
j --as gilles week approve bob --date 2020-11-09; expect_rc 0 "…approved"
j --as alice week submit --date 2020-11-02; expect_rc 0 "alice submits again, not approved"
j --as carole invoice draft 2020-11; expect_rc 0 "drafts without the setting"
expect_eq "$(sql "select count(*) from invoice_entries l join invoices i on i.id = l.invoice_id where i.period = '2020-11'")" "4" "…every entry is drafted (October's late one too)"
j settings set approval.required_for_billing 1; expect_rc 0 "only approved weeks are billed"
j --as carole invoice draft 2020-11; expect_rc 0 "drafts with the setting"
expect_eq "$(sql "select count(*) from invoice_entries l join invoices i on i.id = l.invoice_id where i.period = '2020-11'")" "1" "…only bob's approved entry is drafted"
expect_eq "$(sql "select count(*) from invoices where period = '2020-11' and blockers like '%unapproved%'")" "1" "…the others are named as blockers"
j --as carole invoice list --month 2020-11 --format json; expect_rc 0 "the held draft in JSON"
expect_out "semaine du 2020-11-02 non approuvée" "…its blocker names the week by its Monday"
expect_eq "$(sql "select count(*) from invoices where period = '2020-11' and blockers like '%2020-11-02%'")" "1" "…with their week"

# --- mandate teams ----------------------------------------------------------
j --as alice mandate assign M-1 alice; expect_rc 1 "an expert may not form a team"
j --as gilles mandate assign M-1 alice --manager gilles; expect_rc 0 "the manager forms M-1's team"
expect_out "(responsable)" "…with its manager"
j --as bob log --date 2020-10-27 1h M-1; expect_rc 1 "a non-member is refused"
expect_err "Gilles Lévesque" "…told the mandate's manager"
j --as bob log --date 2020-10-27 1h INT; expect_rc 0 "a mandate without a team takes anyone"
j --as alice log --date 2020-10-27 1h M-1; expect_rc 0 "a member logs"
cat > "$T/entries.csv" <<'CSV'
date,expert,mandate,duration,note
2020-10-28,bob,M-1,1h,import
CSV
j import entries "$T/entries.csv"; expect_rc 1 "an import is refused too"
expect_err "Gilles" "…naming the manager"
j --as gilles mandate unassign M-1 alice gilles; expect_rc 0 "the team is emptied"
j --as bob log --date 2020-10-27 1h M-1; expect_rc 0 "without a team, anyone again"
expect_eq "$(sql "select count(*) from audit where entity = 'team'")" "4" "team changes are audited"

# The database keeps both rules for any writer, not only this program.
expect_eq "$(sql "select count(*) from sqlite_master where type = 'trigger' and name in ('entries_team_insert', 'entries_team_update', 'entries_week_insert', 'entries_week_update', 'entries_week_delete')")" "5" "the schema keeps the team and the week's lock"

finish
