/*
 * cli_budget.c - juste budget: the mandates' budgets against the time
 * logged on them, priced as invoices price it (budget.h).
 */
#include <ctype.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/out.h"
#include "juste/budget.h"
#include "juste/csvout.h"
#include "juste/duration.h"
#include "juste/figures.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/rules.h"
#include "juste/timelog.h"
#include "juste/transfer.h"

/* "80", "80.5" or "80,5" percent, in tenths */
static juste_status opt_pct(const char *arg, int64_t *tenths, struct juste_err *e)
{
	const char *p = arg;
	int64_t v = 0;
	int digits = 0;
	while (isdigit((unsigned char)*p) && digits < 6) {
		v = v * 10 + (*p++ - '0');
		digits++;
	}
	v *= 10;
	if (digits && (*p == '.' || *p == ',') && isdigit((unsigned char)p[1])) {
		v += p[1] - '0';
		p += 2;
	}
	if (!digits || *p)
		return err_set(e, JUSTE_EUSAGE, N_("--over : '%s' n'est pas un pourcentage (par exemple 80 ou 80,5)"), arg);
	*tenths = v;
	return JUSTE_OK;
}

static json_t *row_json(const struct budget_row *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(r->code));
	json_object_set_new(o, "title", json_string(r->title));
	json_object_set_new(o, "client", json_string(r->client));
	json_object_set_new(o, "closed_on", r->closed_on[0] ? json_string(r->closed_on) : json_null());
	json_object_set_new(o, "budget_minutes", r->budget_minutes ? json_integer(r->budget_minutes) : json_null());
	json_object_set_new(o, "used_minutes", json_integer(r->used_minutes));
	json_object_set_new(o, "remaining_minutes", r->budget_minutes ? json_integer(r->remaining_minutes) : json_null());
	json_object_set_new(o, "budget_amount_cents", r->budget_cents ? json_integer(r->budget_cents) : json_null());
	json_object_set_new(o, "used_amount_cents", json_integer(r->used_cents));
	json_object_set_new(o, "remaining_amount_cents", r->budget_cents ? json_integer(r->remaining_cents) : json_null());
	json_object_set_new(o, "used_pct", json_real(figures_pct_number(r->pct)));
	json_object_set_new(o, "budget_hard", json_boolean(r->hard));
	json_object_set_new(o, "unpriced_entries", json_integer(r->unpriced));
	return o;
}

static void row_csv(const struct budget_row *r)
{
	char v[8][MONEY_BUF];
	v[0][0] = v[2][0] = v[3][0] = v[5][0] = '\0';
	if (r->budget_minutes) {
		snprintf(v[0], sizeof v[0], "%lld", (long long)r->budget_minutes);
		snprintf(v[2], sizeof v[2], "%lld", (long long)r->remaining_minutes);
	}
	snprintf(v[1], sizeof v[1], "%lld", (long long)r->used_minutes);
	if (r->budget_cents) {
		money_format_plain(r->budget_cents, v[3], sizeof v[3]);
		money_format_plain(r->remaining_cents, v[5], sizeof v[5]);
	}
	money_format_plain(r->used_cents, v[4], sizeof v[4]);
	figures_pct_plain(1, r->pct, v[6], sizeof v[6]);
	snprintf(v[7], sizeof v[7], "%ld", r->unpriced);
	const char *f[] = { r->code, r->title, r->client, r->closed_on, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
		r->hard ? "1" : "0", v[7] };
	csvout_row(stdout, f, 13);
}

static void row_table(const struct budget_row *r)
{
	char b[3][32], m[3][MONEY_BUF], pct[32];
	for (int i = 0; i < 3; i++)
		b[i][0] = m[i][0] = '\0';
	if (r->budget_minutes) {
		duration_format_hours_fr(r->budget_minutes, b[0], sizeof b[0]);
		duration_format_hours_fr(r->remaining_minutes, b[2], sizeof b[2]);
	}
	duration_format_hours_fr(r->used_minutes, b[1], sizeof b[1]);
	if (r->budget_cents) {
		money_format_lang(out_lang(), r->budget_cents, m[0], sizeof m[0]);
		money_format_lang(out_lang(), r->remaining_cents, m[2], sizeof m[2]);
	}
	money_format_lang(out_lang(), r->used_cents, m[1], sizeof m[1]);
	figures_pct_lang(out_lang(), 1, r->pct, pct, sizeof pct);
	out_cell(stdout, r->code, 14);
	fputs(" ", stdout);
	out_cell(stdout, r->client, 10);
	for (int i = 0; i < 3; i++) {
		fputs(" ", stdout);
		out_cell(stdout, b[i], -9);
	}
	for (int i = 0; i < 3; i++) {
		fputs(" ", stdout);
		out_cell(stdout, m[i], -13);
	}
	fputs(" ", stdout);
	out_cell(stdout, pct, -8);
	const char *flags = r->closed_on[0] ? _("fermé") : "";
	printf(" %s%s%s\n", flags, r->hard ? (flags[0] ? ", " : "") : "", r->hard ? _("strict") : "");
	if (r->unpriced)
		printf(_("  (%ld saisies sans taux, hors du montant : voir juste rate check)\n"), r->unpriced);
}

