#!/usr/bin/env bash
# test_demo.sh - juste demo: the demonstration database modelled on the
# annual report 2019-2020, checked against the report's figures, for
# determinism, speed, and for never overwriting a real database.
export JUSTE_TODAY=2026-11-26
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
ME=$(id -un)

# between VALUE LOW HIGH MESSAGE (numbers, decimals allowed)
between() {
  if awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; then
    ok "$4 ($1)"
  else
    not_ok "$4 (got $1, expected $2..$3)"
  fi
}

billable_hours() {
  sql "SELECT round(coalesce(sum(e.minutes), 0) / 60.0, 2) FROM entries e JOIN mandates m ON m.id = e.mandate_id
       WHERE m.billing IN ('horaire', 'forfait') AND e.work_date BETWEEN '$1' AND '$2'"
}

# --- build ------------------------------------------------------------------
# (its speed is measured by tests/bench, not asserted here)
OUT=$("$JUSTE" demo --db "$DB" 2>"$T/stderr"); RC=$?
ERR=$(cat "$T/stderr")
expect_rc 0 "demo builds"
[ "$RC" = 0 ] || finish
expect_out "Base de démonstration : $DB" "summary names the file"
expect_out "Heures facturables 2019-2020 : 75" "summary gives 2019-2020 hours"
expect_out "(+15,0" "summary gives the growth"
expect_out "Client sans adresse" "summary names the client without address"

# --- people -----------------------------------------------------------------
expect_eq "$(sql "SELECT count(*) FROM experts WHERE function = 'professionnel'")" 47 "47 professionnels"
expect_eq "$(sql "SELECT count(*) FROM experts WHERE function = 'formateur'")" 20 "20 formateurs"
expect_eq "$(sql "SELECT count(*) FROM experts WHERE function = 'direction'")" 6 "6 directions, the invoking user among them"
expect_eq "$(sql "SELECT function || ',' || role FROM experts WHERE login = '$ME'")" "direction,admin" \
  "the invoking user is registered as admin"
expect_eq "$(sql "SELECT count(*) > 200 FROM entries e JOIN experts x ON x.id = e.expert_id WHERE x.login = '$ME'")" 1 \
  "the invoking user has a history"
expect_eq "$(sql "SELECT group_concat(role || '=' || n) FROM (SELECT role, count(*) n FROM experts GROUP BY role ORDER BY role)")" \
  "admin=2,commis=2,expert=67,gestionnaire=2" "roles: 2 commis, 2 gestionnaires, 1 admin besides the user"
expect_eq "$(sql "SELECT count(*) FROM experts WHERE started_on IS NULL OR started_on >= '2018-04-01'")" 0 \
  "everyone started before the data"
expect_eq "$(sql "SELECT count(*) > 0 FROM experts WHERE weekly_minutes < 2100 AND function = 'formateur'")" 1 \
  "some trainers work part time"

# --- organisations ----------------------------------------------------------
members=$(sql "SELECT count(*) FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien')")
between "$members" 78 86 "about 80 member organisations"
for c in membre auxiliaire soutien non_membre; do
  expect_eq "$(sql "SELECT count(*) > 0 FROM orgs WHERE category = '$c'")" 1 "organisations in category $c"
done
expect_eq "$(sql "SELECT group_concat(code) FROM (SELECT code FROM orgs WHERE full_management = 1 ORDER BY code)")" \
  "FCPQ,FQCS,MPEESAD,RCEESAD" "exactly the report's 4 members under full management"
