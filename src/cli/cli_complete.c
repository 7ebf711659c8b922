/*
 * cli_complete.c - juste complete mandates|logins [PREFIX]: one value a
 * line, for completion/juste.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/complete.h"
#include "juste/i18n.h"

static int print_word(void *ctx, const char *word)
{
	(void)ctx;
	return printf("%s\n", word) < 0;
}

juste_status cli_complete(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	char name[48];
	snprintf(name, sizeof name, "complete %s", argc > 1 ? argv[1] : "");
	juste_status st = argc > 1 ? cli_no_options(argc - 1, argv + 1, name, e) : JUSTE_OK;
	if (st)
		return st;
	if (argc < 2 || argc > 3)
		return err_set(e, JUSTE_EUSAGE, N_("usage : %s"), _("juste complete mandates|logins [PRÉFIXE]"));
	const char *prefix = argc == 3 ? argv[2] : "";
	size_t n;
	const struct cli_command *cmds = cli_commands(&n);
	if (strcmp(argv[1], "commands") == 0) {
		for (size_t i = 0; i < n; i++)
			if (strncmp(cmds[i].name, prefix, strlen(prefix)) == 0)
				printf("%s\n", cmds[i].name);
		return JUSTE_OK;
	}
	if (strcmp(argv[1], "subcommands") == 0) {
		if (argc != 3)
			return err_set(e, JUSTE_EUSAGE, N_("usage : %s"), _("juste complete subcommands COMMANDE"));
		for (size_t i = 0; i < n; i++)
			if (strcmp(cmds[i].name, prefix) == 0) {
				/* one a line, in the table's order */
				for (const char *p = cmds[i].subs; p && *p;) {
					size_t k = strcspn(p, " ");
					printf("%.*s\n", (int)k, p);
					p += k;
					p += strspn(p, " ");
				}
				return JUSTE_OK;
			}
		return err_set(e, JUSTE_EUSAGE, N_("commande inconnue : %s (voir juste --help)"), prefix);
	}
	if (strcmp(argv[1], "mandates") == 0)
		return complete_mandates(c->app, prefix, print_word, NULL, e);
	if (strcmp(argv[1], "logins") == 0)
		return complete_logins(c->app, prefix, print_word, NULL, e);
	return err_set(e, JUSTE_EUSAGE, N_("complete : « %s » inconnu (mandates, logins, commands, subcommands)"), argv[1]);
}
