#!/usr/bin/env bash
# The centre's policy in the database: juste settings (roles, validation,
# audit, dated tax rates applied by issue date), and the one-time import of
# an old juste.ini's policy sections.
export JUSTE_TODAY=${JUSTE_TODAY:-2020-04-02}
. "$SRCDIR/tests/cli/lib.sh"

# --- the one-time import of an old juste.ini -----------------------------
mkdir -p "$XDG_CONFIG_HOME/juste"
cat > "$XDG_CONFIG_HOME/juste/juste.ini" <<'INI'
[centre]
name = Centre d'essai
tps_number = 111111111RT0001
[taxes]
tps_rate = 6
[invoice]
number_pattern = FA{year}-{seq:3}
payment_days = 45
INI
"$JUSTE" --db "$DB" init >/dev/null 2>"$T/init.err"
grep -q "sont maintenant la politique du centre" "$T/init.err" && ok "init imports an old juste.ini's policy, and says so" \
  || not_ok "init notice: $(cat "$T/init.err")"
rm -f "$DB"*
seed_world --example-identity
j settings show --format csv
expect_rc 0 "settings show"
expect_out "centre.name,,Centre d'essai,0" "the old file's name became the database's"
expect_out "taxes.tps_rate,,6,0" "…its TPS rate"
expect_out "invoice.number_pattern,,FA{year}-{seq:3},0" "…its numbering"
expect_out "taxes.tvq_rate,,9.975,1" "a key the file did not have keeps its default"
expect_eq "$(sql "select source from policy_import")" "$XDG_CONFIG_HOME/juste/juste.ini" "the import names its file"
expect_eq "$(sql "select count(*) from audit where entity = 'setting' and action = 'insert'")" "5" "each imported value is audited"
sed -i 's/tps_rate = 6/tps_rate = 7/' "$XDG_CONFIG_HOME/juste/juste.ini"
j settings show --format csv
expect_out "taxes.tps_rate,,6,0" "the file is imported once: a later change to it changes nothing"
expect_err "ne sont plus lues" "…and juste says the file's policy keys are no longer read"
printf '[taxes]\ntps_rate = cinq\n' > "$XDG_CONFIG_HOME/juste/juste.ini"
j settings show; expect_rc 1 "an old key with a bad value is still reported"
expect_err "juste.ini: [taxes] tps_rate:" "…naming file, section and key"
rm "$XDG_CONFIG_HOME/juste/juste.ini"
j settings show; expect_rc 0 "without the file, the database's policy stands"
expect_err "" "…and nothing is noted"

# --- setting it ----------------------------------------------------------
j --as alice settings set taxes.tps_rate 5; expect_rc 1 "an expert may not change the policy"
expect_err "permission refusée" "…it says so"
j --as carole settings set taxes.tps_rate 5; expect_rc 1 "nor may the clerk"
j --as alice settings show; expect_rc 0 "anyone may read it"
j settings set taxes.tps_rate 5; expect_rc 0 "the admin sets the TPS rate back to 5 %"
j settings set centre.tps_number 12345RT0001; expect_rc 1 "a malformed TPS number is refused"
expect_err "centre.tps_number" "…naming the key"
j settings set invoice.number_pattern 'F-{seq:4}'; expect_rc 1 "a pattern without {year} is refused (the sequence restarts each year)"
j settings set invoice.payment_days 400; expect_rc 1 "payment days out of range"
j settings set centre.nom X; expect_rc 1 "an unknown key is refused"
expect_err "réglage inconnu" "…as unknown"
j settings set centre.name X --from 2020-01-01; expect_rc 1 "an undated key takes no --from"
j settings set invoice.number_pattern 'F{year}-{seq:4}'; expect_rc 0 "the default numbering again"
j settings set centre.address 'Ligne 1\nLigne 2'; expect_rc 0 "an address with a line break"
expect_eq "$(sql "select value from settings where key = 'centre.address'")" 'Ligne 1
Ligne 2' "stored with a real line break"
j settings show; expect_out 'Ligne 1\nLigne 2' "…shown on one line as it is typed"
j settings show --format json
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print([r["value"] for r in json.load(sys.stdin) if r["key"] == "centre.address"][0])')" \
  "Ligne 1
Ligne 2" "…read as two lines"
j settings set invoice.payment_days 30; expect_rc 0 "thirty days"
j audit --entity setting; expect_rc 0 "the changes are in the audit log"
expect_out "invoice.payment_days" "…each key named"

# --- a dated TPS rate applies by issue date -------------------------------
j settings set centre.tvq_number 2222222222TQ0001; expect_rc 0 "the centre's own TVQ number (the old file had its TPS number)"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,100.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "a rate table"
j --as alice log --date 2020-03-02 1h M-1 "Mars"
j --as alice log --date 2020-04-01 2h M-1 "Avril"
j settings set taxes.tps_rate 7 --from 2020-05-01; expect_rc 0 "a new TPS rate from May 1st"
j settings show --at 2020-04-30 --format csv; expect_out "taxes.tps_rate,2020-05-01,7,0" "the dated row is listed"
j settings show --at 2020-05-01; expect_out "2020-05-01 * 7" "…and marked in force from that day"
JUSTE_TODAY=2020-06-15 j --as carole invoice issue 2020-03 --date 2020-04-30; expect_rc 0 "March issued on April 30"
expect_eq "$(sql "select tps_rate || ' ' || tps_cents from invoices where number = 'F2020-0001'")" "5000 500" \
  "issued before the change: 5 % (5,00 \$ on 100,00 \$)"
JUSTE_TODAY=2020-06-15 j --as carole invoice issue 2020-04 --date 2020-05-01; expect_rc 0 "April issued on May 1st"
expect_eq "$(sql "select tps_rate || ' ' || tps_cents from invoices where number = 'F2020-0002'")" "7000 1400" \
  "issued on the day of the change: 7 % (14,00 \$ on 200,00 \$)"
j settings unset taxes.tps_rate --from 2020-05-01; expect_rc 0 "the dated rate removed"
expect_eq "$(sql "select tps_rate from invoices where number = 'F2020-0002'")" "7000" "an issued invoice keeps its copied rate"
j settings unset taxes.tps_rate --from 2020-05-01; expect_rc 1 "removing it twice: not found"

# --- the policy lives in the database, not in a user's file ----------------
printf '[taxes]\ntps_rate = 20\n[invoice]\nnumber_pattern = X{year}-{seq}\n' > "$T/mine.ini"
j --as bob log --date 2020-05-04 1h M-1 "Mai"
JUSTE_TODAY=2020-06-15 "$JUSTE" --config "$T/mine.ini" --db "$DB" --as carole invoice issue 2020-05 --date 2020-06-01 >/dev/null 2>"$T/e"
expect_eq "$(sql "select number || ' ' || tps_rate from invoices where period = '2020-05' and status = 'issued'")" \
  "F2020-0003 5000" "a juste.ini with other rates and numbering changes nothing on an invoice"
grep -q "ne sont plus lues" "$T/e" && ok "…and juste says so" || not_ok "no notice: $(cat "$T/e")"
finish
