#!/usr/bin/env bash
# A standard week typed on Ma semaine, every key counted: five rows taken
# from last week with `c`, eleven cells (35 h, no notes) typed like a
# spreadsheet — a duration, then Tab (next day) or Enter (next row).  The
# week must take 40 keys or fewer (tests/bench/README.md keeps the figure)
# and land in the database exactly.  Run at the size given as $1.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
seed_world
cat > "$T/more.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Plan stratégique,COOP1,,FIN,,horaire,,,,2019-04-01,
M-4,Formation des gestionnaires,FCSD,,RH,,horaire,,,,2019-04-01,
M-5,Paie,COOP1,,RH,,horaire,,,,2019-04-01,
CSV
"$JUSTE" --db "$DB" import mandates "$T/more.csv" >/dev/null || not_ok "import M-3..M-5"
# last week: the five mandates of the rows
for m in INT M-1 M-3 M-4 M-5; do
  j --as alice log --date 2020-03-10 1h "$m"; expect_rc 0 "last week on $m"
done

NKEYS=0
press() { NKEYS=$((NKEYS + $#)); keys "$@"; }                  # each name is one key
typ() { NKEYS=$((NKEYS + ${#1})); type_text "$1"; }            # each character is one key

tui_start "$SIZE" --as alice tui
see "Semaine du 2020-03-16 au 2020-03-22" "Ma semaine on the week of 2020-03-16"
press c
see "5 ligne(s) reprise(s)" "c takes the five rows of last week"
# the cursor is on INT, Monday (today)
typ 1; press Enter          # INT Mon 1h, down to M-1
typ 6; press Tab            # M-1 Mon 6h, right
typ 6; press Tab            # M-1 Tue 6h
typ 3; press Enter          # M-1 Wed 3h, down to M-3
typ 4; press Tab            # M-3 Wed 4h
typ 6; press Enter          # M-3 Thu 6h, down to M-4
typ 1; press Tab            # M-4 Thu 1h
typ 5; press Enter          # M-4 Fri 5h, down to M-5
typ 1; press Enter          # M-5 Fri 1h; M-5 is the last row: the cursor stays
press Left Left Left        # M-5 Tue
typ 1; press Tab            # M-5 Tue 1h
press Home Right Right      # INT, Fri
typ 1; press Enter          # INT Fri 1h
see "35h00 / 35h00 (100 %)" "the week adds up to 35 h against 35 h"
echo "# keys for the standard week: $NKEYS"
[ "$NKEYS" -le 40 ] && ok "a standard week in $NKEYS keys (40 at most)" || not_ok "the week took $NKEYS keys (more than 40)"
got=$(sql "select group_concat(c, ' ') from (select m.code || '@' || substr(e.work_date, 9) || '=' || e.minutes as c
  from entries e join mandates m on m.id = e.mandate_id where e.work_date >= '2020-03-16' order by m.code, e.work_date)")
expect_eq "$got" "INT@16=60 INT@20=60 M-1@16=360 M-1@17=360 M-1@18=180 M-3@18=240 M-3@19=360 M-4@19=60 M-4@20=300 M-5@17=60 M-5@20=60" \
  "eleven entries, each where it was typed"
expect_eq "$(sql "select count(*) from entries where work_date >= '2020-03-16'")" "11" "and nothing else"
tui_quit
finish
