/*
 * cli_report.c - juste report annual|utilisation|members, juste finance,
 * juste devaffaires, juste ristourne, juste expert set.  Thin: options are
 * parsed here, the figures come from report.h.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/report.h"
#include "juste/report_out.h"
#include "juste/report_pdf.h"

/* The language of the figures people read (tables, sentences); CSV and
 * JSON keep the machine format. */
static enum text_lang lang(void)
{
	return text_lang_of(i18n_language());
}

static struct fy_start fs_of(const struct cli *c)
{
	return app_policy(c->app)->fy_start.month ? app_policy(c->app)->fy_start : FY_START_DEFAULT;
}

static juste_status opt_fy(const struct cli *c, const char *arg, int *fy, struct juste_err *e)
{
	if (fy_parse(arg, fs_of(c), fy, e))
		return err_prefix(e, "--fy : ");
	return JUSTE_OK;
}

static juste_status usage_err(const char *cmd, struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage incorrect ; voir juste %s --help"), cmd);
}

/* ------------------------------------------------------------ report annual */

static juste_status report_annual(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "fy", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 } };
	int fy = -1, o;
	enum report_format fmt = REPORT_TEXT;
	const char *path = NULL;
	juste_status st;
	while ((o = cli_getopt(argc, argv, "+o:", opts, "report annual", e)) != -1) {
		switch (o) {
		case 'y':
			if ((st = opt_fy(c, optarg, &fy, e)))
				return st;
			break;
		case 'f':
			if ((st = report_format_parse(optarg, &fmt, e)))
				return st;
			break;
		case 'o': path = optarg; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc)
		return usage_err("report", e);
	if (fy < 0)
		fy = report_default_fy(c->app);
	if (fmt == REPORT_PDF && !path)
		return err_set(e, JUSTE_EUSAGE, N_("--format pdf demande -o FICHIER.pdf"));
	struct annual_report r;
	st = report_annual_build(c->app, fy, &r, e);
	if (st)
		return st;
	if (fmt == REPORT_PDF) {
		st = report_pdf_write(app_policy(c->app), &r, path, e);
		report_pdf_shutdown();
		if (!st)
			printf(_("%s écrit\n"), path);
	} else {
		st = report_out_write(&r, fmt, path, e);
	}
	annual_free(&r);
	return st;
}

/* -------------------------------------------------------- report utilisation */

struct util_out {
	enum report_format fmt;
	enum report_by by;
	json_t *rows;
	int headed;   /* the header is printed with the first row: nothing before a refusal */
};

static void util_header(struct util_out *u)
{
	if (u->headed++)
		return;
	if (u->fmt == REPORT_CSV) {
		const char *h[] = { "key", "label", "billable_minutes", "internal_minutes", "capacity_minutes",
			"utilisation_pct", "billable_share_pct", "holiday_minutes", "absence_minutes" };
		csvout_row(stdout, h, 9);
	} else if (u->fmt == REPORT_TABLE) {
		out_cell(stdout, _("CODE"), 14);
		fputs(" ", stdout);
		out_cell(stdout, _("NOM"), 34);
		fputs(" ", stdout);
		out_cell(stdout, _("FACTURABLES"), -12);
		fputs(" ", stdout);
		out_cell(stdout, _("INTERNES"), -12);
		fputs(" ", stdout);
		out_cell(stdout, _("FÉRIÉS"), -10);
		fputs(" ", stdout);
		out_cell(stdout, _("ABSENCES"), -10);
		fputs(" ", stdout);
		out_cell(stdout, _("CAPACITÉ"), -12);
		fputs(" ", stdout);
		out_cell(stdout, _("UTILISATION"), -11);
		fputs(" ", stdout);
		out_cell(stdout, _("FACT./TOTAL"), -11);
		fputs("\n", stdout);
	}
}

