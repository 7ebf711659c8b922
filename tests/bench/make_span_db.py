#!/usr/bin/env python3
"""Builds a benchmark database whose entries always span 2020-2024.

usage: make_span_db.py JUSTE DB ENTRIES

The shape of issue 18's measurements: 50 experts, 300 organisations, 1 000
mandates (one in twenty internal), ENTRIES entries spread evenly over the
working days of 2020-01-01 .. 2024-12-31, so that 100 000 and 1 000 000
entries cover the same years and months and differ only in density.  The
centre is written as CSV files and loaded with `juste import`; the entries'
import is timed (wall time, peak memory).  Deterministic: the same ENTRIES
give the same file.  The entries' CSV is kept beside DB (DB.entries.csv)
for scripts that load the same rows elsewhere.
"""
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta

juste, db, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(18)
services = ["FIN", "RH", "JUR", "TI", "COM", "GOUV", "DO", "FORM", "MKT", "COMPTA"]
n_orgs, n_experts, n_mandates = 300, 50, 1000
tmp = db + ".d"
os.makedirs(tmp, exist_ok=True)


def run(*args):
    start = time.monotonic()
    p = subprocess.Popen([juste, "--db", db, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    err = p.stderr.read().decode()
    if status != 0:
        sys.exit(f"juste {' '.join(args)} failed: {err}")
    return time.monotonic() - start, usage.ru_maxrss / 1024


def write(name, header, rows):
    path = os.path.join(tmp, name + ".csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    return path


for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)

files = {
    "services": write("services", "code,name", ([s, "Service " + s] for s in services)),
    "programs": write("programs", "code,name", ([p, "Programme " + p] for p in ["PAAPA", "PAGES", "EQ"])),
    "orgs": write("orgs", "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address",
                  [[f"OR{i:03d}", f"Organisation {i}", ["membre", "auxiliaire", "soutien", "non_membre"][i % 4], "",
                    "0", "0", "2019-01-01", "", f"o{i}@ex.coop", f"\"{i} rue Principale, Québec\""]
                   for i in range(n_orgs)]),
    "experts": write("experts", "login,name,function,role,weekly_hours,started_on,left_on",
                     [[f"x{i:02d}", f"Expert {i}", "professionnel", "expert", "35", "2019-01-01", ""]
                      for i in range(n_experts)]),
    "mandates": write("mandates", "code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,"
                      "budget_amount,opened_on,closed_on",
                      [[f"B-{i:04d}", f"Mandat {i}", f"OR{i % n_orgs:03d}", "", services[i % len(services)],
                        ["", "PAAPA", "PAGES", "EQ"][i % 4], "non_facturable" if i % 20 == 0 else "horaire",
                        "", "", "", "2019-01-01", ""] for i in range(n_mandates)]),
}
run("init")
for kind in ("services", "programs", "orgs", "experts", "mandates"):
    run("import", kind, files[kind])

days = []
d = date(2020, 1, 1)
while d <= date(2024, 12, 31):
    if d.weekday() < 5:
        days.append(d.isoformat())
    d += timedelta(days=1)
slots = len(days) * n_experts
per_slot = -(-total // slots)                     # entries per expert and day, at most
cap = max(1, 1440 // per_slot)                    # so that no day passes 24 h
durations = [m for m in (15, 30, 45, 60, 90) if m <= cap] or list(range(1, cap + 1))
path = db + ".entries.csv"
with open(path, "w", encoding="utf-8") as f:
    f.write("date,expert,mandate,duration,note\n")
    for i in range(total):
        slot = i * slots // total
        f.write(f"{days[slot // n_experts]},x{slot % n_experts:02d},B-{rng.randrange(n_mandates):04d},"
                f"{rng.choice(durations)}m,T{i}\n")
secs, rss = run("import", "entries", path)
print(f"import of {total} entries: {secs:.1f} s, peak memory {rss:.0f} MB")
