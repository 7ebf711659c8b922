#!/usr/bin/env bash
# Every command is documented: it has --help in both languages, the manual
# describes it, and juste.ini(5) describes every key of the shipped file.
. "$SRCDIR/tests/cli/lib.sh"
cmds=$("$JUSTE" --help | awk '/^Commandes/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}')
[ -n "$cmds" ] && ok "the help lists the commands" || not_ok "no command found in juste --help"
for c in $cmds; do
  out=$("$JUSTE" "$c" --help 2>&1); rc=$?
  [ "$rc" = 0 ] && case "$out" in *"juste $c"*) true;; *) false;; esac && ok "juste $c --help" || not_ok "juste $c --help (rc $rc)"
  en=$(LANGUAGE=en "$JUSTE" "$c" --help 2>&1)
  case "$en" in "Usage: "*) [ "$en" != "$out" ] && ok "juste $c --help in English" || not_ok "juste $c --help is not translated";;
    *) not_ok "juste $c --help in English: $en";; esac
  for page in man/juste.1 man/en/juste.1; do
    grep -q "juste $c\\b\|juste\\\\fR \\\\fB$c\|\\\\fBjuste $c" "$SRCDIR/$page" && ok "$page documents $c" || not_ok "$page lacks '$c'"
  done
done
# The English pages say what the French originals say: the same options,
# keys and file names (the examples' CSV names are translated), the same
# sections and entries.
for page in juste.1 juste.ini.5; do
  fr=$SRCDIR/man/$page en=$SRCDIR/man/en/$page
  [ -f "$en" ] || { not_ok "man/en/$page is missing"; continue; }
  words() { grep -v '^\.\\"' "$1" | grep -o '\\-\\-[a-z][a-z\\-]*\|^\.B [a-z_]*$\|[a-z_]*\.[a-z_]\{2,\}' | grep -v '^[a-z]*\.csv$' | sort -u; }
  expect_eq "$(words "$en")" "$(words "$fr")" "man/en/$page has the options, keys and names of man/$page"
  expect_eq "$(grep -c '^\.\(SH\|SS\|TP\|TQ\|IP\|RS\|RE\|PP\|nf\)' "$en")" "$(grep -c '^\.\(SH\|SS\|TP\|TQ\|IP\|RS\|RE\|PP\|nf\)' "$fr")" \
    "man/en/$page has the sections and entries of man/$page"
done
for key in $(sed -n 's/^;\?\([a-z_]*\) *=.*/\1/p' "$SRCDIR/conf/juste.ini" | sort -u); do
  grep -q "^\.B $key\$" "$SRCDIR/man/juste.ini.5" && ok "juste.ini(5) documents $key" || not_ok "juste.ini(5) lacks $key"
done
if command -v man >/dev/null; then
  for page in juste.1 juste.ini.5 en/juste.1 en/juste.ini.5; do
    man -l "$SRCDIR/man/$page" >/dev/null 2>"$T/man.err"; rc=$?
    [ "$rc" = 0 ] && ! grep -qi "error" "$T/man.err" && ok "man/$page renders" \
      || not_ok "man/$page renders with errors (rc $rc): $(head -3 "$T/man.err")"
  done
else
  echo "# man is not installed: the pages were not rendered"
fi
finish
