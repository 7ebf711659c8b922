/*
 * i18n.h - gettext.  Messages are written in French in the sources, since
 * French is the default language (Charte de la langue française); po/en.po
 * is the English catalogue, chosen with LANGUAGE=en or `language = en`.
 */
#ifndef JUSTE_I18N_H
#define JUSTE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* setlocale, a UTF-8 locale even on a machine that has none installed,
 * and the catalogue: next to the binary when run from the build tree, else
 * LOCALEDIR.  `language` ("fr", "en" or "") applies unless LANGUAGE is set. */
void i18n_init(const char *argv0, const char *language);

/* The language in force: "fr" or "en". */
const char *i18n_language(void);

#endif
