#!/usr/bin/env bash
# Lists longer than the terminal of the size given as $1 (80x24, 132x43),
# moved by the one list widget every screen shares (widget_list): a page is
# the height the list is drawn in less one line, whatever the terminal;
# the report stops at its last page (it scrolled on until one line was
# left on an empty screen); a picker scrolled to its end shows the rows
# above again when the terminal grows (they stayed hidden over blank
# lines); the read-only week of Utilisation takes g, G and pages and does
# not jump on every key (it ignored them, and its view moved at each
# step); a picker without a search takes g, G, Home and End (it ignored
# them).
SIZE=${1:-80x24}
COLS_=${SIZE%x*}
LINES_=${SIZE#*x}
export JUSTE_TODAY=2020-04-15
. "$SRCDIR/tests/cli/lib.sh"
. "$SRCDIR/tests/tui/lib_tui.sh"
echo "# size $SIZE"

# 45 more mandates, each with half an hour of alice's on Monday: her week has
# 46 rows (M-1 first, then MF01 ... MF45), more than either size shows;
# each with its own funding program and an hour in 2019-2020, so that the
# report's list of programs makes it more than two screens long; 25
# entries in one cell (M-1, Tuesday), more than a picker shows at 80x24.
seed_world
{
  echo "code,name"
  for i in $(seq -w 1 45); do echo "P$i,Programme $i"; done
} > "$T/p.csv"
j import programs "$T/p.csv"; expect_rc 0 "45 programs"
{
  echo "code,title,client,beneficiary,service,program,billing,monthly_fee,budget_hours,budget_amount,opened_on,closed_on"
  for i in $(seq -w 1 45); do echo "MF$i,Mandat numéro $i,FCSD,,FIN,P$i,horaire,,,,2018-04-01,"; done
} > "$T/m.csv"
j import mandates "$T/m.csv"; expect_rc 0 "45 mandates"
{
  echo "date,expert,mandate,duration,note"
  for i in $(seq -w 1 45); do echo "2020-04-13,alice,MF$i,30m,Lundi $i"; done
  for i in $(seq -w 1 45); do echo "$(date -d "2019-04-01 +$((10#$i)) day" +%F),bob,MF$i,1h,Année $i"; done
  for i in $(seq 1 25); do echo "2020-04-14,alice,M-1,${i}m,Petite $i"; done
} > "$T/e.csv"
j import entries "$T/e.csv"; expect_rc 0 "115 entries"

# resized COLS LINES MSG : resizes, then waits until juste has drawn at the
# new size.  tmux shows its grid at the new size at once (the old picture
# in a corner when it grows, scrolled up when it shrinks) but tells juste
# a moment later: keys sent before would be handled at the old size.  A
# picture of juste's at the new size has its key bar on the last line and
# its top bar on the first, as wide as the window (less the space after
# the user's role, which tmux does not keep).
drawn_at() {
  row_has 0 "q quitter" && [[ "$(row 1)" == " juste "* ]] && [ "$(row 1 | wc -L)" -ge $(($1 - 1)) ]
}
resized() {
  tm resize-window -t "$S" -x "$1" -y "$2"
  wait_until "juste drawn at $1x$2" drawn_at "$1" && ok "$3" || not_ok "$3"
}

# --- Rapport: a pager over the report's lines --------------------------------------
tui_start "$SIZE" --as gilles tui
keys F6
see "Rapport d'activités 2019-2020" "the report"
# curses draws top to bottom: once the key bar is the report's, all is drawn
see_row 0 "gauche" "its key bar"
# the body is lines 2 .. LINES-2; the last one (row -2) before a page down
# is the first one (row 2) after it
screen; last_shown=$(row -2)
[ -n "$last_shown" ] || not_ok "the body's last line is blank: pick another"
keys NPage
wait_until "the page's last line on top" row_has 2 "$last_shown" \
  && ok "PgDn moves by the visible height less one line" || not_ok "PgDn did not move by the visible height less one"
keys End
wait_until "the report's last line at the bottom" eval '[[ "$(row -2)" =~ [0-9]\ /\ +[0-9]+$ ]]' \
  && ok "End shows the last page, the last line at the bottom" || not_ok "End did not end on a full page"
screen
before=$SCREEN
keys Down Down NPage
keys Up
wait_until "one line up" row_has -2 "$(printf '%s\n' "$before" | sed -n "$((LINES_ - 3))p")" \
  && ok "↓ and PgDn at the end do not scroll past it (one ↑ moves one line)" || not_ok "scrolled past the end"
keys End
resized 150 60 "the terminal grows"
wait_until "the last line at the bottom again" eval '[[ "$(row -2)" =~ [0-9]\ /\ +[0-9]+$ ]]' \
  && ok "after growing, the report still ends on the last line" || not_ok "after growing, blank lines under the report's end"
resized "$COLS_" "$LINES_" "back to $SIZE"

# --- Utilisation: an expert's week, read-only ------------------------------------------
keys F4
see "mois : 2020-04-01 au 2020-04-30" "Utilisation"
keys p p
see "semaine : 2020-04-13 au 2020-04-19" "the week's figures"
keys g Enter
see "Alice Bélanger · lecture seule" "alice's week, read-only"
screen
lacks_text "MF45 " && ok "her last row is below the screen" \
  || { not_ok "the week fits: the fixture is too small"; dump_screen "MF45 shown"; }
keys G
see "MF45 " "G goes to the last row"
keys g
see_row 4 "M-1 " "g comes back to the first"
# 40 rows down: the cursor on the bottom line, row 40 - (body - 1) first
first=$(printf 'MF%02d ' $((40 - (LINES_ - 7) + 1)))
for i in $(seq 1 40); do keys j; done
see_row 4 "$first" "40 rows down, the view follows the cursor to the bottom line"
# two up, then a digit, whose refusal shows once the keys before it are done
keys k k 2
see_row -1 "lecture seule" "typing is refused"
see_row 4 "$first" "two rows up, the view stays (it moved at every key)"
keys NPage
see "MF45 " "PgDn takes the read-only week to its end"
keys Escape
see "semaine : 2020-04-13" "back to the experts"
tui_quit

# --- Ma semaine: pickers ----------------------------------------------------------------
tui_start "$SIZE" --as alice tui
see "Semaine du 2020-04-13 au 2020-04-19" "alice's week"
# the picker of mandates, scrolled to its end, then the terminal grows
keys n
see "Rechercher" "the mandate picker"
picker_count() { printf '%s\n' "$SCREEN" | grep -qE '[0-9]+ / [0-9]+ │'; }
wait_until "the picker's count, under its list" picker_count || not_ok "the picker has no count line"
top_item=$(row 5 | sed -n 's/^[^│]*│ .\{2\}\([^ ]*\) .*/\1/p')
[ -n "$top_item" ] && ok "its first item: $top_item" || not_ok "no first item on line 5"
for i in 1 2 3 4 5 6; do keys NPage; done
# inside the box only: the week's own rows show on its left
box_row_has() { case "$(row "$1" | sed 's/^[^│]*│//')" in *"$2"*) return 0;; esac; return 1; }
wait_until "the first item scrolled away" eval '! box_row_has 5 "$top_item "' || not_ok "the list did not scroll"
resized 150 60 "the terminal grows under the picker"
see_row 5 "$top_item " "the list fits now: it shows from its first item again"
resized "$COLS_" "$LINES_" "back to $SIZE"
keys Escape
wait_gone "Rechercher" || not_ok "the picker did not close"
# the entries of one cell: a picker without a search
keys Home h
keys Enter
see "Mar 14 · M-1 — ⏎ durée" "the cell's 25 entries"
keys G Enter
see_row -1 "durée : 0h25" "G then Enter: the last entry"
keys Escape
wait_gone "durée :" || not_ok "the prompt did not close"
keys Enter
see "Mar 14 · M-1 — ⏎ durée" "the entries again"
keys End k Enter
see_row -1 "durée : 0h24" "End, ↑, Enter: the one before the last"
keys Escape
wait_gone "durée :" || not_ok "the prompt did not close"
keys Enter
see "Mar 14 · M-1 — ⏎ durée" "the entries again"
keys G g Enter
see_row -1 "durée : 0h01" "G, g, Enter: the first"
keys Escape
wait_gone "durée :" || not_ok "the prompt did not close"
tui_quit

finish
