#!/usr/bin/env bash
# The domain's words are spelled once in C, in their tables
# (include/core/juste/vocab.h):
# - no word of a table appears as a string literal in src/ outside them
#   where it means the domain: compared with a record's field, copied into
#   one, listed, or quoted in SQL ('issued');
# - the words that mean nothing else (membre, forfait, ...) do not appear
#   as a literal at all, translated messages aside;
# - the schema's CHECKs (sql/) spell the same words as the tables.
# The checker runs first on a file that breaks each rule, so that it is
# known to be able to fail.
set -u
SRC=${SRCDIR:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

cat >"$T/check.py" <<'PY'
import re, sys, os

vocab_h, root = sys.argv[1], sys.argv[2]
files = sys.argv[3:]

# The tables: NAME_INFO(X) -> [words]
tables = {}
cur = None
for line in open(vocab_h, encoding="utf-8"):
    m = re.match(r'#define (\w+)_INFO\(X\)', line)
    if m:
        cur = m.group(1)
        tables[cur] = []
        continue
    if cur:
        m = re.match(r'\s*X\(\w+,\s*"([^"]*)"', line)
        if m:
            tables[cur].append(m.group(1))
        if not line.rstrip().endswith('\\'):
            cur = None
words = {w for ws in tables.values() for w in ws}

# Words that juste also uses as names of other things: commands and
# subcommands (juste invoice credit, juste month close), options (--expert,
# --admin), keys of juste.ini ([database], [keys] credit), JSON and CSV keys
# ("expert", "hours"), single letters.  Only their domain uses are refused.
names = {"expert", "mandate", "org", "service", "program", "rate", "invoice", "finance", "devaffaires",
         "month", "setting", "database", "payment", "entry", "credit", "draft", "hours", "insert", "update",
         "delete", "close", "reopen", "admin", "F", "M", "X", "week", "absence", "team",
         "tps", "tvq", "tvh",   # also the journal's and the list's CSV columns
         "receivables",         # also the command juste receivables
         "statement",           # also the command juste statement
         "credited"}            # also a CSV column of report members (dollars credited)
# Sites where a word is a plain name, with why.
allowed = {
    ("src/app/demo.c", "direction"): "the demo's e-mail boxes (direction@...)",
    ("src/app/demo.c", "ON"): "the prefix of the demo's Ontario organisations' codes",
    ("src/cli/cli_invoice.c", "tps"): "a CSV column of invoice list and the journal",
    ("src/cli/cli_invoice.c", "tvq"): "a CSV column of invoice list and the journal",
    ("src/cli/cli_invoice.c", "tvh"): "a CSV column of the journal",
    ("src/app/transfer.c", "tps"): "a CSV column of export invoices",
    ("src/app/transfer.c", "tvq"): "a CSV column of export invoices",
    ("src/app/transfer.c", "tvh"): "a CSV column of export invoices",
    ("src/cli/cli_rate.c", "unpriced"): "the JSON key of rate check's list of entries without a rate",
}

def tokens(text):
    """String literals with their line and the text before them on the
    line; comments dropped."""
    i, n, line = 0, len(text), 1
    line_start = 0
    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            line_start = i + 1
            i += 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            line += text.count('\n', i, j)
            k = text.rfind('\n', i, j)
            if k >= 0:
                line_start = k + 1
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            i = j + 1
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            eol = text.find('\n', j)
            yield line, text[i + 1:j], text[line_start:i], text[j + 1:n if eol < 0 else eol]
            i = j + 1
        else:
            i += 1

problems = []
for path in files:
    rel = os.path.relpath(path, root)
    text = open(path, encoding="utf-8").read()
    lines = text.split('\n')
    for line, lit, before, after in tokens(text):
        full = lines[line - 1]
        translated = re.search(r'\b(N_|_)\(\s*$', before) is not None
        # SQL: a word quoted in a statement (a JSON object's keys are names)
        sql = re.sub(r"'\w+',\s*(?=[A-Za-z_])", "", lit) if "json_object(" in lit else lit
        for w in re.findall(r"'([A-Za-z_]+)'", sql):
            if w in words and len(w) > 1:
                problems.append(f"{rel}:{line}: SQL spells the word '{w}': build it from its table (store_internal.h)")
        if lit not in words or translated:
            continue
        if (rel, lit) in allowed:
            continue
        why = None
        if re.search(r'\b(strcmp|strncmp|strcasecmp|ascii_caseeq)\s*\(\s*(\w+(->|\.))+\w+\s*,\s*$', before) or \
           re.search(r'\b(strcmp|strncmp|strcasecmp)\s*\(\s*optarg\s*,\s*$', before):
            why = "compared as a string: compare the enum or ask its property"
        elif re.search(r'(snprintf|strcpy|strncpy|memcpy)\s*\(\s*[\w>.-]*(->|\.)\w+\s*,', before):
            why = "copied into a record: set the enum"
        elif not re.search(r'(cols|\bh)\s*\[\s*\]|_argument\b', full) and \
                any(sum(1 for ws in [tables[t]] for w in re.findall(r'"([^"]*)"', full) if w in ws) >= 2
                    for t in tables):
            why = "listed again: loop over the table (vocab_count, vocab_value)"
        elif lit not in names:
            why = "spelled outside its table: use the enum and vocab_*_word()"
        if why:
            problems.append(f"{rel}:{line}: \"{lit}\" {why}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

# The checker can fail: one file breaking each rule, each reported.
mkdir -p "$T/src"
cat >"$T/src/bad.c" <<'C'
/* "membre" in a comment is fine */
static const char *msg = N_("forfait");
int f(const struct mandate *m, const char *optarg)
{
	if (strcmp(m->billing, "horaire") == 0) return 1;
	if (strcmp(optarg, "draft") == 0) return 2;
	snprintf(o.category, sizeof o.category, "soutien");
	static const char *const roles[] = { "expert", "commis" };
	static const char *sql = "SELECT 1 FROM invoices WHERE status = 'issued'";
	return strcmp(sub, "credit") == 0;
}
C
python3 "$T/check.py" "$SRC/include/core/juste/vocab.h" "$T" "$T/src/bad.c" >"$T/bad.out"
for want in 'bad.c:5: "horaire" compared' 'bad.c:6: "draft" compared' 'bad.c:7: "soutien" copied' \
	'bad.c:8: "expert" listed' 'bad.c:8: "commis" listed' "bad.c:9: SQL spells the word 'issued'"; do
	grep -qF "$want" "$T/bad.out" && ok "the checker reports $want" || not_ok "the checker misses $want: $(cat "$T/bad.out")"
done
grep -qE 'bad.c:(1|2|10):' "$T/bad.out" && not_ok "comments, messages and subcommands are not words: $(cat "$T/bad.out")" \
	|| ok "comments, translated messages and subcommands are not reported"

# The sources and the headers: everything but the tables themselves.
mapfile -t files < <(find "$SRC/src" "$SRC/include" -name '*.[ch]' ! -path '*/forbidden/*' \
	! -path '*/core/juste/vocab.h' | LC_ALL=C sort)
if python3 "$T/check.py" "$SRC/include/core/juste/vocab.h" "$SRC" "${files[@]}" >"$T/src.out"; then
	ok "no domain word is spelled outside its table (${#files[@]} files)"
else
	not_ok "domain words outside their tables:"
	sed 's/^/    /' "$T/src.out"
fi

# The schema's CHECKs and the tables agree: each CHECK list of a word
# column is one table's words (the audit's entity and action: a part of
# them, each journal its own), and each table is in the schema.
python3 - "$SRC/include/core/juste/vocab.h" "$SRC"/sql/*.sql >"$T/schema.out" <<'PY'
import re, sys
tables, cur = {}, None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'#define (\w+)_INFO\(X\)', line)
    if m:
        cur = m.group(1); tables[cur] = []; continue
    if cur:
        m = re.match(r'\s*X\(\w+,\s*"([^"]*)"', line)
        if m:
            tables[cur].append(m.group(1))
        if not line.rstrip().endswith('\\'):
            cur = None
partial = {"ENTITY", "ACTION", "TAX_REGIME"}   # a province's regime is never detaxe
# not stored as words a CHECK lists: a grouping of the report, the name of a
# tax slot, a state derived when read, blockers kept in the draft's text; a payment state derived from payments
schema_only = {"REPORT_BY", "TAX", "INVOICE_STATE", "BLOCKER", "PAYMENT_STATE",
               "LEDGER_ACCOUNT",   # the chart of accounts: settings, not a column
               "REMINDER_LEVEL"}   # derived from days past due, never stored
seen, bad = set(), 0
for path in sys.argv[2:]:
    for m in re.finditer(r"CHECK \((?:\w+ IS NULL OR )?(\w+) IN \(('[^)]*')\)\)", open(path, encoding="utf-8").read()):
        col, ws = m.group(1), re.findall(r"'([^']*)'", m.group(2))
        match = [t for t, tw in tables.items() if tw == ws] or \
                [t for t, tw in tables.items() if t in partial and set(ws) <= set(tw)]
        if match:
            seen.update(match)
        else:
            bad += 1
            print(f"{path.split('/')[-1]}: CHECK ({col} IN {ws}) is no table of vocab.h")
for t in tables:
    if t not in seen and t not in schema_only:
        bad += 1
        print(f"vocab.h: {t}_INFO {tables[t]} is in no CHECK of the schema")
sys.exit(1 if bad else 0)
PY
if [ $? -eq 0 ]; then ok "the schema's CHECKs spell the tables' words"; else not_ok "schema and tables disagree:"; sed 's/^/    /' "$T/schema.out"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
