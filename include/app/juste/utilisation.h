/*
 * utilisation.h - the manager's utilisation board, per expert: capacity,
 * logged, billable and internal minutes over a period (from
 * report_utilisation(), so that the board and `juste report utilisation`
 * agree), and a mark for whoever logged little last week.  Gestionnaire,
 * admin.
 */
#ifndef JUSTE_UTILISATION_H
#define JUSTE_UTILISATION_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"

/* --- periods ------------------------------------------------------------- */

enum utilisation_period { UTIL_WEEK, UTIL_MONTH, UTIL_FY, UTIL_NPERIODS };
/* The week, the month or the fiscal year to date that holds `day`. */
void utilisation_period_range(const struct app *a, enum utilisation_period p, date_t day, char from[ISO_LEN],
	char to[ISO_LEN]);
/* "semaine", "mois", "exercice" (CLI words) -> period; -1 when unknown. */
int utilisation_period_parse(const char *s);

/* --- the board ----------------------------------------------------------- */

enum utilisation_mark { UTIL_MARK_NONE, UTIL_MARK_HALF, UTIL_MARK_NOTHING };

struct utilisation_row {
	char login[LOGIN_LEN];
	char name[NAME_LEN];
	enum expert_function function;
	int64_t capacity, logged, billable, internal;   /* minutes over the period */
	int pct_ok;
	int64_t pct;                  /* billable / capacity, tenths of a percent */
	int weekly_minutes;           /* capacity per week */
	int64_t last_week;            /* minutes logged last week */
	int mark;                     /* enum utilisation_mark, from last week */
};

struct utilisation {
	char from[ISO_LEN], to[ISO_LEN];
	char week_from[ISO_LEN], week_to[ISO_LEN];    /* "last week" of the marks */
	struct utilisation_row *rows; /* by login */
	size_t n;
	struct utilisation_row total;
};
/* Per expert in post over [from, to] (report_utilisation()); the mark
 * compares what each logged the week before `today`'s week with half their
 * weekly capacity.  Gestionnaire, admin. */
juste_status utilisation_load(struct app *a, const char *from, const char *to, date_t today,
	struct utilisation *u, struct juste_err *e);
void utilisation_free(struct utilisation *u);

enum utilisation_col { UTIL_NAME, UTIL_CAPACITY, UTIL_LOGGED, UTIL_BILLABLE, UTIL_INTERNAL, UTIL_PCT, UTIL_MARK, UTIL_NCOLS };
/* Stable sort of the rows by a column, descending when desc; names in
 * French order (text_compare_fr). */
void utilisation_sort(struct utilisation *u, enum utilisation_col col, int desc);

#endif
