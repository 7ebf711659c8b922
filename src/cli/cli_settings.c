/*
 * cli_settings.c - juste settings show|set|unset: the centre's policy.
 */
#include <getopt.h>
#include <jansson.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/date_input.h"
#include "juste/i18n.h"
#include "juste/settings.h"
#include "juste/transfer.h"

static juste_status usage(struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste settings --help"));
}

struct show_ctx {
	enum transfer_format fmt;
	json_t *arr;
};

/* A value on one line: an address's line breaks are shown as "\n", as
 * they are given to `settings set`. */
static void one_line(const char *v, char *out, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; v[i] && j + 3 < n; i++) {
		if (v[i] == '\n') {
			out[j++] = '\\';
			out[j++] = 'n';
		} else {
			out[j++] = v[i];
		}
	}
	out[j] = '\0';
}

static int show_row(void *p, const struct setting_view *v)
{
	struct show_ctx *c = p;
	char value[2 * POLICY_VALUE_LEN];
	one_line(v->value, value, sizeof value);
	if (c->fmt == FORMAT_JSON) {
		json_t *o = json_pack("{s:s, s:s?, s:s, s:b, s:b}", "key", v->key->name,
			"valid_from", v->valid_from[0] ? v->valid_from : NULL, "value", v->value,
			"default", v->is_default, "in_force", v->in_force);
		json_array_append_new(c->arr, o);
	} else if (c->fmt == FORMAT_CSV) {
		const char *f[] = { v->key->name, v->valid_from, value, v->is_default ? "1" : "0", v->in_force ? "1" : "0" };
		csvout_row(stdout, f, 5);
	} else {
		out_cell(stdout, v->key->name, 24);
		printf("  ");
		out_cell(stdout, v->valid_from[0] ? v->valid_from : (v->key->dated ? _("toujours") : ""), 10);
		printf(" %s ", v->in_force ? (v->key->dated ? "*" : " ") : " ");
		printf("%s%s\n", value, v->is_default ? _("  (défaut)") : "");
	}
	return 0;
}

static juste_status show(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "at", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 } };
	struct show_ctx sc = { FORMAT_TABLE, NULL };
	date_t on = app_today();
	juste_status st = JUSTE_OK;
	int o;
	while (!st && (o = cli_getopt(argc, argv, "+", opts, "settings show", e)) != -1) {
		switch (o) {
		case 'a': st = date_input_parse(optarg, app_today(), &on, e) ? err_prefix(e, "--at : ") : JUSTE_OK; break;
		case 'f': st = transfer_format_parse(optarg, &sc.fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return usage(e);
	if (sc.fmt == FORMAT_CSV) {
		const char *h[] = { "key", "valid_from", "value", "default", "in_force" };
		csvout_row(stdout, h, 5);
	} else if (sc.fmt == FORMAT_JSON) {
		sc.arr = json_array();
	}
	st = settings_list(c->app, on, show_row, &sc, e);
	if (sc.arr) {
		if (!st) {
			json_dumpf(sc.arr, stdout, JSON_INDENT(2));
			putchar('\n');
		}
		json_decref(sc.arr);
	}
	if (!st && sc.fmt == FORMAT_TABLE) {
		char day[DATE_BUF];
		printf(_("(* : valeur en vigueur le %s ; « juste settings set CLÉ VALEUR » pour changer, admin)\n"),
			date_format(on, day));
	}
	return st;
}

/* set KEY VALUE [--from DATE] and unset KEY [--from DATE]. */
static juste_status change(struct cli *c, int set, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "from", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 } };
	char from[ISO_LEN] = "";
	juste_status st = JUSTE_OK;
	int o;
	/* options may follow KEY VALUE */
	while (!st && (o = cli_getopt(argc, argv, "", opts, set ? "settings set" : "settings unset", e)) != -1) {
		if (o != 'f')
			return JUSTE_EUSAGE;   /* cli_getopt said why */
		st = cli_opt_date("--from", optarg, from, e);
	}
	if (st)
		return st;
	if (argc - optind != (set ? 2 : 1))
		return usage(e);
	const char *key = argv[optind];
	if (set) {
		if ((st = settings_set(c->app, key, from, argv[optind + 1], e)))
			return st;
		printf(_("%s = %s%s%s\n"), key, argv[optind + 1], from[0] ? _(" à partir du ") : "", from);
	} else {
		if ((st = settings_unset(c->app, key, from, e)))
			return st;
		printf(_("%s%s%s : valeur retirée\n"), key, from[0] ? " --from " : "", from);
	}
	return JUSTE_OK;
}

juste_status cli_settings(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage(e);
	const char *sub = argv[1];
	if (strcmp(sub, "show") == 0)
		return show(c, argc - 1, argv + 1, e);
	if (strcmp(sub, "set") == 0)
		return change(c, 1, argc - 1, argv + 1, e);
	if (strcmp(sub, "unset") == 0)
		return change(c, 0, argc - 1, argv + 1, e);
	return usage(e);
}
