/*
 * budget_internal.h - one mandate's budget use, for the saving of time
 * (timelog.c): no role check, the caller has made its own.
 */
#ifndef JUSTE_BUDGET_INTERNAL_H
#define JUSTE_BUDGET_INTERNAL_H

#include "app/app_internal.h"
#include "juste/budget.h"
#include "juste/rates.h"

/* The budget row of mandate `code` (any case); *has = 0 when it has no
 * budget (the row is then only its code).  p: a loaded pricer, or NULL to
 * load one when the mandate has a dollar budget. */
juste_status budget_of_mandate(struct app *a, struct rates_pricer *p, const char *code, struct budget_row *out,
	int *has, struct juste_err *e);

#endif
