/*
 * receivables_internal.h - shared by src/app/receivables.c,
 * src/app/ledger.c and src/app/report.c (the annual report's receivables)
 * only: the clients' documents and payments, read once and walked client by
 * client.
 */
#ifndef JUSTE_RECEIVABLES_INTERNAL_H
#define JUSTE_RECEIVABLES_INTERNAL_H

#include "app/app_internal.h"
#include "juste/payments.h"

struct ar_books {
	struct receivable_doc *docs;
	size_t ndocs, capdocs;
	struct payment_rec *pays;
	size_t npays, cappays;
	size_t di, pi;               /* the walk */
	juste_status failed;
};

/* One client's history, replayed: core arrays parallel to docs and pays. */
struct ar_client {
	const struct receivable_doc *docs;
	size_t ndocs;
	const struct payment_rec *pays;
	size_t npays;
	struct payments_doc *cdocs;
	struct payments_payment *cpays;
	struct payments_result res;
};

/* Reads every issued document and payment (of one client when code is set). */
juste_status ar_books_load(struct app *a, const char *code, struct ar_books *b, struct juste_err *e);
void ar_books_free(struct ar_books *b);
/* The next client of the walk, settled at `at`: 1 when there is one, 0 at
 * the end, -1 on error (e set).  Free c with ar_client_free. */
int ar_books_next(struct ar_books *b, date_t at, struct ar_client *c, struct juste_err *e);
void ar_client_free(struct ar_client *c);

#endif
