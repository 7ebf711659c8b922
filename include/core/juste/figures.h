/*
 * figures.h - the arithmetic of the report's figures: percentages, growth,
 * shares, counts, capacity and the ristourne split.  Pure: no I/O, no SQL.
 *
 * Percentages are integers in tenths of a percent (150 = 15,0 %), rounded
 * half away from zero, computed from integers only, so that the report
 * shows the same figure on every machine.  A ratio over zero has no value:
 * the functions return 0 and the formatters print "—".
 *
 * The ristourne is split by largest remainder: each share is first the
 * floor of amount x weight / total, then the cents left go one by one to
 * the largest remainders (ties: larger weight, then the earlier one), so
 * that the shares add up exactly to the amount.
 */
#ifndef JUSTE_FIGURES_H
#define JUSTE_FIGURES_H

#include <stddef.h>
#include <stdint.h>
#include "juste/date.h"
#include "juste/err.h"
#include "juste/text.h"

#define FIGURES_PCT_BUF 32

/* A percentage that may have no value (a ratio over zero): what a row of a
 * report carries, so that every renderer prints the same figure. */
struct figures_ratio {
	int ok;                  /* 0: no value, printed "—" (or "" / null) */
	int64_t tenths;          /* tenths of a percent */
};

/* An amount that may be unknown (a budget not entered is not a zero). */
struct figures_amount {
	int ok;
	int64_t cents;
};

/* (b - a) / a in tenths of a percent; 0 returned (no value) when a <= 0. */
int figures_growth(int64_t a, int64_t b, int64_t *tenths);
/* Variance of actual against budget: (actual - budget) / budget. */
int figures_variance(int64_t actual, int64_t budget, int64_t *tenths);
/* part / whole in tenths of a percent; 0 returned when whole <= 0. */
int figures_share(int64_t part, int64_t whole, int64_t *tenths);

/* "+15,0 %" (signed: growth, variance) with U+00A0 before %; "—" when
 * !valid. */
char *figures_pct_signed(int valid, int64_t tenths, char *buf, size_t n);
/* "15,0 %" (shares, utilisation); "—" when !valid. */
char *figures_pct(int valid, int64_t tenths, char *buf, size_t n);
/* "15.0" for CSV and JSON; "" when !valid. */
char *figures_pct_plain(int valid, int64_t tenths, char *buf, size_t n);
/* Whole percent, half away from zero: "+8 %" as the seed's table prints. */
char *figures_pct_whole_signed(int valid, int64_t tenths, char *buf, size_t n);

/* "75 100" with U+00A0 between thousands. */
char *figures_count_fr(int64_t v, char *buf, size_t n);
/* Whole dollars "4 475 852 $" (cents rounded half away from zero). */
char *figures_dollars_fr(int64_t cents, char *buf, size_t n);
/* The same, or "—" when the figure is unknown (ok == 0): a missing budget
 * is not a zero. */
const char *figures_dollars_or_dash(int ok, int64_t cents, char *buf, size_t n);
/* Whole hours "75 100 h" from minutes (half up). */
char *figures_hours_fr(int64_t minutes, char *buf, size_t n);

/* The same in the user's language (text.h): the _fr ones above in
 * French; in English "+15.0%", "15.0%", "+8%", "75,100", "$4,475,852",
 * "75,100 h". */
char *figures_pct_signed_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n);
char *figures_pct_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n);
char *figures_pct_whole_signed_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n);
char *figures_count_lang(enum text_lang l, int64_t v, char *buf, size_t n);
char *figures_dollars_lang(enum text_lang l, int64_t cents, char *buf, size_t n);
const char *figures_dollars_or_dash_lang(enum text_lang l, int ok, int64_t cents, char *buf, size_t n);
char *figures_hours_lang(enum text_lang l, int64_t minutes, char *buf, size_t n);
/* A number in tenths, "34,5" / "34.5" (an average of days); "—" when
 * !valid. */
char *figures_tenths_lang(enum text_lang l, int valid, int64_t tenths, char *buf, size_t n);

/* Working days (Monday to Friday) in [first, last] (day numbers, see
 * date.h); 0 when last < first. */
int64_t figures_weekdays(int32_t first, int32_t last);
/* Capacity in minutes of a weekly capacity over that many weekdays. */
int64_t figures_capacity(int weekly_minutes, int64_t weekdays);

/* Average of sum / n in tenths, half away from zero; 0 returned when n <= 0. */
int figures_average_tenths(int64_t sum, int64_t n, int64_t *tenths);

/* The same as values. */
struct figures_ratio figures_ratio_growth(int64_t a, int64_t b);
struct figures_ratio figures_ratio_variance(int64_t actual, int64_t budget);
struct figures_ratio figures_ratio_share(int64_t part, int64_t whole);
struct figures_ratio figures_ratio_average(int64_t sum, int64_t n);
/* A known amount, and an unknown one. */
struct figures_amount figures_amount_of(int64_t cents);
extern const struct figures_amount FIGURES_AMOUNT_NONE;
/* a - b, known when both are. */
struct figures_amount figures_amount_diff(struct figures_amount a, struct figures_amount b);

/* Tenths rounded to whole units, half away from zero (an average age of
 * 44,5 years is 45). */
int64_t figures_tenths_whole(int64_t tenths);
/* A percentage as a JSON number: 63.4 for 634 tenths. */
double figures_pct_number(int64_t tenths);

/* The capacity in minutes of someone with that weekly capacity over
 * [first, last], counted from started_on and up to left_on when they fall
 * inside ("" or an unreadable date: no bound). */
int64_t figures_capacity_between(int weekly_minutes, const char *started_on, const char *left_on, date_t first,
	date_t last);

/* What a row of the utilisation report carries besides its minutes. */
struct figures_utilisation {
	int64_t logged;                        /* billable + internal */
	struct figures_ratio utilisation;      /* billable / capacity */
	struct figures_ratio billable_share;   /* billable / logged */
};
struct figures_utilisation figures_utilisation_of(int64_t billable, int64_t internal, int64_t capacity);

/* The length of a chart's bar in eighths of a cell: value / max of `cells`
 * cells, rounded down; 0 for a value or a scale <= 0. */
int64_t figures_bar_eighths(int64_t value, int64_t max, int cells);

/* Splits amount_cents (>= 0) among n weights in proportion (weights <= 0
 * get nothing); shares[i] out.  JUSTE_EINVAL when no weight is positive
 * or the amount is negative. */
juste_status figures_ristourne(const int64_t *weights, size_t n, int64_t amount_cents, int64_t *shares,
	struct juste_err *e);

#endif
