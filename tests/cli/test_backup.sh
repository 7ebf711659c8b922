#!/usr/bin/env bash
# juste backup and juste restore: copies taken under four writers that hold
# every entry committed before they began, refusals that leave nothing
# behind, restores that juste check finds clean, and the nightly rotation.
. "$SRCDIR/tests/cli/lib.sh"
seed_world
ME=$(id -un)

# A database of some size, so that a copy takes long enough for the writers
# to commit while it runs: 4 people x 15 entries a day for eleven months.
python3 - "$T/bulk.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("date,expert,mandate,duration,note\n")
    d = datetime.date(2019, 4, 1)
    while d < datetime.date(2020, 3, 1):
        for who in ("alice", "bob", "carole", "gilles"):
            for k in range(15):
                f.write(f"{d.isoformat()},{who},M-1,30m,lot {who} {d} {k}\n")
        d += datetime.timedelta(days=1)
PY
j import entries "$T/bulk.csv"; expect_rc 0 "20 000 entries to copy"
bulk=$(sql "select count(*) from entries")

count_dir() { find "$1" -mindepth 1 | wc -l; }
fingerprint() { sqlite3 "$DB" ".dump" | sha256sum; }

# --- who may, and what is refused before anything is written ----------------
mkdir -p "$T/b"
j --as alice backup "$T/b/x.db"; expect_rc 1 "an expert may not take a backup"
expect_err "permission refusée" "…told why"
j --as carole backup "$T/b/x.db"; expect_rc 1 "nor a clerk"
j --as gilles backup "$T/b/x.db"; expect_rc 1 "nor a manager"
expect_eq "$(count_dir "$T/b")" "0" "refused backups write no file"
j backup; expect_rc 2 "backup without a FILE is a usage error"
j backup "$T/b/a.db" "$T/b/c.db"; expect_rc 2 "backup with two FILEs is a usage error"
j backup --bogus "$T/b/a.db"; expect_rc 2 "an unknown option is a usage error"
j backup "$T/b"; expect_rc 1 "a directory is refused"
j backup "$T/nowhere/x.db"; expect_rc 1 "a missing directory is refused"
expect_err "$T/nowhere" "…naming it"
before=$(fingerprint)
j backup "$DB"; expect_rc 1 "the live database itself is refused as the target"
expect_err "en service" "…as the database in service"
expect_eq "$(fingerprint)" "$before" "…and it is unchanged"
j backup "$DB-wal"; expect_rc 1 "so is its -wal"

# A symlink planted at the target: the linked file is never written.
printf 'le fichier de quelqu’un\n' > "$T/victim.txt"
ln -s "$T/victim.txt" "$T/b/link.db"
j backup "$T/b/link.db"; expect_rc 1 "a symlink at the target is refused"
expect_err "lien symbolique" "…saying so"
expect_eq "$(cat "$T/victim.txt")" "le fichier de quelqu’un" "the linked file is untouched"
[ -L "$T/b/link.db" ] && ok "the link is left as it was" || not_ok "the link was replaced"
rm "$T/b/link.db"

# --- a backup -------------------------------------------------------------
j backup "$T/b/one.db"; expect_rc 0 "the admin takes a backup"
expect_out "integrity_check : ok" "…which says it was checked"
expect_eq "$(stat -c %a "$T/b/one.db")" "600" "the copy is private to whoever took it (0600)"
expect_eq "$(stat -c %U "$T/b/one.db")" "$ME" "…and theirs"
expect_eq "$(sqlite3 "$T/b/one.db" 'pragma integrity_check')" "ok" "the copy passes integrity_check"
expect_eq "$(sqlite3 "$T/b/one.db" 'pragma user_version')" "$(sql 'pragma user_version')" "…at the live schema version"
expect_eq "$(sqlite3 "$T/b/one.db" 'pragma journal_mode')" "delete" "…one file, no -wal to carry along"
expect_eq "$(sqlite3 "$T/b/one.db" 'select count(*) from entries')" "$bulk" "…with every entry"
expect_eq "$(ls -A "$T/b")" "one.db" "no temporary file is left beside it"
cp "$T/b/one.db" "$T/b/one-copy.db"
j backup "$T/b/one.db"; expect_rc 0 "a backup over an older one of the same name replaces it"
expect_eq "$(sqlite3 "$T/b/one.db" 'pragma integrity_check')" "ok" "…with a sound copy"

