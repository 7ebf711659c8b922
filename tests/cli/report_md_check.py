#!/usr/bin/env python3
"""Checks a Markdown report against what a Markdown parser makes of it (test_report_documents.sh).

report_md_check.py REPORT.md REPORT.html [CELL_TEXT | -] [ITEM_TEXT | -]

REPORT.html is cmark-gfm's rendering (GitHub's tables).  Prints "ok - ..." or
"not ok - ..." lines:
  - every table of the Markdown is a table, with all its rows and no more
    (a paragraph right after a table would be read as one more row);
  - every paragraph line of the Markdown is a paragraph of the HTML;
  - one h1, then h2 and h3 as the Markdown says;
  - a cell and a list item whose text has Markdown's punctuation read as
    that text.
"""
import re
import sys
from html.parser import HTMLParser

md_path, html_path = sys.argv[1:3]
cell = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] != "-" else None
item = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] != "-" else None
md = open(md_path, encoding="utf-8").read().split("\n")


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.count = {}
        self.texts = {}      # tag -> texts of its elements
        self.stack = []

    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        self.stack.append([tag, ""])

    def handle_endtag(self, tag):
        while self.stack:
            t, text = self.stack.pop()
            self.texts.setdefault(t, []).append(text.strip())
            if self.stack:
                self.stack[-1][1] += text
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1] += data


h = Collect()
h.feed(open(html_path, encoding="utf-8").read())
results = []


def check(cond, what):
    results.append(("ok - " if cond else "not ok - ") + what)


rules = [l for l in md if re.match(r"^\|( *-{3,}:? *\|)+$", l)]
rows = [l for l in md if l.startswith("|") and l not in rules]
check(len(rules) >= 4, f"the report has tables ({len(rules)})")
check(h.count.get("table", 0) == len(rules), f"{len(rules)} tables parsed as tables ({h.count.get('table', 0)})")
check(h.count.get("tr", 0) == len(rows), f"{len(rows)} table rows, no more ({h.count.get('tr', 0)})")


def unescape(s):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


paras = [unescape(l) for l in md if l and not l.startswith(("|", "#", "-", " "))]
ptexts = set(h.texts.get("p", []))
lost = [p for p in paras if p not in ptexts]
check(paras and not lost, f"each of the {len(paras)} paragraphs a paragraph" + (f" (not: {lost[:2]})" if lost else ""))
for level in (1, 2, 3):
    want = sum(1 for l in md if l.startswith("#" * level + " "))
    check(h.count.get(f"h{level}", 0) == want, f"{want} headings of level {level} ({h.count.get(f'h{level}', 0)})")
check(sum(1 for l in md if l.startswith("# ")) == 1, "one title")
if cell:
    check(cell in h.texts.get("td", []), f"the cell '{cell}' reads as itself")
if item:
    check(item in h.texts.get("li", []), f"the list item '{item}' reads as itself")
print("\n".join(results))
