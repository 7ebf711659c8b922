#!/usr/bin/env bash
# Monthly invoicing: drafts (grouping, late entries, increments, exempt
# clients, blockers), issue (gapless, all or nothing, twice = nothing new,
# concurrent clerks), locked entries (program and database), credit notes
# and re-billing, PDF, JSON, journal, roles.
export JUSTE_TODAY=${JUSTE_TODAY:-2020-04-02}
. "$SRCDIR/tests/cli/lib.sh"
: "${INVOICE_LOCKS:?INVOICE_LOCKS must name the invoice_locks helper}"
seed_world

# json EXPR : evaluates a python expression on the JSON in $OUT (as d)
json() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
nb() { sed 's/\xc2\xa0/ /g'; }   # NBSP -> space, to compare amounts

# --- a world to bill -------------------------------------------------------
cat > "$T/orgs2.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
EXO,Coopérative exonérée,membre,,0,1,2015-01-01,,exo@exo.coop,"3 rue du Fisc, Québec"
NOADR,Coopérative sans adresse,membre,,0,0,2015-01-01,,na@na.coop,
CSV
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,
M-4,Budget exonéré,EXO,,FIN,,horaire,,,,2019-04-01,
M-5,Sans adresse,NOADR,,FIN,,horaire,,,,2019-04-01,
M-6,Paie sans taux,COOP1,,RH,,horaire,,,,2019-04-01,
F-1,Tenue de livres mensuelle,FCSD,,FIN,,forfait,450.00,,,2019-04-01,
CSV
j import orgs "$T/orgs2.csv"; expect_rc 0 "more organisations"
j import mandates "$T/mandates2.csv"; expect_rc 0 "more mandates"
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
2019-04-01,RH,membre,80.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"

log() { j --as "$1" log --date "$2" "$3" "$4" "$5"; [ "$RC" = 0 ] || not_ok "log $*: $ERR"; }
log alice 2020-03-02 1h30 M-1 "Préparation du budget"
log bob   2020-03-03 7m   M-1 "Appel"
log bob   2020-01-10 2h   M-2 "Dotation oubliée"
log bob   2020-03-04 1h   INT "Interne"
log alice 2020-03-05 20m  M-3 "Rencontre"
log alice 2020-03-06 1h   M-4 "Budget exonéré"
log bob   2020-03-06 1h   M-5 "Sans adresse"
log bob   2020-03-09 1h   M-6 "Paie"
log alice 2020-03-10 2h   F-1 "Écritures du mois"
log bob   2020-04-01 1h   M-1 "Avril"

# --- roles -----------------------------------------------------------------
j --as alice invoice draft 2020-03;  expect_rc 1 "an expert may not draft"; expect_err "permission" "refusal says permission"
j --as gilles invoice issue 2020-03; expect_rc 1 "a manager may not issue"
j --as gilles invoice list;          expect_rc 0 "a manager may list"
j invoice draft 2020-13;             expect_rc 1 "a bad month is refused"

# --- drafts ----------------------------------------------------------------
j --as carole invoice draft 2020-03
expect_rc 0 "the clerk drafts March"
expect_num "4 brouillons" "one draft per client with something to bill (FCSD, COOP1, EXO, NOADR)"
expect_num "2 retenus" "two drafts held back"
expect_eq "$(sql "select count(*) from invoices where status = 'draft' and period = '2020-03'")" "4" "four drafts stored"
expect_eq "$(sql "select count(*) from invoice_sequences")" "0" "drafting consumed no number"
j --as carole invoice draft 2020-03
expect_eq "$(sql "select count(*) from invoices where period = '2020-03'")" "4" "drafting again replaces the drafts"
expect_eq "$(sql "select count(*) from invoice_sequences")" "0" "still no number consumed"

