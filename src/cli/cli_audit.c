/*
 * cli_audit.c - juste audit and juste check.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/audit.h"
#include "juste/csvout.h"
#include "juste/check.h"
#include "juste/i18n.h"
#include "juste/transfer.h"

struct audit_out {
	enum transfer_format fmt;
	long n;
	int bad;   /* a line JSON cannot carry */
};

static void audit_header(struct audit_out *o)
{
	if (o->fmt == FORMAT_CSV && o->n == 0) {
		const char *h[] = { "at", "actor", "as_login", "entity", "uuid", "code", "action", "before", "after" };
		csvout_row(stdout, h, 9);
	}
}

static int audit_row(void *p, const struct audit_view *v)
{
	struct audit_out *o = p;
	const struct audit_row *r = v->row;
	audit_header(o);
	if (o->fmt == FORMAT_CSV) {
		const char *f[] = { r->at, r->actor, r->as_login, vocab_entity_word(r->entity), v->uuid, v->code,
			vocab_action_word(r->action), v->before, v->after };
		csvout_row(stdout, f, 9);
	} else if (o->fmt == FORMAT_JSON) {
		json_t *j = json_object();
		json_object_set_new(j, "at", json_string(r->at));
		json_object_set_new(j, "actor", json_string(r->actor));
		json_object_set_new(j, "as_login", r->as_login[0] ? json_string(r->as_login) : json_null());
		json_object_set_new(j, "entity", json_string(vocab_entity_word(r->entity)));
		json_object_set_new(j, "uuid", v->uuid[0] ? json_string(v->uuid) : json_null());
		json_object_set_new(j, "code", v->code[0] ? json_string(v->code) : json_null());
		json_object_set_new(j, "action", json_string(vocab_action_word(r->action)));
		json_t *b = v->before ? json_loads(v->before, 0, NULL) : NULL, *a = v->after ? json_loads(v->after, 0, NULL) : NULL;
		json_object_set_new(j, "before", b ? b : v->before ? json_string(v->before) : json_null());
		json_object_set_new(j, "after", a ? a : v->after ? json_string(v->after) : json_null());
		char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
		if (!s) {
			o->bad = 1;
			return 1;
		}
		printf("%s  %s", o->n ? ",\n" : "", s);
		free(s);
	} else {
		char who[2 * LOGIN_LEN + 8];
		if (r->as_login[0])
			snprintf(who, sizeof who, "%s→%s", r->actor, r->as_login);
		else
			snprintf(who, sizeof who, "%s", r->actor);
		char ent[LOGIN_LEN + 48];
		snprintf(ent, sizeof ent, "%s %s", vocab_entity_word(r->entity), v->code[0] ? v->code : v->uuid);
		printf("%s  ", r->at);
		out_cell(stdout, who, 16);
		printf("  ");
		out_cell(stdout, vocab_action_word(r->action), 6);
		printf("  ");
		out_cell(stdout, ent, 24);
		printf("  %s%s%s\n", v->before ? out_visible(v->before) : "", v->before && v->after ? " → " : "",
			v->after ? out_visible(v->after) : "");
	}
	o->n++;
	return 0;
}

juste_status cli_audit(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "expert", required_argument, NULL, 'x' }, { "entity", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	juste_status st = audit_allowed(c->app, e);
	if (st)
		return st;
	char from[11] = "", to[11] = "";
	struct audit_filter f = { 0 };
	struct audit_out out = { FORMAT_TABLE, 0, 0 };
	enum audit_entity entity;
	int o;
	while (!st && (o = cli_getopt(argc, argv, "+", opts, "audit", e)) != -1) {
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
		case 'F': st = transfer_format_parse(optarg, &out.fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (out.fmt == FORMAT_JSON)
		fputs("[\n", stdout);
	st = audit_list(c->app, &f, audit_row, &out, e);
	if (!st && out.bad)
		st = err_set(e, JUSTE_EIO, N_("une ligne du journal est impossible à écrire en JSON"));
	if (st)
		return st;
	audit_header(&out);
	if (out.fmt == FORMAT_JSON)
		fputs(out.n ? "\n]\n" : "]\n", stdout);
	else if (out.fmt == FORMAT_TABLE)
		printf(ngettext("%ld modification\n", "%ld modifications\n", (unsigned long)out.n), out.n);
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
	juste_status st = cli_no_options(argc, argv, "check", e);
	if (st)
		return st;
	if (argc > 1)
		return err_set(e, JUSTE_EUSAGE, N_("check ne prend pas d'argument : %s"), argv[1]);
	int count = 0;
	st = check_database(c->app, finding, NULL, &count, e);
	if (st)
		return st;
	if (count)
		return err_set(e, JUSTE_ECONFLICT, N_("%d problème(s) trouvé(s)"), count);
	printf(_("Aucun problème : intégrité, clés étrangères, schéma, numérotation, montants des factures, "
		"crédits, journaux, règles du domaine et identité du centre vérifiés.\n"));
	return JUSTE_OK;
}
