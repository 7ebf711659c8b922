/*
 * ledger.c - what documents and payments post to the books (ledger.h).
 */
#include "juste/ledger.h"

void ledger_post_doc(const struct ledger_doc *d, struct ledger_entry *out)
{
	for (int a = 0; a < LEDGER_ACCOUNT_COUNT; a++)
		out->net[a] = 0;
	/* a credit note's amounts are negative: the same lines, sides swapped */
	out->net[LEDGER_RECEIVABLES] += d->total_cents;
	out->net[LEDGER_REVENUE] -= d->subtotal_cents;
	out->net[d->regime == TAX_REGIME_TVH ? LEDGER_TVH : LEDGER_TPS] -= d->tps_cents;
	out->net[LEDGER_TVQ] -= d->tvq_cents;
}

void ledger_post_move(const struct payments_move *m, struct ledger_entry *e)
{
	if (m->invoice_id == 0) {
		/* money in (or back out, voided) against the credits on account */
		e->net[LEDGER_BANK] += m->amount_cents;
		e->net[LEDGER_CREDITS] -= m->amount_cents;
	} else {
		/* settled on an invoice (or taken back) from the credits */
		e->net[LEDGER_CREDITS] += m->amount_cents;
		e->net[LEDGER_RECEIVABLES] -= m->amount_cents;
	}
}

bool ledger_entry_balanced(const struct ledger_entry *e)
{
	int64_t sum = 0;
	for (int a = 0; a < LEDGER_ACCOUNT_COUNT; a++)
		sum += e->net[a];
	return sum == 0;
}

bool ledger_entry_empty(const struct ledger_entry *e)
{
	for (int a = 0; a < LEDGER_ACCOUNT_COUNT; a++)
		if (e->net[a])
			return false;
	return true;
}

int64_t ledger_debit(const struct ledger_entry *e, enum ledger_account a)
{
	return e->net[a] > 0 ? e->net[a] : 0;
}

int64_t ledger_credit(const struct ledger_entry *e, enum ledger_account a)
{
	return e->net[a] < 0 ? -e->net[a] : 0;
}

#define LEDGER_WORD(e, w, l, def, doc) [e] = w,
#define LEDGER_LABEL(e, w, l, def, doc) [e] = l,
#define LEDGER_KEYNAME(e, w, l, def, doc) [e] = "ledger." w,
static const char *const words[] = { LEDGER_ACCOUNT_INFO(LEDGER_WORD) };
static const char *const labels[] = { LEDGER_ACCOUNT_INFO(LEDGER_LABEL) };
static const char *const keys[] = { LEDGER_ACCOUNT_INFO(LEDGER_KEYNAME) };

const char *ledger_account_word(enum ledger_account a)
{
	return (unsigned)a < LEDGER_ACCOUNT_COUNT ? words[a] : "";
}

const char *ledger_account_label(enum ledger_account a)
{
	return (unsigned)a < LEDGER_ACCOUNT_COUNT ? labels[a] : "";
}

const char *ledger_account_key(enum ledger_account a)
{
	return (unsigned)a < LEDGER_ACCOUNT_COUNT ? keys[a] : "";
}