static void util_cells(const struct util_out *u, const struct report_util_row *r, char cells[9][NAME_LEN])
{
	const struct figures_ratio *ut = &r->u.utilisation, *sh = &r->u.billable_share;
	int plain = u->fmt != REPORT_TABLE;
	snprintf(cells[0], NAME_LEN, "%s", r->g.key);
	snprintf(cells[1], NAME_LEN, "%s", r->g.label);
	if (plain) {
		snprintf(cells[2], NAME_LEN, "%lld", (long long)r->g.billable);
		snprintf(cells[3], NAME_LEN, "%lld", (long long)r->g.internal);
		snprintf(cells[4], NAME_LEN, "%lld", (long long)r->capacity);
		figures_pct_plain(ut->ok, ut->tenths, cells[5], NAME_LEN);
		figures_pct_plain(sh->ok, sh->tenths, cells[6], NAME_LEN);
		snprintf(cells[7], NAME_LEN, "%lld", (long long)r->holidays);
		snprintf(cells[8], NAME_LEN, "%lld", (long long)r->absences);
	} else {
		duration_format_hours_lang(lang(), (long)r->g.billable, cells[2], NAME_LEN);
		duration_format_hours_lang(lang(), (long)r->g.internal, cells[3], NAME_LEN);
		if (u->by == REPORT_BY_EXPERT) {
			duration_format_hours_lang(lang(), (long)r->capacity, cells[4], NAME_LEN);
			duration_format_hours_lang(lang(), (long)r->holidays, cells[7], NAME_LEN);
			duration_format_hours_lang(lang(), (long)r->absences, cells[8], NAME_LEN);
		} else {
			snprintf(cells[4], NAME_LEN, "—");
			snprintf(cells[7], NAME_LEN, "—");
			snprintf(cells[8], NAME_LEN, "—");
		}
		figures_pct_lang(lang(), ut->ok, ut->tenths, cells[5], NAME_LEN);
		figures_pct_lang(lang(), sh->ok, sh->tenths, cells[6], NAME_LEN);
	}
}

static json_t *jpct(struct figures_ratio v)
{
	return v.ok ? json_real(figures_pct_number(v.tenths)) : json_null();
}

static json_t *util_json(const struct report_util_row *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "key", json_string(r->g.key));
	json_object_set_new(o, "label", json_string(r->g.label));
	json_object_set_new(o, "billable_minutes", json_integer(r->g.billable));
	json_object_set_new(o, "internal_minutes", json_integer(r->g.internal));
	json_object_set_new(o, "capacity_minutes", json_integer(r->capacity));
	json_object_set_new(o, "holiday_minutes", json_integer(r->holidays));
	json_object_set_new(o, "absence_minutes", json_integer(r->absences));
	json_object_set_new(o, "utilisation_pct", jpct(r->u.utilisation));
	json_object_set_new(o, "billable_share_pct", jpct(r->u.billable_share));
	return o;
}

static void util_print(struct util_out *u, const struct report_util_row *r)
{
	char cells[9][NAME_LEN];
	util_cells(u, r, cells);
	if (u->fmt == REPORT_CSV) {
		const char *f[] = { cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7],
			cells[8] };
		csvout_row(stdout, f, 9);
	} else if (u->fmt == REPORT_JSON) {
		json_array_append_new(u->rows, util_json(r));
	} else {
		out_cell(stdout, cells[0], 14);
		fputs(" ", stdout);
		out_cell(stdout, cells[1], 34);
		fputs(" ", stdout);
		out_cell(stdout, cells[2], -12);
		fputs(" ", stdout);
		out_cell(stdout, cells[3], -12);
		fputs(" ", stdout);
		out_cell(stdout, cells[7], -10);
		fputs(" ", stdout);
		out_cell(stdout, cells[8], -10);
		fputs(" ", stdout);
		out_cell(stdout, cells[4], -12);
		fputs(" ", stdout);
		out_cell(stdout, cells[5], -11);
		fputs(" ", stdout);
		out_cell(stdout, cells[6], -11);
		fputs("\n", stdout);
	}
}

static int on_util_row(void *ctx, const struct report_util_row *r)
{
	util_header(ctx);
	util_print(ctx, r);
	return 0;
}

