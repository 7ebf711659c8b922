/*
 * cli_audit.c - juste audit and juste check.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/audit.h"
#include "juste/check.h"
#include "juste/i18n.h"

static int audit_row(void *p, const struct audit_row *r)
{
	long *n = p;
	char who[2 * LOGIN_LEN + 8];
	if (r->as_login[0])
		snprintf(who, sizeof who, "%s→%s", r->actor, r->as_login);
	else
		snprintf(who, sizeof who, "%s", r->actor);
	char ent[48];
	snprintf(ent, sizeof ent, "%s#%lld", vocab_entity_word(r->entity), (long long)r->entity_id);
	printf("%s  ", r->at);
	out_cell(stdout, who, 16);
	printf("  ");
	out_cell(stdout, vocab_action_word(r->action), 6);
	printf("  ");
	out_cell(stdout, ent, 14);
	printf("  %s%s%s\n", r->before ? out_visible(r->before) : "", r->before && r->after ? " → " : "",
		r->after ? out_visible(r->after) : "");
	(*n)++;
	return 0;
}

juste_status cli_audit(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "expert", required_argument, NULL, 'x' }, { "entity", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 } };
	juste_status st = audit_allowed(c->app, e);
	if (st)
		return st;
	char from[11] = "", to[11] = "";
	struct audit_filter f = { 0 };
	enum audit_entity entity;
	int o;
	while (!st && (o = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (o) {
		case 'f': st = cli_opt_date("--from", optarg, from, e); f.from = from; break;
		case 't': st = cli_opt_date("--to", optarg, to, e); f.to = to; break;
		case 'x': f.expert = optarg; break;
		case 'n':
			if (vocab_entity_parse(optarg, &entity, e)) {
				e->code = JUSTE_EUSAGE;
				return err_prefix(e, "--entity : ");
			}
			f.entity = &entity;
			break;
		default: return err_set(e, JUSTE_EUSAGE, N_("option inconnue ; voir juste audit --help"));
		}
	}
	if (st)
		return st;
	long n = 0;
	st = audit_list(c->app, &f, audit_row, &n, e);
	if (!st)
		printf(ngettext("%ld modification\n", "%ld modifications\n", (unsigned long)n), n);
	return st;
}

static int finding(void *p, const char *line)
{
	(void)p;
	printf("%s\n", out_visible(line));
	return 0;
}

juste_status cli_check(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc > 1)
		return err_set(e, JUSTE_EUSAGE, N_("check ne prend pas d'argument : %s"), argv[1]);
	int count = 0;
	juste_status st = check_database(c->app, finding, NULL, &count, e);
	if (st)
		return st;
	if (count)
		return err_set(e, JUSTE_ECONFLICT, N_("%d problème(s) trouvé(s)"), count);
	printf(_("Aucun problème : intégrité, clés étrangères, schéma, numérotation, montants des factures, "
		"crédits, journaux, règles du domaine et identité du centre vérifiés.\n"));
	return JUSTE_OK;
}
