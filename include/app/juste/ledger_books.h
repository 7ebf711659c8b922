/*
 * ledger_books.h - the books of account: the double-entry journal of the
 * issued invoices and credit notes and of the payments (and their voids)
 * of a period, on the centre's chart of accounts (the ledger.* settings).
 * The CLI calls it.
 *
 * Promises:
 * - every entry balances to the cent, hence the journal over any period;
 * - the movement of receivables over the period is the invoices, less the
 *   credit notes, less what payments settled on invoices in it;
 * - entries are by date, documents before payments on a day, then in the
 *   order the documents were numbered and the payments recorded.
 * Roles: commis, gestionnaire, admin.
 */
#ifndef JUSTE_LEDGER_BOOKS_H
#define JUSTE_LEDGER_BOOKS_H

#include <stddef.h>

#include "juste/app.h"
#include "juste/ledger.h"
#include "juste/invoice.h"
#include "juste/model.h"

enum ledger_source { LEDGER_FROM_DOCUMENT, LEDGER_FROM_PAYMENT };

struct ledger_journal_entry {
	char date[ISO_LEN];
	char piece[INVOICE_NUMBER_LEN + 8];         /* the document's number, or PAI-ID for a payment */
	char memo[200];
	enum ledger_source source;
	int64_t source_id;        /* the document's or the payment's id */
	size_t seq;               /* the order of reading, for the sort */
	struct ledger_entry e;
};

struct ledger_journal {
	struct ledger_journal_entry *entries;
	size_t n, cap;
	char accounts[LEDGER_ACCOUNT_COUNT][32];    /* the chart used */
	int64_t debit_cents, credit_cents;          /* over the journal */
};

/* The journal of from..to (ISO dates, inclusive).  Refused: a bad date,
 * from after to, an account left empty in the settings.  Free it with
 * ledger_books_free. */
juste_status ledger_books_journal(struct app *a, const char *from, const char *to, struct ledger_journal *out,
	struct juste_err *e);
void ledger_books_free(struct ledger_journal *j);

#endif
