/*
 * workdays.c - holidays, closures, absences and the capacity built on them
 * (workdays.h).  The rules are the core's (calendar.h); here the roles,
 * the policy's choice of Easter holiday and the database's records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/mem.h"
#include "juste/rules.h"
#include "juste/store_calendar.h"
#include "juste/workdays.h"

#define ROLES_MANAGE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

/* --- holidays ------------------------------------------------------------ */

struct closures_ctx {
	struct closure_rec *v;
	size_t n, cap;
	int nomem;
};

static int on_closure(void *ctx, const struct closure_rec *c)
{
	struct closures_ctx *l = ctx;
	if (mem_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return l->nomem = 1;
	l->v[l->n++] = *c;
	return 0;
}

static juste_status closures_load(struct app *a, const char *from, const char *to, struct closures_ctx *l,
	struct juste_err *e)
{
	memset(l, 0, sizeof *l);
	juste_status st = store_closure_list(a->store, from, to, on_closure, l, e);
	if (!st && l->nomem)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (st) {
		free(l->v);
		l->v = NULL;
	}
	return st;
}

juste_status workdays_holidays(struct app *a, int year, workdays_holiday_cb cb, void *ctx, struct juste_err *e)
{
	if (year < 1900 || year > 2999)
		return err_set(e, JUSTE_EINVAL, N_("année hors limites : %d (1900 à 2999)"), year);
	char from[ISO_LEN], to[ISO_LEN];
	date_format(date_from_ymd(year, 1, 1), from);
	date_format(date_from_ymd(year, 12, 31), to);
	struct closures_ctx l;
	juste_status st = closures_load(a, from, to, &l, e);
	if (st)
		return st;
	struct holiday h[CALENDAR_STATUTORY];
	size_t n = calendar_statutory(year, policy_easter_monday(&a->policy), h);
	/* merged by first day: both lists are in date order */
	size_t i = 0, j = 0;
	while (i < n || j < l.n) {
		struct holiday_row r;
		memset(&r, 0, sizeof r);
		char day[ISO_LEN];
		if (i < n)
			date_format(h[i].day, day);
		if (i < n && (j >= l.n || strcmp(day, l.v[j].first) <= 0)) {
			snprintf(r.first, sizeof r.first, "%s", day);
			snprintf(r.last, sizeof r.last, "%s", day);
			snprintf(r.name, sizeof r.name, "%s", _(h[i].name));
			r.statutory = 1;
			i++;
		} else {
			snprintf(r.first, sizeof r.first, "%s", l.v[j].first);
			snprintf(r.last, sizeof r.last, "%s", l.v[j].last);
			snprintf(r.name, sizeof r.name, "%s", l.v[j].name);
			j++;
		}
		if (cb(ctx, &r))
			break;
	}
	free(l.v);
	return JUSTE_OK;
}

/* The form field a refusal is about ("from", "to", "name"…), so that a
 * screen's form shows it next to its field; the message is the command
 * line's. */
static juste_status on_field(juste_status st, const char *field, struct juste_err *e)
{
	if (st && e)
		snprintf(e->field, sizeof e->field, "%s", field);
	return st;
}

static juste_status day_arg(const char *opt, const char *s, char out[ISO_LEN], struct juste_err *e)
{
	date_t t;
	if (date_parse(s, &t, e))
		return on_field(err_prefix(e, "%s : ", opt), strncmp(opt, "--", 2) == 0 ? opt + 2 : "date", e);
	date_format(t, out);
	return JUSTE_OK;
}

/* first and last (last "" or NULL: first), checked and in order. */
static juste_status range_args(const char *first, const char *last, char f[ISO_LEN], char l[ISO_LEN],
	struct juste_err *e)
{
	juste_status st = on_field(day_arg("--from", first ? first : "", f, e), "from", e);
	if (!st)
		st = on_field(day_arg("--to", last && *last ? last : f, l, e), "to", e);
	if (!st && strcmp(l, f) < 0)
		st = err_set_field(e, "to", JUSTE_EINVAL, N_("--to %s : avant le premier jour %s"), l, f);
	return st;
}

juste_status workdays_closure_add(struct app *a, const char *first, const char *last, const char *name,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("fermer le centre"), e);
	if (st)
		return st;
	char f[ISO_LEN], l[ISO_LEN];
	if ((st = range_args(first, last, f, l, e)))
		return st;
	if (!name || !*name)
		return on_field(err_set(e, JUSTE_EINVAL, N_("--name : le nom de la fermeture est obligatoire")), "name", e);
	if (strlen(name) >= NAME_LEN)
		return on_field(err_set(e, JUSTE_EINVAL, N_("--name : %d octets au plus"), NAME_LEN - 1), "name", e);
	if ((st = rules_note_validate("--name", name, e)))
		return on_field(st, "name", e);
	return store_closure_add(a->store, f, l, name, e);
}

juste_status workdays_closure_remove(struct app *a, const char *day, struct closure_rec *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_MANAGE, _("rouvrir le centre"), e);
	if (st)
		return st;
	char d[ISO_LEN];
	date_t t;
	if ((st = day_arg("DATE", day, d, e)))
		return st;
	date_parse(d, &t, NULL);
	struct calendar none = { policy_easter_monday(&a->policy), NULL, 0 };
	const char *law = calendar_holiday(&none, t);
	if (law)
		return err_set(e, JUSTE_EINVAL, N_("%s est un jour férié (%s) : il ne se retire pas"), d, _(law));
	return store_closure_remove(a->store, d, out, e);
}

