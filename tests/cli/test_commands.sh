#!/usr/bin/env bash
# test_commands.sh - every command and sub-command of the table of commands
# (juste complete commands|subcommands) behaves the same way: --help and
# `juste help CMD [SUB]` answer in French and English and exit 0; an
# unknown option exits 2 with juste's own message, in the user's language
# (never getopt's English); a bad --format exits 2 wherever there is a
# --format; an unknown sub-command exits 2; a refused listing prints
# nothing before its refusal.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
j --as alice log --date 2020-03-02 1h M-1 "Analyse"; expect_rc 0 "an entry to edit"
entry=$(sql "select max(id) from entries")

j complete commands; expect_rc 0 "the table of commands"
cmds=$OUT
[ "$(printf '%s\n' "$cmds" | wc -l)" -gt 20 ] && ok "the table has the commands" || not_ok "too few commands: $cmds"

# the words that come before an option: the subject a sub-command takes first
subject() {
  case "$1 $2" in
    "entry edit") echo "$entry" ;;
    "org edit") echo FCSD ;;
    "org add") echo NOUVEAU ;;
    "expert set"|"expert deactivate") echo alice ;;
    "mandate close") echo M-1 ;;
  esac
}

english_leak='unrecognized option|invalid option|requires an argument|not allow an argument|is ambiguous'
n=0
for c in $cmds; do
  j complete subcommands "$c"; expect_rc 0 "$c: its sub-commands"
  subs=$OUT
  for s in "" $subs; do
    n=$((n + 1))
    name="$c${s:+ $s}"
    # --help and juste help, in both languages
    j $c $s --help
    fr=$OUT
    [ "$RC" = 0 ] && case "$OUT" in "Usage : juste $name"*|"Usage : juste $c"*) true;; *) false;; esac &&
      ok "$name --help" || not_ok "$name --help (exit $RC: $(printf '%s' "$OUT$ERR" | head -2))"
    j help $c $s
    [ "$RC" = 0 ] && [ "$OUT" = "$fr" ] && ok "juste help $name is $name --help" || not_ok "juste help $name (exit $RC)"
    OUT=$(LANGUAGE=en "$JUSTE" --db "$DB" $c $s --help 2>&1); RC=$?
    [ "$RC" = 0 ] && case "$OUT" in "Usage: juste "*) true;; *) false;; esac && [ "$OUT" != "$fr" ] &&
      ok "$name --help in English" || not_ok "$name --help in English (exit $RC: $(printf '%s' "$OUT" | head -2))"
    # an unknown option: juste's message, naming the command, exit 2
    [ "$c" = init ] && continue   # init creates the database before it reads its options
    subj=$(subject "$c" "$s")
    j $c $s $subj --bogus
    [ "$RC" = 2 ] && case "$ERR" in *"$name : option inconnue « --bogus » (juste $name --help)"*) true;; *) false;; esac &&
      ok "$name --bogus: juste's message, exit 2" || not_ok "$name --bogus (exit $RC: $ERR)"
    if printf '%s' "$ERR" | grep -qE "$english_leak"; then not_ok "$name: getopt's English message: $ERR"; fi
    ERR=$(LANGUAGE=en "$JUSTE" --db "$DB" $c $s $subj --bogus 2>&1 >/dev/null); RC=$?
    [ "$RC" = 2 ] && case "$ERR" in *"$name: unknown option \"--bogus\" (juste $name --help)"*) true;; *) false;; esac &&
      ok "$name --bogus in English" || not_ok "$name --bogus in English (exit $RC: $ERR)"
    # an unknown option after a record that does not exist: the options
    # are read first, so it is a usage error whatever the record
    j $c $s ZZ-INCONNU --bogus
    expect_rc 2 "$name ZZ-INCONNU --bogus: a usage error, before any record is looked for"
    # a bad --format, wherever the help names --format
    if printf '%s\n' "$fr" | grep -q -- '--format'; then
      j $c $s $subj --format bogus
      expect_rc 2 "$name --format bogus: a usage error"
    fi
  done
done
[ "$n" -gt 60 ] && ok "$n commands and sub-commands walked" || not_ok "only $n commands and sub-commands"