new=$(sql "SELECT count(*) FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien')
           AND joined_on BETWEEN '2019-04-01' AND '2020-03-31'")
expect_eq "$new" 26 "26 new members in 2019-2020"
old=$(sql "SELECT count(*) FROM orgs WHERE category IN ('membre', 'auxiliaire', 'soutien') AND joined_on < '2019-04-01'")
between "$(awk -v n="$new" -v o="$old" 'BEGIN { printf "%.1f", 100 * n / o }')" 40 50 "membership grew about 45 % (%)"
between "$(sql "SELECT count(*) FROM orgs WHERE category = 'non_membre' AND parent_id IS NOT NULL")" 290 310 \
  "about 300 enterprises federated by members"
expect_eq "$(sql "SELECT count(*) FROM orgs WHERE email <> '' AND email NOT LIKE '%.example'")" 0 \
  "every e-mail is on the reserved .example domain"
expect_eq "$(sql "SELECT count(DISTINCT m.client_id) FROM mandates m JOIN orgs o ON o.id = m.client_id
                  WHERE m.billing <> 'non_facturable' AND o.address = ''")" 1 \
  "exactly one billed client has no address"

# --- mandates and programs ----------------------------------------------------
between "$(sql "SELECT count(*) FROM mandates")" 950 1050 "about 1 000 mandates"
between "$(sql "SELECT count(*) FROM services")" 10 14 "about a dozen services"
expect_eq "$(sql "SELECT group_concat(code) FROM (SELECT code FROM programs ORDER BY code)")" \
  "EPRDC,EQ,FMS,PAAPA,PAEN,PAFFC,PAGES" "the report's funding programs"
expect_eq "$(sql "SELECT count(*) FROM programs p WHERE NOT EXISTS (SELECT 1 FROM mandates m WHERE m.program_id = p.id)")" 0 \
  "every program funds some mandate"
for b in horaire forfait non_facturable; do
  expect_eq "$(sql "SELECT count(*) > 0 FROM mandates WHERE billing = '$b'")" 1 "mandates billed $b"
done
expect_eq "$(sql "SELECT count(*) FROM mandates m WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.mandate_id = m.id)
                  AND m.opened_on <= '$JUSTE_TODAY'")" 0 "every mandate open by today has time"

# --- time -----------------------------------------------------------------------
h18=$(billable_hours 2018-04-01 2019-03-31)
h19=$(billable_hours 2019-04-01 2020-03-31)
between "$h18" 64647 65953 "billable hours 2018-2019 within 1 % of 65 300"
between "$h19" 74349 75851 "billable hours 2019-2020 within 1 % of 75 100"
between "$(awk -v a="$h18" -v b="$h19" 'BEGIN { printf "%.2f", 100 * (b - a) / a }')" 14 16 "growth about 15 % (%)"
expect_eq "$(sql "SELECT count(*) > 0 FROM entries e JOIN mandates m ON m.id = e.mandate_id
                  WHERE m.billing = 'non_facturable' AND e.work_date BETWEEN '2019-04-01' AND '2020-03-31'")" 1 \
  "internal time is logged too"
between "$(sql "SELECT count(DISTINCT m.beneficiary_id) FROM entries e JOIN mandates m ON m.id = e.mandate_id
               WHERE m.billing <> 'non_facturable' AND e.work_date BETWEEN '2019-04-01' AND '2020-03-31'")" \
  285 315 "about 300 organisations served in 2019-2020"
expect_eq "$(sql "SELECT count(*) FROM entries e JOIN mandates m ON m.id = e.mandate_id JOIN orgs c ON c.id = m.client_id
                  WHERE m.billing <> 'non_facturable' AND c.category NOT IN ('membre', 'auxiliaire')
                  AND e.work_date BETWEEN '2019-04-01' AND '2020-03-31'")" 0 \
  "2019-2020: all billable work for members (100 % of operations)"
between "$(sql "SELECT count(*) FROM entries")" 100000 150000 "100 000 to 150 000 entries"
expect_eq "$(sql "SELECT max(work_date) FROM entries")" "$JUSTE_TODAY" "entries up to today"
expect_eq "$(sql "SELECT count(*) FROM entries WHERE work_date > '$JUSTE_TODAY'")" 0 "no entry after today"
expect_eq "$(sql "SELECT count(*) > 10000 FROM entries WHERE work_date >= '2026-04-01'")" 1 \
  "the current fiscal year has data"
