/*
 * hours.c - an expert's own totals over a period (hours.h): the capacity
 * of the utilisation board (figures_capacity over working days), for one
 * person and a period that may still be running.
 */
#include <string.h>

#include "juste/figures.h"
#include "juste/hours.h"

void hours_period_init(struct hours_period *p, date_t first, date_t last, date_t today, int weekly_minutes,
	date_t started_on, date_t left_on)
{
	memset(p, 0, sizeof *p);
	p->first = first;
	p->last = last;
	p->counted_to = last < today ? last : today;
	date_t from = first > started_on ? first : started_on;
	date_t to = p->counted_to < left_on ? p->counted_to : left_on;
	p->capacity = to >= from ? figures_capacity(weekly_minutes, figures_weekdays(from, to)) : 0;
}

void hours_share(struct hours_period *p)
{
	p->pct_ok = figures_share(p->billable, p->capacity, &p->pct);
}
