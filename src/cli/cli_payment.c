/*
 * cli_payment.c - juste payment add|list|void, juste receivables and juste
 * statement.  Thin: parsing and printing around the receivables use cases.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/text.h"
#include "juste/money.h"
#include "juste/outfile.h"
#include "juste/receivables.h"
#include "juste/mail.h"
#include "juste/statement_pdf.h"

enum fmt { FMT_TABLE, FMT_CSV, FMT_JSON };

static juste_status parse_fmt(const char *arg, enum fmt *out, struct juste_err *e)
{
	if (strcmp(arg, "table") == 0)
		*out = FMT_TABLE;
	else if (strcmp(arg, "csv") == 0)
		*out = FMT_CSV;
	else if (strcmp(arg, "json") == 0)
		*out = FMT_JSON;
	else
		return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv ou json)"), arg);
	return JUSTE_OK;
}

static void print_json(json_t *j)
{
	char *s = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
	puts(s ? s : "null");
	free(s);
	json_decref(j);
}

static juste_status opt_amount(const char *arg, int64_t *out, struct juste_err *e)
{
	if (money_parse(arg, out, e))
		return err_prefix(e, "--amount : ");
	if (*out <= 0)
		return err_set(e, JUSTE_EINVAL, N_("--amount : montant positif attendu (%s)"), arg);
	return JUSTE_OK;
}

/* ---------------------------------------------------------------- payment */

static juste_status payment_usage(struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage : juste payment add|list|void … (voir juste payment --help)"));
}

static juste_status add_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "amount", required_argument, NULL, 'a' }, { "date", required_argument, NULL, 'd' },
		{ "method", required_argument, NULL, 'm' }, { "ref", required_argument, NULL, 'r' },
		{ "client", required_argument, NULL, 'c' }, { NULL, 0, NULL, 0 } };
	struct payment_input in = { .method = PAYMENT_METHOD_CHEQUE };
	char date[11] = "";
	int o, have_amount = 0;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "payment add", e)) != -1) {
		switch (o) {
		case 'a': st = opt_amount(optarg, &in.amount_cents, e); have_amount = 1; break;
		case 'd': st = cli_opt_date("--date", optarg, date, e); break;
		case 'm':
			if (vocab_payment_method_parse(optarg, &in.method, e)) {
				e->code = JUSTE_EUSAGE;
				return err_prefix(e, "--method : ");
			}
			break;
		case 'r': in.reference = optarg; break;
		case 'c': in.client = optarg; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		in.invoice = argv[optind++];
	if (optind != argc || !have_amount || !date[0] || (!in.invoice) == (!in.client))
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste payment add FACTURE|--client CODE --amount MONTANT --date DATE "
			"[--method cheque|virement|depot|carte|autre] [--ref TEXTE]"));
	in.date = date;
	struct payment_added *r = malloc(sizeof *r);
	if (!r)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = receivables_payment_add(c->app, &in, r, e);
	if (!st) {
		char a[MONEY_BUF];
		printf(_("Paiement #%lld de %s reçu le %s de %s (%s)\n"), (long long)r->rec.id,
			money_format_lang(out_lang(), r->rec.amount_cents, a, sizeof a), r->rec.received_on, r->rec.client_code,
			vocab_payment_method_label(r->rec.method));
		for (size_t i = 0; i < r->napplied; i++)
			printf(_("  %s sur %s\n"), money_format_lang(out_lang(), r->applied[i].cents, a, sizeof a), r->applied[i].number);
		if (r->credit_cents)
			printf(_("  %s au crédit du client\n"), money_format_lang(out_lang(), r->credit_cents, a, sizeof a));
		if (r->client_credit_cents)
			printf(_("Crédit au compte de %s : %s\n"), r->rec.client_code,
				money_format_lang(out_lang(), r->client_credit_cents, a, sizeof a));
	}
	free(r);
	return st;
}

static juste_status void_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' }, { "date", required_argument, NULL, 'd' }, { NULL, 0, NULL, 0 } };
	const char *reason = NULL;
	char date[11] = "";
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "payment void", e)) != -1) {
		switch (o) {
		case 'r': reason = optarg; break;
		case 'd': st = cli_opt_date("--date", optarg, date, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind + 1 != argc || !reason)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste payment void ID --reason \"…\" [--date DATE]"));
	const char *arg = argv[optind];
	char *end;
	long long id = strtoll(arg[0] == '#' ? arg + 1 : arg, &end, 10);
	if (!*arg || *end || id <= 0)
		return err_set(e, JUSTE_EINVAL, N_("numéro de paiement invalide '%s'"), arg);
	struct payment_rec p;
	st = receivables_payment_void(c->app, id, reason, date[0] ? date : NULL, &p, e);
	if (!st) {
		char a[MONEY_BUF];
		printf(_("Paiement #%lld de %s (%s, %s) annulé le %s : %s\n"), (long long)p.id,
			money_format_lang(out_lang(), p.amount_cents, a, sizeof a), p.client_code, p.received_on, p.voided_on,
			out_visible(p.void_reason));
	}
	return st;
}

