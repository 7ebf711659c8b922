/*
 * store_calendar.h - the manager's control in the database: the centre's
 * closures, the experts' absences, the weekly approval of time and the
 * teams of mandates (sql/010_calendar.sql).  Only src/store/store_calendar.c
 * implements these.
 */
#ifndef JUSTE_STORE_CALENDAR_H
#define JUSTE_STORE_CALENDAR_H

#include <stdint.h>
#include "juste/calendar.h"
#include "juste/err.h"
#include "juste/store.h"

/* --- closures ------------------------------------------------------------ */
/* JUSTE_ECONFLICT naming the closure it would overlap. */
juste_status store_closure_add(struct store *s, const char *first, const char *last, const char *name,
	struct juste_err *e);
/* Removes the closure holding `day` (*out: what it was); JUSTE_ENOTFOUND
 * when no closure holds it. */
juste_status store_closure_remove(struct store *s, const char *day, struct closure_rec *out, struct juste_err *e);
typedef int (*store_closure_cb)(void *ctx, const struct closure_rec *c);
/* Closures that meet [from, to] (NULL: open), by first day. */
juste_status store_closure_list(struct store *s, const char *from, const char *to, store_closure_cb cb,
	void *ctx, struct juste_err *e);

/* --- absences ------------------------------------------------------------ */
juste_status store_absence_add(struct store *s, struct absence_rec *a, struct juste_err *e);
juste_status store_absence_get(struct store *s, int64_t id, struct absence_rec *out, struct juste_err *e);
juste_status store_absence_remove(struct store *s, int64_t id, struct juste_err *e);
typedef int (*store_absence_cb)(void *ctx, const struct absence_rec *a);
/* Absences meeting [from, to] (NULL: open) of one expert (0: everyone),
 * by first day then login. */
juste_status store_absence_list(struct store *s, int64_t expert_id, const char *from, const char *to,
	store_absence_cb cb, void *ctx, struct juste_err *e);

/* --- weekly approval ----------------------------------------------------- */
/* The row of (expert, monday); out->exists = 0 when none. */
juste_status store_week_approval_get(struct store *s, int64_t expert_id, const char *monday,
	struct week_approval *out, struct juste_err *e);
/* Sets the week's status (inserting the row the first time); decided_by
 * and reason as given ("" for a submission). */
juste_status store_week_approval_set(struct store *s, int64_t expert_id, const char *monday,
	enum week_status status, const char *decided_by, const char *reason, struct juste_err *e);
typedef int (*store_week_approval_cb)(void *ctx, const struct week_approval *w);
/* Every expert in post during the week of `monday` (started on or before
 * its Sunday, not gone before it), by login, with the week's row if any
 * and the minutes they logged that week. */
juste_status store_week_approval_list(struct store *s, const char *monday, store_week_approval_cb cb,
	void *ctx, struct juste_err *e);
/* Every submitted week waiting for a decision, oldest week first, then
 * by login, with the minutes logged that week. */
juste_status store_week_approval_pending(struct store *s, store_week_approval_cb cb, void *ctx,
	struct juste_err *e);
/* The approved weeks (expert, monday) up to `last`, for the billing. */
typedef int (*store_week_approved_cb)(void *ctx, int64_t expert_id, const char *monday);
juste_status store_week_approved(struct store *s, const char *last, store_week_approved_cb cb, void *ctx,
	struct juste_err *e);
/* JUSTE_ECONFLICT with the reason when the expert's week holding
 * work_date is submitted or approved: its entries no longer change. */
juste_status store_week_open(struct store *s, int64_t expert_id, const char *work_date, struct juste_err *e);

/* --- mandate teams ------------------------------------------------------- */
/* Adds the expert to the mandate's team (again is fine); manager: marks
 * them the team's manager, unmarking the previous one. */
juste_status store_team_add(struct store *s, int64_t mandate_id, int64_t expert_id, int manager,
	struct juste_err *e);
/* JUSTE_ENOTFOUND when they were not on it. */
juste_status store_team_remove(struct store *s, int64_t mandate_id, int64_t expert_id, struct juste_err *e);
typedef int (*store_team_cb)(void *ctx, const struct team_member *m);
/* One mandate's team (mandate_id > 0) or every team, by mandate code,
 * manager first, then login. */
juste_status store_team_list(struct store *s, int64_t mandate_id, store_team_cb cb, void *ctx,
	struct juste_err *e);
/* JUSTE_EDENIED naming the mandate's manager when the mandate has a team
 * and the expert is not on it. */
juste_status store_team_allows(struct store *s, int64_t expert_id, int64_t mandate_id, struct juste_err *e);

#endif