/* --- absences ------------------------------------------------------------ */

/* The expert whose absences these are, if the user may record them. */
static juste_status absence_owner(struct app *a, const char *login, struct expert *x, struct juste_err *e)
{
	if (!login || !*login)
		login = a->user.login;
	if (strcmp(login, a->user.login) != 0 && !(a->role & ROLES_MANAGE))
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : les absences de %s ne sont pas les vôtres"), login);
	return on_field(store_expert_get(a->store, login, x, e), "login", e);
}

juste_status workdays_absence_add(struct app *a, const char *login, const char *first, const char *last,
	enum absence_kind kind, int half, struct absence_rec *out, struct juste_err *e)
{
	struct expert x;
	juste_status st = absence_owner(a, login, &x, e);
	if (!st)
		st = on_field(vocab_check(VOCAB_ABSENCE_KIND, (int)kind, e), "kind", e);
	if (st)
		return st;
	memset(out, 0, sizeof *out);
	if ((st = range_args(first, last, out->first, out->last, e)))
		return st;
	date_t f, l;
	date_parse(out->first, &f, NULL);
	date_parse(out->last, &l, NULL);
	if (l - f > 366)
		return err_set_field(e, "to", JUSTE_EINVAL,
			N_("%s au %s : une absence dure un an au plus (plusieurs au besoin)"), out->first, out->last);
	out->expert_id = x.id;
	snprintf(out->login, sizeof out->login, "%s", x.login);
	snprintf(out->name, sizeof out->name, "%s", x.name);
	out->kind = kind;
	out->half = half ? 1 : 0;
	return store_absence_add(a->store, out, e);
}

juste_status workdays_absence_list(struct app *a, const char *login, const char *from, const char *to,
	workdays_absence_cb cb, void *ctx, struct juste_err *e)
{
	int64_t id = 0;
	if (login && *login) {
		struct expert x;
		juste_status st = absence_owner(a, login, &x, e);
		if (st)
			return st;
		id = x.id;
	} else if (!(a->role & ROLES_MANAGE)) {
		id = a->user.id;
	}
	return store_absence_list(a->store, id, from, to, cb, ctx, e);
}

juste_status workdays_absence_remove(struct app *a, int64_t id, struct absence_rec *out, struct juste_err *e)
{
	juste_status st = store_absence_get(a->store, id, out, e);
	struct expert x;
	if (!st)
		st = absence_owner(a, out->login, &x, e);
	return st ? st : store_absence_remove(a->store, id, e);
}

/* --- capacity ------------------------------------------------------------ */

struct ranges_ctx {
	struct calendar_range *v;
	size_t n, cap;
	int nomem;
};

static int on_absence(void *ctx, const struct absence_rec *r)
{
	struct ranges_ctx *l = ctx;
	if (mem_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return l->nomem = 1;
	struct calendar_range *g = &l->v[l->n++];
	date_parse(r->first, &g->first, NULL);
	date_parse(r->last, &g->last, NULL);
	g->half = r->half != 0;
	return 0;
}

static date_t date_or_none(const char *s)
{
	date_t t;
	return s[0] && date_parse(s, &t, NULL) == JUSTE_OK ? t : DATE_NONE;
}

/* The capacity counted up to `today` (DATE_NONE: the whole period). */
static juste_status capacity_until(struct app *a, const char *login, date_t from, date_t to, date_t today,
	struct capacity *out, struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	if (!app_may_see_expert(a, login))
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), login);
	struct expert x;
	juste_status st = store_expert_get(a->store, login, &x, e);
	if (st)
		return st;
	char f[ISO_LEN], t[ISO_LEN];
	date_format(from, f);
	date_format(to, t);
	struct closures_ctx cl;
	if ((st = closures_load(a, f, t, &cl, e)))
		return st;
	struct ranges_ctx ab = { 0 };
	st = store_absence_list(a->store, x.id, f, t, on_absence, &ab, e);
	if (!st && ab.nomem)
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	struct calendar_range *closed = NULL;
	if (!st && cl.n && !(closed = calloc(cl.n, sizeof *closed)))
		st = err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	if (!st) {
		for (size_t i = 0; i < cl.n; i++) {
			date_parse(cl.v[i].first, &closed[i].first, NULL);
			date_parse(cl.v[i].last, &closed[i].last, NULL);
		}
		struct calendar c = { policy_easter_monday(&a->policy), closed, cl.n };
		struct capacity_query q = { x.weekly_minutes, from, to, date_or_none(x.started_on),
			date_or_none(x.left_on), today == DATE_NONE ? to : today, ab.v, ab.n };
		calendar_capacity(&c, &q, out);
	}
	free(closed);
	free(cl.v);
	free(ab.v);
	return st;
}

juste_status workdays_capacity(struct app *a, const char *login, date_t from, date_t to, struct capacity *out,
	struct juste_err *e)
{
	return capacity_until(a, login, from, to, app_today(), out, e);
}

juste_status workdays_capacity_whole(struct app *a, const char *login, date_t from, date_t to, struct capacity *out,
	struct juste_err *e)
{
	return capacity_until(a, login, from, to, DATE_NONE, out, e);
}
