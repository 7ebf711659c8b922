# lib.sh - shared by the CLI tests: a temporary home, a fixed clock, and
# assertions that print TAP-like lines.  Source it; call `finish` at the end.
set -u
: "${JUSTE:?JUSTE must name the juste binary}"
: "${SRCDIR:?SRCDIR must name the source tree}"
T=$(mktemp -d /tmp/juste-test.XXXXXX)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
mkdir -p "$HOME"
export JUSTE_TODAY=${JUSTE_TODAY:-2020-03-16}
unset JUSTE_CONFIG LANGUAGE
export LC_ALL=C.UTF-8
FIXTURES="$SRCDIR/tests/fixtures"
DB="$T/juste.db"
PASS=0
FAIL=0

ok()     { PASS=$((PASS + 1)); echo "ok - $*"; }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }

# j ARGS... : runs juste on $DB; output in $OUT, error in $ERR, status in $RC
j() {
  OUT=$("$JUSTE" --db "$DB" "$@" 2>"$T/stderr"); RC=$?
  ERR=$(cat "$T/stderr")
}

expect_rc()       { [ "$RC" = "$1" ] && ok "$2" || not_ok "$2 (exit $RC, expected $1; stderr: $ERR)"; }
expect_out()      { case "$OUT" in *"$1"*) ok "$2";; *) not_ok "$2 (stdout lacks '$1': $OUT)";; esac; }
expect_err()      { case "$ERR" in *"$1"*) ok "$2";; *) not_ok "$2 (stderr lacks '$1': $ERR)";; esac; }
expect_eq()       { [ "$1" = "$2" ] && ok "$3" || not_ok "$3 (got '$1', expected '$2')"; }
# expect_num TEXT MSG : as expect_out for a TEXT that starts with a number,
# which must be whole there: "2 factures" is not found in "12 factures" nor
# in "1 302 factures" (French groups thousands with a no-break space).
expect_num() {
  if python3 -c 'import re, sys
sys.exit(0 if re.search(r"(?<![0-9,.\u00a0\u202f])" + re.escape(sys.argv[1]), sys.argv[2]) else 1)' "$1" "$OUT"; then
    ok "$2"
  else
    not_ok "$2 (stdout lacks '$1' as a whole number: $OUT)"
  fi
}
sql()             { sqlite3 "$DB" "$@"; }

# seed_identity [DB] : the test centre's own identity (name, address, TPS
# and TVQ numbers) in DB ($DB by default), set as its admin.
seed_identity() {
  local db=${1:-$DB}
  "$JUSTE" --db "$db" settings set centre.name "Centre de services d'essai" >/dev/null &&
  "$JUSTE" --db "$db" settings set centre.address '10, rue de l'"'"'Essai\nQuébec (Québec)  G1A 1A1' >/dev/null &&
  "$JUSTE" --db "$db" settings set centre.tps_number 987654321RT0001 >/dev/null &&
  "$JUSTE" --db "$db" settings set centre.tvq_number 9876543210TQ0001 >/dev/null ||
    { not_ok "seed identity"; finish; }
}

# A small world: one service, two members, three mandates, two experts,
# and a centre with an identity of its own: no invoice is issued under the
# shipped example's (seed_world --example-identity keeps it).
seed_world() {
  "$JUSTE" --db "$DB" init >/dev/null || { not_ok "init"; finish; }
  [ "${1:-}" = --example-identity ] || seed_identity
  cat > "$T/services.csv" <<'CSV'
code,name
FIN,Finances
RH,Ressources humaines
CSV
  cat > "$T/orgs.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
FCSD,Fédération des coopératives de services à domicile,membre,,0,0,2015-01-01,,info@fcsd.coop,"1 rue Principale, Québec"
COOP1,Coopérative Érable,auxiliaire,FCSD,0,0,2019-06-01,,coop@erable.coop,"2 rue des Érables, Lévis"
CSV
  cat > "$T/experts.csv" <<'CSV'
login,name,function,role,weekly_hours,started_on,left_on
alice,Alice Bélanger,professionnel,expert,35,2015-01-01,
bob,Bob Côté,professionnel,expert,35,2015-01-01,
carole,Carole Gagnon,professionnel,commis,35,2015-01-01,
gilles,Gilles Lévesque,direction,gestionnaire,35,2015-01-01,
CSV
  cat > "$T/mandates.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-1,Budget annuel,FCSD,COOP1,FIN,,horaire,,100,,2019-04-01,
M-2,Dotation,FCSD,,RH,,horaire,,,,2019-04-01,2020-01-31
INT,Développement des affaires,FCSD,,FIN,,non_facturable,,,,2015-01-01,
CSV
  for k in services orgs experts mandates; do
    "$JUSTE" --db "$DB" import "$k" "$T/$k.csv" >/dev/null 2>"$T/seed.err" || { not_ok "seed import $k: $(cat "$T/seed.err")"; finish; }
  done
}

finish() {
  echo "# $PASS passed, $FAIL failed"
  [ "$FAIL" = 0 ]
  exit $?
}