fcsd=$(sql "select i.id from invoices i join orgs o on o.id = i.client_id where o.code = 'FCSD' and status = 'draft'")
j invoice show "#$fcsd" --format json
expect_rc 0 "a draft shows as JSON"
expect_eq "$(json 'len(d["lines"])')" "3" "FCSD: M-1 and M-2 grouped by mandate and rate, plus the forfait"
expect_eq "$(json '[(l["mandate"], l["billed_minutes"], l["rate_cents"], l["amount_cents"]) for l in d["lines"]]')" \
  "[('M-1', 97, 9500, 15358), ('M-2', 120, 8000, 16000), ('F-1', 120, None, 45000)]" \
  "lines: hours x rate rounded once per line; forfait at its fee"
expect_eq "$(json '(d["subtotal_cents"], d["tps_cents"], d["tvq_cents"], d["total_cents"])')" "(76358, 3818, 7617, 87793)" \
  "subtotal, TPS and TVQ on the subtotal, total"
expect_eq "$(json '[e["late"] for e in d["entries"] if e["mandate"] == "M-2"]')" "[True]" "the January entry is flagged late"
expect_eq "$(json '"retard" in d["warnings"]')" "True" "and the draft says so"
expect_eq "$(json 'sorted(e["note"] for e in d["entries"])')" \
  "['Appel', 'Dotation oubliée', 'Préparation du budget', 'Écritures du mois']" \
  "entries attached with their notes; internal time and April are not billed"
expect_eq "$(json 'd["number"]')" "None" "a draft has no number"

j --as alice timer start M-1; expect_rc 0 "alice starts a timer on an FCSD mandate"
j --as carole invoice draft 2020-03 --org FCSD
expect_out "minuterie en cours sur M-1 (alice)" "a running timer is flagged on the client's draft"
expect_eq "$(sql "select count(*) from invoices where period = '2020-03'")" "4" "drafting one client replaces only its draft"
j --as alice timer cancel; expect_rc 0 "timer cancelled"

exo=$(sql "select i.id from invoices i join orgs o on o.id = i.client_id where o.code = 'EXO'")
j invoice show "#$exo" --format json
expect_eq "$(json '(d["subtotal_cents"], d["tps_cents"], d["tvq_cents"], d["total_cents"], d["tax_exempt"])')" \
  "(9500, 0, 0, 9500, True)" "an exempt client gets no tax"
j invoice show "#$exo"
expect_out "exonéré" "and the invoice says why"

j invoice list --month 2020-03 --status draft
expect_out "RETENU" "held drafts are marked"
expect_out "adresse de facturation manquante" "a client without address is listed with what to fix"
expect_out "aucun taux" "an entry without a rate is listed"
expect_out "#$(sql "select e.id from entries e join mandates m on m.id = e.mandate_id where m.code = 'M-6'")" \
  "the message names the entry"

# increments: per client (COOP1: 30 min) and per mandate (M-1: 15 min)
j --as alice invoice increment --org COOP1 30; expect_rc 1 "an expert may not set increments"
j --as carole invoice increment --org COOP1 30; expect_rc 0 "client increment set"
j --as carole invoice increment --mandate M-1 15; expect_rc 0 "mandate increment set"
j --as carole invoice increment --mandate M-1 0; expect_rc 1 "0 is not an increment (use none)"
j --as carole invoice draft 2020-03
fcsd=$(sql "select i.id from invoices i join orgs o on o.id = i.client_id where o.code = 'FCSD' and status = 'draft'")
j invoice show "#$fcsd" --format json
expect_eq "$(json '[(l["logged_minutes"], l["billed_minutes"], l["amount_cents"]) for l in d["lines"] if l["mandate"] == "M-1"]')" \
  "[(97, 105, 16625)]" "M-1: 90 + 7 min billed as 90 + 15 (logged minutes kept)"
expect_eq "$(json '[(e["logged_minutes"], e["billed_minutes"]) for e in d["entries"] if e["note"] == "Appel"]')" \
  "[(7, 15)]" "the detail shows logged and billed minutes"
