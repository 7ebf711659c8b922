#!/usr/bin/env bash
# The shared server, for real: scripts/install-server as root into a private
# prefix, real Unix accounts (useradd), and each of them trying what the
# role model forbids with the file system, the environment and their own
# configuration.  Needs root; skipped otherwise.
. "$SRCDIR/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
  echo "1..0 # SKIP needs root, useradd and setpriv"; exit 77
fi
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux not installed"; exit 77; }

P=js$$                                  # a prefix for this run's accounts
G=${P}g
ADM=${P}adm EXP=${P}exp EXP2=${P}bob CLERK=${P}com
ROOTDIR=$T/srv
BIN=$ROOTDIR/usr/bin/juste
STATE=$ROOTDIR/var/lib/juste
DBS=$STATE/juste.db
CONF=$ROOTDIR/etc/juste/juste.ini
TMUX_SOCK="juste-srv-$$"
cleanup() {
  tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
  for u in "$ADM" "$EXP" "$EXP2" "$CLERK"; do userdel "$u" 2>/dev/null; done
  groupdel "$G" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
for u in "$ADM" "$EXP" "$EXP2" "$CLERK"; do
  mkdir -p "$T/home/$u"
  useradd -M -N -d "$T/home/$u" -s /bin/sh -c "Test ${u#$P}" "$u" || { not_ok "useradd $u"; finish; }
  chown "$u" "$T/home/$u"; chmod 700 "$T/home/$u"
done
chmod 755 "$T/home"

# as USER CMD... : runs CMD as that Unix user, with an environment of their
# own (no root HOME, no test clock unless given).
as() {
  local u=$1; shift
  setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups \
    env -i PATH=/usr/bin:/bin HOME="$T/home/$u" USER="$u" LOGNAME="$u" LC_ALL=C.UTF-8 \
      ASAN_OPTIONS=detect_leaks=0 "$@"
}
# js USER ARGS... : the installed juste as USER; stdout in $OUT, stderr in $ERR
js() {
  local u=$1; shift
  OUT=$(as "$u" "$BIN" "$@" 2>"$T/stderr"); RC=$?
  ERR=$(cat "$T/stderr")
}

# --- the installation -------------------------------------------------------
install_server() {
  "$SRCDIR/scripts/install-server" --admin "$ADM" --prefix "$ROOTDIR/usr" --sysconfdir "$ROOTDIR/etc" \
    --statedir "$STATE" --group "$G" --build-dir "$T/build" >"$T/install.out" 2>&1
}
install_server; RC=$?
expect_eq "$RC" "0" "install-server succeeds ($(tail -3 "$T/install.out" | tr '\n' ' '))"
[ "$RC" = 0 ] || finish
expect_eq "$(stat -c '%U:%G %a' "$BIN")" "root:$G 2755" "the binary is root:$G, set-group-id (2755)"
expect_eq "$(stat -c '%U:%G %a' "$STATE")" "root:$G 2770" "the data directory is root:$G, 2770"
expect_eq "$(stat -c '%U:%G %a' "$CONF")" "root:root 644" "the system configuration is root's, 0644"
expect_eq "$(stat -c '%G %a' "$DBS")" "$G 660" "the database is the group's, 0660"
grep -q "^path = $DBS\$" "$CONF" && ok "the configuration names the database" || not_ok "config: $(cat "$CONF")"
getent group "$G" | grep -q ":$" && ok "the group has no members" || not_ok "group: $(getent group "$G")"
expect_eq "$(sqlite3 "$DBS" "select login || ' ' || role from experts")" "$ADM admin" "LOGIN is the database's admin"

# The admin adds people and the small world of the CLI tests.
cat > "$T/experts.csv" <<CSV
login,name,function,role,weekly_hours,started_on,left_on
$EXP,Élise Expert,professionnel,expert,35,2015-01-01,
$EXP2,Bob Autre,professionnel,expert,35,2015-01-01,
$CLERK,Carole Commis,professionnel,commis,35,2015-01-01,
CSV
cat > "$T/services.csv" <<'CSV'
code,name
FIN,Finances
CSV
cat > "$T/orgs.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
FCSD,Fédération des coopératives,membre,,0,0,2015-01-01,,info@fcsd.coop,"1 rue Principale, Québec"
CSV
cat > "$T/mandates.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-1,Budget annuel,FCSD,,FIN,,horaire,,,,2019-04-01,
CSV
printf 'valid_from,service,category,rate\n2019-04-01,FIN,membre,100.00\n' > "$T/rates.csv"
chmod 644 "$T"/*.csv
for k in experts services orgs mandates; do
  js "$ADM" import "$k" "$T/$k.csv"; expect_rc 0 "the admin imports $k"
done
js "$ADM" rate import "$T/rates.csv"; expect_rc 0 "the admin imports a rate table"
js "$ADM" settings set centre.tps_number 987654321RT0001; expect_rc 0 "the admin sets the centre's TPS number"
js "$ADM" settings set centre.tvq_number 9876543210TQ0001; expect_rc 0 "…and its TVQ number"

# --- an expert, with the file in hand ------------------------------------
out=$(as "$EXP" sqlite3 "$DBS" "select count(*) from experts" 2>&1); rc=$?
[ "$rc" != 0 ] && ok "sqlite3 on the database fails for an expert ($out)" || not_ok "sqlite3 as expert read: $out"
out=$(as "$EXP" ls "$STATE" 2>&1); rc=$?
[ "$rc" != 0 ] && case "$out" in *"ermission denied"*) true;; *) false;; esac \
  && ok "the data directory cannot be listed" || not_ok "ls as expert: $out"
out=$(as "$EXP" cat "$DBS" 2>&1 >/dev/null); rc=$?
[ "$rc" != 0 ] && ok "the database cannot be read with cat" || not_ok "cat as expert worked"
out=$(as "$EXP" mv "$DBS" "$T/home/$EXP/stolen.db" 2>&1); rc=$?
[ "$rc" != 0 ] && [ -f "$DBS" ] && ok "the database cannot be renamed" || not_ok "mv as expert: $out"
out=$(as "$EXP" rm -f "$DBS-wal" 2>&1); rc=$?
[ "$rc" != 0 ] && ok "the -wal cannot be deleted" || not_ok "rm -wal as expert: $out"
out=$(as "$EXP" python3 -c "import sqlite3; sqlite3.connect('file:$DBS?mode=rw', uri=True).execute('select 1')" 2>&1); rc=$?
[ "$rc" != 0 ] && ok "Python's sqlite3 cannot open it either" || not_ok "python as expert: $out"

js "$EXP" log --date 2020-03-02 1h30 M-1 "Préparation"; expect_rc 0 "the expert logs time through juste"
js "$EXP2" log --date 2020-03-02 2h M-1 "Autre personne"; expect_rc 0 "a second expert logs time"
js "$EXP" week --date 2020-03-02; expect_rc 0 "the expert's week"
expect_out "1h30" "the week shows the time"
js "$EXP" entries --from 2020-03-01 --to 2020-03-31 --format csv
expect_rc 0 "the expert lists entries"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f4 | sort -u)" "$EXP" "entries shows only their own time"
js "$EXP" entries --expert "$EXP2"; expect_rc 1 "another expert's time is refused"
js "$EXP" audit; expect_rc 1 "an expert may not read the audit"
js "$EXP" settings set taxes.tps_rate 20; expect_rc 1 "an expert may not change the policy"

# The environment says nothing about who one is, nor where the database is.
printf '[database]\npath = %s/evil.db\n' "$T/home/$EXP" > "$T/home/$EXP/evil.ini"
chown "$EXP" "$T/home/$EXP/evil.ini"
OUT=$(as "$EXP" env USER="$ADM" LOGNAME="$ADM" HOME="$T/home/$ADM" SUDO_USER="$ADM" SUDO_UID=0 \
  JUSTE_CONFIG="$T/home/$EXP/evil.ini" JUSTE_TODAY=2020-03-03 JUSTE_TUI_SCREEN=data \
  XDG_CONFIG_HOME="$T/home/$EXP" XDG_DATA_HOME="$T/home/$EXP" \
  "$BIN" log --date 2020-03-04 45m M-1 "environnement" 2>&1); RC=$?
expect_eq "$RC" "0" "logging with a forged environment still works ($OUT)"
expect_eq "$(sqlite3 "$DBS" "select x.login from entries e join experts x on x.id = e.expert_id where e.note = 'environnement'")" \
  "$EXP" "USER, LOGNAME, HOME, SUDO_USER, JUSTE_CONFIG, XDG_* change nothing: the entry is the real user's, in the shared database"
[ ! -e "$T/home/$EXP/evil.db" ] && ok "JUSTE_CONFIG did not point juste at another database" || not_ok "evil.db was created"
expect_eq "$(sqlite3 "$DBS" "select actor from audit where entity = 'entry' order by id desc limit 1")" "$EXP" "the audit names the real user"
OUT=$(as "$EXP" env JUSTE_TODAY=2020-03-05 "$BIN" log 15m M-1 "date du jour" 2>&1); RC=$?
expect_eq "$(sqlite3 "$DBS" "select count(*) from entries where note = 'date du jour' and work_date = '2020-03-05'")" "0" \
  "JUSTE_TODAY is not read by the set-group-id juste"
js "$EXP" --as "$ADM" entries; expect_rc 1 "an expert cannot act as the admin"
js "$EXP" init; expect_rc 1 "an expert cannot create the shared database"
expect_err "root" "…only root does, at installation"

# --db and --config: the group is dropped first, the user's own file is used.
js "$EXP" --db "$DBS" entries; expect_rc 1 "--db naming the shared file gets no privilege"
js "$EXP" --db "$T/home/$EXP/mine.db" init; expect_rc 0 "--db: a database of one's own works"
expect_eq "$(stat -c '%U %G' "$T/home/$EXP/mine.db")" "$EXP $(id -gn "$EXP")" "…owned by the user, not the group"

# Entry ids are never reused, and the audit names records by UUID.
js "$EXP" log --date 2020-03-06 10m M-1 "à supprimer"
last=$(sqlite3 "$DBS" "select max(id) from entries")
js "$EXP" entry rm "$last"; expect_rc 0 "the expert removes their last entry"
js "$EXP" log --date 2020-03-06 20m M-1 "après"
expect_eq "$(sqlite3 "$DBS" "select id > $last from entries where note = 'après'")" "1" "a deleted entry's id is not given again"
expect_eq "$(sqlite3 "$DBS" "select count(*) from audit where entity = 'entry' and (entity_uuid is null or length(entity_uuid) <> 36)")" \
  "0" "every audit row of an entry names it by UUID"
out=$(sqlite3 "$DBS" "delete from audit" 2>&1)
case "$out" in *"append-only"*) ok "the database refuses to delete the audit log, even for root's sqlite3";; *) not_ok "audit delete: $out";; esac
out=$(sqlite3 "$DBS" "update audit set actor = 'x'" 2>&1)
case "$out" in *"append-only"*) ok "…and to rewrite it";; *) not_ok "audit update: $out";; esac

# The TUI works as the expert, and its process cannot be inspected by them.
tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -x 100 -y 30 -s t \
  "setpriv --reuid=$EXP --regid=$(id -g "$EXP") --init-groups env -i PATH=/usr/bin:/bin HOME=$T/home/$EXP LC_ALL=C.UTF-8 TERM=screen-256color $BIN tui; sleep 60"
shown=""
for _ in $(seq 1 200); do
  shown=$(tmux -L "$TMUX_SOCK" capture-pane -p -t t 2>/dev/null)
  case "$shown" in *"Ma semaine"*) break;; esac
  sleep 0.05
done
case "$shown" in *"Ma semaine"*) ok "the TUI opens as the expert";; *) not_ok "TUI as expert: $shown";; esac
pid=$(pgrep -u "$EXP" -f "$BIN tui" | head -1)
if [ -n "$pid" ]; then
  out=$(as "$EXP" ls "/proc/$pid/fd" 2>&1); rc=$?
  [ "$rc" != 0 ] && case "$out" in *"Permission denied"*) true;; *) false;; esac \
    && ok "the expert cannot reach the process's descriptors (not dumpable)" || not_ok "/proc/$pid/fd: rc $rc, $out"
  expect_eq "$(awk '/^Gid:/ {print $2 == $3 && $3 == $4}' "/proc/$pid/status")" "1" "the running TUI holds no group any more"
else
  not_ok "no TUI process found for $EXP"
fi
tmux -L "$TMUX_SOCK" send-keys -t t q

# --- the clerk ----------------------------------------------------------------
mkdir -p "$T/home/$CLERK/.config/juste"
printf '[taxes]\ntps_rate = 20\ntvq_rate = 0\n[invoice]\nnumber_pattern = X{year}-{seq:2}\n' > "$T/home/$CLERK/.config/juste/juste.ini"
chown -R "$CLERK" "$T/home/$CLERK/.config"
js "$CLERK" invoice issue 2020-03 --date 2020-04-01
expect_rc 0 "the clerk issues March"
expect_err "n'est pas lu" "a personal juste.ini's policy keys are ignored, with a notice"
js "$CLERK" invoice list --format csv
case "$OUT" in *F2020-0001*) ok "the number follows the centre's pattern, not the clerk's file";; *) not_ok "numbers: $OUT";; esac
expect_eq "$(sqlite3 "$DBS" "select tps_rate || '/' || tvq_rate from invoices where number = 'F2020-0001'")" "5000/9975" \
  "the taxes are the centre's, not the clerk's file"
js "$CLERK" invoice pdf 2020-03 -o "$T/home/$CLERK/factures/"
expect_rc 0 "the clerk writes the month's PDFs into their home"
expect_eq "$(stat -c '%U' "$T/home/$CLERK/factures/F2020-0001.pdf" 2>&1)" "$CLERK" "the PDF belongs to the clerk"
js "$CLERK" settings set taxes.tps_rate 20; expect_rc 1 "the clerk may not change the policy"

# The admin changes the policy through juste: audited, dated.
js "$ADM" settings set taxes.tvq_rate 10 --from 2030-01-01; expect_rc 0 "the admin sets a dated tax rate"
expect_eq "$(sqlite3 "$DBS" "select actor from audit where entity = 'setting' order by id desc limit 1")" "$ADM" "the change is audited"

# --- backup and restore -----------------------------------------------------
# After the group is dropped nothing may be created in the data directory:
# the copies are the admin's, in the admin's directory, and the database is
# changed only through the connection juste opened.
SAVE=$T/home/$ADM/sauvegardes
install -d -m 700 -o "$ADM" "$SAVE"
js "$EXP" backup "$T/home/$EXP/vol.db"; expect_rc 1 "an expert may not take a backup"
[ ! -e "$T/home/$EXP/vol.db" ] && ok "…and gets no file" || not_ok "the expert got a copy"
js "$ADM" backup "$SAVE/juste.db"; expect_rc 0 "the admin backs up the shared database into their own directory ($ERR)"
expect_eq "$(stat -c '%U %a' "$SAVE/juste.db")" "$ADM 600" "…a file of the admin's, 0600"
expect_eq "$(sqlite3 "$SAVE/juste.db" 'pragma integrity_check')" "ok" "…that passes integrity_check"
js "$EXP" log --date 2020-03-09 30m M-1 "après la sauvegarde"; expect_rc 0 "the expert logs time after it"
js "$EXP" restore "$SAVE/juste.db"; expect_rc 1 "an expert may not restore"
js "$ADM" restore "$SAVE/juste.db"; expect_rc 0 "the admin restores the backup ($ERR)"
expect_eq "$(sqlite3 "$DBS" "select count(*) from entries where note = 'après la sauvegarde'")" "0" "the shared database is the backup's"
kept=$(ls "$SAVE" | grep '^juste-avant-restauration-')
expect_eq "$(stat -c '%U %a' "$SAVE/$kept" 2>&1)" "$ADM 600" "the replaced database is kept in the admin's directory, theirs"
expect_eq "$(sqlite3 "$SAVE/$kept" "select count(*) from entries where note = 'après la sauvegarde'")" "1" "…with what the restore replaced"
expect_eq "$(stat -c '%U:%G %a' "$DBS")" "root:$G 660" "the shared database keeps its owner, group and mode"
expect_eq "$(ls -A "$STATE" | grep -v '^juste\.db\(-wal\|-shm\)\?$')" "" "nothing else appears in the data directory"
expect_eq "$(sqlite3 "$DBS" "select actor from audit where entity = 'database'")" "$ADM" "the restore is audited under the admin's name"
js "$ADM" check; expect_rc 0 "juste check is clean after the restore ($OUT $ERR)"
js "$ADM" restore "$SAVE/$kept" --keep "$SAVE/undo.db"; expect_rc 0 "restoring the kept copy undoes it"
expect_eq "$(sqlite3 "$DBS" "select count(*) from entries where note = 'après la sauvegarde'")" "1" "…the entry is back"
js "$EXP" week --date 2020-03-09; expect_rc 0 "and the expert goes on working"

# --- installing again keeps the data -------------------------------------
before=$(sqlite3 "$DBS" "select count(*) from entries")
install_server; RC=$?
expect_eq "$RC" "0" "install-server a second time succeeds"
expect_eq "$(sqlite3 "$DBS" "select count(*) from entries")" "$before" "…and keeps every entry"
expect_eq "$(stat -c '%U:%G %a' "$BIN") $(stat -c '%a' "$STATE")" "root:$G 2755 2770" "…and puts modes back"
js "$ADM" check; expect_rc 0 "juste check is clean after all this ($OUT $ERR)"

finish
