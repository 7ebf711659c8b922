#!/usr/bin/env bash
# Foundation: init and migrations, identity and roles, logging time, the
# audit log, checks, configuration and translations.
. "$SRCDIR/tests/cli/lib.sh"
ME=$(id -un)

# --- migrations from empty -------------------------------------------------
j init
expect_rc 0 "init creates the database"
expect_out "$ME" "init registers the invoking user"
expect_eq "$(sql 'PRAGMA user_version')" "$(ls "$SRCDIR"/sql/*.sql | wc -l)" "every migration applied"
expect_eq "$(sql 'PRAGMA journal_mode')" "wal" "WAL journal"
expect_eq "$(sql "select role from experts where login = '$ME'")" "admin" "invoking user is admin"
j init
expect_rc 1 "a second init is refused"
expect_eq "$(sql 'select count(*) from experts')" "1" "second init changed nothing"
"$JUSTE" --db "$T/none.db" entries >/dev/null 2>"$T/e"; RC=$?
expect_eq "$RC" "1" "a missing database is an error"
grep -q "juste init" "$T/e" && ok "and the message says how to create it" || not_ok "missing-db message: $(cat "$T/e")"
[ ! -e "$T/none.db" ] && ok "no database file is created by a read" || not_ok "none.db was created"
sqlite3 "$DB" "insert into services(uuid, code, name) values ('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', 'X', 'x')" 2>"$T/e" \
  && not_ok "a raw write without an actor went unaudited" \
  || { grep -q "juste_actor" "$T/e" && ok "a raw sqlite3 write is refused (no actor for the audit)" || not_ok "raw write refused for another reason: $(cat "$T/e")"; }
rm -f "$DB" "$DB"-wal "$DB"-shm

# --- a small world ---------------------------------------------------------
seed_world
expect_eq "$(sql 'select count(*) from mandates')" "3" "seed imported"
expect_eq "$(sql "select count(*) from experts where length(uuid) = 36")" "5" "every record has a UUID"

# --- logging time ----------------------------------------------------------
j --as alice log --date 2020-03-02 1h30 M-1 "Préparation du budget, « révisé »"
expect_rc 0 "alice logs 1h30"
expect_out "1h30" "log prints what was saved"
expect_eq "$(sql "select minutes from entries e join experts x on x.id = e.expert_id where x.login = 'alice'")" "90" "stored as 90 minutes"
for d in "1 h 30" "1:30" "90m" "1,5" "1.5" "1,5h"; do
  j --as bob log --date 2020-03-03 "$d" M-1
  [ "$RC" = 0 ] && [ "$(sql "select minutes from entries order by id desc limit 1")" = 90 ] \
    && ok "duration form '$d' is 90 minutes" || not_ok "duration form '$d' (rc $RC: $ERR)"
done
n=$(sql 'select count(*) from entries')
for bad in "0" "-1h" "abc" "25h" "1h75" ""; do
  j --as bob log --date 2020-03-04 "$bad" M-1
  [ "$RC" != 0 ] && ok "bad duration '$bad' refused" || not_ok "bad duration '$bad' accepted"
done
j --as bob log --date 2020-02-30 1h M-1;  expect_rc 1 "impossible date refused"
j --as bob log --date 2020-03-04 1h M-404; expect_rc 1 "unknown mandate refused"; expect_err "M-404" "message names the mandate"
j --as bob log --date 2020-02-15 1h M-2;  expect_rc 1 "mandate closed on that date refused"
j --as bob log --date 2019-03-01 1h M-1;  expect_rc 1 "date before the mandate opened refused"
j --as bob log --date 2020-03-05 16h M-1; expect_rc 0 "16 h in a day accepted"
j --as bob log --date 2020-03-05 9h INT;  expect_rc 1 "over 24 h in one day refused"; expect_err "24 h" "message says 24 h"
j --as bob log --date 2020-03-05 8h INT;  expect_rc 0 "exactly 24 h accepted"
expect_eq "$(sql 'select count(*) from entries')" "$((n + 2))" "refused entries left nothing behind"

# --- reading time: an expert sees only their own ---------------------------
j --as alice entries --format csv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f4 | sort -u)" "alice" "alice lists only her entries"
j --as alice entries --expert bob
expect_rc 1 "alice may not list bob's entries"; expect_err "permission" "refusal says permission"
j --as carole entries --expert bob --format csv
expect_rc 0 "the clerk lists bob's entries"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "$(sql "select count(*) from entries e join experts x on x.id = e.expert_id where x.login = 'bob'")" "all of them"
j --as alice entries --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["minutes"] == 90 and "«" in d[0]["note"]' \
  && ok "JSON is valid, minutes are integers and accents survive" || not_ok "JSON output: $OUT"
j --as alice entries
expect_num "1,50" "table shows the total in hours"

# --- editing and removing --------------------------------------------------
id=$(sql "select e.id from entries e join experts x on x.id = e.expert_id where x.login = 'alice'")
j --as bob entry edit "$id" --duration 2h
expect_rc 1 "bob may not edit alice's entry"
expect_eq "$(sql "select minutes from entries where id = $id")" "90" "and it is unchanged"
j --as alice entry edit "$id" --duration 2h --note "Budget révisé"
expect_rc 0 "alice edits her entry"
expect_eq "$(sql "select minutes || '|' || note from entries where id = $id")" "120|Budget révisé" "edit saved"
j --as alice entry edit "$id" --duration 0
expect_rc 1 "edit to a zero duration refused"
j --as alice entry rm 999999
expect_rc 1 "removing an unknown entry is an error"
j --as bob entry rm "$id"
expect_rc 1 "bob may not remove alice's entry"