expect_eq "$(sql "select minutes from entries where note = 'Appel'")" "7" "the entry itself is unchanged"
coop=$(sql "select i.id from invoices i join orgs o on o.id = i.client_id where o.code = 'COOP1'")
j invoice show "#$coop" --format json
expect_eq "$(json '[(l["mandate"], l["billed_minutes"]) for l in d["lines"]]')" "[('M-3', 30)]" "COOP1: 20 min billed as 30"
j --as carole invoice increment --mandate M-1 none; expect_rc 0 "increment removed"
j --as carole invoice increment --org COOP1 none
j --as carole invoice draft 2020-03

# --- an interrupted run leaves nothing issued -----------------------------
# The faults are injected from outside, with SQLite's own means: triggers
# added to this test's database, dropped afterwards.  March has two invoices
# to issue (FCSD, EXO); both faults strike after the first one is numbered
# inside the run's transaction.
state() { sql "select (select count(*) from invoices where status = 'issued') || ' issued, ' ||
  (select count(*) from invoices where status = 'draft') || ' drafts, ' ||
  (select count(*) from invoice_sequences) || ' sequences, ' ||
  (select count(*) || ':' || sum(minutes) from entries)"; }
before=$(state)
expect_eq "$before" "0 issued, 4 drafts, 0 sequences, 10:657" "before the faults: four drafts, nothing issued"
# 1. the database refuses the second invoice: the run fails as a whole
sql "create trigger fault_second_issue after update of status on invoices
     when new.status = 'issued' and (select count(*) from invoices where status = 'issued') >= 2
     begin select raise(abort, 'injected fault: second invoice'); end"
j --as carole invoice issue 2020-03
expect_eq "$RC" "1" "a run failing after its first invoice fails"
expect_err "injected fault: second invoice" "with the database's reason"
expect_eq "$(state)" "$before" "and nothing is issued, no number consumed, nothing lost"
sql "drop trigger fault_second_issue"
# 2. SIGKILL after the first invoice: a trigger on the first issue writes
# ballast larger than juste's page cache, so the uncommitted transaction
# spills into the WAL (seen from here), then keeps the process busy until
# it is killed.
sql "create table fault_ballast(b blob);
     create trigger fault_first_issue after update of status on invoices when new.status = 'issued'
     begin
       insert into fault_ballast select zeroblob(1048576)
         from (with recursive c(i) as (select 1 union all select i + 1 from c where i < 64) select i from c);
       select count(*) from (with recursive c(i) as (select 1 union all select i + 1 from c where i < 1000000000) select i from c);
     end"
"$JUSTE" --db "$DB" --as carole invoice issue 2020-03 >/dev/null 2>"$T/kill.err" &
pid=$!
trap 'kill -9 "$pid" 2>/dev/null; rm -rf "$T"' EXIT
spilled=0
for _ in $(seq 1 1200); do   # up to 60 s
  if [ -f "$DB-wal" ] && [ "$(stat -c %s "$DB-wal")" -gt 33554432 ]; then spilled=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
expect_eq "$spilled" "1" "the run reached its first numbered invoice (its transaction spilled into the WAL)"
kill -9 "$pid" 2>/dev/null; { wait "$pid"; } 2>/dev/null; RC=$?
trap 'rm -rf "$T"' EXIT
expect_eq "$RC" "137" "the run was killed (SIGKILL) in the middle, not finished"
sql "drop trigger fault_first_issue; drop table fault_ballast"
expect_eq "$(state)" "$before" "and leaves nothing issued, no number consumed, nothing lost"
j check; expect_rc 0 "the database is sound after the kill"

# --- issue -----------------------------------------------------------------
j --as carole invoice issue 2020-03
expect_rc 0 "the clerk issues March"
expect_num "2 factures émises" "two invoices issued (FCSD, EXO)"
expect_num "2 retenues" "two held back"
expect_eq "$(sql "select group_concat(number || ':' || o.code, ' ') from (select * from invoices where status = 'issued' order by seq) i join orgs o on o.id = i.client_id")" \
  "F2020-0001:EXO F2020-0002:FCSD" "numbered from F2020-0001 in client order"
expect_eq "$(sql "select issued_on || ' ' || due_on from invoices where number = 'F2020-0001'")" "2020-04-02 2020-05-02" \
  "issue date today, due 30 days later"
expect_eq "$(sql "select count(*) from invoices where status = 'draft'")" "2" "held drafts stay drafts"
j --as carole invoice issue 2020-03
expect_num "0 factures émises" "issuing twice issues nothing new"
expect_eq "$(sql "select count(*) from invoices where status = 'issued'")" "2" "still two invoices"
expect_eq "$(sql "select last from invoice_sequences where kind = 'invoice' and year = 2020")" "2" "sequence at 2"

# --- locked entries ---------------------------------------------------------
billed=$(sql "select id from entries where note = 'Préparation du budget'")
j --as alice entry edit "$billed" --duration 2h
expect_rc 1 "a billed entry cannot be edited"; expect_err "F2020-0002" "the refusal names the invoice"
j --as alice entry rm "$billed"
expect_rc 1 "nor removed"
j entry edit "$billed" --note "admin" ; expect_rc 1 "not even by an admin"
expect_eq "$(sql "select minutes || note from entries where id = $billed")" "90Préparation du budget" "unchanged"
out=$("$INVOICE_LOCKS" "$DB" 2>&1); rc=$?
printf '%s\n' "$out" | sed 's/^/# /'
[ "$rc" = 0 ] && ok "the database triggers refuse every change of what was issued ($(printf '%s\n' "$out" | grep -c '^ok'))" \
  || not_ok "database-level locks: $out"
expect_eq "$(sql "select reprints from invoices where number = 'F2020-0002'")" "0" "the lock helper changed nothing"

# --- fix a blocker, issue the rest -------------------------------------------
cat > "$T/fix.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
2019-04-01,RH,membre,80.00
2019-04-01,RH,auxiliaire,78.00
CSV
j rate import "$T/fix.csv" --correction --name "Taux corrigés"; expect_rc 0 "the missing rate is added"
j --as carole invoice issue 2020-03 --org COOP1
expect_num "1 factures émises" "COOP1 issued once its rate exists"
expect_eq "$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'COOP1'")" "F2020-0003" "next number"
expect_eq "$(sql "select count(*) from invoices where status = 'draft'")" "1" "NOADR still held"

