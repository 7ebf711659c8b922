#!/usr/bin/env bash
# update.sh [BUILD_DIR] - regenerates the golden files from the code as it
# is now: the demo's outputs (tests/cli/test_golden.sh) and the screens
# (tests/tui/test_screens_tui.sh).  Only on purpose: every difference it
# makes must be explained in the commit that records it (README.md).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" 2>/dev/null && pwd) || { echo "update.sh: no build directory ${1:-$root/build}" >&2; exit 1; }
[ -x "$build/juste" ] || { echo "update.sh: $build/juste missing: run ninja -C $build first" >&2; exit 1; }
export JUSTE="$build/juste" SRCDIR="$root" GOLDEN_UPDATE=1
status=0
for t in cli/test_golden.sh tui/test_screens_tui.sh; do
  echo "== $t"
  out=$(bash "$root/tests/$t") || status=1
  printf '%s\n' "$out" | grep -v '(unchanged)$'
done
echo "== what changed"
git -C "$root" status --short -- tests/golden
git -C "$root" diff --stat -- tests/golden
echo "Read the differences (git diff tests/golden) and explain each in the commit message."
exit $status
