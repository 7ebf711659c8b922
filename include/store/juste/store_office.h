/*
 * store_office.h - the few aggregates the office screens (issue 6) need
 * that no other module reads: per invoice of a month, its billed minutes
 * and late entries; per mandate with a budget, what it has used.  Only
 * src/store/store_office.c implements these.
 *
 * The first is bounded by the month's invoices (invoices_period, then the
 * primary keys of invoice_lines and invoice_entries).  The second reads
 * every entry once, in one sequential pass summed in C (a budget counts all the
 * time ever logged on its mandate): the screen reads it when its tab is
 * first shown and keeps it until refreshed.
 */
#ifndef JUSTE_STORE_OFFICE_H
#define JUSTE_STORE_OFFICE_H

#include <stdint.h>
#include "juste/store.h"

/* Per invoice (draft or issued) of period "2020-03": billed minutes of its
 * lines and how many of its entries are late. */
typedef int (*store_office_inv_cb)(void *ctx, int64_t invoice_id, int64_t billed_minutes, int64_t late);
juste_status store_office_invoice_stats(struct store *s, const char *period, store_office_inv_cb cb, void *ctx,
	struct juste_err *e);

typedef int (*store_budget_cb)(void *ctx, const struct mandate_budget *b);
/* By mandate code. */
juste_status store_office_budgets(struct store *s, store_budget_cb cb, void *ctx, struct juste_err *e);

#endif
