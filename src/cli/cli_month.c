/*
 * cli_month.c - juste month close|reopen|list: the months the manager
 * closes, after which their entries no longer change.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/i18n.h"
#include "juste/week.h"

static int print_month(void *ctx, const struct closed_month *m)
{
	(void)ctx;
	printf(_("%s  fermé par %s le %.10s\n"), m->month, m->closed_by, m->closed_at);
	return 0;
}

juste_status cli_month(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	const char *usage = N_("usage : juste month close|reopen AAAA-MM | list");
	char name[32];
	snprintf(name, sizeof name, "month %s", argc > 1 ? argv[1] : "");
	juste_status st = argc > 1 ? cli_no_options(argc - 1, argv + 1, name, e) : JUSTE_OK;
	if (st)
		return st;
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return week_month_list(c->app, print_month, NULL, e);
	if (argc != 3)
		return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
	if (strcmp(argv[1], "close") == 0) {
		st = week_month_close(c->app, argv[2], e);
		if (!st)
			printf(_("Mois %s fermé : ses saisies ne peuvent plus changer\n"), argv[2]);
		return st;
	}
	if (strcmp(argv[1], "reopen") == 0) {
		st = week_month_reopen(c->app, argv[2], e);
		if (!st)
			printf(_("Mois %s rouvert\n"), argv[2]);
		return st;
	}
	return err_set(e, JUSTE_EUSAGE, "%s", _(usage));
}
