#!/usr/bin/env bash
# Ma semaine at the size given as $1 (80x24) and a mandate's budget: the
# save that crosses 80 % says so on the status line, the next save does not
# say it again, and a hard budget refuses time past 100 % with the mandate
# and its budget named, nothing saved.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
seed_world
cat > "$T/more.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
B-2,Budget en heures,COOP1,,FIN,,horaire,,10,,2019-04-01,
CSV
"$JUSTE" --db "$DB" import mandates "$T/more.csv" >/dev/null || not_ok "import B-2"
j --as alice log --date 2020-03-16 7h B-2; expect_rc 0 "B-2 at 70 %"
entries() { sql "select count(*) || ':' || sum(minutes) from entries"; }

tui_start "$SIZE" --as alice tui
see "Semaine du 2020-03-16 au 2020-03-22" "Ma semaine"
keys l; type_text "1"; keys Enter                 # Tuesday: 8 h of 10
see_row -1 "mandat B-2 : 80 % du budget atteint : 8,00 h sur 10,00 h" "crossing 80 % says so on the status line"
keys l; type_text "30m"; keys Enter               # Wednesday: 85 %
see_row -1 "Enregistré : 0h30" "the next save is only saved"
screen
lacks_text "80 % du budget" && ok "…80 % is not said again" || not_ok "80 % said again"

j --as gilles mandate budget B-2 --hard oui; expect_rc 0 "the manager makes B-2's budget hard"
before=$(entries)
keys l; type_text "2"; keys Enter                 # Thursday: 10h30 of 10
see_row -1 "son budget est strict" "past a hard budget: refused on the status line"
screen
has_text "B-2" && ok "…naming the mandate" || not_ok "mandate not named"
expect_eq "$(entries)" "$before" "…and nothing saved"
keys Escape
tui_quit
finish
