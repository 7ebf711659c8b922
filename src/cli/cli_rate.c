/*
 * cli_rate.c - juste rate import|negotiate|list|show|explain|check|propose
 * and juste cost import.  Thin: parsing options, calling rates.h, printing.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/money.h"
#include "juste/rates.h"
#include "juste/transfer.h"

static char *money(int64_t cents, char *buf)
{
	return money_format_lang(out_lang(), cents, buf, MONEY_BUF);
}

static char *plain(int64_t cents, char *buf)
{
	return money_format_plain(cents, buf, MONEY_BUF);
}

/* Hundredths of a percent as "+5,86 %" (U+00A0 before %). */
static char *percent_fr(int64_t bp, char *buf, size_t n)
{
	int64_t a = bp < 0 ? -bp : bp;
	snprintf(buf, n, "%s%lld,%02lld\u00a0%%", bp < 0 ? "-" : "+", (long long)(a / 100), (long long)(a % 100));
	return buf;
}

static juste_status usage_err(const char *sub, struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage incorrect de « juste rate %s » ; voir juste rate --help"), sub);
}

static juste_status copy_opt(const char *opt, const char *arg, char *dst, size_t n, struct juste_err *e)
{
	if (strlen(arg) >= n)
		return err_set(e, JUSTE_EUSAGE, N_("%s : valeur trop longue '%s'"), opt, arg);
	snprintf(dst, n, "%s", arg);
	return JUSTE_OK;
}

static void json_print(json_t *o)
{
	char *s = o ? json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	puts(s ? s : "null");
	free(s);
	json_decref(o);
}

/* ------------------------------------------------------------------ import */

static juste_status rate_import(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "name", required_argument, NULL, 'n' },
		{ "correction", no_argument, NULL, 'c' }, { NULL, 0, NULL, 0 } };
	const char *name = NULL;
	int correction = 0, o;
	while ((o = cli_getopt(argc, argv, "", opts, "rate import", e)) != -1) {
		if (o == 'n')
			name = optarg;
		else if (o == 'c')
			correction = 1;
		else
			return JUSTE_EUSAGE;   /* cli_getopt said why */
	}
	if (argc - optind != 1)
		return usage_err("import", e);
	int64_t id = 0;
	size_t n = 0;
	juste_status st = rates_import(c->app, argv[optind], name, correction, &id, &n, e);
	if (st)
		return st;
	printf(_("Table de taux #%lld importée : %zu taux\n"), (long long)id, n);
	return JUSTE_OK;
}

/* --------------------------------------------------------------- negotiate */

