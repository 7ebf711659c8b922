/*
 * cli_month.c - juste month close|reopen|list: the months the manager
 * closes, after which their entries no longer change.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/transfer.h"
#include "juste/week.h"

struct month_out {
	enum transfer_format fmt;
	long n;
	json_t *arr;
};

/* The CSV header, with the first row or at the end: nothing before a refusal. */
static void month_header(const struct month_out *o)
{
	if (o->fmt == FORMAT_CSV && o->n == 0) {
		const char *h[] = { "month", "closed_by", "closed_at" };
		csvout_row(stdout, h, 3);
	}
}

static int print_month(void *ctx, const struct closed_month *m)
{
	struct month_out *o = ctx;
	month_header(o);
	o->n++;
	if (o->fmt == FORMAT_CSV) {
		const char *f[] = { m->month, m->closed_by, m->closed_at };
		csvout_row(stdout, f, 3);
	} else if (o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:s, s:s, s:s}", "month", m->month, "closed_by", m->closed_by,
			"closed_at", m->closed_at));
	} else {
		printf(_("%s  fermé par %s le %.10s\n"), m->month, m->closed_by, m->closed_at);
	}
	return 0;
}

static juste_status month_list(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	struct month_out out = { FORMAT_TABLE, 0, NULL };
	juste_status st = JUSTE_OK;
	int o;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "month list", e)) != -1) {
		if (o != 'F')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		st = transfer_format_parse(optarg, &out.fmt, e);
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (out.fmt == FORMAT_JSON)
		out.arr = json_array();
	st = week_month_list(c->app, print_month, &out, e);
	if (!st)
		month_header(&out);
	if (!st && out.fmt == FORMAT_JSON) {
		char *s = json_dumps(out.arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s ? s : "[]");
		free(s);
	}
	json_decref(out.arr);
	return st;
}

juste_status cli_month(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	const char *usage = N_("usage : juste month close|reopen AAAA-MM | list [--format table|csv|json]");
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return month_list(c, argc - 1, argv + 1, e);
	char name[32];
	snprintf(name, sizeof name, "month %s", argc > 1 ? argv[1] : "");
	juste_status st = argc > 1 ? cli_no_options(argc - 1, argv + 1, name, e) : JUSTE_OK;
	if (st)
		return st;
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
