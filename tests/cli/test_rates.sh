#!/usr/bin/env bash
# Rates (issue 3): rate tables and their immutability, valid_from
# boundaries, a table replaced mid-month, negotiated rates overriding the
# table and expiring, missing rates reported and never priced at 0, the
# rounding of minutes x rate / 60, `entries --priced`, roles, and the at-cost
# calculator checked against the seed's budget 2020-2021.
. "$SRCDIR/tests/cli/lib.sh"
R="$FIXTURES/rates"
NB=$(printf '\302\240')
# OUT with no-break spaces as spaces and runs of spaces squeezed
norm() { printf '%s' "$OUT" | sed "s/$NB/ /g" | tr -s ' '; }
expect_norm() { case "$(norm)" in *"$1"*) ok "$2";; *) not_ok "$2 (stdout lacks '$1': $(norm))";; esac; }

seed_world
# the other ten services of the sample tables, and an auxiliary member's mandate
grep -v -e '^FIN,' -e '^RH,' "$R/services.csv" > "$T/services2.csv"
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Plan de financement,COOP1,,FIN,,horaire,,,,2018-01-01,
M-4,Forfait paie,COOP1,,PAIE,,forfait,500,,,2018-01-01,
CSV
j import services "$T/services2.csv"; expect_rc 0 "the other services imported"
j import mandates "$T/mandates2.csv"; expect_rc 0 "more mandates imported"

# --- roles ------------------------------------------------------------------
j --as alice rate import "$R/table-2019-04-01.csv"
expect_rc 1 "an expert may not import a rate table"; expect_err "permission" "and is told why"
j --as gilles rate import "$R/table-2019-04-01.csv"
expect_rc 1 "nor may a manager"
j --as carole rate negotiate --mandate M-1 --rate 95 --from 2020-01-01
expect_rc 1 "a clerk may not negotiate a rate"
expect_eq "$(sql 'select count(*) from rate_tables') $(sql 'select count(*) from negotiated_rates')" "0 0" "refusals wrote nothing"

# --- bad files: the whole file or nothing -----------------------------------
bad() {   # bad NAME EXPECTED-MESSAGE < csv
  cat > "$T/$1.csv"
  j rate import "$T/$1.csv"
  expect_rc 1 "bad table refused: $1"; expect_err "$2" "message for $1 names it ('$2')"
}
{ head -3 "$R/table-2019-04-01.csv"; echo "2019-04-01,XYZ,membre,80.00"; } | bad unknown_service "unknown_service.csv:4: service inconnu 'XYZ'"
{ head -3 "$R/table-2019-04-01.csv"; echo "2019-05-01,RH,membre,80.00"; } | bad two_dates "two_dates.csv:4:"
{ head -3 "$R/table-2019-04-01.csv"; echo "2019-04-01,RH,membre,0"; } | bad zero_rate "zero_rate.csv:4:"
{ head -3 "$R/table-2019-04-01.csv"; echo "2019-04-01,FIN,membre,81.00"; } | bad duplicate "duplicate.csv:4:"
{ head -3 "$R/table-2019-04-01.csv"; echo "2019-04-01,RH,membres,81.00"; } | bad category "category.csv:4: catégorie inconnue 'membres'"
printf 'valid_from,service,category\n2019-04-01,FIN,membre\n' | bad missing_column "rate"
expect_eq "$(sql 'select count(*) from rate_tables') $(sql 'select count(*) from rate_rows')" "0 0" "bad files left nothing behind"

# --- tables -----------------------------------------------------------------
j rate import "$R/table-2018-04-01.csv" --name "Taux 2018-2019"; expect_rc 0 "table 2018-04-01 imported"
expect_num "48 taux" "with its 48 rates"
j rate import "$R/table-2019-04-01.csv" --name "Taux 2019-2020"; expect_rc 0 "table 2019-04-01 imported"
j rate import "$R/table-2019-04-01.csv" --name "Encore"
expect_rc 1 "a second table on the same date is refused"; expect_err "--correction" "and the way to correct is named"
j --as carole rate list --at 2019-06-01
expect_rc 0 "any role lists the tables"
expect_out "* 2019-04-01      48  Taux 2019-2020" "the table in force is marked"

