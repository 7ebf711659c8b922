# lib_tui.sh - drives the real juste in a private tmux server: start it at
# a given size, send keys, wait for a condition on the screen (polling,
# never a fixed sleep, so a slow ASan build only waits longer), read the
# screen, compare it whole with a golden file.  A wait that times out dumps
# the screen, so that a failure shows what was there.
# Source it after tests/cli/lib.sh.
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux not installed"; exit 77; }
. "$SRCDIR/tests/golden/lib_golden.sh"
TMUX_SOCK="juste-test-$$"
unset TMUX
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCK"; rm -rf "$T"' EXIT
WAIT_S=${JUSTE_TUI_WAIT:-30}
SCREEN=""

# What the pane prints once juste has exited: its status, then the
# terminal's canonical and echo modes as stty names them ("-icanon" when
# juste left the terminal raw).  TTY_OK is the line of a restored terminal.
TTY_OK="TTY=icanon,echo"

# tui_start COLSxLINES ARGS... : juste ARGS in a fresh session ($S);
# when it exits, the pane shows "EXIT=<status>" and the "TTY=" line.
# The previous session is killed only after the new one exists: killing
# the last one would stop the server under the next command.
NSESSION=0
S=t0
tui_start() {
  local size=$1 old=$S; shift
  NSESSION=$((NSESSION + 1)); S=t$NSESSION
  tm new-session -d -x "${size%x*}" -y "${size#*x}" -s "$S" \
    "env JUSTE_TODAY=$JUSTE_TODAY LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME TERM=screen-256color ${TUI_ENV:-} \
     '$JUSTE' --db '$DB' $*; echo EXIT=\$?; \
     stty -a | tr ' ;' '\n\n' | grep -x -- '-\{0,1\}\(icanon\|echo\)' | paste -s -d, - | sed 's/^/TTY=/'; sleep 600"
  tm kill-session -t "$old" 2>/dev/null
  return 0
}

screen() { SCREEN=$(tm capture-pane -p -t "$S" 2>/dev/null); }

# row N : line N of $SCREEN (1 is the top; 0, -1, ... count from the
# bottom of the pane, 0 being the last line)
row() {
  local n=$1 h
  if [ "$n" -le 0 ]; then
    h=$(tm display -p -t "$S" '#{pane_height}')
    n=$((h + n))
  fi
  printf '%s\n' "$SCREEN" | sed -n "${n}p"
}

# dump_screen WHY : the screen as comment lines, after a failed wait
dump_screen() {
  echo "# $1; the screen:"
  printf '%s\n' "$SCREEN" | sed 's/^/#   |/'
}

# wait_until DESCRIPTION COMMAND... : polls (the screen read into $SCREEN
# before each try) until COMMAND succeeds; after WAIT_S s dumps the screen
# and returns 1.
wait_until() {
  local what=$1 i=0 lim=$((WAIT_S * 20)); shift
  while [ $i -lt $lim ]; do
    screen
    "$@" && return 0
    sleep 0.05; i=$((i + 1))
  done
  dump_screen "timed out after ${WAIT_S} s waiting for $what"
  return 1
}

has_text() { case "$SCREEN" in *"$1"*) return 0;; esac; return 1; }
lacks_text() { ! has_text "$1"; }
row_has() { case "$(row "$1")" in *"$2"*) return 0;; esac; return 1; }
row_empty() { [ -z "$(row "$1")" ]; }

# wait_for TEXT / wait_gone TEXT : until TEXT is (no longer) on the screen
wait_for() { wait_until "'$1'" has_text "$1"; }
wait_gone() { wait_until "'$1' to go" lacks_text "$1"; }

keys() { tm send-keys -t "$S" "$@"; }       # key names: Enter Escape Left ...
type_text() { tm send-keys -t "$S" -l "$1"; }  # literal text, UTF-8 included

# see TEXT MSG : waits for TEXT anywhere on the screen, and reports.  Only
# for text that was not there before the keys that should show it: for a
# message that may repeat, clear it first and use see_row.
see() { wait_for "$1" && ok "$2" || not_ok "$2 (screen lacks '$1')"; }

# see_row N TEXT MSG : waits for TEXT on line N (see row), and reports
see_row() { wait_until "'$2' on line $1" row_has "$1" "$2" && ok "$3" || not_ok "$3 (line $1 lacks '$2')"; }

# clear_message : Escape, then waits until the message line (the one above
# the key bar) is empty, so that the next message is new
clear_message() { keys Escape; wait_until "the message line to clear" row_empty -1 || not_ok "message line not cleared"; }

# The line of the screen holding TEXT (first one).
line_of() { printf '%s\n' "$SCREEN" | grep -F -- "$1" | head -1; }

# tty_restored MSG : juste has exited; the terminal is back in canonical
# mode with echo (fails on "-icanon", on no stty line at all)
tty_restored() {
  wait_for "TTY=" || { not_ok "$1 (juste did not exit)"; return; }
  case "$(line_of 'TTY=')" in
    "$TTY_OK") ok "$1";;
    *) not_ok "$1 (terminal modes: $(line_of 'TTY='), expected $TTY_OK)";;
  esac
}

# quit juste, wait for the shell line, check the terminal modes
tui_quit() { keys q; tty_restored "${1:-q quits and the terminal is restored}"; }

# expect_screen NAME MSG : the whole screen equals tests/golden/screens/NAME
# (through golden_filter).  Call it once a marker of the screen has shown;
# it then polls until the screen is the golden one (a screen may still be
# drawing) and on a timeout prints the unified diff.  With GOLDEN_UPDATE=1
# it waits for the screen to hold still and records it.
expect_screen() {
  local name=screens/$1 msg=$2 got="$T/screen.txt" prev="" i=0 lim=$((WAIT_S * 20))
  if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
    while [ $i -lt $lim ]; do
      tm capture-pane -p -t "$S" > "$got"
      [ "$(cat "$got")" = "$prev" ] && break
      prev=$(cat "$got"); sleep 0.2; i=$((i + 1))
    done
    golden_check "$name" "$got" "$msg"
    return
  fi
  [ -f "$GOLDEN_DIR/$name" ] || lim=1
  while [ $i -lt $lim ]; do
    tm capture-pane -p -t "$S" > "$got"
    if [ -f "$GOLDEN_DIR/$name" ] && golden_filter < "$got" | cmp -s - "$GOLDEN_DIR/$name"; then break; fi
    sleep 0.05; i=$((i + 1))
  done
  golden_check "$name" "$got" "$msg"
}
