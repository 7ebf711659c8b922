#!/usr/bin/env bash
# test_golden.sh - the deterministic demo's outputs, byte for byte, against
# tests/golden/demo/: the annual report in every format (PDF through
# pdftotext), utilisation, members, ristourne, invoices (list, show of a
# large one, both credit notes, a forfait, a tax-exempt one, a held draft,
# one PDF), the sales journal, priced entries, the week, the rate table,
# and every export.  The demo is built once.  tests/golden/README.md says
# what the filter removes and how to regenerate the files on purpose.
export JUSTE_TODAY=2020-06-15
# The demo registers the invoking user (login and name from the password
# database) among the experts, and lists are sorted by login: the golden
# files are recorded as root, so another user runs this test in a user
# namespace where they are root.
if [ "$(id -u)" != 0 ]; then
  if unshare --user --map-root-user true 2>/dev/null; then
    exec unshare --user --map-root-user bash "$0" "$@"
  fi
  echo "1..0 # SKIP the golden outputs are recorded as root and user namespaces are unavailable"
  exit 77
fi
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/golden/lib_golden.sh"

DB="$T/demo.db"
"$JUSTE" demo --db "$DB" --quiet >/dev/null 2>"$T/demo.err" || { not_ok "demo: $(cat "$T/demo.err")"; finish; }
ok "demo built"

# out NAME ARGS... : juste ARGS on the demo, stdout compared with
# tests/golden/demo/NAME; the command must succeed.
out() {
  local name=$1; shift
  "$JUSTE" --db "$DB" "$@" > "$T/out" 2>"$T/err"; local rc=$?
  if [ "$rc" != 0 ]; then
    not_ok "juste $*: exit $rc ($(head -3 "$T/err"))"
    return
  fi
  golden_check "demo/$name" "$T/out" "juste $*"
}

# --- the annual report and the other reports --------------------------------
FY=2019-2020
out report_annual.txt report annual --fy "$FY"
out report_annual.md report annual --fy "$FY" --format md
out report_annual.csv report annual --fy "$FY" --format csv
out report_annual.json report annual --fy "$FY" --format json
out report_annual_2018-2019.txt report annual --fy 2018-2019
out report_utilisation_expert.txt report utilisation --from 2019-04-01 --to 2020-03-31
out report_utilisation_mandate.csv report utilisation --from 2019-04-01 --to 2020-03-31 --by mandate --format csv
out report_utilisation_program.json report utilisation --from 2019-04-01 --to 2020-03-31 --by program --format json
out report_utilisation_service_2020-03.txt report utilisation --from 2020-03-01 --to 2020-03-31 --by service
out report_members.txt report members --fy "$FY"
out report_members.json report members --fy "$FY" --format json
out ristourne.txt ristourne --fy "$FY" --amount 50000.00
out ristourne.json ristourne --fy "$FY" --amount 50000.00 --format json

# --- invoices ------------------------------------------------------------------
out invoice_list_2020-03.json invoice list --month 2020-03 --format json
out invoice_list_2020-03.txt invoice list --month 2020-03
out invoice_list_credit.json invoice list --kind credit --format json
out invoice_list_draft.txt invoice list --status draft
# a large invoice (20 lines, 379 entries), a full and a partial credit note,
# hours with a forfait, a forfait alone, a tax-exempt client
for n in F2020-0104 NC2019-0001 NC2019-0002 F2019-0179 F2018-0012 F2019-0187; do
  out "invoice_show_$n.json" invoice show "$n" --format json
done
out invoice_show_F2019-0179.txt invoice show F2019-0179
# a draft held back (its client has no address)
held=$(sql "select min(i.id) from invoices i join orgs o on o.id = i.client_id where i.status = 'draft' and o.address = ''")
[ -n "$held" ] && ok "the demo has a held draft (#$held)" || not_ok "no held draft in the demo"
out invoice_show_held_draft.json invoice show "#$held" --format json
out invoice_journal_2020-03.txt invoice journal --from 2020-03-01 --to 2020-03-31
out invoice_journal_2019-2020.csv invoice journal --from 2019-04-01 --to 2020-03-31 --format csv

# --- time, rates ------------------------------------------------------------------
# one month of one client billed by the hour and by forfait, priced
out entries_priced_2020-03_FCPQ.csv entries --priced --format csv --from 2020-03-01 --to 2020-03-31 --org FCPQ
out entries_priced_2020-03_FCPQ.json entries --priced --format json --from 2020-03-01 --to 2020-03-31 --org FCPQ
out week.txt week
out week_2020-03-16.txt week --date 2020-03-16
out week_2020-03-16.json week --date 2020-03-16 --format json
out rate_show.txt rate show
out rate_show_2018-06-01.csv rate show --at 2018-06-01 --format csv
out rate_list.txt rate list

# --- exports ------------------------------------------------------------------------
for k in orgs experts services programs mandates; do
  out "export_$k.csv" export "$k"
done
# JSON where it stays small (the writer is the same for every kind)
for k in experts services programs; do
  out "export_$k.json" export "$k" --format json
done
out export_entries_2020-03-16_20.csv export entries --from 2020-03-16 --to 2020-03-20
out export_entries_2020-03-16.json export entries --from 2020-03-16 --to 2020-03-16 --format json

# --- PDF, as text (after the JSON above: printing counts a reprint) -------------------
if command -v pdftotext >/dev/null; then
  pdf() {   # pdf NAME ARGS... : juste ARGS -o FILE.pdf, its text compared
    local name=$1; shift
    rm -f "$T/doc.pdf"
    "$JUSTE" --db "$DB" "$@" -o "$T/doc.pdf" >/dev/null 2>"$T/err" || { not_ok "juste $*: $(head -3 "$T/err")"; return; }
    # the layout of the text follows the fonts: the goldens were made
    # with DejaVu Sans, what fontconfig finds on a Debian machine
    local fonts
    fonts=$(pdffonts "$T/doc.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | tr '\n' ' ')
    if [ -n "$fonts" ] && [ "$fonts" != "DejaVuSans DejaVuSans-Bold " ]; then
      echo "# $name not compared: the PDF uses other fonts ($fonts) than the golden's (DejaVu Sans)"
      GOLDEN_SEEN="$GOLDEN_SEEN demo/$name"
      return
    fi
    pdftotext -layout "$T/doc.pdf" "$T/doc.txt" 2>"$T/err" || { not_ok "pdftotext for $name: $(cat "$T/err")"; return; }
    golden_check "demo/$name" "$T/doc.txt" "juste $* (pdftotext -layout)"
  }
  pdf invoice_F2019-0179.pdf.txt invoice show F2019-0179 --format pdf
  pdf report_annual.pdf.txt report annual --fy "$FY" --format pdf
else
  echo "# pdftotext missing: the PDF goldens are not compared"
  GOLDEN_SEEN="$GOLDEN_SEEN demo/invoice_F2019-0179.pdf.txt demo/report_annual.pdf.txt"
fi

golden_orphans demo
finish