static juste_status rate_negotiate(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' }, { "mandate", required_argument, NULL, 'm' },
		{ "service", required_argument, NULL, 's' }, { "rate", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 } };
	struct rate_row r;
	memset(&r, 0, sizeof r);
	int o, have_rate = 0;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate negotiate", e)) != -1) {
		switch (o) {
		case 'o': st = copy_opt("--org", optarg, r.org_code, sizeof r.org_code, e); break;
		case 'm': st = copy_opt("--mandate", optarg, r.mandate_code, sizeof r.mandate_code, e); break;
		case 's': st = copy_opt("--service", optarg, r.service_code, sizeof r.service_code, e); break;
		case 'r':
			st = money_parse(optarg, &r.rate_cents, e);
			if (st)
				err_prefix(e, "--rate : ");
			have_rate = 1;
			break;
		case 'f': st = cli_opt_date("--from", optarg, r.valid_from, e); break;
		case 't': st = cli_opt_date("--to", optarg, r.valid_to, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (!have_rate || !r.valid_from[0])
		return err_set(e, JUSTE_EUSAGE, N_("--rate et --from sont obligatoires"));
	if (r.mandate_code[0] && !r.org_code[0] && !r.service_code[0])
		r.rule = RATE_MANDATE;
	else if (!r.mandate_code[0] && r.org_code[0] && r.service_code[0])
		r.rule = RATE_ORG_SERVICE;
	else
		return err_set(e, JUSTE_EUSAGE, N_("donnez --mandate CODE, ou --org CODE et --service CODE"));
	st = rates_negotiate(c->app, &r, e);
	if (st)
		return st;
	char m[MONEY_BUF];
	if (r.rule == RATE_MANDATE)
		printf(_("Taux négocié #%lld : mandat %s, %s/h à partir du %s"), (long long)r.id, r.mandate_code,
			money(r.rate_cents, m), r.valid_from);
	else
		printf(_("Taux négocié #%lld : %s pour le service %s, %s/h à partir du %s"), (long long)r.id, r.org_code,
			r.service_code, money(r.rate_cents, m), r.valid_from);
	if (r.valid_to[0])
		printf(_(" jusqu'au %s inclus"), r.valid_to);
	putchar('\n');
	return JUSTE_OK;
}

/* -------------------------------------------------------------------- list */

struct list_ctx {
	const struct rate_row *in_force;
	int count;
	enum transfer_format fmt;
	json_t *tables;
};

static int list_table(void *ctx, const struct rate_table_info *t)
{
	struct list_ctx *l = ctx;
	int now = l->in_force && l->in_force->table_id == t->id;
	if (l->fmt == FORMAT_JSON) {
		json_array_append_new(l->tables, json_pack("{s:s, s:s, s:s, s:I, s:b}", "uuid", t->uuid, "name", t->name,
			"valid_from", t->valid_from, "rows", (json_int_t)t->rows, "in_force", now));
		l->count++;
		return 0;
	}
	if (l->fmt == FORMAT_CSV) {
		char rows[24];
		snprintf(rows, sizeof rows, "%lld", (long long)t->rows);
		const char *f[] = { "table", t->uuid, t->name, "", "", "", "", t->valid_from, "", rows, now ? "in_force" : "" };
		csvout_row(stdout, f, 11);
		l->count++;
		return 0;
	}
	char rows[24];
	snprintf(rows, sizeof rows, "%lld", (long long)t->rows);
	fputs(l->in_force && l->in_force->table_id == t->id ? "* " : "  ", stdout);
	printf("%s  ", t->valid_from);
	out_cell(stdout, rows, -6);
	printf("  %s\n", out_visible(t->name));
	l->count++;
	return 0;
}

/* Where a negotiated rate stands on `date`: its word for programs
 * (in_force, ended, upcoming, replaced), and for people. */
static const char *negotiated_word(struct rate_book *b, const struct rate_row *r, const char *date)
{
	struct price_query q = { .mandate_id = r->mandate_id, .client_id = r->org_id, .service_id = r->service_id,
		.work_date = date };
	const struct rate_row *ended;
	const struct rate_row *now = pricing_lookup(b, r->rule, &q, &ended);
	if (now == r)
		return "in_force";
	if (ended == r)
		return "ended";
	if (strcmp(r->valid_from, date) > 0)
		return "upcoming";
	return "replaced";
}

static const char *negotiated_status(struct rate_book *b, const struct rate_row *r, const char *date)
{
	const char *w = negotiated_word(b, r, date);
	return strcmp(w, "in_force") == 0 ? _("en vigueur") : strcmp(w, "ended") == 0 ? _("terminé")
		: strcmp(w, "upcoming") == 0 ? _("à venir") : _("remplacé");
}

static void print_negotiated(struct rate_book *b, const struct rate_row *r, const char *date)
{
	char m[MONEY_BUF], who[96], span[64];
	if (r->rule == RATE_MANDATE)
		snprintf(who, sizeof who, _("mandat %s"), r->mandate_code);
	else
		snprintf(who, sizeof who, _("org. %s / %s"), r->org_code, r->service_code);
	if (r->valid_to[0])
		snprintf(span, sizeof span, _("du %s au %s"), r->valid_from, r->valid_to);
	else
		snprintf(span, sizeof span, _("depuis le %s"), r->valid_from);
	fputs("  ", stdout);
	out_cell(stdout, who, 28);
	fputs("  ", stdout);
	char rate[MONEY_BUF + 4];
	snprintf(rate, sizeof rate, "%s/h", money(r->rate_cents, m));
	out_cell(stdout, rate, -13);
	fputs("  ", stdout);
	out_cell(stdout, span, 28);
	printf("  %s\n", negotiated_status(b, r, date));
}

/* rate list --format csv|json: the tables and the negotiated rates, one
 * record each, with the same fields (a kind column in CSV). */
static void list_negotiated_machine(struct rate_book *b, const char *at, enum transfer_format fmt, json_t *arr)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct rate_row *r = &b->rows[i];
		if (r->rule != RATE_MANDATE && r->rule != RATE_ORG_SERVICE)
			continue;
		const char *mandate = r->rule == RATE_MANDATE ? r->mandate_code : "";
		const char *org = r->rule == RATE_MANDATE ? "" : r->org_code;
		const char *service = r->rule == RATE_MANDATE ? "" : r->service_code;
		if (fmt == FORMAT_JSON) {
			json_t *j = json_object();
			json_object_set_new(j, "rule", json_string(pricing_rule_word(r->rule)));
			json_object_set_new(j, "mandate", mandate[0] ? json_string(mandate) : json_null());
			json_object_set_new(j, "org", org[0] ? json_string(org) : json_null());
			json_object_set_new(j, "service", service[0] ? json_string(service) : json_null());
			json_object_set_new(j, "rate_cents", json_integer(r->rate_cents));
			json_object_set_new(j, "valid_from", json_string(r->valid_from));
			json_object_set_new(j, "valid_to", r->valid_to[0] ? json_string(r->valid_to) : json_null());
			json_object_set_new(j, "status", json_string(negotiated_word(b, r, at)));
			json_array_append_new(arr, j);
		} else {
			char m[MONEY_BUF];
			const char *f[] = { pricing_rule_word(r->rule), "", "", mandate, org, service, plain(r->rate_cents, m),
				r->valid_from, r->valid_to, "", negotiated_word(b, r, at) };
			csvout_row(stdout, f, 11);
		}
	}
}

