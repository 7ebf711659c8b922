/*
 * cli_invoice.c - juste invoice draft|issue|credit|list|show|pdf|journal|
 * increment.  Thin: parsing and printing around the invoicing use cases.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/outfile.h"
#include "juste/duration.h"
#include "juste/i18n.h"
#include "juste/invoice_pdf.h"
#include "juste/mail.h"
#include "juste/invoicing.h"
#include "juste/money.h"
#include "juste/tax.h"

static juste_status usage(struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice draft|issue|credit|list|show|pdf|journal|increment|send|sent … (voir juste invoice --help)"));
}

/* Prints each line of a multi-line text with a prefix. */
static void print_lines(const char *prefix, const char *text)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);
		char part[1024];
		snprintf(part, sizeof part, "%.*s", len, p);
		printf("%s%s\n", prefix, out_visible(part));
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* Each blocker of a draft, in words, with a prefix. */
static void print_blockers(const char *prefix, const struct invoice_rec *r)
{
	char buf[512];
	for (int i = 0; i < r->nblockers; i++)
		printf("%s%s\n", prefix, invoice_blocker_text(r, &r->blockers[i], buf, sizeof buf));
}

/* "créditée en partie (NC2020-0001)": where an issued invoice stands. */
static char *state_text(const struct invoice_rec *r, char *buf, size_t n)
{
	snprintf(buf, n, "%s", vocab_invoice_state_label(invoice_state(r)));
	for (int i = 0; i < r->ncredits && i < INVOICE_CREDITS_MAX; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", i ? ", " : " (", r->credit_numbers[i]);
	}
	if (r->ncredits > INVOICE_CREDITS_MAX)
		snprintf(buf + strlen(buf), n - strlen(buf), ", …");
	if (r->ncredits)
		snprintf(buf + strlen(buf), n - strlen(buf), ")");
	return buf;
}

static void print_summary_row(const struct invoice_rec *r)
{
	char sub[MONEY_BUF], tot[MONEY_BUF], label[64];
	if (r->number[0])
		snprintf(label, sizeof label, "%s", r->number);
	else
		snprintf(label, sizeof label, r->nblockers ? _("RETENU #%lld") : _("brouillon #%lld"), (long long)r->id);
	out_cell(stdout, label, 16);
	fputs("  ", stdout);
	out_cell(stdout, r->client_code, 10);
	fputs("  ", stdout);
	out_cell(stdout, r->client_name, 32);
	fputs("  ", stdout);
	char lines[32];
	snprintf(lines, sizeof lines, ngettext("%d ligne", "%d lignes", (unsigned long)r->line_count), r->line_count);
	out_cell(stdout, lines, -10);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.subtotal_cents, sub, sizeof sub), -16);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.total_cents, tot, sizeof tot), -16);
	if (vocab_invoice_status_final(r->status)) {
		char st[INVOICE_CREDITS_MAX * INVOICE_NUMBER_LEN + 64];
		printf("  %s", state_text(r, st, sizeof st));
	}
	if (r->tax_exempt_reason[0])
		fputs(r->tax_regime == TAX_REGIME_DETAXE ? _("  détaxé") : _("  exonéré"), stdout);
	putchar('\n');
	print_blockers(_("    à corriger : "), r);
	if (r->warnings[0])
		print_lines(_("    attention : "), r->warnings);
}

static int on_run_row(void *ctx, const struct invoice_rec *r)
{
	(void)ctx;
	print_summary_row(r);
	return 0;
}

static juste_status month_cmd(struct cli *c, int argc, char **argv, int issue, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' }, { "date", required_argument, NULL, 'd' },
		{ "early", no_argument, NULL, 'E' }, { NULL, 0, NULL, 0 } };
	const char *org = NULL;
	char date[11] = "";
	int o, early = 0;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, issue ? "invoice issue" : "invoice draft", e)) != -1) {
		switch (o) {
		case 'o': org = optarg; break;
		case 'd':
			if (!issue)
				return usage(e);
			st = cli_opt_date("--date", optarg, date, e);
			break;
		case 'E':
			if (!issue)
				return err_set(e, JUSTE_EUSAGE, N_("--early s'applique à invoice issue"));
			early = 1;
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind + 1 != argc)
		return err_set(e, JUSTE_EUSAGE, issue ? N_("usage : juste invoice issue MOIS [--org CODE] [--date DATE] [--early]")
			: N_("usage : juste invoice draft MOIS [--org CODE]"));
	struct invoicing_run run;
	char tot[MONEY_BUF], sub[MONEY_BUF];
	if (!issue) {
		st = invoicing_draft(c->app, argv[optind], org, on_run_row, NULL, &run, e);
		if (st)
			return st;
		printf(_("%d brouillons pour %s (%d retenus), %ld saisies dont %d en retard ; sous-total %s, total %s\n"),
			run.drafts, run.period, run.held, run.entries, run.late,
			money_format_lang(out_lang(), run.subtotal_cents, sub, sizeof sub), money_format_lang(out_lang(), run.total_cents, tot, sizeof tot));
		return JUSTE_OK;
	}
	st = invoicing_issue(c->app, argv[optind], org, date[0] ? date : NULL, early, on_run_row, NULL, &run, e);
	if (st)
		return st;
	printf(_("%d factures émises pour %s ; sous-total %s, total %s"), run.issued, run.period,
		money_format_lang(out_lang(), run.subtotal_cents, sub, sizeof sub), money_format_lang(out_lang(), run.total_cents, tot, sizeof tot));
	if (run.held)
		printf(_(" ; %d retenues : voir « à corriger »"), run.held);
	putchar('\n');
	return JUSTE_OK;
}

