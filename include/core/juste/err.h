/*
 * err.h - status codes and the error message a callee fills for its caller.
 *
 * Every function that can fail returns a juste_status and, when given a
 * non-NULL struct juste_err, writes one line of explanation into it.  Only
 * main() decides whether to print it and how to exit; core and store never
 * print.  Messages are already translated and already name where the problem
 * is ("entries.csv:14: unknown mandate 'M-2020-999'").
 */
#ifndef JUSTE_ERR_H
#define JUSTE_ERR_H

#include <stdarg.h>

typedef enum juste_status {
	JUSTE_OK = 0,
	JUSTE_EINVAL,     /* bad input: a value, a row, an option */
	JUSTE_ENOTFOUND,  /* a named thing does not exist */
	JUSTE_EDENIED,    /* the current user's role forbids it */
	JUSTE_ECONFLICT,  /* duplicate, locked, or violates a rule in the db */
	JUSTE_EIO,        /* file or database failure */
	JUSTE_ENOMEM,
	JUSTE_EBUSY,      /* database locked for longer than the busy timeout */
	JUSTE_EUSAGE      /* command line misuse: exit code 2 */
} juste_status;

#define JUSTE_ERR_MAX 1024

struct juste_err {
	juste_status code;
	char msg[JUSTE_ERR_MAX];
	char field[32];   /* the form field at fault, "" when none */
};

/* Records code and message (if e is not NULL) and returns code, so that
 * callers can write `return err_set(e, JUSTE_EINVAL, "bad date '%s'", s);`. */
juste_status err_set(struct juste_err *e, juste_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
juste_status err_vset(struct juste_err *e, juste_status code, const char *fmt, va_list ap);

/* Prepends context to an existing message: "entries.csv:14: " + msg. */
juste_status err_prefix(struct juste_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* As err_set, also naming the field at fault (forms show the message
 * next to it). */
juste_status err_set_field(struct juste_err *e, const char *field, juste_status code,
	const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Messages are translated where they are raised: err_vset passes fmt through
 * this hook when set (the app sets it to gettext), so the core needs no
 * libintl.  Sources mark the strings with N_() for xgettext. */
extern const char *(*err_translate)(const char *msgid);

void err_clear(struct juste_err *e);

#endif
