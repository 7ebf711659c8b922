/*
 * cli_demo.c - juste demo: builds the demonstration database and says what
 * is in it.
 *
 * The demo never touches the configured database: it opens its own file
 * ($XDG_DATA_HOME/juste/demo.db unless --db says otherwise), which main()
 * leaves alone since the command needs no database.  demo_make() builds it
 * beside its target and renames it into place when complete; the database
 * stays open in c->app when the command returns (main() closes it), so
 * that `--open` only has to identify the user and start the TUI.
 */
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/demo.h"
#include "tui/tui.h"
#include "juste/duration.h"
#include "juste/figures.h"
#include "juste/i18n.h"

static void print_year(const struct demo_summary *s, int i, struct fy_start fs)
{
	const struct demo_year *y = &s->years[i];
	char name[16], h[DURATION_BUF], n1[32], g[FIGURES_PCT_BUF];
	fy_name(y->fy, fs, name, sizeof name);
	printf(_("Exercice %s (%s au %s)\n"), name, y->from, y->to);
	duration_format_hours_fr((long)y->billable_minutes, h, sizeof h);
	if (y->compared)
		printf(_("  Heures facturables %s : %s h (%s)\n"), name, h,
			figures_pct_signed(y->billable_growth.ok, y->billable_growth.tenths, g, sizeof g));
	else
		printf(_("  Heures facturables %s : %s h\n"), name, h);
	duration_format_hours_fr((long)y->internal_minutes, h, sizeof h);
	printf(_("  Heures internes : %s h\n"), h);
	duration_format_hours_fr((long)y->full_management_minutes, h, sizeof h);
	printf(_("  dont membres sous entière gestion : %s h\n"), h);
	printf(_("  Saisies : %s ; mandats ouverts : %d ; organisations servies : %d\n"),
		figures_count_lang(out_lang(), y->entries, n1, sizeof n1), y->mandates, y->beneficiaries);
	printf(_("  Membres en fin d'exercice : %d, dont %d nouveaux (%s)\n"), y->members_at_end,
		y->new_members, figures_pct_signed(y->members_growth.ok, y->members_growth.tenths, g, sizeof g));
}

static void print_summary(const char *path, const struct demo_summary *s, struct fy_start fs)
{
	char n1[32];
	printf(_("Base de démonstration : %s\n"), path);
	printf(_("Personnes : %d (%d professionnels, %d formateurs, %d directions ; %d à temps partiel)\n"),
		s->experts, s->by_function[FUNCTION_PROFESSIONNEL], s->by_function[FUNCTION_FORMATEUR],
		s->by_function[FUNCTION_DIRECTION], s->part_time);
	printf(_("  rôles : %d commis, %d gestionnaires, %d admins (dont vous, %s, à la direction)\n"),
		s->by_role[vocab_index(VOCAB_ROLE, ROLE_COMMIS)], s->by_role[vocab_index(VOCAB_ROLE, ROLE_GESTIONNAIRE)], s->by_role[vocab_index(VOCAB_ROLE, ROLE_ADMIN)],
		s->user_login);
	printf(_("Organisations : %d\n"), s->orgs);
	printf(_("  membres : %d (%d membres utilisateurs, %d auxiliaires, %d de soutien), "
		"dont %d sous entière gestion\n"), s->members, s->by_category[CATEGORY_MEMBRE],
		s->by_category[CATEGORY_AUXILIAIRE], s->by_category[CATEGORY_SOUTIEN], s->full_management);
	printf(_("  entreprises fédérées : %d ; autres non-membres : %d\n"), s->enterprises, s->other_non_members);
	printf(_("Services : %d ; programmes de financement : %d\n"), s->services, s->programs);
	printf(_("Mandats : %s (%d à l'heure, %d au forfait, %d internes)\n"),
		figures_count_lang(out_lang(), s->mandates, n1, sizeof n1), s->by_billing[BILLING_HORAIRE],
		s->by_billing[BILLING_FORFAIT], s->by_billing[BILLING_NON_FACTURABLE]);
	printf(_("Saisies de temps : %s\n"), figures_count_lang(out_lang(), s->entries, n1, sizeof n1));
	for (int i = 0; i < s->nyears; i++)
		print_year(s, i, fs);
	if (s->client_without_address[0])
		printf(_("Client sans adresse (bloque sa facturation, pour la démonstration) : %s\n"),
			s->client_without_address);
	printf(_("Pour l'utiliser : juste --db %s COMMANDE\n"), path);
}

juste_status cli_demo(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "quiet", no_argument, NULL, 'q' },
		{ "open", no_argument, NULL, 'o' }, { NULL, 0, NULL, 0 } };
	const char *path = c->db_path;
	bool quiet = false, open = false;
	int o;
	while ((o = cli_getopt(argc, argv, "+q", opts, "demo", e)) != -1) {
		switch (o) {
		case 'd': path = optarg; break;
		case 'q': quiet = true; break;
		case 'o': open = true; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("demo ne prend pas d'argument : %s"), argv[optind]);

	char def[PATH_MAX];
	if (!path || !*path) {
		juste_status st = demo_default_path(def, sizeof def, e);
		if (st)
			return st;
		path = def;
	}
	struct demo_summary sum;
	juste_status st = demo_make(c->app, path, &sum, e);
	if (st)
		return st;
	if (!quiet)
		print_summary(path, &sum, app_policy(c->app)->fy_start.month ? app_policy(c->app)->fy_start : FY_START_DEFAULT);
	/* --open: the full-screen interface on the demo, as its admin */
	if (open) {
		st = app_identify(c->app, NULL, e);
		if (!st)
			st = tui_run(c->app, e);
		return st;
	}
	return JUSTE_OK;
}
