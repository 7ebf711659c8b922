#!/usr/bin/env bash
# The mandate picker of Ma semaine (n) offers only the mandates the expert
# may log on: a mandate with a team to its members, one without a team to
# everyone (the rule juste log meets).  Terminal of the size given as $1.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
seed_world
cat > "$T/more.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-7,Mandat d'équipe,FCSD,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/more.csv"; expect_rc 0 "one more mandate"
j --as gilles mandate assign M-1 bob; expect_rc 0 "M-1's team: bob alone"
j --as gilles mandate assign M-7 alice bob; expect_rc 0 "M-7's team: alice and bob"
j --as alice log --date 2020-03-16 1h M-1; expect_rc 1 "alice may not log on M-1"

picker_of() {
  tui_start "$SIZE" --as "$1" tui
  see "Semaine du 2020-03-16" "Ma semaine of $1"
  keys n
  see "Ajouter un mandat" "the picker of $1"
  wait_until "the picker's count" has_text " / "
}

picker_of alice
case "$SCREEN" in *"INT "*) ok "a mandate without a team is offered";; *) not_ok "INT missing: $SCREEN";; esac
case "$SCREEN" in *"M-7 "*) ok "a team alice is on is offered";; *) not_ok "M-7 missing: $SCREEN";; esac
case "$SCREEN" in *"M-1 "*) not_ok "M-1 (bob's team) is offered to alice";; *) ok "a team alice is not on is not offered";; esac
type_text "budget"
see "0 / 2" "searching for it finds nothing: two mandates offered in all (INT, M-7)"
keys Escape
tui_quit

picker_of bob
case "$SCREEN" in *"M-1 "*) ok "bob, on its team, is offered M-1";; *) not_ok "M-1 missing for bob: $SCREEN";; esac
keys Escape
tui_quit
finish
