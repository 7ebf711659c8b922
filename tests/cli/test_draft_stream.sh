#!/usr/bin/env bash
# The drafts of a month when nothing was ever billed (a catch-up): many
# generated entries over ten months, two rate tables (so a mandate has two
# hours lines), a billing increment, a forfait, late entries.  The drafts
# are summed as the entries stream by; what they bill must be, line by
# line, what `juste entries --priced` says each entry is worth, and every
# entry must be linked once to the line of its rate.
export JUSTE_TODAY=2020-04-02
. "$SRCDIR/tests/cli/lib.sh"
seed_world
N=${DRAFT_STREAM_ENTRIES:-6000}

cat > "$T/orgs2.csv" <<'CSV'
code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address
ORA,Coopérative A,membre,,0,0,2015-01-01,,a@a.coop,"1 rue A, Québec"
ORB,Coopérative B,soutien,,0,0,2015-01-01,,b@b.coop,"2 rue B, Québec"
ORC,Coopérative C,non_membre,,0,0,2015-01-01,,c@c.coop,"3 rue C, Québec"
CSV
cat > "$T/mandates2.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
A-1,Mandat A-1,ORA,,FIN,,horaire,,,,2019-01-01,
A-2,Mandat A-2,ORA,,RH,,horaire,,,,2019-01-01,
B-1,Mandat B-1,ORB,,FIN,,horaire,,,,2019-01-01,
B-2,Mandat B-2,ORB,,RH,,forfait,300.00,,,2019-01-01,
C-1,Mandat C-1,ORC,,FIN,,horaire,,,,2019-01-01,
C-2,Interne C,ORC,,FIN,,non_facturable,,,,2019-01-01,
CSV
j import orgs "$T/orgs2.csv"; expect_rc 0 "organisations"
j import mandates "$T/mandates2.csv"; expect_rc 0 "mandates"
# whole dollars an hour and durations in multiples of 3 minutes: every
# entry is worth whole cents, so the lines' amounts (on their total
# minutes) are the sums of the entries' amounts
cat > "$T/rates.csv" <<'CSV'
valid_from,service,category,rate
2019-06-01,FIN,membre,95.00
2019-06-01,FIN,auxiliaire,90.00
2019-06-01,FIN,soutien,100.00
2019-06-01,FIN,non_membre,120.00
2019-06-01,RH,membre,80.00
2019-06-01,RH,soutien,85.00
2019-06-01,RH,non_membre,110.00
CSV
sed -e 's/^2019-06-01/2020-01-01/' -e 's/95.00/97.00/; s/120.00/125.00/; s/80.00/82.00/' "$T/rates.csv" > "$T/rates2.csv"
j rate import "$T/rates.csv"; expect_rc 0 "rate table 2019-06-01"
j rate import "$T/rates2.csv"; expect_rc 0 "rate table 2020-01-01"
j --as carole invoice increment --mandate A-1 15; expect_rc 0 "a mandate's increment"