# --- entries logged later go on the next draft ------------------------------
log bob 2020-03-20 45m M-1 "Oubli de mars"
j --as carole invoice draft 2020-04
fcsd=$(sql "select i.id from invoices i join orgs o on o.id = i.client_id where o.code = 'FCSD' and status = 'draft' and period = '2020-04'")
j invoice show "#$fcsd" --format json
expect_eq "$(json 'sorted((e["note"], e["late"]) for e in d["entries"])')" "[('Avril', False), ('Oubli de mars', True)]" \
  "April's draft has April's entry and the late March one, nothing already billed"
expect_eq "$(json '[l["mandate"] for l in d["lines"]]')" "['M-1', 'F-1']" "and April's forfait"

# --- concurrent clerks --------------------------------------------------------
{ echo "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address"
  for k in $(seq 1 8); do echo "C$k,Client $k,membre,,0,0,2015-01-01,,c$k@c.coop,$k rue du Test"; done; } > "$T/corgs.csv"
{ echo "code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on"
  for k in $(seq 1 8); do echo "MC-$k,Mandat $k,C$k,,FIN,,horaire,,,,2019-04-01,"; done; } > "$T/cmand.csv"
j import orgs "$T/corgs.csv"; j import mandates "$T/cmand.csv"
for k in $(seq 1 8); do log alice 2020-04-0$(( (k % 2) + 1 )) 1h "MC-$k" "Travail $k"; done
pids=()
for k in $(seq 1 8); do "$JUSTE" --db "$DB" --as carole invoice issue 2020-04 --early --org "C$k" >/dev/null 2>"$T/c$k.err" & pids+=($!); done
for k in 1 2; do "$JUSTE" --db "$DB" --as carole invoice issue 2020-04 --early >/dev/null 2>"$T/all$k.err" & pids+=($!); done
bad=0; for p in "${pids[@]}"; do wait "$p" || bad=$((bad + 1)); done
expect_eq "$bad" "0" "ten clerks issuing April at once all succeed"
[ "$bad" = 0 ] || cat "$T"/c*.err "$T"/all*.err | sed 's/^/# /' 
expect_eq "$(sql "select count(*) from invoices where period = '2020-04' and status = 'issued'")" "9" \
  "each April client (8 + FCSD) issued exactly once"
