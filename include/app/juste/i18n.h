/*
 * i18n.h - gettext.  Messages are written in French in the sources, since
 * French is the default language (Charte de la langue française); po/en.po
 * is the English catalogue, chosen with LANGUAGE=en or `language = en`.
 */
#ifndef JUSTE_I18N_H
#define JUSTE_I18N_H

#include <libintl.h>

#include "juste/text.h"

#define _(s) gettext(s)
#define N_(s) (s)

/* setlocale, a UTF-8 locale even on a machine that has none installed,
 * and the catalogue: next to the binary when run from the build tree, else
 * LOCALEDIR.  `language` ("fr", "en" or "") applies unless LANGUAGE is set. */
void i18n_init(const char *argv0, const char *language);

/* The language in force: "fr" or "en". */
const char *i18n_language(void);

/* A document written in its reader's language: between i18n_document_begin
 * and i18n_document_end, _() and the domain's labels (tax names, kinds of
 * movement...) come from the catalogue of `language` (an organisation's
 * language, "fr" or "en"; "" or another word is French), and
 * i18n_language() says it, whatever the language of the interface.  The
 * return value is the conventions the document's figures follow
 * (money_format_lang...).  end restores the interface's language; a scope
 * is not nested. */
struct i18n_scope {
	char saved[256];  /* LANGUAGE as it was */
	int had;          /* whether it was set */
};
enum text_lang i18n_document_begin(const char *language, struct i18n_scope *s);
void i18n_document_end(struct i18n_scope *s);

#endif
