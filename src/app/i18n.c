/*
 * i18n.c - locale and message catalogue.
 *
 * A fresh Debian has no locale but C.UTF-8; glibc's gettext ignores
 * LANGUAGE under the plain "C" locale, so juste falls back to C.UTF-8, which
 * also gives ncursesw its wide characters.
 */
#include <limits.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juste/err.h"
#include "juste/i18n.h"
#include "juste/privilege.h"
#include "juste/text.h"
#include "juste/vocab.h"

static const char *translate(const char *msgid)
{
	return gettext(msgid);
}

/* The build tree keeps catalogues in <builddir>/po/<lang>/LC_MESSAGES.
 * A set-group-id juste reads only the installed ones: a catalogue holds
 * printf formats, and the directory of a binary is not always root's. */
static void bind_catalogue(void)
{
	if (privilege_shared()) {
		bindtextdomain("juste", LOCALEDIR);
		return;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			char dir[PATH_MAX + 32];
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/po/en/LC_MESSAGES/juste.mo", exe);
			struct stat sb;
			if (stat(dir, &sb) == 0) {
				snprintf(dir, sizeof dir, "%s/po", exe);
				bindtextdomain("juste", dir);
				return;
			}
		}
	}
	bindtextdomain("juste", LOCALEDIR);
}

void i18n_init(const char *argv0, const char *language)
{
	(void)argv0;
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	if (language && *language) {
		const char *env = getenv("LANGUAGE");
		if (!env || !*env)
			setenv("LANGUAGE", language, 1);
	}
	bind_catalogue();
	bind_textdomain_codeset("juste", "UTF-8");
	textdomain("juste");
	err_translate = translate;
}

/* glibc caches what it has translated; this counter, which it exports for
 * programs that change LANGUAGE while they run, tells it to look again. */
extern int _nl_msg_cat_cntr;

enum text_lang i18n_document_begin(const char *language, struct i18n_scope *s)
{
	const char *env = getenv("LANGUAGE");
	s->had = env != NULL;
	snprintf(s->saved, sizeof s->saved, "%s", env ? env : "");
	enum language l = LANGUAGE_FR;
	struct juste_err ignored;
	if (!language || !*language || vocab_language_parse(language, &l, &ignored))
		l = LANGUAGE_FR;
	/* French is the sources' own language: no catalogue has it, so the
	 * messages stay as written */
	setenv("LANGUAGE", vocab_language_word(l), 1);
	++_nl_msg_cat_cntr;
	return l == LANGUAGE_EN ? TEXT_LANG_EN : TEXT_LANG_FR;
}

void i18n_document_end(struct i18n_scope *s)
{
	if (s->had)
		setenv("LANGUAGE", s->saved, 1);
	else
		unsetenv("LANGUAGE");
	++_nl_msg_cat_cntr;
}

const char *i18n_language(void)
{
	const char *env = getenv("LANGUAGE");
	if (env && *env)
		return vocab_language_word(text_lang_of(env) == TEXT_LANG_EN ? LANGUAGE_EN : LANGUAGE_FR);
	/* no LANGUAGE: gettext follows the messages' locale (LANG=en_CA.UTF-8
	 * where it is installed), and so do the figures */
	const char *loc = setlocale(LC_MESSAGES, NULL);
	return vocab_language_word(text_lang_of(loc) == TEXT_LANG_EN ? LANGUAGE_EN : LANGUAGE_FR);
}
