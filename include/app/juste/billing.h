/*
 * billing.h - the billing desk's month: the drafts, invoices and credit
 * notes of a month as they stand, with each one's billed minutes and late
 * entries, and the month's totals.  Drafting and issuing are invoicing.h's
 * business; this only reads.  Commis, gestionnaire, admin.
 */
#ifndef JUSTE_BILLING_H
#define JUSTE_BILLING_H

#include <stddef.h>
#include <stdint.h>
#include "juste/app.h"
#include "juste/invoice.h"

struct billing_row {
	struct invoice_rec rec;       /* a draft, an invoice or a credit note */
	int64_t billed_minutes;
	int64_t late;                 /* late entries on it */
};

struct billing_month {
	char period[PERIOD_LEN];
	struct billing_row *rows;     /* drafts by client first, then issued by number */
	size_t n;
	int drafts, held, issued, credits;
	/* what the month has issued: its invoices net of their credit notes */
	int64_t minutes, subtotal_cents, tps_cents, tvq_cents, total_cents;
	/* apart: the drafts ready to issue, and those held back */
	int64_t draft_minutes, draft_total_cents, held_total_cents;
	int64_t late;                 /* late entries on the drafts and invoices */
};
/* Reads what the month holds now (drafting is invoicing_draft()).
 * Commis, gestionnaire, admin.  Free with billing_month_free. */
juste_status billing_month_load(struct app *a, const char *month, struct billing_month *m,
	struct juste_err *e);
void billing_month_free(struct billing_month *m);   /* NULL ok */

#endif
