/*
 * date.c - day numbers since 1970-01-01 in the proleptic Gregorian
 * calendar, using Howard Hinnant's days_from_civil / civil_from_days.
 */
#include <stdio.h>
#include <string.h>

#include "juste/date.h"

#ifndef _
#define _(s) (s)
#endif

#define YEAR_MIN 1900
#define YEAR_MAX 2999

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Years 0..9999: the ones date_format can write in four digits. */
bool date_valid_ymd(int y, int m, int d)
{
	return y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

date_t date_from_ymd(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (date_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(date_t t, int *y, int *m, int *d)
{
	int64_t z = (int64_t)t + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	if (y)
		*y = (int)(yoe + era * 400 + (mm <= 2));
	if (m)
		*m = mm;
	if (d)
		*d = (int)(doy - (153 * mp + 2) / 5 + 1);
}

/* n ASCII digits exactly, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

juste_status date_parse(const char *s, date_t *t, struct juste_err *e)
{
	int y, m, d;

	if (s == NULL)
		s = "";
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 || (d = digits(s + 8, 2)) < 0)
		return err_set(e, JUSTE_EINVAL, _("date invalide '%s' : attendu AAAA-MM-JJ"), s);
	if (y < YEAR_MIN || y > YEAR_MAX)
		return err_set(e, JUSTE_EINVAL,
			       _("date invalide '%s' : l'année doit être entre 1900 et 2999"), s);
	if (!date_valid_ymd(y, m, d))
		return err_set(e, JUSTE_EINVAL, _("date invalide '%s' : ce jour n'existe pas"), s);
	*t = date_from_ymd(y, m, d);
	return JUSTE_OK;
}

char *date_format(date_t t, char *buf)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	snprintf(buf, DATE_BUF, "%04d-%02d-%02d", y, m, d);
	return buf;
}

int date_weekday(date_t t)
{
	/* 1970-01-01 was a Thursday; floor modulo for days before it. */
	int r = (int)(((int64_t)t + 3) % 7);

	if (r < 0)
		r += 7;
	return r + 1;
}

date_t date_monday(date_t t)
{
	return t - (date_weekday(t) - 1);
}

juste_status date_month_parse(const char *s, int *y, int *m, struct juste_err *e)
{
	int yy, mm;

	if (s == NULL)
		s = "";
	if (strlen(s) != 7 || s[4] != '-' || (yy = digits(s, 4)) < 0 ||
	    (mm = digits(s + 5, 2)) < 0 || mm < 1 || mm > 12)
		return err_set(e, JUSTE_EINVAL, _("mois invalide '%s' : attendu AAAA-MM"), s);
	if (yy < YEAR_MIN || yy > YEAR_MAX)
		return err_set(e, JUSTE_EINVAL,
			       _("mois invalide '%s' : l'année doit être entre 1900 et 2999"), s);
	*y = yy;
	*m = mm;
	return JUSTE_OK;
}

date_t date_month_first(int y, int m)
{
	return date_from_ymd(y, m, 1);
}

date_t date_month_last(int y, int m)
{
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

void date_month_add(int *y, int *m, int delta)
{
	int64_t k = (int64_t)*y * 12 + (*m - 1) + delta;
	int64_t yy = k >= 0 ? k / 12 : -((-k + 11) / 12);

	*y = (int)yy;
	*m = (int)(k - yy * 12) + 1;
}

juste_status fy_start_parse(const char *s, struct fy_start *fs, struct juste_err *e)
{
	int m, d;

	if (s == NULL)
		s = "";
	if (strlen(s) != 5 || s[2] != '-' || (m = digits(s, 2)) < 0 || (d = digits(s + 3, 2)) < 0)
		return err_set(e, JUSTE_EINVAL,
			       _("début d'exercice invalide '%s' : attendu MM-JJ"), s);
	if (m == 2 && d == 29)
		return err_set(e, JUSTE_EINVAL,
			       _("début d'exercice invalide '%s' : le 29 février n'existe pas chaque année"),
			       s);
	/* A year that is not leap: the start must exist every year. */
	if (!date_valid_ymd(2001, m, d))
		return err_set(e, JUSTE_EINVAL,
			       _("début d'exercice invalide '%s' : ce jour n'existe pas"), s);
	fs->month = m;
	fs->day = d;
	return JUSTE_OK;
}

int fy_of(date_t t, struct fy_start fs)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	if (m < fs.month || (m == fs.month && d < fs.day))
		return y - 1;
	return y;
}

date_t fy_first(int fy, struct fy_start fs)
{
	return date_from_ymd(fy, fs.month, fs.day);
}

date_t fy_last(int fy, struct fy_start fs)
{
	return fy_first(fy + 1, fs) - 1;
}

static bool starts_jan_first(struct fy_start fs)
{
	return fs.month == 1 && fs.day == 1;
}

char *fy_name(int fy, struct fy_start fs, char *buf, size_t n)
{
	if (buf == NULL || n == 0)
		return buf;
	if (starts_jan_first(fs))
		snprintf(buf, n, "%d", fy);
	else
		snprintf(buf, n, "%d-%d", fy, fy + 1);
	return buf;
}

juste_status fy_parse(const char *s, struct fy_start fs, int *fy, struct juste_err *e)
{
	int a, b;

	if (s == NULL)
		s = "";
	if (starts_jan_first(fs)) {
		if (strlen(s) != 4 || (a = digits(s, 4)) < 0)
			return err_set(e, JUSTE_EINVAL, _("exercice invalide '%s' : attendu AAAA"), s);
		if (a < YEAR_MIN || a > YEAR_MAX)
			return err_set(e, JUSTE_EINVAL,
				       _("exercice invalide '%s' : l'année doit être entre 1900 et 2999"),
				       s);
	} else {
		if (strlen(s) != 9 || s[4] != '-' || (a = digits(s, 4)) < 0 ||
		    (b = digits(s + 5, 4)) < 0)
			return err_set(e, JUSTE_EINVAL,
				       _("exercice invalide '%s' : attendu AAAA-AAAA, par exemple 2019-2020"),
				       s);
		if (b != a + 1)
			return err_set(e, JUSTE_EINVAL,
				       _("exercice invalide '%s' : la seconde année doit suivre la première"),
				       s);
		if (a < YEAR_MIN || b > YEAR_MAX)
			return err_set(e, JUSTE_EINVAL,
				       _("exercice invalide '%s' : l'année doit être entre 1900 et 2999"),
				       s);
	}
	*fy = a;
	return JUSTE_OK;
}
