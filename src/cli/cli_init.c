/*
 * cli_init.c - juste init: the database, and its first admin.
 */
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "juste/i18n.h"
#include "juste/rules.h"

/* The full name from the GECOS field, up to its first comma. */
static void os_full_name(const char *login, char *out, size_t n)
{
	struct passwd *pw = getpwuid(getuid());
	const char *g = (pw && pw->pw_gecos && *pw->pw_gecos) ? pw->pw_gecos : login;
	size_t len = strcspn(g, ",");
	if (len == 0) {
		g = login;
		len = strlen(login);
	}
	snprintf(out, n, "%.*s", (int)len, g);
}

juste_status cli_init(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc > 1)
		return err_set(e, JUSTE_EUSAGE, N_("init ne prend pas d'argument : %s"), argv[1]);
	struct app *a = &c->app;
	juste_status st = app_open(a, c->db_path, STORE_CREATE, e);
	if (st)
		return st;
	if (store_expert_count(a->store) > 0)
		return err_set(e, JUSTE_ECONFLICT, N_("%s est déjà initialisée"), store_path(a->store));
	struct expert me;
	memset(&me, 0, sizeof me);
	snprintf(me.login, sizeof me.login, "%s", a->actor);
	os_full_name(a->actor, me.name, sizeof me.name);
	snprintf(me.function, sizeof me.function, "direction");
	snprintf(me.role, sizeof me.role, "admin");
	me.weekly_minutes = 35 * 60;
	st = rules_expert_validate(&me, e);
	if (!st)
		st = store_expert_insert(a->store, &me, e);
	if (st)
		return st;
	printf(_("Base créée : %s\n%s y est inscrit comme admin.\n"), store_path(a->store), me.login);
	return JUSTE_OK;
}
