/*
 * calendar.c - Québec's statutory holidays, the centre's closures and an
 * expert's capacity (calendar.h).
 */
#include <string.h>

#include "juste/calendar.h"
#include "juste/money.h"

#ifndef N_
#define N_(s) (s)
#endif

date_t calendar_easter(int y)
{
	/* the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms) */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(y, month, day);
}

/* The n-th Monday (1-based) of a month. */
static date_t nth_monday(int y, int m, int n)
{
	date_t first = date_from_ymd(y, m, 1);
	int wd = date_weekday(first);
	return first + (8 - wd) % 7 + 7 * (n - 1);
}

/* The day itself, or the Monday after when it falls on a Sunday. */
static date_t unless_sunday(int y, int m, int d)
{
	date_t t = date_from_ymd(y, m, d);
	return date_weekday(t) == 7 ? t + 1 : t;
}

size_t calendar_statutory(int y, bool easter_monday, struct holiday out[CALENDAR_STATUTORY])
{
	date_t easter = calendar_easter(y);
	date_t may24 = date_from_ymd(y, 5, 24);
	size_t n = 0;
	out[n++] = (struct holiday){ date_from_ymd(y, 1, 1), N_("Jour de l'An") };
	out[n++] = easter_monday ? (struct holiday){ easter + 1, N_("Lundi de Pâques") }
	                         : (struct holiday){ easter - 2, N_("Vendredi saint") };
	/* the Monday before 25 May: 18 to 24 May */
	out[n++] = (struct holiday){ may24 - (date_weekday(may24) - 1), N_("Journée nationale des patriotes") };
	out[n++] = (struct holiday){ unless_sunday(y, 6, 24), N_("Fête nationale du Québec") };
	out[n++] = (struct holiday){ unless_sunday(y, 7, 1), N_("Fête du Canada") };
	out[n++] = (struct holiday){ nth_monday(y, 9, 1), N_("Fête du Travail") };
	out[n++] = (struct holiday){ nth_monday(y, 10, 2), N_("Action de grâce") };
	out[n++] = (struct holiday){ date_from_ymd(y, 12, 25), N_("Noël") };
	return n;
}

const char *calendar_holiday(const struct calendar *c, date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	struct holiday h[CALENDAR_STATUTORY];
	size_t n = calendar_statutory(y, c && c->easter_monday, h);
	for (size_t i = 0; i < n; i++)
		if (h[i].day == d)
			return h[i].name;
	for (size_t i = 0; c && i < c->nclosures; i++)
		if (c->closures[i].first <= d && d <= c->closures[i].last)
			return "";
	return NULL;
}

/* Minutes of `halves` half days at weekly_minutes a week: weekly ÷ 10 each. */
static int64_t halves_minutes(int weekly_minutes, int64_t halves)
{
	return money_div_round((int64_t)weekly_minutes * halves, 10);
}

void calendar_capacity(const struct calendar *c, const struct capacity_query *q, struct capacity *out)
{
	memset(out, 0, sizeof *out);
	date_t first = q->from, last = q->to;
	if (q->started != DATE_NONE && q->started > first)
		first = q->started;
	if (q->left != DATE_NONE && q->left < last)
		last = q->left;
	if (q->today < last)
		last = q->today;
	out->first = first;
	out->last = last;
	if (q->weekly_minutes <= 0 || last < first)
		return;
	int64_t avail = 0;   /* half days worked */
	for (date_t d = first; d <= last; d++) {
		if (date_weekday(d) > 5)
			continue;
		out->weekdays++;
		if (calendar_holiday(c, d)) {
			out->holiday_days++;
			continue;
		}
		out->working_days++;
		int away = 0;
		for (size_t i = 0; i < q->nabsences && away < 2; i++)
			if (q->absences[i].first <= d && d <= q->absences[i].last)
				away += q->absences[i].half ? 1 : 2;
		if (away > 2)
			away = 2;
		out->absent_halves += away;
		avail += 2 - away;
	}
	out->minutes = halves_minutes(q->weekly_minutes, avail);
	out->gross = halves_minutes(q->weekly_minutes, 2 * out->weekdays);
	out->holidays = halves_minutes(q->weekly_minutes, 2 * out->holiday_days);
	out->absences = halves_minutes(q->weekly_minutes, out->absent_halves);
}