expect_eq "$(sql "SELECT count(*) FROM entries WHERE strftime('%w', work_date) IN ('0', '6')")" 0 "nobody works weekends"
expect_eq "$(sql "SELECT count(*) FROM entries WHERE work_date IN ('2019-06-24', '2019-07-01', '2019-12-25', '2020-01-01')")" 0 \
  "nobody works on holidays"
expect_eq "$(sql "SELECT count(*) FROM entries WHERE minutes % 15 <> 0")" 0 "quarter hours"
expect_eq "$(sql "SELECT count(*) FROM entries WHERE note = ''")" 0 "every entry has a note"

# --- the CLI reads it -----------------------------------------------------------------
# Taxes follow where each client is: the Ontario network (the seed's
# Conseil de la coopération de l'Ontario and its members) pays TVH 13 %,
# everyone in Québec TPS and TVQ.
expect_eq "$(sql "select count(*) from orgs where address like '%(Ontario)%' and province is not 'ON'")" "0" \
  "every organisation with an Ontario address is in Ontario"
expect_eq "$(sql "select count(*) from orgs where province = 'ON' and address <> '' and address not like '%(Ontario)%'")" "0" \
  "…and only those"
expect_eq "$(sql "select count(*) from invoices i join orgs o on o.id = i.client_id where i.status = 'issued' and i.kind = 'invoice' and o.province = 'ON' and (i.tax_regime <> 'tvh' or i.tvq_cents <> 0)")" "0" \
  "no Ontario client is charged TVQ"
[ "$(sql "select count(*) from invoices where status = 'issued' and tax_regime = 'tvh' and tps_cents > 0")" -gt 0 ] \
  && ok "the demo bills TVH" || not_ok "no TVH invoice in the demo"
expect_eq "$(sql "select count(*) from invoices i join orgs o on o.id = i.client_id where i.status = 'issued' and o.province = 'QC' and i.tax_regime <> 'tps_tvq' and o.tax_exempt = 0")" "0" \
  "every Québec client pays TPS and TVQ"
OUT=$("$JUSTE" --db "$DB" check 2>"$T/stderr"); RC=$?; ERR=$(cat "$T/stderr")
expect_rc 0 "juste check passes on the demo"

# --- determinism: the same day gives the same records; rebuilding a demo in
# place is allowed --------------------------------------------------------------------
for k in entries mandates orgs experts; do
  "$JUSTE" --db "$DB" export "$k" >"$T/$k.1.csv" 2>/dev/null
done
OUT=$("$JUSTE" demo --db "$DB" --quiet 2>"$T/stderr"); RC=$?; ERR=$(cat "$T/stderr")
expect_rc 0 "demo rebuilds an earlier demo in place"
expect_eq "$OUT" "" "--quiet prints nothing"
for k in entries mandates orgs experts; do
  "$JUSTE" --db "$DB" export "$k" >"$T/$k.2.csv" 2>/dev/null
  if [ -s "$T/$k.1.csv" ] && cmp -s "$T/$k.1.csv" "$T/$k.2.csv"; then
    ok "deterministic: export $k identical"
  else
    not_ok "deterministic: export $k differs"
  fi
done

# --- never a real database -------------------------------------------------------------
REAL="$T/real.db"
"$JUSTE" --db "$REAL" init >/dev/null 2>&1
OUT=$("$JUSTE" demo --db "$REAL" 2>"$T/stderr"); RC=$?; ERR=$(cat "$T/stderr")
expect_rc 1 "demo refuses to overwrite a database that is not a demo"
expect_err "n'est pas une base de démonstration" "and says why"
expect_eq "$(sqlite3 "$REAL" "SELECT count(*) FROM experts")" 1 "the real database is untouched"

# --- default path -------------------------------------------------------------------------
OUT=$("$JUSTE" demo --quiet 2>"$T/stderr"); RC=$?; ERR=$(cat "$T/stderr")
expect_rc 0 "demo without --db"
[ -f "$XDG_DATA_HOME/juste/demo.db" ] && ok "default path \$XDG_DATA_HOME/juste/demo.db" \
  || not_ok "default path \$XDG_DATA_HOME/juste/demo.db missing"

finish
