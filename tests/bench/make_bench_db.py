#!/usr/bin/env python3
"""Builds the benchmark database: a synthetic centre with 1 000 000 entries.

usage: make_bench_db.py JUSTE DB [ENTRIES]

Writes CSV files of every kind into a temporary folder and imports them with
`juste import`, so the database is made by the same code as any import.
Prints the time and peak memory of the entries import (the issue's target:
1 000 000 entries under 15 s and 64 MB on two cores).  Deterministic.
"""
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

juste, db = sys.argv[1], sys.argv[2]
total = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
rng = random.Random(20200331)
services = ["FIN", "RH", "JUR", "TI", "COM", "GOUV", "DO", "FORM", "MKT", "COMPTA", "PAIE", "STRAT"]
categories = ["membre"] * 6 + ["auxiliaire"] * 3 + ["soutien", "non_membre"]
n_members, n_enterprises, n_experts, n_mandates = 80, 300, 73, 5000


def run(*args, measure=False):
    start = time.monotonic()
    p = subprocess.Popen([juste, "--db", db, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    err = p.stderr.read().decode()
    if status != 0:
        sys.exit(f"juste {' '.join(args)} failed: {err}")
    return time.monotonic() - start, usage.ru_maxrss / 1024


for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)

with tempfile.TemporaryDirectory() as tmp:
    def write(name, header, rows):
        path = os.path.join(tmp, name + ".csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for r in rows:
                f.write(",".join(r) + "\n")
        return path

    files = {
        "services": write("services", "code,name", ([s, "Service " + s] for s in services)),
        "programs": write("programs", "code,name", ([p, "Programme " + p] for p in ["PAAPA", "PAGES", "EQ"])),
        "orgs": write("orgs", "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address",
                      [[f"MB{i:03d}", f"Membre {i}", categories[i % len(categories)], "", "1" if i < 4 else "0", "0",
                        "2009-01-01", "", f"m{i}@ex.coop", f"\"{i} rue Principale, Québec\""] for i in range(n_members)]
                      + [[f"EN{i:03d}", f"Entreprise {i}", "membre", f"MB{i % n_members:03d}", "0", "0",
                          "2009-01-01", "", "", f"\"{i} boul. Laurier, Lévis\""] for i in range(n_enterprises)]),
        "experts": write("experts", "login,name,function,role,weekly_hours,started_on,left_on",
                         [[f"x{i:02d}", f"Expert {i}", ["professionnel", "formateur", "direction"][0 if i < 47 else 1 if i < 67 else 2],
                           "expert", "35", "2009-01-01", ""] for i in range(n_experts)]),
        "mandates": write("mandates", "code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on",
                          [[f"B-{i:05d}", f"Mandat {i}", f"MB{i % n_members:03d}", f"EN{i % n_enterprises:03d}",
                            services[i % len(services)], ["", "PAAPA", "PAGES", "EQ"][i % 4],
                            "non_facturable" if i % 20 == 0 else "horaire", "", "200", "", "2010-01-01", ""] for i in range(n_mandates)]),
    }
    run("init")
    for kind in ("services", "programs", "orgs", "experts", "mandates"):
        run("import", kind, files[kind])

    # entries: each expert, each weekday from 2010-01-04, five or six entries
    # of 15-90 minutes (never near 24 h a day)
    path = os.path.join(tmp, "entries.csv")
    written = 0
    day = date(2010, 1, 4)
    with open(path, "w", encoding="utf-8") as f:
        f.write("date,expert,mandate,duration,note\n")
        while written < total:
            if day.weekday() < 5:
                iso = day.isoformat()
                for x in range(n_experts):
                    for _ in range(rng.choice((5, 6))):
                        m = rng.randrange(n_mandates)
                        f.write(f"{iso},x{x:02d},B-{m:05d},{rng.choice((15, 30, 45, 60, 90))}m,Travail {written}\n")
                        written += 1
                        if written >= total:
                            break
                    if written >= total:
                        break
            day += timedelta(days=1)
    secs, rss = run("import", "entries", path)
    print(f"import of {written} entries: {secs:.1f} s, peak memory {rss:.0f} MB (last day {day.isoformat()})")