static juste_status report_utilisation_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "by", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	char from[ISO_LEN] = "", to[ISO_LEN] = "";
	enum report_by by = REPORT_BY_EXPERT;
	struct util_out u = { REPORT_TABLE, REPORT_BY_EXPERT, NULL, 0 };
	juste_status st;
	int o;
	while ((o = cli_getopt(argc, argv, "+", opts, "report utilisation", e)) != -1) {
		switch (o) {
		case 'f': if ((st = cli_opt_date("--from", optarg, from, e))) return st; break;
		case 't': if ((st = cli_opt_date("--to", optarg, to, e))) return st; break;
		case 'b': if ((st = report_by_parse(optarg, &by, e))) return st; break;
		case 'F':
			if ((st = report_format_parse(optarg, &u.fmt, e)))
				return st;
			if (u.fmt == REPORT_TEXT)
				u.fmt = REPORT_TABLE;
			if (u.fmt != REPORT_TABLE && u.fmt != REPORT_CSV && u.fmt != REPORT_JSON)
				return err_set(e, JUSTE_EUSAGE, N_("--format : table, csv ou json"));
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc || !from[0] || !to[0])
		return err_set(e, JUSTE_EUSAGE, N_("report utilisation demande --from DATE et --to DATE"));
	u.by = by;
	if (u.fmt == REPORT_JSON)
		u.rows = json_array();
	struct report_util_row total;
	st = report_utilisation(c->app, from, to, by, on_util_row, &u, &total, e);
	if (!st)
		util_header(&u);
	if (!st) {
		if (u.fmt == REPORT_JSON) {
			json_t *o = json_object();
			json_object_set_new(o, "from", json_string(from));
			json_object_set_new(o, "to", json_string(to));
			json_object_set_new(o, "by", json_string(vocab_report_by_word(by)));
			json_object_set_new(o, "rows", u.rows);
			u.rows = NULL;
			json_object_set_new(o, "total", util_json(&total));
			json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
			fputc('\n', stdout);
			json_decref(o);
		} else if (u.fmt == REPORT_TABLE) {
			snprintf(total.g.key, sizeof total.g.key, "%s", _("TOTAL"));
			util_print(&u, &total);
		}
	}
	json_decref(u.rows);
	return st;
}

/* ------------------------------------------------------------ report members */

