/*
 * app.c - who is calling, and what their role allows.
 */
#include <pwd.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juste/app.h"
#include "juste/i18n.h"

juste_status app_os_login(char out[LOGIN_LEN], struct juste_err *e)
{
	/* The real uid, not the effective one nor $USER: a setuid wrapper or a
	 * doctored environment must not change who is logging time. */
	struct passwd *pw = getpwuid(getuid());
	if (!pw || !pw->pw_name || !*pw->pw_name)
		return err_set(e, JUSTE_EDENIED, N_("utilisateur système inconnu (uid %u)"), (unsigned)getuid());
	if (strlen(pw->pw_name) >= LOGIN_LEN)
		return err_set(e, JUSTE_EDENIED, N_("nom d'utilisateur trop long : %s"), pw->pw_name);
	snprintf(out, LOGIN_LEN, "%s", pw->pw_name);
	return JUSTE_OK;
}

juste_status app_open(struct app *a, const char *db_path, int flags, struct juste_err *e)
{
	juste_status st = app_os_login(a->actor, e);
	if (st)
		return st;
	const char *path = (db_path && *db_path) ? db_path : a->cfg.db_path;
	st = store_open(path, flags, &a->store, e);
	if (st)
		return st;
	store_set_actor(a->store, a->actor, NULL);
	return JUSTE_OK;
}

void app_close(struct app *a)
{
	store_close(a->store);
	a->store = NULL;
}

juste_status app_identify(struct app *a, const char *as_login, struct juste_err *e)
{
	struct expert me;
	struct juste_err sub = { 0 };
	if (store_expert_get(a->store, a->actor, &me, &sub) != JUSTE_OK) {
		if (sub.code == JUSTE_ENOTFOUND)
			return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s n'est pas inscrit dans juste (un admin l'ajoute avec « juste import experts »)"), a->actor);
		*e = sub;
		return sub.code;
	}
	if (!as_login || !*as_login || strcmp(as_login, a->actor) == 0) {
		a->user = me;
		a->role = model_role_bit(me.role);
		a->as_login[0] = '\0';
		return JUSTE_OK;
	}
	if (strcmp(me.role, "admin") != 0)
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : seul un admin peut agir pour quelqu'un d'autre (--as)"));
	struct expert other;
	juste_status st = store_expert_get(a->store, as_login, &other, e);
	if (st)
		return st;
	a->user = other;
	a->role = model_role_bit(other.role);
	snprintf(a->as_login, sizeof a->as_login, "%s", other.login);
	store_set_actor(a->store, a->actor, a->as_login);
	return JUSTE_OK;
}

juste_status app_require(const struct app *a, int roles, const char *what, struct juste_err *e)
{
	if (a->role & roles)
		return JUSTE_OK;
	return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s (rôle %s)"), what, a->user.role);
}

bool app_may_see_expert(const struct app *a, const char *login)
{
	return (a->role & ROLE_OFFICE) || strcmp(a->user.login, login) == 0;
}

juste_status app_in_tx(struct app *a, juste_status (*fn)(struct app *, void *, struct juste_err *),
	void *arg, struct juste_err *e)
{
	if (store_in_transaction(a->store))
		return fn(a, arg, e);
	juste_status st = store_begin(a->store, e);
	if (st)
		return st;
	st = fn(a, arg, e);
	if (st) {
		store_rollback(a->store);
		return st;
	}
	return store_commit(a->store, e);
}

date_t app_today(void)
{
	const char *fixed = getenv("JUSTE_TODAY");
	date_t t;
	if (fixed && date_parse(fixed, &t, NULL) == JUSTE_OK)
		return t;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
