/*
 * store_office.c - the aggregates of the office screens (see
 * store_office.h).  Statement slots: ST_OFFICE_BASE .. + 19.
 */
#include <string.h>

#include "juste/store_office.h"
#include "store/store_internal.h"

enum {
	SO_INV_MINUTES = ST_OFFICE_BASE,
	SO_INV_LATE,
	SO_BUDGETS,
};

juste_status store_office_invoice_stats(struct store *s, const char *period, store_office_inv_cb cb, void *ctx,
	struct juste_err *e)
{
	/* Two reads, each one GROUP BY over the month's invoices only. */
	sqlite3_stmt *st = store_stmt(s, SO_INV_MINUTES,
		"SELECT i.id, coalesce((SELECT sum(l.billed_minutes) FROM invoice_lines l WHERE l.invoice_id = i.id), 0), "
		"  coalesce((SELECT sum(x.late) FROM invoice_entries x WHERE x.invoice_id = i.id), 0) "
		"FROM invoices i WHERE i.period = ?1", e);
	if (!st)
		return JUSTE_EIO;
	store_bind_text(st, 1, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cb(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2))) {
			sqlite3_reset(st);
			return JUSTE_OK;
		}
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "invoices", e);
	sqlite3_reset(st);
	return JUSTE_OK;
}

juste_status store_office_budgets(struct store *s, store_budget_cb cb, void *ctx, struct juste_err *e)
{
	/* The minutes come per mandate through entries_mandate_date; only the
	 * mandates with a budget are read, so a decade of entries on other
	 * mandates costs nothing. */
	sqlite3_stmt *st = store_stmt(s, SO_BUDGETS,
		"SELECT m.code, m.title, o.code, m.billing, m.closed_on, coalesce(m.budget_minutes, 0), "
		"  coalesce(m.budget_cents, 0), "
		"  coalesce((SELECT sum(x.minutes) FROM entries x WHERE x.mandate_id = m.id), 0), "
		"  coalesce((SELECT sum(l.amount_cents) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
		"            WHERE l.mandate_id = m.id AND i.status = 'issued'), 0) "
		"FROM mandates m JOIN orgs o ON o.id = m.client_id "
		"WHERE m.budget_minutes IS NOT NULL OR m.budget_cents IS NOT NULL ORDER BY m.code", e);
	if (!st)
		return JUSTE_EIO;
	struct store_budget b;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&b, 0, sizeof b);
		store_col_text(st, 0, b.code, sizeof b.code);
		store_col_text(st, 1, b.title, sizeof b.title);
		store_col_text(st, 2, b.client, sizeof b.client);
		store_col_text(st, 3, b.billing, sizeof b.billing);
		store_col_text(st, 4, b.closed_on, sizeof b.closed_on);
		b.budget_minutes = sqlite3_column_int64(st, 5);
		b.budget_cents = sqlite3_column_int64(st, 6);
		b.used_minutes = sqlite3_column_int64(st, 7);
		b.used_cents = sqlite3_column_int64(st, 8);
		if (cb(ctx, &b)) {
			sqlite3_reset(st);
			return JUSTE_OK;
		}
	}
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "mandates", e);
	sqlite3_reset(st);
	return JUSTE_OK;
}