# --- four writers, ten backups ----------------------------------------------
# Each writer logs one minute at a time and records each note once juste
# said it was saved; before each backup the records so far are the entries
# certainly committed before it began.
mkdir -p "$T/w" "$T/copies"
writer() { # login number
  local n=0 day
  while [ ! -e "$T/w/stop" ]; do
    n=$((n + 1)); day=$(printf '2020-03-%02d' $(( (n % 28) + 1 )))
    if "$JUSTE" --db "$DB" --as "$1" log --date "$day" 1m M-1 "w$2-$n" >/dev/null 2>>"$T/w/err$2"; then
      echo "w$2-$n" >> "$T/w/done$2"
    fi
  done
}
written() { cat "$T"/w/done* 2>/dev/null | wc -l; }
wait_for_writes() { # at least N more records than now
  local want=$(( $(written) + $1 )) i
  for i in $(seq 1 600); do [ "$(written)" -ge "$want" ] && return 0; sleep 0.05; done
  return 1
}
wpids=()
k=0
for who in alice bob carole gilles; do k=$((k + 1)); writer "$who" "$k" & wpids+=($!); done
bad_integrity=0 bad_missing=0 bad_rc=0 during=0
for r in $(seq 1 10); do
  wait_for_writes 4 || { not_ok "the writers stopped writing (round $r): $(cat "$T"/w/err* | tail -3)"; break; }
  cat "$T"/w/done* | sort > "$T/w/before$r"
  "$JUSTE" --db "$DB" backup "$T/copies/r$r.db" >/dev/null 2>"$T/w/backup$r.err" || { bad_rc=$((bad_rc + 1)); continue; }
  after=$(written)
  [ "$after" -gt "$(wc -l < "$T/w/before$r")" ] && during=$((during + 1))
  [ "$(sqlite3 "$T/copies/r$r.db" 'pragma integrity_check')" = ok ] || bad_integrity=$((bad_integrity + 1))
  sqlite3 "$T/copies/r$r.db" "select note from entries where note like 'w%'" | sort > "$T/w/copy$r"
  missing=$(comm -23 "$T/w/before$r" "$T/w/copy$r" | wc -l)
  [ "$missing" = 0 ] || { bad_missing=$((bad_missing + 1)); echo "# round $r: $missing committed entries missing from the copy"; }
done
touch "$T/w/stop"
for p in "${wpids[@]}"; do wait "$p"; done
expect_eq "$bad_rc" "0" "ten backups under four writers all succeed ($(cat "$T"/w/backup*.err 2>/dev/null | head -3))"
expect_eq "$bad_integrity" "0" "every copy passes integrity_check"
expect_eq "$bad_missing" "0" "every copy holds every entry committed before its backup began"
[ "$during" -gt 0 ] && ok "the writers kept committing between a snapshot and the end of its backup ($during rounds of 10)" \
  || not_ok "no write committed during any backup: the test proved nothing"
expect_eq "$(cat "$T"/w/err* | grep -c .)" "0" "no writer failed meanwhile"
expect_eq "$(sql "select count(*) from entries where note like 'w%'")" "$(written)" "every write the writers were told of landed"
j --db "$T/copies/r10.db" check; expect_rc 0 "juste check finds nothing in a copy ($OUT)"
expect_eq "$(ls -A "$T/copies" | grep -c '^\.')" "0" "no temporary file left among the copies"

# --- a full disk ----------------------------------------------------------
if [ "$(id -u)" = 0 ] && mkdir -p "$T/full" && mount -t tmpfs -o size=512k tmpfs "$T/full" 2>/dev/null; then
  j backup "$T/full/b.db"; expect_rc 1 "a backup to a full disk fails"
  expect_err "disque plein" "…saying the disk is full"
  expect_err "rien n'a été écrit" "…and that nothing was written"
  expect_eq "$(ls -A "$T/full")" "" "…and leaves no file at all"
  umount "$T/full"