static juste_status credit_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' }, { "amount", required_argument, NULL, 'a' },
		{ "date", required_argument, NULL, 'd' }, { NULL, 0, NULL, 0 } };
	const char *reason = NULL;
	int64_t amount = 0;
	char date[11] = "";
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "invoice credit", e)) != -1) {
		switch (o) {
		case 'r': reason = optarg; break;
		case 'a':
			st = money_parse(optarg, &amount, e);
			if (st)
				return err_prefix(e, "--amount : ");
			if (amount <= 0)
				return err_set(e, JUSTE_EINVAL, N_("--amount : montant positif attendu, avant taxes (%s)"), optarg);
			break;
		case 'd': st = cli_opt_date("--date", optarg, date, e); break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind + 1 != argc || !reason)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice credit NUMÉRO --reason \"…\" [--amount 120.00] [--date DATE]"));
	struct invoice_rec *r = malloc(sizeof *r);
	if (!r)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	st = invoicing_credit(c->app, argv[optind], reason, amount, date[0] ? date : NULL, r, e);
	if (!st) {
		char sub[MONEY_BUF], tot[MONEY_BUF], taxes[256] = "";
		struct invoice_tax t[2];
		size_t nt = tax_lines(r->tax_regime, r->tps_rate, r->tvq_rate, &r->amounts, t);
		for (size_t i = 0; i < nt; i++) {
			char name[64], a[MONEY_BUF];
			size_t len = strlen(taxes);
			snprintf(taxes + len, sizeof taxes - len, ", %s %s", tax_name(t[i].tax, t[i].rate, name, sizeof name),
				money_format_lang(out_lang(), t[i].amount_cents, a, sizeof a));
		}
		printf(_("Note de crédit %s émise le %s sur %s (%s) : sous-total %s%s, total %s\n"),
			r->number, r->issued_on, r->credited_number, r->credit_full ? _("complète") : _("partielle"),
			money_format_lang(out_lang(), r->amounts.subtotal_cents, sub, sizeof sub), taxes,
			money_format_lang(out_lang(), r->amounts.total_cents, tot, sizeof tot));
		if (r->credit_full)
			printf(_("Les saisies de %s peuvent être facturées de nouveau.\n"), r->credited_number);
	}
	free(r);
	return st;
}

/* ------------------------------------------------------------------- list */

struct list_ctx {
	int fmt;   /* 0 table, 1 csv, 2 json */
	long n;
	json_t *arr;
};

/* The CSV header, with the first row or at the end: nothing before a refusal. */
static void list_header(const struct list_ctx *l)
{
	if (l->fmt == 1 && l->n == 0) {
		const char *h[] = { "id", "number", "kind", "status", "period", "issued_on", "due_on", "client",
			"client_name", "subtotal", "tps", "tvq", "total", "credits_invoice", "state", "paid_amount", "open" };
		csvout_row(stdout, h, 17);
	}
}