static juste_status rate_list(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "at", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	char at[ISO_LEN];
	date_format(app_today(), at);
	enum transfer_format fmt = FORMAT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate list", e)) != -1) {
		if (o == 'a')
			st = cli_opt_date("--at", optarg, at, e);
		else if (o == 'F')
			st = transfer_format_parse(optarg, &fmt, e);
		else
			return JUSTE_EUSAGE;   /* cli_getopt said why */
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	struct rate_book b;
	if ((st = rates_book_load(c->app, &b, e)))
		return st;
	struct list_ctx l = { .in_force = pricing_table_at(&b, at, NULL), .fmt = fmt };
	if (fmt != FORMAT_TABLE) {
		if (fmt == FORMAT_CSV) {
			const char *h[] = { "kind", "uuid", "name", "mandate", "org", "service", "rate", "valid_from", "valid_to",
				"rows", "status" };
			csvout_row(stdout, h, 11);
		}
		l.tables = json_array();
		json_t *neg = json_array();
		st = rates_tables(c->app, list_table, &l, e);
		if (!st)
			list_negotiated_machine(&b, at, fmt, neg);
		if (!st && fmt == FORMAT_JSON)
			json_print(json_pack("{s:s, s:O, s:O}", "at", at, "tables", l.tables, "negotiated", neg));
		json_decref(l.tables);
		json_decref(neg);
		pricing_book_free(&b);
		return st;
	}
	printf(_("Tables de taux (* : en vigueur le %s)\n"), at);
	st = rates_tables(c->app, list_table, &l, e);
	if (!st && l.count == 0)
		printf(_("  aucune table (juste rate import FICHIER.csv)\n"));
	if (!st) {
		int n = 0;
		printf(_("Taux négociés (état le %s)\n"), at);
		for (size_t i = 0; i < b.n; i++)
			if (b.rows[i].rule == RATE_MANDATE || b.rows[i].rule == RATE_ORG_SERVICE) {
				print_negotiated(&b, &b.rows[i], at);
				n++;
			}
		if (!n)
			printf(_("  aucun\n"));
	}
	pricing_book_free(&b);
	return st;
}

/* -------------------------------------------------------------------- show */

static juste_status rate_show(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "at", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	char at[ISO_LEN];
	date_format(app_today(), at);
	enum transfer_format fmt = FORMAT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate show", e)) != -1) {
		if (o == 'a')
			st = cli_opt_date("--at", optarg, at, e);
		else if (o == 'F')
			st = transfer_format_parse(optarg, &fmt, e);
		else
			return JUSTE_EUSAGE;   /* cli_getopt said why */
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	struct rate_book b;
	if ((st = rates_book_load(c->app, &b, e)))
		return st;
	size_t n = 0;
	const struct rate_row *t = pricing_table_at(&b, at, &n);
	if (!t) {
		pricing_book_free(&b);
		return err_set(e, JUSTE_ENOTFOUND, N_("aucune table de taux en vigueur le %s"), at);
	}
	char m[MONEY_BUF];
	if (fmt == FORMAT_CSV) {
		const char *h[] = { "valid_from", "service", "category", "rate" };
		csvout_row(stdout, h, 4);
		for (size_t i = 0; i < n; i++) {
			const char *f[] = { t[i].valid_from, t[i].service_code, vocab_category_word(t[i].category),
				plain(t[i].rate_cents, m) };
			csvout_row(stdout, f, 4);
		}
	} else if (fmt == FORMAT_JSON) {
		json_t *rows = json_array(), *neg = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(rows, json_pack("{s:s, s:s, s:I}", "service", t[i].service_code,
				"category", vocab_category_word(t[i].category), "rate_cents", (json_int_t)t[i].rate_cents));
		for (size_t i = 0; i < b.n; i++) {
			const struct rate_row *r = &b.rows[i];
			if (r->rule == RATE_TABLE || strcmp(negotiated_status(&b, r, at), _("en vigueur")) != 0)
				continue;
			json_t *j = json_pack("{s:s, s:s, s:I}", "rule", pricing_rule_word(r->rule), "valid_from", r->valid_from,
				"rate_cents", (json_int_t)r->rate_cents);
			if (r->rule == RATE_MANDATE)
				json_object_set_new(j, "mandate", json_string(r->mandate_code));
			else {
				json_object_set_new(j, "org", json_string(r->org_code));
				json_object_set_new(j, "service", json_string(r->service_code));
			}
			json_object_set_new(j, "valid_to", r->valid_to[0] ? json_string(r->valid_to) : json_null());
			json_array_append_new(neg, j);
		}
		json_print(json_pack("{s:s, s:s, s:s, s:o, s:o}", "at", at, "name", t->table_name, "valid_from", t->valid_from,
			"rows", rows, "negotiated", neg));
	} else {
		printf(_("Table « %s », en vigueur depuis le %s (état le %s)\n\n"), out_visible(t->table_name), t->valid_from, at);
		out_cell(stdout, _("SERVICE"), 10);
		for (int k = 0; k < CATEGORY_COUNT; k++) {
			fputs("  ", stdout);
			out_cell(stdout, vocab_category_word(k), -12);
		}
		putchar('\n');
		for (size_t i = 0; i < n;) {
			size_t j = i;
			while (j < n && t[j].service_id == t[i].service_id)
				j++;
			out_cell(stdout, t[i].service_code, 10);
			for (int k = 0; k < CATEGORY_COUNT; k++) {
				const char *cell = "—";
				for (size_t x = i; x < j; x++)
					if ((int)t[x].category == k)
						cell = money(t[x].rate_cents, m);
				fputs("  ", stdout);
				out_cell(stdout, cell, -12);
			}
			putchar('\n');
			i = j;
		}
		int header = 0;
		for (size_t i = 0; i < b.n; i++) {
			const struct rate_row *r = &b.rows[i];
			if (r->rule == RATE_TABLE || strcmp(negotiated_status(&b, r, at), _("en vigueur")) != 0)
				continue;
			if (!header++)
				printf(_("\nTaux négociés en vigueur (ils priment sur la table)\n"));
			print_negotiated(&b, r, at);
		}
	}
	pricing_book_free(&b);
	return JUSTE_OK;
}

