/*
 * app.c - who is calling, and what their role allows.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app_internal.h"
#include "juste/i18n.h"
#include "juste/privilege.h"
#include "juste/rules.h"
#include "juste/store_settings.h"

juste_status app_new(struct app **out, struct juste_err *e)
{
	struct app *a = calloc(1, sizeof *a);
	if (!a)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	config_defaults(&a->cfg);
	*out = a;
	return JUSTE_OK;
}

void app_free(struct app *a)
{
	if (!a)
		return;
	app_close(a);
	free(a);
}

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

struct policy_ctx {
	struct policy *p;
	struct juste_err *e;
	juste_status st;
};

static int policy_row(void *ctx, const struct setting_row *r)
{
	struct policy_ctx *c = ctx;
	/* A row the program did not write (or a key a newer juste knows) is
	 * refused rather than half-applied: the invoices depend on it. */
	c->st = policy_set(c->p, r->key, r->valid_from, r->value, c->e);
	if (c->st)
		err_prefix(c->e, N_("réglage en base : "));
	return c->st != JUSTE_OK;
}

juste_status app_policy_load(struct app *a, struct juste_err *e)
{
	policy_defaults(&a->policy);
	struct policy_ctx c = { &a->policy, e, JUSTE_OK };
	juste_status st = store_setting_list(a->store, policy_row, &c, e);
	return st ? st : c.st;
}

/* The values of an existing juste.ini become the database's, once: the
 * mark is written in the same transaction, whatever the file held. */
static juste_status import_policy(struct app *a, void *arg, struct juste_err *e)
{
	(void)arg;
	bool done;
	juste_status st = store_setting_imported(a->store, &done, e);
	if (st || done)
		return st;
	for (int i = 0; i < a->cfg.nlegacy && !st; i++) {
		struct setting_row r = { a->cfg.legacy[i].key, "", a->cfg.legacy[i].value };
		st = store_setting_put(a->store, &r, e);
	}
	return st ? st : store_setting_import_mark(a->store, a->cfg.nlegacy ? a->cfg.file : "", e);
}

juste_status app_open(struct app *a, const char *db_path, int flags, struct juste_err *e)
{
	juste_status st = app_os_login(a->actor, e);
	if (st)
		return st;
	const char *path = (db_path && *db_path) ? db_path : a->cfg.db_path;
	int sflags = (flags & APP_CREATE) ? STORE_CREATE : 0;
	if (privilege_held())
		sflags |= STORE_SHARED;
	st = store_open(path, sflags, &a->store, e);
	if (st)
		return st;
	store_set_actor(a->store, a->actor, NULL);
	bool imported_now = false;
	bool done;
	st = store_setting_imported(a->store, &done, e);
	if (!st && !done) {
		st = app_in_tx(a, import_policy, NULL, e);
		imported_now = a->cfg.nlegacy > 0;
	}
	if (!st)
		st = app_policy_load(a, e);
	if (st) {
		app_close(a);
		return st;
	}
	if (a->cfg.nlegacy && !privilege_shared() && !a->cfg.notice[0])
		snprintf(a->cfg.notice, sizeof a->cfg.notice, imported_now
			? _("%s : ses clés [centre], [fiscal], [taxes] et [invoice] sont maintenant la politique du centre, dans la base (juste settings show) ; le fichier ne sera plus lu pour elles")
			: _("%s : les clés [centre], [fiscal], [taxes] et [invoice] ne sont plus lues : la politique du centre est dans la base (juste settings show)"),
			a->cfg.file);
	return JUSTE_OK;
}

void app_close(struct app *a)
{
	store_close(a->store);
	a->store = NULL;
}

/* The full name from the GECOS field, up to its first comma. */
static void os_full_name(const struct passwd *pw, const char *login, char *out, size_t n)
{
	const char *g = (pw && pw->pw_gecos && *pw->pw_gecos) ? pw->pw_gecos : login;
	size_t len = strcspn(g, ",");
	if (len == 0) {
		g = login;
		len = strlen(login);
	}
	snprintf(out, n, "%.*s", (int)len, g);
}

