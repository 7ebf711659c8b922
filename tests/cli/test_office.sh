#!/usr/bin/env bash
# The commands behind the Données screen (issue 6): juste org add|edit and
# juste mandate close, through the validation of import; roles.
. "$SRCDIR/tests/cli/lib.sh"
seed_world

j org add ÉCO --name "Coopérative éco"; expect_rc 1 "a bad code is refused"
expect_err "--code : le code 'ÉCO' doit commencer par une lettre" "the message names the option (once)"
j org add FCSD --name "Encore"; expect_rc 1 "an existing code is refused"
expect_err "existe déjà" "… saying it exists"
j org add ECO --name "Coopérative éco" --category mauvaise; expect_rc 1 "a bad category is refused"
expect_err "--category" "… naming --category"
j org add ECO --name "Coopérative éco" --parent NOPE; expect_rc 1 "an unknown parent is refused"
expect_err "NOPE" "… naming it"
expect_eq "$(sql "select count(*) from orgs")" "2" "nothing written by the refusals"
j org add ECO --name "Coopérative éco" --parent FCSD --email eco@eco.coop --address "4 rue Verte, Lévis" --joined 2020-01-15
expect_rc 0 "a good organisation is added"
expect_eq "$(sql "select o.name || '|' || o.category || '|' || p.code || '|' || o.joined_on from orgs o join orgs p on p.id = o.parent_id where o.code = 'ECO'")" \
  "Coopérative éco|membre|FCSD|2020-01-15" "stored with its parent"
j org edit ECO --category auxiliaire --tax-exempt oui; expect_rc 0 "edit changes what is given"
expect_eq "$(sql "select category || '|' || tax_exempt || '|' || email from orgs where code = 'ECO'")" "auxiliaire|1|eco@eco.coop" "… and keeps the rest"
j org edit FCSD --parent ECO; expect_rc 1 "a loop of parents is refused"
expect_err "boucle" "… as a loop"
j org edit NOPE --name x; expect_rc 1 "editing an unknown organisation is refused"
j --as gilles org add GIL --name "Gilles"; expect_rc 1 "the manager may not add"
expect_err "permission refusée" "… permission refused"
expect_eq "$(sql "select count(*) from audit where entity = 'org' and action = 'insert'")" "3" "the insert is audited"

j --as alice log --date 2020-03-10 1h M-1 "travail"; expect_rc 0 "an entry on M-1"
j mandate close M-1 --date 2020-03-01; expect_rc 1 "closing before an entry is refused"
expect_err "2020-03-10" "… naming the entry's date"
j mandate close M-1 --date 2020-03-10; expect_rc 0 "closing on its last entry"
expect_eq "$(sql "select closed_on from mandates where code = 'M-1'")" "2020-03-10" "closed_on stored"
j --as alice log --date 2020-03-11 1h M-1 "après"; expect_rc 1 "no entry after the close"
j mandate close M-1 --date 2018-01-01; expect_rc 1 "closing before it opened is refused"
j mandate close NOPE; expect_rc 1 "an unknown mandate"
j --as carole mandate close INT; expect_rc 1 "the clerk may not close a mandate"
j org --help; expect_rc 0 "org --help"
expect_out "juste org add CODE" "usage line"

# an expert who left: deactivated from the CLI as from the Données screen
j expert deactivate alice --date 2020-03-01; expect_rc 1 "deactivating before their last entry is refused"
j expert deactivate alice --date 2020-03-31; expect_rc 0 "alice leaves on 2020-03-31"
expect_eq "$(sql "select left_on from experts where login = 'alice'")" "2020-03-31" "left_on stored"
j --as alice log --date 2020-04-01 1h INT "après son départ"; expect_rc 1 "no entry after leaving"
j --as carole expert deactivate bob; expect_rc 1 "the clerk may not deactivate an expert"

finish
