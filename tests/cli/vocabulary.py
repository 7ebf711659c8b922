#!/usr/bin/env python3
"""vocabulary.py - the field names of juste's machine outputs, for
test_vocabulary.sh.

  vocabulary.py csv FILE     the CSV header, comma-separated
  vocabulary.py json FILE    every path of the JSON, comma-separated and sorted:
                             "a", "a.b" (object), "rows[].c" (array of objects);
                             an audit line's before and after are leaves
  vocabulary.py man FILE     from a manual's MACHINE OUTPUT section, one
                             "LABEL<TAB>FIELDS" line per output listed
"""
import csv, json, re, sys

LEAVES = {"before", "after"}


def paths(v, prefix, out):
    if isinstance(v, dict):
        for k, x in v.items():
            p = prefix + "." + k if prefix else k
            out.add(p)
            if k not in LEAVES:
                paths(x, p, out)
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, (dict, list)):
                paths(x, prefix + "[]", out)


def date_like(name):
    return re.match(r"^\d{4}-\d{2}-\d{2}$", name) is not None


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            head = next(csv.reader(f), [])
        print(", ".join("DATE" if date_like(h) else h for h in head))
    elif mode == "json":
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        out = set()
        paths(d, "", out)
        print(", ".join(sorted(p[3:] if p.startswith("[].") else p for p in out)))
    elif mode == "man":
        # .TP / .B "LABEL" / fields (possibly over several lines, until the next request)
        lines = open(path, encoding="utf-8").read().splitlines()
        on, label, fields = False, None, []

        def flush():
            if label is not None:
                text = " ".join(fields).replace("\\-", "-").replace("\\&", "")
                names = [x.strip() for x in text.split(",") if x.strip()]
                print("%s\t%s" % (label, ", ".join(names)))

        for line in lines:
            if line.startswith(".SH"):
                if on:
                    break
                on = line.startswith(".SH SORTIES POUR LES PROGRAMMES") or line.startswith(".SH MACHINE OUTPUT")
                continue
            if not on:
                continue
            m = re.match(r'^\.B "(.+)"$', line)
            if m:
                flush()
                label, fields = m.group(1).replace("\\-", "-"), []
            elif line.startswith("."):
                flush()
                label, fields = None, []
            elif label is not None:
                fields.append(line)
        flush()


main()
