/*
 * timelog.c - the one path by which an hour enters, changes or leaves, and
 * who may read it.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/rules.h"
#include "juste/timelog.h"

/* The expert logs for themselves; only an office role may touch another's
 * time, and only an admin may write it (acting with --as is the usual way). */
static juste_status may_write(struct app *a, const char *login, struct juste_err *e)
{
	if (strcmp(a->user.login, login) == 0 || (a->role & ROLE_ADMIN))
		return JUSTE_OK;
	return err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), login);
}

juste_status timelog_restrict(const struct app *a, struct entry_filter *f, struct juste_err *e)
{
	if (f->expert && !app_may_see_expert(a, f->expert))
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), f->expert);
	if (!(a->role & ROLE_OFFICE))
		f->expert = a->user.login;
	return JUSTE_OK;
}

juste_status timelog_list(struct app *a, const struct entry_filter *f, timelog_entry_cb cb, void *ctx,
	struct juste_err *e)
{
	struct entry_filter mine = *f;
	juste_status st = timelog_restrict(a, &mine, e);
	return st ? st : store_entry_query(a->store, &mine, cb, ctx, e);
}

juste_status timelog_get(struct app *a, int64_t id, struct entry *out, struct juste_err *e)
{
	juste_status st = store_entry_get(a->store, id, out, e);
	if (!st && !app_may_see_expert(a, out->expert)) {
		st = err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), out->expert);
		memset(out, 0, sizeof *out);
	}
	return st;
}

/* Rules that need the database: the mandate and expert as they are now, and
 * the day's total across all of the expert's entries. */
static juste_status check(struct app *a, struct entry *x, int64_t skip_id, int skip_minutes, struct juste_err *e)
{
	struct mandate m;
	struct expert who;
	juste_status st = store_mandate_get(a->store, x->mandate, &m, e);
	if (!st)
		st = store_expert_get(a->store, x->expert, &who, e);
	if (!st)
		st = rules_entry_validate(x, &m, &who, e);
	if (st)
		return st;
	/* the code and login as stored, whatever case they were typed in */
	snprintf(x->mandate, sizeof x->mandate, "%s", m.code);
	snprintf(x->expert, sizeof x->expert, "%s", who.login);
	int day = 0;
	st = store_entry_day_minutes(a->store, who.id, x->work_date, &day, e);
	if (st)
		return st;
	if (skip_id)
		day -= skip_minutes;
	if (day + x->minutes > 1440)
		return err_set(e, JUSTE_EINVAL, N_("plus de 24 h le %s pour %s : déjà %d min saisies, %d de plus refusées"),
			x->work_date, x->expert, day, x->minutes);
	return JUSTE_OK;
}

/* A locked entry (closed month, issued invoice) or a date in a closed
 * month is refused with the reason; store_entry_locked decides. */
static juste_status unlocked(struct app *a, int64_t id, const char *date, struct juste_err *e)
{
	char why[256];
	int locked = 0;
	juste_status st = store_entry_locked(a->store, id, date, why, sizeof why, &locked, e);
	if (!st && locked)
		st = err_set(e, JUSTE_ECONFLICT, N_("verrouillé : %s"), why);
	return st;
}


static juste_status do_add(struct app *a, void *arg, struct juste_err *e)
{
	struct entry *x = arg;
	juste_status st = unlocked(a, 0, x->work_date, e);
	if (!st)
		st = check(a, x, 0, 0, e);
	return st ? st : store_entry_insert(a->store, x, e);
}

juste_status timelog_add(struct app *a, struct entry *x, struct juste_err *e)
{
	juste_status st = may_write(a, x->expert, e);
	return st ? st : app_in_tx(a, do_add, x, e);
}

static juste_status do_edit(struct app *a, void *arg, struct juste_err *e)
{
	const struct entry *x = arg;
	struct entry old;
	juste_status st = store_entry_get(a->store, x->id, &old, e);
	if (st)
		return st;
	st = may_write(a, old.expert, e);
	if (!st)
		st = unlocked(a, old.id, x->work_date, e);
	if (st)
		return st;
	struct entry next = *x;
	snprintf(next.expert, sizeof next.expert, "%s", old.expert);
	next.mandate_id = 0;
	st = check(a, &next, old.id, strcmp(old.work_date, next.work_date) == 0 ? old.minutes : 0, e);
	return st ? st : store_entry_update(a->store, &next, e);
}

juste_status timelog_edit(struct app *a, const struct entry *x, struct juste_err *e)
{
	return app_in_tx(a, do_edit, (void *)x, e);
}

static juste_status do_remove(struct app *a, void *arg, struct juste_err *e)
{
	int64_t id = *(int64_t *)arg;
	struct entry old;
	juste_status st = store_entry_get(a->store, id, &old, e);
	if (!st)
		st = may_write(a, old.expert, e);
	if (!st)
		st = unlocked(a, id, NULL, e);
	return st ? st : store_entry_delete(a->store, id, e);
}

juste_status timelog_remove(struct app *a, int64_t id, struct juste_err *e)
{
	return app_in_tx(a, do_remove, &id, e);
}
