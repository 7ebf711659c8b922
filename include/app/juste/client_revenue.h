/*
 * client_revenue.h - per client, the hours served and the revenue of the
 * fiscal year to date against the same days a year before.  Revenue is
 * issued invoices net of credit notes, pre-tax, by issue date.
 * Gestionnaire, admin.
 */
#ifndef JUSTE_CLIENT_REVENUE_H
#define JUSTE_CLIENT_REVENUE_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"
#include "juste/figures.h"

struct client_revenue_row {
	char code[CODE_LEN];
	char name[NAME_LEN];
	int64_t minutes[2];           /* [0] the same period last year, [1] this year */
	int64_t revenue_cents[2];     /* issued invoices net of credit notes, pre-tax, by period */
	struct figures_ratio minutes_growth, revenue_growth;   /* [1] against [0] */
};
struct client_revenue {
	char from[2][ISO_LEN], to[2][ISO_LEN];
	/* the periods whose invoices are the revenue ("" .. "" when none has
	 * ended yet) */
	char first_period[2][8], last_period[2][8];
	struct client_revenue_row *rows;   /* this year's hours first, then code */
	size_t n;
	struct client_revenue_row total;
};
/* The fiscal year to `today` against the same days a year before.
 * Gestionnaire, admin. */
juste_status client_revenue_load(struct app *a, date_t today, struct client_revenue *c, struct juste_err *e);
void client_revenue_free(struct client_revenue *c);

#endif
