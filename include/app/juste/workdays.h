/*
 * workdays.h - working time as the manager keeps it: the holidays (Québec's
 * statutory ones and the centre's closures), the experts' absences, and the
 * one capacity every screen and report shows (calendar_capacity() with
 * what the database holds).
 */
#ifndef JUSTE_WORKDAYS_H
#define JUSTE_WORKDAYS_H

#include "juste/app.h"
#include "juste/calendar.h"

/* --- holidays ------------------------------------------------------------ */

/* A day off for everyone: statutory (one day, its name translated) or a
 * closure of the centre (a range). */
struct holiday_row {
	char first[ISO_LEN], last[ISO_LEN];
	char name[NAME_LEN];
	int statutory;
};
typedef int (*workdays_holiday_cb)(void *ctx, const struct holiday_row *h);
/* The statutory holidays and the closures meeting calendar year `year`,
 * by date.  Everyone. */
juste_status workdays_holidays(struct app *a, int year, workdays_holiday_cb cb, void *ctx, struct juste_err *e);
/* A closure first..last (last "" or NULL: one day).  Gestionnaire, admin. */
juste_status workdays_closure_add(struct app *a, const char *first, const char *last, const char *name,
	struct juste_err *e);
/* Removes the closure holding `day` (*out: what it was); a statutory
 * holiday is refused (it is the law).  Gestionnaire, admin. */
juste_status workdays_closure_remove(struct app *a, const char *day, struct closure_rec *out, struct juste_err *e);

/* --- absences ------------------------------------------------------------ */

/* Records an absence of `login` ("" or NULL: oneself) from first to last
 * (NULL or "": one day).  An expert records their own; gestionnaire and
 * admin anyone's.  *out is the absence recorded. */
juste_status workdays_absence_add(struct app *a, const char *login, const char *first, const char *last,
	enum absence_kind kind, int half, struct absence_rec *out, struct juste_err *e);
/* Absences of `login` (NULL: those the user may see: everyone's for
 * gestionnaire and admin, else their own) meeting [from, to]. */
typedef int (*workdays_absence_cb)(void *ctx, const struct absence_rec *a);
juste_status workdays_absence_list(struct app *a, const char *login, const char *from, const char *to,
	workdays_absence_cb cb, void *ctx, struct juste_err *e);
/* Removes an absence; the same roles as adding it. */
juste_status workdays_absence_remove(struct app *a, int64_t id, struct absence_rec *out, struct juste_err *e);

/* --- capacity ------------------------------------------------------------ */

/* The capacity of expert `login` over [from, to] (DOMAIN.md): their weekly
 * hours ÷ 5 per working day employed and not absent, counted up to today;
 * holidays and absences given apart (struct capacity).  Themselves, or an
 * office role. */
juste_status workdays_capacity(struct app *a, const char *login, date_t from, date_t to, struct capacity *out,
	struct juste_err *e);
/* The same over the whole period, today or not: what a week still running
 * (or to come) asks of the expert, for the week screen's header. */
juste_status workdays_capacity_whole(struct app *a, const char *login, date_t from, date_t to, struct capacity *out,
	struct juste_err *e);

#endif