# --- the audit log ---------------------------------------------------------
j --as alice audit
expect_rc 1 "an expert may not read the audit log"
j --as gilles audit --entity entry
expect_rc 0 "the manager reads the audit log"
expect_out "$ME→alice" "the audit names the admin and whom they acted for"
expect_out '"minutes":90' "values before are recorded"
expect_out '"minutes":120' "values after are recorded"
expect_eq "$(sql "select count(*) from audit where entity = 'entry' and action = 'update' and entity_id = $id")" "1" "one update row for the edit"
j --as alice entry rm "$id"
expect_rc 0 "alice removes her entry"
expect_eq "$(sql "select count(*) from audit where entity = 'entry' and action = 'delete' and entity_id = $id and before is not null")" "1" "the delete is audited with the values before"
j audit --entity bogus
expect_rc 2 "unknown entity is a usage error"

# --- --as only for admins, identity from the OS ----------------------------
j --as nobody_here entries
expect_rc 1 "--as an unknown login is refused"
USER=alice LOGNAME=alice "$JUSTE" --db "$DB" log --date 2020-03-06 1h M-1 >/dev/null 2>&1
expect_eq "$(sql "select x.login from entries e join experts x on x.id = e.expert_id order by e.id desc limit 1")" "$ME" "\$USER does not change who logs"
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v setpriv >/dev/null; then
  U=jt$$; useradd -M -N -s /usr/sbin/nologin "$U" 2>/dev/null
  trap 'userdel "$U" 2>/dev/null; rm -rf "$T"' EXIT
  chmod 777 "$T"; chmod 666 "$DB" "$DB"-wal "$DB"-shm 2>/dev/null
  printf 'login,name,function,role,weekly_hours,started_on,left_on\n%s,Ulysse Test,professionnel,expert,35,2015-01-01,\n' "$U" > "$T/u.csv"
  j import experts "$T/u.csv"
  uid=$(id -u "$U"); gid=$(id -g "$U")
  # the build tree may sit under a home the user cannot enter (/root)
  cp "$JUSTE" "$T/juste-bin" && chmod 755 "$T/juste-bin"
  as_u() { setpriv --reuid="$uid" --regid="$gid" --clear-groups env HOME="$T" "$T/juste-bin" --db "$DB" "$@"; }
  out=$(as_u --as alice entries 2>&1); rc=$?
  [ "$rc" = 1 ] && case "$out" in *permission*) true;; *) false;; esac \
    && ok "a real non-admin user is refused --as" || not_ok "non-admin --as: rc $rc, $out"
  out=$(as_u log --date 2020-03-06 1h M-1 2>&1); rc=$?
  [ "$rc" = 0 ] && ok "a real expert logs their own time" || not_ok "real expert log: $out"
  expect_eq "$(sql "select x.login from entries e join experts x on x.id = e.expert_id order by e.id desc limit 1")" "$U" "the entry is theirs, from the real uid"
  out=$(as_u audit 2>&1); rc=$?
  [ "$rc" = 1 ] && ok "a real expert may not read the audit" || not_ok "real expert audit: rc $rc"
else
  echo "# skipped real-user checks (not root)"
fi

# --- check -----------------------------------------------------------------
j check
expect_rc 0 "check passes on a sound database"

# --- configuration ---------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/juste"
printf '[taxes]\ntps_rate = cinq\n' > "$XDG_CONFIG_HOME/juste/juste.ini"
j entries; expect_rc 1 "a bad value in the XDG config stops juste"
expect_err "juste.ini: [taxes] tps_rate:" "the message names file, section and key"
printf '[taxes]\ntps_rat = 5\n' > "$T/other.ini"
"$JUSTE" --config "$T/other.ini" --db "$DB" entries >/dev/null 2>"$T/e"; RC=$?
expect_eq "$RC" "1" "--config wins over XDG and an unknown key is an error"
grep -q "other.ini: \[taxes\] tps_rat:" "$T/e" && ok "unknown key named" || not_ok "unknown key message: $(cat "$T/e")"
printf '[fiscal]\nyear_start = 02-29\n' > "$T/fy.ini"
JUSTE_CONFIG="$T/fy.ini" "$JUSTE" --db "$DB" entries >/dev/null 2>"$T/e"; RC=$?
expect_eq "$RC" "1" "JUSTE_CONFIG is read; 02-29 refused as a fiscal start"
printf '[centre]\ntps_number = 12345RT0001\n' > "$T/tps.ini"
"$JUSTE" --config "$T/tps.ini" --db "$DB" entries >/dev/null 2>"$T/e"; RC=$?
expect_eq "$RC" "1" "a malformed TPS number is refused"
cp "$SRCDIR/conf/juste.ini" "$XDG_CONFIG_HOME/juste/juste.ini"
j entries; expect_rc 0 "the shipped juste.ini is valid"
printf '[database]\npath = %s\n' "$DB" > "$XDG_CONFIG_HOME/juste/juste.ini"
OUT=$("$JUSTE" --as alice entries --format csv 2>&1); RC=$?
expect_rc 0 "the database path comes from the configuration"

# --- translations ----------------------------------------------------------
OUT=$("$JUSTE" --help); expect_out "Commandes" "help is in French by default"
OUT=$(LANGUAGE=en "$JUSTE" --help); expect_out "Commands" "LANGUAGE=en gives English help"
OUT=$(LANGUAGE=en "$JUSTE" log --help); expect_out "Usage" "command help in English"
j --as alice entries --expert bob; expect_err "permission refusée" "refusals in French"
ERR=$(LANGUAGE=en "$JUSTE" --db "$DB" --as alice entries --expert bob 2>&1); expect_err "permission denied" "refusals in English"
j bogus; expect_rc 2 "unknown command is a usage error"
j log; expect_rc 2 "missing arguments are a usage error"

finish