/* ----------------------------------------------------------------- explain */

/* What became of rule i (0 mandate, 1 organisation and service, 2 table)
 * for the explanation: the word of the machine formats and its row. */
static const char *explain_status(const struct rates_explanation *ex, int i, const struct rate_row **row)
{
	*row = NULL;
	if (ex->found[i]) {
		*row = ex->found[i];
		return ex->priced.row == ex->found[i] ? "applied" : "overridden";
	}
	if (ex->ended[i]) {
		*row = ex->ended[i];
		return "ended";
	}
	return "none";
}

static const enum rate_rule explain_rules[3] = { RATE_MANDATE, RATE_ORG_SERVICE, RATE_TABLE };

static void explain_json(const struct rates_explanation *ex)
{
	const struct rate_mandate_info *m = &ex->mandate;
	json_t *rules = json_array();
	for (int i = 0; i < 3; i++) {
		const struct rate_row *r;
		const char *status = explain_status(ex, i, &r);
		const struct rate_row *t = i == 2 && !r ? ex->table : r;
		json_array_append_new(rules, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "rule",
			pricing_rule_word(explain_rules[i]), "status", status,
			"rate_cents", r ? json_integer(r->rate_cents) : json_null(),
			"valid_from", t ? json_string(t->valid_from) : json_null(),
			"valid_to", r && r->valid_to[0] ? json_string(r->valid_to) : json_null(),
			"table_name", i == 2 && t ? json_string(t->table_name) : json_null()));
	}
	json_print(json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "mandate", m->mandate,
		"client", m->client, "category", vocab_category_word(m->category), "service", m->service,
		"billing", vocab_billing_word(m->billing), "date", ex->date, "rules", rules,
		"rule", ex->priced.row ? json_string(pricing_rule_word(ex->priced.row->rule)) : json_null(),
		"rate_cents", ex->priced.row ? json_integer(ex->priced.rate_cents) : json_null(),
		"reason", ex->priced.row ? json_null() : json_string(ex->why)));
}

static void explain_csv(const struct rates_explanation *ex)
{
	const struct rate_mandate_info *m = &ex->mandate;
	const char *h[] = { "mandate", "client", "category", "service", "billing", "date", "rule", "status", "rate",
		"valid_from", "valid_to", "table_name" };
	csvout_row(stdout, h, 12);
	for (int i = 0; i < 3; i++) {
		const struct rate_row *r;
		const char *status = explain_status(ex, i, &r);
		const struct rate_row *t = i == 2 && !r ? ex->table : r;
		char rate[MONEY_BUF] = "";
		if (r)
			plain(r->rate_cents, rate);
		const char *f[] = { m->mandate, m->client, vocab_category_word(m->category), m->service,
			vocab_billing_word(m->billing), ex->date, pricing_rule_word(explain_rules[i]), status, rate,
			t ? t->valid_from : "", r ? r->valid_to : "", i == 2 && t ? t->table_name : "" };
		csvout_row(stdout, f, 12);
	}
}