static juste_status report_members_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "fy", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	int fy = -1, o;
	enum report_format fmt = REPORT_TABLE;
	juste_status st;
	while ((o = cli_getopt(argc, argv, "+", opts, "report members", e)) != -1) {
		switch (o) {
		case 'y': if ((st = opt_fy(c, optarg, &fy, e))) return st; break;
		case 'F':
			if ((st = report_format_parse(optarg, &fmt, e)))
				return st;
			if (fmt == REPORT_TEXT)
				fmt = REPORT_TABLE;
			if (fmt != REPORT_TABLE && fmt != REPORT_CSV && fmt != REPORT_JSON)
				return err_set(e, JUSTE_EUSAGE, N_("--format : table, csv ou json"));
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc || fy < 0)
		return err_set(e, JUSTE_EUSAGE, N_("report members demande --fy AAAA-AAAA"));
	struct members_report m;
	st = report_members(c->app, fy, &m, e);
	if (st)
		return st;
	char name[REPORT_FY_NAME];
	fy_name(fy, fs_of(c), name, sizeof name);
	if (fmt == REPORT_JSON) {
		json_t *out = json_object(), *rows = json_array();
		json_object_set_new(out, "fy", json_string(name));
		json_object_set_new(out, "total_cents", json_integer(m.total_cents));
		json_object_set_new(out, "with_members_cents", json_integer(m.with_members_cents));
		json_object_set_new(out, "operations_with_members_pct", jpct(m.with_members_share));
		for (size_t i = 0; i < m.n; i++) {
			const struct members_row *r = &m.rows[i];
			json_t *x = json_object();
			json_object_set_new(x, "code", json_string(r->c.code));
			json_object_set_new(x, "name", json_string(r->c.name));
			json_object_set_new(x, "category", json_string(vocab_category_word(r->c.category)));
			json_object_set_new(x, "full_management", json_boolean(r->c.full_management));
			json_object_set_new(x, "with_members", json_boolean(r->with_members));
			json_object_set_new(x, "invoiced_cents", json_integer(r->c.invoiced_cents));
			json_object_set_new(x, "credited_cents", json_integer(r->c.credited_cents));
			json_object_set_new(x, "net_cents", json_integer(r->net_cents));
			json_object_set_new(x, "share_pct", jpct(r->share));
			json_array_append_new(rows, x);
		}
		json_object_set_new(out, "organisations", rows);
		json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
		fputc('\n', stdout);
		json_decref(out);
	} else if (fmt == REPORT_CSV) {
		const char *h[] = { "code", "name", "category", "full_management", "with_members", "invoiced",
			"credited", "net", "share_pct" };
		csvout_row(stdout, h, 9);
		for (size_t i = 0; i < m.n; i++) {
			const struct members_row *r = &m.rows[i];
			char f[6][32];
			snprintf(f[0], sizeof f[0], "%d", r->c.full_management ? 1 : 0);
			snprintf(f[1], sizeof f[1], "%d", r->with_members ? 1 : 0);
			money_format_plain(r->c.invoiced_cents, f[2], sizeof f[2]);
			money_format_plain(r->c.credited_cents, f[3], sizeof f[3]);
			money_format_plain(r->net_cents, f[4], sizeof f[4]);
			figures_pct_plain(r->share.ok, r->share.tenths, f[5], sizeof f[5]);
			const char *p[9] = { r->c.code, r->c.name, vocab_category_word(r->c.category), f[0], f[1], f[2], f[3],
				f[4], f[5] };
			csvout_row(stdout, p, 9);
		}
	} else {
		char b1[MONEY_BUF], b2[MONEY_BUF], b3[FIGURES_PCT_BUF];
		printf(_("Opérations avec les membres, exercice %s\n"), name);
		out_cell(stdout, _("CODE"), 16);
		fputs(" ", stdout);
		out_cell(stdout, _("ORGANISATION"), 40);
		fputs(" ", stdout);
		/* the category's code in French, where it is the word; its label in English */
		const int catw = lang() == TEXT_LANG_EN ? 17 : 11;
		out_cell(stdout, _("CATÉGORIE"), catw);
		fputs(" ", stdout);
		out_cell(stdout, _("NET AVANT TAXES"), -18);
		fputs(" ", stdout);
		out_cell(stdout, _("PART"), -8);
		fputs("\n", stdout);
		for (size_t i = 0; i < m.n; i++) {
			const struct members_row *r = &m.rows[i];
			char cat[48];
			snprintf(cat, sizeof cat, "%s%s", lang() == TEXT_LANG_EN ? vocab_category_label(r->c.category) :
				vocab_category_word(r->c.category), r->c.full_management ? "*" : "");
			out_cell(stdout, r->c.code, 16);
			fputs(" ", stdout);
			out_cell(stdout, r->c.name, 40);
			fputs(" ", stdout);
			out_cell(stdout, cat, catw);
			fputs(" ", stdout);
			out_cell(stdout, money_format_lang(lang(), r->net_cents, b1, sizeof b1), -18);
			fputs(" ", stdout);
			out_cell(stdout, figures_pct_lang(lang(), r->share.ok, r->share.tenths, b3, sizeof b3), -8);
			fputs("\n", stdout);
		}
		printf(_("Total : %s ; avec les membres (membres et auxiliaires) : %s, soit %s des opérations.\n"),
			money_format_lang(lang(), m.total_cents, b1, sizeof b1), money_format_lang(lang(), m.with_members_cents, b2, sizeof b2),
			figures_pct_lang(lang(), m.with_members_share.ok, m.with_members_share.tenths, b3, sizeof b3));
		printf(_("* sous entière gestion\n"));
	}
	members_free(&m);
	return JUSTE_OK;
}