# immutable: the schema itself refuses any change
sqlite3 "$DB" "update rate_rows set rate_cents = 1" 2>"$T/e" && not_ok "a rate row was updated" \
  || { grep -q "never changed" "$T/e" && ok "updating a rate row is refused by the schema" || not_ok "update refusal: $(cat "$T/e")"; }
sqlite3 "$DB" "delete from rate_tables" 2>"$T/e" && not_ok "a rate table was deleted" \
  || { grep -q "never changed" "$T/e" && ok "deleting a table is refused by the schema" || not_ok "delete refusal: $(cat "$T/e")"; }
# (with the audit functions defined, so that only the seal can refuse it)
python3 - "$DB" 2>"$T/e" <<'PY' && not_ok "a row was added to a sealed table" || { grep -q "never changed" "$T/e" && ok "a sealed table takes no new row" || not_ok "insert refusal: $(cat "$T/e")"; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.create_function("juste_actor", 0, lambda: "test")
db.create_function("juste_as", 0, lambda: None)
db.execute("insert into rate_rows(table_id, service_id, category, rate_cents) select 1, id, 'membre', 1 from services where code = 'FIN'")
db.commit()
PY
expect_eq "$(sql "select count(*) from audit where entity = 'rate'")" "$((2 * 48 + 2 + 2))" "tables and rows are audited"

# --- show and explain -------------------------------------------------------
j --as alice rate show --at 2019-06-01
expect_rc 0 "an expert reads the table"
expect_norm "FIN 78,00 \$ 82,00 \$ 86,00 \$ 90,00 \$" "show prints the grid"
j rate show --at 2019-06-01 --format csv
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "valid_from,service,category,rate" "show csv has the import's columns"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | sort | md5sum)" "$(tail -n +2 "$R/table-2019-04-01.csv" | sort | md5sum)" "show csv gives back the imported file"
j rate show --at 2019-06-01 --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["valid_from"] == "2019-04-01" and len(d["rows"]) == 48 and all(r["rate_cents"] > 0 for r in d["rows"])' \
  && ok "show json is valid" || not_ok "show json: $OUT"
j rate show --at 2018-03-31
expect_rc 1 "no table before the first one"

j --as alice rate explain --mandate M-3 --date 2019-04-01
expect_rc 0 "explain for any role"
expect_out "Taux : table 2019-04-01, service FIN, catégorie auxiliaire → 82,00${NB}\$/h" "explain names the rule (auxiliary member, FIN)"
expect_out "client COOP1 (catégorie auxiliaire)" "explain names the client and its category"

# --- valid_from boundaries, via explain and priced entries -----------------
rate_at() { "$JUSTE" --db "$DB" rate explain --mandate "$1" --date "$2" 2>/dev/null | sed -n 's/^Taux : .*→ \(.*\)$/\1/p' | tr -d "$NB"; }
expect_eq "$(rate_at M-1 2019-03-31)" "76,00\$/h" "the day before valid_from: the old table"
expect_eq "$(rate_at M-1 2019-04-01)" "78,00\$/h" "the day of valid_from: the new table"
expect_eq "$(rate_at M-1 2019-04-02)" "78,00\$/h" "the day after valid_from: the new table"

# --- a table replaced mid-month (FIN only: RH then has no rate) ------------
printf 'valid_from,service,category,rate\n2020-03-16,FIN,membre,80.00\n2020-03-16,FIN,auxiliaire,84.00\n' > "$T/mid.csv"
j rate import "$T/mid.csv" --name "Taux mi-mars"; expect_rc 0 "a table from the middle of March"
j --as bob log --date 2020-03-13 1h M-1; j --as bob log --date 2020-03-16 1h M-1
j --as carole entries --from 2020-03-01 --to 2020-03-31 --mandate M-1 --priced --format csv
expect_rc 0 "entries --priced"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "id,uuid,date,expert,mandate,client,billing,minutes,note,rate,amount,rule" "priced csv columns (money in dollars in CSV)"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f3,10,11,12 | tr '\n' ' ')" \
  "2020-03-13,78.00,78.00,table:2019-04-01 2020-03-16,80.00,80.00,table:2020-03-16 " "before and from the 16th of March"

