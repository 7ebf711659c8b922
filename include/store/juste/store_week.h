/*
 * store_week.h - what the expert's week needs from the database: the week's
 * rows and entries, pinned mandates, the running timer, the months the
 * manager closed, and whether an entry may still change.
 *
 * Every read here is bounded by one expert and one week (or a short recent
 * window), through the entries_expert_date index, so the week screen costs
 * the same on a ten-year database as on a new one.
 */
#ifndef JUSTE_STORE_WEEK_H
#define JUSTE_STORE_WEEK_H

#include <stddef.h>
#include <stdint.h>
#include "juste/err.h"
#include "juste/model.h"
#include "juste/store.h"

typedef int (*store_week_mandate_cb)(void *ctx, const struct week_mandate *m);

/* Mandates the expert logged between monday and sunday, plus those pinned
 * for every week or for that week; ordered by code. */
juste_status store_week_rows(struct store *s, int64_t expert_id, const char *monday, const char *sunday,
	store_week_mandate_cb cb, void *ctx, struct juste_err *e);

/* The expert's entries from..to (inclusive), by date then id.  Fills id,
 * expert_id, mandate_id, mandate (code), work_date, minutes, note. */
juste_status store_week_entries(struct store *s, int64_t expert_id, const char *from, const char *to,
	store_entry_cb cb, void *ctx, struct juste_err *e);

/* Mandates open at some point between from and to (inclusive), by code,
 * with last_used = the expert's last work date on it since `since`. */
juste_status store_week_pickable(struct store *s, int64_t expert_id, const char *from, const char *to,
	const char *since, store_week_mandate_cb cb, void *ctx, struct juste_err *e);

/* Pins: week "" = every week, else that Monday.  Adding twice is fine.
 * Removing with week NULL removes the mandate from every week. */
juste_status store_pin_add(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e);
juste_status store_pin_remove(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e);

/* *found = 0 and JUSTE_OK when no timer runs. */
juste_status store_timer_get(struct store *s, int64_t expert_id, struct timer_rec *out, int *found, struct juste_err *e);
/* JUSTE_ECONFLICT when one already runs. */
juste_status store_timer_insert(struct store *s, const struct timer_rec *t, struct juste_err *e);
juste_status store_timer_delete(struct store *s, int64_t expert_id, struct juste_err *e);

typedef int (*store_month_cb)(void *ctx, const struct closed_month *m);
/* JUSTE_ECONFLICT when already closed. */
juste_status store_month_close(struct store *s, const char *month, const char *closed_by, struct juste_err *e);
/* JUSTE_ENOTFOUND when it was not closed. */
juste_status store_month_reopen(struct store *s, const char *month, struct juste_err *e);
juste_status store_month_get(struct store *s, const char *month, struct closed_month *out, int *found, struct juste_err *e);
juste_status store_month_list(struct store *s, store_month_cb cb, void *ctx, struct juste_err *e);

/* Whether an entry, or a work date, may no longer change, and why.
 * entry_id > 0 names an existing entry (its stored date is checked);
 * work_date, when not NULL, is checked too (the date an entry moves to, or
 * a new entry's).  *locked = 1 and `why` gets one translated line
 * (« mois 2020-03 fermé par gilles le 2020-04-05 ») when it is locked.
 * This is the one place that decides: the invoicing module adds its own
 * reason (an entry on an issued invoice) here. */
juste_status store_entry_locked(struct store *s, int64_t entry_id, const char *work_date,
	char *why, size_t n, int *locked, struct juste_err *e);

#endif
