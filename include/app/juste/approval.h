/*
 * approval.h - the weekly approval of time: the expert submits a week, a
 * gestionnaire approves it or returns it with a reason.  A submitted or
 * approved week is locked (store_week_open refuses its entries' changes at
 * every door); a returned week is open again and shows why.  With the
 * policy's approval.required_for_billing, only approved weeks are billed.
 */
#ifndef JUSTE_APPROVAL_H
#define JUSTE_APPROVAL_H

#include "juste/app.h"
#include "juste/calendar.h"

/* Submits the user's own week holding `day`; refused when it is already
 * submitted or approved.  *out: the week as it now stands. */
juste_status approval_submit(struct app *a, date_t day, struct week_approval *out, struct juste_err *e);
/* Approves `login`'s submitted week holding `day`.  Gestionnaire, admin. */
juste_status approval_approve(struct app *a, const char *login, date_t day, struct week_approval *out,
	struct juste_err *e);
/* Returns a submitted or approved week to `login` with a reason (required);
 * it opens again.  Gestionnaire, admin. */
juste_status approval_return(struct app *a, const char *login, date_t day, const char *reason,
	struct week_approval *out, struct juste_err *e);
/* The week of `login` holding `day` (out->exists = 0: never submitted).
 * Themselves, or an office role. */
juste_status approval_get(struct app *a, const char *login, date_t day, struct week_approval *out,
	struct juste_err *e);

typedef int (*approval_cb)(void *ctx, const struct week_approval *w);
/* Every expert in post that week with where their week stands (missing
 * when never submitted), by login: everyone for an office role, else the
 * user's own row. */
juste_status approval_status(struct app *a, date_t day, approval_cb cb, void *ctx, struct juste_err *e);

/* Every submitted week waiting for a decision, whatever its date, oldest
 * first (the manager's queue).  Gestionnaire, admin. */
juste_status approval_pending(struct app *a, approval_cb cb, void *ctx, struct juste_err *e);

/* Why a week's entries are locked, for a screen ("" when open): "soumise le
 * …", "approuvée par …"; a returned week gives its reason in *returned. */
void approval_describe(const struct week_approval *w, char *locked, size_t n, char *returned, size_t rn);

#endif