juste_status app_bootstrap_admin(struct app *a, const char *login, struct expert *out, struct juste_err *e)
{
	if (store_expert_count(a->store) > 0)
		return err_set(e, JUSTE_ECONFLICT, N_("%s est déjà initialisée"), store_path(a->store));
	struct passwd *pw;
	if (login && *login) {
		if (getuid() != 0)
			return err_set(e, JUSTE_EDENIED, N_("permission refusée : --admin est réservé à root (l'installation d'un serveur partagé)"));
		pw = getpwnam(login);
		if (!pw)
			return err_set(e, JUSTE_ENOTFOUND, N_("compte Unix inconnu : %s"), login);
	} else {
		login = a->actor;
		pw = getpwuid(getuid());
	}
	memset(out, 0, sizeof *out);
	if (strlen(login) >= sizeof out->login)
		return err_set(e, JUSTE_EINVAL, N_("nom d'utilisateur trop long : %s"), login);
	snprintf(out->login, sizeof out->login, "%s", login);
	os_full_name(pw, login, out->name, sizeof out->name);
	out->function = FUNCTION_DIRECTION;
	out->role = ROLE_ADMIN;
	out->weekly_minutes = 35 * 60;
	juste_status st = rules_expert_validate(out, e);
	return st ? st : store_expert_insert(a->store, out, e);
}

juste_status app_identify(struct app *a, const char *as_login, struct juste_err *e)
{
	struct expert me;
	struct juste_err sub = { 0 };
	juste_status found = store_expert_get(a->store, a->actor, &me, &sub);
	/* the account is who one is: its spelling must be exact (the lookup
	 * forgives case for what people type) */
	if (found == JUSTE_OK && strcmp(me.login, a->actor) != 0)
		found = err_set(&sub, JUSTE_ENOTFOUND, N_("expert inconnu : '%s'"), a->actor);
	if (found != JUSTE_OK) {
		if (sub.code == JUSTE_ENOTFOUND)
			return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s n'est pas inscrit dans juste (un admin l'ajoute avec « juste import experts »)"), a->actor);
		*e = sub;
		return sub.code;
	}
	if (!as_login || !*as_login || strcmp(as_login, a->actor) == 0) {
		a->user = me;
		a->role = (int)me.role;
		a->as_login[0] = '\0';
		return JUSTE_OK;
	}
	if (me.role != ROLE_ADMIN)
		return err_set(e, JUSTE_EDENIED, N_("permission refusée : seul un admin peut agir pour quelqu'un d'autre (--as)"));
	struct expert other;
	juste_status st = store_expert_get(a->store, as_login, &other, e);
	if (st)
		return st;
	a->user = other;
	a->role = (int)other.role;
	snprintf(a->as_login, sizeof a->as_login, "%s", other.login);
	store_set_actor(a->store, a->actor, a->as_login);
	return JUSTE_OK;
}

juste_status app_require(const struct app *a, int roles, const char *what, struct juste_err *e)
{
	if (a->role & roles)
		return JUSTE_OK;
	return err_set(e, JUSTE_EDENIED, N_("permission refusée : %s (rôle %s)"), what, vocab_role_label(a->user.role));
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
	const char *fixed = secure_getenv("JUSTE_TODAY");
	date_t t;
	if (fixed && date_parse(fixed, &t, NULL) == JUSTE_OK)
		return t;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

struct config *app_config(struct app *a)
{
	return &a->cfg;
}

const struct policy *app_policy(const struct app *a)
{
	return &a->policy;
}

const struct expert *app_user(const struct app *a)
{
	return &a->user;
}

int app_role(const struct app *a)
{
	return a->role;
}

const char *app_db_path(const struct app *a)
{
	return a->store ? store_path(a->store) : "";
}

uint64_t app_data_stamp(struct app *a)
{
	struct juste_err e = { 0 };
	/* a failed read keeps the last stamp: the screen simply does not
	 * reload this time */
	store_data_stamp(a->store, &a->data_stamp, &e);
	return a->data_stamp;
}
