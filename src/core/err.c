/*
 * err.c - the error a callee fills for its caller.
 */
#include <stdio.h>
#include <string.h>

#include "juste/err.h"

const char *(*err_translate)(const char *msgid);

/* A cut made to fit the buffer must not leave half a UTF-8 sequence. */
static void utf8_cut(char *s, size_t len)
{
	size_t i = len;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0 && ((unsigned char)s[i - 1] & 0x80)) {
		unsigned char lead = (unsigned char)s[i - 1];
		size_t need = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 :
			      (lead & 0xF8) == 0xF0 ? 4 : 1;
		if (len - (i - 1) < need)
			len = i - 1;
	}
	s[len] = '\0';
}

juste_status err_vset(struct juste_err *e, juste_status code, const char *fmt, va_list ap)
{
	/* Format into a copy first: the arguments may point into e->msg. */
	char tmp[JUSTE_ERR_MAX];
	int r;

	if (e == NULL)
		return code;
	if (err_translate)
		fmt = err_translate(fmt);
	r = vsnprintf(tmp, sizeof tmp, fmt, ap);
	if (r < 0)
		tmp[0] = '\0';
	else if ((size_t)r >= sizeof tmp)
		utf8_cut(tmp, sizeof tmp - 1);
	memcpy(e->msg, tmp, sizeof tmp);
	e->code = code;
	e->field[0] = '\0';
	return code;
}

juste_status err_set(struct juste_err *e, juste_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, fmt, ap);
	va_end(ap);
	return code;
}

juste_status err_prefix(struct juste_err *e, const char *fmt, ...)
{
	char tmp[JUSTE_ERR_MAX];
	va_list ap;
	int r;
	size_t plen, mlen;

	/* Prefixing only happens on a failure path: without a record of the
	 * code, still report a failure rather than JUSTE_OK. */
	if (e == NULL)
		return JUSTE_EINVAL;
	if (err_translate)
		fmt = err_translate(fmt);
	va_start(ap, fmt);
	r = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (r < 0) {
		tmp[0] = '\0';
		plen = 0;
	} else if ((size_t)r >= sizeof tmp) {
		utf8_cut(tmp, sizeof tmp - 1);
		plen = strlen(tmp);
	} else {
		plen = (size_t)r;
	}
	mlen = strnlen(e->msg, sizeof e->msg - 1);
	if (plen + mlen > sizeof tmp - 1) {
		memcpy(tmp + plen, e->msg, sizeof tmp - 1 - plen);
		utf8_cut(tmp, sizeof tmp - 1);
	} else {
		memcpy(tmp + plen, e->msg, mlen);
		tmp[plen + mlen] = '\0';
	}
	memcpy(e->msg, tmp, sizeof tmp);
	return e->code;
}

juste_status err_set_field(struct juste_err *e, const char *field, juste_status code,
	const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, fmt, ap);
	va_end(ap);
	if (e != NULL)
		snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	return code;
}

void err_clear(struct juste_err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}
