/*
 * costcalc.h - the at-cost rate calculator ("juste coût").  Pure.
 *
 * DOMAIN.md: the at-cost rate of a level = (salaries x (1 + benefits rate)
 * + share of overhead) / billable hours, plus the planned surplus; overhead
 * (and the surplus) are shared between levels in proportion to their
 * billable hours.  Everything is integer cents:
 *
 *   hours_i    = headcount_i x hours_per_expert_i
 *   loaded_i   = salaries_i + round(salaries_i x benefits_i)      (half up)
 *   overhead_i = overhead x hours_i / total hours, surplus_i likewise,
 *                by largest remainder so that the shares add up exactly
 *   cost_i     = loaded_i + overhead_i + surplus_i
 *   rate_i     = round(cost_i / hours_i)                          (half up, cents)
 *
 * Expenses = sum of loaded_i + overhead; the products the year needs are
 * expenses + surplus, exactly.  The products at the proposed rates are
 * sum of rate_i x hours_i: they differ from what is needed only by the
 * rounding of each rate to the cent, at most half a cent per planned hour;
 * that difference is reported as such, never hidden.
 */
#ifndef JUSTE_COSTCALC_H
#define JUSTE_COSTCALC_H

#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/model.h"

#define COSTCALC_MAX_LEVELS 32

struct cost_level {
	char code[CODE_LEN];
	int64_t headcount;             /* people, > 0 */
	int64_t salary_cents;          /* the level's salary mass, >= 0 */
	int32_t benefits_rate;         /* thousandths of a percent: 22,5 % = 22500 */
	int64_t hours_per_expert;      /* billable-hours target per person, > 0 */
};

struct cost_input {
	int fy;                        /* start year */
	int64_t overhead_cents;        /* expenses other than salaries and benefits */
	int64_t surplus_cents;         /* planned surplus */
	const struct cost_level *levels;
	size_t n;
};

struct cost_line {
	int64_t hours;                 /* planned billable hours */
	int64_t loaded_cents;          /* salaries with benefits */
	int64_t overhead_cents;        /* share of overhead */
	int64_t surplus_cents;         /* share of the surplus */
	int64_t cost_cents;            /* the three together */
	/* per hour, each rounded half up to the cent (for display: the rate is
	 * rounded once from the total, so these may add up to a cent apart) */
	int64_t hourly_loaded_cents, hourly_overhead_cents, hourly_surplus_cents;
	int64_t rate_cents;            /* proposed */
	int64_t products_cents;        /* rate x hours */
};

struct cost_result {
	int64_t hours;
	int64_t loaded_cents;          /* all salaries with benefits */
	int64_t expenses_cents;        /* loaded + overhead */
	int64_t needed_cents;          /* expenses + surplus: what the rates must bring */
	int64_t products_cents;        /* at the proposed rates and the planned hours */
	int64_t rounding_cents;        /* products - needed */
	int64_t surplus_cents;         /* products - expenses */
};

/* Validates the input (at least one level, positive hours and headcount,
 * benefits 0..100 %) and fills lines[0..in->n-1] and *r. */
#define COST_SERVICES_MAX 32

/* The cost inputs of one fiscal year, as stored. */
struct cost_year {
	int fy;
	int64_t overhead_cents;
	int64_t surplus_cents;
	size_t n;
	struct cost_level levels[COSTCALC_MAX_LEVELS];
	/* the services each level delivers, by code */
	int nservices[COSTCALC_MAX_LEVELS];
	char services[COSTCALC_MAX_LEVELS][COST_SERVICES_MAX][CODE_LEN];
};

juste_status costcalc_compute(const struct cost_input *in, struct cost_line *lines,
	struct cost_result *r, struct juste_err *e);

/* Shares `total` between n weights in proportion, by largest remainder
 * (ties to the earlier index): the shares add up exactly to total.  A
 * negative total is shared as the opposite of its absolute value's shares.
 * Weights must be >= 0 with a positive sum (else all shares are 0);
 * n <= COSTCALC_MAX_LEVELS. */
void costcalc_share(int64_t total, const int64_t *weights, size_t n, int64_t *out);

/* Change from old to new in hundredths of a percent, half away from zero:
 * 9500 -> 10000 = 526 (5,26 %).  0 when old is 0. */
int64_t costcalc_change_bp(int64_t old_cents, int64_t new_cents);

#endif