expect_eq "$(sql "select count(*), count(distinct number), min(seq), max(seq) from invoices where kind = 'invoice' and status = 'issued'")" \
  "12|12|1|12" "12 invoices, 12 distinct numbers, no gap"
expect_eq "$(sql "select count(*) from (select entry_id from invoice_entries l join invoices_standing i on i.id = l.invoice_id group by entry_id having count(*) > 1)")" \
  "0" "no entry billed twice"

# --- credit notes --------------------------------------------------------------
j --as alice invoice credit F2020-0002 --reason "x"; expect_rc 1 "an expert may not credit"
j --as carole invoice credit F2020-0002 --amount 120.00; expect_rc 2 "a credit note needs a reason"
j --as carole invoice credit F2020-0002 --reason "Remise accordée" --amount 120.00
expect_rc 0 "partial credit note"
expect_out "NC2020-0001" "own sequence"
expect_eq "$(sql "select subtotal_cents || ' ' || tps_cents || ' ' || tvq_cents || ' ' || total_cents from invoices where number = 'NC2020-0001'")" \
  "-12000 -600 -1197 -13797" "credits 120,00 with its own TPS and TVQ"
j --as alice entry edit "$billed" --duration 2h
expect_rc 1 "after a partial credit the entries stay locked"
j --as carole invoice credit F2020-0002 --reason "Trop" --amount 100000.00
expect_rc 1 "crediting more than the invoice is refused"
j --as carole invoice credit NC2020-0001 --reason "x"; expect_rc 1 "a credit note cannot be credited"
j --as carole invoice credit F2020-0002 --reason "Facturé au mauvais client"
expect_rc 0 "full credit note"
expect_out "NC2020-0002" "next credit number"
expect_eq "$(sql "select sum(subtotal_cents) || ' ' || sum(tps_cents) || ' ' || sum(tvq_cents) || ' ' || sum(total_cents) from invoices where number = 'F2020-0002' or credited_id = (select id from invoices where number = 'F2020-0002')")" \
  "0 0 0 0" "invoice and its credit notes net to zero, to the cent"
j --as carole invoice credit F2020-0002 --reason "encore"; expect_rc 1 "a fully credited invoice cannot be credited again"
j --as alice entry edit "$billed" --note "Préparation du budget, révisée"
expect_rc 0 "the entries of a fully credited invoice are released"
j --as carole invoice issue 2020-03
expect_num "1 factures émises" "and are billed again"
expect_eq "$(sql "select i.number from invoice_entries l join invoices_standing i on i.id = l.invoice_id where l.entry_id = $billed")" \
  "F2020-0013" "on a new invoice"
j --as alice entry edit "$billed" --duration 3h
expect_rc 1 "locked again"

# --- show, JSON, PDF -------------------------------------------------------------
j --as gilles invoice show F2020-0001 --format json
expect_rc 0 "show as JSON"
expect_eq "$(json '(d["number"], d["kind"], d["status"], d["issued_on"], d["due_on"], d["tps_rate_pcm"], d["tvq_rate_pcm"], d["client"])')" \
  "('F2020-0001', 'invoice', 'issued', '2020-04-02', '2020-05-02', 5000, 9975, 'EXO')" "JSON has the fields"
