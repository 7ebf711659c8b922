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
	if (argc < 2 || argc > 3 || argv[1][0] == '-')
		return err_set(e, JUSTE_EUSAGE, N_("usage : %s"), _("juste complete mandates|logins [PRÉFIXE]"));
	const char *prefix = argc == 3 ? argv[2] : "";
	if (strcmp(argv[1], "mandates") == 0)
		return complete_mandates(c->app, prefix, print_word, NULL, e);
	if (strcmp(argv[1], "logins") == 0)
		return complete_logins(c->app, prefix, print_word, NULL, e);
	return err_set(e, JUSTE_EUSAGE, N_("complete : « %s » inconnu (mandates, logins)"), argv[1]);
}