else
  ok "# SKIP full disk: needs root to mount a small tmpfs"
fi

# --- restore --------------------------------------------------------------
j backup "$T/b/good.db"; expect_rc 0 "a backup to restore"
j log --date 2020-03-20 2h M-1 "après la copie"; expect_rc 0 "a change after it"
j --as alice restore "$T/b/good.db"; expect_rc 1 "an expert may not restore"
j restore; expect_rc 2 "restore without a FILE is a usage error"
mkdir -p "$T/r"
j restore "$T/b/good.db" --keep "$T/r/avant.db"; expect_rc 0 "the admin restores the backup ($ERR)"
expect_out "$T/r/avant.db" "…and is told where the replaced database is"
expect_eq "$(sql "select count(*) from entries where note = 'après la copie'")" "0" "the database is the backup's again"
expect_eq "$(sql "select count(*) from entries")" "$(sqlite3 "$T/b/good.db" 'select count(*) from entries')" "…with every entry of the backup"
j check; expect_rc 0 "juste check is clean after the restore ($OUT)"
expect_eq "$(sqlite3 "$T/r/avant.db" 'pragma integrity_check')" "ok" "the kept copy of the previous database passes integrity_check"
expect_eq "$(sqlite3 "$T/r/avant.db" "select count(*) from entries where note = 'après la copie'")" "1" \
  "…and holds what the restore replaced"
expect_eq "$(stat -c %a "$T/r/avant.db")" "600" "…private (0600)"
expect_eq "$(ls -A "$T/r")" "avant.db" "no temporary file left beside it"
expect_eq "$(sql "select actor || ' ' || entity || ' ' || action || ' ' || json_extract(after, '\$.restored_from') || ' ' || json_extract(before, '\$.kept_as') from audit order by id desc limit 1")" \
  "$ME database update $T/b/good.db $T/r/avant.db" "the restore is in the restored audit log: who, from which file, where the previous one is"
expect_eq "$(sql "select count(*) from audit where entity = 'database'")" "1" "…once"
j restore "$T/r/avant.db" --keep "$T/r/avant2.db"; expect_rc 0 "the kept copy restores back"
expect_eq "$(sql "select count(*) from entries where note = 'après la copie'")" "1" "…with the change made after the backup"
j check; expect_rc 0 "…and juste check is clean"

# Without --keep: beside the file, under a name no file has.
cp "$T/b/good.db" "$T/r/plain.db"
j restore "$T/r/plain.db"; expect_rc 0 "restore without --keep"
kept=$(ls "$T/r" | grep '^juste-avant-restauration-.*\.db$')
expect_eq "$(echo "$kept" | grep -c .)" "1" "the previous database is kept beside the file ($kept)"
expect_out "$kept" "…under the name it prints"
j restore "$T/r/plain.db"; expect_rc 0 "a second restore in the same second"
expect_eq "$(ls "$T/r" | grep -c '^juste-avant-restauration-.*\.db$')" "2" "…keeps a second copy, overwriting none"
j check; expect_rc 0 "juste check is clean"

