/*
 * budgetcalc.h - how far into its budget a mandate is: the percent shown and
 * the thresholds (80 %, 100 %) that warn when time is saved.  Pure.
 */
#ifndef JUSTE_BUDGETCALC_H
#define JUSTE_BUDGETCALC_H

#include <stdint.h>

/* A budget and what was used of it; 0 budget = none on that axis. */
struct budget_use {
	int64_t budget_minutes, used_minutes;
	int64_t budget_cents, used_cents;
};

/* Percent used in tenths (figures_share's rounding), the larger of hours
 * and dollars; 0 without a budget. */
int64_t budgetcalc_pct(const struct budget_use *u);
/* The highest threshold reached, exactly (no rounding): 100 when used >=
 * budget on either axis, 80 when used * 100 >= budget * 80, else 0. */
int budgetcalc_level(const struct budget_use *u);
/* 1 when used > budget on either axis: what a hard budget refuses. */
int budgetcalc_past(const struct budget_use *u);
/* The threshold crossed going from `before` to `after` (80 or 100), 0
 * when none was: a warning is given once, when it is crossed. */
int budgetcalc_crossed(const struct budget_use *before, const struct budget_use *after);

#endif
