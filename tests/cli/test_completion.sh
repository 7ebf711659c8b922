#!/usr/bin/env bash
# bash completion (completion/juste) against juste's own help, both ways:
# every command of `juste --help`, every sub-command, option and listed
# value of each `juste COMMAND --help` is completed where the synopsis puts
# it, and the completion offers nothing the help does not name.  Then the
# completion itself in bash, on a database: mandate codes and logins from
# `juste complete`, limited to what the role may see.
. "$SRCDIR/tests/cli/lib.sh"
COMPLETION=$SRCDIR/completion/juste
command -v bash >/dev/null || { echo "1..0 # SKIP no bash"; exit 77; }

# The table, as the completion sees it: one line per (command, sub-command)
# with its options and their values, from _juste_spec and _juste_values.
bash -c '
  . "$1"
  for c in $_juste_commands; do
    _juste_spec "$c"
    echo "cmd $c"
    subs=$_juste_subs
    for s in "" $subs; do
      [ -n "$s" ] && echo "sub $c $s"
      _juste_spec "$c" "$s"
      for o in $_juste_opts; do
        echo "opt $c ${s:--} $o $(_juste_values "$c" "$s" "${o%=}")"
      done
    done
  done' _ "$COMPLETION" > "$T/table" || { not_ok "the completion table cannot be read"; finish; }
grep -q "^cmd " "$T/table" && ok "the completion has a table of commands" || not_ok "no command in the completion"

# The help, command by command (French: the synopsis is the same in both
# languages; LC_ALL is C.UTF-8 in lib.sh).
"$JUSTE" --help > "$T/help" || not_ok "juste --help"
for c in $(awk '/^Commandes/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}' "$T/help"); do
  echo "=== $c"
  "$JUSTE" "$c" --help
done > "$T/helps" 2>&1
python3 - "$T/help" "$T/helps" "$T/table" > "$T/compare" <<'PY'
import re, sys

def commands(text):
    out, on = [], False
    for line in text.splitlines():
        if line.startswith("Commandes"):
            on = True
            continue
        if on and re.match(r"^  [a-z]", line):
            out.append(line.split()[0])
        elif on and not line.strip():
            on = False
    return out

helps = {}
cur = None
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    m = re.match(r"^=== (\S+)$", line)
    if m:
        cur = m.group(1)
        helps[cur] = []
    elif cur:
        helps[cur].append(line)

ENUM = re.compile(r"^[A-Za-z0-9_]+(\|[A-Za-z0-9_]+)+$")

def synopses(cmd, lines):
    """(sub, text) for each synopsis: the lines that start with `juste CMD`,
    with their continuation lines (indented, starting with [ or ()."""
    out, last = [], None
    for line in lines:
        line = re.sub(r"^Usage ?: ", "", line)
        if line.startswith("juste " + cmd):
            last = [line]
            out.append(last)
        elif last is not None and re.match(r"^\s+[\[(]", line):
            last.append(line)
        else:
            last = None
    res = []
    for parts in out:
        toks = " ".join(parts).split()[2:]
        subs = []
        if toks and re.match(r"^[a-z][a-z-]*(\|[a-z][a-z-]*)*$", toks[0]):
            subs = toks[0].split("|")
        # `start MANDAT | stop | status`: more sub-commands after a lone |
        for i, t in enumerate(toks[:-1]):
            if t == "|" and re.match(r"^[a-z][a-z-]*$", toks[i + 1]) and subs:
                subs.append(toks[i + 1])
        opts = {}
        for i, t in enumerate(toks):
            m = re.match(r"^[\[(]*(--?[a-z][a-z-]*)([\])]*)$", t)
            if not m:
                continue
            name, closed = m.group(1), m.group(2)
            value = None
            if not closed and i + 1 < len(toks):
                nxt = toks[i + 1]
                if not re.match(r"^[-\[(|]", nxt):
                    v = nxt.rstrip("])")
                    value = v.split("|") if ENUM.match(v) else []
            opts[name] = value
        for s in subs or [""]:
            res.append((s, opts))
    return res

table_cmds, table_subs, table_opts = [], {}, {}
for line in open(sys.argv[3], encoding="utf-8").read().splitlines():
    f = line.split()
    if f[0] == "cmd":
        table_cmds.append(f[1])
        table_subs[f[1]] = []
    elif f[0] == "sub":
        table_subs[f[1]].append(f[2])
    elif f[0] == "opt":
        c, s, o, vals = f[1], "" if f[2] == "-" else f[2], f[3], f[4:]
        table_opts.setdefault((c, s), {})[o.rstrip("=")] = (o.endswith("="), vals)

problems = []
def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)

help_cmds = commands(open(sys.argv[1], encoding="utf-8").read())
check(sorted(help_cmds) == sorted(table_cmds),
      "the completion's commands are juste --help's (help only: %s; completion only: %s)"
      % (sorted(set(help_cmds) - set(table_cmds)), sorted(set(table_cmds) - set(help_cmds))))

