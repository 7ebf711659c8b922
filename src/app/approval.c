/*
 * approval.c - submitting, approving and returning weeks (approval.h).
 * The lock itself is the store's (store_week_open), met by every write of
 * an entry; here the roles and the order of the steps.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_internal.h"
#include "juste/approval.h"
#include "juste/i18n.h"
#include "juste/rules.h"
#include "juste/store_calendar.h"

#define ROLES_DECIDE (ROLE_GESTIONNAIRE | ROLE_ADMIN)

static juste_status load(struct app *a, const char *login, date_t day, struct expert *x,
	struct week_approval *out, struct juste_err *e)
{
	char monday[ISO_LEN];
	date_format(date_monday(day), monday);
	juste_status st = store_expert_get(a->store, login, x, e);
	if (!st)
		st = store_week_approval_get(a->store, x->id, monday, out, e);
	if (!st) {
		snprintf(out->login, sizeof out->login, "%s", x->login);
		snprintf(out->name, sizeof out->name, "%s", x->name);
	}
	return st;
}

struct step {
	const char *login;
	date_t day;
	const char *reason;
	struct week_approval *out;
	int kind;                 /* 0 submit, 1 approve, 2 return */
};

static juste_status do_step(struct app *a, void *arg, struct juste_err *e)
{
	struct step *s = arg;
	struct expert x;
	struct week_approval *w = s->out;
	juste_status st = load(a, s->login, s->day, &x, w, e);
	if (st)
		return st;
	int locked = w->exists && vocab_week_status_locked(w->status);
	enum week_status next = WEEK_SUBMITTED;
	const char *by = "";
	switch (s->kind) {
	case 0:
		if (locked)
			return err_set(e, JUSTE_ECONFLICT, N_("la semaine du %s est déjà %s"), w->monday,
				vocab_week_status_label(w->status));
		break;
	case 1:
		if (!w->exists || w->status != WEEK_SUBMITTED)
			return err_set(e, JUSTE_ECONFLICT, N_("la semaine du %s de %s n'est pas soumise (%s) : rien à approuver"),
				w->monday, x.login, w->exists ? vocab_week_status_label(w->status) : _("manquante"));
		next = WEEK_APPROVED;
		by = a->user.login;
		break;
	default:
		if (!locked)
			return err_set(e, JUSTE_ECONFLICT, N_("la semaine du %s de %s n'est ni soumise ni approuvée : rien à retourner"),
				w->monday, x.login);
		next = WEEK_RETURNED;
		by = a->user.login;
		break;
	}
	st = store_week_approval_set(a->store, x.id, w->monday, next, by, s->reason, e);
	return st ? st : load(a, s->login, s->day, &x, w, e);
}

juste_status approval_submit(struct app *a, date_t day, struct week_approval *out, struct juste_err *e)
{
	struct step s = { a->user.login, day, "", out, 0 };
	return app_in_tx(a, do_step, &s, e);
}

juste_status approval_approve(struct app *a, const char *login, date_t day, struct week_approval *out,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_DECIDE, _("approuver une semaine"), e);
	struct step s = { login, day, "", out, 1 };
	return st ? st : app_in_tx(a, do_step, &s, e);
}

juste_status approval_return(struct app *a, const char *login, date_t day, const char *reason,
	struct week_approval *out, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_DECIDE, _("retourner une semaine"), e);
	if (st)
		return st;
	if (!reason || !*reason)
		return err_set(e, JUSTE_EINVAL, N_("--reason : dites pourquoi la semaine est retournée"));
	if (strlen(reason) >= sizeof out->reason)
		return err_set(e, JUSTE_EINVAL, N_("--reason : %zu octets au plus"), sizeof out->reason - 1);
	if ((st = rules_note_validate("--reason", reason, e)))
		return st;
	struct step s = { login, day, reason, out, 2 };
	return app_in_tx(a, do_step, &s, e);
}

juste_status approval_get(struct app *a, const char *login, date_t day, struct week_approval *out,
	struct juste_err *e)
{
	memset(out, 0, sizeof *out);
	if (!login || !*login)
		login = a->user.login;
	if (!app_may_see_expert(a, login))
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : les heures de %s ne sont pas les vôtres"), login);
	struct expert x;
	return load(a, login, day, &x, out, e);
}

struct status_ctx {
	struct app *a;
	approval_cb cb;
	void *ctx;
};

static int on_status(void *ctx, const struct week_approval *w)
{
	struct status_ctx *c = ctx;
	if (!(c->a->role & ROLE_OFFICE) && strcmp(w->login, c->a->user.login) != 0)
		return 0;
	return c->cb(c->ctx, w);
}

juste_status approval_status(struct app *a, date_t day, approval_cb cb, void *ctx, struct juste_err *e)
{
	char monday[ISO_LEN];
	date_format(date_monday(day), monday);
	struct status_ctx c = { a, cb, ctx };
	return store_week_approval_list(a->store, monday, on_status, &c, e);
}

juste_status approval_pending(struct app *a, approval_cb cb, void *ctx, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_DECIDE, _("voir les semaines à approuver"), e);
	return st ? st : store_week_approval_pending(a->store, cb, ctx, e);
}

void approval_describe(const struct week_approval *w, char *locked, size_t n, char *returned, size_t rn)
{
	if (n)
		locked[0] = '\0';
	if (rn)
		returned[0] = '\0';
	if (!w->exists)
		return;
	if (w->status == WEEK_SUBMITTED)
		snprintf(locked, n, _("semaine soumise le %.10s"), w->submitted_at);
	else if (w->status == WEEK_APPROVED)
		snprintf(locked, n, _("semaine approuvée par %s le %.10s"), w->decided_by, w->decided_at);
	else
		snprintf(returned, rn, _("semaine retournée par %s : %s"), w->decided_by, w->reason);
}
