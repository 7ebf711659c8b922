#!/usr/bin/env bash
# test_report_demo.sh - the annual report on the demo database lands where
# the printed report 2019-2020 does: 75 100 h (± 1 %), +15 %, 300
# enterprises, products 4 475 852 $ (± 2 %) from the invoices, the finance
# table, business development and people as the seed lists them.
export JUSTE_TODAY=2020-06-15
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"

between() {
  if awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; then
    ok "$4 ($1)"
  else
    not_ok "$4 (got $1, expected $2..$3)"
  fi
}

"$JUSTE" demo --db "$DB" --quiet >/dev/null 2>"$T/demo.err" || { not_ok "demo: $(cat "$T/demo.err")"; finish; }
ok "demo builds with its invoices"

j report annual --fy 2019-2020 --format json -o "$T/r.json"; expect_rc 0 "report of the demo"
q() { jq -r "$1" "$T/r.json"; }
between "$(q '.years[2].billable_minutes / 60')" 74349 75851 "75 100 h of service rendered"
between "$(q '.figures.hours_growth_pct')" 14.5 15.5 "+15 % hours"
between "$(q '.years[2].beneficiaries')" 297 303 "300 enterprises served"
between "$(q '.years[2].products_actual_cents / 100')" 4386335 4565369 "products 4 475 852 $ from the invoices"
expect_eq "$(q '.years[2].products_source')" invoices "products come from the invoices"
between "$(q '.years[1].products_actual_cents / 100')" 3498565 3641363 "2018-2019 products 3 569 964 $"
between "$(q '.figures.products_variance_pct')" 7 9 "variance against budget about +8 %"
expect_eq "$(q '.years[2].expenses_actual_cents'),$(q '.years[2].products_budget_cents'),$(q '.years[2].expenses_budget_cents')" \
  "440510900,414610900,410035100" "the seed's finance figures"
expect_eq "$(q '.next_year.products_budget_cents'),$(q '.next_year.expenses_budget_cents')" "395178300,387823900" \
  "next year's budget"
expect_eq "$(q '.years[1].expenses_actual_cents')" 349491600 "2018-2019 expenses"
expect_eq "$(q '.years[2].members_at_end'),$(q '.years[2].new_members')" "82,26" "82 members, 26 new"
between "$(q '.figures.members_growth_pct')" 40 50 "membership growth about 45 %"
# the seed: revenue from members +22 %, from auxiliary members +44 %
between "$(q '.figures.revenue_growth_pct.membre')" 17 27 "revenue from members grows about 22 %"
between "$(q '.figures.revenue_growth_pct.auxiliaire')" 34 54 "revenue from auxiliary members grows about 44 %"
expect_eq "$(q '.figures.operations_with_members_pct')" 100 "100 % of operations with members"
expect_eq "$(q '.people.professionnel'),$(q '.people.formateur'),$(q '.people.direction')" "47,20,6" "47 / 20 / 6 people"
between "$(q '.people.average_age')" 44 46 "average age about 45"
expect_eq "$(q '[.devaffaires[] | "\(.evenement)/\(.rencontre)"] | join(" ")')" "16/16 7/32 21/10" \
  "business development as the seed's table"
expect_eq "$(q '[.devaffaires[0].names[].name] | length')" 9 "réseaux: the 9 names the seed lists"
expect_eq "$(q '[.programs[] | select(.code == "PAAPA" or .code == "PAGES" or .code == "EQ")] | length')" 3 \
  "hours and revenue by funding program"
expect_eq "$(q '.years[2].credit_notes')" 2 "the demo's two credit notes"
expect_eq "$(q '[.years[2].billable_minutes_by_month[] | select(.billable_minutes > 0)] | length')" 12 \
  "hours in every month"
expect_eq "$(sql "SELECT count(DISTINCT period) FROM invoices WHERE status = 'issued' AND kind = 'invoice' AND period BETWEEN '2018-04' AND '2020-03'")" 24 \
  "issued invoices for every month of both years"
# the current year (today 2020-06-15): April is billed, May is left to the clerk
expect_eq "$(sql "SELECT group_concat(DISTINCT period) FROM invoices WHERE status = 'issued' AND period >= '2020-04'")" "2020-04" \
  "this year's months are billed, all but the last one"
j report annual --format json
expect_eq "$(printf '%s' "$OUT" | jq -r .fy)" "2019-2020" "without --fy: the last complete year"
# years later, with nothing logged since: still the last year that has time
OUT=$(JUSTE_TODAY=2026-11-26 "$JUSTE" --db "$DB" report annual --format json)
expect_eq "$(printf '%s' "$OUT" | jq -r .fy)" "2020-2021" "without --fy: the last year that has time logged, not an empty one"
j report annual --fy 2019-2020; expect_rc 0 "text report of the demo"
expect_out "Heures de services rendus : 75" "the text report"
finish
