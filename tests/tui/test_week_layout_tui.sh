#!/usr/bin/env bash
# Ma semaine's columns at the size given as $1 (80x24, 132x43): a cell with
# several entries, a note and a lock ("5h30+¶", "10h30+*¶") never touches
# the mandate's name nor the next cell, with long, accented (composed and
# combining) and double-width names: every row of the grid is as wide as
# the others, and ends with seven day cells and a total, each apart.
SIZE=${1:-80x24}
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"
export JUSTE_TODAY=2020-04-01
seed_world
COMB=$(printf 'Re\314\201vision e\314\201nerge\314\201tique des co\314\202tes')   # combining accents
cat > "$T/more.csv" <<CSV
code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on
M-8,Planification stratégique régionale élargie,COOP1,,FIN,,horaire,,,,2019-04-01,
M-9,東京事務所の監査と報告書の作成,FCSD,,FIN,,horaire,,,,2019-04-01,
M-10,$COMB,FCSD,,FIN,,horaire,,,,2019-04-01,
CSV
j import mandates "$T/more.csv"; expect_rc 0 "mandates with long, accented and wide names"
cat > "$T/entries.csv" <<'CSV'
date,expert,mandate,duration,note
2020-03-30,alice,M-1,5h,Budget
2020-03-30,alice,M-1,30m,
2020-03-31,alice,M-8,10h,Atelier
2020-03-31,alice,M-8,30m,
2020-04-01,alice,M-9,5h30,監査
2020-04-01,alice,M-9,1h,
2020-04-02,alice,M-10,12h,
2020-04-03,alice,INT,2h15,Réunion
CSV
j import entries "$T/entries.csv"; expect_rc 0 "entries: two per cell, notes"
j --as gilles month close 2020-03; expect_rc 0 "March closed: Monday and Tuesday locked"

# Display width as a terminal counts it, independently of juste; then the
# checks of each grid line (header to total): same width, and the last
# eight tokens are day cells and a total.
check_grid() { python3 -c '
import re, sys, unicodedata as u
def width(l): return sum(0 if u.combining(c) else 2 if u.east_asian_width(c) in "WF" else 1 for c in l)
lines = sys.stdin.read().splitlines()
top = next(i for i, l in enumerate(lines) if l.startswith("Mandat "))
end = next(i for i in range(top, len(lines)) if lines[i].startswith("Total "))
grid = lines[top:end + 1]
bad = []
ws = {width(l) for l in grid}
if len(ws) != 1: bad.append("widths %s" % sorted(ws))
cell = re.compile(r"^(\d+h\d\d[+*¶]*|·|\*)$")
for l in grid[1:]:
    t = l.split()
    if len(t) < 9 or not all(cell.match(x) for x in t[-8:]): bad.append("cells: " + l)
head = grid[0].split()
if head[-1] != "Total" or len(head) != 16: bad.append("header: " + grid[0])
print("; ".join(bad) if bad else "ok", len(grid) - 2)
'; }

tui_start "$SIZE" --as alice tui
see "Semaine du 2020-03-30 au 2020-04-05" "the week"
see "Total " "the grid"
screen
got=$(printf '%s\n' "$SCREEN" | check_grid)
expect_eq "$got" "ok 5" "five rows, every cell apart from the name and the others, all rows as wide"
row_m1=$(line_of "M-1 ")
case "$row_m1" in *" 5h30+*¶ "*|*" 5h30+¶ "*) ok "5h30 with two entries and a note stands apart";; *) not_ok "M-1: $row_m1";; esac
row_m8=$(line_of "M-8 ")
case "$row_m8" in *" 10h30+"*) ok "10h30 with two entries too";; *) not_ok "M-8: $row_m8";; esac
row_m9=$(line_of "M-9 ")
case "$row_m9" in *"東"*" 6h30+¶ "*) ok "a double-width name keeps its cells apart";; *) not_ok "M-9: $row_m9";; esac
# the cursor on a cell takes the note line: the layout does not move
keys Home j h h                            # M-1, Monday: a locked cell with a note
see_row -2 "¶ Budget — * verrouillé : mois 2020-03" "its note and its lock on the last line"
screen
expect_eq "$(printf '%s\n' "$SCREEN" | check_grid)" "ok 5" "…and the grid is the same"
tui_quit
finish