struct plist {
	enum fmt fmt;
	long n;
	int64_t sum;
	json_t *arr;
	int header;   /* the CSV's, once the listing has been allowed */
};

static void plist_header(struct plist *l)
{
	if (l->fmt != FMT_CSV || l->header++)
		return;
	const char *h[] = { "id", "uuid", "received_on", "client", "client_name", "invoice", "amount", "method",
		"reference", "voided_on", "void_reason" };
	csvout_row(stdout, h, 11);
}

static int on_payment(void *ctx, const struct payment_rec *p)
{
	struct plist *l = ctx;
	char a[MONEY_BUF], id[24];
	l->n++;
	if (!p->voided_on[0])
		l->sum += p->amount_cents;
	snprintf(id, sizeof id, "%lld", (long long)p->id);
	if (l->fmt == FMT_JSON) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(p->id));
		json_object_set_new(o, "uuid", json_string(p->uuid));
		json_object_set_new(o, "client", json_string(p->client_code));
		json_object_set_new(o, "client_name", json_string(p->client_name));
		json_object_set_new(o, "invoice", p->invoice_number[0] ? json_string(p->invoice_number) : json_null());
		json_object_set_new(o, "received_on", json_string(p->received_on));
		json_object_set_new(o, "amount_cents", json_integer(p->amount_cents));
		json_object_set_new(o, "method", json_string(vocab_payment_method_word(p->method)));
		json_object_set_new(o, "reference", json_string(p->reference));
		json_object_set_new(o, "voided_on", p->voided_on[0] ? json_string(p->voided_on) : json_null());
		json_object_set_new(o, "void_reason", json_string(p->void_reason));
		json_array_append_new(l->arr, o);
	} else if (l->fmt == FMT_CSV) {
		plist_header(l);
		const char *f[] = { id, p->uuid, p->received_on, p->client_code, p->client_name, p->invoice_number,
			money_format_plain(p->amount_cents, a, sizeof a), vocab_payment_method_word(p->method), p->reference,
			p->voided_on, p->void_reason };
		csvout_row(stdout, f, 11);
	} else {
		printf("#%-5s %s  ", id, p->received_on);
		out_cell(stdout, p->client_code, 10);
		fputs("  ", stdout);
		out_cell(stdout, p->invoice_number[0] ? p->invoice_number : _("au compte"), 14);
		fputs("  ", stdout);
		out_cell(stdout, money_format_lang(out_lang(), p->amount_cents, a, sizeof a), -14);
		fputs("  ", stdout);
		out_cell(stdout, vocab_payment_method_label(p->method), 16);
		fputs("  ", stdout);
		out_cell(stdout, p->reference, 20);
		if (p->voided_on[0])
			printf(_("  ANNULÉ le %s : %s"), p->voided_on, out_visible(p->void_reason));
		putchar('\n');
	}
	return 0;
}

