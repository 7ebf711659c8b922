/*
 * budget.h - the mandates with a budget in hours or dollars and how much of
 * it they have used.  Gestionnaire, admin.
 */
#ifndef JUSTE_BUDGET_H
#define JUSTE_BUDGET_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"

struct budget_row {
	char code[CODE_LEN];
	char title[NAME_LEN];
	char client[CODE_LEN];
	char closed_on[ISO_LEN];
	int64_t budget_minutes, budget_cents;     /* 0 = none */
	int64_t used_minutes, used_cents;         /* used_cents: issued invoice lines, net of credits */
	int64_t remaining_minutes, remaining_cents;   /* budget - used (negative past it); shown with a budget */
	int64_t pct;                  /* tenths; the larger of hours and dollars */
	int level;                    /* 0, 80 (past 80 %) or 100 (past 100 %) */
};
/* Mandates with a budget, by risk: highest % used first, then code.
 * Gestionnaire, admin.  *rows malloc'd; free() it. */
juste_status budget_list(struct app *a, struct budget_row **rows, size_t *n, struct juste_err *e);

#endif