# --- refused restores: the database unchanged, nothing left behind ----------
mkdir -p "$T/bad"
refused() { # file what
  local before; before=$(fingerprint)
  j restore "$1" --keep "$T/bad/kept.db"; expect_rc 1 "$2 is refused"
  expect_err "$3" "…saying why ($3)"
  expect_eq "$(fingerprint)" "$before" "…and the database is unchanged"
  [ ! -e "$T/bad/kept.db" ] && ok "…and nothing was kept" || { not_ok "a copy was kept for a refused restore"; rm -f "$T/bad/kept.db"; }
}
printf 'code,name\nFIN,Finances\n' > "$T/bad/text.db"
refused "$T/bad/text.db" "a text file" "n'est pas une base de données juste"
: > "$T/bad/empty.db"
refused "$T/bad/empty.db" "an empty file" "n'est pas une base de données juste"
sqlite3 "$T/bad/other.db" "create table t(x); insert into t values (1)"
refused "$T/bad/other.db" "an SQLite file that is not juste's" "n'est pas une base de données juste"
refused "$T/bad/absent.db" "a missing file" "absent.db"
cp "$T/b/good.db" "$T/bad/newer.db"; sqlite3 "$T/bad/newer.db" "pragma user_version = 99"
refused "$T/bad/newer.db" "a database of a newer schema" "plus récente"
cp "$T/b/good.db" "$T/bad/corrupt.db"
size=$(stat -c %s "$T/bad/corrupt.db")
head -c 40960 /dev/urandom | dd of="$T/bad/corrupt.db" bs=4096 seek=$(( size / 4096 / 2 )) conv=notrunc status=none
refused "$T/bad/corrupt.db" "a corrupt file" "integrity_check"
cp "$T/b/good.db" "$T/bad/tampered.db"
sqlite3 "$T/bad/tampered.db" "drop trigger audit_no_delete"
refused "$T/bad/tampered.db" "a file whose schema was changed by hand" "juste check"
expect_err "audit_no_delete" "…naming what juste check found"
refused "$DB" "the live database itself" "en service"
expect_eq "$(ls -A "$T/bad" | grep -c '^\.')" "0" "no temporary file left by the refusals"
before=$(fingerprint)
: > "$T/bad/exists.db"
j restore "$T/b/good.db" --keep "$T/bad/exists.db"; expect_rc 1 "--keep naming an existing file is refused"
expect_err "existe déjà" "…it is never overwritten"
expect_eq "$(stat -c %s "$T/bad/exists.db")" "0" "…the file is untouched"
ln -s "$T/victim.txt" "$T/bad/keep-link.db"
j restore "$T/b/good.db" --keep "$T/bad/keep-link.db"; expect_rc 1 "--keep naming a symlink is refused"
expect_eq "$(cat "$T/victim.txt")" "le fichier de quelqu’un" "…the linked file is untouched"
expect_eq "$(fingerprint)" "$before" "the database is unchanged by both"

# --- an older schema is migrated, on a copy, before the swap ---------------
python3 - "$SRCDIR/sql" "$T/old.db" "$ME" <<'PY'
import glob, os, sqlite3, sys, uuid
src, path, me = sys.argv[1:]
files = sorted(glob.glob(os.path.join(src, "[0-9][0-9][0-9]_*.sql")))[:6]
con = sqlite3.connect(path, isolation_level=None)
con.create_function("juste_actor", 0, lambda: me)
con.create_function("juste_as", 0, lambda: None)
con.create_function("juste_bulk", 0, lambda: 0)
for f in files:
    con.executescript(open(f, encoding="utf-8").read())
con.execute("insert into experts(uuid, login, name, function, role) values (?, ?, 'Ancienne admin', 'direction', 'admin')",
            (str(uuid.uuid4()), me))
con.execute("pragma user_version = 6")
con.close()
PY
expect_eq "$(sqlite3 "$T/old.db" 'pragma user_version')" "6" "a database of schema 6"
j restore "$T/old.db" --keep "$T/r/before-old.db"; expect_rc 0 "an older schema restores ($ERR)"
expect_out "mis au schéma $(ls "$SRCDIR"/sql/*.sql | wc -l)" "…brought to this binary's schema"
expect_eq "$(sql 'pragma user_version')" "$(ls "$SRCDIR"/sql/*.sql | wc -l)" "the live database is at the current schema"
expect_eq "$(sqlite3 "$T/old.db" 'pragma user_version')" "6" "the file itself is left as it was"
expect_eq "$(sql "select name from experts")" "Ancienne admin" "the database is the old file's"
expect_eq "$(sql "select json_extract(after, '\$.schema') || '→' || json_extract(after, '\$.migrated_to') from audit where entity = 'database'")" \
  "6→$(ls "$SRCDIR"/sql/*.sql | wc -l)" "the audit records the schema it came from"
# its centre never set an identity: the shipped example's, which check names
j check; expect_eq "$(printf '%s\n' "$OUT" | grep -cv "^identité du centre : celle de l'exemple livré")" "0" \
  "juste check finds nothing after restoring an older schema but the example identity ($OUT)"
j restore "$T/r/before-old.db" --keep "$T/r/old-again.db"; expect_rc 0 "and back"
j check; expect_rc 0 "juste check is clean"

