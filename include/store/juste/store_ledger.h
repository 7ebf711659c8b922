/*
 * store_ledger.h - what the books of account read that receivables do not:
 * the tax regime of each issued document.  Only src/store/store_ledger.c
 * implements these.
 */
#ifndef JUSTE_STORE_LEDGER_H
#define JUSTE_STORE_LEDGER_H

#include "juste/store.h"
#include "juste/vocab.h"

typedef int (*store_ledger_regime_cb)(void *ctx, int64_t invoice_id, enum tax_regime regime);
/* Every issued invoice and credit note dated from..to (inclusive), by id;
 * the callback returns nonzero to stop. */
juste_status store_ledger_regimes(struct store *s, const char *from, const char *to, store_ledger_regime_cb cb,
	void *ctx, struct juste_err *e);

#endif
