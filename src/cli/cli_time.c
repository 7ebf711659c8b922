/*
 * cli_time.c - juste log, juste entries, juste entry edit|rm.
 */
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
#include "juste/rates.h"
#include "juste/timelog.h"
#include "juste/transfer.h"

static juste_status parse_id(const char *s, int64_t *id, struct juste_err *e)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0)
		return err_set(e, JUSTE_EUSAGE, N_("numéro de saisie invalide : '%s'"), s);
	*id = v;
	return JUSTE_OK;
}

static void print_entry(const char *verb, const struct entry *x)
{
	char dur[DURATION_BUF];
	printf(_("%s #%lld : %s %s %s %s"), verb, (long long)x->id, x->work_date, x->expert,
		duration_format(x->minutes, dur, sizeof dur), x->mandate);
	if (x->note[0])
		printf(_(" « %s »"), out_visible(x->note));
	putchar('\n');
}

juste_status cli_log(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = { { "date", required_argument, NULL, 'd' }, { NULL, 0, NULL, 0 } };
	struct entry x;
	memset(&x, 0, sizeof x);
	date_format(app_today(), x.work_date);
	int o;
	/* options anywhere (juste log 1h M-1 --date …), so that a misspelt
	 * one is an error, not a note: the words are sorted first, then the
	 * options read.  After the mandate a word that begins with a single
	 * "-" is the note ("-2 h de plus"); after "--" every word is one. */
	char **words = calloc((size_t)argc + 1, sizeof *words);
	if (!words)
		return err_set(e, JUSTE_ENOMEM, N_("mémoire insuffisante"));
	const char *pos[3];
	int nw = 0, npos = 0, plain = 0, extra = 0;
	words[nw++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const char *w = argv[i];
		if (!plain && strcmp(w, "--") == 0)
			plain = 1;
		else if (plain || w[0] != '-' || !w[1] || (npos >= 2 && w[1] != '-')) {
			if (npos < 3)
				pos[npos++] = w;
			else
				extra = 1;
		} else {
			words[nw++] = argv[i];
			if ((strcmp(w, "--date") == 0 || strcmp(w, "-d") == 0) && i + 1 < argc)
				words[nw++] = argv[++i];
		}
	}
	juste_status st = JUSTE_OK;
	optind = 0;   /* glibc: a full reset for the sorted words */
	while (!st && (o = cli_getopt(nw, words, "+d:", opts, "log", e)) != -1)
		st = o == 'd' ? cli_opt_date("--date", optarg, x.work_date, e) : JUSTE_EUSAGE;   /* '?': cli_getopt said why */
	free(words);
	if (st)
		return st;
	if (npos < 2 || extra)
		return err_set(e, JUSTE_EUSAGE, N_("usage : %s"), _("juste log [--date DATE] DURÉE MANDAT [NOTE]"));
	argv = (char **)pos;
	optind = 0;
	int rest = npos;
	st = duration_parse(argv[optind], &x.minutes, e);
	if (st)
		return st;
	if (strlen(argv[optind + 1]) >= sizeof x.mandate)
		return err_set(e, JUSTE_EINVAL, N_("mandat inconnu : '%s'"), argv[optind + 1]);
	snprintf(x.mandate, sizeof x.mandate, "%s", argv[optind + 1]);
	if (rest == 3) {
		if (strlen(argv[optind + 2]) >= sizeof x.note)
			return err_set(e, JUSTE_EINVAL, N_("note trop longue (%zu octets au plus)"), sizeof x.note - 1);
		snprintf(x.note, sizeof x.note, "%s", argv[optind + 2]);
	}
	snprintf(x.expert, sizeof x.expert, "%s", app_user(c->app)->login);
	st = timelog_add(c->app, &x, e);
	if (st)
		return st;
	print_entry(_("Saisi"), &x);
	cli_budget_notice(c);
	return JUSTE_OK;
}

/* ---------------------------------------------------------------- entries */

struct list_ctx {
	enum transfer_format fmt;
	long count;
	long minutes;
	long billable;
	FILE *out;
	/* --priced: the book is loaded once, each streamed row priced */
	struct rates_pricer *pricer;
	long unpriced;
	int64_t amount;
	int64_t bad_id;   /* an entry JSON cannot carry (ill-formed UTF-8 in the base) */
};

/* The price of an hourly entry; the others have none (forfait is billed
 * by the month, non_facturable not at all).  Fills the three cells. */
