/*
 * store_taxes.h - the dated tax regimes of the provinces (table
 * tax_regimes, sql/008).
 */
#ifndef JUSTE_STORE_TAXES_H
#define JUSTE_STORE_TAXES_H

#include "juste/err.h"
#include "juste/store.h"
#include "juste/tax.h"

/* Every row, into b (initialised here). */
juste_status store_tax_book_load(struct store *s, struct tax_book *b, struct juste_err *e);

/* Inserts the row, or replaces the regime of the row with the same
 * province and valid_from.  The caller has validated it (tax_book_add). */
juste_status store_tax_regime_put(struct store *s, const struct tax_regime_row *r, struct juste_err *e);

#endif
