#!/usr/bin/env bash
# Rapport (F6): the annual report's figures with bar charts in a terminal
# of the size given as $1; ← → change the year; ASCII bars on request;
# refused to an expert (the screen is not offered).
SIZE=${1:-80x24}
export JUSTE_TODAY=2020-06-15
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
NB=$(printf '\302\240')   # the no-break space of French figures

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
# March 2019 invoiced on April 2 (2 h x 100 $, revenue of 2018-2019), April
# 2019 (1 h x 100 $); the audited 150 $ entered for 2019-2020: the screen
# shows the entered figure and a reconciliation of 50 $, as the CLI does.
printf 'valid_from,service,category,rate\n2018-04-01,FIN,membre,100.00\n2018-04-01,RH,membre,100.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
j invoice issue 2019-03 --date 2019-04-02; expect_rc 0 "issue 2019-03 in April"
j invoice issue 2019-04 --date 2019-05-01; expect_rc 0 "issue 2019-04"
j finance set --fy 2019-2020 --actual-products 150.00; expect_rc 0 "audited products entered"

tui_start "$SIZE" --as gilles tui
see "F6 Rapport" "the manager has the Rapport screen"
keys F6
see "Rapport d'activités 2019-2020" "F6 opens the last complete year"
see "+50,0" "hours growth as in juste report annual"
# page down (each page waited for) until the financial section shows
REC="Rapprochement 2019-2020"
screen
for _ in 1 2 3 4 5 6; do
  has_text "$REC" && break
  before=$SCREEN
  keys NPage
  wait_until "the next page" eval '[ "$SCREEN" != "$before" ]' || break
done
see "Rapprochement 2019-2020 : écart 50,00${NB}\$ (audités moins factures)" \
  "the screen shows the reconciliation of the entered products"
see "produits audités 150,00${NB}\$ ; factures des périodes 100,00${NB}\$" "and both figures"
see "2018-2019 réel 200${NB}\$" "March 2019 invoiced in April counts in 2018-2019"
keys Home
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
