#!/usr/bin/env bash
# The shipped example's identity (its TPS and TVQ numbers are no
# registrant's) is no live default: issuing is refused under it, and
# juste check names it, until an admin sets the centre's own numbers.
# The demo, whose centre is that example on purpose, still issues.
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"

seed_world --example-identity
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,100.00\n2019-04-01,FIN,auxiliaire,90.00\n' > "$T/rates.csv"
j rate import "$T/rates.csv"; expect_rc 0 "a rate table"
j --as alice log --date 2020-03-02 2h M-1 "Préparation"; expect_rc 0 "time to bill"

j --as carole invoice draft 2020-03; expect_rc 0 "a draft is only a preview: allowed"
j --as carole invoice issue 2020-03
expect_rc 1 "issuing under the example's identity is refused"
expect_err "l'identité du centre est celle de l'exemple" "…saying why"
expect_err "centre.tps_number 123456789RT0001" "…naming the key and its example value"
expect_err "juste settings set centre.tps_number" "…and how to set it"
expect_eq "$(sql "select count(*) from invoices where status = 'issued'")" "0" "nothing was issued"
LANGUAGE=en j --as carole invoice issue 2020-03
expect_err "example" "the refusal in English"

j check; expect_rc 1 "juste check: a finding"
expect_out "identité du centre : celle de l'exemple livré (centre.tps_number 123456789RT0001)" "…naming the example's identity"
j --as alice check; expect_rc 1 "an expert may not run check"
expect_err "permission refusée" "…as before"

j --as alice settings set centre.tps_number 987654321RT0001; expect_rc 1 "only an admin sets the identity"
j settings set centre.tps_number 987654321RT0001; expect_rc 0 "the centre's own TPS number"
j --as carole invoice issue 2020-03
expect_rc 1 "the TVQ number is still the example's: still refused"
expect_err "centre.tvq_number 1234567890TQ0001" "…naming it"
j settings set centre.tvq_number 9876543210TQ0001; expect_rc 0 "the centre's own TVQ number"
j check; expect_rc 0 "juste check: nothing left"
expect_out "identité du centre vérifiés" "…the identity among what it checked"
j --as carole invoice issue 2020-03
expect_rc 0 "issued once the identity is the centre's"
expect_eq "$(sql "select count(*) from invoices where status = 'issued' and kind = 'invoice'")" "1" "one invoice issued"
j --as carole invoice show F2020-0001 --format pdf -o "$T/f.pdf"; expect_rc 0 "its PDF"
if command -v pdftotext >/dev/null; then
  txt=$(pdftotext "$T/f.pdf" - 2>/dev/null)
  case "$txt" in *987654321RT0001*9876543210TQ0001*) ok "the PDF carries the centre's numbers";; *) not_ok "PDF numbers: $txt";; esac
  case "$txt" in *123456789RT0001*|*1234567890TQ0001*) not_ok "the PDF carries an example number";; *) ok "no example number on it";; esac
fi
j settings unset centre.tps_number; expect_rc 0 "back to the example's TPS number"
j --as alice log --date 2020-03-03 1h M-1 "Suite"
j --as carole invoice issue 2020-03; expect_rc 1 "refused again"
j check; expect_rc 1 "and check says so again"

# The demo: its centre is the example, its invoices are issued all the same
# (when it is built and later, on the demo database).
DB=$T/demo.db
JUSTE_TODAY=2020-05-15 "$JUSTE" demo --db "$DB" --quiet >/dev/null 2>"$T/demo.err"; rc=$?
expect_eq "$rc" "0" "the demo builds, its invoices issued ($(head -c 300 "$T/demo.err"))"
expect_eq "$(sql "select count(*) > 0 from invoices where status = 'issued'")" "1" "…it has issued invoices"
JUSTE_TODAY=2020-05-15 j invoice issue 2020-04
expect_rc 0 "issuing on the demo database is allowed ($ERR)"
JUSTE_TODAY=2020-05-15 j check; expect_rc 0 "check on the demo names no example identity ($OUT)"
finish