# --- missing rate: reported, never priced at 0 -----------------------------
# M-2 (RH) closed on 2020-01-31: log on its last days instead
j --as bob log --date 2020-01-31 45m M-2; expect_rc 0 "an RH entry"
j --as carole rate check --from 2020-01-01 --to 2020-03-31
expect_rc 0 "every entry has a rate so far"
printf 'valid_from,service,category,rate\n2020-01-31,FIN,membre,79.00\n' > "$T/jan.csv"
j rate import "$T/jan.csv"; expect_rc 0 "a FIN-only table from 2020-01-31"
j --as carole rate check --from 2020-01-01 --to 2020-03-31
expect_rc 1 "rate check fails when an entry has no rate"
expect_out "bob  M-2" "it names the expert and the mandate"
expect_out "2020-01-31" "and the date"
expect_err "sans taux" "the error says entries lack a rate"
j --as carole rate check --from 2020-01-01 --to 2020-03-31 --format csv
expect_rc 1 "rate check csv: still exit 1 with an entry without a rate"
rh=$(sql "select id from entries where work_date = '2020-01-31' and minutes = 45")
expect_eq "$OUT" "entry_id,date,expert,mandate,reason
$rh,2020-01-31,bob,M-2,$(printf '%s\n' "$OUT" | tail -1 | cut -d, -f5-)" "rate check csv: a row per entry without a rate, nothing else"
expect_out "$rh,2020-01-31,bob,M-2,\"" "…with the reason"
expect_err "sans taux" "…the counts on stderr"
j --as carole rate check --from 2020-01-01 --to 2020-03-31 --format json
expect_rc 1 "rate check json: exit 1 too"
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["unpriced_entries"] == 1 and d["priced_entries"] >= 1 and isinstance(d["amount_cents"], int), d
assert d["from"] == "2020-01-01" and d["to"] == "2020-03-31", d
(u,) = d["unpriced"]
assert (u["entry_id"], u["date"], u["expert"], u["mandate"]) == ('"$rh"', "2020-01-31", "bob", "M-2") and u["reason"], u' \
  && ok "rate check json: the counts, the amount in cents and the entry without a rate" || not_ok "rate check json: $OUT"
j --as carole rate check --format bogus; expect_rc 2 "rate check --format bogus: a usage error"
j --as alice rate check
expect_rc 1 "an expert may not run the check"; expect_err "permission" "refusal says permission"
j --as alice rate check --format csv
expect_rc 1 "…in CSV either"; expect_eq "$OUT" "" "…and nothing is printed before the refusal"
j --as carole entries --from 2020-01-31 --to 2020-01-31 --priced --format json
expect_rc 1 "entries --priced fails on an unpriced entry"
printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin)
rh=[r for r in d if r["mandate"]=="M-2"][0]
assert rh["amount_cents"] is None and rh["rate_cents"] is None and rh["rule"] == "none", rh' \
  && ok "the unpriced entry has no amount (null, never 0)" || not_ok "unpriced json: $OUT"
j rate explain --mandate M-2 --date 2020-01-31
expect_rc 1 "explain with no rate is an error"
expect_out "aucune ligne pour le service RH" "and says the table lacks the row"
j rate explain --mandate M-2 --date 2020-01-31 --format json
expect_rc 1 "explain json with no rate: exit 1 too"
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["rate_cents"] is None and d["rule"] is None and "M-2" in d["reason"], d
assert [(r["rule"], r["status"]) for r in d["rules"]] == [("mandate", "none"), ("org_service", "none"), ("table", "none")], d' \
  && ok "explain json without a rate: null, and why" || not_ok "explain json: $OUT"

