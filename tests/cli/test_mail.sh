#!/usr/bin/env bash
# E-mail: juste invoice send, statement --send and reminders send through a
# fake sendmail (the setting mail.sendmail) that keeps its argv, its
# standard input and its open descriptors.  The message is read back with
# Python's email module: To, From, the subject decoded from RFC 2047,
# Message-ID, MIME-Version, and each attachment decoded from base64 is the
# PDF the print commands write for the same document (byte for byte but
# the creation date cairo stamps in it).  A second send skips, --again
# resends (marked COPIE, a mailed invoice counting as a print), a client
# without an address is named and makes the status 1, a failing sendmail
# records nothing; the send log, its audit, its roles.
export JUSTE_TODAY=2020-04-18
. "$SRCDIR/tests/cli/lib.sh"
seed_world

printf 'code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on\nM-3,Accompagnement Érable,COOP1,,FIN,,horaire,,,,2019-04-01,\n' >"$T/m3.csv"
j import mandates "$T/m3.csv"; expect_rc 0 "a mandate for COOP1"
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,95.00\n2019-04-01,FIN,auxiliaire,90.00\n' >"$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rates"
j --as alice log --date 2020-02-10 4h M-1 "Analyse"; expect_rc 0 "time for FCSD"
j --as alice log --date 2020-02-11 1h M-3 "Suivi"; expect_rc 0 "time for COOP1"
JUSTE_TODAY=2020-03-02 j --as carole invoice issue 2020-02 --date 2020-03-02; expect_rc 0 "February issued"
num() { sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = '$1' and i.kind = 'invoice'"; }
A=$(num FCSD); D=$(num COOP1)
[ -n "$A" ] && [ -n "$D" ] && ok "two invoices: $A, $D" || not_ok "the invoices ($A, $D)"

# --- the fake sendmail ----------------------------------------------------------
OUTBOX="$T/outbox"
mkdir -p "$OUTBOX"
echo 0 >"$T/fake_rc"
cat >"$T/fake-sendmail" <<EOF
#!/bin/sh
n=\$(ls "$OUTBOX" | grep -c '^msg-')
n=\$(printf '%03d' "\$n")
printf '%s\n' "\$@" >"$OUTBOX/argv-\$n"
ls -l /proc/\$\$/fd/ >"$OUTBOX/fds-\$n" 2>&1
cat >"$OUTBOX/msg-\$n"
exit \$(cat "$T/fake_rc")
EOF
chmod +x "$T/fake-sendmail"
messages() { ls "$OUTBOX" | grep -c '^msg-'; }
# to_of ADDR FILE... : the first of FILEs addressed to ADDR (a header may be folded)
to_of() {
  python3 -c 'import email, email.policy, sys
for f in sys.argv[2:]:
    m = email.message_from_bytes(open(f, "rb").read(), policy=email.policy.default)
    if sys.argv[1] in str(m["To"]):
        print(f); break' "$@"
}
last() { ls "$OUTBOX"/msg-* | tail -n "${1:-1}" | head -n 1; }

# the setting: an absolute program, words split without a shell
j settings show --format json
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print([r["value"] for r in json.load(sys.stdin) if r["key"] == "mail.sendmail"][0])')" \
  "/usr/sbin/sendmail -t -i" "mail.sendmail is the system's sendmail interface by default"
j settings set mail.sendmail "sendmail -t"; expect_rc 1 "a program found through PATH is refused"
expect_err "mail.sendmail" "… naming the setting"
j settings set mail.sendmail "$T/fake-sendmail 'open"; expect_rc 1 "an unbalanced quote is refused"
j --as carole settings set mail.sendmail "$T/fake-sendmail"; expect_rc 1 "only an admin sets the command"
j settings set mail.sendmail "$T/fake-sendmail -t -i 'deux mots' \$HOME"; expect_rc 0 "the fake sendmail, with a quoted word"

# the python that reads a message: one line per fact
cat >"$T/read.py" <<'PY'
import email, email.policy, sys, os
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
raw = open(sys.argv[1], 'rb').read().decode('ascii')
out = sys.argv[2]
print('to=' + str(m['To']))
print('from=' + str(m['From']))
print('subject=' + str(m['Subject']))
print('subject_encoded=' + ('yes' if '=?' in raw.split('\n\n', 1)[0] and 'Subject:' in raw else 'no'))
print('message_id=' + str(m['Message-ID']))
print('mime=' + str(m['MIME-Version']))
print('type=' + m.get_content_type())
body = m.get_body(('plain',))
print('body_charset=' + str(body.get_content_charset()))
open(os.path.join(out, 'body.txt'), 'w').write(body.get_content())
for i, p in enumerate(m.iter_attachments()):
    print('attachment=%s %s %s' % (p.get_content_type(), p.get_filename(), p['Content-Transfer-Encoding']))
    open(os.path.join(out, p.get_filename()), 'wb').write(p.get_content())
PY
# readmsg FILE : the facts in $MSG, the body in $T/got/body.txt, attachments in $T/got/
readmsg() { rm -rf "$T/got"; mkdir -p "$T/got"; MSG=$(python3 "$T/read.py" "$1" "$T/got" 2>&1); }
fact() { printf '%s\n' "$MSG" | sed -n "s/^$1=//p"; }
# the PDF with cairo's creation date blanked (same length, same offsets)
nodate() { python3 -c 'import re,sys; d=open(sys.argv[1],"rb").read(); sys.stdout.buffer.write(re.sub(rb"/CreationDate \(D:[0-9Z+\x27-]*\)", lambda m: b"X" * len(m.group(0)), d))' "$1"; }
same_pdf() { nodate "$1" >"$T/a.cmp"; nodate "$2" >"$T/b.cmp"; cmp -s "$T/a.cmp" "$T/b.cmp"; }

# --- roles ------------------------------------------------------------------------
j --as alice invoice send 2020-02; expect_rc 1 "an expert may not send invoices"
j --as alice invoice sent; expect_rc 1 "… nor read the send log"
expect_eq "$(messages)" "0" "nothing was given to sendmail"

# --- invoice send MONTH: one message per client ---------------------------------------
cp "$DB" "$T/before.db"
"$JUSTE" --db "$T/before.db" --as carole invoice show "$A" --format pdf -o "$T/ref-A.pdf" >/dev/null || not_ok "the reference PDF of $A"
"$JUSTE" --db "$T/before.db" --as carole invoice show "$D" --format pdf -o "$T/ref-D.pdf" >/dev/null || not_ok "the reference PDF of $D"
j --as gilles invoice send 2020-02; expect_rc 0 "a manager sends the month's invoices"
expect_out "envoyé : FCSD" "FCSD's message is reported"
expect_out "envoyé : COOP1" "COOP1's message is reported"
expect_eq "$(messages)" "2" "one message per client"
expect_eq "$(cat "$OUTBOX/argv-000")" "-t
-i
deux mots
\$HOME" "the command's words as the setting wrote them, with no shell"
grep -q 'juste.db' "$OUTBOX/fds-000" && not_ok "sendmail inherited the database: $(cat "$OUTBOX/fds-000")" ||
  ok "sendmail holds no descriptor to the database"
expect_eq "$(grep -c -- '-> ' "$OUTBOX/fds-000")" "$(grep -- '-> ' "$OUTBOX/fds-000" | grep -c -E ' (0|1|2|1[0-9]) -> ')" \
  "… nor any other beyond 0, 1, 2 and the shell's own"
# which message went to whom
MA=$(to_of info@fcsd.coop "$OUTBOX"/msg-*); MD=$(to_of coop@erable.coop "$OUTBOX"/msg-*)
readmsg "$MA"
expect_eq "$(fact to)" "Fédération des coopératives de services à domicile <info@fcsd.coop>" "To: the organisation's name and e-mail"
expect_eq "$(fact from)" "Centre de services d'essai <facturation@consortium.coop>" "From: the centre's name and e-mail"
expect_eq "$(fact subject)" "Facture $A — Centre de services d'essai" "Subject in French, decoded"
expect_eq "$(fact subject_encoded)" "yes" "… RFC 2047-encoded on the wire (the dash is not ASCII)"
expect_eq "$(fact mime)" "1.0" "MIME-Version: 1.0"
expect_eq "$(fact type)" "multipart/mixed" "a multipart/mixed message"
expect_eq "$(fact body_charset)" "utf-8" "the text in UTF-8"
expect_eq "$(fact attachment)" "application/pdf $A.pdf base64" "one PDF attached, in base64"
same_pdf "$T/got/$A.pdf" "$T/ref-A.pdf" && ok "the attachment is the PDF juste invoice show writes" ||
  not_ok "the attachment differs from the printed PDF"
pdftotext "$T/got/$A.pdf" - | grep -q "$A" && ok "… and it opens as a PDF with its number" || not_ok "the attachment's text"
grep -q "la facture $A du 2020-03-02" "$T/got/body.txt" && ok "the body names the invoice" || not_ok "body: $(cat "$T/got/body.txt")"
MIDA=$(fact message_id)
readmsg "$MD"
same_pdf "$T/got/$D.pdf" "$T/ref-D.pdf" && ok "COOP1's attachment is its invoice's PDF" || not_ok "COOP1's attachment"

# --- the send log -------------------------------------------------------------------
j --as carole invoice sent --format json; expect_rc 0 "the send log in JSON"
log_json=$OUT
lj() { printf '%s' "$log_json" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
expect_eq "$(lj "len(d)")" "2" "two documents logged"
expect_eq "$(lj "sorted(d[0].keys())")" "['client', 'client_name', 'document', 'kind', 'level', 'message_id', 'recipient', 'sent_at', 'sent_by']" "the log's fields"
expect_eq "$(lj "[r for r in d if r['client'] == 'FCSD'][0]['document']")" "$A" "FCSD's row names its invoice"
expect_eq "$(lj "'<' + [r for r in d if r['client'] == 'FCSD'][0]['message_id'] + '>'")" "$MIDA" "… and the Message-ID of the message"
expect_eq "$(lj "[(r['kind'], r['recipient'], r['sent_by'], r['level']) for r in d if r['client'] == 'FCSD'][0]")" \
  "('invoice', 'info@fcsd.coop', '$(id -un)', None)" "… kind, recipient, who sent it (the login of the real uid)"
j --as carole invoice sent --format csv
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "sent_at,sent_by,client,client_name,recipient,kind,document,level,message_id" "the CSV's columns"
j --as carole invoice sent --client COOP1
expect_out "$D" "the table, of one client"
j --as carole invoice sent --format yaml; expect_rc 2 "an unknown format is a usage error"
j audit --entity mail --format json; expect_rc 0 "the sends are in the audit log"
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "2" "… one line per document sent"
sql "delete from mail_log" 2>/dev/null && not_ok "the log can be deleted" || ok "the database refuses to delete the log"
sql "update mail_log set recipient = 'x@y.z'" 2>/dev/null && not_ok "the log can be changed" || ok "… or to change it"

# --- nothing twice, unless --again ---------------------------------------------------------
j --as carole invoice send 2020-02; expect_rc 0 "a second send"
expect_out "déjà envoyé, sauté : FCSD" "… skips FCSD, saying so"
expect_out "déjà envoyé, sauté : COOP1" "… and COOP1"
expect_eq "$(messages)" "2" "… and gives sendmail nothing"
j --as carole invoice send "$A" --again; expect_rc 0 "--again resends one invoice"
expect_eq "$(messages)" "3" "… one more message"
readmsg "$(last)"
pdftotext "$T/got/$A.pdf" - | grep -q COPIE && ok "the resent PDF says COPIE" || not_ok "the resent PDF is not marked COPIE"
expect_eq "$(sql "select count(*) from mail_log")" "3" "the resend is logged"
j --as carole invoice send F2099-9999; expect_rc 1 "an unknown number is refused"

# --- a client without an address ---------------------------------------------------------
j org edit COOP1 --email ""; expect_rc 0 "COOP1 loses its address"
j --as carole invoice send 2020-02 --again; expect_rc 1 "a client without an address: status 1"
expect_err "COOP1" "… named on stderr"
expect_err "adresse de courriel" "… saying what is missing"
expect_out "envoyé : FCSD" "… the others are still sent"
expect_eq "$(sql "select count(*) from mail_log m join orgs o on o.id = m.client_id where o.code = 'COOP1'")" "1" "… and nothing is logged for COOP1"
# a typo juste lets in, that no mail program would take ("(" opens a comment)
j org edit COOP1 --email "coop(erable@erable.coop"; expect_rc 0 "a broken address"
j --as carole invoice send "$D" --again; expect_rc 1 "an address that is not one: status 1"
expect_err "coop(erable@erable.coop" "… quoted on stderr"
j org edit COOP1 --email "coop@erable.coop"; expect_rc 0 "COOP1's address back"

# --- a failing sendmail records nothing -------------------------------------------------------
n=$(sql "select count(*) from mail_log"); prints=$(sql "select reprints from invoices where number = '$A'")
echo 75 >"$T/fake_rc"
j --as carole invoice send "$A" --again; expect_rc 1 "sendmail's failure fails the send"
expect_err "$T/fake-sendmail" "… naming the command"
expect_err "75" "… and its status"
expect_eq "$(sql "select count(*) from mail_log")" "$n" "… nothing logged as sent"
expect_eq "$(sql "select reprints from invoices where number = '$A'")" "$prints" "… nor counted as a print"
echo 0 >"$T/fake_rc"
j settings set mail.sendmail "$T/no-such-sendmail -t"; expect_rc 0 "a command that does not exist"
j --as carole invoice send "$A" --again; expect_rc 1 "… fails"
expect_err "no-such-sendmail" "… naming it"
expect_eq "$(sql "select count(*) from mail_log")" "$n" "… nothing logged"
j settings set mail.sendmail "$T/fake-sendmail -t -i"; expect_rc 0 "the fake sendmail again"

# --- the statement -------------------------------------------------------------------------
j --as carole statement FCSD --at 2020-04-18 --format pdf -o "$T/ref-st.pdf"; expect_rc 0 "the statement's PDF"
j --as carole statement FCSD --at 2020-04-18 --send --format pdf; expect_rc 2 "--send takes no --format"
j --as carole statement FCSD --at 2020-04-18 --again; expect_rc 2 "--again needs --send"
before=$(messages)
j --as carole statement FCSD --at 2020-04-18 --send; expect_rc 0 "the statement sent"
expect_eq "$(messages)" "$((before + 1))" "… one message"
readmsg "$(last)"
expect_eq "$(fact subject)" "Relevé de compte au 2020-04-18 — Centre de services d'essai" "… its subject, decoded"
expect_eq "$(fact attachment)" "application/pdf releve-FCSD-2020-04-18.pdf base64" "… the statement attached"
same_pdf "$T/got/releve-FCSD-2020-04-18.pdf" "$T/ref-st.pdf" && ok "… the PDF juste statement writes" || not_ok "the statement's attachment differs"
j --as carole statement FCSD --at 2020-04-18 --send; expect_rc 0 "the same statement again"
expect_out "déjà envoyé" "… is skipped"
expect_eq "$(messages)" "$((before + 1))" "… nothing sent"

# --- reminders ------------------------------------------------------------------------------
# both invoices are due 2020-04-01: 17 days late on 2020-04-18, the first reminder
mkdir -p "$T/letters"
j --as carole reminders pdf --at 2020-04-18 -o "$T/letters"; expect_rc 0 "the letters"
before=$(messages)
j --as carole reminders send --at 2020-04-18; expect_rc 0 "the reminders sent"
expect_eq "$(messages)" "$((before + 2))" "… one message per client"
readmsg "$(to_of info@fcsd.coop $(ls "$OUTBOX"/msg-* | tail -n 2))"
expect_eq "$(fact subject)" "Premier rappel — factures échues — Centre de services d'essai" "the reminder's subject names its level"
grep -q "facture $A du 2020-03-02, échue le 2020-04-01" "$T/got/body.txt" && ok "… its body lists the invoice" ||
  not_ok "the reminder's body: $(cat "$T/got/body.txt")"
same_pdf "$T/got/rappel-FCSD-2020-04-18.pdf" "$T/letters/rappel-FCSD-2020-04-18.pdf" &&
  ok "FCSD's letter is the one juste reminders pdf writes" || not_ok "the letter differs ($(ls "$T/got"))"
j --as carole reminders send --at 2020-04-20; expect_rc 0 "two days later, the same level"
expect_eq "$(messages)" "$((before + 2))" "… nothing sent again"
expect_out "déjà envoyé" "… each skipped, saying so"
j --as carole reminders send --at 2020-05-02; expect_rc 0 "at 31 days, the second level"
expect_eq "$(messages)" "$((before + 4))" "… is sent"
expect_eq "$(sql "select group_concat(level, ' ') from (select level from mail_log where kind = 'reminder' order by id)")" \
  "first_reminder first_reminder second_reminder second_reminder" "the log keeps each invoice's level"

# --- an English client ----------------------------------------------------------------------
j org edit COOP1 --language en; expect_rc 0 "COOP1 reads English"
j --as alice log --date 2020-03-10 1h M-3 "Follow-up"; expect_rc 0 "March time for COOP1"
j --as carole invoice issue 2020-03 --date 2020-04-18; expect_rc 0 "March issued"
E=$(sql "select number from invoices i join orgs o on o.id = i.client_id where o.code = 'COOP1' and i.period = '2020-03'")
cp "$DB" "$T/before.db"
"$JUSTE" --db "$T/before.db" --as carole invoice show "$E" --format pdf -o "$T/ref-E.pdf" >/dev/null || not_ok "the reference PDF of $E"
before=$(messages)
j --as carole invoice send "$E"; expect_rc 0 "the English client's invoice sent"
expect_eq "$(messages)" "$((before + 1))" "… one message"
readmsg "$(last)"
expect_eq "$(fact subject)" "Invoice $E — Centre de services d'essai" "the subject in English, whatever the clerk's language"
grep -q "^Please find attached:" "$T/got/body.txt" && ok "the body in English" || not_ok "the English body: $(cat "$T/got/body.txt")"
grep -q "invoice $E of 2020-04-18: \$103.48, due by 2020-05-18" "$T/got/body.txt" && ok "… with English figures (\$103.48)" ||
  not_ok "the English body's line: $(cat "$T/got/body.txt")"
grep -q "Bonjour" "$T/got/body.txt" && not_ok "French in the English body" || ok "… and no French"
same_pdf "$T/got/$E.pdf" "$T/ref-E.pdf" && ok "the attachment is the English invoice juste invoice show writes" ||
  not_ok "the English attachment differs"
pdftotext "$T/got/$E.pdf" - | grep -q "INVOICE" && ok "… which is in English" || not_ok "the English PDF's text"
LANGUAGE=en j --as carole invoice send "$A" --again; expect_rc 0 "a French client's invoice from an English screen"
expect_out "sent: FCSD" "… the clerk reads English"
readmsg "$(last)"
expect_eq "$(fact subject)" "Facture $A — Centre de services d'essai" "… the client reads French"

finish