juste_status cli_report(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage_err("report", e);
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "annual") == 0)
		return report_annual(c, argc, argv, e);
	if (strcmp(sub, "utilisation") == 0)
		return report_utilisation_cmd(c, argc, argv, e);
	if (strcmp(sub, "members") == 0)
		return report_members_cmd(c, argc, argv, e);
	return err_set(e, JUSTE_EUSAGE, N_("report : sous-commande inconnue '%s' (annual, utilisation, members)"), sub);
}

/* ------------------------------------------------------------------ finance */

static juste_status opt_money(const char *opt, const char *arg, int64_t *cents, struct juste_err *e)
{
	if (money_parse(arg, cents, e))
		return err_prefix(e, "%s : ", opt);
	if (*cents < 0)
		return err_set(e, JUSTE_EINVAL, N_("%s : montant négatif"), opt);
	return JUSTE_OK;
}

static void print_fin(const struct finance_year *f, const char *name)
{
	char b[MONEY_BUF];
	printf(_("Exercice %s\n"), name);
	printf(_("  produits réels saisis : %s\n"), f->has & FIN_ACTUAL_PRODUCTS ?
		money_format_lang(lang(), f->actual_products_cents, b, sizeof b) : "—");
	printf(_("  frais d'exploitation réels : %s\n"), f->has & FIN_ACTUAL_EXPENSES ?
		money_format_lang(lang(), f->actual_expenses_cents, b, sizeof b) : "—");
	printf(_("  produits budgétés : %s\n"), f->has & FIN_BUDGET_PRODUCTS ?
		money_format_lang(lang(), f->budget_products_cents, b, sizeof b) : "—");
	printf(_("  frais d'exploitation budgétés : %s\n"), f->has & FIN_BUDGET_EXPENSES ?
		money_format_lang(lang(), f->budget_expenses_cents, b, sizeof b) : "—");
}