# --- negotiated: overriding the table, then expiring -----------------------
j rate negotiate --org FCSD --service FIN --rate 90,00 --from 2020-02-01 --to 2020-02-29
expect_rc 0 "organisation + service negotiated rate"
j rate negotiate --mandate M-1 --rate 95.00 --from 2020-02-10 --to 2020-02-20
expect_rc 0 "mandate negotiated rate"
j rate negotiate --mandate M-1 --rate 0 --from 2020-04-01
expect_rc 1 "a rate of 0 is refused"
j rate negotiate --mandate M-1 --rate 95 --from 2020-04-10 --to 2020-04-01
expect_rc 1 "--to before --from is refused"
j rate negotiate --mandate M-404 --rate 95 --from 2020-04-01
expect_rc 1 "unknown mandate refused"; expect_err "M-404" "and named"
expect_eq "$(rate_at M-1 2020-01-31)" "79,00\$/h" "before the negotiation: the table"
expect_eq "$(rate_at M-1 2020-02-03)" "90,00\$/h" "the organisation's rate overrides the table"
expect_eq "$(rate_at M-1 2020-02-10)" "95,00\$/h" "the mandate's rate overrides the organisation's"
expect_eq "$(rate_at M-1 2020-02-20)" "95,00\$/h" "up to its last day, inclusive"
expect_eq "$(rate_at M-1 2020-02-21)" "90,00\$/h" "then the organisation's again"
expect_eq "$(rate_at M-1 2020-03-02)" "79,00\$/h" "both expired: the table again"
j rate explain --mandate M-1 --date 2020-03-02
expect_out "terminé le 2020-02-20" "explain says the mandate's rate ended"
j rate explain --mandate M-1 --date 2020-02-15
expect_out "Taux : taux négocié du mandat M-1" "explain names the negotiated rule"
expect_out "(moins précis : ignoré)" "and shows the less specific rule it overrode"
j rate explain --mandate M-1 --date 2020-02-15 --format json
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert (d["rule"], d["rate_cents"], d["mandate"], d["client"], d["service"]) == ("mandate", 9500, "M-1", "FCSD", "FIN"), d
st = [(r["rule"], r["status"], r["rate_cents"]) for r in d["rules"]]
assert st == [("mandate", "applied", 9500), ("org_service", "overridden", 9000), ("table", "overridden", 7900)], st
assert d["rules"][0]["valid_to"] == "2020-02-20", d' \
  && ok "explain json: each rule, applied or overridden, rates in cents" || not_ok "explain json: $OUT"
j rate explain --mandate M-1 --date 2020-03-02 --format csv
expect_eq "$(printf '%s\n' "$OUT" | cut -d, -f7-10 | tr '\n' ' ')" "rule,status,rate,valid_from mandate,ended,95.00,2020-02-10 org_service,ended,90.00,2020-02-01 table,applied,79.00,2020-01-31 " \
  "explain csv: a row per rule, the rates in dollars"
j rate list --at 2020-02-25
expect_out "terminé" "list shows the mandate's rate as ended"
expect_out "en vigueur" "and the organisation's as in force"

# --- rounding: 7 minutes at 95,00 $ = 11,08 $ ------------------------------
j --as alice log --date 2020-02-12 7m M-1 "Appel"; expect_rc 0 "7 minutes logged"
j --as carole entries --from 2020-02-12 --to 2020-02-12 --mandate M-1 --priced --format csv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f8,10,11,12)" "7,95.00,11.08,mandate:2020-02-10" "7 min x 95,00 \$ = 11,08 \$ (half up at the cent)"
j --as carole entries --from 2020-02-12 --to 2020-02-12 --mandate M-1 --priced
expect_out "11,08${NB}\$" "the table shows the amount"
expect_out "négocié mandat" "and the rule"
# non-hourly entries carry no price
j --as bob log --date 2020-02-12 1h M-4; j --as bob log --date 2020-02-12 1h INT
j --as carole entries --from 2020-02-12 --to 2020-02-12 --priced --format json
printf '%s' "$OUT" | python3 -c '
import json,sys
d={r["mandate"]: r for r in json.load(sys.stdin)}
assert d["M-4"]["amount_cents"] is None and d["M-4"]["rule"] is None
assert d["INT"]["amount_cents"] is None
assert d["M-1"]["amount_cents"] == 1108' && ok "fixed-fee and internal entries are not priced by the hour" || not_ok "priced json: $OUT"

