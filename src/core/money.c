/*
 * money.c - integer cents: parsing, French and plain formats, rounding,
 * taxes and rates.  No floating point and no locale anywhere.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "juste/money.h"
#include "juste/text.h"

#ifndef _
#define _(s) (s)
#endif

#define NBSP "\xC2\xA0"

/* Byte length of a thousands separator at p (space, U+00A0, U+202F). */
static size_t sep_len(const char *p, const char *end)
{
	if (p < end && *p == ' ')
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xAF)
		return 3;
	return 0;
}

static size_t ws_len(const char *p, const char *end)
{
	if (p < end && *p == '\t')
		return 1;
	return sep_len(p, end);
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
		if (end - p >= 1 && (end[-1] == ' ' || end[-1] == '\t'))
			end -= 1;
		else if (end - p >= 2 && sep_len(end - 2, end) == 2)
			end -= 2;
		else if (end - p >= 3 && sep_len(end - 3, end) == 3)
			end -= 3;
		else
			return end;
	}
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Copies a finished string, cutting on a UTF-8 boundary if n is short. */
static char *copy_out(char *buf, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (buf == NULL || n == 0)
		return buf;
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, src, len);
	buf[len] = '\0';
	return buf;
}

static uint64_t magnitude(int64_t v)
{
	/* Unsigned negation: INT64_MIN has no positive int64. */
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

juste_status money_parse(const char *s, int64_t *cents, struct juste_err *e)
{
	const char *p, *end;
	bool neg = false, dollar = false, grouped = false, big = false;
	uint64_t units = 0, frac = 0, limit, mag;
	int group = 0, ndec = 0;
	size_t k;

	if (s == NULL)
		s = "";
	p = skip_ws(s, s + strlen(s));
	end = trim_ws(p, s + strlen(s));

	if (p < end && *p == '-') {
		neg = true;
		p++;
	}
	if (p < end && *p == '$') {
		dollar = true;
		p = skip_ws(p + 1, end);
		if (!neg && p < end && *p == '-') {
			neg = true;
			p++;
		}
	}
	if (end > p && end[-1] == '$') {
		if (dollar)
			goto bad;
		end = trim_ws(p, end - 1);
	}

	if (p >= end || !is_digit(*p))
		goto bad;
	while (p < end) {
		if (is_digit(*p)) {
			/* Keep scanning past absurd sizes so syntax errors
			 * are still reported as such. */
			if (units > UINT64_MAX / 100)
				big = true;
			else
				units = units * 10 + (uint64_t)(*p - '0');
			group++;
			p++;
		} else if ((k = sep_len(p, end)) > 0) {
			if (grouped ? group != 3 : group > 3)
				goto bad;
			grouped = true;
			group = 0;
			p += k;
			if (p >= end || !is_digit(*p))
				goto bad;
		} else {
			break;
		}
	}
	if (grouped && group != 3)
		goto bad;

	if (p < end && (*p == '.' || *p == ',')) {
		p++;
		while (p < end && is_digit(*p)) {
			if (++ndec > 2)
				return err_set(e, JUSTE_EINVAL,
					       _("montant invalide '%s' : au plus deux décimales"), s);
			frac = frac * 10 + (uint64_t)(*p - '0');
			p++;
		}
		if (ndec == 0)
			goto bad;
		if (ndec == 1)
			frac *= 10;
	}
	if (p != end)
		goto bad;

	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (big || units > (limit - frac) / 100)
		return err_set(e, JUSTE_EINVAL, _("montant trop grand '%s'"), s);
	mag = units * 100 + frac;
	if (neg)
		*cents = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	else
		*cents = (int64_t)mag;
	return JUSTE_OK;
bad:
	return err_set(e, JUSTE_EINVAL,
		       _("montant invalide '%s' : attendu 1234,56 ou 1 234,56 $"), s);
}

static char *format_amount(int64_t cents, char *buf, size_t n, bool fr)
{
	char units[MONEY_BUF], tmp[MONEY_BUF + 16];
	uint64_t mag = magnitude(cents);

	/* mag / 100 < 2^63: a positive int64 */
	text_group((int64_t)(mag / 100), fr ? NBSP : "", units, sizeof units);
	snprintf(tmp, sizeof tmp, "%s%s%c%02u%s", cents < 0 ? "-" : "", units, fr ? ',' : '.',
		 (unsigned)(mag % 100), fr ? NBSP "$" : "");
	return copy_out(buf, n, tmp);
}

char *money_format_fr(int64_t cents, char *buf, size_t n)
{
	return format_amount(cents, buf, n, true);
}

char *money_format_plain(int64_t cents, char *buf, size_t n)
{
	return format_amount(cents, buf, n, false);
}

int64_t money_div_round(int64_t num, int64_t den)
{
	/* Quotient and remainder, so that no intermediate sum can overflow. */
	int64_t q, r;

	if (den <= 0)
		return 0;
	q = num / den;
	r = num % den;
	if (r >= 0) {
		if (r >= den - r)
			q++;
	} else {
		if (-r >= den + r)
			q--;
	}
	return q;
}

/* Rounds a product that may not fit in 64 bits; saturates if the result
 * itself cannot. */
static int64_t div_round_wide(__int128 num, int64_t den)
{
	__int128 q = num / den, r = num % den;

	if (r >= 0) {
		if (r >= den - r)
			q++;
	} else {
		if (-r >= den + r)
			q--;
	}
	if (q > INT64_MAX)
		return INT64_MAX;
	if (q < INT64_MIN)
		return INT64_MIN;
	return (int64_t)q;
}

int64_t money_line_amount(int64_t minutes, int64_t rate_cents)
{
	return div_round_wide((__int128)minutes * rate_cents, 60);
}

int64_t money_tax(int64_t subtotal_cents, int32_t rate)
{
	return div_round_wide((__int128)subtotal_cents * rate, TAX_RATE_SCALE);
}

juste_status money_rate_parse(const char *s, int32_t *rate, struct juste_err *e)
{
	const char *p, *end;
	int64_t ip = 0, fp = 0;
	int ndec = 0, scale = 1000;

	if (s == NULL)
		s = "";
	p = skip_ws(s, s + strlen(s));
	end = trim_ws(p, s + strlen(s));
	if (end > p && end[-1] == '%')
		end = trim_ws(p, end - 1);

	if (p >= end || !is_digit(*p))
		goto bad;
	while (p < end && is_digit(*p)) {
		/* Anything past 100 is out of range; stop growing early. */
		if (ip <= 1000)
			ip = ip * 10 + (*p - '0');
		p++;
	}
	if (p < end && (*p == '.' || *p == ',')) {
		p++;
		while (p < end && is_digit(*p)) {
			if (++ndec > 3)
				return err_set(e, JUSTE_EINVAL,
					       _("taux invalide '%s' : au plus trois décimales"), s);
			scale /= 10;
			fp += (*p - '0') * scale;
			p++;
		}
		if (ndec == 0)
			goto bad;
	}
	if (p != end)
		goto bad;
	if (ip > 100 || ip * 1000 + fp > TAX_RATE_SCALE)
		return err_set(e, JUSTE_EINVAL,
			       _("taux hors limites '%s' : entre 0 et 100 %%"), s);
	*rate = (int32_t)(ip * 1000 + fp);
	return JUSTE_OK;
bad:
	return err_set(e, JUSTE_EINVAL, _("taux invalide '%s' : attendu 5 ou 9,975"), s);
}

char *money_rate_format_fr(int32_t rate, char *buf, size_t n)
{
	char tmp[48], frac[5];
	uint64_t mag = magnitude(rate);
	unsigned fp = (unsigned)(mag % 1000);
	int len = 0;

	frac[0] = '\0';
	if (fp != 0) {
		frac[len++] = ',';
		frac[len++] = (char)('0' + fp / 100);
		frac[len++] = (char)('0' + fp / 10 % 10);
		frac[len++] = (char)('0' + fp % 10);
		while (frac[len - 1] == '0')
			len--;
		frac[len] = '\0';
	}
	snprintf(tmp, sizeof tmp, "%s%llu%s" NBSP "%%", rate < 0 ? "-" : "",
		 (unsigned long long)(mag / 1000), frac);
	return copy_out(buf, n, tmp);
}

char *money_format_lang(enum text_lang l, int64_t cents, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return money_format_fr(cents, buf, n);
	char units[MONEY_BUF], tmp[MONEY_BUF + 16];
	uint64_t mag = magnitude(cents);
	text_group((int64_t)(mag / 100), ",", units, sizeof units);
	snprintf(tmp, sizeof tmp, "%s$%s.%02u", cents < 0 ? "-" : "", units, (unsigned)(mag % 100));
	return copy_out(buf, n, tmp);
}

char *money_rate_format_lang(enum text_lang l, int32_t rate, char *buf, size_t n)
{
	if (l != TEXT_LANG_EN)
		return money_rate_format_fr(rate, buf, n);
	char fr[48], tmp[48];
	money_rate_format_fr(rate, fr, sizeof fr);
	/* the same digits: the decimal comma becomes a point, and "%" follows
	 * the number without the space */
	size_t k = 0;
	for (const char *s = fr; *s && k + 1 < sizeof tmp; s++) {
		if (*s == ',')
			tmp[k++] = '.';
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s++;
		else
			tmp[k++] = *s;
	}
	tmp[k] = '\0';
	return copy_out(buf, n, tmp);
}
