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
#include "juste/store.h"

typedef int (*store_budget_cb)(void *ctx, const struct mandate_budget *b);
/* By mandate code. */
juste_status store_budget_list(struct store *s, store_budget_cb cb, void *ctx, struct juste_err *e);

#endif