# --- the at-cost calculator, against the seed's budget 2020-2021 ----------
j --as alice cost import "$R/cost-2020-2021.csv"
expect_rc 1 "an expert may not enter cost inputs"
j --as gilles cost import "$R/cost-2020-2021.csv"
expect_rc 0 "the manager enters the cost inputs"
expect_norm "frais généraux 503 519,00 \$" "overhead rows add up"
j --as gilles rate propose --fy 2020-2021 --format json
expect_rc 0 "the manager asks for a proposal"
printf '%s' "$OUT" > "$T/p.json"
python3 - "$T/p.json" <<'PY' && ok "proposal: expenses 3 878 239 \$, surplus 71 564 \$, products needed = expenses + surplus, rounding reported" || not_ok "proposal arithmetic: $(cat "$T/p.json")"
import json, sys
d = json.load(open(sys.argv[1]))
# durations are in minutes: the planned hours are whole hours
for x in [d] + d["levels"]:
    assert x["billable_minutes"] % 60 == 0
    x["hours"] = x["billable_minutes"] // 60
assert d["expenses_cents"] == 387823900, d["expenses_cents"]
assert d["planned_surplus_cents"] == 7156400
assert d["needed_cents"] == 387823900 + 7156400 == 394980300
# products at the planned hours are rate x hours, summed, to the cent
assert d["products_cents"] == sum(l["rate_cents"] * l["hours"] for l in d["levels"])
assert d["hours"] == sum(l["hours"] for l in d["levels"]) == 50600
# and differ from what is needed only by the rounding of each rate to the cent
assert d["rounding_cents"] == d["products_cents"] - d["needed_cents"]
assert abs(d["rounding_cents"]) * 2 <= d["hours"]
assert d["surplus_cents"] == d["products_cents"] - d["expenses_cents"]
for l in d["levels"]:
    # rate = (loaded + overhead share + surplus share) / hours, half up
    assert l["cost_cents"] == l["loaded_cents"] + l["overhead_cents"] + l["surplus_cents"]
    assert l["rate_cents"] == (2 * l["cost_cents"] + l["hours"]) // (2 * l["hours"])
assert sum(l["overhead_cents"] for l in d["levels"]) == d["overhead_cents"]
assert sum(l["surplus_cents"] for l in d["levels"]) == 7156400
assert len(d["changes"]) == 48
fin = [c for c in d["changes"] if c["service"] == "FIN" and c["category"] == "membre"][0]
num = (fin["new_rate_cents"] - 8000) * 10000   # hundredths of a percent, half away from zero
assert fin["change_bp"] == (1 if num >= 0 else -1) * ((2 * abs(num) + 8000) // 16000), fin
assert fin["old_rate_cents"] == 8000 and fin["new_rate_cents"] == [l for l in d["levels"] if "FIN" in l["services"]][0]["rate_cents"]
PY
j --as gilles rate propose --fy 2020-2021
expect_norm "Charges 3 878 239,00 \$" "table: expenses"
expect_norm "Excédent prévu 71 564,00 \$" "table: planned surplus"
expect_norm "Produits requis (charges + excédent) 3 949 803,00 \$" "table: products needed"
expect_norm "Écart d'arrondi des taux au cent" "table: the rounding difference is shown"
# The seed's 2020-2021 column reads 3 951 783 $ of products for 3 878 239 $
# of expenses, i.e. a surplus of 73 544 $, not the 71 564 $ printed under
# it.  With that surplus the products needed are the seed's, to the dollar.
sed 's/,71564.00$/,73544.00/' "$R/cost-2020-2021.csv" > "$T/cost-seed-products.csv"
j --as gilles cost import "$T/cost-seed-products.csv"; expect_rc 0 "re-import replaces the year's inputs"
j --as gilles rate propose --fy 2020-2021 --format json
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["needed_cents"], d["products_cents"] - d["rounding_cents"])')" \
  "395178300 395178300" "products at the planned hours = 3 951 783 \$ (before the reported rounding)"