j --as carole invoice show F2020-0003 --format pdf -o "$T/f3.pdf"
expect_rc 0 "show as PDF"
pdftotext -layout "$T/f3.pdf" "$T/f3.txt" 2>/dev/null; txt=$(nb < "$T/f3.txt")
for want in "FACTURE" "F2020-0003" "987654321RT0001" "9876543210TQ0001" "Coopérative Érable" "2 rue des Érables" \
    "TPS (5 %)" "TVQ (9,975 %)" "30,00 $" "78,00 $" "108,00 $" "5,40 $" "10,77 $" "124,17 $" "Net 30 jours" "2020-05-02" "Période facturée : 2020-03" \
    "Centre de services d'essai" "10, rue de l'Essai" "Détail des heures"; do
  case "$txt" in *"$want"*) ok "PDF text has '$want'";; *) not_ok "PDF text lacks '$want'";; esac
done
case "$txt" in *COPIE*) not_ok "first print says COPIE";; *) ok "the first print is no copy";; esac
j --as carole invoice show F2020-0003 --format pdf -o "$T/f3b.pdf"
expect_out "COPIE" "a reprint is a copy"
pdftotext "$T/f3b.pdf" - 2>/dev/null | grep -q COPIE && ok "and the PDF says COPIE" || not_ok "reprint PDF lacks COPIE"
expect_eq "$(sql "select reprints from invoices where number = 'F2020-0003'")" "2" "prints are counted"
j --as carole invoice show NC2020-0002 --format pdf -o "$T/nc.pdf"
txt=$(pdftotext "$T/nc.pdf" - 2>/dev/null | nb)
for want in "NOTE DE CRÉDIT" "NC2020-0002" "F2020-0002" "Facturé au mauvais client"; do
  case "$txt" in *"$want"*) ok "credit note PDF has '$want'";; *) not_ok "credit note PDF lacks '$want'";; esac
done
j --as carole invoice pdf 2020-03 -o "$T/pdf"
expect_rc 0 "PDFs of the month"
expect_eq "$(ls "$T/pdf" | tr '\n' ' ')" "F2020-0001.pdf F2020-0002.pdf F2020-0003.pdf F2020-0013.pdf NC2020-0001.pdf NC2020-0002.pdf " \
  "one file per invoice and credit note, named by number"
j --as gilles invoice pdf 2020-03 -o "$T/pdf2"; expect_rc 1 "a manager may not print the month"
j invoice show F2099-0001; expect_rc 1 "an unknown number is an error"

# --- journal ---------------------------------------------------------------------
j --as carole invoice journal --from 2020-04-01 --to 2020-04-30 --format csv
expect_rc 0 "sales journal"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "number,kind,issued_on,client,client_name,subtotal,tps,tvh,tvq,total,credits_invoice,taxes" "journal header"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^[FN]')" "$(sql "select count(*) from invoices where status = 'issued'")" \
  "one row per issued invoice and credit note"
# the data rows add up to the issued pieces; the totals go to stderr, never
# a row among the data
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | python3 -c 'import csv, sys
rows = list(csv.reader(sys.stdin))
print(",".join("%.2f" % sum(float(r[i]) for r in rows) for i in range(5, 10)))')" \
  "$(sql "select printf('%.2f,%.2f,%.2f,%.2f,%.2f', sum(subtotal_cents)/100.0, sum(case when tax_regime = 'tvh' then 0 else tps_cents end)/100.0, sum(case when tax_regime = 'tvh' then tps_cents else 0 end)/100.0, sum(tvq_cents)/100.0, sum(total_cents)/100.0) from invoices where status = 'issued'")" \
  "the rows add up to the issued pieces"
expect_eq "$(printf '%s\n' "$OUT" | grep -c TOTAL)" "0" "no TOTAL row among the data"
expect_err "pièces du 2020-04-01 au 2020-04-30" "the totals on stderr"
j --as carole invoice journal --from 2020-05-01 --to 2020-05-31 --format csv
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "1" "an empty period: the header alone"
expect_err "0 pièces" "an empty period: zero totals on stderr"

j check; expect_rc 0 "database sound at the end"
[ -n "${KEEP_PDF:-}" ] && cp "$T/f3.pdf" "$T/nc.pdf" "$KEEP_PDF"/
finish
