/*
 * hours.h - one expert's own totals over a period (a month, a fiscal year
 * to date), as Ma semaine shows them with `m`: billable and internal
 * minutes against capacity.  Pure: the minutes come from the caller, today
 * is passed in.
 */
#ifndef JUSTE_HOURS_H
#define JUSTE_HOURS_H

#include <stdint.h>
#include "juste/date.h"

struct hours_period {
	date_t first, last;           /* the whole period */
	date_t counted_to;            /* capacity counted up to here: min(last, today) */
	int64_t billable, internal;   /* minutes logged over the whole period */
	int64_t capacity;             /* minutes, figures_capacity over the days employed */
	int64_t pct;                  /* billable / capacity, tenths of a percent */
	int pct_ok;                   /* 0 when there is no capacity */
};

/* Fills p for [first, last]: capacity per figures_capacity over the working
 * days (Monday to Friday) the expert was employed (started_on, left_on:
 * day numbers, or INT32_MIN / INT32_MAX when open) up to today, since a
 * period still running counts up to today.  billable and internal are set
 * by the caller before or after; hours_share() then computes pct. */
void hours_period_init(struct hours_period *p, date_t first, date_t last, date_t today, int weekly_minutes,
	date_t started_on, date_t left_on);
void hours_share(struct hours_period *p);

#endif
