/*
 * cli_mail.c - what the sending commands print (juste invoice send,
 * statement --send, reminders send) and the send log (juste invoice sent).
 * Thin: printing around mail.h.
 *
 * A message sent or skipped is a line on standard output; a client that
 * could not be written to is a line on standard error, and the command
 * then ends with status 1 once the others are sent, so that a script sees
 * that someone was not reached.
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
#include "juste/reminders.h"

int cli_mail_outcome(void *ctx, const struct mail_outcome *o)
{
	(void)ctx;
	switch (o->status) {
	case MAIL_SENT:
		printf(_("envoyé : %s (%s) à %s : %s\n"), o->client->code, out_visible(o->client->name),
			out_visible(o->client->email), o->documents);
		break;
	case MAIL_SKIPPED:
		printf(_("déjà envoyé, sauté : %s (%s) : %s (--again pour renvoyer)\n"), o->client->code,
			out_visible(o->client->name), o->documents);
		break;
	case MAIL_NO_ADDRESS:
		fprintf(stderr, _("non envoyé : %s (%s) n'a pas d'adresse de courriel (juste org edit %s --email …) : %s\n"),
			o->client->code, out_visible(o->client->name), o->client->code, o->documents);
		break;
	case MAIL_BAD_ADDRESS:
		fprintf(stderr, _("non envoyé : l'adresse de courriel de %s (%s) n'en est pas une : « %s » : %s\n"),
			o->client->code, out_visible(o->client->name), out_visible(o->client->email), o->documents);
		break;
	}
	return 0;
}

juste_status cli_mail_finish(juste_status st, const struct mail_run *run, struct juste_err *e)
{
	if (st)
		return st;
	printf(_("%d envoyé(s), %d sauté(s) (déjà envoyés)\n"), run->sent, run->skipped);
	if (run->no_address)
		return err_set(e, JUSTE_EINVAL, N_("%d client(s) sans adresse de courriel valable : rien ne leur a été envoyé"),
			run->no_address);
	return JUSTE_OK;
}

/* ------------------------------------------------------------- the log */

enum lfmt { LFMT_TABLE, LFMT_CSV, LFMT_JSON };

struct log_ctx {
	enum lfmt fmt;
	long n;
	json_t *arr;
};

/* What the row was about: the invoice's number, or the statement's date. */
static const char *document_of(const struct maillog_rec *r)
{
	return r->kind == MAIL_DOC_STATEMENT ? r->statement_at : r->invoice_number;
}

static int on_log(void *ctx, const struct maillog_rec *r)
{
	struct log_ctx *l = ctx;
	const char *level = mail_level_word(r->level);
	if (l->fmt == LFMT_CSV) {
		if (l->n == 0) {
			const char *h[] = { "sent_at", "sent_by", "client", "client_name", "recipient", "kind", "document",
				"level", "message_id" };
			csvout_row(stdout, h, 9);
		}
		const char *f[] = { r->sent_at, r->sent_by, r->client_code, r->client_name, r->recipient,
			vocab_mail_doc_word(r->kind), document_of(r), level, r->message_id };
		csvout_row(stdout, f, 9);
	} else if (l->fmt == LFMT_JSON) {
		json_t *o = json_object();
		json_object_set_new(o, "sent_at", json_string(r->sent_at));
		json_object_set_new(o, "sent_by", json_string(r->sent_by));
		json_object_set_new(o, "client", json_string(r->client_code));
		json_object_set_new(o, "client_name", json_string(r->client_name));
		json_object_set_new(o, "recipient", json_string(r->recipient));
		json_object_set_new(o, "kind", json_string(vocab_mail_doc_word(r->kind)));
		json_object_set_new(o, "document", json_string(document_of(r)));
		json_object_set_new(o, "level", level[0] ? json_string(level) : json_null());
		json_object_set_new(o, "message_id", json_string(r->message_id));
		json_array_append_new(l->arr, o);
	} else {
		static const int w[] = { 20, 12, 10, 28, 34, 14 };
		if (l->n == 0) {
			const char *h[] = { _("Envoyé le (UTC)"), _("Par"), _("Client"), _("Destinataire"), _("Document"),
				_("Numéro ou date") };
			for (int i = 0; i < 6; i++) {
				out_cell(stdout, h[i], w[i]);
				fputs("  ", stdout);
			}
			printf("%s\n", _("Message-ID"));
		}
		char what[160];
		if (level[0])
			snprintf(what, sizeof what, "%s (%s)", vocab_mail_doc_label(r->kind), _(reminders_level_label((enum reminder_level)r->level)));
		else
			snprintf(what, sizeof what, "%s", vocab_mail_doc_label(r->kind));
		const char *f[] = { r->sent_at, r->sent_by, r->client_code, r->recipient, what, document_of(r) };
		for (int i = 0; i < 6; i++) {
			out_cell(stdout, f[i], w[i]);
			fputs("  ", stdout);
		}
		printf("%s\n", out_visible(r->message_id));
	}
	l->n++;
	return 0;
}

juste_status cli_mail_log(struct cli *c, int argc, char **argv, struct juste_err *e)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' }, { "client", required_argument, NULL, 'c' }, { NULL, 0, NULL, 0 } };
	struct log_ctx l = { 0 };
	const char *client = NULL;
	int o;
	while ((o = cli_getopt(argc, argv, "", opts, "invoice sent", e)) != -1) {
		switch (o) {
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				l.fmt = LFMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				l.fmt = LFMT_JSON;
			else if (strcmp(optarg, "table") != 0)
				return err_set(e, JUSTE_EUSAGE, N_("format inconnu '%s' (table, csv ou json)"), optarg);
			break;
		case 'c': client = optarg; break;
		default: return JUSTE_EUSAGE;   /* cli_getopt said why */
		}
	}
	if (optind != argc)
		return err_set(e, JUSTE_EUSAGE, N_("usage : juste invoice sent [--client CODE] [--format table|csv|json]"));
	if (l.fmt == LFMT_JSON)
		l.arr = json_array();
	juste_status st = mail_log_list(c->app, client, on_log, &l, e);
	if (!st && l.fmt == LFMT_JSON) {
		char *s = json_dumps(l.arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s ? s : "[]");
		free(s);
	}
	if (!st && l.fmt == LFMT_CSV && l.n == 0) {
		const char *h[] = { "sent_at", "sent_by", "client", "client_name", "recipient", "kind", "document", "level",
			"message_id" };
		csvout_row(stdout, h, 9);
	}
	if (!st && l.fmt == LFMT_TABLE && l.n == 0)
		printf("%s\n", _("Aucun courriel envoyé."));
	json_decref(l.arr);
	return st;
}
