#!/usr/bin/env bash
# The client's language: an organisation's `language` (fr by default, en),
# set with org add/edit, and the documents it receives written in it
# (words, dates, figures, tax names) whatever the clerk's screen is in.
export JUSTE_TODAY=2020-04-02
. "$(dirname "$0")/lib.sh"
seed_world

# --- the organisation's language --------------------------------------------
j export orgs --format json
expect_eq "$(jq -r '[.[] | .language] | unique | join(",")' <<<"$OUT")" fr "organisations are French by default"
j org add ANGLO --name "Anglo Co-operative" --address "1 Main Street, Ottawa ON" --province ON --language en
expect_rc 0 "org add --language en"
j org edit COOP1 --language en; expect_rc 0 "org edit --language en"
j export orgs --format json
expect_eq "$(jq -c '[.[] | select(.language == "en") | .code] | sort' <<<"$OUT")" '["ANGLO","COOP1"]' "both read English"
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'ANGLO'")" en "the database holds the word"
before=$(sql "SELECT count(*) FROM audit")
j org edit COOP1 --language de
expect_rc 2 "--language de is a usage error"
expect_err "'de'" "…naming the value"
expect_err "--language" "…and the option"
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'COOP1'")|$(sql "SELECT count(*) FROM audit")" "en|$before" "…and changes nothing"
j org edit COOP1 --language fr; expect_rc 0 "back to French"
expect_eq "$(sql "SELECT json_extract(after, '$.language') FROM audit WHERE entity = 'org' ORDER BY id DESC LIMIT 1")" fr "the audit records the language"
sqlite3 "$DB" "UPDATE orgs SET language = 'de' WHERE code = 'COOP1'" 2>/dev/null
expect_eq "$(sql "SELECT language FROM orgs WHERE code = 'COOP1'")" fr "the schema refuses another word"
j help org
expect_out "--language fr|en" "org --help names the option"

finish
