/*
 * receivables.h - payments received, what each client owes and since when,
 * and the client's statement.  The CLI and the TUI call these.
 *
 * Promises:
 * - a payment is recorded once and never changed: a mistake is voided,
 *   with its reason, and stays listed; both are in the audit log;
 * - which invoices a payment settles is derived (payments.h), never
 *   stored: a payment naming an invoice settles it first, the rest goes to
 *   the oldest open invoices, then to the client's credit on account,
 *   which settles the next invoices issued;
 * - what is open is computed from the issued invoices and credit notes as
 *   stored (their totals, taxes included) and the payments, on any date.
 * Roles: commis, gestionnaire and admin, for all of them.
 */
#ifndef JUSTE_RECEIVABLES_H
#define JUSTE_RECEIVABLES_H

#include <stddef.h>

#include "juste/app.h"
#include "juste/payments.h"

struct payment_input {
	const char *invoice;         /* a number, or NULL */
	const char *client;          /* an org code when no invoice is named */
	int64_t amount_cents;        /* > 0 */
	const char *date;            /* ISO; NULL = today */
	enum payment_method method;
	const char *reference;       /* NULL or text */
};

#define PAYMENT_APPLIED_MAX 32
struct payment_added {
	struct payment_rec rec;
	struct { char number[INVOICE_NUMBER_LEN]; int64_t cents; } applied[PAYMENT_APPLIED_MAX];
	size_t napplied;             /* invoices it settled on its date (the first MAX named) */
	int64_t credit_cents;        /* what it left on the client's credit on account */
	int64_t client_credit_cents; /* the client's whole credit on account after it */
};

/* Records a payment.  Refused (nothing written): a date in the future, an
 * invoice not issued or a credit note, a date before the invoice, an
 * invoice with nothing left to pay (pay on account with --client). */
juste_status receivables_payment_add(struct app *a, const struct payment_input *in, struct payment_added *out,
	struct juste_err *e);
/* Voids payment id on date (NULL = today), with its reason. */
juste_status receivables_payment_void(struct app *a, int64_t id, const char *reason, const char *date,
	struct payment_rec *out, struct juste_err *e);

struct receivables_filter {
	const char *client;          /* org code, or NULL */
	const char *from, *to;       /* ISO dates received, or NULL */
};
typedef int (*receivables_payment_cb)(void *ctx, const struct payment_rec *p);
juste_status receivables_payment_list(struct app *a, const struct receivables_filter *f,
	receivables_payment_cb cb, void *ctx, struct juste_err *e);

/* An invoice with something open on the date. */
struct receivables_invoice {
	const struct receivable_doc *doc;
	int64_t net_cents, paid_cents, open_cents;
	enum payments_state state;
	enum payments_age age;
	int days_late;               /* days past due (0 when not yet due) */
};
struct receivables_client {
	int64_t client_id;
	char code[CODE_LEN];
	char name[NAME_LEN];
	struct payments_ageing ageing;
	struct receivables_invoice *invoices;   /* the open ones, oldest first */
	size_t ninvoices;
};
typedef int (*receivables_client_cb)(void *ctx, const struct receivables_client *c);
/* Every client with something open or a credit on account at `at` (NULL =
 * today), by code; *total sums them. */
juste_status receivables_ageing(struct app *a, const char *at, receivables_client_cb cb, void *ctx,
	struct payments_ageing *total, struct juste_err *e);

/* --- the statement --------------------------------------------------------- */

enum statement_kind { STATEMENT_INVOICE, STATEMENT_CREDIT, STATEMENT_PAYMENT, STATEMENT_VOID };
const char *receivables_statement_kind_label(enum statement_kind k);   /* translated */

struct statement_line {
	char date[ISO_LEN];
	enum statement_kind kind;
	char ref[INVOICE_NUMBER_LEN + 16];   /* number, or "#ID" of a payment */
	char memo[PAYMENT_REASON_LEN + 64];
	int64_t debit_cents, credit_cents;   /* charged, received (>= 0) */
	int64_t balance_cents;               /* after the line */
};
struct statement {
	struct org client;
	char from[ISO_LEN], at[ISO_LEN];
	int64_t opening_cents, closing_cents;
	struct statement_line *lines;
	size_t nlines;
	struct receivables_client open;      /* open invoices and ageing at `at` */
	void *priv;                          /* what `open` points into */
};
/* Movements of one client from `from` (NULL = the first day of at's fiscal
 * year) to `at` (NULL = today), the balance before and after. */
juste_status receivables_statement(struct app *a, const char *org, const char *from, const char *at,
	struct statement *out, struct juste_err *e);
void receivables_statement_free(struct statement *s);

#endif