static json_t *rec_json(const struct invoice_rec *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "uuid", json_string(r->uuid));
	json_object_set_new(o, "kind", json_string(vocab_invoice_kind_word(r->kind)));
	json_object_set_new(o, "status", json_string(vocab_invoice_status_word(r->status)));
	json_object_set_new(o, "number", r->number[0] ? json_string(r->number) : json_null());
	json_object_set_new(o, "client", json_string(r->client_code));
	json_object_set_new(o, "client_name", json_string(r->client_name));
	json_object_set_new(o, "client_address", json_string(r->client_address));
	json_object_set_new(o, "period", json_string(r->period));
	json_object_set_new(o, "issued_on", r->issued_on[0] ? json_string(r->issued_on) : json_null());
	json_object_set_new(o, "due_on", r->due_on[0] ? json_string(r->due_on) : json_null());
	json_object_set_new(o, "payment_terms", json_string(r->payment_terms));
	json_object_set_new(o, "tps_rate_pcm", json_integer(r->tps_rate));
	json_object_set_new(o, "tvq_rate_pcm", json_integer(r->tvq_rate));
	json_object_set_new(o, "subtotal_cents", json_integer(r->amounts.subtotal_cents));
	json_object_set_new(o, "tps_cents", json_integer(r->amounts.tps_cents));
	json_object_set_new(o, "tvq_cents", json_integer(r->amounts.tvq_cents));
	json_object_set_new(o, "total_cents", json_integer(r->amounts.total_cents));
	json_object_set_new(o, "tax_exempt", json_boolean(r->tax_exempt_reason[0] != '\0'));
	json_object_set_new(o, "tax_exempt_reason", json_string(r->tax_exempt_reason));
	json_object_set_new(o, "credits_invoice", r->credited_number[0] ? json_string(r->credited_number) : json_null());
	json_object_set_new(o, "credit_reason", json_string(r->credit_reason));
	json_object_set_new(o, "credit_full", json_boolean(r->credit_full));
	json_object_set_new(o, "credited_cents", json_integer(r->credited_cents));
	json_object_set_new(o, "fully_credited", json_boolean(r->fully_credited));
	json_object_set_new(o, "reprints", json_integer(r->reprints));
	json_object_set_new(o, "line_count", json_integer(r->line_count));
	json_object_set_new(o, "warnings", json_string(r->warnings));
	json_t *bl = json_array();
	for (int i = 0; i < r->nblockers; i++) {
		const struct invoice_blocker *b = &r->blockers[i];
		char text[512];
		json_t *j = json_object();
		json_object_set_new(j, "kind", json_string(vocab_blocker_word(b->kind)));
		json_object_set_new(j, "mandate", b->mandate[0] ? json_string(b->mandate) : json_null());
		json_object_set_new(j, "entry_id", b->entry ? json_integer(b->entry) : json_null());
		json_object_set_new(j, "date", b->date[0] ? json_string(b->date) : json_null());
		json_object_set_new(j, "count", json_integer(b->count));
		json_object_set_new(j, "message", json_string(invoice_blocker_text(r, b, text, sizeof text)));
		json_array_append_new(bl, j);
	}
	json_object_set_new(o, "blockers", bl);
	/* where it stands, and its taxes by name and rate (DOMAIN.md) */
	json_object_set_new(o, "state", json_string(vocab_invoice_state_word(invoice_state(r))));
	json_object_set_new(o, "paid_cents", json_integer(r->paid_cents));
	json_object_set_new(o, "open_cents", json_integer(r->open_cents));
	json_t *cn = json_array();
	for (int i = 0; i < r->ncredits && i < INVOICE_CREDITS_MAX; i++)
		json_array_append_new(cn, json_string(r->credit_numbers[i]));
	json_object_set_new(o, "credit_notes", cn);
	json_object_set_new(o, "tax_regime", json_string(vocab_tax_regime_word(r->tax_regime)));
	json_object_set_new(o, "place_of_supply", json_string(r->place_of_supply));
	json_t *tx = json_array();
	struct invoice_tax t[2];
	size_t nt = tax_lines(r->tax_regime, r->tps_rate, r->tvq_rate, &r->amounts, t);
	for (size_t i = 0; i < nt; i++) {
		char name[64];
		json_t *j = json_object();
		json_object_set_new(j, "tax", json_string(vocab_tax_word(t[i].tax)));
		json_object_set_new(j, "rate_pcm", json_integer(t[i].rate));   /* 5 % = 5000, as tps_rate_pcm */
		json_object_set_new(j, "label", json_string(tax_name(t[i].tax, t[i].rate, name, sizeof name)));
		json_object_set_new(j, "amount_cents", json_integer(t[i].amount_cents));
		json_array_append_new(tx, j);
	}
	json_object_set_new(o, "taxes", tx);
	return o;
}

static int on_list(void *ctx, const struct invoice_rec *r)
{
	struct list_ctx *l = ctx;
	list_header(l);
	l->n++;
	if (l->fmt == 2) {
		json_array_append_new(l->arr, rec_json(r));
	} else if (l->fmt == 1) {
		char id[24], sub[MONEY_BUF], tps[MONEY_BUF], tvq[MONEY_BUF], tot[MONEY_BUF], paid[MONEY_BUF],
			open[MONEY_BUF];
		snprintf(id, sizeof id, "%lld", (long long)r->id);
		const char *f[] = { id, r->number, vocab_invoice_kind_word(r->kind), vocab_invoice_status_word(r->status),
			r->period, r->issued_on, r->due_on, r->client_code,
			r->client_name, money_format_plain(r->amounts.subtotal_cents, sub, sizeof sub),
			money_format_plain(r->amounts.tps_cents, tps, sizeof tps),
			money_format_plain(r->amounts.tvq_cents, tvq, sizeof tvq),
			money_format_plain(r->amounts.total_cents, tot, sizeof tot), r->credited_number,
			vocab_invoice_state_word(invoice_state(r)), money_format_plain(r->paid_cents, paid, sizeof paid),
			money_format_plain(r->open_cents, open, sizeof open) };
		csvout_row(stdout, f, 17);
	} else {
		print_summary_row(r);
	}
	return 0;
}