static void explain_table(const struct rates_explanation *ex)
{
	const struct rate_mandate_info *m = &ex->mandate;
	char buf[512], line[512];
	printf(_("Mandat %s : client %s (catégorie %s), service %s, facturation %s ; le %s\n"), m->mandate, m->client,
		vocab_category_word(m->category), m->service, vocab_billing_word(m->billing), ex->date);
	const char *labels[3] = { _("taux négocié du mandat"), _("taux négocié de l'organisation pour le service"),
		_("table en vigueur") };
	for (int i = 0; i < 3; i++) {
		struct priced p = { 0 };
		if (ex->found[i]) {
			p.rate_cents = ex->found[i]->rate_cents;
			p.row = ex->found[i];
			snprintf(line, sizeof line, "%s%s", pricing_explain(&p, buf, sizeof buf),
				ex->priced.row == ex->found[i] ? _("  ← appliqué") : _("  (moins précis : ignoré)"));
		} else if (ex->ended[i]) {
			p.rate_cents = ex->ended[i]->rate_cents;
			p.row = ex->ended[i];
			snprintf(line, sizeof line, _("terminé le %s (%s)"), ex->ended[i]->valid_to,
				pricing_explain(&p, buf, sizeof buf));
		} else if (i == 2 && ex->table) {
			snprintf(line, sizeof line, _("table %s « %s » : aucune ligne pour le service %s et la catégorie %s"),
				ex->table->valid_from, ex->table->table_name, m->service,
				vocab_category_word(m->category));
		} else if (i == 2) {
			snprintf(line, sizeof line, _("aucune table de taux en vigueur"));
		} else {
			snprintf(line, sizeof line, "%s", _("aucun"));
		}
		printf("  %d. %s : %s\n", i + 1, labels[i], line);
	}
	if (ex->priced.row) {
		printf(_("Taux : %s\n"), pricing_explain(&ex->priced, buf, sizeof buf));
		if (!vocab_billing_hourly(m->billing))
			printf(_("(mandat %s : ses heures ne sont pas facturées à l'heure)\n"), vocab_billing_word(m->billing));
	}
}

static juste_status rate_explain(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "mandate", required_argument, NULL, 'm' },
		{ "date", required_argument, NULL, 'd' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	char date[ISO_LEN];
	date_format(app_today(), date);
	const char *mandate = NULL;
	enum transfer_format fmt = FORMAT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate explain", e)) != -1) {
		if (o == 'm')
			mandate = optarg;
		else if (o == 'd')
			st = cli_opt_date("--date", optarg, date, e);
		else if (o == 'F')
			st = transfer_format_parse(optarg, &fmt, e);
		else
			return JUSTE_EUSAGE;   /* cli_getopt said why */
	}
	if (st)
		return st;
	if (!mandate || optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste rate explain --mandate CODE [--date DATE] [--format table|csv|json]"));
	struct rate_book b;
	if ((st = rates_book_load(c->app, &b, e)))
		return st;
	struct rates_explanation *ex = malloc(sizeof *ex);
	if (!ex) {
		pricing_book_free(&b);
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	}
	st = rates_explain(c->app, &b, mandate, date, ex, e);
	if (!st) {
		if (fmt == FORMAT_JSON)
			explain_json(ex);
		else if (fmt == FORMAT_CSV)
			explain_csv(ex);
		else
			explain_table(ex);
		/* no rate: said, then refused, in every format */
		if (!ex->priced.row)
			st = err_set(e, JUSTE_ENOTFOUND, "%s", ex->why);
	}
	free(ex);
	pricing_book_free(&b);
	return st;
}

/* ------------------------------------------------------------------- check */

struct check_out {
	enum transfer_format fmt;
	json_t *arr;
	int header;   /* the CSV's, once the check has been allowed */
};

static void check_header(struct check_out *o)
{
	if (o->fmt != FORMAT_CSV || o->header++)
		return;
	const char *h[] = { "entry_id", "date", "expert", "mandate", "reason" };
	csvout_row(stdout, h, 5);
}

static int check_row(void *ctx, const struct rate_billable *x, const struct rate_mandate_info *m,
	const struct priced *p, const char *why)
{
	struct check_out *o = ctx;
	if (p)
		return 0;
	const char *code = m ? m->mandate : "";
	if (o->fmt == FORMAT_JSON) {
		json_array_append_new(o->arr, json_pack("{s:I, s:s, s:s, s:s, s:s}",
			"entry_id", (json_int_t)x->entry_id,
			"date", x->work_date,
			"expert", x->expert,
			"mandate", code,
			"reason", why ? why : ""));
	} else if (o->fmt == FORMAT_CSV) {
		char id[24];
		check_header(o);
		snprintf(id, sizeof id, "%lld", (long long)x->entry_id);
		const char *f[] = { id, x->work_date, x->expert, code, why ? why : "" };
		csvout_row(stdout, f, 5);
	} else {
		printf(_("saisie #%lld  %s  %s  %s : %s\n"), (long long)x->entry_id, x->work_date, x->expert,
			m ? m->mandate : "?", why);
	}
	return 0;
}

