#!/usr/bin/env bash
# Reminders: overdue invoices with their level at three dates, worked by
# hand (default levels 15, 30, 45 days past due); a paid invoice leaves the
# list; levels from the settings, refused out of order; one French letter
# per client whose text holds the centre, the client, every invoice, the
# total and "page 1 de 1"; roles.
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
seed_world

json() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
nb() { sed 's/\xc2\xa0/ /g'; }

printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,\n' >"$T/m2.csv"
j import mandates "$T/m2.csv"; expect_rc 0 "a mandate for COOP1"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' >"$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
log() { j --as alice log --date "$1" "$2" "$3" "x"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log 2020-01-15 10h M-1    # A (FCSD): 1 092,26, due 2020-03-04
log 2020-01-20 1h  M-3    # D (COOP1): 103,48, due 2020-03-04
log 2020-02-10 4h  M-1    # B (FCSD): 436,91, due 2020-04-01
issue() { JUSTE_TODAY=$2 j --as carole invoice issue "$1" --date "$2"; [ "$RC" = 0 ] || not_ok "issue $1: $ERR"; }
issue 2020-01 2020-02-03
issue 2020-02 2020-03-02
num() { sql "select i.number from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.period = '$2' and i.kind = 'invoice'"; }
A=$(num FCSD 2020-01); B=$(num FCSD 2020-02); D=$(num COOP1 2020-01)
expect_eq "$(sql "select group_concat(due_on, ' ') from (select due_on from invoices where number in ('$A', '$D', '$B') order by id)")" \
  "2020-03-04 2020-03-04 2020-04-01" "the due dates worked by hand"
j --as carole payment add "$A" --amount 92.26 --date 2020-03-10; expect_rc 0 "A paid in part: 1 000,00 left"

j --as alice reminders; expect_rc 1 "an expert may not see the reminders"
j --as carole reminders --format xml; expect_rc 2 "an unknown format is a usage error"

# 2020-03-18: 14 days past due, no reminder yet; 2020-03-19: 15, the first.
j --as carole reminders --at 2020-03-18 --format json; expect_rc 0 "reminders in JSON"
expect_eq "$(json "d['clients']")" "[]" "14 days late: no reminder yet"
j --as carole reminders --at 2020-03-19 --format json
expect_eq "$(json "[(c['client'], c['level'], c['open_cents'], [(i['number'], i['days_late'], i['level']) for i in c['invoices']]) for c in d['clients']]")" \
  "[('COOP1', 'first_reminder', 10348, [('$D', 15, 'first_reminder')]), ('FCSD', 'first_reminder', 100000, [('$A', 15, 'first_reminder')])]" \
  "15 days: the first reminder, for what is left open"
# 2020-04-18: A and D 45 days (final), B 17 days (first); D paid on 04-10.
j --as carole payment add "$D" --amount 103.48 --date 2020-04-10; expect_rc 0 "D paid"
j --as carole reminders --at 2020-04-18 --format csv
expect_eq "$OUT" "client,client_name,invoice,issued_on,due_on,days_late,open,level
FCSD,Fédération des coopératives de services à domicile,$A,2020-02-03,2020-03-04,45,1000.00,final_notice
FCSD,Fédération des coopératives de services à domicile,$B,2020-03-02,2020-04-01,17,436.91,first_reminder" \
  "45 days: the final notice; a paid invoice is not listed"
j --as carole reminders --at 2020-04-03   # 30 days: the second
expect_out "deuxième rappel" "the table names the level in French"

# levels from the settings
j settings set reminders.first_reminder_days 20; expect_rc 0 "the first level at 20 days"
j --as carole reminders --at 2020-03-19 --format json
expect_eq "$(json "d['clients']")" "[]" "… 15 days is no longer a reminder"
j settings set reminders.second_reminder_days 10; expect_rc 0 "a second level before the first is stored"
j --as carole reminders --at 2020-03-19; expect_rc 1 "… but refused when used"
expect_err "reminders.second_reminder_days" "… naming the setting"
j settings set reminders.second_reminder_days 30; j settings set reminders.first_reminder_days 15

# the letters
j --as carole reminders pdf --at 2020-04-18; expect_rc 2 "pdf wants -o"
j --as carole reminders pdf --at 2020-04-18 -o "$T/lettres"; expect_rc 0 "the letters"
expect_out "1 lettre(s)" "one client, one letter"
f="$T/lettres/rappel-FCSD-2020-04-18.pdf"
[ -f "$f" ] && ok "… named after the client and the date" || not_ok "no $f: $(ls "$T/lettres")"
if command -v pdftotext >/dev/null; then
  txt=$(pdftotext "$f" - | nb)
  for s in "Centre de services d'essai" "Fédération des coopératives de services à domicile" "1 rue Principale" \
           "Objet : dernier avis" "$A" "$B" "1 000,00 $" "436,91 $" "Total dû : 1 436,91 $" "page 1 de 1" "Le 2020-04-18"; do
    case "$txt" in *"$s"*) ok "the letter says '$s'";; *) not_ok "the letter lacks '$s': $txt";; esac
  done
else
  not_ok "pdftotext is missing (poppler-utils)"
fi
finish
