/*
 * date_input.c - dates as people type them (see date_input.h).  Words are
 * compared after folding ASCII case; French weekday names carry no accent,
 * so no Unicode folding is needed.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "juste/date_input.h"

#ifndef _
#define _(s) (s)
#endif

#define DAYS_BACK_MAX 36600   /* a century: beyond it, write the date */

/* Monday first, as date_weekday counts (1 = Monday). */
static const char *const weekday_fr[7] = { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" };
static const char *const weekday_en[7] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday" };

/* s (n bytes) lowercased into out; 0 when it does not fit or holds a byte
 * that is not ASCII other than the typographic apostrophe, kept as '. */
static int fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
			c = '\'';                  /* U+2019 RIGHT SINGLE QUOTATION MARK */
			i += 2;
		} else if (c >= 0x80) {
			return 0;
		}
		if (k + 1 >= cap)
			return 0;
		out[k++] = (char)tolower(c);
	}
	out[k] = '\0';
	return 1;
}

static juste_status refuse(const char *s, struct juste_err *e)
{
	return err_set(e, JUSTE_EINVAL,
		_("date invalide '%s' : attendu AAAA-MM-JJ, aujourd'hui, hier, un jour de la semaine (lundi…) ou -N jours"), s);
}

juste_status date_input_parse(const char *s, date_t today, date_t *t, struct juste_err *e)
{
	if (s == NULL)
		s = "";
	const char *b = s;
	while (*b == ' ' || *b == '\t')
		b++;
	size_t n = strlen(b);
	while (n && (b[n - 1] == ' ' || b[n - 1] == '\t'))
		n--;
	char w[32];
	if (n == 0 || !fold(b, n, w, sizeof w))
		return refuse(s, e);
	if (w[0] >= '0' && w[0] <= '9')
		return date_parse(w, t, e);
	if (strcmp(w, "aujourd'hui") == 0 || strcmp(w, "today") == 0) {
		*t = today;
		return JUSTE_OK;
	}
	if (strcmp(w, "hier") == 0 || strcmp(w, "yesterday") == 0) {
		*t = today - 1;
		return JUSTE_OK;
	}
	if (w[0] == '-') {
		long v = 0;
		size_t i = 1;
		for (; w[i] >= '0' && w[i] <= '9' && v <= DAYS_BACK_MAX; i++)
			v = v * 10 + (w[i] - '0');
		if (i == 1 || w[i] != '\0' || v > DAYS_BACK_MAX)
			return refuse(s, e);
		*t = today - (date_t)v;
		return JUSTE_OK;
	}
	for (int d = 0; d < 7; d++)
		if (strcmp(w, weekday_fr[d]) == 0 || strcmp(w, weekday_en[d]) == 0) {
			int back = (date_weekday(today) - (d + 1) + 7) % 7;
			*t = today - (back ? back : 7);
			return JUSTE_OK;
		}
	return refuse(s, e);
}