static juste_status list_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "month", required_argument, NULL, 'm' }, { "org", required_argument, NULL, 'o' },
		{ "status", required_argument, NULL, 's' }, { "kind", required_argument, NULL, 'k' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	struct invoice_filter f = { 0 };
	enum invoice_status status;
	enum invoice_kind kind;
	struct list_ctx l = { 0 };
	char period[PERIOD_LEN];
	int o;
	while ((o = cli_getopt(argc, argv, "", opts, "invoice list", e)) != -1) {
		switch (o) {
		case 'm':
			if (invoice_period_parse(optarg, period, NULL, NULL, e))
				return err_prefix(e, "--month : ");
			f.period = period;
			break;
		case 'o': f.client = optarg; break;
		case 's':
			if (vocab_invoice_status_parse(optarg, &status, e)) {
				e->code = JUSTE_EUSAGE;
				return err_prefix(e, "--status : ");
			}
			f.status = &status;
			break;
		case 'k':
			if (vocab_invoice_kind_parse(optarg, &kind, e)) {
				e->code = JUSTE_EUSAGE;
				return err_prefix(e, "--kind : ");
			}
			f.kind = &kind;
			break;
		case 'F':
			if (strcmp(optarg, "table") == 0)
				l.fmt = 0;
			else if (strcmp(optarg, "csv") == 0)
				l.fmt = 1;
			else if (strcmp(optarg, "json") == 0)
				l.fmt = 2;
			else
				return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv ou json)"), optarg);
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (l.fmt == 2)
		l.arr = json_array();
	juste_status st = invoicing_list(c->app, &f, on_list, &l, e);
	if (!st)
		list_header(&l);
	if (!st && l.fmt == 2) {
		char *s = json_dumps(l.arr, JSON_INDENT(2));
		puts(s ? s : "[]");
		free(s);
	}
	json_decref(l.arr);
	if (!st && l.fmt == 0)
		printf(ngettext("%ld facture\n", "%ld factures\n", (unsigned long)l.n), l.n);
	return st;
}

/* ------------------------------------------------------------------- show */

/* Label and amount aligned by display width (NBSPs are 2 bytes). */
static void total_row(const char *label, int64_t cents)
{
	char a[MONEY_BUF];
	out_cell(stdout, label, 60);
	out_cell(stdout, money_format_lang(out_lang(), cents, a, sizeof a), -32);
	putchar('\n');
}

static void show_text(const struct invoice_doc *d)
{
	const struct invoice_rec *r = &d->rec;
	char a[MONEY_BUF], h[DURATION_BUF];
	int credit = vocab_invoice_kind_credit(r->kind);
	printf("%s %s\n", credit ? _("NOTE DE CRÉDIT") : _("FACTURE"), r->number[0] ? r->number : _("BROUILLON"));
	if (!r->number[0])
		printf(_("Brouillon #%lld (non émis)\n"), (long long)r->id);
	printf(_("Client : %s — %s\n"), r->client_code, out_visible(r->client_name));
	print_lines(_("         "), r->client_address[0] ? r->client_address : "—");
	printf(_("Période : %s"), r->period);
	if (r->issued_on[0])
		printf(_("   Émise le : %s"), r->issued_on);
	if (r->due_on[0] && !credit)
		printf(_("   Échéance : %s"), r->due_on);
	putchar('\n');
	if (credit)
		printf(_("Corrige la facture %s (%s) — raison : %s\n"), r->credited_number,
			r->credit_full ? _("annulation complète") : _("crédit partiel"), out_visible(r->credit_reason));
	putchar('\n');
	for (size_t i = 0; i < d->nlines; i++) {
		const struct invoice_line_rec *l = &d->lines[i];
		printf("%2d  ", l->pos);
		char desc[NOTE_LEN + CODE_LEN + 8];
		if (l->mandate_code[0])
			snprintf(desc, sizeof desc, "%s %s", l->mandate_code, vocab_line_kind_hourly(l->kind) ? l->mandate_title : l->description);
		else
			snprintf(desc, sizeof desc, "%s", l->description);
		out_cell(stdout, desc, 44);
		fputs("  ", stdout);
		char qty[64] = "";
		if (vocab_line_kind_hourly(l->kind)) {
			char rate[MONEY_BUF];
			/* hours and minutes, so that the product is the amount */
			snprintf(qty, sizeof qty, _("%s × %s/h"), duration_format(l->billed_minutes, h, sizeof h),
				money_format_lang(out_lang(), l->rate_cents, rate, sizeof rate));
		} else if (vocab_line_kind_monthly(l->kind)) {
			snprintf(qty, sizeof qty, "%s", vocab_line_kind_label(l->kind));
		}
		out_cell(stdout, qty, 26);
		fputs("  ", stdout);
		out_cell(stdout, money_format_lang(out_lang(), l->amount_cents, a, sizeof a), -16);
		putchar('\n');
		if (l->experts[0] || l->first_date[0])
			printf(_("      %s ; %s au %s\n"), out_visible(l->experts), l->first_date, l->last_date);
	}
	char label[64];
	putchar('\n');
	total_row(_("Sous-total"), r->amounts.subtotal_cents);
	struct invoice_tax t[2];
	size_t nt = tax_lines(r->tax_regime, r->tps_rate, r->tvq_rate, &r->amounts, t);
	for (size_t i = 0; i < nt; i++)
		total_row(tax_name(t[i].tax, t[i].rate, label, sizeof label), t[i].amount_cents);
	total_row(_("Total"), r->amounts.total_cents);
	if (r->tax_exempt_reason[0])
		printf("%s\n", out_visible(r->tax_exempt_reason));
	if (!credit)
		printf(_("Conditions de paiement : %s\n"), out_visible(r->payment_terms));
	if (vocab_invoice_status_final(r->status) && !credit) {
		char st[INVOICE_CREDITS_MAX * INVOICE_NUMBER_LEN + 64];
		printf(_("État : %s\n"), state_text(r, st, sizeof st));
		if (r->payments_known && r->paid_cents > 0) {
			char p[MONEY_BUF];
			printf(_("Payé : %s ; reste à payer : %s\n"), money_format_lang(out_lang(), r->paid_cents, p, sizeof p),
				money_format_lang(out_lang(), r->open_cents, a, sizeof a));
		}
	}
	if (r->credited_cents)
		printf(_("Crédité : %s%s\n"), money_format_lang(out_lang(), r->credited_cents, a, sizeof a),
			r->fully_credited ? _(" (entièrement)") : "");
	print_blockers(_("À corriger : "), r);
	if (r->warnings[0])
		print_lines(_("Attention : "), r->warnings);
	if (d->nentries) {
		printf(_("\nDétail des saisies (%zu) :\n"), d->nentries);
		for (size_t i = 0; i < d->nentries; i++) {
			const struct invoice_entry_rec *x = &d->entries[i];
			char lg[DURATION_BUF], bl[DURATION_BUF];
			printf("  %s  ", x->work_date);
			out_cell(stdout, x->expert_login, 12);
			fputs("  ", stdout);
			out_cell(stdout, x->mandate_code, 12);
			printf(_("  %7s  facturé %7s  "), duration_format(x->logged_minutes, lg, sizeof lg),
				duration_format(x->billed_minutes, bl, sizeof bl));
			if (x->late)
				fputs(_("[en retard] "), stdout);
			printf("%s\n", out_visible(x->note));
		}
	}
}

static json_t *doc_json(const struct invoice_doc *d)
{
	json_t *o = rec_json(&d->rec);
	json_t *lines = json_array(), *entries = json_array();
	for (size_t i = 0; i < d->nlines; i++) {
		const struct invoice_line_rec *l = &d->lines[i];
		json_t *j = json_object();
		json_object_set_new(j, "pos", json_integer(l->pos));
		json_object_set_new(j, "kind", json_string(vocab_line_kind_word(l->kind)));
		json_object_set_new(j, "mandate", l->mandate_code[0] ? json_string(l->mandate_code) : json_null());
		json_object_set_new(j, "mandate_title", json_string(l->mandate_title));
		json_object_set_new(j, "description", json_string(l->description));
		json_object_set_new(j, "experts", json_string(l->experts));
		json_object_set_new(j, "first_date", l->first_date[0] ? json_string(l->first_date) : json_null());
		json_object_set_new(j, "last_date", l->last_date[0] ? json_string(l->last_date) : json_null());
		json_object_set_new(j, "rate_cents", l->rate_cents ? json_integer(l->rate_cents) : json_null());
		json_object_set_new(j, "logged_minutes", json_integer(l->logged_minutes));
		json_object_set_new(j, "billed_minutes", json_integer(l->billed_minutes));
		json_object_set_new(j, "amount_cents", json_integer(l->amount_cents));
		json_array_append_new(lines, j);
	}
	for (size_t i = 0; i < d->nentries; i++) {
		const struct invoice_entry_rec *x = &d->entries[i];
		json_t *j = json_object();
		json_object_set_new(j, "entry_id", json_integer(x->entry_id));
		json_object_set_new(j, "line", json_integer(x->line_pos));
		json_object_set_new(j, "date", json_string(x->work_date));
		json_object_set_new(j, "expert", json_string(x->expert_login));
		json_object_set_new(j, "expert_name", json_string(x->expert_name));
		json_object_set_new(j, "mandate", json_string(x->mandate_code));
		json_object_set_new(j, "logged_minutes", json_integer(x->logged_minutes));
		json_object_set_new(j, "billed_minutes", json_integer(x->billed_minutes));
		json_object_set_new(j, "late", json_boolean(x->late));
		json_object_set_new(j, "note", json_string(x->note));
		json_array_append_new(entries, j);
	}
	json_object_set_new(o, "lines", lines);
	json_object_set_new(o, "entries", entries);
	return o;
}

static juste_status show_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' }, { "output", required_argument, NULL, 'O' },
		{ "detail", no_argument, NULL, 'D' }, { "no-detail", no_argument, NULL, 'N' }, { NULL, 0, NULL, 0 } };
	const char *fmt = "text", *out = NULL;
	int o, detail = INVOICING_DETAIL_CLIENT;
	while ((o = cli_getopt(argc, argv, "o:", opts, "invoice show", e)) != -1) {
		switch (o) {
		case 'F': fmt = optarg; break;
		case 'o':
		case 'O': out = optarg; break;
		case 'D': detail = 1; break;
		case 'N': detail = 0; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "pdf"))
		return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (text, json ou pdf)"), fmt);
	if (optind + 1 != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice show NUMÉRO [--format text|json|pdf] [--no-detail] [-o FICHIER]"));
	/* every argument is judged before any file is touched */
	if (out && strcmp(fmt, "text") == 0)
		return err_set(e, JUSTE_EUSAGE, N_("-o s'applique aux formats json et pdf"));
	struct invoice_doc d;
	juste_status st = invoicing_load(c->app, argv[optind], &d, e);
	if (st)
		return st;
	if (strcmp(fmt, "pdf") == 0) {
		char path[4096];
		if (out)
			snprintf(path, sizeof path, "%s", out);
		else if (d.rec.number[0])
			snprintf(path, sizeof path, "%s.pdf", d.rec.number);
		else
			snprintf(path, sizeof path, "brouillon-%lld.pdf", (long long)d.rec.id);
		int issued = vocab_invoice_status_final(d.rec.status), copy = 0;
		int with_detail = 1;
		st = invoicing_detail(c->app, &d, detail, &with_detail, e);
		if (!st)
			st = invoice_pdf_write(app_policy(c->app), &d, issued && d.rec.reprints > 0, with_detail, path, e);
		invoice_pdf_shutdown();
		if (!st)
			st = invoicing_printed(c->app, &d, &copy, e);
		if (!st)
			printf(copy ? _("%s écrit (COPIE)\n") : _("%s écrit\n"), path);
	} else if (strcmp(fmt, "json") == 0) {
		struct outfile *f;
		if (!(st = outfile_open(out, &f, e))) {
			json_t *j = doc_json(&d);
			char *s = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
			if (s)
				fprintf(outfile_stream(f), "%s\n", s);
			else
				st = err_set(e, JUSTE_EIO, N_("facture impossible à écrire en JSON (texte invalide dans la base ?)"));
			free(s);
			json_decref(j);
			st = outfile_end(f, st, e);
		}
	} else {
		show_text(&d);
	}
	invoicing_doc_free(&d);
	return st;
}