static void price_row(struct list_ctx *l, const struct entry *x, char *rate, char *amount, char *rule,
	size_t n, struct priced *p)
{
	rate[0] = amount[0] = rule[0] = '\0';
	memset(p, 0, sizeof *p);
	if (!vocab_billing_hourly(x->billing))
		return;
	if (rates_pricer_price(l->pricer, x->id, x->mandate_id, x->work_date, x->minutes, p, NULL) != JUSTE_OK) {
		l->unpriced++;
		snprintf(rule, n, "%s", l->fmt == FORMAT_TABLE ? _("AUCUN TAUX") : "none");
		return;
	}
	l->amount += p->amount_cents;
	if (l->fmt == FORMAT_TABLE) {
		money_format_lang(out_lang(), p->rate_cents, rate, n);
		money_format_lang(out_lang(), p->amount_cents, amount, n);
		pricing_rule_short(p->row, rule, n);
	} else {
		money_format_plain(p->rate_cents, rate, n);
		money_format_plain(p->amount_cents, amount, n);
		snprintf(rule, n, "%s:%s", pricing_rule_word(p->row->rule), p->row->valid_from);
	}
}

static int list_row(void *p, const struct entry *x)
{
	struct list_ctx *l = p;
	char dur[DURATION_BUF], id[24], min[16];
	char rate[MONEY_BUF], amount[MONEY_BUF], rule[64];
	struct priced pr;
	snprintf(id, sizeof id, "%lld", (long long)x->id);
	duration_format(x->minutes, dur, sizeof dur);
	if (l->pricer)
		price_row(l, x, rate, amount, rule, sizeof rule < sizeof rate ? sizeof rule : sizeof rate, &pr);
	switch (l->fmt) {
	case FORMAT_TABLE:
		out_cell(l->out, id, -7);
		fputs("  ", l->out);
		fputs(x->work_date, l->out);
		fputs("  ", l->out);
		out_cell(l->out, x->expert, 12);
		fputs("  ", l->out);
		out_cell(l->out, x->mandate, 14);
		fputs("  ", l->out);
		out_cell(l->out, x->client, 10);
		fputs("  ", l->out);
		out_cell(l->out, dur, -7);
		fputs("  ", l->out);
		if (l->pricer) {
			out_cell(l->out, rate, -11);
			fputs("  ", l->out);
			out_cell(l->out, amount, -12);
			fputs("  ", l->out);
			out_cell(l->out, rule, 18);
			fputs("  ", l->out);
		}
		out_cell(l->out, x->note, 40);
		fputc('\n', l->out);
		break;
	case FORMAT_CSV: {
		snprintf(min, sizeof min, "%d", x->minutes);
		const char *f[] = { id, x->uuid, x->work_date, x->expert, x->mandate, x->client, vocab_billing_word(x->billing), min, x->note,
			l->pricer ? rate : NULL, l->pricer ? amount : NULL, l->pricer ? rule : NULL };
		csvout_row(l->out, f, l->pricer ? 12 : 9);
		break;
	}
	case FORMAT_JSON: {
		json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:s}",
			"id", (json_int_t)x->id, "uuid", x->uuid, "date", x->work_date, "expert", x->expert,
			"mandate", x->mandate, "client", x->client, "billing", vocab_billing_word(x->billing),
			"minutes", x->minutes, "note", x->note);
		if (o && l->pricer) {
			int has = pr.row != NULL;
			json_object_set_new(o, "rate_cents", has ? json_integer(pr.rate_cents) : json_null());
			json_object_set_new(o, "amount_cents", has ? json_integer(pr.amount_cents) : json_null());
			json_object_set_new(o, "rule", rule[0] ? json_string(rule) : json_null());
		}
		char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (!s) {
			/* never a "null" in place of an entry: stop and say which */
			l->bad_id = x->id;
			return 1;
		}
		fprintf(l->out, "%s  %s", l->count ? ",\n" : "", s);
		free(s);
		break;
	}
	}
	l->count++;
	l->minutes += x->minutes;
	if (vocab_billing_billable(x->billing))
		l->billable += x->minutes;
	return 0;
}

