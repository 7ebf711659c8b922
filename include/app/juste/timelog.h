/*
 * timelog.h - logging, editing, removing and reading time entries.
 *
 * The path by which an hour enters the database from the CLI and the TUI:
 * role check, rules_entry_validate(), then the 24 h per day rule, then the
 * store.  Each call is one transaction unless the caller already holds one.
 * Imports apply the same rules_entry_validate() row by row with cached
 * lookups, and leave the 24 h rule to the database trigger.
 */
#ifndef JUSTE_TIMELOG_H
#define JUSTE_TIMELOG_H

#include "juste/app.h"

/* Logs x (x->expert login, x->mandate code, work_date, minutes, note).
 * An expert logs only for themselves; admin acting with --as is that
 * expert.  Fills x->id and x->uuid. */
juste_status timelog_add(struct app *a, struct entry *x, struct juste_err *e);

/* Changes date, minutes, note or mandate of entry x->id; owner only. */
juste_status timelog_edit(struct app *a, const struct entry *x, struct juste_err *e);

juste_status timelog_remove(struct app *a, int64_t id, struct juste_err *e);

/* After a timelog_add or timelog_edit that succeeded: the warning to show
 * when it took its mandate's budget to 80 % or 100 % ("" when it crossed
 * neither; given once, when crossed).  A hard budget (budget_hard) refuses
 * time past 100 % instead: the add or edit fails naming the mandate and
 * its budget.  Points into a; valid until the next save. */
const char *timelog_notice(const struct app *a);

/* --- reading ------------------------------------------------------------ */

/* An expert reads only their own time; an office role reads anyone's.
 * Narrows f to what the effective user may read (an expert's filter gets
 * their login) or refuses a filter naming someone else.  timelog_list()
 * applies it too; a front end calls it first to refuse before it prints
 * anything. */
juste_status timelog_restrict(const struct app *a, struct entry_filter *f, struct juste_err *e);

/* The entries of f (narrowed by timelog_restrict), by work date, expert,
 * id. */
typedef int (*timelog_entry_cb)(void *ctx, const struct entry *x);
juste_status timelog_list(struct app *a, const struct entry_filter *f, timelog_entry_cb cb, void *ctx,
	struct juste_err *e);

/* Entry id, when the effective user may read it (see timelog_restrict). */
juste_status timelog_get(struct app *a, int64_t id, struct entry *out, struct juste_err *e);

#endif