static juste_status rate_check(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	char from[ISO_LEN] = "", to[ISO_LEN] = "";
	struct check_out out = { FORMAT_TABLE, NULL, 0 };
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate check", e)) != -1) {
		if (o == 'f')
			st = cli_opt_date("--from", optarg, from, e);
		else if (o == 't')
			st = cli_opt_date("--to", optarg, to, e);
		else if (o == 'F')
			st = transfer_format_parse(optarg, &out.fmt, e);
		else
			return JUSTE_EUSAGE;   /* cli_getopt said why */
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	long priced = 0, missing = 0;
	int64_t amount = 0;
	if (out.fmt == FORMAT_JSON)
		out.arr = json_array();
	/* the CSV's header with its first row, or after: nothing before a refusal */
	st = rates_price_range(c->app, from, to, check_row, &out, &priced, &missing, &amount, e);
	if (st) {
		json_decref(out.arr);
		return st;
	}
	check_header(&out);
	char m[MONEY_BUF];
	if (out.fmt == FORMAT_JSON)
		json_print(json_pack("{s:o, s:o, s:I, s:I, s:I, s:o}", "from", from[0] ? json_string(from) : json_null(),
			"to", to[0] ? json_string(to) : json_null(), "priced_entries", (json_int_t)priced,
			"unpriced_entries", (json_int_t)missing, "amount_cents", (json_int_t)amount, "unpriced", out.arr));
	/* the counts are the table's last line; with the CSV, on stderr */
	if (out.fmt != FORMAT_JSON)
		fprintf(out.fmt == FORMAT_CSV ? stderr : stdout,
			_("%ld saisies facturables à l'heure : %ld avec un taux (%s), %ld sans taux\n"), priced + missing, priced,
			money(amount, m), missing);
	if (missing)
		return err_set(e, JUSTE_EINVAL, N_("%ld saisies facturables sans taux : rien n'est jamais facturé à 0 ; "
			"importez une table ou négociez un taux"), missing);
	return JUSTE_OK;
}

/* ----------------------------------------------------------------- propose */

