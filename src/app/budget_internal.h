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

/* r, as budget_of_mandate would give it once entry x is saved: its
 * minutes added and, for an hourly mandate with a dollar budget, its
 * price (p loaded).  Without a walk over the mandate's entries. */
void budget_row_add(struct budget_row *r, int hourly, struct rates_pricer *p, const struct rate_billable *x);

/* Watching a mandate's budget across one write of time: begin before the
 * write, end after it (in the same transaction).  end refuses, with a
 * message naming the mandate and its budget, time that takes a hard budget
 * past 100 %; otherwise fills notice (n bytes) when the write crossed 80 %
 * or 100 %, and leaves it empty when it did not. */
struct budget_watch {
	int has, loaded;
	struct rates_pricer p;
	struct budget_row before;
};
juste_status budget_watch_begin(struct app *a, const char *code, struct budget_watch *w, struct juste_err *e);
juste_status budget_watch_end(struct app *a, struct budget_watch *w, char *notice, size_t n, struct juste_err *e);
/* What end says of a mandate's budget `before` and `after` some time was
 * saved (both from budget_of_mandate): the refusal of a hard budget
 * taken past 100 %, or the notice of 80 % or 100 % crossed. */
juste_status budget_judge(const struct budget_row *before, const struct budget_row *after, char *notice, size_t n,
	struct juste_err *e);
/* Frees what begin loaded; end calls it. */
void budget_watch_free(struct budget_watch *w);

#endif
