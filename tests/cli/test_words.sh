#!/usr/bin/env bash
# The domain's words at juste's doors: every door that takes a word (an
# import, an option, a form's field) refuses an unknown one naming it and
# the words accepted, and changes nothing; the store refuses a word it does
# not know in the database (a file written by something else than juste),
# naming the record, instead of showing a record it cannot read.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
fp() { sql "select count(*), total(length(category)) from orgs; select count(*) from mandates; select count(*) from experts; select count(*) from devaffaires"; }
before=$(fp)

# --- imports: FILE:LINE, the word, the words accepted ------------------------
printf 'code,name,category\nNEW,Nouvelle,membre\nNEW2,Autre,Membre\n' >"$T/orgs_bad.csv"
j import orgs "$T/orgs_bad.csv"; expect_rc 1 "an import with an unknown category fails"
expect_err "orgs_bad.csv:3: category : catégorie inconnue 'Membre' (membre, auxiliaire, soutien ou non_membre)" "… naming FILE:LINE, the column, the word and the words accepted"
printf 'login,name,function,role\nzoe,Zoé,stagiaire,expert\n' >"$T/experts_bad.csv"
j import experts "$T/experts_bad.csv"; expect_rc 1 "an unknown function is refused"
expect_err "experts_bad.csv:2: function : fonction inconnue 'stagiaire' (professionnel, formateur ou direction)" "… naming it"
printf 'login,name,function,role\nzoe,Zoé,formateur,patron\n' >"$T/experts_bad.csv"
j import experts "$T/experts_bad.csv"; expect_rc 1 "an unknown role is refused"
expect_err "experts_bad.csv:2: role : rôle inconnu 'patron' (expert, commis, gestionnaire ou admin)" "… naming it"
printf 'code,title,client,service,billing,opened_on\nM-9,X,FCSD,FIN,mensuel,2020-01-01\n' >"$T/mandates_bad.csv"
j import mandates "$T/mandates_bad.csv"; expect_rc 1 "an unknown billing mode is refused"
expect_err "mandates_bad.csv:2: billing : mode de facturation inconnu 'mensuel' (horaire, forfait ou non_facturable)" "… naming it"
long=$(printf 'membre%.0s' $(seq 1 20))
printf 'code,name,category\nNEW3,Longue,%s\n' "$long" >"$T/orgs_long.csv"
j import orgs "$T/orgs_long.csv"; expect_rc 1 "a word longer than any is unknown, not cut"
expect_err "catégorie inconnue '$long'" "… and shown whole"

# --- options and commands ----------------------------------------------------
j org add ECO --name "Éco" --category non-membre; expect_rc 1 "org add --category with a wrong word"
expect_err "--category : catégorie inconnue 'non-membre'" "… names the option and the word"
j invoice list --status emise; expect_rc 2 "invoice list --status with a wrong word is a usage error"
expect_err "--status : statut inconnu 'emise' (draft ou issued)" "… naming the words accepted"
j invoice list --kind avoir; expect_rc 2 "invoice list --kind with a wrong word"
expect_err "(invoice ou credit)" "… naming the words accepted"
j invoice list --status issued --kind credit; expect_rc 0 "the words themselves are accepted"
j audit --entity entries; expect_rc 2 "audit --entity with a wrong word"
expect_err "database ou mail)" "… listing every entity, restores and sends included"
j audit --entity database; expect_rc 0 "audit --entity database (restores) is accepted"
j report utilisation --from 2019-04-01 --to 2020-03-31 --by client; expect_rc 2 "report utilisation --by with a wrong word"
expect_err "--by : regroupement inconnu 'client' (expert, mandate, org, program ou service)" "… naming the groupings"
j devaffaires add --kind atelier --partner reseaux --name X; expect_rc 1 "devaffaires add --kind with a wrong word"
expect_err "genre inconnu 'atelier' (evenement ou rencontre)" "… naming the kinds"
j devaffaires add --kind evenement --partner ong --name X; expect_rc 1 "devaffaires add --partner with a wrong word"
expect_err "partenaire inconnu 'ong' (reseaux, obnl ou relayeurs)" "… naming the partners"
j expert set alice --gender Q; expect_rc 1 "expert set --gender with a wrong word"
expect_err "--gender : 'Q' inconnu (F, M, X, ou vide pour effacer)" "… naming F, M and X"
LANGUAGE=en j org add ECO --name "Éco" --category x; expect_err "unknown category 'x' (membre, auxiliaire, soutien or non_membre)" "… in English too, the words as they are"
expect_eq "$(fp)" "$before" "no refusal changed anything"

# --- the words are written and read back -------------------------------------
j org add ECO --name "Éco" --category soutien; expect_rc 0 "org add with a word"
expect_eq "$(sql "select category from orgs where code = 'ECO'")" "soutien" "… stored as the word"
j export orgs --format json; expect_out '"category": "soutien"' "… exported as the word"
j devaffaires add --date 2019-05-01 --kind rencontre --partner obnl --name "Table"; expect_rc 0 "devaffaires add"
expect_eq "$(sql "select kind || '/' || partner from devaffaires")" "rencontre/obnl" "… stored as the words"
expect_out "rencontre obnl « Table »" "… shown as the words"

# --- the store's boundary: a word juste does not know ------------------------
# Written past the CHECKs and the audit triggers, as another program could.
forge() {
  python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_function("juste_actor", 0, lambda: "forger")
c.create_function("juste_as", 0, lambda: None)
c.execute("PRAGMA ignore_check_constraints = ON")
c.executescript(sys.argv[2])
c.commit()
PY
}
forge "UPDATE orgs SET category = 'partenaire' WHERE code = 'ECO'" || not_ok "forging a category"
j export orgs; expect_rc 1 "a category juste does not know stops the export"
expect_err "organisation 'ECO' : catégorie inconnue 'partenaire' (membre, auxiliaire, soutien ou non_membre)" "… naming the record and the word"
j org edit ECO --name "Éco 2"; expect_rc 1 "… and the record is not rewritten from a guess"
forge "UPDATE orgs SET category = 'soutien' WHERE code = 'ECO'"
j export orgs; expect_rc 0 "put back, it reads again"
forge "INSERT INTO audit(actor, entity, entity_id, action) VALUES ('forger', 'remboursement', 7, 'insert')" || not_ok "forging an audit line"
id=$(sql "select max(id) from audit")
j audit; expect_rc 1 "an audit line of an entity juste does not know stops the listing"
expect_err "audit #$id : entité inconnue 'remboursement'" "… naming the line"
finish