/* -------------------------------------------------------------------- pdf */

static int on_pdf(void *ctx, const struct invoice_rec *r, const char *path)
{
	(*(int *)ctx)++;
	/* r->reprints counts this print: a first print is 1 */
	printf(r->reprints > 1 ? _("%s (COPIE)\n") : "%s\n", path);
	return 0;
}

static juste_status pdf_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' }, { "org", required_argument, NULL, 'g' },
		{ "detail", no_argument, NULL, 'D' }, { "no-detail", no_argument, NULL, 'N' }, { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *org = NULL;
	int o, detail = INVOICING_DETAIL_CLIENT;
	while ((o = cli_getopt(argc, argv, "o:", opts, "invoice pdf", e)) != -1) {
		switch (o) {
		case 'o': dir = optarg; break;
		case 'g': org = optarg; break;
		case 'D': detail = 1; break;
		case 'N': detail = 0; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind + 1 != argc || !dir)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice pdf MOIS -o DOSSIER [--org CODE] [--no-detail]"));
	int n = 0;
	juste_status st = invoicing_pdf_month(c->app, argv[optind], org, dir, detail, on_pdf, &n, e);
	if (!st)
		printf(ngettext("%d PDF écrit dans %s\n", "%d PDF écrits dans %s\n", (unsigned long)n), n, dir);
	return st;
}

/* ---------------------------------------------------------------- journal */

struct journal_ctx {
	int fmt;   /* 0 table, 1 csv, 2 json */
	long n;
	struct invoice_amounts sum;
	int64_t tvh_cents;            /* of sum.tps_cents, what is TVH */
	json_t *arr;
};

/* The CSV header, with the first row or at the end: nothing before a refusal. */
static void journal_header(const struct journal_ctx *j)
{
	if (j->fmt == 1 && j->n == 0) {
		const char *h[] = { "number", "kind", "issued_on", "client", "client_name", "subtotal", "tps", "tvh", "tvq",
			"total", "credits_invoice", "taxes" };
		csvout_row(stdout, h, 12);
	}
}

static int on_journal(void *ctx, const struct invoice_rec *r)
{
	struct journal_ctx *j = ctx;
	char sub[MONEY_BUF], tps[MONEY_BUF], tvh[MONEY_BUF], tvq[MONEY_BUF], tot[MONEY_BUF], names[160];
	/* the first tax slot is the TPS or, in a harmonized province, the TVH:
	 * two taxes remitted apart, so two columns */
	int hst = vocab_tax_regime_hst(r->tax_regime);
	journal_header(j);
	j->n++;
	j->sum.subtotal_cents += r->amounts.subtotal_cents;
	j->sum.tps_cents += r->amounts.tps_cents;
	j->sum.tvq_cents += r->amounts.tvq_cents;
	j->sum.total_cents += r->amounts.total_cents;
	if (hst)
		j->tvh_cents += r->amounts.tps_cents;
	tax_names(r->tax_regime, r->tps_rate, r->tvq_rate, names, sizeof names);
	if (r->tax_exempt_reason[0] && r->tax_regime != TAX_REGIME_DETAXE)
		snprintf(names, sizeof names, "%s", _("exonéré"));
	if (j->fmt == 2) {
		json_t *o = json_object();
		json_object_set_new(o, "number", json_string(r->number));
		json_object_set_new(o, "kind", json_string(vocab_invoice_kind_word(r->kind)));
		json_object_set_new(o, "issued_on", json_string(r->issued_on));
		json_object_set_new(o, "client", json_string(r->client_code));
		json_object_set_new(o, "client_name", json_string(r->client_name));
		json_object_set_new(o, "subtotal_cents", json_integer(r->amounts.subtotal_cents));
		json_object_set_new(o, "tps_cents", json_integer(hst ? 0 : r->amounts.tps_cents));
		json_object_set_new(o, "tvh_cents", json_integer(hst ? r->amounts.tps_cents : 0));
		json_object_set_new(o, "tvq_cents", json_integer(r->amounts.tvq_cents));
		json_object_set_new(o, "total_cents", json_integer(r->amounts.total_cents));
		json_object_set_new(o, "credits_invoice", r->credited_number[0] ? json_string(r->credited_number) : json_null());
		json_object_set_new(o, "taxes", json_string(names));
		json_array_append_new(j->arr, o);
		return 0;
	}
	if (j->fmt == 1) {
		const char *f[] = { r->number, vocab_invoice_kind_word(r->kind), r->issued_on, r->client_code, r->client_name,
			money_format_plain(r->amounts.subtotal_cents, sub, sizeof sub),
			money_format_plain(hst ? 0 : r->amounts.tps_cents, tps, sizeof tps),
			money_format_plain(hst ? r->amounts.tps_cents : 0, tvh, sizeof tvh),
			money_format_plain(r->amounts.tvq_cents, tvq, sizeof tvq),
			money_format_plain(r->amounts.total_cents, tot, sizeof tot), r->credited_number, names };
		csvout_row(stdout, f, 12);
		return 0;
	}
	out_cell(stdout, r->number, 14);
	printf("  %s  ", r->issued_on);
	out_cell(stdout, r->client_code, 10);
	fputs("  ", stdout);
	out_cell(stdout, r->client_name, 28);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.subtotal_cents, sub, sizeof sub), -15);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.tps_cents, tps, sizeof tps), -12);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.tvq_cents, tvq, sizeof tvq), -12);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), r->amounts.total_cents, tot, sizeof tot), -15);
	printf("  %s\n", names);
	return 0;
}

