/*
 * duration.c - durations in whole minutes: the forms people type, and the
 * forms juste prints.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "juste/duration.h"
#include "juste/text.h"

#ifndef _
#define _(s) (s)
#endif

/* Integer parts beyond this are surely more than 24 h; capping keeps the
 * arithmetic far from overflow whatever the input length. */
#define PART_CAP 100000000LL
#define FRAC_MAX_DIGITS 6

static size_t ws_len(const char *p, const char *end)
{
	if (p < end && (*p == ' ' || *p == '\t'))
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xAF)
		return 3;
	return 0;
}

static const char *skip_ws(const char *p, const char *end)
{
	size_t k;

	while ((k = ws_len(p, end)) > 0)
		p += k;
	return p;
}

static const char *trim_ws(const char *p, const char *end)
{
	for (;;) {
		if (end - p >= 1 && ws_len(end - 1, end) == 1)
			end -= 1;
		else if (end - p >= 2 && ws_len(end - 2, end) == 2)
			end -= 2;
		else if (end - p >= 3 && ws_len(end - 3, end) == 3)
			end -= 3;
		else
			return end;
	}
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* ASCII only: <ctype.h> would consult the locale. */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int read_uint(const char **pp, const char *end, long long *v)
{
	const char *p = *pp;
	int n = 0;

	*v = 0;
	while (p < end && is_digit(*p)) {
		if (*v < PART_CAP)
			*v = *v * 10 + (*p - '0');
		p++;
		n++;
	}
	*pp = p;
	return n;
}

/* Matches "min" or "m" in any case. */
static bool eat_minute_unit(const char **pp, const char *end)
{
	const char *p = *pp;

	if (p >= end || lower(*p) != 'm')
		return false;
	p++;
	if (end - p >= 2 && lower(p[0]) == 'i' && lower(p[1]) == 'n')
		p += 2;
	*pp = p;
	return true;
}

juste_status duration_parse(const char *s, int *minutes, struct juste_err *e)
{
	const char *p, *end;
	long long a, b, total;
	int nb;

	if (s == NULL)
		s = "";
	p = skip_ws(s, s + strlen(s));
	end = trim_ws(p, s + strlen(s));

	if (p < end && *p == '-')
		return err_set(e, JUSTE_EINVAL, _("durée négative refusée : '%s'"), s);
	if (read_uint(&p, end, &a) == 0)
		goto bad;
	p = skip_ws(p, end);

	if (p == end) {
		/* A bare number is hours, like "1,5". */
		total = a * 60;
	} else if (*p == ':') {
		p = skip_ws(p + 1, end);
		if (read_uint(&p, end, &b) != 2)
			goto bad;
		if (b >= 60)
			goto minutes;
		if (skip_ws(p, end) != end)
			goto bad;
		total = a * 60 + b;
	} else if (*p == '.' || *p == ',') {
		long long pow = 1;

		p++;
		nb = read_uint(&p, end, &b);
		if (nb == 0)
			goto bad;
		if (nb > FRAC_MAX_DIGITS)
			return err_set(e, JUSTE_EINVAL,
				       _("durée invalide '%s' : au plus %d décimales"), s,
				       FRAC_MAX_DIGITS);
		while (nb-- > 0)
			pow *= 10;
		p = skip_ws(p, end);
		if (p < end && lower(*p) == 'h')
			p = skip_ws(p + 1, end);
		if (p != end)
			goto bad;
		/* Nearest minute, half up; pow is even so the half is exact. */
		total = a * 60 + (b * 60 + pow / 2) / pow;
	} else if (lower(*p) == 'h') {
		p = skip_ws(p + 1, end);
		b = 0;
		if (p < end) {
			nb = read_uint(&p, end, &b);
			if (nb == 0 || nb > 2)
				goto bad;
			if (b >= 60)
				goto minutes;
			p = skip_ws(p, end);
			eat_minute_unit(&p, end);
			if (skip_ws(p, end) != end)
				goto bad;
		}
		total = a * 60 + b;
	} else if (eat_minute_unit(&p, end)) {
		if (skip_ws(p, end) != end)
			goto bad;
		total = a;
	} else {
		goto bad;
	}

	if (total == 0)
		return err_set(e, JUSTE_EINVAL, _("durée nulle refusée : '%s'"), s);
	if (total > DURATION_MAX_MINUTES)
		return err_set(e, JUSTE_EINVAL, _("durée de plus de 24 h refusée : '%s'"), s);
	*minutes = (int)total;
	return JUSTE_OK;
minutes:
	return err_set(e, JUSTE_EINVAL,
		       _("durée invalide '%s' : les minutes doivent être inférieures à 60"), s);
bad:
	return err_set(e, JUSTE_EINVAL,
		       _("durée invalide '%s' : attendu 1h30, 1:30, 90m ou 1,5"), s);
}

static unsigned long magnitude(long v)
{
	return v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
}

char *duration_format(long minutes, char *buf, size_t n)
{
	unsigned long mag = magnitude(minutes);

	if (buf == NULL || n == 0)
		return buf;
	snprintf(buf, n, "%s%luh%02lu", minutes < 0 ? "-" : "", mag / 60, mag % 60);
	return buf;
}

/* Hundredths of an hour, half up, split so that no product overflows. */
static unsigned long hundredths(unsigned long mag)
{
	return mag / 60 * 100 + (mag % 60 * 100 + 30) / 60;
}

char *duration_format_hours_fr(long minutes, char *buf, size_t n)
{
	char whole[DURATION_BUF + 16], tmp[DURATION_BUF + 32];
	unsigned long h = hundredths(magnitude(minutes));
	size_t len;

	if (buf == NULL || n == 0)
		return buf;
	/* h / 100 < 2^63 whatever long is: a positive int64 */
	text_group((int64_t)(h / 100), "\xC2\xA0", whole, sizeof whole);
	snprintf(tmp, sizeof tmp, "%s%s,%02lu", minutes < 0 ? "-" : "", whole, h % 100);

	len = strlen(tmp);
	if (len >= n) {
		/* Never leave half of a U+00A0 behind. */
		len = n - 1;
		while (len > 0 && ((unsigned char)tmp[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, tmp, len);
	buf[len] = '\0';
	return buf;
}

char *duration_format_hours_plain(long minutes, char *buf, size_t n)
{
	unsigned long h = hundredths(magnitude(minutes));

	if (buf == NULL || n == 0)
		return buf;
	snprintf(buf, n, "%s%lu.%02lu", minutes < 0 ? "-" : "", h / 100, h % 100);
	return buf;
}

char *duration_format_hours_lang(enum text_lang l, long minutes, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return duration_format_hours_fr(minutes, buf, n);
	char whole[DURATION_BUF + 16], tmp[DURATION_BUF + 32];
	unsigned long h = hundredths(magnitude(minutes));
	if (buf == NULL || n == 0)
		return buf;
	text_group((int64_t)(h / 100), ",", whole, sizeof whole);
	snprintf(tmp, sizeof tmp, "%s%s.%02lu", minutes < 0 ? "-" : "", whole, h % 100);
	snprintf(buf, n, "%s", tmp);
	return buf;
}
