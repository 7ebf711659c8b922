#!/usr/bin/env bash
# juste check against someone who holds the database file: each attack is
# made by hand with sqlite3 on a copy of a sound database (dropping the
# triggers in the way and putting them back exactly as they were, as a
# careful attacker would), and check must exit 1 naming exactly that
# problem: the schema against the one the binary carries, gapless
# numbering, invoice and credit-note amounts, credits beyond their
# invoice, holes in the audit journals.
export JUSTE_TODAY=${JUSTE_TODAY:-2020-04-02}
. "$SRCDIR/tests/cli/lib.sh"
seed_world
nb() { sed 's/\xc2\xa0/ /g'; }   # NBSP -> space, to compare amounts

# --- a sound world: invoices, an exempt client, partial and full credits ---
cat > "$T/orgs2.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
EXO,Coopérative exonérée,membre,,0,1,2015-01-01,,exo@exo.coop,"3 rue du Fisc, Québec"
CSV
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,
M-4,Budget exonéré,EXO,,FIN,,horaire,,,,2019-04-01,
F-1,Tenue de livres mensuelle,FCSD,,FIN,,forfait,450.00,,,2019-04-01,
CSV
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
CSV
j import orgs "$T/orgs2.csv"; expect_rc 0 "exempt organisation"
j import mandates "$T/mandates2.csv"; expect_rc 0 "mandates"
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
log() { j --as "$1" log --date "$2" "$3" "$4" "$5"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log alice 2020-03-02 1h30 M-1 "Préparation du budget"
log bob   2020-03-03 7m   M-1 "Appel"
log alice 2020-03-05 20m  M-3 "Rencontre"
log bob   2020-03-05 2h   M-3 "Atelier"
log alice 2020-03-06 1h   M-4 "Budget exonéré"
log alice 2020-03-10 2h   F-1 "Écritures du mois"
j --as gilles month close 2020-01; expect_rc 0 "a month closed (month_log)"
j --as gilles month reopen 2020-01; expect_rc 0 "and reopened"
j --as gilles finance set --fy 2019-2020 --budget-products 1000.00; expect_rc 0 "a finance figure (report_audit)"
j --as carole invoice issue 2020-03; expect_rc 0 "March issued"

num() { sql "select i.number from invoices i join orgs o on o.id = i.client_id
             where o.code = '$1' and i.kind = 'invoice' and i.status = 'issued'"; }
FCSD=$(num FCSD); COOP=$(num COOP1); EXO=$(num EXO)
expect_eq "$(printf '%s\n' "$FCSD" "$COOP" "$EXO" | sort | tr '\n' ' ')" "F2020-0001 F2020-0002 F2020-0003 " \
  "three invoices numbered 1 to 3"
j --as carole invoice credit "$FCSD" --reason "Remise" --amount 100.00; expect_rc 0 "a partial credit"
j --as carole invoice credit "$FCSD" --reason "Facturé par erreur"; expect_rc 0 "then a full credit of the rest"
j --as carole invoice credit "$COOP" --reason "Geste commercial" --amount 10.00; expect_rc 0 "a partial credit on another"
NC_FULL=$(sql "select number from invoices where kind = 'credit' and credit_full = 1")
NC_COOP=$(sql "select c.number from invoices c join invoices i on i.id = c.credited_id where i.number = '$COOP'")
expect_eq "$(sql "select count(*) from invoices where kind = 'credit' and status = 'issued'")" "3" "three credit notes"
expect_eq "$(sql "select count(*) from month_log") $(sql "select count(*) from report_audit")" "2 1" \
  "the month and finance journals have rows"
j --as carole invoice show "$EXO" --format json
expect_out '"tps_cents": 0' "the exempt invoice has no tax"

j check
expect_rc 0 "the sound database passes"
expect_out "Aucun problème" "and check says so"

# --- the attacker's tools ----------------------------------------------------
# attack "TABLES" "SQL": a fresh copy of the database in $T/copy.db, then
# attack_copy.  attack_copy "TABLES" "SQL": every trigger on TABLES dropped
# (the locks, and the audit triggers a raw shell cannot run without
# juste_actor()), SQL run, the triggers put back with their exact text.
attack() {
  rm -f "$T/copy.db"*
  sqlite3 "$DB" ".backup '$T/copy.db'" || not_ok "copy the database"
  attack_copy "$@"
}
attack_copy() {
  local drop="" back="" t name
  for t in $1; do
    for name in $(sqlite3 "$T/copy.db" "select name from sqlite_schema where type = 'trigger' and tbl_name = '$t'"); do
      drop="${drop}DROP TRIGGER $name;"
      back="${back}$(sqlite3 "$T/copy.db" "select sql from sqlite_schema where type = 'trigger' and name = '$name'");"
    done
  done
  sqlite3 "$T/copy.db" "BEGIN; $drop $2; $back COMMIT;" 2>"$T/attack.err" \
    || not_ok "the attack itself failed: $(cat "$T/attack.err")"
}
# expect_findings LABEL LINE... : check on the copy exits 1 and prints
# exactly these lines (amounts with plain spaces).
expect_findings() {
  local label=$1; shift
  OUT=$("$JUSTE" --db "$T/copy.db" check 2>"$T/stderr"); RC=$?
  ERR=$(cat "$T/stderr")
  expect_rc 1 "$label: check fails"
  expect_eq "$(printf '%s\n' "$OUT" | nb)" "$(printf '%s\n' "$@")" "$label: check names it"
  expect_err "$# problème(s)" "$label: and counts it"
}

# --- the schema against the one the binary carries --------------------------
attack "" "DROP TRIGGER invoices_issued_update"
expect_findings "a lock trigger dropped" "schéma : déclencheur « invoices_issued_update » absent"

attack "" "CREATE TRIGGER audit_silence BEFORE INSERT ON audit BEGIN SELECT RAISE(IGNORE); END"
expect_findings "a trigger added" "schéma : déclencheur « audit_silence » inconnu de juste"

attack "" "DROP TRIGGER invoices_issued_delete;
  CREATE TRIGGER invoices_issued_delete BEFORE DELETE ON invoices WHEN 0 BEGIN SELECT 1; END"
expect_findings "a trigger rewritten under its own name" "schéma : déclencheur « invoices_issued_delete » modifié"

attack "" "PRAGMA writable_schema = ON;
  UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (total_cents = subtotal_cents + tps_cents + tvq_cents),', '')
  WHERE name = 'invoices'"
expect_eq "$(sqlite3 "$T/copy.db" "select instr(sql, 'CHECK (total_cents') from sqlite_schema where name = 'invoices'")" "0" \
  "the attacker removed a CHECK of invoices"
expect_findings "a CHECK removed" \
  "schéma : table « invoices » modifiée (colonnes ou contraintes différentes de celles de juste)"

attack "" "DROP INDEX invoices_one_full_credit"
expect_findings "an index dropped" "schéma : index « invoices_one_full_credit » absent"

attack "" "DROP VIEW invoices_standing"
expect_findings "a view dropped" "schéma : vue « invoices_standing » absente"

# --- each issued document adds up -------------------------------------------
fcsd_id=$(sql "select id from invoices where number = '$FCSD'")
forfait=$(sql "select id from invoice_lines where invoice_id = $fcsd_id and kind = 'forfait'")
expect_eq "$(sql "select subtotal_cents from invoices where id = $fcsd_id")" "60358" \
  "FCSD: 97 min at 95,00 \$ (153,58 \$) and the 450,00 \$ forfait"
attack "invoice_lines invoice_entries" \
  "DELETE FROM invoice_entries WHERE line_id = $forfait; DELETE FROM invoice_lines WHERE id = $forfait"
expect_findings "an invoice line deleted" "montants : facture $FCSD : sous-total 603,58 $, mais ses lignes font 153,58 $"

coop_id=$(sql "select id from invoices where number = '$COOP'")
expect_eq "$(sql "select subtotal_cents, tps_cents, tvq_cents from invoices where id = $coop_id")" "21000|1050|2095" \
  "COOP1: 140 min at 90,00 \$ (DOMAIN: TPS half up, TVQ 20,9475 -> 20,95)"
attack "invoices" \
  "UPDATE invoices SET tps_cents = tps_cents + 1, total_cents = total_cents + 1 WHERE id = $coop_id"
expect_findings "a tax changed (the total still adds up)" \
  "montants : facture $COOP : TPS 10,51 $, attendu 10,50 $ (5 % de 210,00 $)"

attack "invoices" \
  "UPDATE invoices SET tvq_cents = 2000, total_cents = 21000 + 1050 + 2000 WHERE id = $coop_id"
expect_findings "the TVQ changed" \
  "montants : facture $COOP : TVQ 20,00 $, attendu 20,95 $ (9,975 % de 210,00 $)"

attack "invoices" \
  "PRAGMA ignore_check_constraints = ON; UPDATE invoices SET total_cents = 1 WHERE id = $coop_id"
expect_findings "a total changed (against the table's CHECK too)" \
  "intégrité : CHECK constraint failed in invoices" \
  "montants : facture $COOP : total 0,01 $, attendu 241,45 $ (sous-total plus taxes)"

exo_id=$(sql "select id from invoices where number = '$EXO'")
attack "invoices" \
  "PRAGMA ignore_check_constraints = ON;
   UPDATE invoices SET tps_cents = 475, total_cents = total_cents + 475 WHERE id = $exo_id"
expect_findings "taxes on an exempt invoice" \
  "intégrité : CHECK constraint failed in invoices" \
  "montants : facture $EXO : TPS 4,75 $, attendu 0,00 $ (client exonéré)"

m1=$(sql "select id from invoice_lines where invoice_id = $fcsd_id and kind = 'hours'")
attack "invoice_lines" \
  "PRAGMA ignore_check_constraints = ON; UPDATE invoice_lines SET billed_minutes = 120 WHERE id = $m1"
expect_findings "an hourly line's minutes changed" \
  "intégrité : CHECK constraint failed in invoice_lines" \
  "montants : facture $FCSD, ligne 1 : 153,58 $, attendu 190,00 $ (120 min à 95,00 $ l'heure)"

nc_coop_id=$(sql "select id from invoices where number = '$NC_COOP'")
attack "invoice_lines" \
  "DELETE FROM invoice_lines WHERE invoice_id = $nc_coop_id"
expect_findings "a credit note's line deleted" \
  "montants : note de crédit $NC_COOP : sous-total -10,00 $, mais ses lignes font 0,00 $"

attack "invoices" \
  "PRAGMA ignore_check_constraints = ON; UPDATE invoices SET tps_cents = tps_cents - 1 WHERE id = $nc_coop_id"
expect_findings "a credit note that does not add up (and only that: its taxes may be capped)" \
  "intégrité : CHECK constraint failed in invoices" \
  "montants : note de crédit $NC_COOP : total -11,50 $, attendu -11,51 $ (sous-total plus taxes)"

# --- numbering -----------------------------------------------------------------
last=$(sql "select id from invoices where kind = 'invoice' and seq = 3")
attack "invoices invoice_sequences" \
  "UPDATE invoices SET seq = 4, number = 'F2020-0004' WHERE id = $last;
   UPDATE invoice_sequences SET last = 4 WHERE kind = 'invoice' AND year = 2020"
expect_findings "a numbering gap" "numérotation : factures 2020 : numéro 3 manquant"

attack "invoices invoice_sequences" \
  "UPDATE invoices SET seq = seq + 3 WHERE kind = 'credit';
   UPDATE invoice_sequences SET last = last + 3 WHERE kind = 'credit' AND year = 2020"
expect_findings "several numbers missing" "numérotation : notes de crédit 2020 : numéros 1 à 3 manquants"

attack "invoice_sequences" \
  "UPDATE invoice_sequences SET last = 5 WHERE kind = 'invoice' AND year = 2020"
expect_findings "the counter moved" "numérotation : factures 2020 : compteur à 5, mais dernier numéro émis 3"

idx=$(sql "select il.name from pragma_index_list('invoices') il where il.origin = 'u'
            and (select group_concat(name) from pragma_index_info(il.name)) = 'kind,seq_year,seq'")
[ -n "$idx" ] && ok "UNIQUE (kind, seq_year, seq) is index $idx" || not_ok "no index for UNIQUE (kind, seq_year, seq)"
attack "" "PRAGMA writable_schema = ON;
   UPDATE sqlite_schema SET sql = replace(sql, ',
  UNIQUE (kind, seq_year, seq)', '') WHERE name = 'invoices';
   DELETE FROM sqlite_schema WHERE name = '$idx'"
sqlite3 "$T/copy.db" "VACUUM" || not_ok "vacuum the copy"
attack_copy "invoices" "UPDATE invoices SET seq = 2 WHERE id = $last"
expect_findings "a number given twice (its UNIQUE removed)" \
  "schéma : table « invoices » modifiée (colonnes ou contraintes différentes de celles de juste)" \
  "numérotation : factures 2020 : numéro 2 donné 2 fois" \
  "numérotation : factures 2020 : compteur à 3, mais dernier numéro émis 2"

# --- credits never exceed their invoice ---------------------------------------
nc_line=$(sql "select id from invoice_lines where invoice_id = $nc_coop_id")
attack "invoices invoice_lines" \
  "UPDATE invoice_lines SET amount_cents = -21100 WHERE id = $nc_line;
   UPDATE invoices SET subtotal_cents = -21100, total_cents = -21100 + tps_cents + tvq_cents WHERE id = $nc_coop_id"
expect_findings "a credit beyond its invoice's subtotal" \
  "crédits : facture $COOP : 211,00 $ de sous-total crédités, plus que les 210,00 $ facturés"

attack "invoices" \
  "UPDATE invoices SET tps_cents = -1051, total_cents = subtotal_cents - 1051 + tvq_cents WHERE id = $nc_coop_id"
expect_findings "a credit beyond its invoice's TPS" \
  "crédits : facture $COOP : 10,51 $ de TPS crédités, plus que les 10,50 $ facturés"

nc_full_id=$(sql "select id from invoices where number = '$NC_FULL'")
attack "invoices" \
  "UPDATE invoices SET tvq_cents = tvq_cents + 1, total_cents = total_cents + 1 WHERE id = $nc_full_id"
expect_findings "a full credit that leaves a cent of TVQ" \
  "crédits : facture $FCSD entièrement créditée, mais il reste 0,01 $ de TVQ"

# --- the journals have no hole --------------------------------------------------
expect_eq "$(sql "select count(*) = max(id) and max(id) > 10 from audit")" "1" "the audit log runs 1..max"
attack "audit" "DELETE FROM audit WHERE id BETWEEN 5 AND 7"
expect_findings "audit rows deleted" "journal audit : ids 5 à 7 manquants"

attack "audit" "DELETE FROM audit WHERE id = 9"
expect_findings "one audit row deleted" "journal audit : id 9 manquant"

attack "month_log" "DELETE FROM month_log WHERE id = 1"
expect_findings "a month log row deleted" "journal month_log : id 1 manquant"

# report_audit keeps its append-only triggers: dropped and put back
j --as gilles finance set --fy 2019-2020 --budget-expenses 900.00; expect_rc 0 "a second finance row"
attack "report_audit" "DELETE FROM report_audit WHERE id = 1"
expect_findings "a report audit row deleted" "journal report_audit : id 1 manquant"

# An AUTOINCREMENT table's counter keeps its highest id ever, so rows cut
# from the end of a journal show too.  The counter is built by hand here
# (a table created and dropped leaves sqlite_sequence behind), so this
# runs whether or not the audit table is AUTOINCREMENT yet.
top=$(sql "select max(id) from audit")
attack "audit" "CREATE TABLE IF NOT EXISTS zz(id INTEGER PRIMARY KEY AUTOINCREMENT); DROP TABLE IF EXISTS zz;
   DELETE FROM sqlite_sequence WHERE name = 'audit'; INSERT INTO sqlite_sequence VALUES ('audit', $top);
   DELETE FROM audit WHERE id >= $((top - 1))"
expect_findings "the last audit rows deleted" "journal audit : ids $((top - 1)) à $top manquants"

# A table the checks read is gone: said, and the other checks still run.
attack "" "DROP TABLE month_log"
expect_findings "a journal table dropped" \
  "schéma : table « month_log » absente" \
  "schéma : index « month_log_month » absent" \
  "schéma : déclencheur « month_log_no_delete » absent" \
  "schéma : déclencheur « month_log_no_update » absent" \
  "vérification impossible (journaux) : no such table: month_log"

# --- several at once, and in English -------------------------------------------
attack "invoices audit" \
  "UPDATE invoices SET tps_cents = tps_cents + 1, total_cents = total_cents + 1 WHERE id = $coop_id;
   DELETE FROM audit WHERE id = 9; DROP TRIGGER entries_day_limit_insert"
expect_findings "three problems at once" \
  "schéma : déclencheur « entries_day_limit_insert » absent" \
  "montants : facture $COOP : TPS 10,51 $, attendu 10,50 $ (5 % de 210,00 $)" \
  "journal audit : id 9 manquant"
OUT=$(LANGUAGE=en "$JUSTE" --db "$T/copy.db" check 2>"$T/stderr"); RC=$?
expect_rc 1 "in English too"
expect_eq "$(printf '%s\n' "$OUT" | nb | head -1)" "schema: trigger \"entries_day_limit_insert\" missing" \
  "findings are translated"

# The sound database is still sound: nothing above touched it.
j check; expect_rc 0 "the original database still passes"
finish