juste_status cli_entries(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "expert", required_argument, NULL, 'x' }, { "mandate", required_argument, NULL, 'm' },
		{ "org", required_argument, NULL, 'o' }, { "format", required_argument, NULL, 'F' },
		{ "priced", no_argument, NULL, 'p' }, { NULL, 0, NULL, 0 } };
	char from[11] = "", to[11] = "";
	struct entry_filter f = { 0 };
	struct list_ctx l = { .fmt = FORMAT_TABLE, .out = stdout };
	struct rates_pricer pricer;
	int priced = 0;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "+", opts, "entries", e)) != -1) {
		switch (o) {
		case 'f': st = cli_opt_date("--from", optarg, from, e); f.from = from; break;
		case 't': st = cli_opt_date("--to", optarg, to, e); f.to = to; break;
		case 'x': f.expert = optarg; break;
		case 'm': f.mandate = optarg; break;
		case 'o': f.org = optarg; break;
		case 'F': st = transfer_format_parse(optarg, &l.fmt, e); break;
		case 'p': priced = 1; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind < argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	/* refused before anything is printed */
	if ((st = timelog_restrict(c->app, &f, e)))
		return st;
	if (priced) {
		st = rates_pricer_load(c->app, &pricer, e);
		if (st)
			return st;
		l.pricer = &pricer;
	}
	if (l.fmt == FORMAT_CSV) {
		const char *h[] = { "id", "uuid", "date", "expert", "mandate", "client", "billing", "minutes", "note",
			"rate", "amount", "rule" };
		csvout_row(stdout, h, priced ? 12 : 9);
	} else if (l.fmt == FORMAT_JSON) {
		fputs("[\n", stdout);
	}
	st = timelog_list(c->app, &f, list_row, &l, e);
	rates_pricer_free(l.pricer);
	if (st)
		return st;
	if (l.bad_id)
		return err_set(e, JUSTE_EIO, N_("saisie #%lld : sa note n'est pas de l'UTF-8 valide dans la base : impossible de l'écrire en JSON"),
			(long long)l.bad_id);
	if (l.fmt == FORMAT_JSON) {
		fputs(l.count ? "\n]\n" : "]\n", stdout);
	} else if (l.fmt == FORMAT_TABLE) {
		char tot[DURATION_BUF], bill[DURATION_BUF];
		printf(ngettext("%ld saisie, total %s h, dont facturable %s h\n",
			"%ld saisies, total %s h, dont facturable %s h\n", (unsigned long)l.count), l.count,
			duration_format_hours_fr(l.minutes, tot, sizeof tot),
			duration_format_hours_fr(l.billable, bill, sizeof bill));
		if (priced) {
			char amt[MONEY_BUF];
			printf(_("montant des heures facturables à l'heure : %s\n"), money_format_lang(out_lang(), l.amount, amt, sizeof amt));
		}
	}
	/* never a silent 0: unpriced hours are an error once listed */
	if (priced && l.unpriced)
		return err_set(e, JUSTE_EINVAL, N_("%ld saisies facturables sans taux (voir juste rate check)"), l.unpriced);
	return JUSTE_OK;
}

/* ------------------------------------------------------------------ entry */

static juste_status entry_edit(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "duration", required_argument, NULL, 'u' },
		{ "mandate", required_argument, NULL, 'm' }, { "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 } };
	/* the options first, whatever ID is: a usage error is said as such,
	 * before the entry is looked for */
	char date[ISO_LEN] = "";
	const char *mandate = NULL, *note = NULL;
	int minutes = -1, o, changed = 0;
	juste_status st = JUSTE_OK;
	optind = 0;   /* glibc: a full reset, argv begins at "edit" */
	while (!st && (o = cli_getopt(argc, argv, "", opts, "entry edit", e)) != -1) {
		changed++;
		switch (o) {
		case 'd': st = cli_opt_date("--date", optarg, date, e); break;
		case 'u': st = duration_parse(optarg, &minutes, e); break;
		case 'm': mandate = optarg; break;
		case 'n': note = optarg; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (argc - optind != 1)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste entry edit ID [--date DATE] [--duration DURÉE] [--mandate CODE] [--note NOTE]"));
	if (!changed)
		return err_set(e, JUSTE_EUSAGE, N_("rien à modifier : donnez --date, --duration, --mandate ou --note"));
	int64_t id = 0;
	if ((st = parse_id(argv[optind], &id, e)))
		return st;
	struct entry x;
	if ((st = timelog_get(c->app, id, &x, e)))
		return st;
	if (date[0])
		snprintf(x.work_date, sizeof x.work_date, "%s", date);
	if (minutes >= 0)
		x.minutes = minutes;
	if (mandate) {
		if (strlen(mandate) >= sizeof x.mandate)
			return err_set(e, JUSTE_EINVAL, N_("mandat inconnu : '%s'"), mandate);
		snprintf(x.mandate, sizeof x.mandate, "%s", mandate);
		x.mandate_id = 0;
	}
	if (note) {
		if (strlen(note) >= sizeof x.note)
			return err_set(e, JUSTE_EINVAL, N_("note trop longue (%zu octets au plus)"), sizeof x.note - 1);
		snprintf(x.note, sizeof x.note, "%s", note);
	}
	st = timelog_edit(c->app, &x, e);
	if (st)
		return st;
	print_entry(_("Modifié"), &x);
	cli_budget_notice(c);
	return JUSTE_OK;
}

juste_status cli_entry(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	if (argc < 2)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste entry edit|rm ID …"));
	if (strcmp(argv[1], "edit") == 0)
		return entry_edit(c, argc - 1, argv + 1, e);
	if (strcmp(argv[1], "rm") == 0) {
		juste_status st = cli_no_options(argc - 1, argv + 1, "entry rm", e);
		if (st)
			return st;
		if (argc != 3)
			return err_set(e, JUSTE_EUSAGE, N_("usage : juste entry rm ID"));
		int64_t id = 0;
		struct entry x;
		st = parse_id(argv[2], &id, e);
		if (!st)
			st = timelog_get(c->app, id, &x, e);
		if (!st)
			st = timelog_remove(c->app, id, e);
		if (st)
			return st;
		print_entry(_("Supprimé"), &x);
		return JUSTE_OK;
	}
	return err_set(e, JUSTE_EUSAGE, N_("sous-commande inconnue : %s (edit ou rm)"), argv[1]);
}
