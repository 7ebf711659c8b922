/*
 * reminder_letters.h - overdue invoices with their reminder level, and the
 * letters: one per client, in French, with the centre's identity and
 * "page N de M".  The CLI calls these.
 *
 * Promises:
 * - an invoice is listed when something is open on it at the date and it
 *   has reached the first level's days past due (reminders.*_days);
 * - the client's letter is at the highest level of its invoices, lists
 *   every invoice past the first level with what is open on it, and the
 *   total;
 * - each letter is written through outfile.h: a failure leaves no file.
 * Roles: commis, gestionnaire, admin.
 */
#ifndef JUSTE_REMINDER_LETTERS_H
#define JUSTE_REMINDER_LETTERS_H

#include <stddef.h>

#include "juste/app.h"
#include "juste/invoice.h"
#include "juste/model.h"
#include "juste/reminders.h"

struct reminder_invoice {
	char number[INVOICE_NUMBER_LEN];
	char issued_on[ISO_LEN], due_on[ISO_LEN];
	int64_t open_cents;
	int days_late;
	enum reminder_level level;
};

struct reminder_client {
	struct org org;
	enum reminder_level level;          /* the highest of its invoices */
	struct reminder_invoice *invoices;
	size_t ninvoices;
	int64_t open_cents;                 /* of the invoices listed */
};

struct reminder_list {
	char at[ISO_LEN];
	struct reminder_client *clients;    /* by code */
	size_t nclients;
};

/* The overdue invoices at `at` (NULL = today).  Free with
 * reminder_letters_free. */
juste_status reminder_letters_list(struct app *a, const char *at, struct reminder_list *out, struct juste_err *e);
void reminder_letters_free(struct reminder_list *l);

/* One letter per client of l, DIR/rappel-CODE-DATE.pdf (DIR made if
 * missing); *written counts them. */
juste_status reminder_letters_pdf(struct app *a, const struct reminder_list *l, const char *dir, size_t *written,
	struct juste_err *e);
/* Releases the fonts' caches (at the end of the program). */
void reminder_letters_shutdown(void);

#endif