for c in help_cmds:
    lines = helps.get(c, [])
    syn = synopses(c, lines)
    hsubs = sorted({s for s, _ in syn if s})
    check(hsubs == sorted(table_subs.get(c, [])),
          "%s: sub-commands %s (completion: %s)" % (c, hsubs, sorted(table_subs.get(c, []))))
    # every option of a synopsis, with its value, where the synopsis puts it
    for s, opts in syn:
        have = table_opts.get((c, s), {})
        for o, value in sorted(opts.items()):
            if o not in have:
                check(False, "%s %s: %s is not completed" % (c, s or "-", o))
                continue
            takes, vals = have[o]
            good = takes == (value is not None)
            if good and value:
                good = sorted(vals) == sorted(value)
            check(good, "%s %s: %s %s (completion: %s %s)" % (c, s or "-", o,
                  "takes " + ("|".join(value) if value else "a value") if value is not None else "is a flag",
                  "takes" if takes else "flag", " ".join(vals)))
    # nothing the help does not name: options, and listed values
    text = "\n".join(lines)
    named = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text))
    enums = {}
    for s, opts in syn:
        for o, value in opts.items():
            if value:
                enums.setdefault(o, []).append(sorted(value))
    for (tc, ts), opts in sorted(table_opts.items()):
        if tc != c:
            continue
        for o, (takes, vals) in sorted(opts.items()):
            check(o in named, "%s %s: the completed %s is in the help" % (c, ts or "-", o))
            static = [v for v in vals if not v.startswith("@")]
            if static:
                check(sorted(static) in enums.get(o, []),
                      "%s %s: %s values %s are the help's (%s)" % (c, ts or "-", o, static, enums.get(o)))
PY
while read -r line; do
  case "$line" in "ok - "*) ok "${line#ok - }";; *) not_ok "${line#not ok - }";; esac
done < "$T/compare"
[ -s "$T/compare" ] || not_ok "the comparison printed nothing"

# The policy keys are those of `juste settings show`.
seed_world
j settings show --format csv
keys=$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | sort -u | tr '\n' ' ')
ckeys=$(bash -c '. "$1"; printf "%s\n" $_juste_keys | sort -u | tr "\n" " "' _ "$COMPLETION")
expect_eq "$ckeys" "$keys" "the completed policy keys are settings show's"

# --- in bash, on a database -------------------------------------------------
cat > "$T/more.csv" <<'CSV'
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-10,Plus tard,FCSD,,FIN,,horaire,,,,2020-06-01,
CSV
j import mandates "$T/more.csv"; expect_rc 0 "a mandate that opens later"
# comp WORD... : completes the last word of `juste --db DB WORD...` as bash
# would, and prints the candidates sorted on one line.
comp() {
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _juste
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ $//"' _ "$COMPLETION" "$JUSTE" --db "$DB" "$@"
}
expect_eq "$(comp in)" "init invoice" "commands"
expect_eq "$(comp invoice l)" "list" "a sub-command"
expect_eq "$(comp invoice list --st)" "--status" "an option of the sub-command"
expect_eq "$(comp invoice list --status "")" "draft issued" "an option's values"
expect_eq "$(comp report annual --format = m)" "md" "--option=value, split by bash at ="
expect_eq "$(comp log 1h "")" "INT M-1 M-10 M-2" "log: mandate codes (admin: all of them)"
expect_eq "$(comp log --date 2020-03-02 1h M-1)" "M-1 M-10" "…after an option and its value, by prefix"
expect_eq "$(comp --as alice log 1h "")" "INT M-1" "an expert: the mandates open today only (M-2 closed, M-10 not yet open)"
expect_eq "$(comp --as alice entries --expert "")" "alice" "an expert: only their own login"
expect_eq "$(comp --as carole entries --expert "")" "$(printf '%s\n' alice bob carole gilles "$(id -un)" | sort | tr '\n' ' ' | sed 's/ $//')" "the clerk: every login"
expect_eq "$(comp --as gilles timer start M-1)" "M-1 M-10" "timer start: mandates"
expect_eq "$(comp expert set a)" "alice" "expert set: logins"
expect_eq "$(comp --as a)" "alice" "--as: logins"
expect_eq "$(comp settings set taxes.)" "taxes.tps_rate taxes.tvq_rate" "settings set: the policy keys"
touch "$T/orgs-2020.csv"
expect_eq "$(comp import orgs "$T/orgs-")" "$T/orgs-2020.csv" "import: file names"
expect_eq "$(bash -c '. "$1"; COMP_WORDS=(juste --db /nonexistent/x.db log 1h ""); COMP_CWORD=4; _juste; echo "${#COMPREPLY[@]}"' _ "$COMPLETION")" "0" \
  "no database: no candidates, and no message"

# --- juste complete itself --------------------------------------------------
j --as alice complete mandates; expect_eq "$(echo $OUT)" "INT M-1" "complete mandates as an expert"
j --as alice complete logins; expect_eq "$OUT" "alice" "complete logins as an expert"
j --as carole complete mandates M-1; expect_eq "$(echo $OUT)" "M-1 M-10" "complete mandates as the clerk, by prefix"
j complete mandates X; expect_rc 0 "nothing matches: no output, status 0"; expect_eq "$OUT" "" "…empty"
j complete orgs; expect_rc 2 "complete of an unknown kind is a usage error"
j complete; expect_rc 2 "complete needs a kind"
finish