python3 - "$N" > "$T/entries.csv" <<'PY'
import random, sys
from datetime import date, timedelta
n = int(sys.argv[1]); rng = random.Random(42)
days = [date(2019, 6, 3) + timedelta(d) for d in range(305)]
days = [d for d in days if d.weekday() < 5 and d <= date(2020, 3, 31)]
mandates = ["A-1", "A-2", "B-1", "B-2", "C-1", "C-2", "M-1", "M-2", "INT"]
print("date,expert,mandate,duration,note")
for i in range(n):
    d = days[i * len(days) // n]
    m = rng.choice(mandates)
    if m == "M-2" and d > date(2020, 1, 31):
        m = "M-1"
    print(f"{d.isoformat()},{['alice', 'bob'][i % 2]},{m},{rng.choice([3, 6, 15, 21, 30, 45, 60])}m,n{i}")
PY
j import entries "$T/entries.csv"; expect_rc 0 "$N generated entries"
# April's entry, after the month: not on March's drafts
j --as bob log --date 2020-04-01 1h A-1 "Avril"; expect_rc 0 "an entry after the month"

j --as carole invoice draft 2020-03
expect_rc 0 "the catch-up drafts"

j entries --priced --format csv --to 2020-03-31; expect_rc 0 "the priced entries"
printf '%s\n' "$OUT" > "$T/priced.csv"
j invoice list --month 2020-03 --status draft --format json; expect_rc 0 "the drafts listed"
printf '%s\n' "$OUT" > "$T/list.json"
: > "$T/shows.json"
for id in $(python3 -c 'import json, sys; [print(i["id"]) for i in json.load(open(sys.argv[1]))]' "$T/list.json"); do
  "$JUSTE" --db "$DB" invoice show "#$id" --format json >> "$T/shows.json" || not_ok "show #$id"
  echo >> "$T/shows.json"
done

python3 - "$T/priced.csv" "$T/shows.json" "$DB" > "$T/compare.out" <<'PY'
import csv, json, sqlite3, sys
from collections import defaultdict
priced, shows, db = sys.argv[1:4]
# what entries --priced says: by client, mandate and rate
want = defaultdict(lambda: [0, 0, 0])
forfait_min = defaultdict(int)
for r in csv.DictReader(open(priced, encoding="utf-8")):
    if r["billing"] == "forfait":
        forfait_min[(r["client"], r["mandate"])] += int(r["minutes"])
    if r["billing"] != "horaire":
        continue
    k = (r["client"], r["mandate"], round(float(r["rate"]) * 100))
    want[k][0] += 1
    want[k][1] += int(r["minutes"])
    want[k][2] += round(float(r["amount"]) * 100)
got = defaultdict(lambda: [0, 0, 0])
got_forfait = {}
problems = []
dec = json.JSONDecoder()
text = open(shows, encoding="utf-8").read()
pos, docs = 0, []
while pos < len(text):
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        break
    d, pos = dec.raw_decode(text, pos)
    docs.append(d)
con = sqlite3.connect(db)
for d in docs:
    inv = d
    client = inv["client"]
    lines = inv["lines"]
    subtotal = 0
    for i, l in enumerate(lines, 1):
        if l["pos"] != i:
            problems.append(f"{client}: line {i} has pos {l['pos']}")
        subtotal += l["amount_cents"]
        if l["kind"] != "hours":
            got_forfait[(client, l["mandate"])] = l["logged_minutes"]
            continue
        k = (client, l["mandate"], l["rate_cents"])
        n_links = con.execute("SELECT count(*) FROM invoice_entries x JOIN invoice_lines il ON il.id = x.line_id "
                              "WHERE il.invoice_id = ? AND il.pos = ?", (inv["id"], l["pos"])).fetchone()[0]
        got[k][0] += n_links
        got[k][1] += l["logged_minutes"]
        got[k][2] += l["amount_cents"]
    hours = [(l["mandate"], l["rate_cents"]) for l in lines if l["kind"] == "hours"]
    if hours != sorted(hours):
        problems.append(f"{client}: hours lines not by mandate then rate: {hours}")
    if subtotal != inv["subtotal_cents"]:
        problems.append(f"{client}: subtotal {inv['subtotal_cents']} != sum of lines {subtotal}")
for k in sorted(set(want) | set(got)):
    if want[k] != got[k]:
        problems.append(f"{k}: entries --priced (entries, minutes, cents) {want[k]} but drafts {got[k]}")
for k, m in forfait_min.items():
    if got_forfait.get(k) != m:
        problems.append(f"forfait {k}: {m} minutes logged, line says {got_forfait.get(k)}")
twice = con.execute("SELECT count(*) FROM (SELECT entry_id FROM invoice_entries GROUP BY entry_id HAVING count(*) > 1)").fetchone()[0]
if twice:
    problems.append(f"{twice} entries linked twice")
two_rates = sum(1 for k in want if k[1] == "A-1")
print(f"lines {len(got)} entries {sum(v[0] for v in want.values())} cents {sum(v[2] for v in want.values())} "
      f"A-1 rates {two_rates}")
for p in problems:
    print("PROBLEM", p)
PY
[ $? = 0 ] || not_ok "comparison ran"
cat "$T/compare.out" | sed 's/^/# /'
if grep -q PROBLEM "$T/compare.out"; then not_ok "the drafts bill what entries --priced says, line by line"
else ok "the drafts bill what entries --priced says, line by line"; fi
grep -q "A-1 rates 2" "$T/compare.out" && ok "a mandate priced under two tables has two lines" \
  || not_ok "a mandate priced under two tables has two lines"
lines=$(sed -n 's/^lines \([0-9]*\) .*/\1/p' "$T/compare.out")
[ "${lines:-0}" -ge 8 ] && ok "the drafts have their hours lines ($lines)" || not_ok "too few lines (${lines:-none})"
expect_eq "$(sql "select count(*) from invoice_entries x join invoices i on i.id = x.invoice_id where i.period = '2020-03' and x.work_date > '2020-03-31'")" 0 \
  "no entry after the month is drafted"
expect_eq "$(sql "select count(*) from invoice_entries x join entries e on e.id = x.entry_id where x.note <> e.note or x.logged_minutes <> e.minutes or x.work_date <> e.work_date or x.expert_id <> e.expert_id")" 0 \
  "each link copies its entry"
expect_eq "$(sql "select count(*) from invoice_entries where late <> (work_date < '2020-03-01')")" 0 "late marks the entries before the month"

# issued, nothing is left to draft; the same run again drafts nothing new
j --as carole invoice issue 2020-03 --date 2020-04-01; expect_rc 0 "the catch-up is issued"
j --as carole invoice draft 2020-03; expect_rc 0 "drafting again"
expect_num "0 brouillon" "nothing left once issued"
finish