static void propose_table(const struct rates_proposal *p, const char *fyname)
{
	char a[MONEY_BUF], b[MONEY_BUF], c[MONEY_BUF], d[MONEY_BUF], h[32];
	const struct cost_result *r = &p->result;
	printf(_("Taux au juste coût, exercice %s (à partir du %s)\n\n"), fyname, p->from);
	out_cell(stdout, _("NIVEAU"), 14);
	const char *heads[] = { _("EFFECTIF"), _("HEURES"), _("COÛT CHARGÉ/H"), _("FRAIS GÉN./H"), _("EXCÉDENT/H"),
		_("TAUX PROPOSÉ") };
	const int widths[] = { -8, -8, -14, -13, -11, -13 };
	for (int i = 0; i < 6; i++) {
		fputs("  ", stdout);
		out_cell(stdout, heads[i], widths[i]);
	}
	putchar('\n');
	for (size_t i = 0; i < p->year.n; i++) {
		const struct cost_line *l = &p->lines[i];
		char hc[24], e[MONEY_BUF];
		snprintf(hc, sizeof hc, "%lld", (long long)p->year.levels[i].headcount);
		snprintf(h, sizeof h, "%lld", (long long)l->hours);
		out_cell(stdout, p->year.levels[i].code, 14);
		const char *cells[] = { hc, h, money(l->hourly_loaded_cents, a), money(l->hourly_overhead_cents, b),
			money(l->hourly_surplus_cents, c), money(l->rate_cents, e) };
		for (int k = 0; k < 6; k++) {
			fputs("  ", stdout);
			out_cell(stdout, cells[k], widths[k]);
		}
		putchar('\n');
	}
	char sign[MONEY_BUF + 1];
	snprintf(h, sizeof h, "%lld", (long long)r->hours);
	snprintf(sign, sizeof sign, "%s%s", r->rounding_cents > 0 ? "+" : "", money(r->rounding_cents, b));
	char m[6][MONEY_BUF];
	const struct { const char *label, *value, *note; } sums[] = {
		{ _("Heures facturables prévues"), h, NULL },
		{ _("Salaires et avantages sociaux"), money(r->loaded_cents, m[0]), NULL },
		{ _("Frais généraux"), money(p->year.overhead_cents, m[1]), NULL },
		{ _("Charges"), money(r->expenses_cents, m[2]), NULL },
		{ _("Excédent prévu"), money(p->year.surplus_cents, m[3]), NULL },
		{ _("Produits requis (charges + excédent)"), money(r->needed_cents, m[4]), NULL },
		{ _("Produits aux heures prévues"), money(r->products_cents, m[5]), _("heures × taux proposés, arrondis au cent") },
		{ _("Écart d'arrondi des taux au cent"), sign, _("au plus ½ cent par heure prévue") },
		{ _("Excédent projeté"), money(r->surplus_cents, c), NULL },
	};
	putchar('\n');
	for (size_t i = 0; i < sizeof sums / sizeof sums[0]; i++) {
		out_cell(stdout, sums[i].label, 38);
		out_cell(stdout, sums[i].value, -18);
		if (sums[i].note)
			printf("   (%s)", sums[i].note);
		putchar('\n');
	}
	if (p->table_in_force[0])
		printf(_("\nVariation par rapport à la table en vigueur le %s (« %s », depuis le %s)\n"), p->from,
			out_visible(p->table_in_force), p->table_from);
	else
		printf(_("\nAucune table de taux en vigueur le %s : pas de variation à montrer\n"), p->from);
	if (p->table_in_force[0]) {
		out_cell(stdout, _("SERVICE"), 10);
		fputs("  ", stdout);
		out_cell(stdout, _("CATÉGORIE"), 11);
		fputs("  ", stdout);
		out_cell(stdout, _("EN VIGUEUR"), -12);
		fputs("  ", stdout);
		out_cell(stdout, _("PROPOSÉ"), -12);
		fputs("  ", stdout);
		out_cell(stdout, _("VARIATION"), -10);
		putchar('\n');
		for (size_t i = 0; i < p->nchanges; i++) {
			const struct rates_change *ch = &p->changes[i];
			char pc[32];
			out_cell(stdout, ch->service, 10);
			fputs("  ", stdout);
			out_cell(stdout, vocab_category_word(ch->category), 11);
			fputs("  ", stdout);
			out_cell(stdout, ch->old_cents ? money(ch->old_cents, a) : "—", -12);
			fputs("  ", stdout);
			out_cell(stdout, money(ch->new_cents, d), -12);
			fputs("  ", stdout);
			out_cell(stdout, ch->old_cents ? percent_fr(costcalc_change_bp(ch->old_cents, ch->new_cents), pc, sizeof pc)
				: "—", -10);
			putchar('\n');
		}
	}
	if (p->uncovered[0])
		printf(_("\nServices sans niveau (une table adoptée n'aurait pas de taux pour eux) : %s\n"), p->uncovered);
}

static void propose_json(const struct rates_proposal *p, const char *fyname)
{
	const struct cost_result *r = &p->result;
	json_t *levels = json_array(), *changes = json_array();
	for (size_t i = 0; i < p->year.n; i++) {
		const struct cost_line *l = &p->lines[i];
		const struct cost_level *v = &p->year.levels[i];
		json_t *svc = json_array();
		for (int k = 0; k < p->year.nservices[i]; k++)
			json_array_append_new(svc, json_string(p->year.services[i][k]));
		json_array_append_new(levels, json_pack("{s:s, s:o, s:I, s:I, s:I, s:i, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			"level", v->code, "services", svc, "headcount", (json_int_t)v->headcount,
			"billable_minutes", (json_int_t)l->hours * 60, "salary_cents", (json_int_t)v->salary_cents,
			"benefits_rate_pcm", (int)v->benefits_rate, "loaded_cents", (json_int_t)l->loaded_cents,
			"overhead_cents", (json_int_t)l->overhead_cents, "surplus_cents", (json_int_t)l->surplus_cents,
			"cost_cents", (json_int_t)l->cost_cents, "hourly_loaded_cents", (json_int_t)l->hourly_loaded_cents,
			"hourly_overhead_cents", (json_int_t)l->hourly_overhead_cents,
			"hourly_surplus_cents", (json_int_t)l->hourly_surplus_cents, "rate_cents", (json_int_t)l->rate_cents,
			"products_cents", (json_int_t)l->products_cents,
			"minutes_per_expert", (json_int_t)v->hours_per_expert * 60));
	}
	for (size_t i = 0; i < p->nchanges; i++) {
		const struct rates_change *ch = &p->changes[i];
		json_array_append_new(changes, json_pack("{s:s, s:s, s:s, s:o, s:I, s:o}", "level",
			p->year.levels[ch->level].code, "service", ch->service, "category", vocab_category_word(ch->category),
			"old_rate_cents", ch->old_cents ? json_integer(ch->old_cents) : json_null(), "new_rate_cents", (json_int_t)ch->new_cents,
			"change_bp", ch->old_cents ? json_integer(costcalc_change_bp(ch->old_cents, ch->new_cents)) : json_null()));
	}
	json_t *uncovered = json_array();
	char list[sizeof p->uncovered], *save = NULL;
	snprintf(list, sizeof list, "%s", p->uncovered);
	for (char *t = strtok_r(list, " ", &save); t; t = strtok_r(NULL, " ", &save))
		json_array_append_new(uncovered, json_string(t));
	json_print(json_pack("{s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}",
		"fy", fyname, "from", p->from, "levels", levels, "billable_minutes", (json_int_t)r->hours * 60,
		"loaded_cents", (json_int_t)r->loaded_cents, "overhead_cents", (json_int_t)p->year.overhead_cents,
		"expenses_cents", (json_int_t)r->expenses_cents, "planned_surplus_cents", (json_int_t)p->year.surplus_cents,
		"needed_cents", (json_int_t)r->needed_cents, "products_cents", (json_int_t)r->products_cents,
		"rounding_cents", (json_int_t)r->rounding_cents, "surplus_cents", (json_int_t)r->surplus_cents,
		"table_in_force", p->table_in_force[0] ? json_string(p->table_in_force) : json_null(),
		"changes", changes, "uncovered_services", uncovered));
}

