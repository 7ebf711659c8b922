/*
 * store_months.h - the months the manager closed: their entries no longer
 * change.  Only src/store/store_months.c implements these.
 */
#ifndef JUSTE_STORE_MONTHS_H
#define JUSTE_STORE_MONTHS_H

#include "juste/err.h"
#include "juste/model.h"
#include "juste/store.h"

typedef int (*store_month_cb)(void *ctx, const struct closed_month *m);
/* JUSTE_ECONFLICT when already closed. */
juste_status store_month_close(struct store *s, const char *month, const char *closed_by, struct juste_err *e);
/* JUSTE_ENOTFOUND when it was not closed. */
juste_status store_month_reopen(struct store *s, const char *month, struct juste_err *e);
juste_status store_month_get(struct store *s, const char *month, struct closed_month *out, int *found, struct juste_err *e);
juste_status store_month_list(struct store *s, store_month_cb cb, void *ctx, struct juste_err *e);

#endif
