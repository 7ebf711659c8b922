/*
 * teams.c - assigning experts to mandates (teams.h).
 */
#include <string.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/store_calendar.h"
#include "juste/teams.h"

#define ROLES_TEAM (ROLE_GESTIONNAIRE | ROLE_ADMIN)

struct change {
	const char *code;
	const char *const *logins;
	size_t n;
	const char *manager;
	int add;
};

static juste_status do_change(struct app *a, void *arg, struct juste_err *e)
{
	struct change *c = arg;
	struct mandate m;
	struct expert x;
	juste_status st = store_mandate_get(a->store, c->code, &m, e);
	for (size_t i = 0; !st && i < c->n; i++) {
		st = store_expert_get(a->store, c->logins[i], &x, e);
		if (!st && c->add)
			st = store_team_add(a->store, m.id, x.id, 0, e);
		else if (!st && (st = store_team_remove(a->store, m.id, x.id, e)) == JUSTE_ENOTFOUND)
			st = err_set(e, JUSTE_ENOTFOUND, N_("%s n'est pas dans l'équipe du mandat %s"), x.login, m.code);
	}
	if (!st && c->add && c->manager && *c->manager) {
		st = store_expert_get(a->store, c->manager, &x, e);
		if (!st)
			st = store_team_add(a->store, m.id, x.id, 1, e);
	}
	return st;
}

juste_status teams_assign(struct app *a, const char *code, const char *const *logins, size_t n,
	const char *manager, struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_TEAM, _("composer l'équipe d'un mandat"), e);
	if (st)
		return st;
	if (n == 0 && !(manager && *manager))
		return err_set(e, JUSTE_EUSAGE, N_("qui ajouter à l'équipe ? (un login au moins)"));
	struct change c = { code, logins, n, manager, 1 };
	return app_in_tx(a, do_change, &c, e);
}

juste_status teams_unassign(struct app *a, const char *code, const char *const *logins, size_t n,
	struct juste_err *e)
{
	juste_status st = app_require(a, ROLES_TEAM, _("composer l'équipe d'un mandat"), e);
	if (st)
		return st;
	if (n == 0)
		return err_set(e, JUSTE_EUSAGE, N_("qui retirer de l'équipe ? (un login au moins)"));
	struct change c = { code, logins, n, NULL, 0 };
	return app_in_tx(a, do_change, &c, e);
}

juste_status teams_list(struct app *a, const char *code, teams_cb cb, void *ctx, struct juste_err *e)
{
	int64_t id = 0;
	if (code && *code) {
		struct mandate m;
		juste_status st = store_mandate_get(a->store, code, &m, e);
		if (st)
			return st;
		id = m.id;
	}
	return store_team_list(a->store, id, cb, ctx, e);
}