juste_status cli_finance(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage_err("finance", e);
	const char *sub = argv[1];
	argc--;
	argv++;
	juste_status st;
	if (strcmp(sub, "import") == 0) {
		if ((st = cli_no_options(argc, argv, "finance import", e)))
			return st;
		if (argc != 2)
			return usage_err("finance", e);
		long rows = 0;
		st = report_finance_import(c->app, argv[1], &rows, e);
		if (!st)
			printf(_("%ld exercice(s) mis à jour\n"), rows);
		return st;
	}
	if (strcmp(sub, "set") != 0 && strcmp(sub, "show") != 0)
		return err_set(e, JUSTE_EUSAGE, N_("finance : sous-commande inconnue '%s' (set, show, import)"), sub);
	static const struct option opts[] = { { "fy", required_argument, NULL, 'y' },
		{ "actual-products", required_argument, NULL, 'P' }, { "actual-expenses", required_argument, NULL, 'E' },
		{ "budget-products", required_argument, NULL, 'p' }, { "budget-expenses", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 } };
	struct finance_year f;
	memset(&f, 0, sizeof f);
	f.fy = -1;
	int o;
	while ((o = cli_getopt(argc, argv, "+", opts, strcmp(sub, "set") == 0 ? "finance set" : "finance show", e)) != -1) {
		switch (o) {
		case 'y': st = opt_fy(c, optarg, &f.fy, e); break;
		case 'P': st = opt_money("--actual-products", optarg, &f.actual_products_cents, e);
			f.has |= FIN_ACTUAL_PRODUCTS; break;
		case 'E': st = opt_money("--actual-expenses", optarg, &f.actual_expenses_cents, e);
			f.has |= FIN_ACTUAL_EXPENSES; break;
		case 'p': st = opt_money("--budget-products", optarg, &f.budget_products_cents, e);
			f.has |= FIN_BUDGET_PRODUCTS; break;
		case 'e': st = opt_money("--budget-expenses", optarg, &f.budget_expenses_cents, e);
			f.has |= FIN_BUDGET_EXPENSES; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
		if (st)
			return st;
	}
	if (optind < argc || f.fy < 0)
		return err_set(e, JUSTE_EUSAGE, N_("finance %s demande --fy AAAA-AAAA"), sub);
	char name[REPORT_FY_NAME];
	fy_name(f.fy, fs_of(c), name, sizeof name);
	if (strcmp(sub, "set") == 0) {
		if (f.has == 0)
			return err_set(e, JUSTE_EUSAGE, N_("finance set : donnez au moins un montant"));
		if ((st = report_finance_set(c->app, &f, e)))
			return st;
	}
	struct finance_year now;
	if ((st = report_finance_get(c->app, f.fy, &now, e)))
		return st;
	print_fin(&now, name);
	return JUSTE_OK;
}

/* -------------------------------------------------------------- devaffaires */

struct dev_out {
	enum report_format fmt;
	json_t *rows;
	long n;
};

/* The CSV header, with the first row or at the end: nothing before a refusal. */
static void dev_header(struct dev_out *o)
{
	if (o->fmt == REPORT_CSV && o->n == 0) {
		const char *h[] = { "date", "kind", "partner", "name" };
		csvout_row(stdout, h, 4);
	}
}

static int on_dev_row(void *ctx, const struct devaffaire *d)
{
	struct dev_out *o = ctx;
	dev_header(o);
	o->n++;
	if (o->fmt == REPORT_CSV) {
		const char *f[] = { d->on_date, vocab_dev_kind_word(d->kind), vocab_partner_word(d->partner), d->name };
		csvout_row(stdout, f, 4);
	} else if (o->fmt == REPORT_JSON) {
		json_t *j = json_object();
		json_object_set_new(j, "date", json_string(d->on_date));
		json_object_set_new(j, "kind", json_string(vocab_dev_kind_word(d->kind)));
		json_object_set_new(j, "partner", json_string(vocab_partner_word(d->partner)));
		json_object_set_new(j, "name", json_string(d->name));
		json_array_append_new(o->rows, j);
	} else {
		printf("%s  ", d->on_date);
		out_cell(stdout, vocab_dev_kind_word(d->kind), 10);
		fputs(" ", stdout);
		out_cell(stdout, vocab_partner_word(d->partner), 10);
		printf(" %s\n", d->name);
	}
	return 0;
}

juste_status cli_devaffaires(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage_err("devaffaires", e);
	const char *sub = argv[1];
	argc--;
	argv++;
	juste_status st;
	if (strcmp(sub, "import") == 0) {
		if ((st = cli_no_options(argc, argv, "devaffaires import", e)))
			return st;
		if (argc != 2)
			return usage_err("devaffaires", e);
		long rows = 0;
		st = report_devaffaire_import(c->app, argv[1], &rows, e);
		if (!st)
			printf(_("%ld démarche(s) importée(s)\n"), rows);
		return st;
	}
	static const struct option opts[] = { { "date", required_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'k' }, { "partner", required_argument, NULL, 'p' },
		{ "name", required_argument, NULL, 'n' }, { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "fy", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	struct devaffaire d;
	memset(&d, 0, sizeof d);
	date_format(app_today(), d.on_date);
	char from[ISO_LEN] = "", to[ISO_LEN] = "";
	struct dev_out out = { REPORT_TABLE, NULL, 0 };
	int o, fy = -1, has_kind = 0, has_partner = 0;
	while ((o = cli_getopt(argc, argv, "+", opts, strcmp(sub, "add") == 0 ? "devaffaires add" : "devaffaires list", e)) != -1) {
		st = JUSTE_OK;
		switch (o) {
		case 'd': st = cli_opt_date("--date", optarg, d.on_date, e); break;
		case 'k': st = vocab_dev_kind_parse(optarg, &d.kind, e); has_kind = 1; break;
		case 'p': st = vocab_partner_parse(optarg, &d.partner, e); has_partner = 1; break;
		case 'n':
			if (strlen(optarg) >= sizeof d.name)
				return err_set(e, JUSTE_EINVAL, N_("--name : trop long"));
			snprintf(d.name, sizeof d.name, "%s", optarg);
			break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'y': st = opt_fy(c, optarg, &fy, e); break;
		case 'F':
			st = report_format_parse(optarg, &out.fmt, e);
			if (!st && out.fmt == REPORT_TEXT)
				out.fmt = REPORT_TABLE;
			if (!st && out.fmt != REPORT_TABLE && out.fmt != REPORT_CSV && out.fmt != REPORT_JSON)
				st = err_set(e, JUSTE_EUSAGE, N_("--format : table, csv ou json"));
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
		if (st)
			return st;
	}
	if (optind < argc)
		return usage_err("devaffaires", e);
	if (strcmp(sub, "add") == 0) {
		if (!has_kind || !has_partner || !d.name[0])
			return err_set(e, JUSTE_EUSAGE, N_("devaffaires add demande --kind, --partner et --name"));
		if ((st = report_devaffaire_add(c->app, &d, e)))
			return st;
		printf(_("Inscrit #%lld : %s %s %s « %s »\n"), (long long)d.id, d.on_date,
			vocab_dev_kind_word(d.kind), vocab_partner_word(d.partner), d.name);
		return JUSTE_OK;
	}
	if (strcmp(sub, "list") != 0)
		return err_set(e, JUSTE_EUSAGE, N_("devaffaires : sous-commande inconnue '%s' (add, list, import)"), sub);
	if (fy >= 0) {
		date_format(fy_first(fy, fs_of(c)), from);
		date_format(fy_last(fy, fs_of(c)), to);
	}
	if (out.fmt == REPORT_JSON)
		out.rows = json_array();
	st = report_devaffaire_list(c->app, from[0] ? from : NULL, to[0] ? to : NULL, on_dev_row, &out, e);
	if (!st)
		dev_header(&out);
	if (!st && out.fmt == REPORT_JSON) {
		json_dumpf(out.rows, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
	} else if (!st && out.fmt == REPORT_TABLE) {
		printf(_("%ld démarche(s)\n"), out.n);
	}
	json_decref(out.rows);
	return st;
}

/* ---------------------------------------------------------------- ristourne */

juste_status cli_ristourne(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "fy", required_argument, NULL, 'y' },
		{ "amount", required_argument, NULL, 'a' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	int fy = -1, o, have_amount = 0;
	int64_t amount = 0;
	enum report_format fmt = REPORT_TABLE;
	juste_status st;
	while ((o = cli_getopt(argc, argv, "+", opts, "ristourne", e)) != -1) {
		switch (o) {
		case 'y': if ((st = opt_fy(c, optarg, &fy, e))) return st; break;
		case 'a': if ((st = opt_money("--amount", optarg, &amount, e))) return st; have_amount = 1; break;
		case 'F':
			if ((st = report_format_parse(optarg, &fmt, e)))
				return st;
			if (fmt == REPORT_TEXT)
				fmt = REPORT_TABLE;
			if (fmt != REPORT_TABLE && fmt != REPORT_CSV && fmt != REPORT_JSON)
				return err_set(e, JUSTE_EUSAGE, N_("--format : table, csv ou json"));
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc || fy < 0 || !have_amount)
		return err_set(e, JUSTE_EUSAGE, N_("ristourne demande --fy AAAA-AAAA et --amount MONTANT"));
	struct members_ristourne rist;
	st = report_ristourne_compute(c->app, fy, amount, &rist, e);
	if (st)
		return st;
	char name[REPORT_FY_NAME];
	fy_name(fy, fs_of(c), name, sizeof name);
	const struct members_ristourne_row *rows = rist.rows;
	size_t n = rist.n;
	char b1[MONEY_BUF], b2[MONEY_BUF];
	if (fmt == REPORT_CSV) {
		const char *h[] = { "code", "name", "category", "business", "share" };
		csvout_row(stdout, h, 5);
		for (size_t i = 0; i < n; i++) {
			const char *f[] = { rows[i].code, rows[i].name, vocab_category_word(rows[i].category),
				money_format_plain(rows[i].business_cents, b1, sizeof b1),
				money_format_plain(rows[i].share_cents, b2, sizeof b2) };
			csvout_row(stdout, f, 5);
		}
	} else if (fmt == REPORT_JSON) {
		json_t *o2 = json_object(), *a = json_array();
		json_object_set_new(o2, "fy", json_string(name));
		json_object_set_new(o2, "amount_cents", json_integer(rist.amount_cents));
		json_object_set_new(o2, "business_cents", json_integer(rist.business_cents));
		for (size_t i = 0; i < n; i++) {
			json_t *r = json_object();
			json_object_set_new(r, "code", json_string(rows[i].code));
			json_object_set_new(r, "name", json_string(rows[i].name));
			json_object_set_new(r, "category", json_string(vocab_category_word(rows[i].category)));
			json_object_set_new(r, "business_cents", json_integer(rows[i].business_cents));
			json_object_set_new(r, "share_cents", json_integer(rows[i].share_cents));
			json_array_append_new(a, r);
		}
		json_object_set_new(o2, "members", a);
		json_dumpf(o2, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(o2);
	} else {
		printf(_("Ristourne %s : %s répartis entre %zu membres au prorata de leurs affaires nettes avant taxes\n"),
			name, money_format_lang(lang(), rist.amount_cents, b1, sizeof b1), n);
		out_cell(stdout, _("CODE"), 16);
		fputs(" ", stdout);
		out_cell(stdout, _("MEMBRE"), 40);
		fputs(" ", stdout);
		out_cell(stdout, _("AFFAIRES"), -18);
		fputs(" ", stdout);
		out_cell(stdout, _("RISTOURNE"), -14);
		fputs("\n", stdout);
		for (size_t i = 0; i < n; i++) {
			out_cell(stdout, rows[i].code, 16);
			fputs(" ", stdout);
			out_cell(stdout, rows[i].name, 40);
			fputs(" ", stdout);
			out_cell(stdout, money_format_lang(lang(), rows[i].business_cents, b1, sizeof b1), -18);
			fputs(" ", stdout);
			out_cell(stdout, money_format_lang(lang(), rows[i].share_cents, b2, sizeof b2), -14);
			fputs("\n", stdout);
		}
		printf(_("Total : %s sur %s d'affaires\n"), money_format_lang(lang(), rist.allocated_cents, b1, sizeof b1),
			money_format_lang(lang(), rist.business_cents, b2, sizeof b2));
	}
	members_ristourne_free(&rist);
	return JUSTE_OK;
}

/* ------------------------------------------------------------- expert set */

juste_status cli_expert(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc >= 2 && strcmp(argv[1], "deactivate") == 0)
		return cli_expert_deactivate(c, argc - 1, argv + 1, e);
	if (argc < 3 || strcmp(argv[1], "set") != 0)
		return usage_err("expert", e);
	const char *login = argv[2];
	argc -= 2;
	argv += 2;
	static const struct option opts[] = { { "gender", required_argument, NULL, 'g' },
		{ "birth-year", required_argument, NULL, 'b' }, { NULL, 0, NULL, 0 } };
	const char *gender = NULL;
	int birth = -1, o;
	while ((o = cli_getopt(argc, argv, "+", opts, "expert set", e)) != -1) {
		switch (o) {
		case 'g': gender = optarg; break;
		case 'b': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (!*optarg)
				v = 0;   /* "" clears it */
			else if (*end || v < 1900 || v > 2100)
				return err_set(e, JUSTE_EINVAL, N_("--birth-year : '%s' n'est pas une année (1900 à 2100)"), optarg);
			birth = (int)v;
			break;
		}
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind < argc || (!gender && birth < 0))
		return err_set(e, JUSTE_EUSAGE, N_("expert set LOGIN demande --gender F|M|X et/ou --birth-year AAAA"));
	juste_status st = report_expert_profile(c->app, login, gender, birth, e);
	if (!st)
		printf(_("Expert %s mis à jour\n"), login);
	return st;
}
