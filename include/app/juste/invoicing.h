/*
 * invoicing.h - the monthly invoicing use cases: drafts, issue, credit
 * notes, reading and the sales journal.  The CLI and the TUI call these.
 *
 * Promises:
 * - a draft of month M bills, per client, every billable entry not on a
 *   standing invoice with a work date up to the end of M (earlier ones are
 *   flagged late), grouped by mandate and rate and priced by
 *   pricing_price(), plus one line per fixed-fee mandate open in M and not
 *   yet billed for M; drafting replaces the month's drafts in one
 *   transaction; drafts never take a number;
 * - a client with anything blocking (an entry without a rate, no billing
 *   address) keeps a draft listing what to fix, and is never issued;
 * - issuing recomputes the drafts from the data as it is inside the one
 *   transaction that numbers them (so a stale draft is never issued), and
 *   either every invoice of the run is issued or none is;
 * - a credit note reverses all of an invoice (releasing its entries) or
 *   a pre-tax part of it, at the invoice's frozen tax rates.
 * Roles: draft, issue, credit, increments and prints by commis and admin;
 * reading by commis, gestionnaire and admin.
 */
#ifndef JUSTE_INVOICING_H
#define JUSTE_INVOICING_H

#include <stdbool.h>
#include <stddef.h>
#include "juste/app.h"
#include "juste/invoice.h"

/* What a draft or issue run did. */
struct invoicing_run {
	char period[PERIOD_LEN];
	int drafts;            /* drafts stored (held ones included) */
	int held;              /* of which held back by blockers */
	int issued;            /* invoices issued by this run */
	int late;              /* late entries in the drafts */
	long entries;          /* entries on the drafts */
	int64_t subtotal_cents, total_cents;   /* of the drafts (or of the issued ones) */
};

/* Called for each draft written (and, for issue, after it is numbered);
 * for each invoice of a listing. */
typedef int (*invoicing_cb)(void *ctx, const struct invoice_rec *r);

/* month "2020-03"; org NULL = every client.  Replaces the month's drafts. */
juste_status invoicing_draft(struct app *a, const char *month, const char *org, invoicing_cb cb, void *ctx,
	struct invoicing_run *run, struct juste_err *e);

/* Issues the month: recomputes the drafts and numbers every one that is not
 * held, all in one transaction.  issue_date NULL = app_today().  The date
 * follows DOMAIN.md ("Issue date", invoice_issue_date_check()): never in
 * the future, not before the month's end nor before the last invoice
 * numbered in its year; a month that has not ended is billed only when
 * `early` is set, and then only with the work up to the issue date. */
juste_status invoicing_issue(struct app *a, const char *month, const char *org, const char *issue_date, int early,
	invoicing_cb cb, void *ctx, struct invoicing_run *run, struct juste_err *e);

/* Whether month "2020-03" has not ended yet today (billing it needs early). */
bool invoicing_month_open(const char *month);

/* Credit note on invoice `number`: amount_cents 0 = all that is left, else
 * the pre-tax amount to credit (invoice_credit(): its taxes capped at what
 * is left of each; the one that leaves no subtotal closes the invoice,
 * nets every tax to zero and releases its entries).  Dated per DOMAIN.md:
 * not in the future, not before the invoice nor the last credit note
 * numbered in its year.  Fills *out with the issued credit note. */
juste_status invoicing_credit(struct app *a, const char *number, const char *reason, int64_t amount_cents,
	const char *issue_date, struct invoice_rec *out, struct juste_err *e);

/* Billing increment of a mandate (is_org 0) or an organisation; 0 = none. */
juste_status invoicing_set_increment(struct app *a, int is_org, const char *code, int minutes,
	struct juste_err *e);

/* An invoice with its lines and the entries behind them. */
struct invoice_doc {
	struct invoice_rec rec;
	struct invoice_line_rec *lines;
	size_t nlines;
	struct invoice_entry_rec *entries;
	size_t nentries;
	char language[3];   /* its client's (org language): the PDF's */
};

juste_status invoicing_list(struct app *a, const struct invoice_filter *f, invoicing_cb cb, void *ctx,
	struct juste_err *e);
/* By number ("F2020-0001"), or a draft by "#id". */
juste_status invoicing_load(struct app *a, const char *number, struct invoice_doc *d, struct juste_err *e);
juste_status invoicing_load_id(struct app *a, int64_t id, struct invoice_doc *d, struct juste_err *e);
void invoicing_doc_free(struct invoice_doc *d);   /* NULL and zeroed docs are fine */

/* Records that an issued invoice was printed once more (call it after the
 * file is written); *copy is set when it had been printed before.  A print
 * of an invoice whose d->rec.reprints > 0 says COPIE.  Drafts: no-op. */
juste_status invoicing_printed(struct app *a, struct invoice_doc *d, int *copy, struct juste_err *e);

/* Writes DIR/NUMBER.pdf for every issued invoice and credit note of the
 * month (of one client when org is set); reprints say COPIE; detail is
 * asked as for invoicing_detail.  cb gets each path written.  Commis,
 * admin. */
/* Whether d's PDF prints the entries' detail: asked (1 or 0) when the
 * command said so, else INVOICING_DETAIL_CLIENT: what the client's
 * organisation asks for (org --invoice-detail). */
#define INVOICING_DETAIL_CLIENT (-1)
juste_status invoicing_detail(struct app *a, const struct invoice_doc *d, int asked, int *detail, struct juste_err *e);

typedef int (*invoicing_file_cb)(void *ctx, const struct invoice_rec *r, const char *path);
juste_status invoicing_pdf_month(struct app *a, const char *month, const char *org, const char *dir, int detail,
	invoicing_file_cb cb, void *ctx, struct juste_err *e);

/* Issued invoices and credit notes with an issue date in [from, to]. */
juste_status invoicing_journal(struct app *a, const char *from, const char *to, invoicing_cb cb, void *ctx,
	struct juste_err *e);

#endif