static juste_status list_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "client", required_argument, NULL, 'c' }, { "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' }, { "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	struct receivables_filter f = { 0 };
	struct plist l = { 0 };
	char from[11] = "", to[11] = "";
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "payment list", e)) != -1) {
		switch (o) {
		case 'c': f.client = optarg; break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'F': st = parse_fmt(optarg, &l.fmt, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	f.from = from;
	f.to = to;
	if (l.fmt == FMT_JSON)
		l.arr = json_array();
	/* the CSV's header with the first row, or after: nothing before a refusal */
	st = receivables_payment_list(c->app, &f, on_payment, &l, e);
	if (!st)
		plist_header(&l);
	if (!st && l.fmt == FMT_JSON) {
		print_json(l.arr);
		l.arr = NULL;
	}
	json_decref(l.arr);
	if (!st && l.fmt == FMT_TABLE) {
		char a[MONEY_BUF];
		printf(ngettext("%ld paiement ; reçu (hors annulés) : %s\n", "%ld paiements ; reçu (hors annulés) : %s\n",
			(unsigned long)l.n), l.n, money_format_lang(out_lang(), l.sum, a, sizeof a));
	}
	return st;
}

juste_status cli_payment(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return payment_usage(e);
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return add_cmd(c, argc, argv, e);
	if (strcmp(sub, "list") == 0)
		return list_cmd(c, argc, argv, e);
	if (strcmp(sub, "void") == 0)
		return void_cmd(c, argc, argv, e);
	return err_set(e, JUSTE_EUSAGE, N_("sous-commande inconnue : %s (add, list, void)"), sub);
}

/* ------------------------------------------------------------ receivables */

#define AGE_W 14

struct rlist {
	enum fmt fmt;
	int detail;
	json_t *arr;
	int header;   /* the CSV's, once the listing has been allowed */
};

static void rlist_header(struct rlist *l)
{
	if (l->fmt == FMT_JSON || l->header++)
		return;
	if (l->fmt == FMT_TABLE) {
		out_cell(stdout, _("Client"), 35);
		for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
			fputs(" ", stdout);
			out_cell(stdout, _(payments_age_label((enum payments_age)k)), -AGE_W);
		}
		fputs(" ", stdout);
		out_cell(stdout, _("crédit"), -AGE_W);
		fputs(" ", stdout);
		out_cell(stdout, _("solde"), -AGE_W);
		putchar('\n');
		return;
	}
	if (l->detail) {
		const char *h[] = { "client", "client_name", "invoice", "issued_on", "due_on", "total", "net", "paid_amount", "open",
			"payment_state", "age", "days_late" };
		csvout_row(stdout, h, 12);
		return;
	}
	const char *h[PAYMENTS_AGE_COUNT + 5];
	int n = 0;
	h[n++] = "client";
	h[n++] = "client_name";
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		h[n++] = payments_age_word((enum payments_age)k);
	h[n++] = "open";
	h[n++] = "credit";
	h[n++] = "balance";
	csvout_row(stdout, h, n);
}

static void age_cells(const struct payments_ageing *a, int width)
{
	char m[MONEY_BUF];
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
		fputs(" ", stdout);
		out_cell(stdout, money_format_lang(out_lang(), a->by_age[k], m, sizeof m), -width);
	}
	fputs(" ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), a->credit_cents ? -a->credit_cents : 0, m, sizeof m), -width);
	fputs(" ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), a->balance_cents, m, sizeof m), -width);
	putchar('\n');
}

static json_t *ageing_json(const struct payments_ageing *a)
{
	json_t *o = json_object();
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++) {
		char key[48];
		snprintf(key, sizeof key, "%s_cents", payments_age_word((enum payments_age)k));
		json_object_set_new(o, key, json_integer(a->by_age[k]));
	}
	json_object_set_new(o, "open_cents", json_integer(a->open_cents));
	json_object_set_new(o, "credit_cents", json_integer(a->credit_cents));
	json_object_set_new(o, "balance_cents", json_integer(a->balance_cents));
	return o;
}

static void ageing_csv(const char *code, const char *name, const struct payments_ageing *a)
{
	char m[PAYMENTS_AGE_COUNT + 3][MONEY_BUF];
	const char *f[PAYMENTS_AGE_COUNT + 5];
	int n = 0;
	f[n++] = code;
	f[n++] = name;
	for (int k = 0; k < PAYMENTS_AGE_COUNT; k++)
		f[n++] = money_format_plain(a->by_age[k], m[k], sizeof m[k]);
	f[n++] = money_format_plain(a->open_cents, m[PAYMENTS_AGE_COUNT], sizeof m[0]);
	f[n++] = money_format_plain(a->credit_cents, m[PAYMENTS_AGE_COUNT + 1], sizeof m[0]);
	f[n++] = money_format_plain(a->balance_cents, m[PAYMENTS_AGE_COUNT + 2], sizeof m[0]);
	csvout_row(stdout, f, n);
}

static int on_client(void *ctx, const struct receivables_client *rc)
{
	struct rlist *l = ctx;
	if (l->fmt == FMT_JSON) {
		json_t *o = ageing_json(&rc->ageing);
		json_object_set_new(o, "client", json_string(rc->code));
		json_object_set_new(o, "client_name", json_string(rc->name));
		json_t *inv = json_array();
		for (size_t i = 0; i < rc->ninvoices; i++) {
			const struct receivables_invoice *r = &rc->invoices[i];
			json_t *j = json_object();
			json_object_set_new(j, "number", json_string(r->doc->number));
			json_object_set_new(j, "issued_on", json_string(r->doc->issued_on));
			json_object_set_new(j, "due_on", json_string(r->doc->due_on));
			json_object_set_new(j, "total_cents", json_integer(r->doc->total_cents));
			json_object_set_new(j, "net_cents", json_integer(r->net_cents));
			json_object_set_new(j, "paid_cents", json_integer(r->paid_cents));
			json_object_set_new(j, "open_cents", json_integer(r->open_cents));
			json_object_set_new(j, "payment_state", json_string(payments_state_word(r->state)));
			json_object_set_new(j, "age", json_string(payments_age_word(r->age)));
			json_object_set_new(j, "days_late", json_integer(r->days_late));
			json_array_append_new(inv, j);
		}
		json_object_set_new(o, "invoices", inv);
		json_array_append_new(l->arr, o);
		return 0;
	}
	rlist_header(l);
	if (l->fmt == FMT_CSV && !l->detail) {
		ageing_csv(rc->code, rc->name, &rc->ageing);
		return 0;
	}
	/* --detail in CSV: a row per open invoice, the JSON's invoices[] */
	for (size_t i = 0; l->fmt == FMT_CSV && i < rc->ninvoices; i++) {
		const struct receivables_invoice *r = &rc->invoices[i];
		char m[4][MONEY_BUF], late[24];
		snprintf(late, sizeof late, "%d", r->days_late);
		const char *f[] = { rc->code, rc->name, r->doc->number, r->doc->issued_on, r->doc->due_on,
			money_format_plain(r->doc->total_cents, m[0], sizeof m[0]), money_format_plain(r->net_cents, m[1], sizeof m[1]),
			money_format_plain(r->paid_cents, m[2], sizeof m[2]), money_format_plain(r->open_cents, m[3], sizeof m[3]),
			payments_state_word(r->state), payments_age_word(r->age), late };
		csvout_row(stdout, f, 12);
	}
	if (l->fmt == FMT_CSV)
		return 0;
	out_cell(stdout, rc->code, 10);
	fputs(" ", stdout);
	out_cell(stdout, rc->name, 24);
	age_cells(&rc->ageing, AGE_W);
	for (size_t i = 0; l->detail && i < rc->ninvoices; i++) {
		const struct receivables_invoice *r = &rc->invoices[i];
		char t[MONEY_BUF], p[MONEY_BUF], o[MONEY_BUF];
		printf(_("    %-14s émise %s  échéance %s  total %s  payé %s  reste %s  %s"), r->doc->number,
			r->doc->issued_on, r->doc->due_on, money_format_lang(out_lang(), r->net_cents, t, sizeof t),
			money_format_lang(out_lang(), r->paid_cents, p, sizeof p), money_format_lang(out_lang(), r->open_cents, o, sizeof o),
			_(payments_state_label(r->state)));
		if (r->days_late)
			printf(ngettext(" (%d jour de retard)", " (%d jours de retard)", (unsigned long)r->days_late), r->days_late);
		putchar('\n');
	}
	return 0;
}

juste_status cli_receivables(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' }, { "format", required_argument, NULL, 'F' },
		{ "detail", no_argument, NULL, 'D' }, { NULL, 0, NULL, 0 } };
	struct rlist l = { 0 };
	char at[11] = "";
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "receivables", e)) != -1) {
		switch (o) {
		case 'a': st = cli_opt_date("--at", optarg, at, e); break;
		case 'F': st = parse_fmt(optarg, &l.fmt, e); break;
		case 'D': l.detail = 1; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	/* the header with the first client, or after: nothing before a refusal */
	if (l.fmt == FMT_JSON)
		l.arr = json_array();
	struct payments_ageing total;
	st = receivables_ageing(c->app, at[0] ? at : NULL, on_client, &l, &total, e);
	if (st) {
		json_decref(l.arr);
		return st;
	}
	rlist_header(&l);
	if (l.fmt == FMT_JSON) {
		json_t *root = json_object();
		json_object_set_new(root, "clients", l.arr);
		json_object_set_new(root, "total", ageing_json(&total));
		print_json(root);
	} else if (l.fmt == FMT_CSV) {
		/* no summary row among the data: the total for the reader, on stderr */
		char b[MONEY_BUF], o[MONEY_BUF], cr[MONEY_BUF];
		enum text_lang tl = text_lang_of(i18n_language());
		fprintf(stderr, _("total : ouvert %s, crédit %s, solde %s\n"), money_format_lang(tl, total.open_cents, o, sizeof o),
			money_format_lang(tl, total.credit_cents, cr, sizeof cr), money_format_lang(tl, total.balance_cents, b, sizeof b));
	} else {
		out_cell(stdout, _("Total"), 35);
		age_cells(&total, AGE_W);
	}
	return JUSTE_OK;
}

/* -------------------------------------------------------------- statement */

/* The statement is the client's document: written in its language
 * (i18n_document_begin), whatever the screen's. */
static void statement_text(const struct statement *s)
{
	struct i18n_scope scope;
	enum text_lang lang = i18n_document_begin(s->client.language, &scope);
	char a[MONEY_BUF], b[MONEY_BUF], x[MONEY_BUF];
	printf(_("RELEVÉ DE COMPTE — %s (%s)\n"), out_visible(s->client.name), s->client.code);
	printf(_("Du %s au %s\n\n"), s->from, s->at);
	printf(_("Solde au début : %s\n"), money_format_lang(lang, s->opening_cents, a, sizeof a));
	for (size_t i = 0; i < s->nlines; i++) {
		const struct statement_line *l = &s->lines[i];
		printf("%s  ", l->date);
		out_cell(stdout, receivables_statement_kind_label(l->kind), 16);
		fputs("  ", stdout);
		out_cell(stdout, l->ref, 14);
		fputs("  ", stdout);
		out_cell(stdout, l->memo, 28);
		fputs("  ", stdout);
		out_cell(stdout, l->debit_cents ? money_format_lang(lang, l->debit_cents, a, sizeof a) : "", -14);
		fputs("  ", stdout);
		out_cell(stdout, l->credit_cents ? money_format_lang(lang, l->credit_cents, b, sizeof b) : "", -14);
		fputs("  ", stdout);
		out_cell(stdout, money_format_lang(lang, l->balance_cents, x, sizeof x), -14);
		putchar('\n');
	}
	printf(_("Solde au %s : %s\n"), s->at, money_format_lang(lang, s->closing_cents, a, sizeof a));
	if (s->open.ninvoices) {
		printf(_("\nFactures ouvertes :\n"));
		for (size_t i = 0; i < s->open.ninvoices; i++) {
			const struct receivables_invoice *r = &s->open.invoices[i];
			printf(_("  %-14s échéance %s  reste %s  %s\n"), r->doc->number, r->doc->due_on,
				money_format_lang(lang, r->open_cents, a, sizeof a), _(payments_age_label(r->age)));
		}
	}
	if (s->open.ageing.credit_cents)
		printf(_("Crédit au compte : %s\n"), money_format_lang(lang, s->open.ageing.credit_cents, a, sizeof a));
	i18n_document_end(&scope);
}

juste_status cli_statement(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' }, { "from", required_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' }, { "output", required_argument, NULL, 'o' },
		{ "send", no_argument, NULL, 'S' }, { "again", no_argument, NULL, 'A' }, { NULL, 0, NULL, 0 } };
	char at[11] = "", from[11] = "";
	const char *fmt = "text", *out = NULL;
	bool send = false, again = false, fmt_given = false;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "o:", opts, "statement", e)) != -1) {
		switch (o) {
		case 'a': st = cli_opt_date("--at", optarg, at, e); break;
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 'F': fmt = optarg; fmt_given = true; break;
		case 'o': out = optarg; break;
		case 'S': send = true; break;
		case 'A': again = true; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (strcmp(fmt, "text") && strcmp(fmt, "pdf"))
		return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (text ou pdf)"), fmt);
	if (optind + 1 != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste statement CLIENT [--from DATE] [--at DATE] [--format text|pdf] [-o FICHIER]"));
	if (out && strcmp(fmt, "text") == 0)
		return err_set(e, JUSTE_EUSAGE, N_("-o s'applique au format pdf"));
	if (send && (fmt_given || out))
		return err_set(e, JUSTE_EUSAGE, N_("--send envoie le PDF par courriel : sans --format ni -o"));
	if (again && !send)
		return err_set(e, JUSTE_EUSAGE, N_("--again s'applique à --send"));
	if (send) {
		struct mail_run run;
		st = mail_send_statement(c->app, argv[optind], from[0] ? from : NULL, at[0] ? at : NULL, again,
			cli_mail_outcome, NULL, &run, e);
		return cli_mail_finish(st, &run, e);
	}
	struct statement s;
	st = receivables_statement(c->app, argv[optind], from[0] ? from : NULL, at[0] ? at : NULL, &s, e);
	if (st)
		return st;
	if (strcmp(fmt, "pdf") == 0) {
		char path[4096];
		if (out)
			snprintf(path, sizeof path, "%s", out);
		else
			snprintf(path, sizeof path, _("releve-%s-%s.pdf"), s.client.code, s.at);
		st = statement_pdf_write(app_policy(c->app), &s, path, e);
		statement_pdf_shutdown();
		if (!st)
			printf(_("%s écrit\n"), path);
	} else {
		statement_text(&s);
	}
	receivables_statement_free(&s);
	return st;
}
