#!/usr/bin/env bash
# The office screens (issue 6), end to end in a terminal of the size given
# as $1 (80x24, 132x43): a clerk drafts, inspects and issues a month and
# makes a credit note (Facturation); a manager sorts utilisation and opens
# an expert's week, read-only (Utilisation); the admin adds an organisation
# with a bad code (refused next to the field) then a good one, and closes
# a month, after which the expert's week shows its cells locked (Données);
# an expert reaches none of these screens.  Asserts on the screen and on
# the database afterwards.
SIZE=${1:-80x24}
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

seed_world
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-04-01,FIN,membre,95.00
2019-04-01,FIN,auxiliaire,90.00
CSV
j rate import "$T/rates.csv"; expect_rc 0 "rate table"
j --as alice log --date 2020-03-02 2h M-1 "Préparation du budget"; expect_rc 0 "alice on M-1"
j --as alice log --date 2020-03-24 1h M-1 "Suivi"; expect_rc 0 "alice last week (less than half)"
j --as bob log --date 2020-03-03 1h30 M-1 "Révision"; expect_rc 0 "bob on M-1"
j --as alice log --date 2020-03-31 1h INT "Réunion"; expect_rc 0 "alice internal, on the 31st"

# --- the clerk: draft, inspect, issue, credit ---------------------------------
tui_start "$SIZE" --as carole tui
see "F3 Facturation" "the clerk's top bar lists Facturation"
screen
case "$SCREEN" in *"F4 Utilisation"*|*"F5 Données"*) not_ok "the clerk sees manager screens";; *) ok "no Utilisation or Données for the clerk";; esac
keys F3
see "Facturation · mois 2020-03" "F3 opens the billing desk on last month"
see "Aucune facture pour ce mois" "nothing drafted yet"
keys d
see "Brouillons du mois 2020-03 : 1" "d drafts the month"
screen
case "$(line_of 'FCSD')" in *brouillon*) ok "the draft is listed with its state";; *) not_ok "client row lacks its state: $(line_of 'FCSD')";; esac
case "$(line_of 'FCSD')" in *"4,50"*"427,50"*) ok "hours and subtotal on the client's row";; *) not_ok "client row: $(line_of 'FCSD')";; esac
keys Enter
see "Facture brouillon · FCSD" "Enter opens the draft"
see "M-1" "its line"
keys Enter
see "2020-03-02  Alice Bélanger" "Enter on the line lists the entries behind it"
see "2020-03-03  Bob Côté" "both experts"
keys Escape Escape
see "Facturation · mois 2020-03" "Esc goes back to the month"
keys i
see "Émettre 1 facture(s) du mois 2020-03" "i asks to confirm with the count and total"
keys o
see "1 facture(s) émise(s) pour 2020-03" "issued"
see "F2020-0001" "the invoice shows its number"
expect_eq "$(sql "select count(*) from invoices where status = 'issued' and kind = 'invoice'")" "1" "one issued invoice in the database"
keys i
see "rien à émettre" "issuing again does nothing"
expect_eq "$(sql "select count(*) from invoices where kind = 'invoice'")" "1" "still one invoice"
keys g C
see "motif" "C asks for the credit note's reason"
type_text "Erreur de taux"; keys Enter
see "Montant avant taxes" "then the amount"
type_text "100"; keys Enter
see "Créditer 100,00" "and confirms"
keys o
see "Note de crédit NC2020-0001 émise sur F2020-0001" "credit note issued"
expect_eq "$(sql "select subtotal_cents || ' ' || credit_reason from invoices where kind = 'credit'")" "-10000 Erreur de taux" "credit note in the database"
# a second clerk sees the same state after a refresh
j --as carole invoice draft 2020-03; expect_rc 0 "another clerk drafts (nothing left)"
keys r
see "Relu : mois 2020-03" "r reads again"
see "NC " "the credit note is listed"
tui_quit

