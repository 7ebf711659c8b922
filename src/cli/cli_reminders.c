/*
 * cli_reminders.c - juste reminders [pdf]: overdue invoices with their
 * reminder level, and the letters.  Thin: parsing and printing around
 * reminder_letters.h.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "juste/csvout.h"
#include "juste/i18n.h"
#include "juste/mail.h"
#include "juste/money.h"
#include "juste/reminder_letters.h"

enum rfmt { RFMT_TABLE, RFMT_CSV, RFMT_JSON };

static juste_status reminders_usage(struct juste_err *e)
{
	return err_set(e, JUSTE_EUSAGE,
		N_("usage : juste reminders [--at DATE] [--format table|csv|json] | juste reminders pdf [--at DATE] -o DOSSIER | "
		   "juste reminders send [--at DATE] [--again]"));
}

static void print_list(const struct reminder_list *l, enum rfmt fmt)
{
	char a[MONEY_BUF], d[16];
	if (fmt == RFMT_CSV) {
		const char *h[] = { "client", "client_name", "invoice", "issued_on", "due_on", "days_late", "open", "level" };
		csvout_row(stdout, h, 8);
	}
	json_t *arr = fmt == RFMT_JSON ? json_array() : NULL;
	for (size_t i = 0; i < l->nclients; i++) {
		const struct reminder_client *c = &l->clients[i];
		json_t *inv = arr ? json_array() : NULL;
		if (fmt == RFMT_TABLE) {
			out_cell(stdout, c->org.code, 10);
			fputs("  ", stdout);
			out_cell(stdout, c->org.name, 40);
			fputs("  ", stdout);
			out_cell(stdout, _(reminders_level_label(c->level)), 18);
			fputs("  ", stdout);
			out_cell(stdout, money_format_lang(out_lang(), c->open_cents, a, sizeof a), -14);
			putchar('\n');
		}
		for (size_t k = 0; k < c->ninvoices; k++) {
			const struct reminder_invoice *x = &c->invoices[k];
			snprintf(d, sizeof d, "%d", x->days_late);
			if (fmt == RFMT_CSV) {
				const char *f[] = { c->org.code, c->org.name, x->number, x->issued_on, x->due_on, d,
					money_format_plain(x->open_cents, a, sizeof a), reminders_level_word(x->level) };
				csvout_row(stdout, f, 8);
			} else if (fmt == RFMT_JSON) {
				json_t *o = json_object();
				json_object_set_new(o, "number", json_string(x->number));
				json_object_set_new(o, "issued_on", json_string(x->issued_on));
				json_object_set_new(o, "due_on", json_string(x->due_on));
				json_object_set_new(o, "days_late", json_integer(x->days_late));
				json_object_set_new(o, "open_cents", json_integer(x->open_cents));
				json_object_set_new(o, "level", json_string(reminders_level_word(x->level)));
				json_array_append_new(inv, o);
			} else {
				printf("    ");
				out_cell(stdout, x->number, 14);
				printf(_("  échue le %s, %3d j de retard  "), x->due_on, x->days_late);
				out_cell(stdout, money_format_lang(out_lang(), x->open_cents, a, sizeof a), -14);
				fputs("  ", stdout);
				out_cell(stdout, _(reminders_level_label(x->level)), 18);
				putchar('\n');
			}
		}
		if (arr) {
			json_t *o = json_object();
			json_object_set_new(o, "client", json_string(c->org.code));
			json_object_set_new(o, "client_name", json_string(c->org.name));
			json_object_set_new(o, "level", json_string(reminders_level_word(c->level)));
			json_object_set_new(o, "open_cents", json_integer(c->open_cents));
			json_object_set_new(o, "invoices", inv);
			json_array_append_new(arr, o);
		}
	}
	if (arr) {
		json_t *root = json_object();
		json_object_set_new(root, "at", json_string(l->at));
		json_object_set_new(root, "clients", arr);
		char *s = json_dumps(root, JSON_INDENT(2));
		puts(s ? s : "null");
		free(s);
		json_decref(root);
	} else if (fmt == RFMT_TABLE && l->nclients == 0) {
		printf(_("Aucune facture en retard au %s.\n"), l->at);
	}
}

static juste_status send_cmd(struct cli *c, int argc, char **argv, const struct option *opts, struct juste_err *e)
{
	char at[11] = "";
	bool again = false;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "", opts, "reminders send", e)) != -1) {
		switch (o) {
		case 'a': st = cli_opt_date("--at", optarg, at, e); break;
		case 'A': again = true; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	struct mail_run run;
	st = mail_send_reminders(c->app, at[0] ? at : NULL, again, cli_mail_outcome, NULL, &run, e);
	return cli_mail_finish(st, &run, e);
}

juste_status cli_reminders(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' }, { "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' }, { NULL, 0, NULL, 0 } };
	static const struct option send_opts[] = {
		{ "at", required_argument, NULL, 'a' }, { "again", no_argument, NULL, 'A' }, { NULL, 0, NULL, 0 } };
	bool pdf = argc > 1 && strcmp(argv[1], "pdf") == 0;
	bool send = argc > 1 && strcmp(argv[1], "send") == 0;
	if (pdf || send) {
		argc--;
		argv++;
	}
	if (send)
		return send_cmd(c, argc, argv, send_opts, e);
	char at[11] = "";
	const char *dir = NULL;
	enum rfmt fmt = RFMT_TABLE;
	int o;
	juste_status st = JUSTE_OK;
	while (!st && (o = cli_getopt(argc, argv, "o:", opts, pdf ? "reminders pdf" : "reminders", e)) != -1) {
		switch (o) {
		case 'a': st = cli_opt_date("--at", optarg, at, e); break;
		case 'o':
			if (!pdf)
				return reminders_usage(e);
			dir = optarg;
			break;
		case 'F':
			if (pdf)
				return reminders_usage(e);
			if (strcmp(optarg, "table") == 0)
				fmt = RFMT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				fmt = RFMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = RFMT_JSON;
			else
				st = err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv ou json)"), optarg);
			break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (st)
		return st;
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("argument en trop : %s"), argv[optind]);
	if (pdf && !dir)
		return err_set(e, JUSTE_EUSAGE, N_("juste reminders pdf : -o DOSSIER attendu"));
	struct reminder_list l;
	if ((st = reminder_letters_list(c->app, at[0] ? at : NULL, &l, e)))
		return st;
	if (pdf) {
		size_t n = 0;
		st = reminder_letters_pdf(c->app, &l, dir, &n, e);
		reminder_letters_shutdown();
		if (!st)
			printf(_("%zu lettre(s) de rappel écrite(s) dans %s\n"), n, dir);
	} else {
		print_list(&l, fmt);
	}
	reminder_letters_free(&l);
	return st;
}