static juste_status rate_propose(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "fy", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'f' }, { "adopt", no_argument, NULL, 'a' },
		{ "name", required_argument, NULL, 'n' }, { "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 } };
	const char *fys = NULL, *name = NULL;
	char from[ISO_LEN] = "";
	int adopt = 0, o;
	enum transfer_format fmt = FORMAT_TABLE;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "rate propose", e)) != -1) {
		switch (o) {
		case 'y': fys = optarg; break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 'a': adopt = 1; break;
		case 'n': name = optarg; break;
		case 'F': st = transfer_format_parse(optarg, &fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (!fys || optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste rate propose --fy 2020-2021 [--from DATE] [--adopt] "
			"[--name NOM] [--format table|json]"));
	if (fmt == FORMAT_CSV)
		return err_set(e, JUSTE_EUSAGE, N_("rate propose : --format table ou json"));
	if (adopt && !from[0])
		return err_set(e, JUSTE_EUSAGE, N_("--adopt demande --from DATE : le jour où la nouvelle table entre en vigueur"));
	int fy;
	if ((st = fy_parse(fys, app_policy(c->app)->fy_start, &fy, e)))
		return err_prefix(e, "--fy : ");
	char fyname[16];
	fy_name(fy, app_policy(c->app)->fy_start, fyname, sizeof fyname);
	struct rates_proposal *p = calloc(1, sizeof *p);
	if (!p)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = rates_propose(c->app, fy, from, p, e);
	if (!st && adopt) {
		int64_t id = 0;
		st = rates_adopt(c->app, p, name, &id, e);
		if (!st && fmt == FORMAT_TABLE)
			printf(_("Table de taux #%lld adoptée : %zu taux, en vigueur à partir du %s\n\n"), (long long)id,
				p->nchanges, p->from);
	}
	if (!st) {
		if (fmt == FORMAT_JSON)
			propose_json(p, fyname);
		else
			propose_table(p, fyname);
	}
	rates_proposal_free(p);
	free(p);
	return st;
}

/* ------------------------------------------------------------------- rate */

juste_status cli_rate(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct {
		const char *name;
		juste_status (*fn)(struct cli *, int, char **, struct juste_err *);
	} subs[] = {
		{ "import", rate_import }, { "negotiate", rate_negotiate }, { "list", rate_list },
		{ "show", rate_show }, { "explain", rate_explain }, { "check", rate_check },
		{ "propose", rate_propose },
	};
	if (argc < 2)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste rate import|negotiate|list|show|explain|check|propose …"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0) {
			optind = 0;
			return subs[i].fn(c, argc - 1, argv + 1, e);
		}
	return err_set(e, JUSTE_EUSAGE, N_("sous-commande inconnue : %s (voir juste rate --help)"), argv[1]);
}

juste_status cli_cost(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	juste_status st = argc > 1 ? cli_no_options(argc - 1, argv + 1, "cost import", e) : JUSTE_OK;
	if (st)
		return st;
	if (argc != 3 || strcmp(argv[1], "import") != 0)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste cost import FICHIER.csv"));
	int fy;
	st = rates_cost_import(c->app, argv[2], &fy, e);
	if (st)
		return st;
	struct cost_year *y = calloc(1, sizeof *y);
	if (!y)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = rates_cost_year(c->app, fy, y, e);
	if (!st) {
		char name[16], a[MONEY_BUF], b[MONEY_BUF];
		fy_name(fy, app_policy(c->app)->fy_start, name, sizeof name);
		printf(_("Données de coûts %s importées : %zu niveaux, frais généraux %s, excédent prévu %s\n"), name, y->n,
			money(y->overhead_cents, a), money(y->surplus_cents, b));
	}
	free(y);
	return st;
}
