#!/usr/bin/env python3
"""Writes one data set of time entries in the formats of juste and its peers.

usage: peers_gen.py SEED ENTRIES OUTDIR [FORMAT...]
  FORMAT: juste (the centre's CSV files and entries.csv for `juste import`),
          timew (a Timewarrior database: OUTDIR/timew/data/YYYY-MM.data),
          ledger (OUTDIR/journal.ledger, read by both Ledger and hledger);
          all three when none is given.

The shape of issue 18's measurements: 50 experts, 300 organisations, 1 000
mandates (one in twenty internal), ENTRIES entries spread evenly over the
working days of 2020-01-01 .. 2024-12-31, so that every size covers the same
months and differs only in density.  Each expert's entries of a day follow
one another from 08:00 (from 00:00 when a day holds more than 16 hours), so
that they can be written as intervals; no day passes 24 hours.

Every format holds the same entries: the same date, expert, mandate (and so
organisation) and minutes.  Timewarrior gets one interval per entry tagged
with the organisation, the mandate and the expert; the journal one
transaction per entry with one unbalanced posting of the minutes (commodity
MIN, exact where hours would not be) to ORG:MANDATE:EXPERT.

It also writes OUTDIR/expected.csv: the minutes of each organisation over
the fiscal year 2022-04-01 .. 2023-03-31, and a last line `total,MINUTES`,
computed here from the rows written, for the benchmark to check every
tool against.  Deterministic: the same SEED and ENTRIES give the same files.
"""
import os
import random
import sys
from datetime import date, timedelta

N_ORGS, N_EXPERTS, N_MANDATES = 300, 50, 1000
SERVICES = ["FIN", "RH", "JUR", "TI", "COM", "GOUV", "DO", "FORM", "MKT", "COMPTA"]
FY_FROM, FY_TO = "2022-04-01", "2023-03-31"


def org_of(mandate):
    return f"OR{mandate % N_ORGS:03d}"


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")


def write_centre(out):
    write_csv(os.path.join(out, "services.csv"), "code,name", ([s, "Service " + s] for s in SERVICES))
    write_csv(os.path.join(out, "programs.csv"), "code,name",
              ([p, "Programme " + p] for p in ["PAAPA", "PAGES", "EQ"]))
    write_csv(os.path.join(out, "orgs.csv"),
              "code,name,category,parent,full_management,tax_exempt,joined_on,left_on,email,address",
              ([f"OR{i:03d}", f"Organisation {i}", ["membre", "auxiliaire", "soutien", "non_membre"][i % 4], "",
                "0", "0", "2019-01-01", "", f"o{i}@ex.coop", f"\"{i} rue Principale, Québec\""]
               for i in range(N_ORGS)))
    write_csv(os.path.join(out, "experts.csv"), "login,name,function,role,weekly_hours,started_on,left_on",
              ([f"x{i:02d}", f"Expert {i}", "professionnel", "expert", "35", "2019-01-01", ""]
               for i in range(N_EXPERTS)))
    write_csv(os.path.join(out, "mandates.csv"),
              "code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,"
              "budget_amount,opened_on,closed_on",
              ([f"B-{i:04d}", f"Mandat {i}", org_of(i), "", SERVICES[i % len(SERVICES)],
                ["", "PAAPA", "PAGES", "EQ"][i % 4], "non_facturable" if i % 20 == 0 else "horaire",
                "", "", "", "2019-01-01", ""] for i in range(N_MANDATES)))


def hhmm(minutes):
    return f"{minutes // 60:02d}{minutes % 60:02d}00"


def write_timew_month(out, month, lines):
    if month:
        lines.sort()                              # "inc START" sorts by start
        with open(os.path.join(out, "timew", "data", month + ".data"), "w", encoding="utf-8") as f:
            f.writelines(lines)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split("\n\n")[1])
    seed, total, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    formats = set(sys.argv[4:] or ["juste", "timew", "ledger"])
    if formats - {"juste", "timew", "ledger"}:
        sys.exit(f"peers_gen.py: unknown format {sorted(formats - {'juste', 'timew', 'ledger'})}")
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    write_centre(out)

    days = []
    d = date(2020, 1, 1)
    while d <= date(2024, 12, 31):
        if d.weekday() < 5:
            days.append(d.isoformat())
        d += timedelta(days=1)
    slots = len(days) * N_EXPERTS
    per_slot = -(-total // slots)                 # entries per expert and day, at most
    cap = max(1, 1440 // per_slot)                # so that no day passes 24 h
    durations = [m for m in (15, 30, 45, 60, 90) if m <= cap] or list(range(1, cap + 1))
    first = 8 * 60 if per_slot * max(durations) <= 16 * 60 else 0

    juste = open(os.path.join(out, "entries.csv"), "w", encoding="utf-8") if "juste" in formats else None
    journal = open(os.path.join(out, "journal.ledger"), "w", encoding="utf-8") if "ledger" in formats else None
    if "timew" in formats:
        os.makedirs(os.path.join(out, "timew", "data"), exist_ok=True)
        open(os.path.join(out, "timew", "timewarrior.cfg"), "w").close()
    month, month_lines = None, []                 # Timewarrior's file of a month, in order of start
    if juste:
        juste.write("date,expert,mandate,duration,note\n")
    expected = {}
    last_slot, clock = -1, first
    for i in range(total):
        slot = i * slots // total
        day, expert = days[slot // N_EXPERTS], slot % N_EXPERTS
        mandate = rng.randrange(N_MANDATES)
        minutes = rng.choice(durations)
        org = org_of(mandate)
        if FY_FROM <= day <= FY_TO:
            expected[org] = expected.get(org, 0) + minutes
        if juste:
            juste.write(f"{day},x{expert:02d},B-{mandate:04d},{minutes}m,T{i}\n")
        if journal:
            journal.write(f"{day} T{i}\n    ({org}:B-{mandate:04d}:x{expert:02d})  {minutes} MIN\n\n")
        if "timew" in formats:
            if slot != last_slot:                 # an expert's day: its entries follow one another
                last_slot, clock = slot, first
            if day[:7] != month:
                write_timew_month(out, month, month_lines)
                month, month_lines = day[:7], []
            compact = day.replace("-", "")
            month_lines.append(f"inc {compact}T{hhmm(clock)}Z - {compact}T{hhmm(clock + minutes)}Z"
                               f" # {org} B-{mandate:04d} x{expert:02d}\n")
            clock += minutes
    write_timew_month(out, month, month_lines)
    for f in (juste, journal):
        if f:
            f.close()
    with open(os.path.join(out, "expected.csv"), "w", encoding="utf-8") as f:
        for org in sorted(expected):
            f.write(f"{org},{expected[org]}\n")
        f.write(f"total,{sum(expected.values())}\n")


main()