static juste_status journal_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	char from[11] = "", to[11] = "";
	struct journal_ctx j = { 0 };
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "invoice journal", e)) != -1) {
		switch (o) {
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				j.fmt = 1;
			else if (strcmp(optarg, "json") == 0)
				j.fmt = 2;
			else if (strcmp(optarg, "table") != 0)
				return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv ou json)"), optarg);
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc || !from[0] || !to[0])
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice journal --from DATE --to DATE [--format table|csv|json]"));
	if (j.fmt == 2)
		j.arr = json_array();
	st = invoicing_journal(c->app, from, to, on_journal, &j, e);
	if (!st)
		journal_header(&j);
	if (!st && j.fmt == 2) {
		char *s = json_dumps(j.arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s ? s : "[]");
		free(s);
	}
	json_decref(j.arr);
	if (st)
		return st;
	/* the totals: a line for the reader, never a row among the data (on
	 * stderr with csv and json) */
	char sub[MONEY_BUF], tps[MONEY_BUF], tvh[MONEY_BUF], tvq[MONEY_BUF], tot[MONEY_BUF];
	fprintf(j.fmt ? stderr : stdout, _("%ld pièces du %s au %s ; sous-total %s, TPS %s, TVH %s, TVQ %s, total %s\n"), j.n,
		from, to, money_format_lang(out_lang(), j.sum.subtotal_cents, sub, sizeof sub),
		money_format_lang(out_lang(), j.sum.tps_cents - j.tvh_cents, tps, sizeof tps), money_format_lang(out_lang(), j.tvh_cents, tvh, sizeof tvh),
		money_format_lang(out_lang(), j.sum.tvq_cents, tvq, sizeof tvq), money_format_lang(out_lang(), j.sum.total_cents, tot, sizeof tot));
	return JUSTE_OK;
}

