# lib_golden.sh - comparing outputs byte for byte against tests/golden/.
# Source it after tests/cli/lib.sh.  See tests/golden/README.md.
#
# golden_check NAME FILE MESSAGE : FILE, through golden_filter, must equal
#   tests/golden/NAME byte for byte; on a difference the unified diff is
#   printed.  With GOLDEN_UPDATE=1 the filtered FILE becomes the golden
#   instead (tests/golden/update.sh sets it).
GOLDEN_DIR="$SRCDIR/tests/golden"
GOLDEN_SEEN=""

# The one filter between an output and its golden file: it removes only
# what differs from one run to the next, never a figure or a word.
#  - UUIDs (version 7: they carry the time they were made) -> <uuid>
#  - the test's temporary directory, when a message names a file -> <tmp>
golden_filter() {
  sed -e 's/[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}/<uuid>/g' \
      -e "s|$T|<tmp>|g"
}

golden_check() {
  local name=$1 file=$2 msg=$3 want="$GOLDEN_DIR/$1" got="$T/golden.got"
  GOLDEN_SEEN="$GOLDEN_SEEN $name"
  golden_filter < "$file" > "$got"
  if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
    mkdir -p "$(dirname "$want")"
    if cmp -s "$got" "$want"; then ok "$msg (unchanged)"; else cp "$got" "$want"; ok "$msg (golden $name written)"; fi
    return
  fi
  if [ ! -f "$want" ]; then
    not_ok "$msg: no golden file tests/golden/$name (make it with tests/golden/update.sh)"
  elif cmp -s "$want" "$got"; then
    ok "$msg"
  else
    not_ok "$msg: differs from tests/golden/$name"
    diff -u --label "tests/golden/$name" --label "now" "$want" "$got" | head -n "${GOLDEN_DIFF_LINES:-200}"
  fi
}

# golden_orphans DIR : every file of tests/golden/DIR was compared (a golden
# left over from a removed check would otherwise never fail).
golden_orphans() {
  local f rel
  for f in "$GOLDEN_DIR/$1"/*; do
    [ -f "$f" ] || continue
    rel=${f#"$GOLDEN_DIR/"}
    case " $GOLDEN_SEEN " in *" $rel "*) ;; *)
      if [ "${GOLDEN_UPDATE:-}" = 1 ]; then rm -f "$f"; ok "stale golden $rel removed"
      else not_ok "tests/golden/$rel is compared by no check"; fi;;
    esac
  done
}
