/*
 * ledger.h - the double-entry journal of the books of account: what an
 * issued invoice or credit note, and what a payment's movements, post to
 * the centre's chart of accounts.  Pure: the app hands in the documents
 * (taxes as stored on each) and the payments' movements (payments.h).
 *
 * Rules:
 * - an invoice debits receivables with its total and credits revenue with
 *   its subtotal and each tax with its amount (the first slot is the TPS,
 *   or the TVH under the harmonized regime; the second the TVQ); a credit
 *   note posts the same with the signs reversed;
 * - money received goes to the bank against the client's credits on
 *   account; what it settles on an invoice moves from the credits to
 *   receivables; a void or a credit note's excess moves it back.  One
 *   entry per payment and day, netted by account, so that a payment that
 *   settles invoices the day it comes in is bank against receivables;
 * - every entry balances to the cent (ledger_entry_balanced).
 */
#ifndef JUSTE_LEDGER_H
#define JUSTE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juste/payments.h"
#include "juste/vocab.h"

struct ledger_doc {
	int64_t subtotal_cents, tps_cents, tvq_cents, total_cents;
	enum tax_regime regime;
};

/* Per account: debit minus credit, in cents. */
struct ledger_entry {
	int64_t net[LEDGER_ACCOUNT_COUNT];
};

/* The entry of an issued invoice or credit note. */
void ledger_post_doc(const struct ledger_doc *d, struct ledger_entry *out);
/* Adds one payment movement into an entry (zeroed by the caller). */
void ledger_post_move(const struct payments_move *m, struct ledger_entry *e);
/* True when the entry's debits equal its credits. */
bool ledger_entry_balanced(const struct ledger_entry *e);
bool ledger_entry_empty(const struct ledger_entry *e);
/* The debit (> 0) or credit (> 0) of account a in e. */
int64_t ledger_debit(const struct ledger_entry *e, enum ledger_account a);
int64_t ledger_credit(const struct ledger_entry *e, enum ledger_account a);

const char *ledger_account_word(enum ledger_account a);    /* for CSV and JSON */
const char *ledger_account_label(enum ledger_account a);   /* msgid */
const char *ledger_account_key(enum ledger_account a);     /* its setting, ledger.WORD */

#endif
