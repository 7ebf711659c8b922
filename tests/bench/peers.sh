#!/usr/bin/env bash
# peers.sh - juste against its peers on one data set, in the same run.
#
# For each size, peers_gen.py writes one deterministic data set (50 experts,
# 300 organisations, 1 000 mandates, 2020-2024) and it is loaded into:
#   - juste (`juste import` of the centre, then of the entries);
#   - a plain sqlite3 file with juste's tables and indexes but none of its
#     triggers (they call juste's own SQL functions), filled from the same
#     CSV by `.import` and one INSERT ... SELECT: the import's floor, and
#     the file the hand-written reference queries read;
#   - Timewarrior (TIMEWARRIORDB in the work directory, one interval per
#     entry tagged organisation, mandate, expert);
#   - one journal that Ledger and hledger both read (one posting of the
#     entry's minutes, commodity MIN, to ORGANISATION:MANDATE:EXPERT).
# Every tool must give the yearly hours by organisation and the total of the
# fiscal year 2022-2023 that the generator counted, or the script stops
# (exit 1) before timing anything.  Then each query runs in turn, A B A B ...
# (RUNS rounds; a tool whose first run took over 10 s runs SLOW_RUNS
# rounds), process start included; medians, ratios of the medians of the
# same run, peak memory (/usr/bin/time's maximum resident size, largest of
# the runs):
#   annual report        juste report annual  vs  its figures of time by hand in sqlite3
#   hours by org         juste  vs  sqlite3  vs  ledger  vs  hledger  vs  timew export | awk
#   import               juste import entries  vs  .import + INSERT ... SELECT (IMPORT_RUNS)
#   log                  juste log  vs  one INSERT in the sqlite3 shell
#   screens              Facturation, Utilisation, Données, Ma semaine: exec to first page
# Writes nothing into the repository; the data lives in BENCH_DIR (/tmp by
# default) and is deleted at the end of each size (KEEP=1 keeps it).
#
# usage: tests/bench/peers.sh [--force PEER]... [JUSTE [ENTRIES...]]
#   JUSTE: an optimised build (build/juste by default); ENTRIES: sizes
#   (default 100000 1000000).  hledger is skipped above 1 000 000 entries
#   (its run at 1 000 000 takes about a minute and grows faster than the
#   data), unless --force hledger.  PEERS="sqlite3 ledger hledger timew"
#   chooses the peers.  Missing peers are installed with apt-get (Debian
#   packages timewarrior, ledger, hledger) when possible, else skipped.
# shellcheck disable=SC2016,SC2034  # jq/bash programs in single quotes; cmd_* are read through namerefs
set -eu
here=$(cd "$(dirname "$0")" && pwd)
forced=" "
while [ $# -gt 0 ] && [ "$1" = --force ]; do forced="$forced$2 "; shift 2; done
juste=$(realpath "${1:-$here/../../build/juste}")
[ $# -gt 0 ] && shift
sizes=${*:-100000 1000000}
runs=${RUNS:-5}
slow_runs=${SLOW_RUNS:-3}
dir=${BENCH_DIR:-/tmp}
peers=${PEERS:-sqlite3 ledger hledger timew}
seed=${SEED:-18}
export JUSTE_TODAY=2024-12-31 TZ=UTC LC_ALL=C.UTF-8
from=2022-04-01 to=2023-03-31
B="m.billing IN ('horaire', 'forfait')"

die() { echo "peers.sh: $*" >&2; exit 1; }
[ -x "$juste" ] || die "no juste binary at $juste"
command -v sqlite3 >/dev/null || die "sqlite3 is needed (the reference queries)"
command -v jq >/dev/null || die "jq is needed (juste's annual report's total)"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (peak memory)"

# A peer missing is installed from Debian if we can; else it is skipped.
have=" juste sqlite3 "
for p in $peers; do
  case $p in
    sqlite3) continue ;;
    timew) bin=timew pkg=timewarrior ;;
    ledger) bin=ledger pkg=ledger ;;
    hledger) bin=hledger pkg=hledger ;;
    *) die "unknown peer $p" ;;
  esac
  if ! command -v "$bin" >/dev/null; then
    echo "$p: not installed; apt-get install -y $pkg" >&2
    if [ "$(id -u)" = 0 ] && apt-get install -y -q "$pkg" >/dev/null 2>&1; then :; else
      echo "$p: skipped (apt-get install $pkg failed or needs root)" >&2; continue
    fi
  fi
  have="$have$p "
done
has() { case $have in *" $1 "*) return 0 ;; esac; return 1; }