# --- the manager: utilisation, sort, an expert's week ----------------------------
tui_start "$SIZE" --as gilles tui
see "F4 Utilisation" "the manager's top bar lists Utilisation"
keys F4
see "mois : 2020-04-01 au 2020-04-30" "Utilisation opens on this month"
keys p
see "exercice à ce jour : 2020-04-01" "p cycles to the fiscal year to date"
keys p
see "semaine : 2020-03-30 au 2020-04-05" "then to the week"
see "⚠ < ½" "alice logged less than half her capacity last week"
case "$(line_of 'Alice Bélanger')" in *"⚠ < ½"*) ok "the mark is on her row";; *) not_ok "alice's row: $(line_of 'Alice Bélanger')";; esac
see "⚠ rien" "bob logged nothing last week"
case "$(line_of 'Bob Côté')" in *"⚠ rien"*) ok "the mark is on his row";; *) not_ok "bob's row: $(line_of 'Bob Côté')";; esac
keys p '['
see "mois : 2020-03-01 au 2020-03-31" "back to the month, [ goes to March"
first_row() { screen; printf '%s\n' "$SCREEN" | grep -E "^(Alice|Bob|Carole|Gilles|root)" | head -1; }
keys Right Right Right s
see "Facturable ▼" "s sorts by the column under the cursor"
case "$(first_row)" in *"Alice Bélanger"*"3,00"*) ok "the most billable expert comes first";; *) not_ok "sort order: $(first_row)";; esac
screen
second=$(printf '%s\n' "$SCREEN" | grep -E "^(Alice|Bob|Carole|Gilles|root)" | sed -n 2p)
case "$second" in *"Bob Côté"*"1,50"*) ok "then the next one";; *) not_ok "second row: $second";; esac
keys s
see "Facturable ▲" "s again reverses"
case "$(first_row)" in *"Alice"*) not_ok "not reversed: $(first_row)";; *) ok "the least billable first";; esac
keys s g Enter
see "Alice Bélanger · lecture seule" "Enter opens the expert's week, read-only"
see "2h00" "with her hours (week of 2020-03-02)"
type_text "2"
see "lecture seule : seul l'expert" "typing is refused"
keys Escape '>'
see "budgets des mandats" "the mandates tab"
see "M-1 Budg" "the mandate with a budget"
see $'4,5\xc2\xa0%' "its share used"
keys '>'
see "Revenus N-1" "the clients tab"
# March's invoice (427,50 $, credited 100,00 $), issued today 2020-04-02,
# is revenue of 2019-2020, the period it bills: the fiscal year to date
# (2020-04-01 ..) has none of it.
see "2020-04-01 au 2020-04-02" "the clients tab shows the fiscal year to date"
case "$(line_of ' Total')" in
  *"327,50"*|*"427,50"*) not_ok "March's invoice counted in 2020-2021: $(line_of ' Total')";;
  *$'0,00\xc2\xa0$'*$'0,00\xc2\xa0$'*) ok "March's invoice issued in April is not revenue of the new year";;
  *) not_ok "clients total: $(line_of ' Total')";;
esac
tui_quit

# --- the admin: an organisation, refused then added; a month closed -----------------
tui_start "$SIZE" tui
keys F5
see "organisations" "Données opens on the organisations"
keys a
see "Nouvelle organisation" "a opens the form"
type_text "ÉCO"; keys Enter
see "doit commencer par une lettre" "a bad code is refused"
see "✗ Code" "the error is next to the field"
expect_eq "$(sql "select count(*) from orgs")" "2" "nothing written"
keys C-u; type_text "ECO"; keys Tab; type_text "Coopérative éco"; keys Enter
see "Organisation ajouté(e) : ECO" "a good code is saved"
expect_eq "$(sql "select name || '|' || category from orgs where code = 'ECO'")" "Coopérative éco|membre" "the organisation is in the database"
keys M
see "Fermer le mois" "M asks which month"
keys Enter
see "Fermer 2020-03 ?" "and confirms"
keys o
see "Mois 2020-03 fermé" "the month is closed"
expect_eq "$(sql "select count(*) from closed_months where month = '2020-03'")" "1" "closed in the database"
keys 2
see "Fonction" "2 shows the experts"
keys /; type_text "cote"; keys Enter
see "1 / 5" "searching 'cote' (no accent) finds Bob Côté"
keys x
see "bob a quitté le" "x asks for the expert's last day"
keys Enter
see "Expert bob désactivé : départ le 2020-04-02" "the expert is deactivated"
expect_eq "$(sql "select left_on from experts where login = 'bob'")" "2020-04-02" "left_on in the database"
keys 5 /; type_text "M-1"; keys Enter x
see "Fermer le mandat M-1 le" "x on a mandate asks for its closing date"
keys C-u; type_text "2020-03-01"; keys Enter
see "postérieure au 2020-03-01" "closing before its last entry is refused"
keys x Enter
see "Mandat M-1 fermé le 2020-04-02" "closed today"
expect_eq "$(sql "select closed_on from mandates where code = 'M-1'")" "2020-04-02" "closed_on in the database"
tui_quit

# --- the expert: locked cells; none of the office screens ----------------------------
tui_start "$SIZE" --as alice tui
see "Semaine du 2020-03-30" "alice's week"
see "verrouillé : mois 2020-03" "the closed month's cells are locked"
screen
case "$(line_of 'INT ')" in *"1h00*"*) ok "the cell shows the lock mark";; *) not_ok "INT row: $(line_of 'INT ')";; esac
case "$(line_of 'juste ')" in *Facturation*|*Utilisation*|*Données*) not_ok "the expert's top bar lists office screens";; *) ok "top bar: only Ma semaine";; esac
for k in F3:Facturation F4:Utilisation F5:Données; do
  keys "${k%%:*}"
  see_row -1 "permission refusée : ${k#*:} (rôle expert)" "${k%%:*}: the role lacks permission"
  screen
  case "$SCREEN" in *"Total du mois"*|*"Capacité"*|*"Catégorie"*|*"FCSD"*) not_ok "${k%%:*} shows data";; *) ok "${k%%:*} shows nothing";; esac
done
keys F2
see "Semaine du 2020-03-30" "F2 comes back"
keys q
see "EXIT=0" "clean exit"
tty_restored "terminal restored"

finish
