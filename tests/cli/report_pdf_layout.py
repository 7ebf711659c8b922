#!/usr/bin/env python3
"""Checks the annual report PDF's layout from `pdftotext -bbox` (test_report_pdf.sh).

report_pdf_layout.py BBOX.html REPORT.json LANG

Prints one line per finding, "ok - ..." or "not ok - ...", as the shell
tests do.  What it reads back from the text positions:
  - no word drawn over another;
  - every table header line made of whole words of the headers juste
    prints (a header broken mid-word, "Facturab" + "les", is not one);
  - the header on every page a table's rows are on (the programs' with its
    Heures/Revenus spans above it);
  - "page N de M" on every page;
  - program names, not codes;
  - figures in the language's format.
"""
import html
import json
import re
import sys

bbox, report, lang = sys.argv[1:4]
fr = lang == "fr"
r = json.load(open(report, encoding="utf-8"))
fy, prev, nxt = r["fy"], r["previous_fy"], r["next_year"]["fy"]

if fr:
    first_headers = {"Description", "Exercice", "Programme", "Personne"}
    header_words = {
        "Description", "réel", "budgété", "Var.", "Exercice", "Sous", "entière", "gestion", "Autres", "membres",
        "Programme", "Personne", "Fonction", "Facturables", "Internes", "Fériés", "Absences", "Capacité",
        "Utilisation",
    }
    spans = ("Heures", "Revenus")
    page_re = re.compile(r"^page (\d+) de (\d+)$")
    money_re = re.compile(r"^[0-9]{1,3}( [0-9]{3})* \$$")
else:
    first_headers = {"Description", "Fiscal", "Program", "Person"}
    header_words = {
        "Description", "actual", "budget", "Var.", "Fiscal", "year", "Under", "full", "management", "Other",
        "members", "Program", "Person", "Function", "Billable", "Internal", "Holidays", "Absences", "Capacity",
        "Utilization",
    }
    spans = ("Hours", "Revenue")
    page_re = re.compile(r"^page (\d+) of (\d+)$")
    money_re = re.compile(r"^-?\$[0-9]{1,3}(,[0-9]{3})*(\.[0-9][0-9])?[;.,:)]?$")
header_words |= {fy, prev, nxt}

results = []


def check(cond, what):
    results.append(("ok - " if cond else "not ok - ") + what)


# words: (page, x0, y0, x1, y1, text)
words = []
page = 0
for line in open(bbox, encoding="utf-8"):
    if "<page " in line:
        page += 1
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
    if m:
        words.append((page, *map(float, m.groups()[:4]), html.unescape(m.group(5))))
pages = page
check(pages >= 2, f"the report has pages ({pages})")

# 1. no word over another
bad = []
by_page = {}
for w in words:
    by_page.setdefault(w[0], []).append(w)
for p, ws in by_page.items():
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[4], b[4]) - max(a[2], b[2]) > 0.5:
                bad.append(f"page {p}: '{a[5]}' over '{b[5]}'")
check(not bad, "no word drawn over another" + (": " + "; ".join(bad[:5]) if bad else ""))

# lines: words of a page sharing a baseline (same top, same font), left to right
lines = {}
for w in words:
    lines.setdefault((w[0], round(w[2])), []).append(w)
lines = sorted(((k[0], k[1], sorted(v, key=lambda w: w[1])) for k, v in lines.items()), key=lambda l: (l[0], l[1]))
margin = min(w[1] for w in words)


def at_margin(w):
    return abs(w[1] - margin) < 3


# 2. header lines: a first-column header at the margin, then a header word
headers = []         # (page, index in lines, first word)
for i, (p, y, ws) in enumerate(lines):
    if len(ws) >= 2 and at_margin(ws[0]) and ws[0][5] in first_headers and ws[1][5] in header_words:
        headers.append((p, i, ws[0][5]))
split = []
for p, i, _ in headers:
    block = [lines[i]]
    # the header's second line (wrapped between words): no word at the margin
    j = i + 1
    while j < len(lines) and lines[j][0] == p and lines[j][1] - lines[j - 1][1] < 12 and not at_margin(lines[j][2][0]):
        block.append(lines[j])
        j += 1
    for _, _, ws in block:
        for w in ws:
            if w[5] not in header_words:
                split.append(f"page {p}: '{w[5]}'")
check(len(headers) >= 4, f"the four tables' headers found ({len(headers)})")
check(not split, "every header word whole" + (": " + ", ".join(split[:8]) if split else ""))


def is_program_row(ws):
    t = [w[5] for w in ws]
    return t.count("h") == 2 and (t.count("$") == 2 if fr else sum(1 for x in t if money_re.match(x)) == 2)


def is_expert_row(ws):
    t = [w[5] for w in ws]
    # billable, internal, holidays, absences, capacity
    return t.count("h") == 5 and any(x.endswith("%") for x in t)


# 3. each page with rows of a table has its header, and the programs' spans
for name, first, is_row in (("programs", "Programme" if fr else "Program", is_program_row),
                            ("utilisation", "Personne" if fr else "Person", is_expert_row)):
    row_pages = sorted({p for p, _, ws in lines if is_row(ws)})
    head_pages = {p for p, _, f in headers if f == first}
    missing = [p for p in row_pages if p not in head_pages]
    check(row_pages and not missing, f"the {name} table's header on each of its pages {row_pages}"
          + (f" (missing on {missing})" if missing else ""))
    if name == "utilisation":
        check(len(row_pages) >= 2, f"the utilisation table runs over {len(row_pages)} pages")
    if name == "programs":
        for p, i, f in headers:
            if f != first:
                continue
            above = [w[5] for w in lines[i - 1][2]] if i > 0 and lines[i - 1][0] == p else []
            check(above == list(spans), f"page {p}: {' and '.join(spans)} over the programs' columns ({above})")

# 4. page N of M on every page (the footer: words at the foot of each page)
for p in range(1, pages + 1):
    foot = [ws for q, _, ws in lines if q == p]
    last = " ".join(w[5] for w in foot[-1]) if foot else ""
    m = re.search(r"page (\d+) (de|of) (\d+)$", last)
    check(m and page_re.match(m.group(0)) and int(m.group(1)) == p and int(m.group(3)) == pages,
          f"page {p}: '{m.group(0) if m else last}'")

# 5. program names, not codes
all_words = {w[5] for w in words}
for q in r["programs"]:
    if not q["code"]:
        continue
    check(q["code"] not in all_words, f"program {q['code']} not printed as its code")
    check(q["name"].split()[0] in all_words, f"program {q['code']} printed by its name '{q['name']}'")

# 6. figures in the language's format: the total hours of the year
hours = r["years"][2]["billable_minutes"]
h = (hours + 30) // 60
want = f"{h:,}".replace(",", " " if fr else ",")
text = " ".join(w[5] for w in words)
check(f"{want} h" in text, f"the year's {want} h written the {lang} way")
bad_money = [w[5] for w in words if ("$" in w[5]) and w[5] != "$" and not money_re.match(w[5]) and not fr]
check(not bad_money, "amounts as $1,234" + (f": {bad_money[:5]}" if bad_money else ""))

print("\n".join(results))
