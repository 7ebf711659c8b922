#!/usr/bin/env bash
# Rapport (F6): the annual report's figures with bar charts in a terminal
# of the size given as $1; ← → change the year; ASCII bars on request;
# refused to an expert (the screen is not offered).
SIZE=${1:-80x24}
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

seed_world
cat > "$T/m0.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-0,Budget 2018,FCSD,,FIN,,horaire,,,,2018-04-01,
CSV
"$JUSTE" --db "$DB" import mandates "$T/m0.csv" >/dev/null || not_ok "import M-0"
# 2018-2019: 2 h; 2019-2020: 3 h -> +50,0 %
j --as alice log --date 2019-03-29 2h M-0 "mars"; expect_rc 0 "entry 2018-2019"
j --as alice log --date 2019-04-01 1h M-1 "avril"; expect_rc 0 "entry 2019-2020"
j --as bob log --date 2020-03-31 2h M-2 "fin"; expect_rc 1 "M-2 closed in January: refused"
j --as bob log --date 2020-01-31 2h M-2 "janvier"; expect_rc 0 "entry 2019-2020 on M-2"

tui_start "$SIZE" --as gilles tui
see "F6 Rapport" "the manager has the Rapport screen"
keys F6
see "Rapport d'activités 2019-2020" "F6 opens the last complete year"
see "+50,0" "hours growth as in juste report annual"
see "█" "bars drawn with block characters"
keys Left
see "Rapport d'activités 2018-2019" "← goes to the year before"
keys Right
see "Rapport d'activités 2019-2020" "→ comes back"
keys q
see "EXIT=0" "quits cleanly"
tty_restored "terminal restored"

TUI_ENV="JUSTE_TUI_ASCII=1" tui_start "$SIZE" --as gilles tui
keys F6
see "Rapport d'activités 2019-2020" "ASCII mode opens"
see "##" "bars drawn with # in ASCII mode"
keys q
see "EXIT=0" "quits cleanly"
tty_restored "terminal restored"

tui_start "$SIZE" --as alice tui
see "F2 Ma semaine" "an expert's TUI"
screen
case "$SCREEN" in *"F6 Rapport"*) not_ok "an expert is not offered Rapport";; *) ok "an expert is not offered Rapport";; esac
tui_quit
finish
