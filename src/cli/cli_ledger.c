/*
 * cli_ledger.c - juste ledger: the journal of the books of account, as a
 * table, the generic CSV, JSON, or Sage 50 Canadian's general journal
 * import file.  Thin: printing around ledger_books_journal().
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/ledger_books.h"
#include "juste/money.h"

enum ledger_fmt { LFMT_TABLE, LFMT_CSV, LFMT_JSON, LFMT_SAGE50 };

static juste_status ledger_usage(struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE,
		N_("usage : juste ledger --from DATE --to DATE [--format table|csv|json|sage50]"));
}

/* Sage 50's limits (source 13, comment 39 characters), cut on a character
 * boundary, double quotes made single: the field is quoted. */
static void sage_text(const char *s, size_t max_chars, char *out, size_t n)
{
	size_t j = 0, chars = 0;
	for (size_t i = 0; s[i] && j + 4 < n; ) {
		unsigned char ch = (unsigned char)s[i];
		size_t len = ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
		if (chars == max_chars)
			break;
		for (size_t k = 0; k < len && s[i]; k++, i++)
			out[j++] = s[i] == '"' ? '\'' : (s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
		chars++;
	}
	out[j] = '\0';
}

static juste_status sage_accounts(const struct ledger_journal *j, struct juste_err *e)
{
	for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
		const char *acc = j->accounts[k];
		size_t n = strspn(acc, "0123456789");
		if (n < 4 || acc[n])
			return err_set(e, JUSTE_EINVAL,
				N_("%s : Sage 50 veut un numéro de compte d'au moins 4 chiffres, pas '%s'"),
				ledger_account_key((enum ledger_account)k), acc);
	}
	return JUSTE_OK;
}

static void print_sage50(const struct ledger_journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		const struct ledger_journal_entry *x = &j->entries[i];
		char src[64], memo[200];
		sage_text(x->piece, 13, src, sizeof src);
		sage_text(x->memo, 39, memo, sizeof memo);
		/* mm-dd-yy */
		printf("%.2s-%.2s-%.2s,\"%s\",\"%s\"\r\n", x->date + 5, x->date + 8, x->date + 2, src, memo);
		for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
			char a[MONEY_BUF];
			if (x->e.net[k])
				printf("%s,%s\r\n", j->accounts[k], money_format_plain(x->e.net[k], a, sizeof a));
		}
	}
}

static void print_csv(const struct ledger_journal *j)
{
	const char *h[] = { "date", "piece", "account", "account_kind", "debit", "credit", "memo" };
	csvout_row(stdout, h, 7);
	for (size_t i = 0; i < j->n; i++) {
		const struct ledger_journal_entry *x = &j->entries[i];
		for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
			if (!x->e.net[k])
				continue;
			char d[MONEY_BUF], c[MONEY_BUF];
			const char *f[] = { x->date, x->piece, j->accounts[k], ledger_account_word((enum ledger_account)k),
				money_format_plain(ledger_debit(&x->e, (enum ledger_account)k), d, sizeof d),
				money_format_plain(ledger_credit(&x->e, (enum ledger_account)k), c, sizeof c), x->memo };
			csvout_row(stdout, f, 7);
		}
	}
}

static void print_json(const struct ledger_journal *j, const char *from, const char *to)
{
	json_t *root = json_object(), *arr = json_array();
	json_object_set_new(root, "from", json_string(from));
	json_object_set_new(root, "to", json_string(to));
	for (size_t i = 0; i < j->n; i++) {
		const struct ledger_journal_entry *x = &j->entries[i];
		json_t *o = json_object(), *lines = json_array();
		json_object_set_new(o, "date", json_string(x->date));
		json_object_set_new(o, "piece", json_string(x->piece));
		json_object_set_new(o, "memo", json_string(x->memo));
		for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
			if (!x->e.net[k])
				continue;
			json_t *l = json_object();
			json_object_set_new(l, "account", json_string(j->accounts[k]));
			json_object_set_new(l, "account_kind", json_string(ledger_account_word((enum ledger_account)k)));
			json_object_set_new(l, "debit_cents", json_integer(ledger_debit(&x->e, (enum ledger_account)k)));
			json_object_set_new(l, "credit_cents", json_integer(ledger_credit(&x->e, (enum ledger_account)k)));
			json_array_append_new(lines, l);
		}
		json_object_set_new(o, "lines", lines);
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "entries", arr);
	/* the totals apart from the data, as every listing's JSON has them */
	json_t *total = json_object();
	json_object_set_new(total, "debit_cents", json_integer(j->debit_cents));
	json_object_set_new(total, "credit_cents", json_integer(j->credit_cents));
	json_object_set_new(root, "total", total);
	char *s = json_dumps(root, JSON_INDENT(2));
	puts(s ? s : "null");
	free(s);
	json_decref(root);
}

static void print_table(const struct ledger_journal *j)
{
	char d[MONEY_BUF], c[MONEY_BUF];
	for (size_t i = 0; i < j->n; i++) {
		const struct ledger_journal_entry *x = &j->entries[i];
		printf("%s  ", x->date);
		out_cell(stdout, x->piece, 14);
		printf("  %s\n", out_visible(x->memo));
		for (int k = 0; k < LEDGER_ACCOUNT_COUNT; k++) {
			if (!x->e.net[k])
				continue;
			int64_t db = ledger_debit(&x->e, (enum ledger_account)k);
			int64_t cr = ledger_credit(&x->e, (enum ledger_account)k);
			fputs("    ", stdout);
			out_cell(stdout, j->accounts[k], 8);
			fputs("  ", stdout);
			out_cell(stdout, _(ledger_account_label((enum ledger_account)k)), 24);
			fputs("  ", stdout);
			out_cell(stdout, db ? money_format_lang(out_lang(), db, d, sizeof d) : "", -16);
			fputs("  ", stdout);
			out_cell(stdout, cr ? money_format_lang(out_lang(), cr, c, sizeof c) : "", -16);
			putchar('\n');
		}
	}
	fputs("    ", stdout);
	out_cell(stdout, _("Total"), 34);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), j->debit_cents, d, sizeof d), -16);
	fputs("  ", stdout);
	out_cell(stdout, money_format_lang(out_lang(), j->credit_cents, c, sizeof c), -16);
	putchar('\n');
}

juste_status cli_ledger(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' }, { NULL, 0, NULL, 0 } };
	char from[11] = "", to[11] = "";
	enum ledger_fmt fmt = LFMT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "ledger", e)) != -1) {
		switch (o) {
		case 'f': st = cli_opt_date("--from", optarg, from, e); break;
		case 't': st = cli_opt_date("--to", optarg, to, e); break;
		case 'F':
			if (strcmp(optarg, "table") == 0)
				fmt = LFMT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				fmt = LFMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = LFMT_JSON;
			else if (strcmp(optarg, "sage50") == 0)
				fmt = LFMT_SAGE50;
			else
				st = err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv, json ou sage50)"), optarg);
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (!from[0] || !to[0])
		return ledger_usage(e);
	struct ledger_journal j;
	if ((st = ledger_books_journal(c->app, from, to, &j, e)))
		return st;
	if (fmt == LFMT_SAGE50 && (st = sage_accounts(&j, e))) {
		ledger_books_free(&j);
		return st;
	}
	switch (fmt) {
	case LFMT_TABLE: print_table(&j); break;
	case LFMT_CSV: print_csv(&j); break;
	case LFMT_JSON: print_json(&j, from, to); break;
	case LFMT_SAGE50: print_sage50(&j); break;
	}
	ledger_books_free(&j);
	return JUSTE_OK;
}
