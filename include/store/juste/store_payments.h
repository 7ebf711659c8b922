/*
 * store_payments.h - payments, and the issued invoices and credit notes
 * receivables are computed from.  Only src/store/store_payments.c
 * implements these.  The database refuses to change a payment except to
 * void it once, and to delete one (sql/012).
 */
#ifndef JUSTE_STORE_PAYMENTS_H
#define JUSTE_STORE_PAYMENTS_H

#include "juste/payments.h"
#include "juste/store.h"

/* Inserts p (client_id, invoice_id, received_on, amount, method,
 * reference); fills p->id and p->uuid. */
juste_status store_payment_insert(struct store *s, struct payment_rec *p, struct juste_err *e);
/* Voids payment id on `on` with `reason`; JUSTE_ECONFLICT when already voided. */
juste_status store_payment_void(struct store *s, int64_t id, const char *on, const char *reason,
	struct juste_err *e);
juste_status store_payment_get(struct store *s, int64_t id, struct payment_rec *out, struct juste_err *e);

struct payment_filter {
	const char *client;      /* org code, or NULL */
	const char *from, *to;   /* received_on bounds, or NULL */
};
typedef int (*store_payment_cb)(void *ctx, const struct payment_rec *p);
/* By client code, date received, id. */
juste_status store_payment_list(struct store *s, const struct payment_filter *f, store_payment_cb cb, void *ctx,
	struct juste_err *e);

typedef int (*store_receivable_cb)(void *ctx, const struct receivable_doc *d);
/* Issued invoices and credit notes of one client (client_code NULL = all),
 * by client code, issue date, id. */
juste_status store_payment_docs(struct store *s, const char *client_code, store_receivable_cb cb, void *ctx,
	struct juste_err *e);

/* Pre-tax amounts of the lines of issued documents issued in [from, to],
 * by document and service code ("" for a line without a mandate). */
typedef int (*store_revenue_cb)(void *ctx, int64_t invoice_id, const char *service, int64_t amount_cents);
juste_status store_payment_revenue(struct store *s, const char *from, const char *to, store_revenue_cb cb,
	void *ctx, struct juste_err *e);

#endif
