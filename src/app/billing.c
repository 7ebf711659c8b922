/*
 * billing.c - the billing desk's month (see billing.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/billing.h"
#include "juste/i18n.h"
#include "juste/invoicing.h"
#include "juste/mem.h"
#include "juste/store_invoices.h"

#define ROLES_BILL_READ (ROLE_COMMIS | ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct bill_ctx {
	struct billing_month *m;
	size_t cap;
	int failed;
};

static int on_bill(void *ctx, const struct invoice_rec *r)
{
	struct bill_ctx *c = ctx;
	if (mem_grow((void **)&c->m->rows, &c->cap, c->m->n + 1, sizeof *c->m->rows)) {
		c->failed = 1;
		return 1;
	}
	struct billing_row *row = &c->m->rows[c->m->n++];
	memset(row, 0, sizeof *row);
	row->rec = *r;
	return 0;
}

static int on_bill_stats(void *ctx, int64_t id, int64_t minutes, int64_t late)
{
	struct billing_month *m = ctx;
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].rec.id == id) {
			m->rows[i].billed_minutes = minutes;
			m->rows[i].late = late;
			break;
		}
	return 0;
}

juste_status billing_month_load(struct app *a, const char *month, struct billing_month *m,
	struct juste_err *e)
{
	memset(m, 0, sizeof *m);
	juste_status st = app_require(a, ROLES_BILL_READ, _("consulter la facturation"), e);
	if (st)
		return st;
	date_t first, last;
	if ((st = invoice_period_parse(month, m->period, &first, &last, e)))
		return st;
	struct bill_ctx c = { m, 0, 0 };
	struct invoice_filter f = { .period = m->period };
	st = invoicing_list(a, &f, on_bill, &c, e);
	if (!st && c.failed)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st)
		st = store_invoice_month_stats(a->store, m->period, on_bill_stats, m, e);
	if (st) {
		billing_month_free(m);
		return st;
	}
	for (size_t i = 0; i < m->n; i++) {
		const struct billing_row *r = &m->rows[i];
		if (!vocab_invoice_status_final(r->rec.status)) {
			m->drafts++;
			m->late += r->late;
			if (r->rec.nblockers) {
				m->held++;
				m->held_total_cents += r->rec.amounts.total_cents;
			} else {
				m->draft_minutes += r->billed_minutes;
				m->draft_total_cents += r->rec.amounts.total_cents;
			}
			continue;
		}
		/* issued: an invoice, or a credit note netted against it (its
		 * amounts and minutes are negative) */
		if (vocab_invoice_kind_credit(r->rec.kind))
			m->credits++;
		else {
			m->issued++;
			m->late += r->late;
		}
		m->minutes += r->billed_minutes;
		m->subtotal_cents += r->rec.amounts.subtotal_cents;
		m->tps_cents += r->rec.amounts.tps_cents;
		m->tvq_cents += r->rec.amounts.tvq_cents;
		m->total_cents += r->rec.amounts.total_cents;
	}
	return JUSTE_OK;
}

void billing_month_free(struct billing_month *m)
{
	if (!m)
		return;
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}
