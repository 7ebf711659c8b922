#!/usr/bin/env bash
# The English catalogue is complete for what exists: every message of the
# sources has a translation, none is fuzzy, and the formats agree.
. "$SRCDIR/tests/cli/lib.sh"
cd "$SRCDIR"
files=$(find src include -name '*.[ch]' | LC_ALL=C sort)
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 -o "$T/juste.pot" $files 2>"$T/x.err" \
  && ok "xgettext reads the sources" || not_ok "xgettext: $(cat "$T/x.err")"
missing=$(msgcmp po/en.po "$T/juste.pot" 2>&1 | grep -c 'this message is used but not defined')
expect_eq "$missing" "0" "every message of the sources is in po/en.po"
[ "$missing" = 0 ] || msgcmp po/en.po "$T/juste.pot" 2>&1 | grep -A1 'not defined' | head -20
# (grep -c prints 0 and fails when nothing matches: its status is not the test)
msgattrib --untranslated --no-obsolete po/en.po > "$T/untranslated.po" 2>"$T/m.err" || not_ok "msgattrib: $(cat "$T/m.err")"
untranslated=$(grep -c '^msgid "' "$T/untranslated.po")
# the header entry counts as one msgid ""
[ "$untranslated" -le 1 ] && ok "no untranslated message" || not_ok "$((untranslated - 1)) untranslated messages"
msgattrib --only-fuzzy --no-obsolete po/en.po > "$T/fuzzy.po" 2>"$T/m.err" || not_ok "msgattrib: $(cat "$T/m.err")"
fuzzy=$(grep -c '^msgid "' "$T/fuzzy.po")
[ "$fuzzy" -le 1 ] && ok "no fuzzy message" || not_ok "$((fuzzy - 1)) fuzzy messages"
msgfmt --check -o /dev/null po/en.po 2>"$T/f.err" && ok "msgfmt --check passes (formats agree)" || not_ok "msgfmt: $(head -5 "$T/f.err")"
OUT=$(LANGUAGE=en "$JUSTE" --help); expect_out "Commands" "English help from the built catalogue"
finish