us_now() { date +%s%N; }
# timed NAME CMD...: one run of CMD (output thrown away), its wall time in
# microseconds appended to $work/t.NAME, its CPU time (user + system, in
# microseconds: the figure to compare on a loaded machine) to $work/c.NAME
# and its peak memory to $work/m.NAME; fails loudly when CMD does.
timed() {
  local name=$1 t0 t1; shift
  t0=$(us_now)
  /usr/bin/time -f '%M %U %S' -o "$work/mem" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; die "$name failed: $*"; }
  t1=$(us_now)
  echo $(((t1 - t0) / 1000)) >>"$work/t.$name"
  tail -1 "$work/mem" | awk -v m="$work/m.$name" -v c="$work/c.$name" \
    '{ print $1 >>m; printf "%d\n", ($2 + $3) * 1e6 >>c }'
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
peak() { sort -n "$1" | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf(b == 0 ? "-" : a / b >= 0.1 ? "%.2f" : "%.2g", b ? a / b : 0) }'; }
ms() { awk -v u="$1" 'BEGIN { u /= 1000; printf(u >= 10000 ? "%.0f" : "%.1f", u) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
row() {   # row QUERY NAME [JUSTE]: one line of the table; ratio = JUSTE's median / NAME's
  local m c r="-" rc="-"
  m=$(median "$work/t.$2") c="-"
  [ -s "$work/c.$2" ] && c=$(median "$work/c.$2")
  if [ -n "${3:-}" ]; then
    r=$(ratio "$(median "$work/t.$3")" "$m")
    [ "$c" != - ] && rc=$(ratio "$(median "$work/c.$3")" "$c")
  fi
  [ "$c" = - ] || c=$(ms "$c")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$1" "$2" "$(ms "$m")" "$r" \
    "$c" "$rc" "$(mb "$(peak "$work/m.$2")")" "$(wc -l <"$work/t.$2")" \
    | tee -a "$table"
}
# in turn: rounds N NAME... runs each NAME's command (the array cmd_NAME) in
# turn, N rounds; a NAME whose first run took over 10 s only runs SLOW_RUNS
# rounds.
rounds() {
  local n=$1 i q; shift
  for i in $(seq "$n"); do
    for q in "$@"; do
      if [ "$i" -gt "$slow_runs" ] && [ "$(head -1 "$work/t.$q")" -gt 10000000 ]; then continue; fi
      declare -n c=cmd_$q
      timed "$q" "${c[@]}"
    done
  done
}

annual_sql="
SELECT substr(e.work_date, 1, 7), sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1 ORDER BY 1;
SELECT m.service_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT m.program_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT e.expert_id, sum(CASE WHEN $B THEN e.minutes ELSE 0 END), sum(CASE WHEN $B THEN 0 ELSE e.minutes END)
  FROM entries e JOIN mandates m ON m.id = e.mandate_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY 1;
SELECT count(DISTINCT m.beneficiary_id) FROM entries e JOIN mandates m ON m.id = e.mandate_id
  WHERE e.work_date BETWEEN '$from' AND '$to' AND $B;"
org_sql="SELECT o.code, sum(e.minutes) FROM entries e JOIN mandates m ON m.id = e.mandate_id
  JOIN orgs o ON o.id = m.client_id WHERE e.work_date BETWEEN '$from' AND '$to' GROUP BY o.code ORDER BY o.code;"
total_sql="SELECT sum(minutes) FROM entries WHERE work_date BETWEEN '$from' AND '$to';"
# the plain file's entries, from the CSV: time-ordered unique uuids, as juste's
floor_sql() {
  cat <<SQL
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE staging (date TEXT, expert TEXT, mandate TEXT, duration TEXT, note TEXT);
.import --csv --skip 1 '$1' staging
BEGIN;
INSERT INTO entries (uuid, expert_id, mandate_id, work_date, minutes, note)
  SELECT printf('01900000-0000-7000-8000-%012x', s.rowid), x.id, m.id, s.date,
         CAST(rtrim(s.duration, 'm') AS INTEGER), s.note
    FROM staging s JOIN experts x ON x.login = s.expert JOIN mandates m ON m.code = s.mandate;
COMMIT;
SQL
}
# Timewarrior has no total by tag: its export (one interval a line), summed
# by awk, the cheapest way there is (jq took ten times timew's own time).
awk_orgs='function m(t) { return substr(t, 10, 2) * 60 + substr(t, 12, 2) }
  NF > 10 { if ($4 != "start" || $8 != "end") { bad = 1; exit 1 }
            for (i = 14; i <= NF; i += 2) if ($i ~ /^OR/) s[$i] += m($10) - m($6) }
  END { if (bad) exit 1; for (o in s) print o "," s[o] }'

table=$dir/peers-table.$$
: >"$table"
trap 'rm -f "$table"' EXIT
printf 'machine: %s, %s cores, %s GB; %s\n' "$(uname -m)" "$(nproc)" \
  "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
versions="juste $("$juste" --version | head -1 | awk '{ print $NF }'), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
has ledger && versions="$versions, $(ledger --version | head -1 | cut -d, -f1)"
has hledger && versions="$versions, $(hledger --version | cut -d, -f1)"
has timew && versions="$versions, timew $(timew --version)"
echo "tools: $versions"
for n in $sizes; do
  work=$dir/peers-$n
  rm -rf "$work"; mkdir -p "$work"
  echo "== $n entries: load average $(cut -d' ' -f1-3 /proc/loadavg); data in $work ($(df -h --output=avail "$dir" | tail -1 | tr -d ' ') free)"
  use=" juste sqlite3 "
  for p in ledger hledger timew; do
    has "$p" || continue
    if [ "$p" = hledger ] && [ "$n" -gt 1000000 ] && [ "$forced" = "${forced#* hledger }" ]; then
      echo "hledger: skipped at $n entries (a minute at 1 000 000, more than linear above; --force hledger runs it)"
      continue
    fi
    use="$use$p "
  done
  uses() { case $use in *" $1 "*) return 0 ;; esac; return 1; }
  formats=juste
  uses timew && formats="$formats timew"
  { uses ledger || uses hledger; } && formats="$formats ledger"
  t0=$(us_now)
  # shellcheck disable=SC2086
  python3 "$here/peers_gen.py" "$seed" "$n" "$work/data" $formats
  echo "generated ($formats) in $(ms $((($(us_now) - t0) / 1000))) ms: $(du -sh "$work/data" | cut -f1)"

  # juste: the centre, then the entries (the first import run)
  centre=$work/centre.db
  "$juste" --db "$centre" init >/dev/null
  for k in services programs orgs experts mandates; do
    "$juste" --db "$centre" import "$k" "$work/data/$k.csv" >/dev/null
  done
  plain_base=$work/plain-base.db
  sqlite3 "$centre" ".backup '$plain_base'"
  sqlite3 "$plain_base" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master WHERE type = 'trigger'" \
    | sqlite3 "$plain_base"
  floor_sql "$work/data/entries.csv" >"$work/floor.sql"
  db=$work/juste.db plain=$work/plain.db
  cp "$centre" "$db"; cp "$plain_base" "$plain"
  cmd_import=("$juste" --db "$db" import entries "$work/data/entries.csv")
  cmd_floor=(sqlite3 "$plain" ".read '$work/floor.sql'")
  timed import "${cmd_import[@]}"
  timed floor "${cmd_floor[@]}"
  [ "$(sqlite3 "$plain" 'SELECT count(*) FROM entries')" = "$n" ] || die "the plain file has not $n entries"
  if uses timew; then
    export TIMEWARRIORDB=$work/data/timew
    timew tags >/dev/null 2>&1 || true            # its tags database, built once from the intervals
  fi
  echo "loaded: juste $(du -h "$db" | cut -f1), plain sqlite3 $(du -h "$plain" | cut -f1)"

  # the same totals everywhere, or no figure means anything
  head -n -1 "$work/data/expected.csv" >"$work/expected.orgs"
  want_total=$(tail -1 "$work/data/expected.csv" | cut -d, -f2)
  cmd_juste=("$juste" --db "$db" report utilisation --from "$from" --to "$to" --by org --format csv)
  cmd_sqlite3=(sqlite3 -csv "$plain" "$org_sql")
  cmd_ledger=(ledger -f "$work/data/journal.ledger" bal -b "$from" -e 2023-04-01 --depth 1 --no-total
              --format '%(account),%(quantity(scrub(display_total)))\n')
  cmd_hledger=(hledger -f "$work/data/journal.ledger" bal -b "$from" -e 2023-04-01 --depth 1 -O csv -N)
  cmd_timew=(bash -c 'set -o pipefail; timew export "$1" - 2023-04-01 | awk -F\" "$2" | sort' timew "$from" "$awk_orgs")
  cmd_annual=("$juste" --db "$db" report annual --fy 2022-2023 --format json)
  cmd_annual_ref=(sqlite3 "$plain" "$annual_sql")
  orgs_of() {   # the tool's hours by organisation as sorted "ORG,MINUTES" lines
    case $1 in
      juste) "${cmd_juste[@]}" | tail -n +2 | awk -F, '$3 + $4 > 0 { print $1 "," $3 + $4 }' ;;
      hledger) "${cmd_hledger[@]}" | tail -n +2 | tr -d '"' | sed 's/ MIN$//' ;;
      *) declare -n c=cmd_$1; "${c[@]}" ;;
    esac | sort
  }
  for q in $use; do
    orgs_of "$q" >"$work/orgs.$q"
    cmp -s "$work/orgs.$q" "$work/expected.orgs" || {
      diff "$work/expected.orgs" "$work/orgs.$q" | head -5 >&2
      die "$n: $q's hours by organisation for $from .. $to differ from the generator's"; }
    got=$(awk -F, '{ s += $2 } END { print s }' "$work/orgs.$q")
    [ "$got" = "$want_total" ] || die "$n: $q's total for $from .. $to is $got minutes, not $want_total"
  done
  got=$("${cmd_annual[@]}" | jq '.years[] | select(.fy == "2022-2023") | .billable_minutes + .internal_minutes')
  [ "$got" = "$want_total" ] || die "$n: juste's annual report counts $got minutes in 2022-2023, not $want_total"
  got=$(sqlite3 "$plain" "$total_sql")
  [ "$got" = "$want_total" ] || die "$n: the plain file counts $got minutes in 2022-2023, not $want_total"
  echo "checked: $(wc -l <"$work/expected.orgs") organisations, $want_total minutes in 2022-2023, the same in: $use+ juste's annual report"

  # A B A B ...  (the check above warmed the page cache)
  rounds "$runs" annual annual_ref
  row "annual report" annual
  row "annual report" annual_ref annual
  # shellcheck disable=SC2086
  rounds "$runs" $use
  row "hours by organisation" juste
  for q in $use; do [ "$q" = juste ] || row "hours by organisation" "$q" juste; done

  # the import: fresh copies of the centre each run
  for _ in $(seq $((${IMPORT_RUNS:-$([ "$n" -ge 10000000 ] && echo 1 || echo 3)} - 1))); do
    cp "$centre" "$work/imp.db"; cp "$plain_base" "$work/imp-plain.db"
    timed import "$juste" --db "$work/imp.db" import entries "$work/data/entries.csv"
    timed floor sqlite3 "$work/imp-plain.db" ".read '$work/floor.sql'"
    rm -f "$work"/imp.db* "$work"/imp-plain.db*
  done
  row "import" import
  row "import" floor import

  # one entry: juste log against one INSERT in the shell (its own
  # transaction, synchronous = FULL in WAL, as juste's)
  cmd_log=("$juste" --db "$db" --as x01 log --date 2024-12-28 1m B-0001 bench)
  cmd_insert=(sqlite3 "$plain" "INSERT INTO entries (uuid, expert_id, mandate_id, work_date, minutes, note)
    VALUES (lower(hex(randomblob(4))) || '-0000-7000-8000-' || lower(hex(randomblob(6))),
            (SELECT id FROM experts WHERE login = 'x01'), (SELECT id FROM mandates WHERE code = 'B-0001'),
            '2024-12-28', 1, 'bench');")
  rounds $((runs * 4)) log insert
  row "log one entry" log
  row "log one entry" insert log

  # the screens, exec to first page, in a pseudo-terminal at 80x24
  python3 - "$juste" "$db" "$runs" "$work" <<'PY'
import fcntl, os, pty, select, struct, subprocess, sys, termios, time
juste, db, runs, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def run_pty(screen, extra, day):
    env = dict(os.environ, JUSTE_TODAY=day, JUSTE_TUI_BENCH="1", TERM="xterm-256color", LC_ALL="C.UTF-8")
    env.pop("JUSTE_TUI_SCREEN", None)
    if screen != "week":
        env["JUSTE_TUI_SCREEN"] = screen
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t = time.monotonic()
    p = subprocess.Popen([juste, "--db", db, *extra, "tui"], stdin=slave, stdout=slave, stderr=slave,
                         env=env, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 30)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status, usage = os.wait4(p.pid, 0)
    dt = (time.monotonic() - t) * 1e6
    os.close(master)
    if status != 0 or (screen == "week" and b"Semaine du" not in out):
        sys.exit("juste tui (%s) failed: %s" % (screen, out.decode(errors="replace")[-400:]))
    return int(dt), usage.ru_maxrss, int((usage.ru_utime + usage.ru_stime) * 1e6)
screens = [("billing", [], "2024-12-31"), ("util", [], "2024-12-31"), ("data", [], "2024-12-31"),
           ("week", ["--as", "x05"], "2024-12-11")]
for s in screens:
    run_pty(*s)                                   # warm
for _ in range(runs * 2):                         # in turn
    for s in screens:
        for kind, value in zip("tmc", run_pty(*s)):
            with open(os.path.join(work, f"{kind}.screen-{s[0]}"), "a") as f:
                f.write(f"{value}\n")
PY
  for s in billing util data week; do row "first page from exec, 80x24" "screen-$s"; done
  echo "load average after $n: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
done
echo
echo "| entries | query | tool | wall ms (median) | juste ÷ it | CPU ms (median) | juste ÷ it (CPU) | peak MB | runs |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$table"
rm -f "$table"
