# lib_tui.sh - drives the real juste in a private tmux server: start it at
# a given size, send keys, wait for text on the screen (polling, never a
# fixed sleep, so a slow ASan build only waits longer), read the screen.
# Source it after tests/cli/lib.sh.
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux not installed"; exit 77; }
TMUX_SOCK="juste-test-$$"
unset TMUX
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCK"; rm -rf "$T"' EXIT
WAIT_S=${JUSTE_TUI_WAIT:-30}
SCREEN=""

# tui_start COLSxLINES ARGS... : juste ARGS in a fresh session ($S);
# when it exits, the pane shows "EXIT=<status>" and the terminal modes.
# The previous session is killed only after the new one exists: killing
# the last one would stop the server under the next command.
NSESSION=0
S=t0
tui_start() {
  local size=$1 old=$S; shift
  NSESSION=$((NSESSION + 1)); S=t$NSESSION
  tm new-session -d -x "${size%x*}" -y "${size#*x}" -s "$S" \
    "env JUSTE_TODAY=$JUSTE_TODAY LC_ALL=C.UTF-8 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME TERM=screen-256color ${TUI_ENV:-} \
     '$JUSTE' --db '$DB' $*; echo EXIT=\$?; stty -a | tr ' ' '\n' | grep -x -- '-\{0,1\}icanon'; sleep 600"
  tm kill-session -t "$old" 2>/dev/null
  return 0
}

screen() { SCREEN=$(tm capture-pane -p -t "$S" 2>/dev/null); }

# wait_for TEXT : polls the screen until TEXT shows (fails after WAIT_S s)
wait_for() {
  local i=0 lim=$((WAIT_S * 20))
  while [ $i -lt $lim ]; do
    screen
    case "$SCREEN" in *"$1"*) return 0;; esac
    sleep 0.05; i=$((i + 1))
  done
  return 1
}

# wait_gone TEXT : polls until TEXT is no longer on the screen
wait_gone() {
  local i=0 lim=$((WAIT_S * 20))
  while [ $i -lt $lim ]; do
    screen
    case "$SCREEN" in *"$1"*) ;; *) return 0;; esac
    sleep 0.05; i=$((i + 1))
  done
  return 1
}

keys() { tm send-keys -t "$S" "$@"; }       # key names: Enter Escape Left ...
type_text() { tm send-keys -t "$S" -l "$1"; }  # literal text, UTF-8 included

# see TEXT MSG : waits for TEXT and reports
see() { wait_for "$1" && ok "$2" || not_ok "$2 (screen lacks '$1':
$SCREEN)"; }

# The line of the screen holding TEXT (first one).
line_of() { printf '%s\n' "$SCREEN" | grep -F -- "$1" | head -1; }

# quit juste and wait for the shell line
tui_quit() { keys q; wait_for "icanon" || not_ok "juste did not quit:
$SCREEN"; }