juste_status cli_budget(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "open", no_argument, NULL, 'o' },
		{ "over", required_argument, NULL, 'v' }, { "client", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	struct budget_filter f = { .over_tenths = -1 };
	enum transfer_format fmt = FORMAT_TABLE;
	juste_status st = JUSTE_OK;
	int opt;
	while (!st && (opt = cli_getopt(argc, argv, "+", opts, "budget", e)) != -1) {
		switch (opt) {
		case 'o': f.open_only = 1; break;
		case 'v': st = opt_pct(optarg, &f.over_tenths, e); break;
		case 'c': f.client = optarg; break;
		case 'F': st = transfer_format_parse(optarg, &fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), "budget");
	struct budget_row *rows;
	size_t n;
	if ((st = budget_list(c->app, &f, &rows, &n, e)))
		return st;
	if (fmt == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, row_json(&rows[i]));
		/* a percent with its one decimal (64.3), not 17 digits */
		char *s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		json_decref(arr);
		if (s)
			puts(s);
		free(s);
	} else if (fmt == FORMAT_CSV) {
		const char *h[] = { "code", "title", "client", "closed_on", "budget_minutes", "used_minutes",
			"remaining_minutes", "budget_amount", "used_amount", "remaining_amount", "used_pct", "budget_hard",
			"unpriced_entries" };
		csvout_row(stdout, h, 13);
		for (size_t i = 0; i < n; i++)
			row_csv(&rows[i]);
	} else if (!n) {
		puts(_("Aucun mandat n'a de budget"));
	} else {
		out_cell(stdout, _("MANDAT"), 14);
		fputs(" ", stdout);
		out_cell(stdout, _("CLIENT"), 10);
		const char *hh[] = { _("H BUDGET"), _("H UTIL."), _("H RESTE"), _("$ BUDGET"), _("$ UTILISÉS"), _("$ RESTE") };
		for (int i = 0; i < 6; i++) {
			fputs(" ", stdout);
			out_cell(stdout, hh[i], i < 3 ? -9 : -13);
		}
		fputs(" ", stdout);
		out_cell(stdout, "%", -8);
		fputs("\n", stdout);
		for (size_t i = 0; i < n; i++)
			row_table(&rows[i]);
	}
	free(rows);
	return JUSTE_OK;
}

void cli_budget_notice(struct cli *c)
{
	const char *n = timelog_notice(c->app);
	if (n[0])
		fprintf(stderr, _("juste : attention : %s\n"), n);
}

juste_status cli_mandate_budget(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "hard", required_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	int hard = -1, opt;
	juste_status st = JUSTE_OK;
	if (argc < 3 || argv[2][0] == '-') {
		/* no CODE: an option that is not one is said as such first */
		optind = 2;
		while ((opt = cli_getopt(argc, argv, "+", opts, "mandate budget", e)) != -1)
			if (opt == '?')
				return JUSTE_EUSAGE;
		return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), "mandate");
	}
	const char *code = argv[2];
	optind = 3;   /* past "mandate budget CODE" */
	while (!st && (opt = cli_getopt(argc, argv, "+", opts, "mandate budget", e)) != -1) {
		switch (opt) {
		case 'h': st = rules_bool_parse("--hard", optarg, &hard, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc || hard < 0)
		return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), "mandate");
	char canon[CODE_LEN];
	if ((st = budget_set_hard(c->app, code, hard, canon, e)))
		return st;
	printf(hard ? _("Mandat %s : budget strict (le temps au-delà de 100 %% est refusé)\n")
		: _("Mandat %s : budget indicatif (avertissements à 80 %% et 100 %%)\n"), canon);
	return JUSTE_OK;
}
