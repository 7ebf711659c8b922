/*
 * cli_tui.c - juste tui (and juste with no command in a terminal): the
 * full-screen interface.
 */
#include "cli/cli.h"
#include "juste/i18n.h"
#include "tui/tui.h"

juste_status cli_tui(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	juste_status st = cli_no_options(argc, argv, "tui", e);
	if (st)
		return st;
	if (argc > 1)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[1]);
	return tui_run(c->app, e);
}
