/*
 * store_timers.h - the running timer, one per expert, kept in the database
 * so that it survives quitting and shows in every terminal.  Only
 * src/store/store_timers.c implements these.
 */
#ifndef JUSTE_STORE_TIMERS_H
#define JUSTE_STORE_TIMERS_H

#include <stdint.h>
#include "juste/err.h"
#include "juste/model.h"
#include "juste/store.h"

/* *found = 0 and JUSTE_OK when no timer runs. */
juste_status store_timer_get(struct store *s, int64_t expert_id, struct timer_rec *out, int *found, struct juste_err *e);
/* JUSTE_ECONFLICT when one already runs. */
juste_status store_timer_insert(struct store *s, const struct timer_rec *t, struct juste_err *e);
juste_status store_timer_delete(struct store *s, int64_t expert_id, struct juste_err *e);

#endif