# the options before the record: a usage error whatever the record, a
# missing record a refusal (exit 1)
for args in "entry edit 999999 --bogus" "entry edit abc --bogus" "org edit INCONNU --bogus" "entry rm 999999 --bogus" \
    "expert set inconnu --bogus" "mandate close INCONNU --bogus" "mandate budget INCONNU --bogus" \
    "invoice show F1999-9999 --bogus" "payment void 99999 --bogus" "statement INCONNU --bogus" "backup $T/x.db --bogus"; do
  set -- $args
  name="$1 $2"; case "$1" in statement|backup) name=$1;; esac
  j $args
  [ "$RC" = 2 ] && case "$ERR" in *"$name : option inconnue « --bogus »"*) true;; *) false;; esac &&
    ok "$args: juste's usage error, exit 2" || not_ok "$args (exit $RC: $ERR)"
done
j entry edit 999999 --note x; expect_rc 1 "entry edit of a missing entry: refused (exit 1)"
expect_err "999999" "…naming it"
j org edit INCONNU --name x; expect_rc 1 "org edit of a missing organisation: refused (exit 1)"
j entry edit "$entry" --date 2020-03-03 --bogus; expect_rc 2 "entry edit with a good and a bad option: a usage error"
expect_eq "$(sql "select work_date from entries where id = $entry")" "2020-03-02" "…and the entry is unchanged"
j entry edit --note "Analyse revue" "$entry"; expect_rc 0 "entry edit: the options may come before ID"
j --as alice log 30m M-1 --bogus; expect_rc 2 "log: an unknown option after the mandate is a usage error, not a note"
j --as alice log 30m M-1 "Revue" --date 2020-03-04; expect_rc 0 "log: --date after the mandate and the note"
expect_eq "$(sql "select count(*) from entries where work_date = '2020-03-04' and note = 'Revue'")" "1" "…logged on that date"

# missing values, values given to a flag, an unknown sub-command
j entries --format; expect_rc 2 "a missing value"
expect_err "entries : l'option « --format » demande une valeur (juste entries --help)" "a missing value: juste's message"
j entries --priced=1; expect_rc 2 "a value given to a flag"
expect_err "entries : l'option « --priced » ne prend pas de valeur" "a flag's value: juste's message"
j invoice bogus; expect_rc 2 "an unknown sub-command"
expect_err "invoice : sous-commande inconnue « bogus » (juste invoice --help)" "an unknown sub-command: juste's message"
j help bogus; expect_rc 2 "help on an unknown command"
j help invoice bogus; expect_rc 2 "help on an unknown sub-command"
j help; expect_rc 0 "juste help"; expect_out "Commandes :" "juste help: the list of commands"
j invoice draft 2020-03 --help; expect_rc 0 "--help after an argument"
expect_out "juste invoice draft" "--help after an argument: the sub-command's help"
j log -- 1h M-1 --help; expect_rc 0 "after --, --help is a note"
expect_out "« --help »" "after --: logged with --help as its note"

# nothing before a refusal: no header, no row
refused() {
  local who=$1; shift
  j --as "$who" "$@"
  [ "$RC" = 1 ] && [ -z "$OUT" ] && ok "$* as $who: refused, nothing printed" ||
    not_ok "$* as $who: exit $RC, stdout '$(printf '%s' "$OUT" | head -2)'"
}
refused alice report utilisation --from 2020-03-01 --to 2020-03-31
refused alice report utilisation --from 2020-03-01 --to 2020-03-31 --format csv
refused alice invoice list --format csv
refused gilles invoice journal --from 2020-03-01 --to 2020-03-31 --format csv
refused alice devaffaires list --format csv
refused alice audit --format csv
refused alice month list --format csv
refused alice report members --fy 2019-2020 --format csv
refused alice payment list --format csv
refused alice receivables --format csv
refused alice receivables --detail --format csv
refused alice receivables
refused alice export invoices
refused alice export payments --format json
refused alice absence list --expert bob --format csv
refused alice rate check --format csv
refused alice budget --format csv
refused alice ledger --from 2020-03-01 --to 2020-03-31 --format csv
finish
