#!/usr/bin/env bash
# The build keeps the layers: a file of each library, compiled with the very
# flags the build gives that library (compile_commands.json), must fail on
# an include its layer may not use, system headers in /usr/include
# included, and must compile with one it may (so that the check can fail).
set -u
B=${BUILDDIR:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }

# The compiler command of the source whose path ends with $1, without its
# output, dependency-file and source arguments, one word a line.
flags() {
  python3 - "$B/compile_commands.json" "$1" <<'PY'
import json, shlex, sys
for c in json.load(open(sys.argv[1])):
    if c["file"].endswith(sys.argv[2]):
        args = shlex.split(c["command"])
        out, skip = [], False
        for a in args:
            if skip:
                skip = False
                continue
            if a in ("-o", "-MQ", "-MF"):
                skip = True
                continue
            if a in ("-c", "-MD") or a.endswith(sys.argv[2]):
                continue
            out.append(a)
        print("\n".join(out))
        break
PY
}

# try FILE INCLUDE: compiles "#include INCLUDE" with FILE's flags.
try() {
  local -a cmd
  local cache="$T/flags.${1//\//_}"
  [ -f "$cache" ] || flags "$1" >"$cache"
  mapfile -t cmd <"$cache"
  if [ ${#cmd[@]} -eq 0 ]; then
    echo "no compile command for $1" >"$T/err"
    return 2
  fi
  printf '#include %s\nint layers_probe;\n' "$2" >"$T/probe.c"
  (cd "$B" && "${cmd[@]}" -fsyntax-only "$T/probe.c") >"$T/err" 2>&1
}

refused() { # FILE INCLUDE...
  local f=$1; shift
  for h in "$@"; do
    if try "$f" "$h"; then
      not_ok "$f may not include $h, yet it compiles"
    elif grep -q "#error\|No such file" "$T/err"; then
      ok "$f: #include $h is refused"
    else
      not_ok "$f: #include $h fails for another reason: $(head -3 "$T/err")"
    fi
  done
}

allowed() { # FILE INCLUDE...
  local f=$1; shift
  for h in "$@"; do
    try "$f" "$h" && ok "$f: #include $h compiles" || not_ok "$f: #include $h: $(head -3 "$T/err")"
  done
}

allowed src/core/money.c '"juste/money.h"' '"juste/model.h"' '<stdio.h>'
refused src/core/money.c '<sqlite3.h>' '<curses.h>' '<ncursesw/curses.h>' '<jansson.h>' '<csv.h>' \
  '<cairo.h>' '<cairo/cairo.h>' '<iniparser.h>' '<iniparser/iniparser.h>' '<uuid/uuid.h>' '<libintl.h>' \
  '<unistd.h>' '<fcntl.h>' '<sys/stat.h>' '"juste/store.h"' '"juste/app.h"' '"store/store_internal.h"'

allowed src/store/store.c '"juste/store.h"' '"juste/model.h"' '<sqlite3.h>' '"store/store_internal.h"'
refused src/store/store.c '<curses.h>' '<jansson.h>' '<csv.h>' '<cairo.h>' '<iniparser/iniparser.h>' \
  '<libintl.h>' '"juste/app.h"' '"juste/week.h"'

allowed src/app/app.c '"juste/app.h"' '"juste/store.h"' '"app/app_internal.h"' '<jansson.h>'
refused src/app/app.c '<sqlite3.h>' '<curses.h>' '<ncursesw/curses.h>'

for f in src/cli/main.c src/tui/tui.c; do
  allowed "$f" '"juste/app.h"' '"juste/week.h"' '"juste/model.h"'
  refused "$f" '<sqlite3.h>' '"juste/store.h"' '"juste/store_week.h"' '"juste/store_invoices.h"' \
    '"store/store_internal.h"' '"app/app_internal.h"'
done
allowed src/tui/tui.c '<curses.h>'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
