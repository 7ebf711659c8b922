/*
 * store_budgets.h - per mandate with a budget in hours or dollars, what it
 * has used.  Only src/store/store_budgets.c implements this.
 *
 * It reads every entry once, in one sequential pass summed in C (a budget
 * counts all the time ever logged on its mandate): the screen reads it when
 * its tab is first shown and keeps it until refreshed.
 */
#ifndef JUSTE_STORE_BUDGETS_H
#define JUSTE_STORE_BUDGETS_H

#include "juste/model.h"
#include "juste/pricing.h"
#include "juste/store.h"

typedef int (*store_budget_cb)(void *ctx, const struct mandate_budget *b);
/* By mandate code. */
juste_status store_budget_list(struct store *s, store_budget_cb cb, void *ctx, struct juste_err *e);
/* One mandate by code (any case), with or without a budget; its minutes
 * through the mandate's index.  JUSTE_ENOTFOUND when unknown. */
juste_status store_budget_get(struct store *s, const char *code, struct mandate_budget *out, struct juste_err *e);

/* The entries whose price counts against a dollar budget: those of hourly
 * mandates with one (mandate_id 0 = all such mandates).  Unordered;
 * expert left empty.  Streams. */
typedef int (*store_budget_entry_cb)(void *ctx, const struct rate_billable *x);
juste_status store_budget_priced_walk(struct store *s, int64_t mandate_id, store_budget_entry_cb cb, void *ctx,
	struct juste_err *e);

#endif
