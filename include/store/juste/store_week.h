/*
 * store_week.h - what the expert's week needs from the database: the week's
 * rows and entries, the mandates one may pick, and pinned mandates (the
 * timer and the closed months are store_timers.h and store_months.h).
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

/* Mandates open at some point between from and to (inclusive) that the
 * expert may log on (no team, or a team they are on), by code, with
 * last_used = the expert's last work date on it since `since`. */
juste_status store_week_pickable(struct store *s, int64_t expert_id, const char *from, const char *to,
	const char *since, store_week_mandate_cb cb, void *ctx, struct juste_err *e);

/* Pins: week "" = every week, else that Monday.  Adding twice is fine.
 * Removing with week NULL removes the mandate from every week. */
juste_status store_week_pin_add(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e);
juste_status store_week_pin_remove(struct store *s, int64_t expert_id, int64_t mandate_id, const char *week, struct juste_err *e);

/* The expert's minutes from..to (inclusive) by billing mode of the mandate
 * (minutes[BILLING_HORAIRE], ...). */
juste_status store_week_hours(struct store *s, int64_t expert_id, const char *from, const char *to,
	int64_t minutes[BILLING_COUNT], struct juste_err *e);

/* The entries of one cell as the database holds them now: *n of them, the
 * first max ids in ids (by id). */
juste_status store_week_cell(struct store *s, int64_t expert_id, int64_t mandate_id, const char *date,
	int64_t *ids, int max, int *n, struct juste_err *e);

#endif