/* ------------------------------------------------------------------- send */

static juste_status send_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "again", no_argument, NULL, 'A' }, { NULL, 0, NULL, 0 } };
	bool again = false;
	int o;
	while ((o = cli_getopt(argc, argv, "", opts, "invoice send", e)) != -1) {
		switch (o) {
		case 'A': again = true; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind + 1 != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice send AAAA-MM|NUMÉRO [--again]"));
	struct mail_run run;
	juste_status st = mail_send_invoices(c->app, argv[optind], again, cli_mail_outcome, NULL, &run, e);
	return cli_mail_finish(st, &run, e);
}

/* -------------------------------------------------------------- increment */

static juste_status increment_cmd(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "mandate", required_argument, NULL, 'm' }, { "org", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 } };
	const char *code = NULL;
	int is_org = 0, o, n = 0;
	while ((o = cli_getopt(argc, argv, "", opts, "invoice increment", e)) != -1) {
		switch (o) {
		case 'm': code = optarg; is_org = 0; n++; break;
		case 'o': code = optarg; is_org = 1; n++; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (n != 1 || optind + 1 != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice increment --mandate CODE|--org CODE MINUTES|none"));
	int minutes = 0;
	if (strcmp(argv[optind], "none") != 0) {
		char *end;
		long v = strtol(argv[optind], &end, 10);
		if (!*argv[optind] || *end || v < 1 || v > 240)
			return err_set(e, JUSTE_EINVAL, N_("incrément invalide '%s' : 1 à 240 minutes, ou none"), argv[optind]);
		minutes = (int)v;
	}
	juste_status st = invoicing_set_increment(c->app, is_org, code, minutes, e);
	if (!st) {
		if (minutes)
			printf(_("%s : heures facturées par tranches de %d min\n"), code, minutes);
		else
			printf(_("%s : heures facturées à la minute\n"), code);
	}
	return st;
}

juste_status cli_invoice(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return usage(e);
	const char *sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "draft") == 0)
		return month_cmd(c, argc, argv, 0, e);
	if (strcmp(sub, "issue") == 0)
		return month_cmd(c, argc, argv, 1, e);
	if (strcmp(sub, "credit") == 0)
		return credit_cmd(c, argc, argv, e);
	if (strcmp(sub, "list") == 0)
		return list_cmd(c, argc, argv, e);
	if (strcmp(sub, "show") == 0)
		return show_cmd(c, argc, argv, e);
	if (strcmp(sub, "pdf") == 0)
		return pdf_cmd(c, argc, argv, e);
	if (strcmp(sub, "journal") == 0)
		return journal_cmd(c, argc, argv, e);
	if (strcmp(sub, "increment") == 0)
		return increment_cmd(c, argc, argv, e);
	if (strcmp(sub, "send") == 0)
		return send_cmd(c, argc, argv, e);
	if (strcmp(sub, "sent") == 0)
		return cli_mail_log(c, argc, argv, e);
	return err_set(e, JUSTE_EUSAGE, N_("sous-commande inconnue : %s (draft, issue, credit, list, show, pdf, journal, increment, send, sent)"), sub);
}