# --- restore while others write -------------------------------------------
# Either it finds a moment when nobody commits during its copy of the
# current database (then that copy holds every entry committed before the
# restore began), or it refuses and changes nothing.
rm -f "$T"/w/done* "$T"/w/err* "$T/w/stop"
wpids=()
k=0
for who in alice bob; do k=$((k + 1)); writer "$who" "$k" & wpids+=($!); done
wait_for_writes 2
cat "$T"/w/done* | sort > "$T/w/before-restore"
"$JUSTE" --db "$DB" restore "$T/b/good.db" --keep "$T/r/busy.db" >"$T/w/restore.out" 2>&1; rc=$?
touch "$T/w/stop"
for p in "${wpids[@]}"; do wait "$p"; done
if [ "$rc" = 0 ]; then
  sqlite3 "$T/r/busy.db" "select note from entries where note like 'w%'" | sort > "$T/w/kept"
  expect_eq "$(comm -23 "$T/w/before-restore" "$T/w/kept" | wc -l)" "0" \
    "a restore under writers keeps every entry committed before it began"
else
  case "$(cat "$T/w/restore.out")" in
    *"personne n'écrit"*|*"occupée"*) ok "a restore under writers that finds no quiet moment refuses ($(cat "$T/w/restore.out"))";;
    *) not_ok "restore under writers: $(cat "$T/w/restore.out")";;
  esac
  [ ! -e "$T/r/busy.db" ] && ok "…and keeps no copy" || not_ok "a refused restore left $T/r/busy.db"
fi
j check; expect_rc 0 "juste check is clean after it"

# --- the nightly backup -----------------------------------------------------
mkdir -p "$T/nightly"
for d in 2000-01-01 2000-01-02 2000-01-03 2000-01-04; do : > "$T/nightly/juste-$d.db"; done
: > "$T/nightly/notes.db"; : > "$T/nightly/juste-avant-restauration-2000-01-01-000000.db"
out=$("$SRCDIR/scripts/juste-backup" --juste "$JUSTE" --db "$DB" --keep 3 "$T/nightly" 2>&1); rc=$?
expect_eq "$rc" "0" "scripts/juste-backup succeeds ($out)"
today=$(date +%F)
expect_eq "$(sqlite3 "$T/nightly/juste-$today.db" 'pragma integrity_check')" "ok" "tonight's copy is juste-$today.db, sound"
expect_eq "$(ls "$T/nightly" | grep -E '^juste-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$' | tr '\n' ' ')" \
  "juste-2000-01-03.db juste-2000-01-04.db juste-$today.db " "it keeps the 3 newest dated copies"
[ -e "$T/nightly/notes.db" ] && [ -e "$T/nightly/juste-avant-restauration-2000-01-01-000000.db" ] \
  && ok "…and touches no other file" || not_ok "the rotation removed other files: $(ls "$T/nightly")"
out=$("$SRCDIR/scripts/juste-backup" --juste "$JUSTE" --db "$T/nightly/missing.db" --keep 1 "$T/nightly" 2>&1); rc=$?
[ "$rc" != 0 ] && ok "a failed backup fails the script ($out)" || not_ok "juste-backup with a failing backup exited 0"
expect_eq "$(ls "$T/nightly" | grep -cE '^juste-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$')" "3" "…and removes nothing"
out=$("$SRCDIR/scripts/juste-backup" --keep 0 "$T/nightly" 2>&1); rc=$?
expect_eq "$rc" "2" "--keep 0 is a usage error ($out)"
grep -q "juste-backup" "$SRCDIR/conf/juste-backup.service.in" && grep -q "OnCalendar" "$SRCDIR/conf/juste-backup.timer" \
  && ok "a systemd service and timer are shipped in conf/" || not_ok "conf/juste-backup.service.in or .timer missing"
grep -q "juste-backup" "$SRCDIR/README.md" && grep -qE '^[0-9]+ [0-9]+ \* \* \* .*juste-backup' "$SRCDIR/README.md" \
  && ok "the README gives the cron line" || not_ok "README lacks the cron line"
finish
