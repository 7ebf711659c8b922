/*
 * cli_init.c - juste init [--admin LOGIN]: the database, and its first admin.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/i18n.h"

juste_status cli_init(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "admin", required_argument, NULL, 'a' }, { NULL, 0, NULL, 0 } };
	const char *admin = NULL;
	int o;
	while ((o = cli_getopt(argc, argv, "+", opts, "init", e)) != -1) {
		if (o != 'a')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		admin = optarg;
	}
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("init ne prend pas d'argument : %s"), argv[optind]);
	struct expert me;
	juste_status st = app_bootstrap_admin(c->app, admin, &me, e);
	if (st)
		return st;
	printf(_("Base créée : %s\n%s y est inscrit comme admin.\n"), app_db_path(c->app), me.login);
	return JUSTE_OK;
}