j --as gilles cost import "$R/cost-2020-2021.csv"; expect_rc 0 "back to the printed surplus"

# adoption: admin only, from a date
j --as gilles rate propose --fy 2020-2021 --adopt --from 2020-04-01
expect_rc 1 "a manager may not adopt"
j rate propose --fy 2020-2021 --adopt
expect_rc 2 "--adopt needs --from"
j rate propose --fy 2020-2021 --adopt --from 2020-04-01
expect_rc 0 "the admin adopts the proposal"
expect_num "48 taux" "a table of 48 rates"
fin=$(printf '%s' "$(sql "select rate_cents from rate_rows r join rate_tables t on t.id = r.table_id join services s on s.id = r.service_id where t.valid_from = '2020-04-01' and s.code = 'FIN' and r.category = 'membre'")")
j --as gilles rate propose --fy 2020-2021 --format json
expect_eq "$fin" "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print([l for l in json.load(sys.stdin)["levels"] if "FIN" in l["services"]][0]["rate_cents"])')" "the adopted FIN rate is the proposed one"
expect_eq "$(rate_at M-3 2020-04-01 | tr -d ' ')" "$(printf '%s' "$fin" | sed 's/\(..\)$/,\1/')\$/h" "and prices from its first day"
j rate propose --fy 2020-2021 --adopt --from 2020-04-01
expect_rc 1 "adopting twice on the same date is refused"

# a correction is a new table, which then prices that date in its stead
printf 'valid_from,service,category,rate\n2020-04-01,FIN,membre,76.00\n' > "$T/fix.csv"
j rate import "$T/fix.csv"
expect_rc 1 "a table on the adopted table's date needs --correction"
j rate import "$T/fix.csv" --correction; expect_rc 0 "a correcting table"
j rate import "$T/fix.csv" --correction; expect_rc 0 "and a second one"
expect_eq "$(sql "select name from rate_tables where valid_from = '2020-04-01' order by id" | tr '\n' '|')" \
  "Juste coût 2020-2021 (adoptée le 2020-04-01)|Taux 2020-04-01|Taux 2020-04-01 (2)|" "default names stay unique"
expect_eq "$(rate_at M-1 2020-04-02)" "76,00\$/h" "the newest table of that date prices it"
expect_eq "$(rate_at M-3 2020-04-02)" "" "and what it lacks has no rate (never an older table's)"
expect_eq "$(sql "select count(*) from rate_rows r join rate_tables t on t.id = r.table_id where t.name like 'Juste%'")" "48" "the adopted table itself is unchanged"
j rate propose --fy 2021-2022
expect_rc 1 "no inputs for that year"; expect_err "cost import" "the message says how to enter them"

# bad cost file: named line, nothing changed
printf 'fy,item,code,services,headcount,salary_mass,benefits_rate,hours_per_expert,amount\n2020-2021,level,a,FIN,2,1000,20,1000,\n2020-2021,level,b,FIN,1,1000,20,1000,\n2020-2021,surplus,,,,,,,10\n' > "$T/cost_bad.csv"
j --as gilles cost import "$T/cost_bad.csv"
expect_rc 1 "a service in two levels is refused"; expect_err "cost_bad.csv:3:" "the line is named"
expect_eq "$(sql 'select count(*) from cost_levels')" "4" "and the inputs are unchanged"

finish
