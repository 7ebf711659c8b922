/*
 * store_invoices.h - invoices, credit notes, their lines and entry links,
 * number sequences and billing increments in the database.  Only
 * src/store/store_invoices.c implements these.
 *
 * The database holds the rules that matter most by itself (sql/004): an
 * issued invoice, its lines and links cannot change (only `reprints`
 * grows), the entries it bills cannot change, a number must be the next of
 * its sequence, and no entry is billed by two standing invoices.
 * store_invoice_next_seq() and store_invoice_issue() must be called inside
 * store_begin()/store_commit().
 */
#ifndef JUSTE_STORE_INVOICES_H
#define JUSTE_STORE_INVOICES_H

#include "juste/invoice.h"
#include "juste/store.h"

/* --- what there is to bill ------------------------------------------- */

/* Which entries stand billed (on a standing invoice), read once for a run
 * inside its transaction: a bitmap by entry id (an eighth of a byte per
 * entry), freed by store_invoice_billed_free. */
struct store_billed {
	unsigned char *bits;
	int64_t max;
};
juste_status store_invoice_billed_load(struct store *s, struct store_billed *b, struct juste_err *e);
void store_invoice_billed_free(struct store_billed *b);

/* The horaire and forfait mandates of one client (client_code NULL = all),
 * with what pricing needs of them and of their client; ordered by client
 * code, then mandate code. */
typedef int (*store_billable_cb)(void *ctx, const struct billable_mandate *m);
juste_status store_invoice_billable_mandates(struct store *s, const char *client_code,
	store_billable_cb cb, void *ctx, struct juste_err *e);

/* The entries of one mandate with from <= work_date <= to (from NULL: no
 * lower bound) that are not in billed,
 * one at a time, ordered by work date then id.  Memory does not grow with
 * their number. */
typedef int (*store_unbilled_cb)(void *ctx, const struct unbilled_entry *u);
juste_status store_invoice_unbilled(struct store *s, const struct store_billed *billed, int64_t mandate_id,
	const char *from, const char *to, store_unbilled_cb cb, void *ctx, struct juste_err *e);

typedef int (*store_forfait_cb)(void *ctx, const struct forfait_due *f);
juste_status store_invoice_forfaits_due(struct store *s, const char *period, const char *first,
	const char *last, const char *client_code, store_forfait_cb cb, void *ctx, struct juste_err *e);

/* Timers still running (when the timers table of migration 003 exists;
 * none otherwise): the client billed, the mandate and the expert. */
typedef int (*store_timer_cb)(void *ctx, int64_t client_id, const char *mandate_code, const char *login);
juste_status store_invoice_running_timers(struct store *s, store_timer_cb cb, void *ctx, struct juste_err *e);

/* The number of the standing invoice that bills entry_id into number
 * ("" when none). */
juste_status store_invoice_of_entry(struct store *s, int64_t entry_id, char number[INVOICE_NUMBER_LEN],
	struct juste_err *e);

/* --- writing --------------------------------------------------------- */

/* Removes the drafts of period (of one client when client_code is set). */
juste_status store_invoice_delete_drafts(struct store *s, const char *period, const char *client_code,
	int *deleted, struct juste_err *e);

/* Inserts r as a draft (status and number are ignored); fills r->id and
 * r->uuid. */
juste_status store_invoice_insert(struct store *s, struct invoice_rec *r, struct juste_err *e);
juste_status store_invoice_line_insert(struct store *s, struct invoice_line_rec *l, struct juste_err *e);
juste_status store_invoice_entry_insert(struct store *s, const struct invoice_entry_rec *x, struct juste_err *e);

/* Bumps and returns the sequence of kind ("invoice" | "credit") for year.
 * Inside a transaction only, so that a rollback gives the number back. */
juste_status store_invoice_next_seq(struct store *s, enum invoice_kind kind, int year, int *seq, struct juste_err *e);

/* Draft -> issued with its number and dates. */
juste_status store_invoice_issue(struct store *s, int64_t id, const char *number, int seq_year, int seq,
	const char *issued_on, const char *due_on, struct juste_err *e);

/* reprints = reprints + 1 (the one change an issued invoice accepts). */
juste_status store_invoice_reprint(struct store *s, int64_t id, struct juste_err *e);

/* Billing increment (minutes, 0 = none) of a mandate or an organisation. */
juste_status store_invoice_set_increment(struct store *s, int is_org, const char *code, int minutes,
	struct juste_err *e);

/* --- reading --------------------------------------------------------- */

juste_status store_invoice_get(struct store *s, const char *number, struct invoice_rec *out, struct juste_err *e);
juste_status store_invoice_get_id(struct store *s, int64_t id, struct invoice_rec *out, struct juste_err *e);

typedef int (*store_invoice_cb)(void *ctx, const struct invoice_rec *r);
/* Drafts first by client, then issued ones by number order (kind, year, seq). */
juste_status store_invoice_list(struct store *s, const struct invoice_filter *f, store_invoice_cb cb,
	void *ctx, struct juste_err *e);

typedef int (*store_invoice_line_cb)(void *ctx, const struct invoice_line_rec *l);
juste_status store_invoice_lines(struct store *s, int64_t invoice_id, store_invoice_line_cb cb, void *ctx,
	struct juste_err *e);

typedef int (*store_invoice_entry_cb)(void *ctx, const struct invoice_entry_rec *x);
/* Ordered by line, work date, expert, entry. */
juste_status store_invoice_entries(struct store *s, int64_t invoice_id, store_invoice_entry_cb cb, void *ctx,
	struct juste_err *e);

/* Sums of the issued credit notes of invoice_id (all <= 0), and whether
 * one of them is a full credit. */
juste_status store_invoice_credited(struct store *s, int64_t invoice_id, struct invoice_amounts *sum,
	int *full, struct juste_err *e);

/* The latest issue date numbered in the sequence of kind for year ("" when
 * none): a new number is never dated before it. */
juste_status store_invoice_last_issued(struct store *s, enum invoice_kind kind, int year, char on[ISO_LEN],
	struct juste_err *e);

/* The frozen price of each entry on an hourly line of a standing invoice
 * of a period from from_period on (NULL: all): its invoice, the line's
 * rate, its billed minutes and its share of the line's amount
 * (invoice_entry_share), so that the entries of a line add up to it. */
struct billed_price {
	int64_t entry_id;
	char number[INVOICE_NUMBER_LEN];
	int64_t rate_cents, billed_minutes, amount_cents;
};
typedef int (*store_billed_price_cb)(void *ctx, const struct billed_price *b);
juste_status store_invoice_billed_prices(struct store *s, const char *from_period, store_billed_price_cb cb,
	void *ctx, struct juste_err *e);

/* Per invoice (draft or issued) of period "2020-03": billed minutes of its
 * lines and how many of its entries are late, for the billing desk.
 * Bounded by the month's invoices (invoices_period, then the primary keys
 * of invoice_lines and invoice_entries). */
typedef int (*store_invoice_stats_cb)(void *ctx, int64_t invoice_id, int64_t billed_minutes, int64_t late);
juste_status store_invoice_month_stats(struct store *s, const char *period, store_invoice_stats_cb cb, void *ctx,
	struct juste_err *e);

#endif
