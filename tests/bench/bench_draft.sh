#!/usr/bin/env bash
# Drafts and catch-up runs stream (issue 18): `invoice draft` of the last
# month of the 1 000 000-entry span database (make_span_db.py) when nothing
# was ever billed, and again once every earlier month is issued, with an
# earlier juste and the working tree in turn (A B A B …), on fresh copies.
# Peak memory is /usr/bin/time's maximum resident size.  Both binaries'
# drafts are compared (invoices, lines, links): the figures mean nothing
# unless they bill the same to the cent.
#
# usage: tests/bench/bench_draft.sh [BASE_REV] [SPAN_DB]
#        BASE_REV: the juste to compare with (default 087e46f, before drafts streamed);
#        SPAN_DB: /tmp/juste-span-1000000.db, made with make_span_db.py when missing.
# Target: peak ≤ 64 MB whatever the number of unbilled entries.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
base=${1:-087e46f}
span=${2:-/tmp/juste-span-1000000.db}
runs=${RUNS:-2}
work=$(mktemp -d /tmp/juste-bench-draft.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== building $base and the working tree (release)"
mkdir "$work/base-src"
git -C "$src" archive "$base" | tar -x -C "$work/base-src"
meson setup "$work/base" "$work/base-src" -Dbuildtype=release >/dev/null
ninja -C "$work/base" juste >/dev/null
meson setup "$work/new" "$src" -Dbuildtype=release >/dev/null
ninja -C "$work/new" juste >/dev/null
A=$work/base/juste
B=$work/new/juste

[ -f "$span" ] || python3 "$here/make_span_db.py" "$B" "$span" 1000000
echo "== database: $(sqlite3 "$span" 'select count(*) from entries') entries"
sqlite3 "$span" ".backup '$work/db0.db'"
# the sample table, valid over the whole span, for the span's services
sed 's/^2019-04-01,/2019-01-01,/' "$src/tests/fixtures/rates/table-2019-04-01.csv" |
  grep -E "^valid_from|,($(sqlite3 "$work/db0.db" "select group_concat(code, '|') from services")),"  > "$work/table.csv"
"$B" --db "$work/db0.db" rate import "$work/table.csv" --name "Banc d'essai" >/dev/null
"$B" --db "$work/db0.db" settings set centre.tps_number 987654321RT0001 >/dev/null
"$B" --db "$work/db0.db" settings set centre.tvq_number 9876543210TQ0001 >/dev/null
last=$(sqlite3 "$work/db0.db" "select substr(max(work_date), 1, 7) from entries")
prev=$(python3 -c "import sys; y, m = map(int, sys.argv[1].split('-')); y, m = (y, m - 1) if m > 1 else (y - 1, 12); print(f'{y:04d}-{m:02d}')" "$last")
export JUSTE_TODAY=$(python3 -c "import sys; y, m = map(int, sys.argv[1].split('-')); y, m = (y, m + 1) if m < 12 else (y + 1, 1); print(f'{y:04d}-{m:02d}-05')" "$last")

# the drafts of a database, without ids: what must be equal
content() {
  sqlite3 "$1" "select c.code, i.subtotal_cents, i.tps_cents, i.tvq_cents, i.total_cents, i.warnings, i.blockers
                from invoices i join orgs c on c.id = i.client_id where i.status = 'draft' order by 1;
                select c.code, l.pos, l.kind, l.mandate_code, l.rate_cents, l.logged_minutes, l.billed_minutes,
                       l.amount_cents, l.experts, l.first_date, l.last_date
                from invoice_lines l join invoices i on i.id = l.invoice_id join orgs c on c.id = i.client_id
                where i.status = 'draft' order by 1, 2;
                select c.code, l.pos, x.entry_id, x.expert_id, x.work_date, x.note, x.logged_minutes, x.billed_minutes, x.late
                from invoice_entries x join invoice_lines l on l.id = x.line_id join invoices i on i.id = x.invoice_id
                join orgs c on c.id = i.client_id where i.status = 'draft' order by 1, 2, 3" | md5sum | cut -c1-16
}

# run LABEL DB : A and B in turn, RUNS times, each on a fresh copy of DB
run() {
  local label=$1 db=$2 r w
  : > "$work/times"
  for r in $(seq 1 "$runs"); do
    for w in A B; do
      sqlite3 "$db" ".backup '$work/run.db'"
      local bin=$A; [ $w = B ] && bin=$B
      /usr/bin/time -f "$w %e %U %M" -a -o "$work/times" "$bin" --db "$work/run.db" invoice draft "$last" > "$work/out.$w"
      echo "$w $(content "$work/run.db")" >> "$work/sums"
    done
  done
  python3 - "$label" "$work/times" "$(tail -1 "$work/out.B")" <<'PY'
import statistics, sys
label, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = {"A": [], "B": []}
for line in open(path):
    p = line.split()
    if len(p) == 4 and p[0] in t:
        t[p[0]].append((float(p[1]), float(p[2]), int(p[3]) / 1024))
print(f"-- {label}: {out}")
for w, name in (("A", "before"), ("B", "now   ")):
    xs = t[w]
    print(f"   {name}  wall {statistics.median(x[0] for x in xs):6.2f} s  user {statistics.median(x[1] for x in xs):6.2f} s"
          f"  peak {max(x[2] for x in xs):6.1f} MB   (runs: {', '.join(f'{x[0]:.2f} s/{x[2]:.0f} MB' for x in xs)})")
ratio = statistics.median(b[0] / a[0] for a, b in zip(t["A"], t["B"]))
peak = max(x[2] for x in t["B"])
print(f"   wall ratio now/before (median of pairs) {ratio:.2f}; peak now {peak:.1f} MB: {'OK' if peak <= 64 else 'OVER 64 MB'}")
PY
  if [ "$(cut -d' ' -f2 "$work/sums" | sort -u | wc -l)" != 1 ]; then
    echo "   DIFFERENT DRAFTS:"; sort -u "$work/sums"; exit 1
  fi
  echo "   same drafts, lines and links in every run ($(head -1 "$work/sums" | cut -d' ' -f2))"
  rm -f "$work/sums"
}

echo "== load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
run "catch-up: draft of $last, nothing ever billed" "$work/db0.db"
echo "== issuing every month up to $prev (once)"
cp "$work/db0.db" "$work/issued.db"
"$B" --db "$work/issued.db" invoice issue "$prev" --date "$last-01" | tail -1
run "draft of $last, every earlier month issued" "$work/issued.db"
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
